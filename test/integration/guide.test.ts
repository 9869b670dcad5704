/**
 * Föreningslots: the public request (validation, every request its own case, honeypot, time trap, a
 * rate limit a whole SFI class passes), the guide's cases (access, every page drawn logged without
 * personal data, status, notes, follow-up reminders, "maybe the same person" and merging), a
 * person's export and erasure (mail copies included), and erasure after the retention period, of
 * closed cases and of open ones nobody worked on, with a clock the test moves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseExpired, sendFollowUpReminders } from '../../src/features/guide/index.js';
import { REQUESTS_PER_HOUR } from '../../src/features/guide/guide.routes.js';
import { listCaseOutcomeRows } from '../../src/features/guide/outcomes.store.js';
import { listOutbox } from '../../src/features/mail/index.js';
import { createTestApp, FIXED_NOW, type TestApp } from '../support/app.js';
import { Client, csrfOf, signedInClient } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';

const request = (over: Record<string, string | string[]> = {}): Record<string, string | string[]> => ({
  firstName: 'Amal',
  phone: '070-174 06 05',
  email: '',
  contactLanguage: 'ar',
  ageGroup: 'adult',
  districtId: '',
  interests: ['idrott', 'sprakcafe'],
  interestText: 'Simning för kvinnor',
  freeDays: ['TU', 'TH'],
  freeTimes: ['evening'],
  consent: 'true',
  website: '',
  ...over,
});

const stampOf = (html: string) => /name="stamp" value="([^"]*)"/.exec(html)?.[1];

/** The message above the request form (not beside a field), as text. */
const formNotice = (html: string) => {
  const start = html.indexOf('class="request-form"');
  const form = html.slice(start, html.indexOf('</form>', start));
  // First inside the form, before the fields and their error summary.
  return /^[^>]*>(?:<input [^>]*>)*<p class="notice notice-cancelled" role="alert">([^<]*)<\/p>/.exec(form)?.[1];
};

describe.skipIf(skipDatabase())(`föreningslots cases on ${testDialect}`, () => {
  let t: TestApp;
  let guide: Client;
  let clock = FIXED_NOW;
  let amalId: number;
  let hassanId: number;

  /** Lets time pass, as it does between opening a form and sending it. */
  const wait = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };

  /** A person opens the form, takes `seconds` to fill it in and sends it. */
  async function send(client: Client, form: Record<string, string | string[]>, options: { seconds?: number; prefix?: string } = {}) {
    const page = await client.request('GET', `${options.prefix ?? ''}/hitta-forening`);
    wait(options.seconds ?? 20);
    return client.request('POST', `${options.prefix ?? ''}/hitta-forening`, { stamp: stampOf(page.body) ?? '', ...form, _csrf: csrfOf(page.body) });
  }

  beforeAll(async () => {
    t = await createTestApp({ clock: () => clock });
    // The demo's cases aside: these tests count from nothing.
    await t.database.db.deleteFrom('guideCases').execute();
    guide = await signedInClient(t, { isGuide: true, name: 'Nadia', email: `nadia-${testDialect}@lots.test` });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const rows = () => t.database.db.selectFrom('guideCases').selectAll().orderBy('id').execute();
  const row = async (id: number) => (await rows()).find((r) => r.id === id)!;
  const audit = () => t.database.db.selectFrom('auditEntries').selectAll().where('entity', '=', 'case').orderBy('id').execute();
  const mailsAbout = async (id: number) => (await listOutbox(t.database.db, { limit: 500, offset: 0 })).filter((m) => m.subjectRef === `case:${id}`);

  it('explains every missing answer in the reader’s language and keeps what was typed', async () => {
    const anon = new Client(t);
    const res = await send(anon, request({ firstName: '', phone: '', consent: '', interests: [], interestText: '' }), { prefix: '/ar' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('dir="rtl"');
    expect(res.body).toContain('field-consent-error');
    expect(res.body).toContain('field-phone-error');
    expect(res.body).toMatch(/value="TU" checked/);
    const bad = await send(anon, request({ phone: '12', consent: 'true' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Skriv ett telefonnummer');
    expect(bad.body).toContain('value="12"');
    expect(await rows()).toHaveLength(0);
  });

  it('describes the request page to search engines and link previews', async () => {
    for (const [prefix, lead] of [
      ['', 'Vill du börja i en förening eller en aktivitet?'],
      ['/ar', 'هل تريد'],
    ] as const) {
      const html = (await new Client(t).request('GET', `${prefix}/hitta-forening`)).body;
      const description = /<meta name="description" content="([^"]+)"/.exec(html)?.[1];
      expect(description, prefix).toBeTruthy();
      expect(description!.startsWith(lead) || description!.includes(lead), prefix).toBe(true);
    }
  });

  it('takes a request in Arabic, stores the phone in E.164 and tells the coordinator only the reference', async () => {
    const anon = new Client(t);
    const res = await send(anon, request(), { prefix: '/ar' });
    expect(res.statusCode).toBe(200);
    const [first] = await rows();
    expect(first!.phone).toBe('+46701740605');
    expect(first!.contactLanguage).toBe('ar');
    expect(res.body).toContain(first!.reference);
    amalId = first!.id;
    const [mail] = await listOutbox(t.database.db, { limit: 1, offset: 0 });
    expect(mail!.text).toContain(first!.reference);
    expect(mail!.subjectRef).toBe(`case:${amalId}`);
    for (const secret of ['Amal', '0701740605', 'Simning']) expect(mail!.text).not.toContain(secret);
  });

  it('stores a request with the same phone as a case of its own: it never joins, changes or shows another case', async () => {
    const before = await row(amalId);
    // Her son, on the family's phone, written another way.
    const res = await send(new Client(t), request({ firstName: 'Hassan', phone: '+46 70 174 06 05', ageGroup: 'youth', interests: ['kultur'], interestText: 'Gitarr' }));
    expect(res.statusCode).toBe(200);
    const all = await rows();
    expect(all).toHaveLength(2);
    const hassan = all.find((r) => r.id !== amalId)!;
    hassanId = hassan.id;
    expect(hassan.firstName).toBe('Hassan');
    expect(hassan.phone).toBe('+46701740605');
    // The first case is as it was: nobody who knows a number can reach or rewrite someone's case.
    expect(await row(amalId)).toEqual(before);
    expect(res.body).toContain(hassan.reference);
    expect(res.body).not.toContain(before.reference);
    expect(res.body).not.toContain('Amal');
    const created = (await audit()).filter((a) => a.action === 'case.created').map((a) => a.entityId);
    expect(created).toEqual([amalId, hassanId]);
  });

  it('refuses a form sent faster than a person fills it in, or with a missing, forged or stale stamp, asking again and keeping what was typed', async () => {
    const anon = new Client(t);
    const count = (await rows()).length;
    expect(stampOf((await anon.request('GET', '/hitta-forening')).body), 'the form’s time stamp').toMatch(/^\d+\.[A-Za-z0-9_-]{43}$/);
    const fast = await send(anon, request({ firstName: 'Bot', phone: '070-999 00 01' }), { seconds: 1 });
    expect(fast.statusCode).toBe(400);
    expect(formNotice(fast.body)).toBe('Vi kunde inte ta emot formuläret. Kontrollera uppgifterna och tryck på Skicka en gång till.');
    expect(fast.body).toContain('value="Bot"');
    expect(fast.body).toContain('value="070-999 00 01"');
    expect(fast.body).toMatch(/value="sprakcafe" checked/);
    expect(fast.body).not.toContain('field-consent-error');
    // A person who was too quick sends the form they got back a moment later, and it is taken.
    wait(5);
    const again = await anon.request('POST', '/hitta-forening', { ...request({ firstName: 'Sara', phone: '070-999 00 02' }), stamp: stampOf(fast.body)!, _csrf: csrfOf(fast.body) });
    expect(again.statusCode).toBe(200);
    expect(await rows()).toHaveLength(count + 1);
    await t.database.db.deleteFrom('guideCases').where('firstName', '=', 'Sara').execute();
    for (const stamp of ['', 'not-a-stamp', `${clock.getTime() - 60_000}.${'A'.repeat(43)}`]) {
      const forged = await send(anon, request({ firstName: 'Bot', stamp }));
      expect(forged.statusCode, stamp).toBe(400);
      expect(formNotice(forged.body), stamp).toBeTruthy();
    }
    const stale = await send(anon, request({ firstName: 'Bot' }), { seconds: 7 * 3600 });
    expect(stale.statusCode).toBe(400);
    const ar = await send(anon, request({ firstName: 'Bot' }), { seconds: 0, prefix: '/ar' });
    expect(ar.statusCode).toBe(400);
    expect(formNotice(ar.body)).toBe('لم نستطع استلام الاستمارة. تحقّق من المعلومات واضغط على إرسال مرة أخرى.');
    expect(await rows()).toHaveLength(count);
  });

  it('stores nothing from a robot that fills the hidden field', async () => {
    const count = (await rows()).length;
    const res = await send(new Client(t), request({ phone: '070-111 22 33', website: 'http://spam.example' }));
    expect(res.statusCode).toBe(200);
    expect(await rows()).toHaveLength(count);
  });

  it('lets an SFI teacher send a whole class from the school’s network, each pupil a case of their own, and says above the form when the hour is full', async () => {
    const count = (await rows()).length;
    const school = new Client(t, { remoteAddress: '192.0.2.30' });
    const pupil = (i: number) => request({ firstName: `Elev ${i}`, phone: '019-21 10 00', onBehalf: 'true', helperName: 'Sara, lärare på SFI Västhaga' });
    for (let i = 1; i <= 30; i++) expect((await send(school, pupil(i))).statusCode, `pupil ${i}`).toBe(200);
    const pupils = (await rows()).filter((r) => r.helperName === 'Sara, lärare på SFI Västhaga');
    expect(pupils).toHaveLength(30);
    expect(new Set(pupils.map((p) => p.reference)).size).toBe(30);
    expect(pupils.every((p) => p.requests === 1)).toBe(true);

    for (let i = 31; i <= REQUESTS_PER_HOUR; i++) expect((await send(school, pupil(i))).statusCode, `pupil ${i}`).toBe(200);
    const full = await send(school, pupil(REQUESTS_PER_HOUR + 1));
    expect(full.statusCode).toBe(429);
    expect(formNotice(full.body)).toBe('Många frågor har skickats härifrån nyss. Vänta en timme och försök igen.');
    expect(full.body).not.toContain('field-consent-error');
    expect(full.body).toContain(`value="Elev ${REQUESTS_PER_HOUR + 1}"`);
    expect(full.body).toContain('value="Sara, lärare på SFI Västhaga"');
    expect(full.body).toMatch(/id="field-consent-box" type="checkbox" name="consent" value="true" checked/);
    // Another address is not held back.
    expect((await send(new Client(t, { remoteAddress: '192.0.2.31' }), pupil(99))).statusCode).toBe(200);
    expect(await rows()).toHaveLength(count + REQUESTS_PER_HOUR + 1);
    await t.database.db.deleteFrom('guideCases').where('helperName', '=', 'Sara, lärare på SFI Västhaga').execute();
  });

  it('shows cases to guides and the coordinator only', async () => {
    expect((await new Client(t).request('GET', '/lots')).statusCode).toBe(303);
    for (const roles of [{ organisationIds: [1] }, { isTranslator: true }]) {
      const other = await signedInClient(t, roles);
      expect((await other.request('GET', '/lots')).statusCode).toBe(403);
      expect((await other.request('GET', `/lots/arende/${amalId}`)).statusCode).toBe(403);
      expect((await other.request('GET', `/lots/arende/${amalId}/export.json`)).statusCode).toBe(403);
      const token = csrfOf((await other.request('GET', '/konto')).body);
      expect((await other.request('POST', `/lots/arende/${amalId}/sla-ihop`, { other: String(hassanId), keep: 'this', _csrf: token })).statusCode).toBe(403);
    }
    const admin = await signedInClient(t, { isAdmin: true });
    expect((await admin.request('GET', `/lots/arende/${amalId}`)).statusCode).toBe(200);
    const list = await guide.request('GET', '/lots');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`/lots/arende/${amalId}`);
  });

  it('logs every page that shows a case, errors included, and every change, never with the personal data', async () => {
    const reads = async () => (await audit()).filter((a) => a.action === 'case.read' && a.entityId === amalId).length;
    const before = await reads();
    const page = await guide.request('GET', `/lots/arende/${amalId}`);
    expect(page.body).toContain('Amal');
    expect(page.body).toContain('+46701740605');
    expect(await reads()).toBe(before + 1);
    const csrf = csrfOf(page.body);
    expect((await guide.request('POST', `/lots/arende/${amalId}`, { action: 'status', status: 'contacted', _csrf: csrf })).statusCode).toBe(303);
    expect((await guide.request('POST', `/lots/arende/${amalId}`, { action: 'note', note: 'Ringde, hon vill simma på tisdagar.', _csrf: csrf })).statusCode).toBe(303);
    // A form sent back with an error shows the person too: that drawing is logged like any other.
    const empty = await guide.request('POST', `/lots/arende/${amalId}`, { action: 'note', note: '', _csrf: csrf });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Amal');
    expect(await reads()).toBe(before + 2);
    const refused = await guide.request('POST', `/lots/arende/${amalId}/radera`, { _csrf: csrf });
    expect(refused.statusCode).toBe(400);
    expect(await reads()).toBe(before + 3);
    expect((await guide.request('POST', `/lots/arende/${amalId}`, { action: 'followUp', followUpOn: '2026-12-01', _csrf: csrf })).statusCode).toBe(303);
    const amal = await row(amalId);
    expect(amal.status).toBe('contacted');
    expect(amal.firstContactAt).not.toBeNull();
    expect(amal.assignedTo).not.toBeNull();
    const entries = await audit();
    expect(entries.map((a) => a.action)).toEqual(expect.arrayContaining(['case.created', 'case.read', 'case.statusChanged', 'case.noteAdded', 'case.followUpSet']));
    const logged = JSON.stringify(entries);
    for (const secret of ['Amal', 'Hassan', '0701740605', '070-174', 'Simning', 'simma', 'Gitarr']) expect(logged).not.toContain(secret);
  });

  it('shows the guide other open cases with the same phone as maybe the same person, to merge with one click or leave', async () => {
    const [amal, hassan] = [await row(amalId), await row(hassanId)];
    const page = await guide.request('GET', `/lots/arende/${amalId}`);
    const section = page.body.slice(page.body.indexOf('id="same-person-heading"'), page.body.indexOf('</section>', page.body.indexOf('id="same-person-heading"')));
    expect(section).toContain('Kanske samma person');
    expect(section).toContain(`href="/lots/arende/${hassanId}"`);
    expect(section).toContain('Samma telefon');
    expect(section).toContain('Hassan');
    expect(section).toContain(`Slå ihop och behåll ${amal.reference}`);
    expect(section).toContain(`Slå ihop och behåll ${hassan.reference}`);
    expect(section).toContain(`action="/lots/arende/${amalId}/sla-ihop"`);
    expect(section).toContain(`name="other" value="${hassanId}"`);
    // Both ways round.
    expect((await guide.request('GET', `/en/lots/arende/${hassanId}`)).body).toContain(`href="/en/lots/arende/${amalId}"`);
    // A case with other contact details is not offered, and cannot be merged by a crafted form.
    const other = await send(new Client(t), request({ firstName: 'Yonas', phone: '', email: 'yonas@example.se', interests: ['natur'] }));
    expect(other.statusCode).toBe(200);
    const yonas = (await rows()).find((r) => r.firstName === 'Yonas')!;
    expect(section).not.toContain(`/lots/arende/${yonas.id}"`);
    const crafted = await guide.request('POST', `/lots/arende/${amalId}/sla-ihop`, { other: String(yonas.id), keep: 'this', _csrf: csrfOf(page.body) });
    expect(crafted.statusCode).toBe(400);
    expect(crafted.body).toContain('Ärendena går inte att slå ihop.');
    expect((await row(yonas.id)).mergedInto).toBeNull();
    // Without the form's token nothing happens.
    expect((await guide.request('POST', `/lots/arende/${amalId}/sla-ihop`, { other: String(hassanId), keep: 'this' })).statusCode).toBe(403);
    expect((await row(hassanId)).erasedAt).toBeNull();
  });

  it('merges the case the guide picks into the one that stays: interests, notes and history move, the other is closed and erased', async () => {
    const page = await guide.request('GET', `/lots/arende/${hassanId}`);
    const csrf = csrfOf(page.body);
    expect((await guide.request('POST', `/lots/arende/${hassanId}`, { action: 'note', note: 'Hassan vill spela gitarr.', _csrf: csrf })).statusCode).toBe(303);
    const hassanMails = (await mailsAbout(hassanId)).length;
    expect(hassanMails).toBeGreaterThan(0);
    const amalMails = (await mailsAbout(amalId)).length;

    // From Hassan's page, the guide keeps Amal's case.
    const res = await guide.request('POST', `/lots/arende/${hassanId}/sla-ihop`, { other: String(amalId), keep: 'other', _csrf: csrf });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/lots/arende/${amalId}?sparad=merged`);

    const [amal, hassan] = [await row(amalId), await row(hassanId)];
    expect(amal.firstName).toBe('Amal');
    expect(amal.requests).toBe(2);
    expect(JSON.parse(amal.interests)).toEqual(expect.arrayContaining(['idrott', 'sprakcafe', 'kultur']));
    expect(amal.interestText).toContain('Gitarr');
    expect(hassan.mergedInto).toBe(amalId);
    expect(hassan.status).toBe('closed');
    expect([hassan.firstName, hassan.phone, hassan.email, hassan.interestText]).toEqual([null, null, null, null]);
    expect(hassan.erasedAt).not.toBeNull();
    const notes = await t.database.db.selectFrom('guideNotes').select(['caseId', 'text']).orderBy('id').execute();
    expect(notes.filter((n) => n.caseId === amalId).map((n) => n.text)).toContain('Hassan vill spela gitarr.');
    expect(notes.some((n) => n.caseId === hassanId)).toBe(false);
    expect(await mailsAbout(hassanId)).toHaveLength(0);
    expect(await mailsAbout(amalId)).toHaveLength(amalMails + hassanMails);

    const after = await guide.request('GET', res.headers.location as string);
    expect(after.body).toContain('Ärendena är ihopslagna.');
    expect(after.body).not.toContain('id="same-person-heading"');
    // Hassan's history (his request, the note) is in the kept case's history now.
    const history = after.body.slice(after.body.indexOf('id="history-heading"'));
    expect(history.match(/Förfrågan kom in/g)).toHaveLength(2);
    expect(history).toContain('Ett annat ärende slogs ihop med det här');
    const merged = await guide.request('GET', `/lots/arende/${hassanId}`);
    expect(merged.body).toContain(`Det här ärendet är ihopslaget med ärende <a href="/lots/arende/${amalId}">`);
    expect(merged.body).not.toContain('Hassan');
    const refused = await guide.request('POST', `/lots/arende/${hassanId}`, { action: 'status', status: 'new', _csrf: csrfOf(merged.body) });
    expect(refused.statusCode).toBe(400);
    // Merging again changes nothing.
    const twice = await guide.request('POST', `/lots/arende/${amalId}/sla-ihop`, { other: String(hassanId), keep: 'this', _csrf: csrf });
    expect(twice.statusCode).toBe(400);

    const entries = (await audit()).filter((a) => a.action === 'case.mergedFrom' || a.action === 'case.mergedInto');
    expect(entries.map((a) => [a.action, a.entityId, JSON.parse(a.after!)])).toEqual([
      ['case.mergedFrom', amalId, { caseId: hassanId }],
      ['case.mergedInto', hassanId, { caseId: amalId }],
    ]);
    // Statistics count one person with two requests, as a second request from the same person did before.
    const stats = (await listCaseOutcomeRows(t.database.db, '2026-01-01T00:00:00.000Z')).filter((r) => r.id === amalId || r.id === hassanId);
    expect(stats.map((r) => [r.id, r.requests])).toEqual([[amalId, 2]]);
  });

  it('reminds the guide by e-mail on the follow-up date, once that day, filed under the case', async () => {
    const deps = { db: t.database.db, mailer: t.app.deps.mailer, publicUrl: 'http://test' };
    expect(await sendFollowUpReminders(deps, new Date('2026-11-30T08:00:00Z'))).toBe(0);
    expect(await sendFollowUpReminders(deps, new Date('2026-12-01T08:00:00Z'))).toBe(1);
    expect(await sendFollowUpReminders(deps, new Date('2026-12-01T15:00:00Z'))).toBe(0);
    const [mail] = await listOutbox(t.database.db, { limit: 1, offset: 0 });
    expect(mail!.to).toBe(`nadia-${testDialect}@lots.test`);
    expect(mail!.subjectRef).toBe(`case:${amalId}`);
    expect(mail!.text).not.toContain('Amal');
  });

  it('exports everything about the person, and erases it on request, mail copies included, keeping the statistics', async () => {
    const exported = await guide.request('GET', `/lots/arende/${amalId}/export.json`);
    expect(exported.headers['content-disposition']).toContain('attachment');
    const data = JSON.parse(exported.body);
    expect(data.case.firstName).toBe('Amal');
    expect(data.notes.map((n: { text: string }) => n.text).join()).toContain('simma');
    expect((await mailsAbout(amalId)).length).toBeGreaterThanOrEqual(3);
    const others = (await listOutbox(t.database.db, { limit: 500, offset: 0 })).filter((m) => m.subjectRef !== `case:${amalId}`).length;
    const page = await guide.request('GET', `/lots/arende/${amalId}`);
    const erased = await guide.request('POST', `/lots/arende/${amalId}/radera`, { confirm: 'true', _csrf: csrfOf(page.body) });
    expect(erased.statusCode).toBe(303);
    const amal = await row(amalId);
    expect([amal.firstName, amal.phone, amal.email, amal.interestText, amal.helperName]).toEqual([null, null, null, null, null]);
    expect(amal.erasedAt).not.toBeNull();
    expect(JSON.parse(amal.interests)).toContain('idrott');
    expect(await t.database.db.selectFrom('guideNotes').selectAll().where('caseId', '=', amalId).execute()).toHaveLength(0);
    expect(await mailsAbout(amalId)).toHaveLength(0);
    expect((await listOutbox(t.database.db, { limit: 500, offset: 0 })).length).toBe(others);
    expect((await guide.request('GET', `/lots/arende/${amalId}`)).body).not.toContain('Amal');
  });

  it('erases personal data automatically once the retention period after closing has passed', async () => {
    const yonas = (await rows()).find((r) => r.email === 'yonas@example.se')!;
    const page = await guide.request('GET', `/lots/arende/${yonas.id}`);
    await guide.request('POST', `/lots/arende/${yonas.id}`, { action: 'status', status: 'joined', _csrf: csrfOf(page.body) });
    const closedAt = new Date((await row(yonas.id)).closedAt!);
    const after = (months: number) => new Date(Date.UTC(closedAt.getUTCFullYear(), closedAt.getUTCMonth() + months, closedAt.getUTCDate(), 23));
    expect(await eraseExpired(t.database.db, after(11), 12)).toBe(0);
    expect((await row(yonas.id)).firstName).toBe('Yonas');
    expect((await mailsAbout(yonas.id)).length).toBeGreaterThan(0);
    expect(await eraseExpired(t.database.db, after(12), 12)).toBe(1);
    const erased = await row(yonas.id);
    expect(erased.firstName).toBeNull();
    expect(erased.email).toBeNull();
    expect(erased.outcome).toBe('joined');
    expect(await mailsAbout(yonas.id)).toHaveLength(0);
  });

  it('closes and erases an open case nobody has worked on for the retention period; one with recent work stays', async () => {
    const sleeping = await send(new Client(t), request({ firstName: 'Dawit', phone: '070-555 01 01', interests: ['skapande'] }));
    expect(sleeping.statusCode).toBe(200);
    const working = await send(new Client(t), request({ firstName: 'Leyla', phone: '070-555 02 02' }));
    expect(working.statusCode).toBe(200);
    const dawit = (await rows()).find((r) => r.firstName === 'Dawit');
    const leyla = (await rows()).find((r) => r.firstName === 'Leyla');
    const created = new Date(dawit!.createdAt);
    const monthsLater = (months: number) => new Date(Date.UTC(created.getUTCFullYear(), created.getUTCMonth() + months, created.getUTCDate(), created.getUTCHours() + 1));
    // Leyla's guide wrote a note after eleven months.
    wait((monthsLater(11).getTime() - clock.getTime()) / 1000);
    const colleague = await signedInClient(t, { isGuide: true });
    const page = await colleague.request('GET', `/lots/arende/${leyla!.id}`);
    expect((await colleague.request('POST', `/lots/arende/${leyla!.id}`, { action: 'note', note: 'Ringer igen i vår.', _csrf: csrfOf(page.body) })).statusCode).toBe(303);

    expect(await eraseExpired(t.database.db, monthsLater(11), 12)).toBe(0);
    expect(await eraseExpired(t.database.db, monthsLater(12), 12)).toBe(1);
    const [d, l] = [await row(dawit!.id), await row(leyla!.id)];
    expect(d.firstName).toBeNull();
    expect(d.phone).toBeNull();
    expect(d.erasedAt).not.toBeNull();
    expect(d.status).toBe('closed');
    expect(d.closedAt).not.toBeNull();
    expect(JSON.parse(d.interests)).toEqual(['skapande']);
    expect(await mailsAbout(d.id)).toHaveLength(0);
    expect(l.firstName).toBe('Leyla');
    expect(l.erasedAt).toBeNull();
    const history = (await audit()).filter((a) => a.entityId === d.id).map((a) => a.action);
    expect(history).toContain('case.idleErased');
    // Still counted: a case closed without joining.
    const stats = (await listCaseOutcomeRows(t.database.db, '2026-01-01T00:00:00.000Z')).find((r) => r.id === d.id)!;
    expect(stats.closedAt).not.toBeNull();
    expect(stats.outcome).toBe('closed');
  });
});
