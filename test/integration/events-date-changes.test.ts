/**
 * People signed up for a date are told when it changes, on both databases: a cancelled date (with the
 * organiser's note), a paused one, new times from the activity form and a deleted activity each mail
 * the confirmed and waiting sign-ups of the dates they take away or move, once, in the language they
 * signed up in, with the subject reference 'signup:<id>'. A date without sign-ups and an erased
 * sign-up mail nobody; the organiser sees beforehand how many will be told.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveSettings, signUp } from '../../src/features/network/index.js';
import { createTestApp, FIXED_NOW, type TestApp } from '../support/app.js';
import { activityForm } from '../support/factories.js';
import { Client, csrfOf, signedInClient } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';

const visible = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');
const TITLE = 'Stickcafé med anmälan';
// Tuesdays from 1 December 2026, 13:00–15:00.
const DATES = ['2026-12-01', '2026-12-08', '2026-12-15', '2026-12-22', '2026-12-29'];

describe.skipIf(skipDatabase())(`telling signed-up people that a date changed on ${testDialect}`, () => {
  let t: TestApp;
  let admin: Client;
  let org: { id: number; slug: string };
  let activityId: number;
  const ids: Record<string, number> = {};

  const person = async (date: string, name: string, email: string, language: string) => {
    const r = await signUp(t.database.db, { activityId, date, input: { name, email, phone: null, organisation: null, diet: null, accessibility: null }, language, attendeeKey: `key-${email}` }, FIXED_NOW);
    if (r.kind !== 'created') throw new Error(`no sign-up: ${r.kind}`);
    ids[email] = r.signup.id;
  };
  const mailsTo = (email: string) => t.database.db.selectFrom('outbox').selectAll().where('toAddress', '=', email).orderBy('id').execute();
  const allChangeMails = () => t.database.db.selectFrom('outbox').selectAll().where('purpose', 'in', ['event-dateCancelled', 'event-dateMoved']).execute();

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    org = await db.selectFrom('organisations').select(['id', 'slug']).where('slug', '=', 'traffpunkt-oxhagen').executeTakeFirstOrThrow();
    admin = await signedInClient(t, { isAdmin: true });
    const res = await admin.submit(`/hantera/${org.slug}/ny`, `/hantera/${org.slug}/ny`, activityForm({ title: TITLE, registration: 'signup', hostIds: String(org.id) }));
    expect(res.statusCode).toBe(303);
    activityId = (await db.selectFrom('activities').select('id').where('title', '=', TITLE).executeTakeFirstOrThrow()).id;
    for (const date of DATES) {
      await saveSettings(db, { activityId, date, capacity: 1, deadlineDate: null, deadlineTime: null, questions: { organisation: 'off', diet: 'off', accessibility: 'off' }, note: null }, FIXED_NOW);
    }
    await person(DATES[0]!, 'Fatima', 'fatima@exempel.se', 'ar');
    await person(DATES[0]!, 'Sven', 'sven@exempel.se', 'sv'); // on the waiting list (capacity 1)
    await person(DATES[1]!, 'Borttagen', 'erased@exempel.se', 'sv');
    await db.updateTable('eventSignups').set({ name: null, email: null, phone: null, erasedAt: FIXED_NOW.toISOString() }).where('id', '=', ids['erased@exempel.se']!).execute();
    await person(DATES[2]!, 'Olena', 'olena@exempel.se', 'uk');
    await person(DATES[4]!, 'Amina', 'amina@exempel.se', 'so');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('tells the organiser before confirming how many will get an e-mail', async () => {
    const page = await admin.request('GET', `/hantera/${org.slug}/aktivitet/${activityId}/installt`);
    expect(page.statusCode).toBe(200);
    expect(visible(page.body)).toContain('2 anmälda får ett mejl');
    const pause = await admin.request('GET', `/hantera/${org.slug}/aktivitet/${activityId}/paus`);
    expect(visible(pause.body)).toContain('1 anmäld får ett mejl');
    const del = await admin.request('GET', `/hantera/${org.slug}/aktivitet/${activityId}/ta-bort`);
    expect(visible(del.body)).toContain('4 anmälda får ett mejl');
  });

  it('mails the confirmed and the waiting of a cancelled date once, each in their language, with the note', async () => {
    const path = `/hantera/${org.slug}/aktivitet/${activityId}/installt`;
    const res = await admin.submit(path, path, { date: DATES[0]!, note: 'Lokalen är stängd' });
    expect(res.statusCode).toBe(303);
    const [ar] = await mailsTo('fatima@exempel.se').then((m) => m.filter((x) => x.purpose === 'event-dateCancelled'));
    const [sv] = await mailsTo('sven@exempel.se').then((m) => m.filter((x) => x.purpose === 'event-dateCancelled'));
    expect(ar!.subject).toContain('أُلغي');
    expect(ar!.textBody).toContain('Lokalen är stängd');
    expect(ar!.subjectRef).toBe(`signup:${ids['fatima@exempel.se']}`);
    expect(sv!.subject).toContain('Inställt');
    expect(sv!.subjectRef).toBe(`signup:${ids['sven@exempel.se']}`);

    // The same request again changes nothing and mails nobody again.
    await admin.submit(path, path, { date: DATES[0]!, note: 'Lokalen är stängd' });
    expect((await allChangeMails()).length).toBe(2);
  });

  it('mails nobody for a date without sign-ups or with only an erased one', async () => {
    const path = `/hantera/${org.slug}/aktivitet/${activityId}/installt`;
    await admin.submit(path, path, { date: DATES[3]!, note: '' });
    const pause = `/hantera/${org.slug}/aktivitet/${activityId}/paus`;
    await admin.submit(pause, pause, { fromDate: DATES[1]!, toDate: DATES[1]!, note: '' });
    expect((await allChangeMails()).length).toBe(2);
  });

  it('mails those signed up on a paused date, with the pause note', async () => {
    const pause = `/hantera/${org.slug}/aktivitet/${activityId}/paus`;
    const res = await admin.submit(pause, pause, { fromDate: DATES[2]!, toDate: DATES[2]!, note: 'Julpaus' });
    expect(res.statusCode).toBe(303);
    const mails = (await mailsTo('olena@exempel.se')).filter((m) => m.purpose === 'event-dateCancelled');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('Скасовано');
    expect(mails[0]!.textBody).toContain('Julpaus');
  });

  it('mails the new time when the activity form moves the dates, and once only', async () => {
    const edit = `/hantera/${org.slug}/aktivitet/${activityId}`;
    const save = async (startTime: string) => {
      const form = await admin.request('GET', edit);
      const version = /name="version" value="([^"]*)"/.exec(form.body)![1]!;
      return admin.request('POST', edit, { ...activityForm({ title: TITLE, registration: 'signup', hostIds: String(org.id), startTime, endTime: '16:00' }), version, _csrf: csrfOf(form.body) });
    };
    expect((await save('14:00')).statusCode).toBe(303);
    const moved = (await mailsTo('amina@exempel.se')).filter((m) => m.purpose === 'event-dateMoved');
    expect(moved).toHaveLength(1);
    expect(moved[0]!.textBody).toContain('14:00');
    expect(moved[0]!.textBody).toContain('/anmalan/avboka/');
    // Saving the same times again moves nothing.
    expect((await save('14:00')).statusCode).toBe(303);
    expect((await mailsTo('amina@exempel.se')).filter((m) => m.purpose === 'event-dateMoved')).toHaveLength(1);
  });

  it('mails those still signed up when the activity is deleted, and refuses another organisation’s editor', async () => {
    const other = await t.database.db.selectFrom('organisations').select('id').where('slug', '=', 'ukrainska-foreningen').executeTakeFirstOrThrow();
    const stranger = await signedInClient(t, { organisationIds: [other.id] });
    const csrf = csrfOf((await stranger.request('GET', '/konto')).body);
    expect([403, 404]).toContain((await stranger.request('POST', `/hantera/${org.slug}/aktivitet/${activityId}/ta-bort`, { _csrf: csrf })).statusCode);
    const before = (await allChangeMails()).length;
    const path = `/hantera/${org.slug}/aktivitet/${activityId}/ta-bort`;
    expect((await admin.submit(path, path, {})).statusCode).toBe(303);
    const after = await allChangeMails();
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)!.toAddress).toBe('amina@exempel.se');
    expect(after.at(-1)!.purpose).toBe('event-dateCancelled');
  });
});
