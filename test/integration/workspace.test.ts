/**
 * The organisation's workspace and the coordinator's review: create, preview, submit, approve, send
 * back, conflicts, pause and cancel a date, proposals by link and suggestions confirmed by e-mail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOutbox } from '../../src/features/mail/index.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { Client, csrfOf, signedInClient } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';
import { activityForm } from '../support/factories.js';

const weekly = (overrides: Record<string, string | string[]> = {}) => activityForm({ languages: ['ar', 'so'], ...overrides });

/** An activity's public page, following the redirect to its address with the slug. */
async function publicPage(t: TestApp, id: number) {
  const res = await t.app.inject({ method: 'GET', url: `/aktivitet/${id}` });
  if (res.statusCode !== 301) return res;
  return t.app.inject({ method: 'GET', url: res.headers.location as string });
}

async function lastMailTo(t: TestApp, to: string) {
  const mails = await listOutbox(t.database.db, { limit: 50, offset: 0 });
  return mails.find((m) => m.to === to);
}

describe.skipIf(skipDatabase())(`organisation workspace and review on ${testDialect}`, () => {
  let t: TestApp;
  let admin: Client;
  let editor: Client;
  let otherEditor: Client;
  let trustedEditor: Client;
  let org: { id: number; slug: string; email: string | null };
  let other: { id: number; slug: string };
  let trusted: { id: number; slug: string };
  const editorEmail = () => `editor-${testDialect}@oxhagen.test`;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    org = await db.selectFrom('organisations').select(['id', 'slug', 'email']).where('slug', '=', 'traffpunkt-oxhagen').executeTakeFirstOrThrow();
    other = await db.selectFrom('organisations').select(['id', 'slug']).where('slug', '=', 'ukrainska-foreningen').executeTakeFirstOrThrow();
    trusted = await db.selectFrom('organisations').select(['id', 'slug']).where('trusted', '=', 1).orderBy('id').executeTakeFirstOrThrow();
    admin = await signedInClient(t, { isAdmin: true, name: 'Anette' });
    editor = await signedInClient(t, { organisationIds: [org.id], email: editorEmail() });
    otherEditor = await signedInClient(t, { organisationIds: [other.id] });
    trustedEditor = await signedInClient(t, { organisationIds: [trusted.id] });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('sends an editor of one organisation straight to its workspace, and keeps others out', async () => {
    const home = await editor.request('GET', '/hantera');
    expect(home.statusCode).toBe(303);
    expect(home.headers.location).toBe(`/hantera/${org.slug}`);
    expect((await editor.request('GET', `/hantera/${org.slug}`)).statusCode).toBe(200);
    expect((await otherEditor.request('GET', `/hantera/${org.slug}`)).statusCode).toBe(403);
    expect((await otherEditor.request('GET', `/hantera/${org.slug}/ny`)).statusCode).toBe(403);
    expect((await new Client(t).request('GET', `/hantera/${org.slug}`)).statusCode).toBe(303);
    const guide = await signedInClient(t, { isGuide: true });
    expect((await guide.request('GET', `/hantera/${org.slug}`)).statusCode).toBe(403);
  });

  it('shows every error beside its field in the reader’s language and keeps what was typed', async () => {
    const res = await editor.submit(`/hantera/${org.slug}/ny`, `/hantera/${org.slug}/ny`, weekly({ title: '', startTime: '25:00', endTime: '', contactPhone: '123', contactEmail: 'inte en adress', description: 'Min <b>text</b> finns kvar' }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Skriv ett namn på aktiviteten.');
    expect(res.body).toContain('Skriv tiden som timmar:minuter');
    expect(res.body).toContain('Skriv ett telefonnummer');
    expect(res.body).toContain('Skriv en e-postadress');
    expect(res.body).toContain('saker behöver ändras');
    expect(res.body).toContain('Min &lt;b>text&lt;/b> finns kvar</textarea>');
    expect(res.body).toContain('value="inte en adress"');
    expect(res.body).toMatch(/value="TU" checked/);
    const en = await editor.submit(`/en/hantera/${org.slug}/ny`, `/en/hantera/${org.slug}/ny`, weekly({ title: '' }));
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('Write a name for the activity.');
  });

  it('previews the activity as the public will see it without saving', async () => {
    const count = async () => Number((await t.database.db.selectFrom('activities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const res = await editor.submit(`/hantera/${org.slug}/ny`, `/hantera/${org.slug}/ny`, { ...weekly(), action: 'preview' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Så här ser det ut');
    expect(res.body).toContain('Stickcafé på Oxhagen');
    expect(res.body).toMatch(/tisdag 1 december/i);
    expect(await count()).toBe(before);
  });

  let activityId: number;

  it('sends a new activity from an organisation that is not trusted for review; approval publishes it', async () => {
    const res = await editor.submit(`/hantera/${org.slug}/ny`, `/hantera/${org.slug}/ny`, weekly());
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/hantera/${org.slug}?sparad=submitted`);
    const row = await t.database.db.selectFrom('activities').select(['id', 'status']).where('title', '=', 'Stickcafé på Oxhagen').executeTakeFirstOrThrow();
    activityId = row.id;
    expect(row.status).toBe('pending');
    expect((await publicPage(t, activityId)).statusCode).toBe(404);
    const workspace = await editor.request('GET', res.headers.location as string);
    expect(workspace.body).toContain('Väntar på granskning');
    expect(workspace.body).toContain('Samordnaren granskar ändringen');
    const notice = await lastMailTo(t, t.app.deps.config.adminEmail);
    expect(notice?.subject).toContain('Att granska');

    const queue = await admin.request('GET', '/admin/granska');
    expect(queue.body).toContain('Stickcafé på Oxhagen');
    // The demo data brings a new activity, a change and a confirmed tip to review.
    for (const title of ['Sagostund på tigrinja och svenska', 'Kvinnocafé i Vivalla', 'Simträning för kvinnor']) expect(queue.body).toContain(title);
    const revisionId = Number(/\/admin\/granska\/(\d+)">Stickcafé på Oxhagen/.exec(queue.body)![1]);
    const approved = await admin.submit(`/admin/granska/${revisionId}`, `/admin/granska/${revisionId}/godkann`, {});
    expect(approved.statusCode).toBe(303);
    const page = await publicPage(t, activityId);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Stickcafé på Oxhagen');
    const week = await t.app.inject({ method: 'GET', url: '/?week=2026-W49' });
    expect(week.body).toContain('Stickcafé på Oxhagen');
    expect((await lastMailTo(t, editorEmail()))?.subject).toContain('Publicerat');
    // Approving twice does nothing the second time.
    const again = await admin.submit('/admin/anvandare', `/admin/granska/${revisionId}/godkann`, {});
    expect(again.headers.location).toContain('klar=gone');
  });

  it('keeps the published version visible while a change waits, and sends a change back with a message', async () => {
    const form = await editor.request('GET', `/hantera/${org.slug}/aktivitet/${activityId}`);
    const version = /name="version" value="([^"]*)"/.exec(form.body)![1]!;
    const res = await editor.request('POST', `/hantera/${org.slug}/aktivitet/${activityId}`, { ...weekly({ title: 'Stick- och virkcafé' }), version, _csrf: csrfOf(form.body) });
    expect(res.statusCode).toBe(303);
    const page = await publicPage(t, activityId);
    expect(page.body).toContain('Stickcafé på Oxhagen');
    expect(page.body).not.toContain('Stick- och virkcafé');
    expect((await editor.request('GET', `/hantera/${org.slug}`)).body).toContain('en ändring väntar på granskning');

    const queue = await admin.request('GET', '/admin/granska');
    const revisionId = Number(new RegExp(`/admin/granska/(\\d+)">Stick- och virkcafé`).exec(queue.body)![1]);
    const detail = await admin.request('GET', `/admin/granska/${revisionId}`);
    expect(detail.body).toContain('Stickcafé på Oxhagen');
    expect(detail.body).toContain('Stick- och virkcafé');
    const empty = await admin.submit(`/admin/granska/${revisionId}`, `/admin/granska/${revisionId}/skicka-tillbaka`, { message: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Skriv vad som behöver ändras.');
    const back = await admin.submit(`/admin/granska/${revisionId}`, `/admin/granska/${revisionId}/skicka-tillbaka`, { message: 'Skriv gärna vilken våning.' });
    expect(back.statusCode).toBe(303);
    const mail = await lastMailTo(t, editorEmail());
    expect(mail?.subject).toContain('Behöver ändras');
    expect(mail?.text).toContain('Skriv gärna vilken våning.');
    const workspace = await editor.request('GET', `/hantera/${org.slug}`);
    expect(workspace.body).toContain('Skriv gärna vilken våning.');
    expect(workspace.body).toContain('Skickad tillbaka');
    // The form shows the change that was sent back, to fix and send again.
    const again = await editor.request('GET', `/hantera/${org.slug}/aktivitet/${activityId}`);
    expect(again.body).toContain('value="Stick- och virkcafé"');
  });

  it('gives the second of two editors saving the same activity both versions, never a silent overwrite', async () => {
    const colleague = await signedInClient(t, { organisationIds: [org.id] });
    const a = await editor.request('GET', `/hantera/${org.slug}/aktivitet/${activityId}`);
    const b = await colleague.request('GET', `/hantera/${org.slug}/aktivitet/${activityId}`);
    const version = (html: string) => /name="version" value="([^"]*)"/.exec(html)![1]!;
    const first = await editor.request('POST', `/hantera/${org.slug}/aktivitet/${activityId}`, { ...weekly({ title: 'Stickcafé, våning 2' }), version: version(a.body), _csrf: csrfOf(a.body) });
    expect(first.statusCode).toBe(303);
    const second = await colleague.request('POST', `/hantera/${org.slug}/aktivitet/${activityId}`, { ...weekly({ title: 'Stickcafé i källaren' }), version: version(b.body), _csrf: csrfOf(b.body) });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('Någon annan har sparat under tiden');
    expect(second.body).toContain('Stickcafé, våning 2');
    expect(second.body).toContain('value="Stickcafé i källaren"');
    // Saving again from the conflict page is a deliberate choice and goes through.
    const third = await colleague.request('POST', `/hantera/${org.slug}/aktivitet/${activityId}`, { ...weekly({ title: 'Stickcafé i källaren' }), version: version(second.body), _csrf: csrfOf(second.body) });
    expect(third.statusCode).toBe(303);
  });

  it('publishes directly for a trusted organisation, and warns about a clash before saving', async () => {
    const place = await t.database.db
      .selectFrom('activities as a')
      .innerJoin('schedules as s', 's.activityId', 'a.id')
      .select(['a.placeId', 's.startTime', 's.endTime', 's.rrule', 's.startDate'])
      .where('a.category', '=', 'sprakcafe')
      .where('a.status', '=', 'published')
      .where('s.rrule', 'like', 'FREQ=WEEKLY;BYDAY=%')
      .where('a.placeId', 'is not', null)
      .orderBy('a.id')
      .executeTakeFirstOrThrow();
    const day = /BYDAY=(\w\w)/.exec(place.rrule!)![1]!;
    const input = weekly({ title: 'Språkcafé hos oss', category: 'sprakcafe', placeId: String(place.placeId), startTime: place.startTime, endTime: place.endTime, weekdays: [day], startDate: '2026-11-26' });
    const preview = await trustedEditor.submit(`/hantera/${trusted.slug}/ny`, `/hantera/${trusted.slug}/ny`, { ...input, action: 'preview' });
    expect(preview.body).toContain('id="clash-warning"');
    expect(preview.body).toContain('Samtidigt i närheten');
    // Saving stops once to show the clash; nothing is stored until the editor saves again.
    const stopped = await trustedEditor.submit(`/hantera/${trusted.slug}/ny`, `/hantera/${trusted.slug}/ny`, input);
    expect(stopped.statusCode).toBe(200);
    expect(stopped.body).toContain('Inget är sparat ännu');
    expect(await t.database.db.selectFrom('activities').select('id').where('title', '=', 'Språkcafé hos oss').executeTakeFirst()).toBeUndefined();
    const seen = /name="clashesSeen" value="([^"]+)"/.exec(stopped.body)![1]!;
    const saved = await trustedEditor.request('POST', `/hantera/${trusted.slug}/ny`, { ...input, clashesSeen: seen, _csrf: csrfOf(stopped.body) });
    expect(saved.headers.location).toContain('sparad=published');
    const row = await t.database.db.selectFrom('activities').select(['id', 'status']).where('title', '=', 'Språkcafé hos oss').executeTakeFirstOrThrow();
    expect(row.status).toBe('published');
    const audit = await t.database.db.selectFrom('auditEntries').selectAll().where('entity', '=', 'activity').where('entityId', '=', row.id).execute();
    expect(audit.map((e) => e.action)).toContain('activity.created');
  });

  it('pauses for the summer and cancels one date with a note, shown on the public page at once', async () => {
    const paused = await trustedEditor.request('GET', `/hantera/${trusted.slug}`);
    const id = Number(/\/hantera\/[a-z0-9-]+\/aktivitet\/(\d+)\/paus/.exec(paused.body)![1]);
    const bad = await trustedEditor.submit(`/hantera/${trusted.slug}/aktivitet/${id}/paus`, `/hantera/${trusted.slug}/aktivitet/${id}/paus`, { fromDate: '2027-06-20', toDate: '2027-06-01', note: 'Sommar' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Pausen måste sluta');
    expect(bad.body).toContain('value="Sommar"');
    const ok = await trustedEditor.submit(`/hantera/${trusted.slug}/aktivitet/${id}/paus`, `/hantera/${trusted.slug}/aktivitet/${id}/paus`, { fromDate: '2027-06-14', toDate: '2027-08-15', note: 'Sommaruppehåll' });
    expect(ok.statusCode).toBe(303);
    const stored = await t.database.db.selectFrom('schedulePauses').selectAll().where('activityId', '=', id).execute();
    expect(stored.map((p) => [p.fromDate, p.toDate])).toContainEqual(['2027-06-14', '2027-08-15']);

    const cancelForm = await trustedEditor.request('GET', `/hantera/${trusted.slug}/aktivitet/${id}/installt`);
    const date = /name="date" value="(\d{4}-\d\d-\d\d)"/.exec(cancelForm.body)![1]!;
    const notADate = await trustedEditor.request('POST', `/hantera/${trusted.slug}/aktivitet/${id}/installt`, { date: '2026-11-30', note: '', _csrf: csrfOf(cancelForm.body) });
    expect([303, 400]).toContain(notADate.statusCode);
    const cancelled = await trustedEditor.request('POST', `/hantera/${trusted.slug}/aktivitet/${id}/installt`, { date, note: 'Ledaren är sjuk', _csrf: csrfOf(cancelForm.body) });
    expect(cancelled.statusCode).toBe(303);
    const page = await publicPage(t, id);
    expect(page.body).toContain('Ledaren är sjuk');
    const occ = await t.database.db.selectFrom('occurrences').select('status').where('activityId', '=', id).where('originalDate', '=', date).executeTakeFirstOrThrow();
    expect(occ.status).toBe('cancelled');
  });

  it('duplicates and deletes', async () => {
    const copy = await editor.request('GET', `/hantera/${org.slug}/ny?fran=${activityId}`);
    expect(copy.statusCode).toBe(200);
    expect(copy.body).toContain('value="Stickcafé');
    expect(copy.body).toMatch(/name="version" value(="")?\/>/);
    expect((await otherEditor.request('GET', `/hantera/${other.slug}/ny?fran=${activityId}`)).statusCode).toBe(404);
    expect((await otherEditor.request('GET', `/hantera/${other.slug}/aktivitet/${activityId}`)).statusCode).toBe(404);
    const confirm = await editor.request('GET', `/hantera/${org.slug}/aktivitet/${activityId}/ta-bort`);
    expect(confirm.body).toContain('Ja, ta bort');
    const gone = await editor.request('POST', `/hantera/${org.slug}/aktivitet/${activityId}/ta-bort`, { _csrf: csrfOf(confirm.body) });
    expect(gone.statusCode).toBe(303);
    expect((await publicPage(t, activityId)).statusCode).toBe(404);
    const audit = await t.database.db.selectFrom('auditEntries').select('action').where('entity', '=', 'activity').where('entityId', '=', activityId).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['activity.created', 'activity.submitted', 'activity.approved', 'activity.returned', 'activity.deleted']));
  });

  it('lets the coordinator send a proposal that the organisation approves by link, once, without an account', async () => {
    const res = await admin.submit(`/hantera/${org.slug}/ny`, `/hantera/${org.slug}/ny`, { ...weekly({ title: 'Läxhjälp på Oxhagen', category: 'laxhjalp' }), action: 'proposal', message: 'Stämmer tiderna?' });
    expect(res.headers.location).toContain('sparad=proposed');
    const mail = await lastMailTo(t, org.email!);
    expect(mail?.text).toContain('Stämmer tiderna?');
    const path = new URL(/https?:\/\/\S+\/forslag\/\S+/.exec(mail!.text)![0]).pathname;
    const contact = new Client(t);
    const view = await contact.request('GET', path);
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('Läxhjälp på Oxhagen');
    const edit = await contact.request('GET', `${path}?andra=1`);
    const bad = await contact.request('POST', path, { ...weekly({ title: '', category: 'laxhjalp' }), edited: 'true', _csrf: csrfOf(edit.body) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Skriv ett namn på aktiviteten.');
    const ok = await contact.request('POST', path, { ...weekly({ title: 'Läxhjälp på Oxhagen, onsdagar', category: 'laxhjalp', weekdays: ['WE'] }), edited: 'true', _csrf: csrfOf(bad.body) });
    expect(ok.statusCode).toBe(200);
    const row = await t.database.db.selectFrom('activities').select(['id', 'status']).where('title', '=', 'Läxhjälp på Oxhagen, onsdagar').executeTakeFirstOrThrow();
    expect(row.status).toBe('published');
    expect((await contact.request('GET', path)).statusCode).toBe(404);
    expect((await contact.request('GET', '/forslag/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).statusCode).toBe(404);
  });

  it('takes a suggestion from anyone, shows it to the coordinator only after the e-mail is confirmed', async () => {
    const anon = new Client(t);
    const missing = await anon.submit('/tipsa', '/tipsa', { ...weekly({ title: 'Simskola för vuxna' }), senderName: '', senderEmail: 'x', organisationName: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Skriv ditt namn.');
    expect(missing.body).toContain('value="Simskola för vuxna"');
    const sent = await anon.submit('/tipsa', '/tipsa', { ...weekly({ title: 'Simskola för vuxna', category: 'idrott' }), senderName: 'Amina', senderEmail: 'amina@example.se', organisationName: 'Simklubben Delfinen' });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('amina@example.se');
    expect((await admin.request('GET', '/admin/granska')).body).not.toContain('Simskola för vuxna');
    const mail = await lastMailTo(t, 'amina@example.se');
    const path = new URL(/https?:\/\/\S+\/tipsa\/bekrafta\/\S+/.exec(mail!.text)![0]).pathname;
    const confirm = await anon.request('GET', path);
    expect(confirm.statusCode).toBe(200);
    expect((await anon.request('POST', path, { _csrf: csrfOf(confirm.body) })).statusCode).toBe(200);
    const queue = await admin.request('GET', '/admin/granska');
    expect(queue.body).toContain('Simskola för vuxna');
    const revisionId = Number(/\/admin\/granska\/(\d+)">Simskola för vuxna/.exec(queue.body)![1]);
    const detail = await admin.request('GET', `/admin/granska/${revisionId}`);
    expect(detail.body).toContain('Simklubben Delfinen');
    const noHost = await admin.request('POST', `/admin/granska/${revisionId}/godkann`, { _csrf: csrfOf(detail.body) });
    expect(noHost.statusCode).toBe(400);
    expect(noHost.body).toContain('Välj vilken organisation');
    const ok = await admin.request('POST', `/admin/granska/${revisionId}/godkann`, { organisationId: String(other.id), _csrf: csrfOf(detail.body) });
    expect(ok.statusCode).toBe(303);
    const row = await t.database.db.selectFrom('activities').select(['id', 'status']).where('title', '=', 'Simskola för vuxna').executeTakeFirstOrThrow();
    expect(row.status).toBe('published');
    expect((await publicPage(t, row.id)).body).toContain('Ukrainska');
  });

  it('sends a profile change for review and publishes it when approved', async () => {
    const form = await editor.request('GET', `/hantera/${org.slug}/profil`);
    expect(form.statusCode).toBe(200);
    const value = (name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(form.body)?.[1] ?? '';
    const body = {
      name: 'Träffpunkt Oxhagen',
      kind: 'association',
      description: 'Vi har öppet varje dag. <script>alert(1)</script>',
      website: 'www.oxhagen.example',
      email: value('email').replace(/&#64;|&amp;/g, (m) => (m === '&#64;' ? '@' : '&')),
      phone: '019-21 10 00',
      contactName: '',
      categories: ['motesplats'],
      version: /name="version" value="([^"]*)"/.exec(form.body)![1]!,
      _csrf: csrfOf(form.body),
    };
    const bad = await editor.request('POST', `/hantera/${org.slug}/profil`, { ...body, website: 'javascript:alert(1)' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Skriv en webbadress');
    const ok = await editor.request('POST', `/hantera/${org.slug}/profil`, body);
    expect(ok.headers.location).toContain('sparad=submitted');
    expect((await t.app.inject({ method: 'GET', url: `/organisationer/${org.slug}` })).body).not.toContain('Vi har öppet varje dag');
    const queue = await admin.request('GET', '/admin/granska');
    const revisionId = Number(/\/admin\/granska\/(\d+)">Träffpunkt Oxhagen/.exec(queue.body)![1]);
    const detail = await admin.request('GET', `/admin/granska/${revisionId}`);
    expect(detail.body).toContain('&lt;script>alert(1)&lt;/script>');
    await admin.request('POST', `/admin/granska/${revisionId}/godkann`, { _csrf: csrfOf(detail.body) });
    const pageAfter = await t.app.inject({ method: 'GET', url: `/organisationer/${org.slug}` });
    expect(pageAfter.body).toContain('Vi har öppet varje dag');
    expect(pageAfter.body).not.toContain('<script>alert(1)');
  });

  it('shows HTML and script typed into every field as text on every page', async () => {
    const P = '"><img src=x onerror=alert(1)><script>alert(1)</script>';
    const raw = /<script>alert|<img src=x/;
    const districtId = String((await t.database.db.selectFrom('districts').select('id').executeTakeFirstOrThrow()).id);
    const input = weekly({
      title: `Kväll ${P}`,
      description: `Beskrivning ${P}`,
      isFree: 'false',
      costText: `20 kr ${P}`,
      contactName: `Kim ${P}`,
      placeId: 'new',
      'newPlace.name': `Lokal ${P}`,
      'newPlace.address': `Gatan 1 ${P}`,
      'newPlace.districtId': districtId,
      'newPlace.accessibility': `Hiss ${P}`,
      'newPlace.directions': `Dörr ${P}`,
      contactPhone: P,
      contactEmail: P,
    });
    const rejected = await trustedEditor.submit(`/hantera/${trusted.slug}/ny`, `/hantera/${trusted.slug}/ny`, input);
    expect(rejected.statusCode).toBe(400);
    expect(rejected.body).not.toMatch(raw);
    expect(rejected.body).toContain('&lt;script>alert(1)&lt;/script>');
    const preview = await trustedEditor.submit(`/hantera/${trusted.slug}/ny`, `/hantera/${trusted.slug}/ny`, { ...input, contactPhone: '', contactEmail: '', action: 'preview' });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).not.toMatch(raw);
    const saved = await trustedEditor.submit(`/hantera/${trusted.slug}/ny`, `/hantera/${trusted.slug}/ny`, { ...input, contactPhone: '', contactEmail: '' });
    expect(saved.statusCode).toBe(303);
    const row = await t.database.db.selectFrom('activities').select('id').where('title', '=', `Kväll ${P}`).executeTakeFirstOrThrow();
    const dates = await trustedEditor.request('GET', `/hantera/${trusted.slug}/aktivitet/${row.id}/installt`);
    const date = /name="date" value="(\d{4}-\d\d-\d\d)"/.exec(dates.body)![1]!;
    expect((await trustedEditor.request('POST', `/hantera/${trusted.slug}/aktivitet/${row.id}/installt`, { date, note: `Sjuk ${P}`.slice(0, 200), _csrf: csrfOf(dates.body) })).statusCode).toBe(303);
    expect((await trustedEditor.request('POST', `/hantera/${trusted.slug}/aktivitet/${row.id}/paus`, { fromDate: '2027-07-01', toDate: '2027-07-31', note: `Sommar ${P}`, _csrf: csrfOf(dates.body) })).statusCode).toBe(303);
    const place = await t.database.db.selectFrom('places').select('id').where('name', '=', `Lokal ${P}`).executeTakeFirstOrThrow();
    const pages = [
      (await publicPage(t, row.id)).body,
      (await t.app.inject({ method: 'GET', url: '/?week=2026-W49' })).body,
      (await t.app.inject({ method: 'GET', url: `/?day=${date}` })).body,
      (await t.app.inject({ method: 'GET', url: `/organisationer/${trusted.slug}` })).body,
      (await t.app.inject({ method: 'GET', url: `/sok?q=${encodeURIComponent('kväll')}` })).body,
      (await trustedEditor.request('GET', `/hantera/${trusted.slug}`)).body,
      (await trustedEditor.request('GET', `/hantera/${trusted.slug}/aktivitet/${row.id}`)).body,
      (await trustedEditor.request('GET', `/hantera/${trusted.slug}/aktivitet/${row.id}/paus`)).body,
      (await trustedEditor.request('GET', `/hantera/${trusted.slug}/aktivitet/${row.id}/installt`)).body,
      (await admin.request('GET', `/admin/historik/activity/${row.id}`)).body,
      (await admin.request('GET', `/admin/aktiviteter?q=${encodeURIComponent('kväll')}`)).body,
      (await admin.request('GET', `/admin/platser/${place.id}`)).body,
      (await admin.request('GET', '/admin')).body,
    ];
    for (const [i, html] of pages.entries()) {
      expect(html, `page ${i}`).not.toMatch(raw);
    }
    expect(pages[0]).toContain('Kväll &quot;>&lt;img src=x onerror=alert(1)>&lt;script>alert(1)&lt;/script>');
    expect(pages[0]).toContain('Sjuk');
    expect(pages[0]).toContain('Hiss');
  });
});
