/**
 * An id in a path that is no positive 32-bit integer gives the translated "wrong address" page, never
 * a 500 (PostgreSQL refuses a number beyond its integer range).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { signedInClient, type Client } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';

const BAD_IDS = ['99999999999999999999', '2147483648', '-1', '1.5', '0'];

describe.skipIf(skipDatabase())(`ids in paths on ${testDialect}`, () => {
  let t: TestApp;
  let admin: Client;
  let orgSlug: string;

  beforeAll(async () => {
    t = await createTestApp();
    const org = await t.database.db.selectFrom('organisations').select(['id', 'slug']).orderBy('id').executeTakeFirstOrThrow();
    orgSlug = org.slug;
    // Every role at once, so each route gets past its access check to the id.
    admin = await signedInClient(t, { isAdmin: true, isGuide: true, isTranslator: true, organisationIds: [org.id] });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it.each(BAD_IDS)('answers POST /admin/anvandare/%s/(in)aktivera with the translated 400 page', async (id) => {
    for (const action of ['aktivera', 'inaktivera']) {
      const res = await admin.submit('/admin/anvandare', `/admin/anvandare/${id}/${action}`, {});
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Något blev fel i adressen');
      expect(res.body).toContain('Värdet för ”id” är fel');
    }
    const en = await admin.submit('/en/admin/anvandare', `/en/admin/anvandare/${id}/aktivera`, {});
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('The value for “id” is wrong');
  });

  it('still activates a user by a valid id', async () => {
    const user = await t.database.db.selectFrom('users').select('id').orderBy('id').executeTakeFirstOrThrow();
    const res = await admin.submit('/admin/anvandare', `/admin/anvandare/${user.id}/aktivera`, {});
    expect(res.statusCode).toBe(200);
    expect((await admin.submit('/admin/anvandare', '/admin/anvandare/2147483647/aktivera', {})).statusCode).toBe(404);
  });

  it('answers every route with a numeric :id the same way', async () => {
    const fill: Record<string, string> = { org: orgSlug, lang: 'en', entity: 'activity', field: 'title' };
    const routes = t.app.routeTable.filter((r) => /\/:id(\/|$)/.test(r.url) && !/^\/[a-z]{2,3}\//.test(r.url) && !r.url.startsWith('/api/'));
    // Pages by id or by "id-slug" ('/aktivitet/:id') take any text and answer 404 for what is no activity.
    const idOrSlug = new Set(['/aktivitet/:id', '/aktivitet/:id/kalender.ics']);
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      for (const id of BAD_IDS) {
        const url = route.url.replace(/:(\w+)/g, (_, name: string) => (name === 'id' ? id : fill[name]!));
        const res = route.method === 'GET' ? await admin.request('GET', url) : await admin.submit('/admin/anvandare', url, {});
        expect(res.statusCode, `${route.method} ${url}`).toBe(idOrSlug.has(route.url) ? 404 : 400);
      }
    }
    // Five requests for each of the many routes with an id: longer than vitest's five seconds on a busy machine.
  }, 60_000);
});
