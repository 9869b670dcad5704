/**
 * Notes on paused and cancelled dates: the pause or cancellation of an organisation that is not
 * trusted counts at once (nobody comes to a meeting that is off), its free-text note waits for the
 * coordinator's review. Trusted organisations and the coordinator publish notes directly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertActivity } from '../../src/features/calendar/activity.store.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { Client, csrfOf, signedInClient } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';
import { activityInput, scheduleInput } from '../support/factories.js';

describe.skipIf(skipDatabase())(`notes on paused and cancelled dates on ${testDialect}`, () => {
  let t: TestApp;
  let admin: Client;
  let editor: Client;
  let trustedEditor: Client;
  let org: { id: number; slug: string };
  let trusted: { id: number; slug: string };
  let activityId: number;
  let trustedActivityId: number;
  const editorEmail = `notes-${testDialect}@oxhagen.test`;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    org = await db.selectFrom('organisations').select(['id', 'slug']).where('slug', '=', 'traffpunkt-oxhagen').where('trusted', '=', 0).executeTakeFirstOrThrow();
    trusted = await db.selectFrom('organisations').select(['id', 'slug']).where('trusted', '=', 1).orderBy('id').executeTakeFirstOrThrow();
    const weekly = scheduleInput({ recurrence: { kind: 'weekly', interval: 1, weekdays: ['TU'] }, startDate: '2026-12-01' });
    const now = t.app.deps.now();
    activityId = await insertActivity(db, activityInput({ title: 'Kvällsfika på Oxhagen', hostIds: [org.id], schedule: weekly }), now, '2026-11-26');
    trustedActivityId = await insertActivity(db, activityInput({ title: 'Betrott språkcafé', hostIds: [trusted.id], schedule: weekly }), now, '2026-11-26');
    admin = await signedInClient(t, { isAdmin: true });
    editor = await signedInClient(t, { organisationIds: [org.id], email: editorEmail });
    trustedEditor = await signedInClient(t, { organisationIds: [trusted.id] });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const publicPage = async (id: number) => {
    const res = await t.app.inject({ method: 'GET', url: `/aktivitet/${id}` });
    return res.statusCode === 301 ? t.app.inject({ method: 'GET', url: res.headers.location as string }) : res;
  };
  /** Every public place a date's note could show: the activity page, the week, the calendar file, the API. */
  const everywherePublic = async (id: number) =>
    [
      (await publicPage(id)).body,
      (await t.app.inject({ method: 'GET', url: '/?week=2026-W50' })).body,
      (await t.app.inject({ method: 'GET', url: `/aktivitet/${id}/kalender.ics` })).body,
      (await t.app.inject({ method: 'GET', url: '/api/v1/activities?from=2026-12-01&to=2027-02-28&limit=500' })).body,
      (await t.app.inject({ method: 'GET', url: `/api/v1/activities/${id}` })).body,
    ].join('\n');
  const occurrence = (id: number, date: string) =>
    t.database.db.selectFrom('occurrences').select(['status', 'note']).where('activityId', '=', id).where('originalDate', '=', date).executeTakeFirst();
  const queueId = async (kind: string) => {
    const queue = (await admin.request('GET', '/admin/granska')).body;
    const m = new RegExp(`/admin/granska/(\\d+)">Kvällsfika på Oxhagen</a></td><td>${kind}`).exec(queue);
    return m ? Number(m[1]) : undefined;
  };
  const actions = async () => (await t.database.db.selectFrom('auditEntries').select('action').where('entity', '=', 'activity').where('entityId', '=', activityId).execute()).map((a) => a.action);

  it('cancels the date at once but holds the note of an organisation that is not trusted until the coordinator approves it', async () => {
    const note = 'Ring 0900-111 22 33 för gratis pengar: http://spam.example';
    const res = await editor.submit(`/hantera/${org.slug}/aktivitet/${activityId}/installt`, `/hantera/${org.slug}/aktivitet/${activityId}/installt`, { date: '2026-12-08', note });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/hantera/${org.slug}?sparad=cancelledNoteWaiting`);
    // The cancellation counts now; the text is nowhere public.
    expect(await occurrence(activityId, '2026-12-08')).toEqual({ status: 'cancelled', note: null });
    const page = await publicPage(activityId);
    expect(page.body).toMatch(/Inställt/);
    expect(await everywherePublic(activityId)).not.toContain('spam.example');
    // The editor is told the note waits, on the workspace and beside the cancelled date.
    expect((await editor.request('GET', res.headers.location as string)).body).toContain('Meddelandet visas när samordnaren har läst det.');
    const cancelPage = await editor.request('GET', `/hantera/${org.slug}/aktivitet/${activityId}/installt`);
    expect(cancelPage.body).toContain('Meddelandet väntar på granskning:');
    expect(cancelPage.body).toContain('http://spam.example');
    expect(cancelPage.body).toContain('Meddelandet visas först när samordnaren har läst det.');

    // The coordinator finds it in the queue as its own kind and approves it.
    const id = await queueId('Meddelande om inställd dag');
    expect(id).toBeDefined();
    const detail = await admin.request('GET', `/admin/granska/${id}`);
    expect(detail.body).toContain(note.replace(/&/g, '&amp;'));
    expect(detail.body).toContain('tisdag 8 december');
    const approved = await admin.request('POST', `/admin/granska/${id}/godkann`, { _csrf: csrfOf(detail.body) });
    expect(approved.headers.location).toContain('klar=approved');
    expect(await occurrence(activityId, '2026-12-08')).toEqual({ status: 'cancelled', note });
    expect((await publicPage(activityId)).body).toContain('http://spam.example');
    expect(await actions()).toEqual(expect.arrayContaining(['activity.dateCancelled', 'activity.noteSubmitted', 'activity.noteApproved']));
  });

  it('holds a pause note too; the coordinator sends it back, the editor fixes it, and only the approved text is shown', async () => {
    const path = `/hantera/${org.slug}/aktivitet/${activityId}/paus`;
    const res = await editor.submit(path, path, { fromDate: '2026-12-14', toDate: '2027-01-10', note: 'Jullov – se www.reklam.example' });
    expect(res.headers.location).toContain('sparad=pausedNoteWaiting');
    // The pause counts now: no meeting in it.
    expect(await occurrence(activityId, '2026-12-15')).toBeUndefined();
    expect((await t.database.db.selectFrom('schedulePauses').select(['fromDate', 'note']).where('activityId', '=', activityId).execute())).toEqual([{ fromDate: '2026-12-14', note: null }]);
    expect(await everywherePublic(activityId)).not.toContain('reklam.example');

    const id = (await queueId('Meddelande om paus'))!;
    const detail = await admin.request('GET', `/admin/granska/${id}`);
    const back = await admin.request('POST', `/admin/granska/${id}/skicka-tillbaka`, { message: 'Ta bort länken, tack.', _csrf: csrfOf(detail.body) });
    expect(back.headers.location).toContain('klar=returned');
    const workspace = await editor.request('GET', `/hantera/${org.slug}`);
    expect(workspace.body).toContain('Ta bort länken, tack.');
    expect(workspace.body).toContain(`${path}?datum=2026-12-14`);
    // The fix link opens the pause with the note that was sent back.
    const fix = await editor.request('GET', `${path}?datum=2026-12-14`);
    expect(fix.body).toContain('value="Jullov – se www.reklam.example"');
    expect(fix.body).toContain('Samordnaren skickade tillbaka meddelandet:');
    const again = await editor.request('POST', path, { fromDate: '2026-12-14', toDate: '2027-01-10', note: 'Jullov. Välkommen tillbaka i januari!', _csrf: csrfOf(fix.body) });
    expect(again.headers.location).toContain('sparad=pausedNoteWaiting');
    // One note per date waits: the fixed one, pending again.
    const open = await t.database.db.selectFrom('revisions').select(['id', 'status']).where('entity', '=', 'note').where('entityId', '=', activityId).where('status', 'in', ['pending', 'returned']).execute();
    expect(open).toEqual([{ id, status: 'pending' }]);
    expect(await everywherePublic(activityId)).not.toContain('Välkommen tillbaka i januari');
    const detail2 = await admin.request('GET', `/admin/granska/${id}`);
    await admin.request('POST', `/admin/granska/${id}/godkann`, { _csrf: csrfOf(detail2.body) });
    expect((await publicPage(activityId)).body).toContain('Välkommen tillbaka i januari');
    expect(await actions()).toContain('activity.noteReturned');
  });

  it('closes a waiting note when its pause or cancellation is undone, and never shows it', async () => {
    const path = `/hantera/${org.slug}/aktivitet/${activityId}/installt`;
    const cancelled = await editor.submit(path, path, { date: '2027-01-12', note: 'Stängt, köp lotter på lotter.example' });
    expect(cancelled.headers.location).toContain('sparad=cancelledNoteWaiting');
    const id = (await queueId('Meddelande om inställd dag'))!;
    const form = await editor.request('GET', path);
    const restored = await editor.request('POST', path, { restore: '2027-01-12', _csrf: csrfOf(form.body) });
    expect(restored.headers.location).toContain('sparad=restored');
    expect((await t.database.db.selectFrom('revisions').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('superseded');
    expect(await queueId('Meddelande om inställd dag')).toBeUndefined();
    const detail = await admin.request('GET', `/admin/granska/${id}`);
    expect(detail.body).not.toContain('Godkänn och publicera');
    expect(await everywherePublic(activityId)).not.toContain('lotter.example');
  });

  it('publishes the notes of a trusted organisation and of the coordinator at once', async () => {
    const path = `/hantera/${trusted.slug}/aktivitet/${trustedActivityId}/installt`;
    const res = await trustedEditor.submit(path, path, { date: '2026-12-08', note: 'Ledaren är sjuk' });
    expect(res.headers.location).toContain('sparad=cancelled');
    expect(await occurrence(trustedActivityId, '2026-12-08')).toEqual({ status: 'cancelled', note: 'Ledaren är sjuk' });
    const coordinatorPath = `/hantera/${org.slug}/aktivitet/${activityId}/installt`;
    const byCoordinator = await admin.submit(coordinatorPath, coordinatorPath, { date: '2027-01-19', note: 'Stängt för städning' });
    expect(byCoordinator.headers.location).toContain('sparad=cancelled');
    expect(await occurrence(activityId, '2027-01-19')).toEqual({ status: 'cancelled', note: 'Stängt för städning' });
    const pausePath = `/hantera/${trusted.slug}/aktivitet/${trustedActivityId}/paus`;
    await trustedEditor.submit(pausePath, pausePath, { fromDate: '2027-06-14', toDate: '2027-08-15', note: 'Sommaruppehåll' });
    expect((await publicPage(trustedActivityId)).body).toContain('Sommaruppehåll');
    expect(await t.database.db.selectFrom('revisions').select('id').where('entity', '=', 'note').where('entityId', '=', trustedActivityId).execute()).toEqual([]);
  });

  it('keeps an approved note when the editor saves the date again with the same text, without a new review', async () => {
    const path = `/hantera/${org.slug}/aktivitet/${activityId}/installt`;
    const form = await editor.request('GET', `${path}?datum=2026-12-08`);
    expect(form.body).toMatch(/value="2026-12-08" checked/);
    const res = await editor.request('POST', path, { date: '2026-12-08', note: 'Ring 0900-111 22 33 för gratis pengar: http://spam.example', _csrf: csrfOf(form.body) });
    expect(res.headers.location).toContain('sparad=cancelled');
    expect((await occurrence(activityId, '2026-12-08'))?.note).toContain('spam.example');
    const changed = await editor.request('POST', path, { date: '2026-12-08', note: 'Ny text', _csrf: csrfOf(form.body) });
    expect(changed.headers.location).toContain('sparad=cancelledNoteWaiting');
    expect(await occurrence(activityId, '2026-12-08')).toEqual({ status: 'cancelled', note: null });
  });
});
