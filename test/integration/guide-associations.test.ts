/**
 * What guides know of associations, on both databases: guides and the coordinator see an
 * organisation's page, its editors and anonymous visitors are refused; contacts and the visit log
 * are added, changed and removed with errors beside the fields and nothing typed lost; a log entry is
 * changed only by its author or the coordinator; the needs flags keep who set them; a need shows on
 * the public activity page only when opted in and the flag says yes; the flags move the suggestions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitCase } from '../../src/features/guide/index.js';
import { createTestApp, FIXED_NOW, type TestApp } from '../support/app.js';
import { Client, csrfOf, signedInClient } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';

const visible = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');

describe.skipIf(skipDatabase())(`the guides' knowledge of associations on ${testDialect}`, () => {
  let t: TestApp;
  let guide: Client;
  let otherGuide: Client;
  let admin: Client;
  let editor: Client;
  let org: { id: number; slug: string; name: string };
  let page: string;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    org = await db.selectFrom('organisations').select(['id', 'slug', 'name']).where('slug', '=', 'traffpunkt-oxhagen').executeTakeFirstOrThrow();
    page = `/lots/foreningar/${org.slug}`;
    guide = await signedInClient(t, { isGuide: true, name: 'Lotsen Lina' });
    otherGuide = await signedInClient(t, { isGuide: true });
    admin = await signedInClient(t, { isAdmin: true });
    editor = await signedInClient(t, { organisationIds: [org.id] });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('shows the page to guides and the coordinator, never to the organisation’s editors or anonymous visitors', async () => {
    const seen = await guide.request('GET', page);
    expect(seen.statusCode).toBe(200);
    expect(visible(seen.body)).toContain('Leila Karimi'); // demo contact
    expect(visible(seen.body)).toContain('Luncherna är fulla före jul'); // demo log entry
    expect((await admin.request('GET', page)).statusCode).toBe(200);
    expect((await admin.request('GET', '/ar/lots/foreningar')).statusCode).toBe(200);
    expect((await editor.request('GET', page)).statusCode).toBe(403);
    const anonymous = await new Client(t).request('GET', page);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/\/logga-in/);
    const csrf = csrfOf((await editor.request('GET', '/konto')).body);
    expect((await editor.request('POST', `${page}/kontakter`, { name: 'X', phone: '070 000 00 00', _csrf: csrf })).statusCode).toBe(403);
    expect((await t.database.db.selectFrom('associationContacts').select('id').where('name', '=', 'X').execute()).length).toBe(0);
  });

  it('adds, changes and removes a contact, keeping what was typed when something is wrong', async () => {
    const bad = await guide.submit(page, `${page}/kontakter`, { name: 'Ali Hassan', role: 'Kassör', phone: '', email: 'ali@', reach: 'Kvällar' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="error-summary"');
    expect(bad.body).toContain('value="Ali Hassan"');
    expect(bad.body).toContain('value="Kassör"');
    expect(bad.body).toContain('value="ali@"');
    expect(visible(bad.body)).toContain('Skriv en e-postadress som namn@exempel.se.');

    const ok = await guide.submit(page, `${page}/kontakter`, { name: 'Ali Hassan', role: 'Kassör', phone: '070-123 45 67', email: 'Ali@Exempel.se', reach: 'Kvällar' });
    expect(ok.statusCode).toBe(303);
    const row = await t.database.db.selectFrom('associationContacts').selectAll().where('name', '=', 'Ali Hassan').executeTakeFirstOrThrow();
    expect(row.email).toBe('ali@exempel.se');
    const edit = `${page}/kontakter/${row.id}`;
    const badEdit = await guide.submit(edit, edit, { name: '', role: 'Kassör', phone: '070-123 45 67', email: '', reach: '' });
    expect(badEdit.statusCode).toBe(400);
    expect(visible(badEdit.body)).toContain('Skriv ett namn.');
    expect((await guide.submit(edit, edit, { name: 'Ali Hassan', role: 'Ordförande', phone: '070-123 45 67', email: '', reach: '' })).statusCode).toBe(303);
    expect((await t.database.db.selectFrom('associationContacts').select('role').where('id', '=', row.id).executeTakeFirstOrThrow()).role).toBe('Ordförande');
    expect((await guide.submit(edit, `${edit}/ta-bort`, {})).statusCode).toBe(303);
    expect(await t.database.db.selectFrom('associationContacts').select('id').where('id', '=', row.id).executeTakeFirst()).toBeUndefined();
    // The audit names the contact by id only.
    const audit = await t.database.db.selectFrom('auditEntries').selectAll().where('action', 'like', 'association.contact%').execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(audit)).not.toContain('Ali Hassan');
  });

  it('logs visits newest first; only the author and the coordinator change or remove one', async () => {
    const bad = await guide.submit(page, `${page}/besok`, { visitDate: '2026-12-24', visitKind: 'meeting', guideId: '', visitNote: 'Planerat möte' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Planerat möte');
    expect(visible(bad.body)).toContain('Datumet kan inte vara i framtiden.');
    expect((await guide.submit(page, `${page}/besok`, { visitDate: '2026-11-25', visitKind: 'meeting', guideId: '', visitNote: 'Möte om vårens grupper' })).statusCode).toBe(303);
    const shown = visible((await guide.request('GET', page)).body);
    expect(shown.indexOf('Möte om vårens grupper')).toBeLessThan(shown.indexOf('Luncherna är fulla före jul'));
    const visit = await t.database.db.selectFrom('associationVisits').select('id').where('note', '=', 'Möte om vårens grupper').executeTakeFirstOrThrow();
    const edit = `${page}/besok/${visit.id}`;
    expect((await otherGuide.request('GET', edit)).statusCode).toBe(403);
    const csrf = csrfOf((await otherGuide.request('GET', page)).body);
    expect((await otherGuide.request('POST', `${edit}/ta-bort`, { _csrf: csrf })).statusCode).toBe(403);
    expect((await guide.submit(edit, edit, { visitDate: '2026-11-24', visitKind: 'phone', guideId: '', visitNote: 'Samtal om vårens grupper' })).statusCode).toBe(303);
    expect((await admin.submit(edit, `${edit}/ta-bort`, {})).statusCode).toBe(303);
    expect(await t.database.db.selectFrom('associationVisits').select('id').where('id', '=', visit.id).executeTakeFirst()).toBeUndefined();
  });

  it('keeps the flags with who set them and when, and refuses a value that is not a choice', async () => {
    const flags = { welcomesNewcomers: 'yes', hasRoom: 'yes', needsVolunteers: 'yes', needsParticipants: 'unknown' };
    const bad = await guide.submit(page, `${page}/behov`, { ...flags, hasRoom: 'kanske' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/name="needsVolunteers" value="yes" checked/);
    expect((await guide.submit(page, `${page}/behov`, flags)).statusCode).toBe(303);
    const shown = visible((await guide.request('GET', page)).body);
    expect(shown).toContain(`Senast ändrat ${FIXED_NOW.toISOString().slice(0, 10)} av Lotsen Lina.`);
  });

  it('shows a need on the public activity page only when opted in and the flag says yes, in every language', async () => {
    const db = t.database.db;
    const activity = await db
      .selectFrom('activities as a')
      .innerJoin('activityHosts as h', 'h.activityId', 'a.id')
      .select(['a.id', 'a.slug'])
      .where('h.organisationId', '=', org.id)
      .where('h.position', '=', 0)
      .where('a.status', '=', 'published')
      .executeTakeFirstOrThrow();
    const publicPath = `/aktivitet/${activity.id}-${activity.slug}`;
    const before = visible((await new Client(t).request('GET', publicPath)).body);
    expect(before).not.toContain('Vi söker volontärer');
    expect((await guide.submit(page, `${page}/visas`, { activityIds: String(activity.id), [`needs-${activity.id}`]: ['volunteers', 'participants'] })).statusCode).toBe(303);
    const sv = visible((await new Client(t).request('GET', publicPath)).body);
    expect(sv).toContain('Vi söker volontärer');
    expect(sv).toContain('Värd på språkcaféet'); // Träffpunkt Oxhagen's open volunteer role, linked
    expect(sv).not.toContain('Välkommen, vi har plats för fler'); // that flag is unknown
    expect(visible((await new Client(t).request('GET', `/ar${publicPath}`)).body)).toContain('نبحث عن متطوعين');
    // The flag set to no hides it again, opted in or not.
    await guide.submit(page, `${page}/behov`, { welcomesNewcomers: 'yes', hasRoom: 'yes', needsVolunteers: 'no', needsParticipants: 'yes' });
    const after = visible((await new Client(t).request('GET', publicPath)).body);
    expect(after).not.toContain('Vi söker volontärer');
    expect(after).toContain('Välkommen, vi har plats för fler');
    // An activity of another organisation cannot be opted in from this page.
    const foreign = await db.selectFrom('activityHosts').select('activityId').where('organisationId', '!=', org.id).executeTakeFirstOrThrow();
    const csrf = csrfOf((await guide.request('GET', page)).body);
    expect((await guide.request('POST', `${page}/visas`, { activityIds: String(foreign.activityId), [`needs-${foreign.activityId}`]: 'volunteers', _csrf: csrf })).statusCode).toBe(400);
  });

  it('ranks an organisation with room higher in a case’s suggestions, and warns about one without', async () => {
    const db = t.database.db;
    const { case: c } = await submitCase(
      db,
      { firstName: 'Sara', phone: '070-999 88 77', email: null, contactLanguage: 'ar', interests: ['motesplats'], interestText: null, ageGroup: 'adult', districtId: null, freeDays: [], freeTimes: [], onBehalf: false, helperName: null },
      FIXED_NOW,
    );
    const suggestions = async () => visible((await guide.request('GET', `/lots/arende/${c.id}/forslag`)).body);
    await guide.submit(page, `${page}/behov`, { welcomesNewcomers: 'unknown', hasRoom: 'no', needsVolunteers: 'no', needsParticipants: 'unknown' });
    const noRoom = await suggestions();
    expect(noRoom).toContain('Har inte plats just nu. Fråga föreningen först.');
    await guide.submit(page, `${page}/behov`, { welcomesNewcomers: 'yes', hasRoom: 'yes', needsVolunteers: 'no', needsParticipants: 'unknown' });
    const withRoom = await suggestions();
    expect(withRoom).not.toContain('Har inte plats just nu');
    expect(withRoom).toContain('Har plats');
  });
});
