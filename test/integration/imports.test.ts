/**
 * Calendar import end to end: an editor connects a calendar served by a local HTTP server, the job
 * syncs it (pending for an organisation that is reviewed, published for a trusted one), re-runs add
 * nothing, changes and removals reach the activities, and a failing feed is reported by e-mail
 * without touching what was imported. Route access as everywhere.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportDeps, runImports, type ImportDeps } from '../../src/features/imports/index.js';
import { listOutbox } from '../../src/features/mail/index.js';
import { createTestApp, FIXED_NOW, type TestApp } from '../support/app.js';
import { Client, csrfOf, signedInClient } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';

const fixture = (name: string) => fs.readFileSync(new URL(`../fixtures/ics/${name}`, import.meta.url), 'utf8');

/** What the local calendar server answers, per path; ETag from the body, 304 when it matches. */
const served = new Map<string, { status: number; body: string | Buffer }>();

function serve(req: http.IncomingMessage, res: http.ServerResponse) {
  const file = served.get(req.url ?? '');
  if (!file) return res.writeHead(404).end();
  if (file.status !== 200) return res.writeHead(file.status, { 'content-type': 'text/plain' }).end(file.body);
  const etag = `"${crypto.createHash('sha1').update(file.body).digest('hex')}"`;
  if (req.headers['if-none-match'] === etag) return res.writeHead(304, { etag }).end();
  res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', etag }).end(file.body);
}

const scriptEvent = [
  'BEGIN:VEVENT',
  'UID:script@hostile.test',
  'DTSTAMP:20261126T080000Z',
  'DTSTART;TZID=Europe/Stockholm:20261203T180000',
  'DTEND;TZID=Europe/Stockholm:20261203T200000',
  "SUMMARY:<script>alert('x')</script>Kvällsfika <img src=x onerror=alert(1)>",
  'DESCRIPTION:<p>Hej!</p><script>document.cookie</script>',
  'END:VEVENT',
].join('\r\n');
const trustedCalendar = () => fixture('outlook.ics').replace('END:VCALENDAR', `${scriptEvent}\r\nEND:VCALENDAR`);

describe.skipIf(skipDatabase())(`calendar import on ${testDialect}`, () => {
  let t: TestApp;
  let server: http.Server;
  let base: string;
  let deps: ImportDeps;
  let editor: Client;
  let otherEditor: Client;
  let trustedEditor: Client;
  let admin: Client;
  let org: { id: number; slug: string; name: string };
  let other: { id: number; slug: string };
  let trusted: { id: number; slug: string; name: string };
  const editorEmail = `kalender-${testDialect}@oxhagen.test`;
  let hour = 0;
  /** The job, an hour later each time (the lease lasts less than an hour). */
  const run = () => runImports(deps, new Date(FIXED_NOW.getTime() + ++hour * 3600_000));
  const db = () => t.database.db;

  const activitiesOf = (organisationId: number) =>
    db()
      .selectFrom('activities as a')
      .innerJoin('activityHosts as h', 'h.activityId', 'a.id')
      .select(['a.id', 'a.title', 'a.status', 'a.category', 'a.description', 'a.updatedAt'])
      .where('h.organisationId', '=', organisationId)
      .orderBy('a.id')
      .execute();
  const activity = async (organisationId: number, title: string) => {
    const found = (await activitiesOf(organisationId)).filter((a) => a.title === title);
    expect(found, title).toHaveLength(1);
    return found[0]!;
  };
  const feedOf = (organisationId: number) => db().selectFrom('calendarFeeds').selectAll().where('organisationId', '=', organisationId).executeTakeFirstOrThrow();
  const mails = async (purpose: string) => (await listOutbox(db(), { limit: 500, offset: 0 })).filter((m) => m.purpose === purpose);
  const audits = (action: string) => db().selectFrom('auditEntries').select(['entityId', 'actorUserId', 'actorKind', 'actorRef', 'after']).where('action', '=', action).execute();

  beforeAll(async () => {
    server = http.createServer(serve);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    served.set('/oxhagen.ics', { status: 200, body: fixture('google.ics') });
    served.set('/trusted.ics', { status: 200, body: trustedCalendar() });

    t = await createTestApp({ env: { IMPORT_ALLOW_PRIVATE_HOSTS: 'true' } });
    deps = createImportDeps({ db: db(), mailer: t.app.deps.mailer, config: t.app.deps.config });
    org = await db().selectFrom('organisations').select(['id', 'slug', 'name']).where('slug', '=', 'traffpunkt-oxhagen').executeTakeFirstOrThrow();
    other = await db().selectFrom('organisations').select(['id', 'slug']).where('slug', '=', 'ukrainska-foreningen').executeTakeFirstOrThrow();
    trusted = await db().selectFrom('organisations').select(['id', 'slug', 'name']).where('trusted', '=', 1).orderBy('id').executeTakeFirstOrThrow();
    expect((await db().selectFrom('organisations').select('trusted').where('id', '=', org.id).executeTakeFirstOrThrow()).trusted).toBe(0);
    editor = await signedInClient(t, { organisationIds: [org.id], email: editorEmail });
    otherEditor = await signedInClient(t, { organisationIds: [other.id] });
    trustedEditor = await signedInClient(t, { organisationIds: [trusted.id] });
    admin = await signedInClient(t, { isAdmin: true });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('links the calendar page from the workspace and keeps other organisations’ editors out', async () => {
    const workspace = await editor.request('GET', `/hantera/${org.slug}`);
    expect(workspace.body).toContain(`href="/hantera/${org.slug}/kalender"`);
    const page = await editor.request('GET', `/hantera/${org.slug}/kalender`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Hämta aktiviteter från er kalender');
    expect(page.body).toContain('Samordnaren läser nya aktiviteter');
    expect((await otherEditor.request('GET', `/hantera/${org.slug}/kalender`)).statusCode).toBe(403);
    expect((await new Client(t).request('GET', `/hantera/${org.slug}/kalender`)).statusCode).toBe(303);
    const token = csrfOf((await otherEditor.request('GET', `/hantera/${other.slug}/kalender`)).body);
    const post = await otherEditor.request('POST', `/hantera/${org.slug}/kalender`, { url: `${base}/oxhagen.ics`, category: 'sprakcafe', _csrf: token });
    expect(post.statusCode).toBe(403);
    expect((await editor.request('GET', '/admin/kalendrar')).statusCode).toBe(403);
    expect((await admin.request('GET', '/admin/kalendrar')).statusCode).toBe(200);
  });

  it('shows errors beside the fields and keeps what was typed', async () => {
    const res = await editor.submit(`/hantera/${org.slug}/kalender`, `/hantera/${org.slug}/kalender`, { url: 'inte en adress', category: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Skriv en hel adress som börjar med https://');
    expect(res.body).toContain('Välj en kategori.');
    expect(res.body).toContain('value="inte en adress"');
    const en = await editor.submit(`/en/hantera/${org.slug}/kalender`, `/en/hantera/${org.slug}/kalender`, { url: '', category: 'kurs' });
    expect(en.body).toContain('Write the address of the calendar.');
    expect(en.body).toMatch(/value="kurs" selected/);
  });

  it('connects a calendar through the form', async () => {
    const res = await editor.submit(`/hantera/${org.slug}/kalender`, `/hantera/${org.slug}/kalender`, { url: `${base}/oxhagen.ics`, category: 'sprakcafe' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/hantera/${org.slug}/kalender?sparad=connected`);
    const page = await editor.request('GET', res.headers.location as string);
    expect(page.body).toContain('Kalendern är kopplad.');
    expect(page.body).toContain('Väntar på första hämtningen');
    const again = await editor.submit(`/hantera/${org.slug}/kalender`, `/hantera/${org.slug}/kalender`, { url: `${base}/oxhagen.ics`, category: 'kurs' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Den här kalendern är redan kopplad.');
    const trustedRes = await trustedEditor.submit(`/hantera/${trusted.slug}/kalender`, `/hantera/${trusted.slug}/kalender`, { url: `${base}/trusted.ics`, category: 'motesplats' });
    expect(trustedRes.statusCode).toBe(303);
  });

  it('imports events of an organisation that is reviewed as activities waiting for review', async () => {
    const before = (await mails('review')).length;
    const summary = await run();
    expect(summary).toMatchObject({ feeds: 2, failed: 0 });
    const list = await activitiesOf(org.id);
    const imported = list.filter((a) => ['Språkcafé', 'Julfest för hela familjen', 'Föräldraträff'].includes(a.title));
    expect(imported.map((a) => a.status)).toEqual(['pending', 'pending', 'pending']);
    expect(imported.every((a) => a.category === 'sprakcafe')).toBe(true);
    // The all-day event and the one already over are not imported.
    expect(list.some((a) => a.title.startsWith('Jullov') || a.title === 'Sommarfest 2025')).toBe(false);
    const cafe = await activity(org.id, 'Språkcafé');
    const revision = await db().selectFrom('revisions').select(['status', 'createdBy', 'message']).where('entity', '=', 'activity').where('entityId', '=', cafe.id).executeTakeFirstOrThrow();
    expect(revision).toEqual({ status: 'pending', createdBy: null, message: 'Hämtad från organisationens kalender.' });
    expect((await t.app.inject({ method: 'GET', url: `/aktivitet/${cafe.id}` })).statusCode).toBe(404);
    const created = (await audits('import.created')).filter((a) => a.entityId === cafe.id);
    expect(created).toHaveLength(1);
    expect(created[0]!.actorUserId).toBeNull();
    // The import acts as itself, named by its feed: not as a user, not as "the system".
    const feed = await feedOf(org.id);
    expect(created[0]).toMatchObject({ actorKind: 'importer', actorRef: String(feed.id) });
    const history = await admin.request('GET', `/admin/historik/activity/${cafe.id}`);
    expect(history.body).toContain(`Kalenderimporten (kalender ${feed.id})`);
    const review = (await mails('review')).slice(0, (await mails('review')).length - before);
    expect(review.map((m) => m.subject)).toContain(`Att granska: 3 från kalendern för ${org.name}`);
    const schedule = await db().selectFrom('schedules').selectAll().where('activityId', '=', cafe.id).executeTakeFirstOrThrow();
    expect(schedule).toMatchObject({ rrule: 'FREQ=WEEKLY;BYDAY=TU', startDate: '2026-12-01', startTime: '18:00', endTime: '20:00', validUntil: '2027-06-08' });
  });

  it('publishes the events of a trusted organisation at once, script in a title shown as text', async () => {
    const list = await activitiesOf(trusted.id);
    const titles = ['Läxhjälp', 'Kvinnocafé', 'Videoträff med London', 'Kvällsfika'];
    for (const title of titles) expect((await activity(trusted.id, title)).status, title).toBe('published');
    expect(list.some((a) => a.title.includes('Filmkväll'))).toBe(false);
    const fika = await activity(trusted.id, 'Kvällsfika');
    expect(fika.description).toBe('Hej!');
    const publicPage = await t.app.inject({ method: 'GET', url: `/aktivitet/${fika.id}` });
    const page = publicPage.statusCode === 301 ? await t.app.inject({ method: 'GET', url: publicPage.headers.location as string }) : publicPage;
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Kvällsfika');
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).not.toContain('<img src=x');
  });

  it('adds nothing when the job runs again, changed or not', async () => {
    const count = async () => [(await activitiesOf(org.id)).length, (await activitiesOf(trusted.id)).length, (await db().selectFrom('importedEvents').select('id').execute()).length];
    const before = await count();
    expect((await run()).failed).toBe(0);
    expect(await count()).toEqual(before);
    // A day later the whole feed is read again (not only "not modified"): still nothing new.
    hour += 24;
    await run();
    expect(await count()).toEqual(before);
    expect((await audits('import.updated')).length).toBe(0);
  });

  it('updates an activity whose event changed, keeping what was edited here', async () => {
    const video = await activity(trusted.id, 'Videoträff med London');
    await db().updateTable('activities').set({ category: 'kurs' }).where('id', '=', video.id).execute();
    served.set('/trusted.ics', {
      status: 200,
      body: trustedCalendar()
        .replace('SUMMARY;LANGUAGE=sv-se:Videoträff med London', 'SUMMARY;LANGUAGE=sv-se:Videoträff med London och Paris')
        .replace('DTEND;TZID="GMT Standard Time":20261210T180000', 'DTEND;TZID="GMT Standard Time":20261210T190000')
        .replace('DTSTART;TZID="GMT Standard Time":20261210T170000', 'DTSTART;TZID="GMT Standard Time":20261210T180000'),
    });
    await run();
    const after = await db().selectFrom('activities').select(['title', 'status', 'category']).where('id', '=', video.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ title: 'Videoträff med London och Paris', status: 'published', category: 'kurs' });
    expect(await db().selectFrom('schedules').select(['startTime', 'endTime']).where('activityId', '=', video.id).executeTakeFirstOrThrow()).toEqual({ startTime: '19:00', endTime: '20:00' });
    const updated = (await audits('import.updated')).filter((a) => a.entityId === video.id);
    expect(updated).toHaveLength(1);
    expect(updated[0]!.actorUserId).toBeNull();
  });

  it('sends a changed event of a reviewed organisation for review, the activity unchanged meanwhile', async () => {
    const party = await activity(org.id, 'Julfest för hela familjen');
    served.set('/oxhagen.ics', { status: 200, body: fixture('google.ics').replace('Tomten kommer!', 'Tomten kommer klockan 16.') });
    await run();
    const revision = await db().selectFrom('revisions').select(['status', 'data']).where('entity', '=', 'activity').where('entityId', '=', party.id).executeTakeFirstOrThrow();
    expect(revision.status).toBe('pending');
    expect(JSON.parse(revision.data).input.description).toBe('Vi dansar kring granen och fikar. Tomten kommer klockan 16.');
    expect((await activity(org.id, 'Julfest för hela familjen')).status).toBe('pending');
    expect((await mails('review')).map((m) => m.subject)).toContain(`Att granska: 1 från kalendern för ${org.name}`);
  });

  it('cancels an activity whose event left the calendar, once', async () => {
    const women = await activity(trusted.id, 'Kvinnocafé');
    const body = String(served.get('/trusted.ics')!.body);
    const start = body.indexOf('BEGIN:VEVENT', body.indexOf('Kvinnor träffas') - 400);
    const end = body.indexOf('END:VEVENT', start) + 'END:VEVENT\r\n'.length;
    expect(body.slice(start, end)).toContain('Kvinnocafé');
    served.set('/trusted.ics', { status: 200, body: body.slice(0, start) + body.slice(end) });
    await run();
    expect((await activity(trusted.id, 'Kvinnocafé')).status).toBe('cancelled');
    await run();
    const cancelled = (await audits('import.cancelled')).filter((a) => a.entityId === women.id);
    expect(cancelled).toHaveLength(1);
    expect(JSON.parse(cancelled[0]!.after as string)).toMatchObject({ status: 'cancelled', reason: 'removed' });
    expect((await activity(trusted.id, 'Läxhjälp')).status).toBe('published');
  });

  it('records a failing feed, tells editors and the coordinator once a day, and keeps what was imported', async () => {
    const snapshot = async () =>
      JSON.stringify([
        await activitiesOf(org.id),
        await db().selectFrom('schedules').selectAll().where('activityId', 'in', (await activitiesOf(org.id)).map((a) => a.id)).orderBy('activityId').execute(),
        await db().selectFrom('importedEvents').select(['uid', 'activityId', 'lastHash']).orderBy('id').execute(),
      ]);
    const before = await snapshot();
    const mailsBefore = (await mails('import-failed')).length;
    served.set('/oxhagen.ics', { status: 500, body: 'Internal Server Error' });
    expect((await run()).failed).toBe(1);
    let feed = await feedOf(org.id);
    expect(feed.consecutiveFailures).toBe(1);
    expect(JSON.parse(feed.lastError!)).toEqual({ code: 'imports.errors.http', params: { status: '500' } });
    const told = (await mails('import-failed')).slice(0, (await mails('import-failed')).length - mailsBefore);
    expect(told.map((m) => m.to).sort()).toEqual([t.app.deps.config.adminEmail, editorEmail].sort());
    expect(told[0]!.subject).toBe(`Kalendern för ${org.name} går inte att hämta`);
    expect(told[0]!.text).toContain('Servern svarade med fel 500.');
    expect(told[0]!.text).not.toContain('/oxhagen.ics');
    expect(await snapshot()).toBe(before);

    served.set('/oxhagen.ics', { status: 200, body: fs.readFileSync(new URL('../fixtures/ics/binary.ics', import.meta.url)) });
    await run();
    feed = await feedOf(org.id);
    expect(feed.consecutiveFailures).toBe(2);
    expect(JSON.parse(feed.lastError!).code).toBe('imports.errors.notText');
    expect((await mails('import-failed')).length).toBe(mailsBefore + 2);
    expect(await snapshot()).toBe(before);

    // An empty calendar where events were before cancels nothing: it is reported instead.
    served.set('/oxhagen.ics', { status: 200, body: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nEND:VCALENDAR\r\n' });
    await run();
    expect(JSON.parse((await feedOf(org.id)).lastError!).code).toBe('imports.errors.emptyFeed');
    expect(await snapshot()).toBe(before);

    served.set('/oxhagen.ics', { status: 200, body: '<!doctype html><title>Logga in</title><p>Logga in för att se kalendern' });
    hour += 24;
    await run();
    expect(JSON.parse((await feedOf(org.id)).lastError!).code).toBe('imports.errors.notCalendar');
    expect((await mails('import-failed')).length).toBe(mailsBefore + 4);
    expect(await snapshot()).toBe(before);

    const page = await editor.request('GET', `/en/hantera/${org.slug}/kalender`);
    expect(page.body).toContain('Not working');
    expect(page.body).toContain('The file is not a calendar in iCal format.');
    const list = await admin.request('GET', '/admin/kalendrar');
    expect(list.body.indexOf(org.name)).toBeLessThan(list.body.indexOf(trusted.name));
    expect(list.body).toContain('Filen är ingen kalender i iCal-format.');
  });

  it('syncs now from the page, and recovers', async () => {
    served.set('/oxhagen.ics', { status: 200, body: fixture('google.ics') });
    const feed = await feedOf(org.id);
    const res = await editor.submit(`/hantera/${org.slug}/kalender`, `/hantera/${org.slug}/kalender/${feed.id}/hamta`, {});
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/hantera/${org.slug}/kalender?sparad=synced`);
    const after = await feedOf(org.id);
    expect(after).toMatchObject({ consecutiveFailures: 0, lastError: null });
    const page = await editor.request('GET', res.headers.location as string);
    expect(page.body).toContain('Kalendern är hämtad.');
    expect(page.body).toContain('Fungerar');
    expect(page.body).toMatch(/3 aktiviteter har kommit från kalendern/);
    expect(page.body).toContain('Jullov – lokalen är stängd');
  });

  it('keeps another organisation’s feed out of reach', async () => {
    const feed = await feedOf(org.id);
    const token = csrfOf((await trustedEditor.request('GET', `/hantera/${trusted.slug}/kalender`)).body);
    const sync = await trustedEditor.request('POST', `/hantera/${trusted.slug}/kalender/${feed.id}/hamta`, { _csrf: token });
    expect(sync.statusCode).toBe(404);
    const off = await trustedEditor.request('POST', `/hantera/${org.slug}/kalender/${feed.id}/koppla-bort`, { _csrf: token });
    expect(off.statusCode).toBe(403);
    expect((await feedOf(org.id)).active).toBe(1);
  });

  it('disconnects a calendar and keeps its activities', async () => {
    const feed = await feedOf(org.id);
    const before = await activitiesOf(org.id);
    const res = await editor.submit(`/hantera/${org.slug}/kalender`, `/hantera/${org.slug}/kalender/${feed.id}/koppla-bort`, {});
    expect(res.headers.location).toBe(`/hantera/${org.slug}/kalender?sparad=disconnected`);
    expect((await feedOf(org.id)).active).toBe(0);
    served.delete('/oxhagen.ics');
    expect((await run()).feeds).toBe(1);
    expect(await activitiesOf(org.id)).toEqual(before);
    const page = await editor.request('GET', `/hantera/${org.slug}/kalender`);
    expect(page.body).toContain('Ni har inte kopplat någon kalender ännu.');
  });

  it('takes up a calendar connected again where it left off, without importing anything twice', async () => {
    const before = await activitiesOf(org.id);
    const feed = await feedOf(org.id);
    served.set('/oxhagen.ics', { status: 200, body: fixture('google.ics') });
    const res = await editor.submit(`/hantera/${org.slug}/kalender`, `/hantera/${org.slug}/kalender`, { url: `${base}/oxhagen.ics`, category: 'kurs' });
    expect(res.headers.location).toBe(`/hantera/${org.slug}/kalender?sparad=connected`);
    expect(await feedOf(org.id)).toMatchObject({ id: feed.id, active: 1, category: 'kurs' });
    expect((await run()).failed).toBe(0);
    expect((await activitiesOf(org.id)).map((a) => a.id)).toEqual(before.map((a) => a.id));
  });
});
