/** The response cache in the real app: repeat readers get the stored page, a clear shows changes at once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { skipDatabase, testDialect } from '../support/db.js';

describe.skipIf(skipDatabase())(`response cache on ${testDialect}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ cacheTtlSeconds: 60 });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('stores a public page and serves it again, per language and query', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/?category=idrott' });
    const second = await t.app.inject({ method: 'GET', url: '/?category=idrott' });
    expect(first.headers['x-cache']).toBe('miss');
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    const en = await t.app.inject({ method: 'GET', url: '/en/?category=idrott' });
    expect(en.headers['x-cache']).toBe('miss');
    expect(en.body).toMatch(/<html lang="en"/);
  });

  it('compresses cached pages like fresh ones', async () => {
    await t.app.inject({ method: 'GET', url: '/kategorier' });
    const hit = await t.app.inject({ method: 'GET', url: '/kategorier', headers: { 'accept-encoding': 'gzip' } });
    expect(hit.headers['x-cache']).toBe('hit');
    expect(hit.headers['content-encoding']).toBe('gzip');
  });

  it('never stores errors or requests that carry a cookie', async () => {
    await t.app.inject({ method: 'GET', url: '/aktivitet/999999' });
    expect((await t.app.inject({ method: 'GET', url: '/aktivitet/999999' })).headers['x-cache']).toBeUndefined();
    await t.app.inject({ method: 'GET', url: '/om', headers: { cookie: 'a=b' } });
    expect((await t.app.inject({ method: 'GET', url: '/om', headers: { cookie: 'a=b' } })).headers['x-cache']).toBeUndefined();
  });

  it('shows a change at once after clear()', async () => {
    await t.app.inject({ method: 'GET', url: '/organisationer' });
    t.app.responseCache.clear();
    expect((await t.app.inject({ method: 'GET', url: '/organisationer' })).headers['x-cache']).toBe('miss');
  });

  it('never stores a page whose form carries a visitor’s own CSRF token', async () => {
    for (const url of ['/tipsa', '/hitta-forening', '/efterfragas', '/logga-in']) {
      const first = await t.app.inject({ method: 'GET', url });
      const second = await t.app.inject({ method: 'GET', url });
      expect(second.headers['x-cache'], url).not.toBe('hit');
      const token = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
      expect(token(first.body), url).toBeTruthy();
      expect(token(second.body), url).not.toBe(token(first.body));
      // Each visitor can post the form they were given.
      const cookie = String(second.headers['set-cookie'] ?? '').split(';')[0];
      const post = await t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(token(second.body)!)}` });
      expect(post.statusCode, url).not.toBe(403);
    }
  });
});
