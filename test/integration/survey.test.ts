/**
 * The mapping survey on both databases: an editor saves a draft and submits (errors beside the
 * fields, nothing typed lost), another organisation's editor can neither read nor write it, the
 * coordinator fills in during a talk, an edit conflict keeps what was typed, reminders go to editors
 * through the outbox, the public report (page, print page, CSV) shows only consented answers in every
 * language, and the coordinator's CSV has every answer with formula cells defused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { Client, signedInClient } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';

const visible = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');

/** Answers the demo keeps for the coordinator only: none may reach a public report. */
const PRIVATE_TEXTS = ['Simskola för kvinnor', 'Rådgivning och ett dagcenter', 'Anna Berg', 'lars.ek@abf.example.org'];

describe.skipIf(skipDatabase())(`the mapping survey on ${testDialect}`, () => {
  let t: TestApp;
  let admin: Client;
  let editorA: Client;
  let editorB: Client;
  let orgA: { id: number; slug: string; name: string };
  let orgB: { id: number; slug: string };
  let round: { id: number };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    orgA = await db.selectFrom('organisations').select(['id', 'slug', 'name']).where('slug', '=', 'rfsl-orebro').executeTakeFirstOrThrow();
    orgB = await db.selectFrom('organisations').select(['id', 'slug']).where('slug', '=', 'radda-barnen-orebro').executeTakeFirstOrThrow();
    round = await db.selectFrom('surveyRounds').select('id').where('year', '=', 2026).executeTakeFirstOrThrow();
    admin = await signedInClient(t, { isAdmin: true, name: 'Maja Samordnare' });
    editorA = await signedInClient(t, { organisationIds: [orgA.id] });
    editorB = await signedInClient(t, { organisationIds: [orgB.id] });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const responseOf = (organisationId: number) => t.database.db.selectFrom('surveyResponses').selectAll().where('roundId', '=', round.id).where('organisationId', '=', organisationId).executeTakeFirst();
  const answersOf = (responseId: number) => t.database.db.selectFrom('surveyAnswers').selectAll().where('responseId', '=', responseId).orderBy('question').execute();
  const form = `/hantera/rfsl-orebro/kartlaggning`;

  it('shows the public report with counts and consented answers only, in Swedish and Arabic', async () => {
    const res = await new Client(t).request('GET', '/kartlaggning/2026');
    expect(res.statusCode).toBe(200);
    const text = visible(res.body);
    expect(text).toContain('Kartläggning 2026');
    expect(text).toContain('8 organisationer har skickat in svar.');
    // Support in public: Röda Korset, Träffpunkt, ABF, Ukrainska, Fritidsbanken; Kompisbyrån's, Somaliska's and Stadsmissionen's are not consented.
    expect(text).toContain('Lokaler 3 av 5');
    expect(res.body).toContain('Lördagsskola på ukrainska');
    expect(res.body).toContain('Ifyllt under ett samtal med Maria Lind');
    for (const secret of PRIVATE_TEXTS) expect(res.body, secret).not.toContain(secret);
    // The organisation that showed nothing is not listed; the draft neither.
    expect(res.body).not.toContain('Örebro Stadsmission');
    expect(res.body).not.toContain('Sagostunder på tigrinja');

    const ar = await new Client(t).request('GET', '/ar/kartlaggning/2026');
    expect(ar.statusCode).toBe(200);
    expect(ar.body).toMatch(/<html lang="ar" dir="rtl"/);
    expect(ar.body).toContain('هل تحتاجون دعمًا في عملكم في الاندماج؟ أي نوع؟');
    expect(ar.body).toContain('3 من 5');
    expect(ar.body).toContain('lang="sv" dir="auto" class="user-text">Språkcafé varje torsdag');
    for (const secret of PRIVATE_TEXTS) expect(ar.body, secret).not.toContain(secret);

    const print = await new Client(t).request('GET', '/en/kartlaggning/2026/skriv-ut');
    expect(print.statusCode).toBe(200);
    expect(print.body).toContain('class="print-sheet"');
    expect(print.body).toContain('Mapping 2026');
    for (const secret of PRIVATE_TEXTS) expect(print.body, secret).not.toContain(secret);

    const csv = await new Client(t).request('GET', '/kartlaggning/2026/svar.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFFOrganisation;')).toBe(true);
    expect(csv.body).toContain('Röda Korset');
    for (const secret of PRIVATE_TEXTS) expect(csv.body, secret).not.toContain(secret);
    expect(csv.body).not.toContain('Får visas');

    expect((await new Client(t).request('GET', '/kartlaggning/1999')).statusCode).toBe(400);
    expect((await new Client(t).request('GET', '/kartlaggning/2031')).statusCode).toBe(404);
    expect(visible((await new Client(t).request('GET', '/kartlaggning')).body)).toContain('Kartläggning 2026');
  });

  it('lets an editor save a draft and submit, with errors beside the fields and nothing typed lost', async () => {
    const workspace = await editorA.request('GET', '/hantera/rfsl-orebro');
    expect(workspace.body).toContain('href="/hantera/rfsl-orebro/kartlaggning"');
    expect((await editorA.request('GET', form)).statusCode).toBe(200);

    const bad = await editorA.submit(form, form, {
      revision: '0',
      intent: 'submit',
      q_activities: ['meeting_place', 'other'],
      p_activities: 'public',
      q_description: 'Regnbågsfika varannan söndag.',
      p_description: 'public',
      q_support: ['none', 'premises'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('class="error-summary"');
    expect(bad.body).toContain('id="field-q_activities_other-error"');
    expect(bad.body).toContain('Skriv vad du menar med ”Annat”.');
    expect(bad.body).toContain('id="field-q_plans-error"');
    expect(bad.body).toContain('Du kan inte välja ”inget” tillsammans med andra svar.');
    expect(bad.body).toContain('>Regnbågsfika varannan söndag.</textarea>');
    expect(bad.body).toMatch(/name="q_activities" value="meeting_place" checked/);
    expect(bad.body).toMatch(/name="p_description" value="public" checked/);
    expect(await responseOf(orgA.id)).toBeUndefined();

    const draft = await editorA.submit(form, form, { revision: '0', intent: 'draft', q_description: 'Regnbågsfika varannan söndag.', p_description: 'public' });
    expect(draft.statusCode).toBe(303);
    expect(draft.headers.location).toBe(`${form}?sparad=draft`);
    const saved = (await responseOf(orgA.id))!;
    expect(saved.status).toBe('draft');
    expect(visible((await editorA.request('GET', draft.headers.location!)).body)).toContain('Utkastet är sparat.');

    const submit = await editorA.submit(form, form, {
      revision: String(saved.revision),
      intent: 'submit',
      q_activities: ['meeting_place', 'other'],
      q_activities_other: 'Regnbågsfika',
      p_activities: 'public',
      q_description: 'Regnbågsfika varannan söndag.',
      p_description: 'public',
      q_plans: 'yes',
      q_support: 'premises',
      p_support: 'private',
      q_network: 'yes',
      p_network: 'public',
    });
    expect(submit.statusCode).toBe(303);
    const done = (await responseOf(orgA.id))!;
    expect(done.status).toBe('submitted');
    expect(done.submittedAt).not.toBeNull();
    const answers = await answersOf(done.id);
    expect(answers.map((a) => [a.question, a.public])).toEqual([
      ['activities', 1],
      ['description', 1],
      ['network', 1],
      ['plans', 0],
      ['support', 0],
    ]);
    const audit = await t.database.db.selectFrom('auditEntries').selectAll().where('action', '=', 'surveyResponse.submitted').where('entityId', '=', done.id).executeTakeFirstOrThrow();
    expect(audit.after).not.toContain('Regnbågsfika');

    // Now in the public report, with only what was consented.
    const report = await new Client(t).request('GET', '/kartlaggning/2026');
    expect(report.body).toContain('Regnbågsfika varannan söndag.');
    expect(visible(report.body)).toContain('9 organisationer har skickat in svar.');
  });

  it('keeps another organisation’s editor out of its answers', async () => {
    expect((await editorB.request('GET', form)).statusCode).toBe(403);
    const before = JSON.stringify(await responseOf(orgA.id));
    const token = /name="_csrf" value="([^"]+)"/.exec((await editorB.request('GET', '/hantera/radda-barnen-orebro/kartlaggning')).body)![1]!;
    const res = await editorB.request('POST', form, { _csrf: token, revision: '0', intent: 'submit', q_activities: 'sport', q_plans: 'no', q_network: 'no' });
    expect(res.statusCode).toBe(403);
    expect(JSON.stringify(await responseOf(orgA.id))).toBe(before);
    expect((await editorB.request('GET', `/admin/kartlaggning/${round.id}/organisation/${orgA.id}`)).statusCode).toBe(403);
    expect((await editorB.request('GET', `/admin/kartlaggning/${round.id}/svar.csv`)).statusCode).toBe(403);
  });

  it('never loses what was typed when someone else saved first', async () => {
    const current = (await responseOf(orgA.id))!;
    const stale = String(current.revision - 1);
    const res = await editorA.submit(form, form, { revision: stale, intent: 'submit', q_activities: 'sport', q_description: 'Min nya text som inte får försvinna.', q_plans: 'no', q_network: 'no' });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Någon annan sparade svaren medan du skrev.');
    expect(res.body).toContain('>Min nya text som inte får försvinna.</textarea>');
    // The form now carries the stored revision: saving again after a look goes through.
    expect(res.body).toContain(`name="revision" value="${current.revision}"`);
    expect((await responseOf(orgA.id))!.revision).toBe(current.revision);
  });

  it('lets the coordinator fill in during a mapping talk', async () => {
    const path = `/admin/kartlaggning/${round.id}/organisation/${orgB.id}`;
    const page = await admin.request('GET', path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/name="talk" value="true" checked/);
    const res = await admin.submit(path, path, { revision: '0', intent: 'submit', talk: 'true', q_activities: ['children_families', 'homework'], p_activities: 'public', q_plans: 'maybe', q_network: 'yes', q_networkContact: 'Sara, sara@example.org' });
    expect(res.statusCode).toBe(303);
    const saved = (await responseOf(orgB.id))!;
    expect(saved.talkWith).toBe('Maja Samordnare');
    expect(saved.status).toBe('submitted');
    const overview = visible((await admin.request('GET', `/admin/kartlaggning/${round.id}`)).body);
    expect(overview).toContain('Maja Samordnare');
    const internal = await admin.request('GET', `/admin/kartlaggning/${round.id}/rapport`);
    expect(internal.statusCode).toBe(200);
    expect(internal.body).toContain('Sara, sara@example.org');
    expect(internal.body).toContain('Simskola för kvinnor');
    expect(visible(internal.body)).toContain('Ifyllt under ett samtal med Maja Samordnare');
    // Its editor sees the talk and keeps it when saving again.
    const editorView = await editorB.request('GET', '/hantera/radda-barnen-orebro/kartlaggning');
    expect(visible(editorView.body)).toContain('Ifyllt under ett samtal med Maja Samordnare');
    expect(editorView.body).not.toContain('name="talk"');
  });

  it('exports every answer as CSV for the coordinator, with formula cells defused', async () => {
    const path = `/admin/kartlaggning/${round.id}/organisation/${orgB.id}`;
    const current = (await responseOf(orgB.id))!;
    await admin.submit(path, path, { revision: String(current.revision), intent: 'submit', talk: 'true', q_activities: 'other', q_activities_other: '=HYPERLINK("http://x")', q_plans: 'no', q_network: 'no' });
    const csv = await admin.request('GET', `/admin/kartlaggning/${round.id}/svar.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.startsWith('\uFEFFOrganisation;Status;Ifyllt vid samtal med;Inskickad;')).toBe(true);
    expect(csv.body).toContain(`"Annat: =HYPERLINK(""http://x"")"`);
    expect(csv.body).not.toMatch(/(^|;)=HYPERLINK/m);
    // Answers only for the coordinator are there, marked.
    expect(csv.body).toContain('Simskola för kvinnor');
    expect(csv.body).toContain('Örebro Stadsmission');
    expect(csv.body).toContain(';Utkast;');
    expect(await t.database.db.selectFrom('auditEntries').select('id').where('action', '=', 'surveyRound.exported').execute()).toHaveLength(1);
  });

  it('reminds the editors of organisations that have not submitted, through the outbox', async () => {
    const draftOrg = await t.database.db.selectFrom('organisations').select('id').where('slug', '=', 'eritreanska-foreningen').executeTakeFirstOrThrow();
    const waiting = await signedInClient(t, { organisationIds: [draftOrg.id], email: 'redaktor@eritrea.example.org' });
    void waiting;
    const res = await admin.submit(`/admin/kartlaggning/${round.id}`, `/admin/kartlaggning/${round.id}/paminnelse`, {});
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/klart=reminded&antal=1$/);
    expect(visible((await admin.request('GET', res.headers.location!)).body)).toContain('Påminnelsen är skickad till 1 person.');
    const [mail] = await t.database.db.selectFrom('outbox').selectAll().where('toAddress', '=', 'redaktor@eritrea.example.org').execute();
    expect(mail!.purpose).toBe('survey-reminder');
    expect(mail!.subject).toBe('Kartläggning 2026: berätta vad ni gör för nyanlända');
    expect(mail!.textBody).toContain('har börjat svara');
    expect(mail!.textBody).toContain('http://tillsammans.test/hantera/eritreanska-foreningen/kartlaggning');
    // Editors of organisations that submitted are not mailed.
    const editorOfSubmitted = await t.database.db.selectFrom('outbox').select('id').where('toAddress', 'like', 'user%').where('purpose', '=', 'survey-reminder').execute();
    expect(editorOfSubmitted).toHaveLength(0);
  });

  it('opens next year’s round with the questions chosen, closing this one', async () => {
    const taken = await admin.submit('/admin/kartlaggning', '/admin/kartlaggning', { year: '2026', title: 'Igen', questions: ['activities'] });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('Det finns redan en kartläggning för det året.');
    expect(taken.body).toContain('value="Igen"');
    const res = await admin.submit('/admin/kartlaggning', '/admin/kartlaggning', { year: '2027', title: 'Kartläggning 2027', questions: ['activities', 'support', 'network'] });
    expect(res.statusCode).toBe(303);
    const rounds = await t.database.db.selectFrom('surveyRounds').select(['year', 'status']).orderBy('year').execute();
    expect(rounds).toEqual([
      { year: 2026, status: 'closed' },
      { year: 2027, status: 'open' },
    ]);
    const next = await editorA.request('GET', form);
    expect(next.body).toContain('name="q_support"');
    expect(next.body).not.toContain('name="q_plans"');
    // The closed round's report stays.
    expect((await new Client(t).request('GET', '/kartlaggning/2026')).statusCode).toBe(200);
  });
});
