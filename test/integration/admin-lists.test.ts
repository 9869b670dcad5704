/** The coordinator's lists: organisations, activities, places (create, edit, merge) and the history of each. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertActivity } from '../../src/features/calendar/activity.store.js';
import { findPlace, insertPlace, type PlaceInput } from '../../src/features/places/index.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { Client, signedInClient } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';
import { activityInput } from '../support/factories.js';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';

function placeInput(overrides: Partial<PlaceInput> = {}): PlaceInput {
  return {
    name: 'Testlokal',
    address: 'Testgatan 1',
    postalCode: null,
    city: 'Örebro',
    districtId: null,
    latitude: null,
    longitude: null,
    accessibility: null,
    stepFree: false,
    directions: null,
    ...overrides,
  };
}

/** Rows of the first table on a page (between <tbody> and </tbody>). */
function rowCount(html: string): number {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return (body.match(/<tr/g) ?? []).length;
}

describe.skipIf(skipDatabase())(`coordinator lists on ${testDialect}`, () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedInClient(t, { isAdmin: true, name: 'Anette' });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const db = () => t.database.db;

  it('is for the coordinator only', async () => {
    const anonymous = new Client(t);
    const guide = await signedInClient(t, { isGuide: true });
    const org = await db().selectFrom('organisations').select('id').executeTakeFirstOrThrow();
    const place = await db().selectFrom('places').select('id').executeTakeFirstOrThrow();
    for (const path of [
      '/admin/organisationer',
      '/admin/aktiviteter',
      '/admin/platser',
      '/admin/platser/ny',
      `/admin/platser/${place.id}`,
      `/admin/platser/${place.id}/sla-ihop`,
      `/admin/historik/organisation/${org.id}`,
    ]) {
      const res = await anonymous.request('GET', path);
      expect(res.statusCode, path).toBe(303);
      expect(res.headers.location, path).toMatch(/\/logga-in\?next=/);
      expect((await guide.request('GET', path)).statusCode, path).toBe(403);
    }
    // With a valid CSRF token from a page the guide may see, the writes are still refused.
    expect((await guide.submit('/konto', `/admin/organisationer/${org.id}/betrodd`, { trusted: 'true' })).statusCode).toBe(403);
    expect((await guide.submit('/konto', '/admin/platser/ny', { name: 'X', address: 'Y' })).statusCode).toBe(403);
    expect((await guide.submit('/konto', `/admin/platser/${place.id}/sla-ihop`, { intoId: '1' })).statusCode).toBe(403);
  });

  it('links every admin screen from a shared navigation', async () => {
    for (const path of ['/admin/anvandare', '/admin/utkorg', '/admin/organisationer', '/admin/aktiviteter', '/admin/platser']) {
      const html = (await admin.request('GET', path)).body;
      for (const link of ['/admin/anvandare', '/admin/organisationer', '/admin/aktiviteter', '/admin/platser', '/admin/utkorg']) {
        expect(html, `${path} → ${link}`).toContain(`href="${link}"`);
      }
      expect(html).toContain(`href="${path}" aria-current="page"`);
    }
    // The English pages keep the language in every link.
    expect((await admin.request('GET', '/en/admin/platser')).body).toContain('href="/en/admin/organisationer"');
  });

  it('searches organisations by name, blind to case and diacritics, published or not', async () => {
    const orgs = await db().selectFrom('organisations').select(['id', 'name', 'slug']).orderBy('name').execute();
    const target = orgs.find((o) => /[åäöÅÄÖ]/.test(o.name)) ?? orgs[0]!;
    const folded = target.name.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
    const all = await admin.request('GET', '/admin/organisationer');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain(`${orgs.length} föreningar`);
    const res = await admin.request('GET', `/admin/organisationer?q=${encodeURIComponent(folded)}`);
    expect(res.body).toContain(`/admin/historik/organisation/${target.id}"`);
    expect(res.body).toContain(`href="/organisationer/${target.slug}"`);
    expect(res.body).toContain(`href="/hantera/${target.slug}"`);
    expect(rowCount(res.body)).toBeLessThan(orgs.length);
    const none = await admin.request('GET', '/admin/organisationer?q=finnsinte');
    expect(none.body).toContain('0 föreningar');
    expect(rowCount(none.body)).toBe(0);
  });

  it('marks an organisation trusted and back, with an audit entry and history showing before and after', async () => {
    const org = await db().selectFrom('organisations').select(['id', 'name', 'slug']).where('trusted', '=', 0).orderBy('id').executeTakeFirstOrThrow();
    const q = org.name.slice(0, 6);
    const res = await admin.submit(`/admin/organisationer?q=${encodeURIComponent(q)}`, `/admin/organisationer/${org.id}/betrodd`, { trusted: 'true', q, page: '1' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('är betrodd nu');
    // Back on the same search.
    expect(res.body).toContain(`value="${q}"`);
    expect((await db().selectFrom('organisations').select('trusted').where('id', '=', org.id).executeTakeFirstOrThrow()).trusted).toBe(1);
    // The demo data's creation, then the coordinator's change.
    const entries = await db().selectFrom('auditEntries').selectAll().where('entity', '=', 'organisation').where('entityId', '=', org.id).orderBy('id').execute();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ action: 'organisation.created', actorUserId: null });
    expect(entries[1]).toMatchObject({ action: 'organisation.trusted', before: '{"trusted":false}', after: '{"trusted":true}' });

    const history = await admin.request('GET', `/admin/historik/organisation/${org.id}`);
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain('Blev betrodd');
    expect(history.body).toContain('Anette');
    expect(history.body).toMatch(/<th scope="row">Betrodd<\/th>\s*<td>Nej<\/td>\s*<td>Ja<\/td>/);

    await admin.submit('/admin/organisationer', `/admin/organisationer/${org.id}/betrodd`, { trusted: 'false' });
    expect((await db().selectFrom('organisations').select('trusted').where('id', '=', org.id).executeTakeFirstOrThrow()).trusted).toBe(0);
    const again = await admin.request('GET', `/admin/historik/organisation/${org.id}`);
    expect(again.body).toContain('3 händelser');
    // Newest first.
    expect(again.body.indexOf('Är inte betrodd längre')).toBeLessThan(again.body.indexOf('Blev betrodd'));
  });

  it('hides an organisation from the directory and shows it again', async () => {
    const org = await db().selectFrom('organisations').select(['id', 'name', 'slug']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect((await t.app.inject({ method: 'GET', url: `/organisationer/${org.slug}` })).statusCode).toBe(200);
    const hidden = await admin.submit('/admin/organisationer', `/admin/organisationer/${org.id}/publicerad`, { published: 'false' });
    expect(hidden.body).toContain('syns inte i katalogen längre');
    expect((await t.app.inject({ method: 'GET', url: `/organisationer/${org.slug}` })).statusCode).toBe(404);
    // Still in the coordinator's list, without a link to a public page that is gone.
    const list = await admin.request('GET', `/admin/organisationer?q=${encodeURIComponent(org.name)}`);
    expect(list.body).toContain(`/admin/historik/organisation/${org.id}"`);
    expect(list.body).not.toContain(`href="/organisationer/${org.slug}"`);
    await admin.submit('/admin/organisationer', `/admin/organisationer/${org.id}/publicerad`, { published: 'true' });
    expect((await t.app.inject({ method: 'GET', url: `/organisationer/${org.slug}` })).statusCode).toBe(200);
    const audit = await db().selectFrom('auditEntries').select('action').where('entity', '=', 'organisation').where('entityId', '=', org.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['organisation.created', 'organisation.hidden', 'organisation.published']);
  });

  it('refuses a flag value other than true or false', async () => {
    const org = await db().selectFrom('organisations').select('id').executeTakeFirstOrThrow();
    expect((await admin.submit('/admin/organisationer', `/admin/organisationer/${org.id}/betrodd`, { trusted: 'yes' })).statusCode).toBe(400);
    expect((await admin.submit('/admin/organisationer', '/admin/organisationer/999999/betrodd', { trusted: 'true' })).statusCode).toBe(404);
  });

  it('lists activities of every status, searchable by title and filtered by status and organisation', async () => {
    const org = await db().selectFrom('organisations').select(['id', 'name']).orderBy('id').executeTakeFirstOrThrow();
    const today = '2026-11-26';
    const now = t.app.deps.now();
    const ids: Record<string, number> = {};
    for (const status of ['draft', 'pending', 'proposal', 'cancelled'] as const) {
      ids[status] = await insertActivity(db(), activityInput({ title: `Väveri ${status}`, status, hostIds: [org.id] }), now, today);
    }
    const all = await admin.request('GET', '/admin/aktiviteter?q=VAVERI');
    expect(all.body).toContain('4 aktiviteter');
    for (const status of ['draft', 'pending', 'proposal', 'cancelled']) expect(all.body).toContain(`Väveri ${status}`);
    expect(all.body).toContain('Utkast');
    expect(all.body).toContain('Väntar på granskning');
    // Links: history and editing for all, the public page only where there is one.
    expect(all.body).toContain(`href="/hantera/aktivitet/${ids.draft}"`);
    expect(all.body).toContain(`href="/admin/historik/activity/${ids.draft}"`);
    expect(all.body).toContain(`href="/aktivitet/${ids.cancelled}-vaveri-cancelled"`);
    expect(all.body).not.toContain(`href="/aktivitet/${ids.draft}-`);

    const drafts = await admin.request('GET', '/admin/aktiviteter?q=vaveri&status=draft');
    expect(drafts.body).toContain('1 aktivitet<');
    expect(drafts.body).toContain('Väveri draft');
    expect(drafts.body).not.toContain('Väveri pending');
    expect(drafts.body).toContain('<option value="draft" selected>');

    const byOrg = await admin.request('GET', `/admin/aktiviteter?organisation=${org.id}`);
    const hosted = await db().selectFrom('activityHosts').select('activityId').where('organisationId', '=', org.id).execute();
    expect(byOrg.body).toContain(`${hosted.length} aktivitet`);
    expect(byOrg.body).toContain(`<option value="${org.id}" selected>`);
    const other = await db().selectFrom('organisations').select('id').where('id', '!=', org.id).orderBy('id').executeTakeFirstOrThrow();
    expect((await admin.request('GET', `/admin/aktiviteter?organisation=${other.id}&q=vaveri`)).body).toContain('0 aktiviteter');

    expect((await admin.request('GET', '/admin/aktiviteter?status=deleted')).statusCode).toBe(400);
    // An empty filter from the form means "all".
    expect((await admin.request('GET', '/admin/aktiviteter?q=&status=&organisation=')).statusCode).toBe(200);
  });

  it('pages long lists 50 at a time', async () => {
    const now = t.app.deps.now();
    for (let i = 1; i <= 55; i++) await insertPlace(db(), placeInput({ name: `Sidlokal ${String(i).padStart(2, '0')}` }), now);
    const first = await admin.request('GET', '/admin/platser?q=sidlokal');
    expect(first.body).toContain('55 platser');
    expect(rowCount(first.body)).toBe(50);
    expect(first.body).toContain('Sida 1 av 2');
    expect(first.body).toContain('href="/admin/platser?q=sidlokal&amp;page=2"');
    const second = await admin.request('GET', '/admin/platser?q=sidlokal&page=2');
    expect(rowCount(second.body)).toBe(5);
    expect(second.body).toContain('Sidlokal 55');
    expect(second.body).not.toContain('Sidlokal 01');
    // A page past the end shows the last one.
    expect(rowCount((await admin.request('GET', '/admin/platser?q=sidlokal&page=9')).body)).toBe(5);
  });

  it('lists places with district and number of activities, searchable by name or address', async () => {
    const place = await db()
      .selectFrom('places as p')
      .innerJoin('districts as d', 'd.id', 'p.districtId')
      .select(['p.id', 'p.name', 'p.address', 'd.name as district'])
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    const count = await db().selectFrom('activities').select((eb) => eb.fn.countAll<number>().as('n')).where('placeId', '=', place.id).executeTakeFirstOrThrow();
    const byAddress = await admin.request('GET', `/admin/platser?q=${encodeURIComponent(place.address.toLowerCase())}`);
    expect(byAddress.body).toContain(place.name.replace(/&/g, '&amp;'));
    expect(byAddress.body).toContain(`<td>${place.district}</td>`);
    expect(byAddress.body).toContain(`<td>${Number(count.n)}</td>`);
  });

  it('creates a place, showing errors beside the fields and keeping what was typed', async () => {
    const bad = await admin.submit('/admin/platser/ny', '/admin/platser/ny', {
      name: '',
      address: 'Ekersgatan 3',
      postalCode: '7021',
      latitude: '59,2',
      longitude: '',
      accessibility: 'Ramp vid dörren',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/id="field-name-error"[^>]*>Skriv platsens namn\./);
    expect(bad.body).toMatch(/id="field-postalCode-error"[^>]*>Skriv postnumret med fem siffror/);
    expect(bad.body).toMatch(/id="field-longitude-error"[^>]*>Fyll i både latitud och longitud/);
    expect(bad.body).toContain('aria-describedby="field-postalCode-hint field-postalCode-error"');
    expect(bad.body).toContain('value="Ekersgatan 3"');
    expect(bad.body).toContain('value="7021"');
    expect(bad.body).toContain('value="59,2"');
    expect(bad.body).toContain('>Ramp vid dörren</textarea>');

    const district = await db().selectFrom('districts').select(['id', 'name']).orderBy('id').executeTakeFirstOrThrow();
    const unknownDistrict = await admin.submit('/admin/platser/ny', '/admin/platser/ny', { name: 'Nytt hus', address: 'Ekersgatan 3', districtId: '99999' });
    expect(unknownDistrict.statusCode).toBe(400);
    expect(unknownDistrict.body).toContain('Välj en stadsdel i listan.');

    const ok = await admin.submit('/admin/platser/ny', '/admin/platser/ny', {
      name: 'Nytt hus',
      address: 'Ekersgatan 3',
      postalCode: '70210',
      city: '',
      districtId: String(district.id),
      latitude: '59,2741',
      longitude: '15.2066',
      stepFree: 'true',
      accessibility: 'Ramp vid dörren',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Platsen Nytt hus är sparad.');
    const row = await db().selectFrom('places').selectAll().where('name', '=', 'Nytt hus').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ postalCode: '702 10', city: 'Örebro', districtId: district.id, latitude: 59.2741, longitude: 15.2066, stepFree: 1 });
    // The page that answers is the new place's edit form.
    expect(ok.body).toContain(`action="/admin/platser/${row.id}"`);
    const audit = await db().selectFrom('auditEntries').selectAll().where('entity', '=', 'place').where('entityId', '=', row.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['place.created']);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ name: 'Nytt hus', district: district.name, stepFree: true });
  });

  it('edits a place and shows only the changed fields in its history', async () => {
    const id = await insertPlace(db(), placeInput({ name: 'Gamla salen', address: 'Storgatan 5', directions: 'Ingång från gården' }), t.app.deps.now());
    const form = (await admin.request('GET', `/admin/platser/${id}`)).body;
    expect(form).toContain('value="Gamla salen"');
    expect(form).toContain('>Ingång från gården</textarea>');

    const bad = await admin.submit(`/admin/platser/${id}`, `/admin/platser/${id}`, { name: 'Nya salen', address: '', directions: 'Ingång från gården' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Skriv gatuadressen.');
    expect(bad.body).toContain('value="Nya salen"');
    expect((await findPlace(db(), id))!.name).toBe('Gamla salen');

    const res = await admin.submit(`/admin/platser/${id}`, `/admin/platser/${id}`, { name: 'Nya salen', address: 'Storgatan 5', directions: 'Ingång från gården' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Ändringarna är sparade.');
    expect((await findPlace(db(), id))!.name).toBe('Nya salen');

    const history = await admin.request('GET', `/admin/historik/place/${id}`);
    expect(history.body).toContain('Platsen ändrades');
    expect(history.body).toMatch(/<th scope="row">Namn<\/th>\s*<td><bdi class="audit-value">Gamla salen<\/bdi><\/td>\s*<td><bdi class="audit-value">Nya salen<\/bdi><\/td>/);
    // Unchanged fields are left out.
    expect(history.body).not.toContain('<th scope="row">Adress</th>');
    expect(history.body).not.toContain('<th scope="row">Vägbeskrivning</th>');

    expect((await admin.request('GET', '/admin/platser/999999')).statusCode).toBe(404);
  });

  it('merges a place into another: activities move, the public page shows the new place, the old one is gone', async () => {
    const now = t.app.deps.now();
    const from = await insertPlace(db(), placeInput({ name: 'Dubblett-lokalen', address: 'Fel gatan 1' }), now);
    const into = await insertPlace(db(), placeInput({ name: 'Rätta lokalen', address: 'Rätta gatan 1' }), now);
    const a1 = await insertActivity(db(), activityInput({ title: 'Flyttkväll', placeId: from }), now, '2026-11-26');
    await insertActivity(db(), activityInput({ title: 'Flyttutkast', placeId: from, status: 'draft' }), now, '2026-11-26');

    const page = await admin.request('GET', `/admin/platser/${from}/sla-ihop`);
    expect(page.body).toContain('2 aktiviteter flyttas.');
    expect(page.body).toContain(`<option value="${into}">Rätta lokalen (Rätta gatan 1)</option>`);
    expect(page.body).not.toContain(`<option value="${from}">`);

    const none = await admin.submit(`/admin/platser/${from}/sla-ihop`, `/admin/platser/${from}/sla-ihop`, { intoId: '' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toMatch(/id="merge-into-error"[^>]*>Välj platsen som aktiviteterna ska flyttas till\./);
    expect((await admin.submit(`/admin/platser/${from}/sla-ihop`, `/admin/platser/${from}/sla-ihop`, { intoId: String(from) })).statusCode).toBe(400);

    const res = await admin.submit(`/admin/platser/${from}/sla-ihop`, `/admin/platser/${from}/sla-ihop`, { intoId: String(into) });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('2 aktiviteter flyttades från Dubblett-lokalen till Rätta lokalen.');
    expect(await findPlace(db(), from)).toBeUndefined();
    const moved = await db().selectFrom('activities').select('placeId').where('title', 'in', ['Flyttkväll', 'Flyttutkast']).execute();
    expect(moved.map((m) => m.placeId)).toEqual([into, into]);

    const publicPage = await t.app.inject({ method: 'GET', url: `/aktivitet/${a1}-flyttkvall` });
    expect(publicPage.statusCode).toBe(200);
    expect(publicPage.body).toContain('Rätta lokalen');
    expect(publicPage.body).not.toContain('Dubblett-lokalen');
    // Searching the new place's name finds the moved activity.
    const search = await t.app.inject({ method: 'GET', url: `/sok?q=${encodeURIComponent('rätta lokalen flyttkväll')}` });
    expect(search.body).toContain('Flyttkväll');

    expect((await admin.request('GET', `/admin/platser/${from}`)).statusCode).toBe(404);
    // The history of the removed place is still there; the place it went into has an entry too.
    const oldHistory = await admin.request('GET', `/admin/historik/place/${from}`);
    expect(oldHistory.statusCode).toBe(200);
    expect(oldHistory.body).toContain(`Plats nr ${from} (finns inte längre)`);
    expect(oldHistory.body).toContain('Platser slogs ihop');
    expect(oldHistory.body).toContain(`Rätta lokalen (${into})`);
    const newHistory = await admin.request('GET', `/admin/historik/place/${into}`);
    expect(newHistory.body).toContain(`Dubblett-lokalen (${from})`);
    expect((await admin.request('GET', '/admin/historik/place/999999')).statusCode).toBe(404);
    expect((await admin.request('GET', `/admin/historik/planet/${into}`)).statusCode).toBe(400);
  });

  it('renders HTML typed into place fields as text everywhere', async () => {
    const res = await admin.submit('/admin/platser/ny', '/admin/platser/ny', { name: SCRIPT, address: IMG, accessibility: IMG, directions: SCRIPT });
    expect(res.statusCode).toBe(200);
    const row = await db().selectFrom('places').select('id').where('name', '=', SCRIPT).executeTakeFirstOrThrow();
    const bad = await admin.submit('/admin/platser/ny', '/admin/platser/ny', { name: SCRIPT, address: '', accessibility: IMG });
    expect(bad.statusCode).toBe(400);
    for (const path of ['/admin/platser?q=script', `/admin/platser/${row.id}`, `/admin/platser/${row.id}/sla-ihop`, `/admin/historik/place/${row.id}`]) {
      const html = (await admin.request('GET', path)).body;
      // Preact escapes < and & in text (> alone starts no tag), and " in attributes.
      expect(html, path).toContain('&lt;script>alert(1)&lt;/script>');
      expect(html, path).not.toContain(SCRIPT);
      expect(html, path).not.toContain('<img src=x');
    }
    for (const html of [res.body, bad.body]) {
      expect(html).not.toContain(SCRIPT);
      expect(html).not.toContain('<img src=x');
    }
  });

  it('shortens long values in the history with the whole text behind a disclosure', async () => {
    const long = `${'Lång vägbeskrivning. '.repeat(20)}Slut.`;
    const id = await insertPlace(db(), placeInput({ name: 'Långa huset' }), t.app.deps.now());
    await admin.submit(`/admin/platser/${id}`, `/admin/platser/${id}`, { name: 'Långa huset', address: 'Testgatan 1', directions: long });
    const html = (await admin.request('GET', `/admin/historik/place/${id}`)).body;
    expect(html).toContain('<summary>Visa hela texten</summary>');
    expect(html).toContain(long.trim());
  });

  it('shows who acted in a user history, including the system and anonymous visitors', async () => {
    const user = await db().selectFrom('users').select(['id', 'email']).orderBy('id').executeTakeFirstOrThrow();
    await db()
      .insertInto('auditEntries')
      .values([
        { at: '2026-11-26T08:00:00.000Z', actorUserId: null, action: 'login.failed', entity: 'user', entityId: user.id, before: null, after: null },
        { at: '2026-11-26T08:01:00.000Z', actorUserId: null, action: 'user.firstAdmin', entity: 'user', entityId: user.id, before: null, after: '{"email":"a@b.se"}' },
        { at: '2026-11-26T08:02:00.000Z', actorUserId: null, action: 'something.new', entity: 'user', entityId: user.id, before: null, after: null },
      ])
      .execute();
    const list = await admin.request('GET', '/admin/anvandare');
    expect(list.body).toContain(`href="/admin/historik/user/${user.id}"`);
    const html = (await admin.request('GET', `/admin/historik/user/${user.id}`)).body;
    expect(html).toContain('Okänd besökare');
    expect(html).toContain('Systemet');
    expect(html).toContain('Inloggningen misslyckades');
    // An action without a translation is shown as recorded.
    expect(html).toContain('<h2 id="entry-');
    expect(html).toContain('>something.new</h2>');
  });
});
