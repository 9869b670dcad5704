/**
 * Föreningslots: the public request (validation, duplicates, honeypot, rate limit), the guide's cases
 * (access, every read logged without personal data, status, notes, follow-up reminders), a person's
 * export and erasure, and erasure after the retention period with an injected clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseExpired, sendFollowUpReminders } from '../../src/features/guide/index.js';
import { listOutbox } from '../../src/features/mail/index.js';
import { createTestApp, type TestApp } from '../support/app.js';
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

describe.skipIf(skipDatabase())(`föreningslots cases on ${testDialect}`, () => {
  let t: TestApp;
  let guide: Client;
  let caseId: number;

  beforeAll(async () => {
    t = await createTestApp();
    // The demo's cases aside: these tests count from nothing.
    await t.database.db.deleteFrom('guideCases').execute();
    guide = await signedInClient(t, { isGuide: true, name: 'Nadia', email: `nadia-${testDialect}@lots.test` });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const rows = () => t.database.db.selectFrom('guideCases').selectAll().orderBy('id').execute();

  it('explains every missing answer in the reader’s language and keeps what was typed', async () => {
    const anon = new Client(t);
    const res = await anon.submit('/ar/hitta-forening', '/ar/hitta-forening', request({ firstName: '', phone: '', consent: '', interests: [], interestText: '' }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('dir="rtl"');
    expect(res.body).toContain('field-consent-error');
    expect(res.body).toContain('field-phone-error');
    expect(res.body).toMatch(/value="TU" checked/);
    const bad = await anon.submit('/hitta-forening', '/hitta-forening', request({ phone: '12', consent: 'true' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Skriv ett telefonnummer');
    expect(bad.body).toContain('value="12"');
    expect(await rows()).toHaveLength(0);
  });

  it('takes a request in Arabic, stores the phone in E.164 and tells the coordinator only the reference', async () => {
    const anon = new Client(t);
    const res = await anon.submit('/ar/hitta-forening', '/ar/hitta-forening', request());
    expect(res.statusCode).toBe(200);
    const [row] = await rows();
    expect(row!.phone).toBe('+46701740605');
    expect(row!.contactLanguage).toBe('ar');
    expect(res.body).toContain(row!.reference);
    caseId = row!.id;
    const [mail] = await listOutbox(t.database.db, { limit: 1, offset: 0 });
    expect(mail!.text).toContain(row!.reference);
    expect(mail!.text).not.toContain('Amal');
    expect(mail!.text).not.toContain('0701740605');
    expect(mail!.text).not.toContain('Simning');
  });

  it('joins a second request from the same person to the open case', async () => {
    const res = await new Client(t).submit('/hitta-forening', '/hitta-forening', request({ phone: '+46 70 174 06 05', interests: ['kultur'], interestText: '' }));
    expect(res.statusCode).toBe(200);
    const all = await rows();
    expect(all).toHaveLength(1);
    expect(all[0]!.requests).toBe(2);
    expect(JSON.parse(all[0]!.interests)).toEqual(expect.arrayContaining(['idrott', 'sprakcafe', 'kultur']));
    expect(res.body).toContain(all[0]!.reference);
  });

  it('stores nothing from a robot that fills the hidden field, and limits requests per address', async () => {
    const robot = new Client(t);
    const res = await robot.submit('/hitta-forening', '/hitta-forening', request({ phone: '070-111 22 33', website: 'http://spam.example' }));
    expect(res.statusCode).toBe(200);
    expect(await rows()).toHaveLength(1);
    let last = res;
    for (let i = 0; i < 6; i++) last = await robot.submit('/hitta-forening', '/hitta-forening', request({ phone: `070-111 22 ${40 + i}` }));
    expect(last.statusCode).toBe(429);
    expect(last.body).toContain('Vänta en timme');
  });

  it('shows cases to guides and the coordinator only', async () => {
    expect((await new Client(t).request('GET', '/lots')).statusCode).toBe(303);
    for (const roles of [{ organisationIds: [1] }, { isTranslator: true }]) {
      const other = await signedInClient(t, roles);
      expect((await other.request('GET', '/lots')).statusCode).toBe(403);
      expect((await other.request('GET', `/lots/arende/${caseId}`)).statusCode).toBe(403);
      expect((await other.request('GET', `/lots/arende/${caseId}/export.json`)).statusCode).toBe(403);
    }
    const admin = await signedInClient(t, { isAdmin: true });
    expect((await admin.request('GET', `/lots/arende/${caseId}`)).statusCode).toBe(200);
    const list = await guide.request('GET', '/lots');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`/lots/arende/${caseId}`);
  });

  it('logs every read and change of a case, never with the personal data', async () => {
    const page = await guide.request('GET', `/lots/arende/${caseId}`);
    expect(page.body).toContain('Amal');
    expect(page.body).toContain('+46701740605');
    const csrf = csrfOf(page.body);
    expect((await guide.request('POST', `/lots/arende/${caseId}`, { action: 'status', status: 'contacted', _csrf: csrf })).statusCode).toBe(303);
    expect((await guide.request('POST', `/lots/arende/${caseId}`, { action: 'note', note: 'Ringde, hon vill simma på tisdagar.', _csrf: csrf })).statusCode).toBe(303);
    const empty = await guide.request('POST', `/lots/arende/${caseId}`, { action: 'note', note: '', _csrf: csrf });
    expect(empty.statusCode).toBe(400);
    expect((await guide.request('POST', `/lots/arende/${caseId}`, { action: 'followUp', followUpOn: '2026-12-01', _csrf: csrf })).statusCode).toBe(303);
    const [row] = await rows();
    expect(row!.status).toBe('contacted');
    expect(row!.firstContactAt).not.toBeNull();
    expect(row!.assignedTo).not.toBeNull();
    const audit = await t.database.db.selectFrom('auditEntries').selectAll().where('entity', '=', 'case').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['case.created', 'case.merged', 'case.read', 'case.statusChanged', 'case.noteAdded', 'case.followUpSet']));
    const logged = JSON.stringify(audit);
    for (const secret of ['Amal', '0701740605', '070-174', 'Simning', 'simma']) expect(logged).not.toContain(secret);
  });

  it('reminds the guide by e-mail on the follow-up date, once that day', async () => {
    const deps = { db: t.database.db, mailer: t.app.deps.mailer, publicUrl: 'http://test' };
    expect(await sendFollowUpReminders(deps, new Date('2026-11-30T08:00:00Z'))).toBe(0);
    expect(await sendFollowUpReminders(deps, new Date('2026-12-01T08:00:00Z'))).toBe(1);
    expect(await sendFollowUpReminders(deps, new Date('2026-12-01T15:00:00Z'))).toBe(0);
    const [mail] = await listOutbox(t.database.db, { limit: 1, offset: 0 });
    expect(mail!.to).toBe(`nadia-${testDialect}@lots.test`);
    expect(mail!.text).not.toContain('Amal');
  });

  it('exports everything about the person, and erases it on request, keeping the statistics', async () => {
    const exported = await guide.request('GET', `/lots/arende/${caseId}/export.json`);
    expect(exported.headers['content-disposition']).toContain('attachment');
    const data = JSON.parse(exported.body);
    expect(data.case.firstName).toBe('Amal');
    expect(data.notes[0].text).toContain('simma');
    const page = await guide.request('GET', `/lots/arende/${caseId}`);
    const refused = await guide.request('POST', `/lots/arende/${caseId}/radera`, { _csrf: csrfOf(page.body) });
    expect(refused.statusCode).toBe(400);
    const erased = await guide.request('POST', `/lots/arende/${caseId}/radera`, { confirm: 'true', _csrf: csrfOf(page.body) });
    expect(erased.statusCode).toBe(303);
    const [row] = await rows();
    expect([row!.firstName, row!.phone, row!.email, row!.interestText, row!.helperName]).toEqual([null, null, null, null, null]);
    expect(row!.erasedAt).not.toBeNull();
    expect(JSON.parse(row!.interests)).toContain('idrott');
    expect(await t.database.db.selectFrom('guideNotes').selectAll().where('caseId', '=', caseId).execute()).toHaveLength(0);
    expect((await guide.request('GET', `/lots/arende/${caseId}`)).body).not.toContain('Amal');
  });

  it('erases personal data automatically once the retention period after closing has passed', async () => {
    await t.database.db.deleteFrom('rateLimits').execute();
    await new Client(t).submit('/hitta-forening', '/hitta-forening', request({ firstName: 'Yonas', phone: '', email: 'yonas@example.se', interests: ['natur'] }));
    const yonas = (await rows()).find((r) => r.email === 'yonas@example.se')!;
    const page = await guide.request('GET', `/lots/arende/${yonas.id}`);
    await guide.request('POST', `/lots/arende/${yonas.id}`, { action: 'status', status: 'joined', _csrf: csrfOf(page.body) });
    const closedAt = new Date((await rows()).find((r) => r.id === yonas.id)!.closedAt!);
    const after = (months: number) => new Date(Date.UTC(closedAt.getUTCFullYear(), closedAt.getUTCMonth() + months, closedAt.getUTCDate(), 23));
    expect(await eraseExpired(t.database.db, after(11), 12)).toBe(0);
    expect((await rows()).find((r) => r.id === yonas.id)!.firstName).toBe('Yonas');
    expect(await eraseExpired(t.database.db, after(12), 12)).toBe(1);
    const row = (await rows()).find((r) => r.id === yonas.id)!;
    expect(row.firstName).toBeNull();
    expect(row.email).toBeNull();
    expect(row.outcome).toBe('joined');
  });
});
