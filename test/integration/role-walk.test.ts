/**
 * Every registered route against every role: anonymous, editor of organisation A, editor of B,
 * guide, translator and coordinator. Each role meets the route's declared access, and an editor of
 * B never reads or changes A's workspace, activities or profile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../../src/web/server.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { Client, csrfOf, signedInClient } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';

type Role = 'anonymous' | 'editorA' | 'editorB' | 'guide' | 'translator' | 'admin';
const ROLES: Role[] = ['anonymous', 'editorA', 'editorB', 'guide', 'translator', 'admin'];

describe.skipIf(skipDatabase())(`every route with every role on ${testDialect}`, () => {
  let t: TestApp;
  const clients = {} as Record<Role, Client>;
  const tokens = {} as Record<Role, string>;
  let orgA: { id: number; slug: string };
  let activityA: number;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const [a, b] = await db.selectFrom('organisations').select(['id', 'slug']).where('slug', 'in', ['traffpunkt-oxhagen', 'ukrainska-foreningen']).orderBy('slug').execute();
    orgA = a!;
    const orgB = b!;
    activityA = (await db.selectFrom('activityHosts').select('activityId').where('organisationId', '=', orgA.id).executeTakeFirstOrThrow()).activityId;
    clients.anonymous = new Client(t);
    clients.editorA = await signedInClient(t, { organisationIds: [orgA.id] });
    clients.editorB = await signedInClient(t, { organisationIds: [orgB.id] });
    clients.guide = await signedInClient(t, { isGuide: true });
    clients.translator = await signedInClient(t, { isTranslator: true });
    clients.admin = await signedInClient(t, { isAdmin: true });
    for (const role of ROLES) tokens[role] = csrfOf((await clients[role].request('GET', role === 'anonymous' ? '/logga-in' : '/konto')).body);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  /** A URL for a route pattern, with A's organisation and activity wherever the route takes them. */
  function fill(url: string): string {
    return url
      .replace(':org', orgA.slug)
      .replace(':slug', orgA.slug)
      .replace(':category', 'sprakcafe')
      .replace(':entity', 'activity')
      .replace(':token', 'A'.repeat(43))
      .replace(':lang', 'ar')
      .replace(':field', 'title')
      .replace(':id', String(activityA));
  }

  /** Whether a role may use a route of this access level at all (organisation checks come on top). */
  function allowed(access: Access, role: Role): boolean {
    if (access === 'public') return true;
    if (role === 'anonymous') return false;
    if (access === 'monitor') return role === 'admin';
    if (role === 'admin' || access === 'signedIn') return true;
    if (access === 'editor') return role === 'editorA' || role === 'editorB';
    return access === role;
  }

  const routes = () =>
    t.app.routeTable.filter((r) => !/^\/(en|ar|fa|ti|so|uk|ckb)(\/|$)/.test(r.url) && !r.url.endsWith('.pdf') && !r.url.includes(':file') && r.method !== 'HEAD');

  it('answers every GET as the declared access says', async () => {
    for (const route of routes().filter((r) => r.method === 'GET')) {
      const url = fill(route.url);
      for (const role of ROLES) {
        const res = await clients[role].request('GET', url);
        const label = `${role} GET ${url}`;
        if (!allowed(route.access, role)) {
          if (route.access === 'monitor') {
            // Machines are told to authenticate; nobody is sent to a sign-in page.
            expect(res.statusCode, label).toBe(401);
          } else if (role === 'anonymous') {
            expect(res.statusCode, label).toBe(303);
            expect(res.headers.location, label).toMatch(/\/logga-in\?next=/);
          } else expect(res.statusCode, label).toBe(403);
          continue;
        }
        if (role === 'editorB' && route.url.startsWith('/hantera/:org')) {
          // Editors in general, but never into A's workspace.
          expect([403, 404], label).toContain(res.statusCode);
          continue;
        }
        if (role === 'editorB' && route.url === '/hantera/aktivitet/:id') {
          expect(res.statusCode, label).toBe(404);
          continue;
        }
        expect([401, 403, 500], label).not.toContain(res.statusCode);
      }
    }
  }, 120_000);

  it('refuses every POST to a role without access, and B changes nothing of A', async () => {
    const db = t.database.db;
    const snapshot = async () =>
      JSON.stringify(
        await Promise.all([
          db.selectFrom('activities').selectAll().where('id', '=', activityA).execute(),
          db.selectFrom('schedules').selectAll().where('activityId', '=', activityA).execute(),
          db.selectFrom('schedulePauses').selectAll().where('activityId', '=', activityA).execute(),
          db.selectFrom('occurrenceChanges').selectAll().where('activityId', '=', activityA).execute(),
          db.selectFrom('organisations').selectAll().where('id', '=', orgA.id).execute(),
          db.selectFrom('revisions').select('id').execute(),
        ]),
      );
    const before = await snapshot();
    const body = { title: 'Kapat', name: 'Kapat', category: 'sprakcafe', audience: 'everyone', startDate: '2026-12-01', startTime: '10:00', endTime: '11:00', repeat: 'once', kind: 'association', fromDate: '2026-12-01', toDate: '2026-12-31', date: '2026-12-01', message: 'x', trusted: 'true', published: 'false', intoId: '1' };
    for (const route of routes().filter((r) => r.method === 'POST')) {
      const url = fill(route.url);
      for (const role of ROLES) {
        const intoA = route.url.startsWith('/hantera/:org') && role === 'editorB';
        if (allowed(route.access, role) && !intoA) continue;
        const res = await clients[role].request('POST', url, { ...body, _csrf: tokens[role] });
        const label = `${role} POST ${url}`;
        if (role === 'anonymous' && route.access !== 'public') expect(res.statusCode, label).toBe(401);
        else if (intoA) expect([403, 404], label).toContain(res.statusCode);
        else expect(res.statusCode, label).toBe(403);
      }
    }
    expect(await snapshot()).toBe(before);
  }, 120_000);
});
