/**
 * Volunteer roles on both databases: the public "Jag vill hjälpa till" list by kind and district in
 * Swedish and Arabic, the sign-up form (errors beside the fields and at the top, nothing typed lost),
 * routing to the organisation by e-mail (Reply-To the volunteer) with a confirmation to the volunteer
 * in their language, campaign counts from a poster's ?kampanj= link, editors keeping their own roles
 * and never another organisation's, retrying a forward that failed, and erasure after 30 days.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseVolunteerSignups, forwardVolunteerSignups } from '../../src/features/network/index.js';
import { insertSignup } from '../../src/features/network/volunteers.store.js';
import { createTestApp, FIXED_NOW, type TestApp } from '../support/app.js';
import { Client, signedInClient } from '../support/client.js';
import { startTestSmtpServer } from '../support/smtp.js';
import { skipDatabase, testDialect } from '../support/db.js';

const visible = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');

const SIGNUP = { name: 'Lina Volontär', email: 'lina@example.org', phone: '070-111 22 33', message: 'Jag talar arabiska och har tid på tisdagar.', consent: 'true' };

describe.skipIf(skipDatabase())(`volunteer roles on ${testDialect}`, () => {
  let t: TestApp;
  let clock = FIXED_NOW;
  let admin: Client;
  let editorA: Client;
  let editorB: Client;
  let orgA: { id: number; slug: string; name: string };
  let orgB: { id: number; slug: string };
  let homework: { id: number; title: string; contactEmail: string };

  beforeAll(async () => {
    t = await createTestApp({ clock: () => clock });
    const db = t.database.db;
    orgA = await db.selectFrom('organisations').select(['id', 'slug', 'name']).where('slug', '=', 'roda-korset-orebro').executeTakeFirstOrThrow();
    orgB = await db.selectFrom('organisations').select(['id', 'slug']).where('slug', '=', 'ukrainska-foreningen').executeTakeFirstOrThrow();
    homework = await db.selectFrom('volunteerRoles').select(['id', 'title', 'contactEmail']).where('organisationId', '=', orgA.id).executeTakeFirstOrThrow();
    admin = await signedInClient(t, { isAdmin: true });
    editorA = await signedInClient(t, { organisationIds: [orgA.id] });
    editorB = await signedInClient(t, { organisationIds: [orgB.id] });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const outboxTo = (to: string) => t.database.db.selectFrom('outbox').selectAll().where('toAddress', '=', to).orderBy('id').execute();

  it('lists open roles by kind and district, in Swedish and Arabic', async () => {
    const all = await new Client(t).request('GET', '/jag-vill-hjalpa-till');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain(homework.title);
    expect(all.body).toContain('Fikakompis – träffa en ny vän över en fika');
    expect(visible(all.body)).toContain('5 uppdrag');

    const onlyHomework = await new Client(t).request('GET', '/jag-vill-hjalpa-till?typ=homework');
    expect(onlyHomework.body).toContain(homework.title);
    expect(onlyHomework.body).not.toContain('Fikakompis – träffa');

    // A district shows its own roles and the city-wide ones, not another district's.
    const oxhagen = await new Client(t).request('GET', '/jag-vill-hjalpa-till?omrade=oxhagen');
    expect(oxhagen.body).toContain('Värd på språkcaféet');
    expect(oxhagen.body).toContain('Fikakompis – träffa');
    expect(oxhagen.body).not.toContain(homework.title);

    const ar = await new Client(t).request('GET', '/ar/jag-vill-hjalpa-till');
    expect(ar.body).toMatch(/<html lang="ar" dir="rtl"/);
    expect(ar.body).toContain('مساعدة في الواجبات المدرسية');
    expect(ar.body).toContain('كل أسبوع');
    // The organisation's own text stays as written, marked as Swedish.
    expect(ar.body).toContain(`lang="sv" dir="auto" class="user-text">${homework.title}`);
    // An unknown filter value is a 400, never a 500; an unknown district is simply no filter.
    expect((await new Client(t).request('GET', '/jag-vill-hjalpa-till?typ=nope')).statusCode).toBe(400);
    expect((await new Client(t).request('GET', '/jag-vill-hjalpa-till?omrade=nowhere')).statusCode).toBe(200);
  });

  it('shows errors beside the fields and at the top, keeping what was typed', async () => {
    const visitor = new Client(t);
    const res = await visitor.submit(`/jag-vill-hjalpa-till/${homework.id}`, `/jag-vill-hjalpa-till/${homework.id}`, { name: 'Lina', email: 'not-an-address', message: 'Hej', phone: 'abc' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('class="error-summary"');
    expect(res.body).toContain('id="field-email-error"');
    expect(res.body).toContain('Skriv en e-postadress');
    expect(res.body).toContain('id="field-phone-error"');
    expect(res.body).toContain('id="field-consent-error"');
    expect(res.body).toContain('value="Lina"');
    expect(res.body).toContain('value="not-an-address"');
    expect(res.body).toContain('>Hej</textarea>');
    expect(await outboxTo(homework.contactEmail)).toEqual([]);
    // In Arabic too.
    const ar = await new Client(t).submit(`/ar/jag-vill-hjalpa-till/${homework.id}`, `/ar/jag-vill-hjalpa-till/${homework.id}`, { name: '', email: '' });
    expect(ar.statusCode).toBe(400);
    expect(ar.body).toContain('املأ هذا الحقل.');
  });

  it('routes a sign-up to the organisation and confirms to the volunteer in their language; the log names nobody', async () => {
    const visitor = new Client(t);
    const res = await visitor.submit(`/ar/jag-vill-hjalpa-till/${homework.id}`, `/ar/jag-vill-hjalpa-till/${homework.id}`, SIGNUP);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/ar/jag-vill-hjalpa-till/tack');
    expect((await visitor.request('GET', res.headers.location!)).statusCode).toBe(200);

    const [toOrg] = await outboxTo(homework.contactEmail);
    expect(toOrg!.purpose).toBe('volunteer');
    expect(toOrg!.subject).toBe(`Ny volontär: ${homework.title}`);
    for (const part of [SIGNUP.name, SIGNUP.email, SIGNUP.phone, SIGNUP.message]) expect(toOrg!.textBody).toContain(part);
    const [toVolunteer] = await outboxTo(SIGNUP.email);
    expect(toVolunteer!.purpose).toBe('volunteer-confirmation');
    expect(toVolunteer!.textBody).toContain('شكرًا لرغبتك في المساعدة');
    expect(toVolunteer!.textBody).toContain(homework.contactEmail);
    expect(toVolunteer!.subjectRef).toBe(toOrg!.subjectRef);

    const signup = await t.database.db.selectFrom('volunteerSignups').selectAll().where('email', '=', SIGNUP.email).executeTakeFirstOrThrow();
    expect(signup.forwardedAt).not.toBeNull();
    expect(signup.language).toBe('ar');
    const audit = await t.database.db.selectFrom('auditEntries').selectAll().where('action', '=', 'volunteer.signedUp').where('entityId', '=', signup.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(audit)).not.toContain('Lina');
    expect(JSON.stringify(audit)).not.toContain(SIGNUP.email);

    // A robot filling in the hidden field is thanked the same and nothing is stored or sent.
    const before = (await t.database.db.selectFrom('volunteerSignups').select('id').execute()).length;
    const robot = await new Client(t).submit(`/jag-vill-hjalpa-till/${homework.id}`, `/jag-vill-hjalpa-till/${homework.id}`, { ...SIGNUP, email: 'robot@example.org', website: 'http://spam' });
    expect(robot.statusCode).toBe(303);
    expect((await t.database.db.selectFrom('volunteerSignups').select('id').execute()).length).toBe(before);
    expect(await outboxTo('robot@example.org')).toEqual([]);
  });

  it('sends the volunteer’s address as Reply-To over SMTP', async () => {
    const server = await startTestSmtpServer();
    const smtp = await createTestApp({ env: { SMTP_URL: server.url } });
    try {
      const role = await smtp.database.db.selectFrom('volunteerRoles').select('id').where('kind', '=', 'mentor').executeTakeFirstOrThrow();
      const res = await new Client(smtp).submit(`/jag-vill-hjalpa-till/${role.id}`, `/jag-vill-hjalpa-till/${role.id}`, { ...SIGNUP, email: 'reply.me@example.org' });
      expect(res.statusCode).toBe(303);
      const toOrg = server.received.find((m) => /^To: mentor@abf\.example\.org/m.test(m));
      expect(toOrg).toMatch(/^Reply-To: reply\.me@example\.org/m);
    } finally {
      await smtp.close();
      await server.close();
    }
  }, 60_000);

  it('counts sign-ups per campaign and per role from a poster’s link', async () => {
    const created = await admin.submit('/admin/volontarer', '/admin/volontarer/kampanjer', { name: 'Kompisvecka mars 2027', slug: '' });
    expect(created.statusCode).toBe(303);
    const campaign = await t.database.db.selectFrom('volunteerCampaigns').selectAll().where('slug', '=', 'kompisvecka-mars-2027').executeTakeFirstOrThrow();
    // The same address again is refused beside its field.
    const again = await admin.submit('/admin/volontarer', '/admin/volontarer/kampanjer', { name: 'Annan', slug: 'kompisvecka-mars-2027' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('id="field-slug-error"');
    expect(again.body).toContain('value="Annan"');

    const cafe = await t.database.db.selectFrom('volunteerRoles').select(['id', 'title']).where('kind', '=', 'cafe_host').executeTakeFirstOrThrow();
    // The poster's link carries the campaign through the list to the form.
    const list = await new Client(t).request('GET', `/jag-vill-hjalpa-till?kampanj=${campaign.slug}`);
    expect(list.body).toContain(`/jag-vill-hjalpa-till/${cafe.id}?kampanj=${campaign.slug}`);
    for (const [roleId, email] of [
      [cafe.id, 'a@example.org'],
      [cafe.id, 'b@example.org'],
      [homework.id, 'c@example.org'],
    ] as const) {
      const page = `/jag-vill-hjalpa-till/${roleId}?kampanj=${campaign.slug}`;
      const form = await new Client(t).request('GET', page);
      expect(form.body).toContain(`name="kampanj" value="${campaign.slug}"`);
      expect((await new Client(t).submit(page, `/jag-vill-hjalpa-till/${roleId}`, { ...SIGNUP, email, kampanj: campaign.slug })).statusCode).toBe(303);
    }
    // Without the link, or with an unknown campaign, a sign-up counts in no campaign.
    expect((await new Client(t).submit(`/jag-vill-hjalpa-till/${cafe.id}`, `/jag-vill-hjalpa-till/${cafe.id}`, { ...SIGNUP, email: 'd@example.org', kampanj: 'no-such' })).statusCode).toBe(303);

    const page = await admin.request('GET', `/admin/volontarer/kampanjer/${campaign.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<dd id="campaign-total">3</dd>');
    expect(visible(/<dl class="facts-inline" id="campaign-kinds">[\s\S]*?<\/dl>/.exec(page.body)![0])).toContain('Värd på språkcafé 2 Annat uppdrag 0');
    expect(page.body).toContain('data:image/svg+xml;base64,');
    expect(page.body).toContain(`http://tillsammans.test/jag-vill-hjalpa-till?kampanj=${campaign.slug}`);
    const overview = await admin.request('GET', '/admin/volontarer');
    expect(visible(overview.body)).toContain('Kompisvecka mars 2027');
    // The demo campaign's six still count.
    expect(visible(overview.body)).toMatch(/Kompisvecka januari 2027 .*? 6/);
  });

  it('lets editors keep their own roles, and never another organisation’s', async () => {
    const base = `/hantera/${orgA.slug}/volontarer`;
    const bad = await editorA.submit(`${base}/ny`, `${base}/ny`, { kind: 'homework', title: '', description: 'Läxhjälp', frequency: 'weekly', hours: '99', swedish: 'fluent', contactEmail: 'x', status: 'open' });
    expect(bad.statusCode).toBe(400);
    for (const f of ['title', 'hours', 'contactEmail']) expect(bad.body).toContain(`id="field-${f}-error"`);
    expect(bad.body).toContain('>Läxhjälp</textarea>');

    const ok = await editorA.submit(`${base}/ny`, `${base}/ny`, {
      kind: 'mentor',
      title: 'Språkmentor för föräldrar',
      description: 'Träffa en förälder och prata om skolan.',
      frequency: 'biweekly',
      hours: '2',
      minMonths: '3',
      swedish: 'fluent',
      languages: ['ar', 'ti'],
      benefits: ['training', 'fika'],
      contactEmail: 'mentor@rodakorset.example.org',
      status: 'open',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`${base}?sparad=created`);
    const role = await t.database.db.selectFrom('volunteerRoles').selectAll().where('title', '=', 'Språkmentor för föräldrar').executeTakeFirstOrThrow();
    expect(role.organisationId).toBe(orgA.id);
    const publicPage = await new Client(t).request('GET', `/en/jag-vill-hjalpa-till/${role.id}`);
    expect(publicPage.statusCode).toBe(200);
    expect(visible(publicPage.body)).toContain('Every other week, about 2 hours each time');
    expect(visible(publicPage.body)).toContain('At least 3 months');

    // B's editor: A's workspace list, form and changes are refused; A's role is not found under B.
    expect((await editorB.request('GET', base)).statusCode).toBe(403);
    expect((await editorB.request('GET', `${base}/${role.id}`)).statusCode).toBe(403);
    const token = /name="_csrf" value="([^"]+)"/.exec((await editorB.request('GET', `/hantera/${orgB.slug}/volontarer/ny`)).body)![1]!;
    expect((await editorB.request('POST', `${base}/${role.id}`, { _csrf: token, kind: 'other', title: 'Kapat', description: 'x', frequency: 'once', swedish: 'none', contactEmail: 'evil@example.org', status: 'open' })).statusCode).toBe(403);
    expect((await editorB.request('POST', `${base}/${role.id}/ta-bort`, { _csrf: token })).statusCode).toBe(403);
    expect((await editorB.request('GET', `/hantera/${orgB.slug}/volontarer/${role.id}`)).statusCode).toBe(404);
    expect((await new Client(t).request('GET', base)).statusCode).toBe(303);
    expect((await t.database.db.selectFrom('volunteerRoles').select('title').where('id', '=', role.id).executeTakeFirstOrThrow()).title).toBe('Språkmentor för föräldrar');

    // The coordinator closes it: gone from the public list and page.
    const closed = await admin.submit(`${base}/${role.id}`, `${base}/${role.id}`, { kind: 'mentor', title: role.title, description: role.description, frequency: 'biweekly', swedish: 'fluent', contactEmail: role.contactEmail, status: 'closed' });
    expect(closed.statusCode).toBe(303);
    expect((await new Client(t).request('GET', `/jag-vill-hjalpa-till/${role.id}`)).statusCode).toBe(404);
    expect((await new Client(t).request('GET', '/jag-vill-hjalpa-till')).body).not.toContain('Språkmentor för föräldrar');
    // The editor deletes it.
    expect((await editorA.submit(`${base}/${role.id}`, `${base}/${role.id}/ta-bort`, {})).statusCode).toBe(303);
    expect(await t.database.db.selectFrom('volunteerRoles').select('id').where('id', '=', role.id).executeTakeFirst()).toBeUndefined();
  });

  it('never answers generated form bodies with a 500', async () => {
    const visitor = new Client(t);
    const token = /name="_csrf" value="([^"]+)"/.exec((await visitor.request('GET', `/jag-vill-hjalpa-till/${homework.id}`)).body)![1]!;
    const editorToken = /name="_csrf" value="([^"]+)"/.exec((await editorA.request('GET', `/hantera/${orgA.slug}/volontarer/ny`)).body)![1]!;
    const adminToken = /name="_csrf" value="([^"]+)"/.exec((await admin.request('GET', '/admin/volontarer')).body)![1]!;
    const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', '\u0000', '\u202e', '🙂', 'a@b.se', 'true', 'homework', '9999999999', 'x'.repeat(5000)));
    const value = fc.oneof(text, fc.array(text, { maxLength: 3 }));
    const body = fc.dictionary(
      fc.constantFrom('name', 'email', 'phone', 'message', 'consent', 'kampanj', 'website', 'kind', 'title', 'description', 'frequency', 'hours', 'minMonths', 'swedish', 'languages', 'benefits', 'districtId', 'contactEmail', 'status', '__proto__'),
      value,
      { maxKeys: 8 },
    );
    await fc.assert(
      fc.asyncProperty(body, async (form) => {
        for (const [client, url, csrf] of [
          [visitor, `/jag-vill-hjalpa-till/${homework.id}`, token],
          [editorA, `/hantera/${orgA.slug}/volontarer/ny`, editorToken],
          [admin, '/admin/volontarer/kampanjer', adminToken],
        ] as const) {
          const res = await client.request('POST', url, { ...(form as Record<string, string | string[]>), _csrf: csrf });
          expect([200, 303, 400, 429], `${url} ${JSON.stringify(form).slice(0, 200)}`).toContain(res.statusCode);
        }
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it('tries a forward again when mail was down', async () => {
    const db = t.database.db;
    const id = await insertSignup(db, { roleId: homework.id, organisationId: orgA.id, campaignId: null, kind: 'homework', name: 'Omar Försök', email: 'omar@example.org', phone: null, message: null, language: 'sv' }, clock);
    const down = { send: async () => Promise.reject(new Error('connect ECONNREFUSED')) };
    expect(await forwardVolunteerSignups({ db, mailer: down, publicUrl: 'http://tillsammans.test' }, clock)).toBe(0);
    expect((await db.selectFrom('volunteerSignups').select(['forwardedAt', 'forwardAttempts']).where('id', '=', id).executeTakeFirstOrThrow()).forwardAttempts).toBe(1);
    const sent: { to: string; text: string; headers?: Record<string, string> }[] = [];
    const up = { send: async (m: { to: string; text: string; headers?: Record<string, string> }) => void sent.push(m) };
    expect(await forwardVolunteerSignups({ db, mailer: up, publicUrl: 'http://tillsammans.test' }, clock)).toBe(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toBe(homework.contactEmail);
    expect(sent[0]!.text).toContain('Omar Försök');
    expect(sent[0]!.headers).toEqual({ 'Reply-To': 'omar@example.org' });
    expect(await forwardVolunteerSignups({ db, mailer: up, publicUrl: 'http://tillsammans.test' }, clock)).toBe(0);
  });

  it('erases a volunteer’s details 30 days after forwarding, mail copies included; the counts stay', async () => {
    const db = t.database.db;
    const signup = await db.selectFrom('volunteerSignups').selectAll().where('email', '=', SIGNUP.email).executeTakeFirstOrThrow();
    expect(await eraseVolunteerSignups(db, new Date(clock.getTime() + 29 * 864e5))).toBe(0);
    const erased = await eraseVolunteerSignups(db, new Date(clock.getTime() + 31 * 864e5));
    expect(erased).toBeGreaterThan(0);
    const after = await db.selectFrom('volunteerSignups').selectAll().where('id', '=', signup.id).executeTakeFirstOrThrow();
    expect([after.name, after.email, after.phone, after.message]).toEqual([null, null, null, null]);
    expect(after.erasedAt).not.toBeNull();
    expect(await db.selectFrom('outbox').select('id').where('subjectRef', '=', `volunteer:${signup.id}`).execute()).toEqual([]);
    expect(JSON.stringify(await db.selectFrom('outbox').select('textBody').execute())).not.toContain(SIGNUP.message);
    const overview = await admin.request('GET', '/admin/volontarer');
    expect(visible(overview.body)).toMatch(/Kompisvecka januari 2027 .*? 6/);
    const audit = await db.selectFrom('auditEntries').selectAll().where('action', '=', 'volunteer.erased').executeTakeFirstOrThrow();
    expect(audit.actorKind).toBe('job');
  });
});
