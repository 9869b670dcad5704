/** Every route declares who may use it; the app refuses to start with one that does not. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { skipDatabase, testDialect } from '../support/db.js';

describe.skipIf(skipDatabase())(`route access declarations on ${testDialect}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('records every route with its access, in every language', () => {
    const table = t.app.routeTable;
    expect(table.every((r) => ['public', 'signedIn', 'admin', 'editor', 'guide', 'translator', 'monitor'].includes(r.access))).toBe(true);
    expect(table.filter((r) => r.url.endsWith('/konto')).every((r) => r.access === 'signedIn')).toBe(true);
    const urls = new Set(table.map((r) => r.url));
    for (const url of ['/', '/en', '/aktivitet/:id', '/en/aktivitet/:id/kalender.ics', '/organisationer/:slug', '/api/v1/activities', '/healthz']) {
      expect(urls, url).toContain(url);
    }
  });

  it('anonymous visitors reach every public page and are sent to sign in everywhere else', async () => {
    for (const route of t.app.routeTable.filter((r) => r.method === 'GET' && !r.url.includes(':') && !r.url.endsWith('.pdf'))) {
      const res = await t.app.inject({ method: 'GET', url: route.url });
      if (route.access === 'public') expect([200, 400], route.url).toContain(res.statusCode);
      else if (route.access === 'monitor') expect(res.statusCode, route.url).toBe(401);
      else {
        expect(res.statusCode, route.url).toBe(303);
        expect(res.headers.location, route.url).toMatch(/\/logga-in\?next=/);
      }
    }
  });

  it('refuses every state-changing route without a CSRF token', async () => {
    for (const route of t.app.routeTable.filter((r) => r.method === 'POST' && !r.url.includes(':'))) {
      const res = await t.app.inject({ method: 'POST', url: route.url, payload: {} });
      expect([401, 403], route.url).toContain(res.statusCode);
    }
  });

  it('refuses a route without a declaration', async () => {
    const app = await buildApp({ ...t.app.deps });
    expect(() => app.get('/undeclared', async () => 'x')).toThrow(/declares no access/);
    await app.close();
  });
});
