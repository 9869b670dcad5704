/**
 * Föreningslots suggestions and referrals: a guide sees the activities that fit a case with the
 * reasons, refers the person (the organisation's mail holds only a link; behind it, what the person
 * agreed to share), the organisation answers once by link, and "nothing fits" records wishes. No
 * personal data in the audit log, nor in the application log without a mail server; every history
 * entry is named in every language; erasing the case ends the link and deletes the mail copies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../src/features/accounts/index.js';
import { eraseCase, submitCase, updateCase } from '../../src/features/guide/case.commands.js';
import { LANGUAGES, loadCatalogue } from '../../src/i18n/index.js';
import type { GuideCase } from '../../src/features/guide/case.js';
import { listOutbox } from '../../src/features/mail/index.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { Client, signedInClient } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';

const FIRST_NAME = 'Amina';
const PHONE = '+46701112233';
const EMAIL = 'amina.private@example.test';
const FREE_TEXT = 'Jag har ont i ryggen efter flykten';

describe.skipIf(skipDatabase())(`föreningslots suggestions and referrals on ${testDialect}`, () => {
  let t: TestApp;
  let guide: Client;
  let guideEmail: string;
  let c: GuideCase;
  let cafe: { id: number; title: string };
  let link = '';

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    guideEmail = `lots-${testDialect}@tillsammans.test`;
    guide = await signedInClient(t, { isGuide: true, name: 'Nadia', email: guideEmail });
    const guideId = (await db.selectFrom('users').select('id').where('email', '=', guideEmail).executeTakeFirstOrThrow()).id;
    const vivalla = await db.selectFrom('districts').select('id').where('slug', '=', 'vivalla').executeTakeFirstOrThrow();
    cafe = await db.selectFrom('activities').select(['id', 'title']).where('title', '=', 'Språkcafé i Vivalla').executeTakeFirstOrThrow();
    const now = t.app.deps.now();
    const submitted = await submitCase(
      db,
      {
        firstName: FIRST_NAME,
        phone: PHONE,
        email: EMAIL,
        contactLanguage: 'ar',
        ageGroup: 'adult',
        districtId: vivalla.id,
        interests: ['sprakcafe'],
        interestText: FREE_TEXT,
        freeDays: ['TU', 'WE'],
        freeTimes: ['evening'],
        onBehalf: false,
        helperName: null,
      },
      now,
    );
    await updateCase(db, submitted.case, { assignedTo: guideId }, now);
    c = submitted.case;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const suggestionsUrl = () => `/lots/arende/${c.id}/forslag`;
  const caseRow = () => t.database.db.selectFrom('guideCases').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
  const referrals = () => t.database.db.selectFrom('guideReferrals').selectAll().where('caseId', '=', c.id).orderBy('id').execute();
  const outbox = () => listOutbox(t.database.db, { limit: 100, offset: 0 });

  it('shows a guide the language café in the person’s district first, with the reasons in the reader’s language', async () => {
    const res = await guide.request('GET', suggestionsUrl());
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const first = /<ol class="card-list"><li class="card"><h3><a href="[^"]+"[^>]*>([^<]+)</.exec(res.body)?.[1];
    expect(first).toBe(cafe.title);
    expect(res.body).toContain(`Förslag för ärende ${c.reference}`);
    expect(res.body).toContain('Passar intresset: Språkcafé');
    expect(res.body).toContain('I samma område: Vivalla');
    expect(res.body).toContain('Någon pratar arabiska');
    expect(res.body).toContain('tisdag kl. 17:30. Personen är ledig då.');
    expect(res.body).toContain('Hänvisa');
    expect(res.body).toContain('Inget passar – spara som önskemål');
    expect(res.body).toContain('Röda Korset Örebro');
    // The page needs the case's needs, not who the person is.
    for (const secret of [FIRST_NAME, PHONE, EMAIL, FREE_TEXT]) expect(res.body).not.toContain(secret);
    const en = await guide.request('GET', `/en${suggestionsUrl()}`);
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('In the same area: Vivalla');
    expect(en.body).toContain('Someone speaks Arabic');
    expect(en.body).toContain('Tuesday at 17:30');
  });

  it('keeps editors, translators and anonymous visitors out', async () => {
    const org = await t.database.db.selectFrom('organisations').select('id').where('slug', '=', 'roda-korset-orebro').executeTakeFirstOrThrow();
    const editor = await signedInClient(t, { organisationIds: [org.id] });
    const translator = await signedInClient(t, { isTranslator: true });
    expect((await editor.request('GET', suggestionsUrl())).statusCode).toBe(403);
    expect((await translator.request('GET', suggestionsUrl())).statusCode).toBe(403);
    const anon = await new Client(t).request('GET', suggestionsUrl());
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toMatch(/\/logga-in\?next=/);
    expect((await editor.submit('/konto', `/lots/arende/${c.id}/hanvisa`, { activityId: String(cafe.id) })).statusCode).toBe(403);
    expect((await guide.request('GET', '/lots/arende/999999/forslag')).statusCode).toBe(404);
    expect(await referrals()).toHaveLength(0);
  });

  it('refers the person: the organisation’s mail holds only a link and the reference, never who the person is', async () => {
    const res = await guide.submit(suggestionsUrl(), `/lots/arende/${c.id}/hanvisa`, { activityId: String(cafe.id) });
    expect(res.statusCode).toBe(303);
    const [r] = await referrals();
    expect(res.headers.location).toBe(`${suggestionsUrl()}?skickad=${r!.id}`);
    expect(r!.status).toBe('sent');
    expect(r!.activityId).toBe(cafe.id);
    expect(r!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const days = (new Date(r!.tokenExpiresAt!).getTime() - t.app.deps.now().getTime()) / 864e5;
    expect(days).toBe(30);
    expect((await caseRow()).status).toBe('referred');

    const mail = (await outbox()).find((m) => m.to === 'orebro@redcross.se');
    expect(mail, 'mail to the host organisation').toBeTruthy();
    expect(mail!.subject).toContain(cafe.title);
    expect(mail!.subjectRef).toBe(`case:${c.id}`);
    for (const shared of [cafe.title, c.reference, '30 dagar']) expect(mail!.text).toContain(shared);
    // An inbox keeps what it gets for ever: the person's details stay behind the link, which expires.
    for (const secret of [FIRST_NAME, PHONE, '0701112233', '070-111', EMAIL, FREE_TEXT, 'ryggen']) expect(mail!.text).not.toContain(secret);
    link = /http:\/\/tillsammans\.test(\/svar\/[A-Za-z0-9_-]+)/.exec(mail!.text)?.[1] ?? '';
    expect(link).not.toBe('');
    expect(hashSecret(link.slice('/svar/'.length))).toBe(r!.tokenHash);

    const page = await guide.request('GET', res.headers.location as string);
    expect(page.body).toContain('Hänvisningen är skickad till orebro@redcross.se.');
    expect(page.body).toContain('Skickad. Inget svar än.');
  });

  it('does not send the same referral twice, and says so beside the button', async () => {
    const before = (await outbox()).length;
    const res = await guide.submit(suggestionsUrl(), `/lots/arende/${c.id}/hanvisa`, { activityId: String(cafe.id) });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain(`id="refer-${cafe.id}-error"`);
    expect(res.body).toContain('Du har redan hänvisat till den här aktiviteten.');
    expect((await outbox()).length).toBe(before);
    expect(await referrals()).toHaveLength(1);
  });

  it('sends nothing when the activity has no e-mail address anywhere', async () => {
    const db = t.database.db;
    const other = await db.selectFrom('activities').select('id').where('title', '=', 'Språkcafé på Stadsbiblioteket').executeTakeFirstOrThrow();
    const host = await db.selectFrom('activityHosts').select('organisationId').where('activityId', '=', other.id).orderBy('position').executeTakeFirstOrThrow();
    const saved = await db.selectFrom('organisations').select('email').where('id', '=', host.organisationId).executeTakeFirstOrThrow();
    await db.updateTable('organisations').set({ email: null }).where('id', '=', host.organisationId).execute();
    await db.updateTable('activities').set({ contactEmail: null }).where('id', '=', other.id).execute();
    try {
      const before = (await outbox()).length;
      const res = await guide.submit(suggestionsUrl(), `/lots/arende/${c.id}/hanvisa`, { activityId: String(other.id) });
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('Aktiviteten har ingen e-postadress.');
      expect((await outbox()).length).toBe(before);
      expect(await referrals()).toHaveLength(1);
    } finally {
      await db.updateTable('organisations').set({ email: saved.email }).where('id', '=', host.organisationId).execute();
    }
  });

  it('shows the organisation who is coming, privately, and takes its answer once', async () => {
    const anon = new Client(t);
    const open = await anon.request('GET', link);
    expect(open.statusCode).toBe(200);
    expect(open.headers['cache-control']).toBe('no-store');
    expect(open.headers['referrer-policy']).toBe('no-referrer');
    for (const shared of [FIRST_NAME, PHONE, EMAIL, 'arabiska', c.reference, cafe.title, 'Välkommen!', 'Vi har inte plats just nu']) expect(open.body).toContain(shared);
    expect(open.body).not.toContain(FREE_TEXT);

    const tooLong = await anon.submit(link, link, { answer: 'welcome', message: 'x'.repeat(501) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('Skriv högst 500 tecken.');
    const noAnswer = await anon.submit(link, link, { answer: 'maybe', message: '' });
    expect(noAnswer.statusCode).toBe(400);
    expect((await referrals())[0]!.status).toBe('sent');

    const mailsBefore = (await outbox()).length;
    const res = await anon.submit(link, link, { answer: 'welcome', message: 'Välkommen på tisdag kl 18' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Tack för ditt svar!');
    // The mail had no contact details: after a welcome the organisation sees them once more, to get in touch.
    expect(res.body).toContain('Så här når ni personen.');
    for (const shared of [FIRST_NAME, PHONE, EMAIL]) expect(res.body).toContain(shared);
    const [r] = await referrals();
    expect(r!.status).toBe('welcomed');
    expect(r!.answer).toBe('Välkommen på tisdag kl 18');
    expect(r!.answeredAt).toBe(t.app.deps.now().toISOString());

    const mails = await outbox();
    expect(mails.length).toBe(mailsBefore + 1);
    const toGuide = mails.find((m) => m.to === guideEmail);
    expect(toGuide, 'mail to the assigned guide').toBeTruthy();
    expect(toGuide!.text).toContain(c.reference);
    expect(toGuide!.text).toContain(cafe.title);
    expect(toGuide!.text).toContain('Välkommen');
    for (const secret of [FIRST_NAME, PHONE, EMAIL, FREE_TEXT]) expect(toGuide!.text).not.toContain(secret);

    const again = await anon.request('GET', link);
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('Hänvisningen är redan besvarad');
    expect(again.body).not.toContain(PHONE);
    const csrfPage = await anon.request('GET', '/logga-in');
    const token = /name="_csrf" value="([^"]+)"/.exec(csrfPage.body)![1]!;
    const second = await anon.request('POST', link, { answer: 'decline', message: '', _csrf: token });
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain('Hänvisningen är redan besvarad');
    expect((await referrals())[0]!.status).toBe('welcomed');
    expect((await outbox()).length).toBe(mailsBefore + 1);

    const guidePage = await guide.request('GET', suggestionsUrl());
    expect(guidePage.body).toContain('Välkommen på tisdag kl 18');
  });

  it('answers an unknown or expired link with a translated 404', async () => {
    const unknown = await new Client(t).request('GET', `/svar/${'A'.repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Länken fungerar inte längre.');
    const secret = 'B'.repeat(43);
    await t.database.db
      .insertInto('guideReferrals')
      .values({ caseId: c.id, activityId: cafe.id, organisationId: null, tokenHash: hashSecret(secret), tokenExpiresAt: '2026-11-01T00:00:00.000Z', status: 'sent', answer: null, answeredAt: null, createdBy: null, createdAt: '2026-10-01T00:00:00.000Z' })
      .execute();
    const expired = await new Client(t).request('GET', `/en/svar/${secret}`);
    expect(expired.statusCode).toBe(404);
    expect(expired.body).toContain('The link no longer works');
  });

  it('records one wish per interest when nothing fits, without the free text, once', async () => {
    const res = await guide.submit(suggestionsUrl(), `/lots/arende/${c.id}/onskemal`, {});
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/lots/arende/${c.id}`);
    const wishes = () => t.database.db.selectFrom('wishes').selectAll().where('caseId', '=', c.id).execute();
    const saved = await wishes();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ category: 'sprakcafe', text: null, ageGroup: 'adult', districtId: c.districtId, source: 'case' });
    await guide.submit(suggestionsUrl(), `/lots/arende/${c.id}/onskemal`, {});
    expect(await wishes()).toHaveLength(1);
  });

  it('logs every read and change of the case without personal data', async () => {
    const entries = await t.database.db.selectFrom('auditEntries').selectAll().where('entity', '=', 'case').where('entityId', '=', c.id).execute();
    const actions = entries.map((e) => e.action);
    for (const action of ['case.read', 'case.referred', 'case.referralAnswered', 'case.wishesSaved']) expect(actions).toContain(action);
    expect(entries.some((e) => e.action === 'case.read' && JSON.parse(e.after!).page === 'suggestions')).toBe(true);
    // The page sent back with an error (the referral sent twice) showed the case too.
    const suggestionReads = entries.filter((e) => e.action === 'case.read' && JSON.parse(e.after!).page === 'suggestions').length;
    expect(suggestionReads).toBeGreaterThanOrEqual(6);
    // The organisation's page and its thank-you with the contact details are reads as well.
    expect(entries.filter((e) => e.action === 'case.read' && JSON.parse(e.after!).page === 'answer').length).toBeGreaterThanOrEqual(3);
    for (const e of entries) {
      const json = JSON.stringify(e);
      for (const secret of [FIRST_NAME, PHONE, EMAIL, FREE_TEXT, '0701112233', 'Välkommen på tisdag']) expect(json, e.action).not.toContain(secret);
    }
  });

  it('names every entry of the case’s history in every language, never by its raw key', async () => {
    const entries = await t.database.db.selectFrom('auditEntries').select('action').where('entity', '=', 'case').where('entityId', '=', c.id).execute();
    const actions = [...new Set(entries.map((e) => e.action))];
    for (const action of ['case.referred', 'case.referralAnswered', 'case.wishesSaved']) expect(actions).toContain(action);
    for (const lang of LANGUAGES) {
      const names = (loadCatalogue(lang.code) as { audit: { actions: Record<string, string> } }).audit.actions;
      for (const action of actions) expect(names[action], `${lang.code} ${action}`).toBeTruthy();
      const page = await guide.request('GET', `${lang.code === 'sv' ? '' : `/${lang.code}`}/lots/arende/${c.id}`);
      expect(page.statusCode).toBe(200);
      const history = page.body.slice(page.body.indexOf('id="history-heading"'), page.body.indexOf('</ul>', page.body.indexOf('id="history-heading"')));
      const items = [...history.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
      expect(items.length, lang.code).toBeGreaterThanOrEqual(actions.length);
      for (const item of items) expect(item, `${lang.code}: ${item}`).not.toMatch(/\b(case|wish)\.[a-zA-Z]+/);
    }
  });

  it('writes no name, phone, e-mail or link of a referral to the application log when there is no mail server', async () => {
    const lines: string[] = [];
    const logged = await createTestApp({ env: { LOG_LEVEL: 'info' }, logStream: { write: (line) => lines.push(line) } });
    try {
      const db = logged.database.db;
      const cafeHere = await db.selectFrom('activities').select('id').where('title', '=', 'Språkcafé i Vivalla').executeTakeFirstOrThrow();
      const submitted = await submitCase(
        db,
        { firstName: 'Zeynab', phone: '+46705556677', email: 'zeynab.private@example.test', contactLanguage: 'fa', ageGroup: 'adult', districtId: null, interests: ['sprakcafe'], interestText: 'Hemligt', freeDays: [], freeTimes: [], onBehalf: false, helperName: null },
        logged.app.deps.now(),
      );
      const nadia = await signedInClient(logged, { isGuide: true });
      const res = await nadia.submit(`/lots/arende/${submitted.case.id}/forslag`, `/lots/arende/${submitted.case.id}/hanvisa`, { activityId: String(cafeHere.id) });
      expect(res.statusCode).toBe(303);
      const [mail] = await listOutbox(db, { limit: 1, offset: 0 });
      const token = /\/svar\/([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
      const org = new Client(logged);
      expect((await org.request('GET', `/svar/${token}`)).statusCode).toBe(200);
      expect((await org.submit(`/svar/${token}`, `/svar/${token}`, { answer: 'welcome', message: '' })).statusCode).toBe(200);
      const log = lines.join('');
      expect(log).toContain('referral');
      for (const secret of ['Zeynab', '+46705556677', '0705556677', 'zeynab.private@example.test', 'Hemligt', token, submitted.case.reference]) expect(log, secret).not.toContain(secret);
    } finally {
      await logged.close();
    }
  }, 60_000);

  it('ends the organisation’s link and deletes every mail about the case when the case is erased', async () => {
    const other = await submitCase(
      t.database.db,
      { firstName: 'Samir', phone: '+46709998877', email: null, contactLanguage: 'ar', ageGroup: 'adult', districtId: null, interests: ['sprakcafe'], interestText: null, freeDays: [], freeTimes: [], onBehalf: false, helperName: null },
      t.app.deps.now(),
    );
    const res = await guide.submit(`/lots/arende/${other.case.id}/forslag`, `/lots/arende/${other.case.id}/hanvisa`, { activityId: String(cafe.id) });
    expect(res.statusCode).toBe(303);
    const mails = (await outbox()).filter((m) => m.subjectRef === `case:${other.case.id}`);
    expect(mails).toHaveLength(1);
    const path = /http:\/\/tillsammans\.test(\/svar\/[A-Za-z0-9_-]+)/.exec(mails[0]!.text)![1]!;
    expect((await new Client(t).request('GET', path)).body).toContain('Samir');
    const untouched = (await outbox()).filter((m) => m.subjectRef !== `case:${other.case.id}`).length;

    await eraseCase(t.database.db, other.case.id, t.app.deps.now());
    const gone = await new Client(t).request('GET', path);
    expect(gone.statusCode).toBe(404);
    expect(gone.body).not.toContain('Samir');
    expect((await outbox()).filter((m) => m.subjectRef === `case:${other.case.id}`)).toHaveLength(0);
    expect((await outbox()).length).toBe(untouched);
    expect(JSON.stringify(await outbox())).not.toContain('Samir');
  });
});
