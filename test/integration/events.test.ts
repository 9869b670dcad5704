/**
 * Events with sign-up on the demo's quarterly network meeting (2nd Tuesday every 3 months, 40 places):
 * the dates on the activity page, signing up in Swedish and Arabic, the same address twice, full →
 * waiting list, cancelling by a single-use link with the first waiting moved up and told, the deadline
 * and past dates, the honeypot, the organiser's list, CSV that no spreadsheet runs, check-in, who may
 * see it, reminders once, erasure after the event with the counts kept, and the quarterly RRULE.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOutbox } from '../../src/features/mail/index.js';
import { eraseEventSignups, NETWORK_MEETING_TITLE, sendEventReminders, THEME_LUNCH_TITLE } from '../../src/features/network/index.js';
import { createTestApp, FIXED_NOW, type TestApp } from '../support/app.js';
import { Client, csrfOf, signedInClient } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';

/** The demo's next network meeting when today is FIXED_NOW (Thursday 26 November 2026). */
const NEXT = '2026-12-08';
const EARLIER = '2026-09-08';

describe.skipIf(skipDatabase())(`events with sign-up on ${testDialect}`, () => {
  let t: TestApp;
  let clock = FIXED_NOW;
  let meetingId: number;
  let lunchId: number;
  let orgSlug: string;
  let coordinator: Client;
  let editor: Client;
  let otherEditor: Client;

  const db = () => t.database.db;
  const signups = (date = NEXT) => db().selectFrom('eventSignups').selectAll().where('activityId', '=', meetingId).where('localDate', '=', date).orderBy('id').execute();
  const mails = async () => listOutbox(db(), { limit: 1000, offset: 0 });
  const mailsTo = async (to: string) => (await mails()).filter((m) => m.to === to);
  const cancelLink = (text: string) => /\/anmalan\/avboka\/([A-Za-z0-9_-]{20,})/.exec(text)?.[1];
  const form = (over: Record<string, string> = {}) => ({ name: 'Fatima Noor', email: 'fatima.noor@exempel.se', phone: '', organisation: 'Somaliska kvinnoföreningen', diet: '', consent: 'true', hemsida: '', ...over });

  /** Opens the form of a date and sends it, as a person does. */
  async function signUp(client: Client, over: Record<string, string> = {}, options: { prefix?: string; date?: string; activityId?: number } = {}) {
    const path = `${options.prefix ?? ''}/anmalan/${options.activityId ?? meetingId}/${options.date ?? NEXT}`;
    const page = await client.request('GET', path);
    return client.request('POST', path, { ...form(over), _csrf: csrfOf(page.body) });
  }

  /** The coordinator saves a date's settings. */
  async function settle(body: Record<string, string>, date = NEXT) {
    const base = `/hantera/${orgSlug}/aktivitet/${meetingId}/anmalan/${date}/installningar`;
    return coordinator.submit(base, base, { enabled: 'true', capacity: '40', deadlineDate: '2026-12-06', deadlineTime: '23:59', organisation: 'required', diet: 'optional', accessibility: 'off', note: '', ...body });
  }

  beforeAll(async () => {
    t = await createTestApp({ clock: () => clock });
    const meeting = await db().selectFrom('activities').select('id').where('title', '=', NETWORK_MEETING_TITLE).executeTakeFirstOrThrow();
    const lunch = await db().selectFrom('activities').select('id').where('title', '=', THEME_LUNCH_TITLE).executeTakeFirstOrThrow();
    meetingId = meeting.id;
    lunchId = lunch.id;
    const org = await db().selectFrom('organisations').select(['id', 'slug']).where('slug', '=', 'orebro-foreningsrad').executeTakeFirstOrThrow();
    const other = await db().selectFrom('organisations').select('id').where('slug', '=', 'ukrainska-foreningen').executeTakeFirstOrThrow();
    orgSlug = org.slug;
    coordinator = await signedInClient(t, { isAdmin: true, name: 'Anette' });
    editor = await signedInClient(t, { organisationIds: [org.id] });
    otherEditor = await signedInClient(t, { organisationIds: [other.id] });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('describes the quarterly schedule and shows each date’s places on the activity page, in Swedish and Arabic', async () => {
    const page = await new Client(t).request('GET', `/aktivitet/${meetingId}`);
    const html = (await new Client(t).request('GET', page.headers.location as string)).body;
    expect(html).toContain('Andra tisdag var 3:e månad');
    expect(html).toContain('id="signup-heading"');
    expect(html).toContain('35 platser kvar');
    expect(html).toContain(`href="/anmalan/${meetingId}/${NEXT}"`);
    const ar = (await new Client(t).request('GET', `/ar${page.headers.location as string}`)).body;
    expect(ar).toContain('كل 3 أشهر');
    expect(ar).toContain(`href="/ar/anmalan/${meetingId}/${NEXT}"`);
    const lunch = await new Client(t).request('GET', `/aktivitet/${lunchId}`);
    expect((await new Client(t).request('GET', lunch.headers.location as string)).body).toContain('Fullt – du kan stå på väntelistan');
  });

  it('the calendar file says INTERVAL=3', async () => {
    const ics = await new Client(t).request('GET', `/aktivitet/${meetingId}/kalender.ics`);
    expect(ics.body).toContain('RRULE:FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU');
  });

  it('the activity form offers every N months for a monthly activity, and keeps it', async () => {
    const base = `/hantera/${orgSlug}/ny`;
    const form = await coordinator.request('GET', base);
    expect(form.body).toContain('name="monthlyInterval"');
    const res = await coordinator.submit(base, base, {
      title: 'Temakväll för styrelser',
      category: 'volontar',
      description: 'Vi pratar om hur en styrelse fungerar.',
      audience: 'volunteers',
      gender: 'all',
      isFree: 'true',
      registration: 'signup',
      repeat: 'monthly',
      monthlyNth: '2',
      monthlyInterval: '3',
      startDate: '2027-01-12',
      startTime: '18:00',
      endTime: '20:00',
      placeId: '',
    });
    expect(res.statusCode).toBe(303);
    const row = await db()
      .selectFrom('activities as a')
      .innerJoin('schedules as s', 's.activityId', 'a.id')
      .select(['a.id', 's.rrule'])
      .where('a.title', '=', 'Temakväll för styrelser')
      .executeTakeFirstOrThrow();
    expect(row.rrule).toBe('FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU');
    const edit = await coordinator.request('GET', `/hantera/${orgSlug}/aktivitet/${row.id}`);
    expect(edit.body).toMatch(/<option value="3" selected>/);
    const bad = await coordinator.submit(base, base, { title: 'X', category: 'volontar', audience: 'everyone', repeat: 'monthly', monthlyInterval: '5', startDate: '2027-01-12', startTime: '18:00', endTime: '20:00' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('field-monthlyInterval-error');
    // The workspace offers the sign-up pages of an activity that takes sign-ups in Tillsammans.
    const workspace = await editor.request('GET', `/hantera/${orgSlug}`);
    expect(workspace.body).toContain(`href="/hantera/${orgSlug}/aktivitet/${meetingId}/anmalan"`);
  });

  it('shows the form with the chosen questions and what is stored, and explains errors in the reader’s language', async () => {
    const html = (await new Client(t).request('GET', `/anmalan/${meetingId}/${NEXT}`)).body;
    expect(html).toContain('name="organisation"');
    expect(html).toContain('name="diet"');
    expect(html).toContain('name="accessibility"');
    expect(html).toContain('raderas 30 dagar efter träffen');
    const bad = await signUp(new Client(t), { name: '', email: 'x', consent: '' }, { prefix: '/ar' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('dir="rtl"');
    expect(bad.body).toContain('اكتب اسمك.');
    expect(bad.body).toContain('field-consent-error');
    expect(await signups()).toHaveLength(5);
  });

  let fatimaId: number;

  it('signs someone up, confirms by mail in their language with a cancel link, and audits without personal data', async () => {
    const res = await signUp(new Client(t), {}, { prefix: '/ar' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/ar/anmalan/${meetingId}/${NEXT}/klart`);
    const rows = await signups();
    expect(rows).toHaveLength(6);
    const fatima = rows.at(-1)!;
    fatimaId = fatima.id;
    expect(fatima).toMatchObject({ status: 'confirmed', email: 'fatima.noor@exempel.se', language: 'ar', organisation: 'Somaliska kvinnoföreningen', diet: null });
    const [mail] = await mailsTo('fatima.noor@exempel.se');
    expect(mail!.subjectRef).toBe(`signup:${fatima.id}`);
    expect(mail!.subject).toContain('أنت مسجل');
    expect(mail!.text).toContain('Föreningarnas Hus');
    expect(mail!.text).toContain(`http://tillsammans.test/ar/anmalan/avboka/`);
    expect(cancelLink(mail!.text)).toBeTruthy();
    // Only the hash of the link is stored.
    const tokens = await db().selectFrom('eventCancelTokens').select('tokenHash').where('signupId', '=', fatima.id).execute();
    expect(tokens.map((x) => x.tokenHash)).not.toContain(cancelLink(mail!.text));
    const audit = await db().selectFrom('auditEntries').selectAll().where('entity', '=', 'signup').where('entityId', '=', fatima.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['signup.created']);
    expect(JSON.stringify(audit)).not.toMatch(/Fatima|fatima|Somaliska/);
    const done = await new Client(t).request('GET', res.headers.location as string);
    expect(done.body).toContain('انظر في بريدك الإلكتروني');
    expect(done.body).not.toContain('fatima');
  });

  it('the same address twice stores nothing new and mails the details there, with the same page as anyone gets', async () => {
    const before = (await mailsTo('fatima.noor@exempel.se')).length;
    const res = await signUp(new Client(t), { name: 'Someone Else', email: 'FATIMA.NOOR@exempel.se ' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/anmalan/${meetingId}/${NEXT}/klart`);
    expect(await signups()).toHaveLength(6);
    const sent = await mailsTo('fatima.noor@exempel.se');
    expect(sent).toHaveLength(before + 1);
    // In the language of the sign-up, not of the page the second form was sent from.
    expect(sent[0]!.subject).toContain('تسجيلك');
    expect(sent[0]!.text).toContain('أنت مسجل بالفعل');
  });

  it('a robot that fills the hidden field gets the same answer, and nothing is stored', async () => {
    const res = await signUp(new Client(t), { email: 'bot@exempel.se', hemsida: 'http://spam.example' });
    expect(res.statusCode).toBe(303);
    expect(await signups()).toHaveLength(6);
    expect(await mailsTo('bot@exempel.se')).toHaveLength(0);
  });

  it('when full, puts the next person on the waiting list and says so', async () => {
    expect((await settle({ capacity: '6' })).statusCode).toBe(303);
    const res = await signUp(new Client(t), { name: 'Oskar Lind', email: 'oskar.lind@exempel.se' });
    expect(res.headers.location).toBe(`/anmalan/${meetingId}/${NEXT}/klart?fullt=1`);
    expect((await signups()).at(-1)).toMatchObject({ email: 'oskar.lind@exempel.se', status: 'waiting' });
    const [mail] = await mailsTo('oskar.lind@exempel.se');
    expect(mail!.subject).toContain('Du står på väntelistan');
    expect(mail!.text).toContain('nummer 1');
    const done = await new Client(t).request('GET', res.headers.location as string);
    expect(done.body).toContain('nya anmälningar hamnar på väntelistan');
    const formPage = await new Client(t).request('GET', `/anmalan/${meetingId}/${NEXT}`);
    expect(formPage.body).toContain('Ställ mig på väntelistan');
  });

  it('cancels by link only with the button, moves the first waiting up in the same step and tells them; the link works once', async () => {
    const [confirmation] = (await mailsTo('fatima.noor@exempel.se')).slice(-1);
    const token = cancelLink(confirmation!.text)!;
    const client = new Client(t);
    const page = await client.request('GET', `/ar/anmalan/avboka/${token}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('نعم، ألغِ مكاني');
    // Opening the link (as a mail scanner does) cancels nothing.
    expect((await signups()).find((s) => s.id === fatimaId)!.status).toBe('confirmed');
    const res = await client.request('POST', `/ar/anmalan/avboka/${token}`, { _csrf: csrfOf(page.body) });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('أُلغي مكانك');
    const rows = await signups();
    expect(rows.find((s) => s.id === fatimaId)!.status).toBe('cancelled');
    expect(rows.find((s) => s.email === 'oskar.lind@exempel.se')!.status).toBe('confirmed');
    const [promoted] = (await mailsTo('oskar.lind@exempel.se')).filter((m) => m.purpose === 'event-promoted');
    expect(promoted!.subject).toContain('Du har fått en plats');
    expect(cancelLink(promoted!.text)).toBeTruthy();
    const again = await client.request('GET', `/anmalan/avboka/${token}`);
    expect(again.statusCode).toBe(404);
    expect(again.body).toContain('Länken fungerar inte längre');
    expect((await client.request('POST', `/anmalan/avboka/${token}`, { _csrf: csrfOf(page.body) })).statusCode).toBe(404);
    const other = await new Client(t).request('GET', `/anmalan/avboka/${'A'.repeat(43)}`);
    expect(other.statusCode).toBe(404);
  });

  it('after the deadline, and for a past date, says so in the reader’s language and stores nothing', async () => {
    expect((await settle({ capacity: '40', deadlineDate: '2026-11-25', deadlineTime: '12:00' })).statusCode).toBe(303);
    const before = (await signups()).length;
    const visitor = new Client(t);
    const token = csrfOf((await visitor.request('GET', '/logga-in')).body);
    const late = await visitor.request('POST', `/anmalan/${meetingId}/${NEXT}`, { ...form({ email: 'late@exempel.se' }), _csrf: token });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('Sista dagen för anmälan har passerat.');
    const lateAr = await new Client(t).request('GET', `/ar/anmalan/${meetingId}/${NEXT}`);
    expect(lateAr.body).toContain('انتهى آخر موعد للتسجيل.');
    expect(lateAr.body).not.toContain('name="email"');
    const past = await visitor.request('POST', `/anmalan/${meetingId}/${EARLIER}`, { ...form({ email: 'past@exempel.se' }), _csrf: token });
    expect(past.statusCode).toBe(409);
    expect(past.body).toContain('Den här träffen har redan varit.');
    const pastPage = await new Client(t).request('GET', `/anmalan/${meetingId}/${EARLIER}`);
    expect(pastPage.body).toContain('Den här träffen har redan varit.');
    expect((await signups()).length).toBe(before);
    expect(await mailsTo('late@exempel.se')).toHaveLength(0);
    // A date the schedule does not give is no page at all.
    expect((await new Client(t).request('GET', `/anmalan/${meetingId}/2026-12-09`)).statusCode).toBe(404);
    expect((await settle({ capacity: '40', deadlineDate: '', deadlineTime: '' })).statusCode).toBe(303);
  });

  it('refuses a deadline after the start and half a deadline, keeping what was typed', async () => {
    const res = await settle({ deadlineDate: '2026-12-09', deadlineTime: '10:00' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Sista dag för anmälan kan inte vara efter att träffen börjar.');
    expect(res.body).toContain('value="2026-12-09"');
  });

  it('shows the organiser the list with answers, counts and the waiting list, and a print page', async () => {
    const list = await editor.request('GET', `/hantera/${orgSlug}/aktivitet/${meetingId}/anmalan/${NEXT}`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Leila Haddad');
    expect(list.body).toContain('Kvinnor i Vivalla');
    expect(list.body).toContain('Oskar Lind');
    expect(list.body).not.toContain('Fatima Noor');
    const print = await editor.request('GET', `/hantera/${orgSlug}/aktivitet/${meetingId}/anmalan/${NEXT}/utskrift`);
    expect(print.statusCode).toBe(200);
    expect(print.body).toContain('class="print-sheet"');
    expect(print.body).toContain('Leila Haddad');
    const lunch = await editor.request('GET', `/hantera/${orgSlug}/aktivitet/${lunchId}/anmalan/2026-12-10`);
    expect(lunch.body).toContain('id="waiting-heading"');
    expect(lunch.body).toContain('Hodan Ali');
  });

  it('exports CSV in which no cell runs as a formula', async () => {
    await signUp(new Client(t), { name: '=HYPERLINK("http://evil.example","Klicka")', email: 'formula@exempel.se', organisation: '+46 700 00 00', diet: '@SUM(1)' });
    const csv = await editor.request('GET', `/hantera/${orgSlug}/aktivitet/${meetingId}/anmalan/${NEXT}/deltagare.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Status;Namn;E-post;Telefon;Förening eller organisation;Specialkost eller allergier;Behöver du något för att kunna vara med?;Anmäld;Kom');
    const evil = lines.find((l) => l.includes('formula@exempel.se'))!;
    for (const cell of ['"\'=HYPERLINK(""http://evil.example"",""Klicka"")"', "'+46 700 00 00", "'@SUM(1)"]) expect(evil).toContain(cell);
    expect(csv.body).not.toContain('Fatima Noor');
    const audit = await db().selectFrom('auditEntries').selectAll().where('action', '=', 'signup.listExported').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).not.toContain('@');
  });

  it('checks people in on a phone, one POST per tap, and counts who arrived', async () => {
    const base = `/hantera/${orgSlug}/aktivitet/${meetingId}/anmalan/${NEXT}/incheckning`;
    const page = await editor.request('GET', base);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('0 av 7 har kommit');
    const leila = (await signups()).find((s) => s.name === 'Leila Haddad')!;
    const res = await editor.request('POST', base, { signupId: String(leila.id), arrived: 'true', _csrf: csrfOf(page.body) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${base}#s-${leila.id}`);
    expect((await signups()).find((s) => s.id === leila.id)!.checkedInAt).not.toBeNull();
    expect((await editor.request('GET', base)).body).toContain('1 av 7 har kommit');
    // Someone on another date (or waiting, or cancelled) cannot be checked in here.
    const cancelled = (await signups()).find((s) => s.status === 'cancelled')!;
    expect((await editor.request('POST', base, { signupId: String(cancelled.id), arrived: 'true', _csrf: csrfOf(page.body) })).statusCode).toBe(404);
  });

  it('lets only editors of the hosting organisation and the coordinator in', async () => {
    const base = `/hantera/${orgSlug}/aktivitet/${meetingId}/anmalan`;
    for (const path of [base, `${base}/${NEXT}`, `${base}/${NEXT}/deltagare.csv`, `${base}/${NEXT}/utskrift`, `${base}/${NEXT}/incheckning`, `${base}/${NEXT}/installningar`]) {
      expect((await otherEditor.request('GET', path)).statusCode, path).toBe(403);
      expect((await coordinator.request('GET', path)).statusCode, path).toBe(200);
      const anonymous = await new Client(t).request('GET', path);
      expect(anonymous.statusCode, path).toBe(303);
    }
    const token = csrfOf((await otherEditor.request('GET', '/konto')).body);
    const leila = (await signups()).find((s) => s.name === 'Leila Haddad')!;
    expect((await otherEditor.request('POST', `${base}/${NEXT}/incheckning`, { signupId: String(leila.id), arrived: 'false', _csrf: token })).statusCode).toBe(403);
    expect((await otherEditor.request('POST', `${base}/${NEXT}/installningar`, { enabled: '', _csrf: token })).statusCode).toBe(403);
    // The activity under an organisation that does not host it: not found.
    const ukr = (await db().selectFrom('organisations').select('slug').where('slug', '=', 'ukrainska-foreningen').executeTakeFirstOrThrow()).slug;
    expect((await coordinator.request('GET', `/hantera/${ukr}/aktivitet/${meetingId}/anmalan`)).statusCode).toBe(404);
    expect((await db().selectFrom('eventSignups').select('checkedInAt').where('id', '=', leila.id).executeTakeFirstOrThrow()).checkedInAt).not.toBeNull();
  });

  it('shows attendance over time without names: returning and new', async () => {
    const res = await editor.request('GET', `/hantera/${orgSlug}/aktivitet/${meetingId}/anmalan`);
    expect(res.statusCode).toBe(200);
    const table = res.body.slice(res.body.indexOf('id="stats-heading"'));
    // 9 June: 6 signed up, 4 came, all new. 8 September: 6 signed up, 5 came, 2 had come before.
    expect(table).toMatch(/9 juni 2026<\/a><\/th><td>6<\/td><td>0<\/td><td>4<\/td><td>0<\/td><td>4<\/td>/);
    expect(table).toMatch(/8 september 2026<\/a><\/th><td>6<\/td><td>0<\/td><td>5<\/td><td>2<\/td><td>3<\/td>/);
    expect(table).not.toContain('Leila');
  });

  it('sends each reminder once, from 09:00 the day before', async () => {
    const deps = { db: db(), mailer: t.app.deps.mailer, publicUrl: 'http://tillsammans.test', retentionDays: 30 };
    expect(await sendEventReminders(deps, new Date('2026-12-07T07:30:00Z'))).toBe(0);
    const sent = await sendEventReminders(deps, new Date('2026-12-07T08:30:00Z'));
    const confirmed = (await signups()).filter((s) => s.status === 'confirmed').length;
    expect(sent).toBe(confirmed);
    expect(await sendEventReminders(deps, new Date('2026-12-07T09:30:00Z'))).toBe(0);
    const [reminder] = (await mailsTo('leila.haddad@exempel.se')).filter((m) => m.purpose === 'event-reminder');
    expect(reminder!.subject).toBe('I morgon: Nätverksträff för föreningar');
    expect(cancelLink(reminder!.text)).toBeTruthy();
  });

  it('erases names, addresses, answers and mail copies some days after the event, keeping the counts', async () => {
    const before = await signups();
    const ids = before.map((s) => s.id);
    expect(await eraseEventSignups({ db: db(), retentionDays: 30 }, new Date('2027-01-06T12:00:00Z'))).toBe(0);
    const erased = await eraseEventSignups({ db: db(), retentionDays: 30 }, new Date('2027-01-07T12:00:00Z'));
    expect(erased).toBeGreaterThanOrEqual(ids.length);
    const after = await signups();
    expect(after.map((s) => [s.status, s.checkedInAt !== null])).toEqual(before.map((s) => [s.status, s.checkedInAt !== null]));
    for (const s of after) expect([s.name, s.email, s.phone, s.organisation, s.diet, s.accessibility, s.erasedAt === null]).toEqual([null, null, null, null, null, null, false]);
    const left = (await mails()).filter((m) => ids.some((id) => m.subjectRef === `signup:${id}`));
    expect(left).toHaveLength(0);
    expect(await db().selectFrom('eventCancelTokens').selectAll().where('signupId', 'in', ids).execute()).toHaveLength(0);
    const audit = await db().selectFrom('auditEntries').selectAll().where('action', '=', 'signup.retentionErased').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorKind).toBe('job');
    // The lunch (10 December) is erased too; the statistics stay.
    clock = new Date('2027-01-07T12:00:00Z');
    const later = await signedInClient(t, { isAdmin: true });
    const stats = await later.request('GET', `/hantera/${orgSlug}/aktivitet/${meetingId}/anmalan`);
    expect(stats.body).toMatch(/8 december 2026<\/a><\/th><td>7<\/td>/);
    clock = FIXED_NOW;
  });

  it('never answers 500 to a generated form body, path date or cancel token', async () => {
    const visitor = new Client(t);
    const page = await visitor.request('GET', `/anmalan/${meetingId}/${NEXT}`);
    const token = csrfOf(page.body);
    const text = fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('', ' ', '=1+1', 'a@b.se', '070-174 06 05', 'x'.repeat(6000), '\u0000', 'true', '<script>'));
    const fields = fc.dictionary(fc.constantFrom('name', 'email', 'phone', 'organisation', 'diet', 'accessibility', 'consent', 'hemsida', '__proto__'), text, { maxKeys: 9 });
    await fc.assert(
      fc.asyncProperty(fields, async (body) => {
        await db().deleteFrom('rateLimits').execute();
        const res = await visitor.request('POST', `/anmalan/${meetingId}/${NEXT}`, { ...body, _csrf: token });
        expect([303, 400], JSON.stringify(body)).toContain(res.statusCode);
      }),
      { numRuns: testDialect === 'postgres' ? 40 : 120 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 30 }), async (segment) => {
        const clean = encodeURIComponent(segment);
        for (const url of [`/anmalan/${meetingId}/${clean}`, `/anmalan/avboka/${clean}`]) {
          const res = await visitor.request('GET', url);
          expect([200, 400, 404], url).toContain(res.statusCode);
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
