/** The response cache in the real app: repeat readers get the stored page; a write shows on every instance within a second. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { ACTIVITY_TABLES, CACHE_SCOPES, UNCACHED_TABLES } from '../../src/db/cache-scopes.js';
import { seedDemo } from '../../src/demo/seed.js';
import { createTestApp, FIXED_NOW, type TestApp } from '../support/app.js';
import { createTestDatabase, skipDatabase, testDialect, type TestDatabase } from '../support/db.js';

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

  it('serves a cached page compressed once in the encoding each reader accepts', async () => {
    const fresh = await t.app.inject({ method: 'GET', url: '/organisationer?page=1' });
    for (const [accept, encoding, decode] of [
      ['br', 'br', (b: Buffer) => zlib.brotliDecompressSync(b).toString()],
      ['gzip, deflate', 'gzip', (b: Buffer) => zlib.gunzipSync(b).toString()],
      ['identity', undefined, (b: Buffer) => b.toString()],
    ] as const) {
      const hit = await t.app.inject({ method: 'GET', url: '/organisationer?page=1', headers: { 'accept-encoding': accept } });
      expect(hit.headers['x-cache'], accept).toBe('hit');
      expect(hit.headers['content-encoding'], accept).toBe(encoding);
      expect(decode(hit.rawPayload), accept).toBe(fresh.body);
    }
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

describe.skipIf(skipDatabase())(`response cache across instances on ${testDialect}`, () => {
  let database: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    database = await createTestDatabase({ shared: true });
    await seedDemo(database.db, FIXED_NOW);
    a = await createTestApp({ database: database.openAnother(), cacheTtlSeconds: 300 });
    b = await createTestApp({ database: database.openAnother(), cacheTtlSeconds: 300 });
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.dispose();
  });

  const get = (t: TestApp, url: string) => t.app.inject({ method: 'GET', url });
  const secondPassed = () => new Promise((r) => setTimeout(r, 1100));

  it('shows a change written through another instance within a second, though entries live five minutes', async () => {
    expect((await get(a, '/organisationer')).headers['x-cache']).toBe('miss');
    expect((await get(a, '/organisationer')).headers['x-cache']).toBe('hit');
    // Another instance (or the calendar import) renames an organisation.
    const org = await database.db.selectFrom('organisations').select(['id', 'name']).where('published', '=', 1).orderBy('name').executeTakeFirstOrThrow();
    await b.database.db.updateTable('organisations').set({ name: 'Aaa Omdöpta föreningen' }).where('id', '=', org.id).execute();
    await secondPassed();
    const after = await get(a, '/organisationer');
    expect(after.headers['x-cache']).toBe('miss');
    expect(after.body).toContain('Aaa Omdöpta föreningen');
    expect((await get(a, '/organisationer')).headers['x-cache']).toBe('hit');
  });

  it('leaves calendar pages cached when only a wish is written', async () => {
    await get(a, '/kategorier');
    expect((await get(a, '/kategorier')).headers['x-cache']).toBe('hit');
    const before = await database.db.selectFrom('cacheVersions').selectAll().orderBy('scope').execute();
    const wish = await database.db.selectFrom('wishes').selectAll().executeTakeFirstOrThrow();
    await b.database.db.updateTable('wishes').set({ createdAt: wish.createdAt }).where('id', '=', wish.id).execute();
    const after = await database.db.selectFrom('cacheVersions').selectAll().orderBy('scope').execute();
    expect(after.find((r) => r.scope === 'wishes')!.version).toBeGreaterThan(before.find((r) => r.scope === 'wishes')!.version);
    expect(after.find((r) => r.scope === 'calendar')!.version).toBe(before.find((r) => r.scope === 'calendar')!.version);
    await secondPassed();
    expect((await get(a, '/kategorier')).headers['x-cache']).toBe('hit');
  });

  it('draws an activity’s page again when it or what activities share changes, not when another activity does', async () => {
    const [one, other] = await database.db.selectFrom('activities').select(['id', 'title']).where('status', '=', 'published').orderBy('id').limit(2).execute();
    const pageOf = async (id: number) => {
      const res = await get(a, `/aktivitet/${id}`);
      return res.statusCode === 301 ? new URL(String(res.headers.location), 'http://x').pathname : `/aktivitet/${id}`;
    };
    const [onePath, otherPath] = [await pageOf(one!.id), await pageOf(other!.id)];
    for (const path of [onePath, otherPath, `${otherPath}/kalender.ics`, `/api/v1/activities/${other!.id}`, '/']) {
      await get(a, path);
      expect((await get(a, path)).headers['x-cache'], path).toBe('hit');
    }
    const versions = async () => new Map((await database.db.selectFrom('cacheVersions').selectAll().execute()).map((r) => [r.scope, Number(r.version)]));
    const before = await versions();
    // Another instance saves the first activity.
    await b.database.db.updateTable('activities').set({ title: 'Ändrad titel på aktiviteten' }).where('id', '=', one!.id).execute();
    const afterSave = await versions();
    expect(afterSave.get(`activity:${one!.id}`)).toBeGreaterThan(before.get(`activity:${one!.id}`) ?? 0);
    expect(afterSave.get(`activity:${other!.id}`)).toBe(before.get(`activity:${other!.id}`));
    expect(afterSave.get('calendar:shared')).toBe(before.get('calendar:shared'));
    expect(afterSave.get('calendar')).toBeGreaterThan(before.get('calendar')!);
    await secondPassed();
    const changed = await get(a, onePath);
    expect(changed.headers['x-cache']).toBe('miss');
    expect(changed.body).toContain('Ändrad titel på aktiviteten');
    expect((await get(a, otherPath)).headers['x-cache']).toBe('hit');
    expect((await get(a, `${otherPath}/kalender.ics`)).headers['x-cache']).toBe('hit');
    expect((await get(a, `/api/v1/activities/${other!.id}`)).headers['x-cache']).toBe('hit');
    expect((await get(a, '/')).headers['x-cache']).toBe('miss');
    // A place (shared by activities) is renamed: every activity's page is drawn again.
    await b.database.db.updateTable('places').set({ name: 'Omdöpt plats' }).where('id', '=', 1).execute();
    expect((await versions()).get('calendar:shared')).toBeGreaterThan(afterSave.get('calendar:shared')!);
    await secondPassed();
    expect((await get(a, otherPath)).headers['x-cache']).toBe('miss');
  });

  it('raises each changed activity’s version once per statement that changed it, and none for a statement that changed nothing', async () => {
    const ids = (await database.db.selectFrom('activities').select('id').orderBy('id').limit(3).execute()).map((r) => r.id);
    const version = async (id: number) => Number((await database.db.selectFrom('cacheVersions').select('version').where('scope', '=', `activity:${id}`).executeTakeFirst())?.version ?? 0);
    const before = await Promise.all(ids.map(version));
    await b.database.db.updateTable('activities').set({ slug: sql`slug` }).where('id', 'in', ids.slice(0, 2)).execute();
    await b.database.db.deleteFrom('activityLanguages').where('activityId', '=', ids[2]!).where('language', '=', 'xx').execute();
    const after = await Promise.all(ids.map(version));
    expect(after[0]).toBeGreaterThan(before[0]!);
    expect(after[1]).toBeGreaterThan(before[1]!);
    expect(after[2]).toBe(before[2]);
  });

  it('raises the version in the writing transaction only when it commits', async () => {
    const version = async () => Number((await database.db.selectFrom('cacheVersions').select('version').where('scope', '=', 'calendar').executeTakeFirstOrThrow()).version);
    await b.database.db.insertInto('settings').values({ key: 'test.present', value: '1' }).execute();
    const start = await version();
    await expect(
      b.database.db.transaction().execute(async (trx) => {
        await trx.updateTable('districts').set({ name: 'Ändrad' }).where('id', '=', 1).execute();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await version()).toBe(start);
    // A statement that changes nothing leaves the version alone (no page needs drawing again).
    await b.database.db.updateTable('places').set({ name: 'x' }).where('id', '=', -1).execute();
    await b.database.db.insertInto('settings').values({ key: 'test.present', value: '2' }).onConflict((oc) => oc.column('key').doNothing()).execute();
    expect(await version()).toBe(start);
    await b.database.db.updateTable('places').set({ name: 'Ny plats' }).where('id', '=', 1).execute();
    expect(await version()).toBeGreaterThan(start);
  });

  it('knows every table: each public one raises its scope’s version by a trigger, the rest are named as private', async () => {
    const db = database.db;
    const tables = (await db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('kysely_'));
    const listed = [...Object.values(CACHE_SCOPES).flat(), ...UNCACHED_TABLES];
    expect(tables.filter((t) => !listed.includes(t as never)).sort(), 'tables in neither list of db/cache-scopes.ts').toEqual([]);
    const triggered =
      testDialect === 'postgres'
        ? (await sql<{ t: string }>`select distinct event_object_table as t from information_schema.triggers where trigger_name like '%_cache_version%'`.execute(db)).rows.map((r) => r.t)
        : (await sql<{ t: string }>`select distinct tbl_name as t from sqlite_master where type = 'trigger' and name like '%_cache_version%'`.execute(db)).rows.map((r) => r.t);
    expect(triggered.sort()).toEqual([...Object.values(CACHE_SCOPES).flat()].sort());
    // Each calendar table raises its activities' versions or what they share (a table added later without it would serve stale activity pages).
    const bodies =
      testDialect === 'postgres'
        ? (await sql<{ t: string; body: string }>`select event_object_table as t, action_statement as body from information_schema.triggers where trigger_name like '%_cache_version_insert'`.execute(db)).rows
        : (await sql<{ t: string; body: string }>`select tbl_name as t, sql as body from sqlite_master where type = 'trigger' and name like '%_cache_version_insert'`.execute(db)).rows;
    for (const table of CACHE_SCOPES.calendar) {
      const body = bodies.find((r) => r.t === table)?.body ?? '';
      const column = ACTIVITY_TABLES[table];
      if (testDialect === 'postgres') expect(body, table).toContain(column ? `tillsammans_bump_calendar_versions('${column}')` : 'tillsammans_bump_calendar_versions()');
      else expect(body, table).toContain(column ? `'activity:' || new.${column}` : `'calendar:shared'`);
    }
  });
});

describe.skipIf(skipDatabase())(`readers arriving together on ${testDialect}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ cacheTtlSeconds: 60 });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('draw a changed page once and share it', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => t.app.inject({ method: 'GET', url: '/?category=sprakcafe' })));
    const states = results.map((r) => r.headers['x-cache']);
    expect(states.filter((s) => s === 'miss')).toHaveLength(1);
    expect(states.filter((s) => s === 'shared').length + states.filter((s) => s === 'hit').length).toBe(19);
    expect(new Set(results.map((r) => r.body)).size).toBe(1);
  });

  it('each draw their own when the first one gives no page to share', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => t.app.inject({ method: 'GET', url: '/aktivitet/999999' })));
    expect(results.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404]);
    expect(results.every((r) => r.headers['x-cache'] === undefined)).toBe(true);
  });
});
