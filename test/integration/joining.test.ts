/**
 * Organisations joining the network, on both databases: the public form (errors translated beside each
 * field with nothing typed lost, honeypot, time trap, rate limits, the same answer for every address),
 * the single-use confirmation link (a page with a button; only its hash stored; expiry), the
 * coordinator's queue (approve: organisation, description, editor invitation, mail and audit in one
 * transaction; decline with a message; deciding twice changes nothing; the request and its personal
 * data gone after deciding), the invited editor signing in and working in the workspace, the
 * coordinator creating an organisation directly, and a tip naming an unknown organisation approved
 * into a new one.
 */
import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/index.js';
import { expireJoinRequests } from '../../src/features/network/index.js';
import { createTestApp, FIXED_NOW, type TestApp } from '../support/app.js';
import { Client, csrfOf, signedInClient } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';
import { activityForm } from '../support/factories.js';

const join = (overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> => ({
  name: 'Brickebackens Boulesällskap',
  kind: 'sports_club',
  description: 'Vi spelar boule varje lördag. Nya i Sverige är särskilt välkomna.',
  website: 'boule.example.org',
  contactName: 'Leila Haddad',
  email: 'Leila@Boule.example.org',
  phone: '070-174 06 05',
  showInDirectory: 'true',
  consent: 'true',
  ...overrides,
});

describe.skipIf(skipDatabase())(`organisations joining the network on ${testDialect}`, () => {
  let t: TestApp;
  let db: Db;
  let clock = FIXED_NOW;
  let admin: Client;
  const tick = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };
  const mailsTo = (to: string) => db.selectFrom('outbox').selectAll().where('toAddress', '=', to).orderBy('id').execute();
  const requestNamed = (name: string) => db.selectFrom('joinRequests').selectAll().where('name', '=', name).executeTakeFirst();

  /** Fills the form like a person: opens it, takes some seconds, sends it with its CSRF token and stamp. */
  async function send(client: Client, form: Record<string, string | string[]>, path = '/var-med') {
    const html = (await client.request('GET', path)).body;
    const stamp = /name="stamp" value="([^"]+)"/.exec(html)?.[1] ?? '';
    tick(20);
    return client.request('POST', path, { ...form, stamp, _csrf: csrfOf(html) });
  }
  const clearLimits = () => db.deleteFrom('rateLimits').where('key', 'like', 'join%').execute();

  beforeAll(async () => {
    t = await createTestApp({ clock: () => clock });
    db = t.database.db;
    admin = await signedInClient(t, { isAdmin: true });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('keeps everything typed and translates each error, in Swedish and Arabic', async () => {
    const bad = await send(new Client(t), join({ name: '', kind: 'spaceship', website: 'ftp://boule.example.org', email: 'inte-en-adress', phone: '12', consent: '' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('class="error-summary"');
    for (const f of ['name', 'kind', 'website', 'email', 'phone', 'consent']) expect(bad.body).toContain(`id="field-${f}-error"`);
    expect(bad.body).toContain('Skriv föreningens namn.');
    expect(bad.body).toContain('Skriv en webbadress som börjar med http:// eller https://.');
    expect(bad.body).toContain('value="ftp://boule.example.org"');
    expect(bad.body).toContain('value="inte-en-adress"');
    expect(bad.body).toContain('value="12"');
    expect(bad.body).toContain('Vi spelar boule varje lördag.');
    expect(bad.body).toContain('value="Leila Haddad"');
    const ar = await send(new Client(t), join({ description: '', phone: 'nej' }), '/ar/var-med');
    expect(ar.statusCode).toBe(400);
    expect(ar.body).toContain('dir="rtl"');
    expect(ar.body).toContain('اكتب ماذا تقدمون للقادمين الجدد إلى السويد.');
    expect(ar.body).toContain('اكتب رقم هاتف');
    expect(ar.body).toContain('value="Brickebackens Boulesällskap"');
    expect(await db.selectFrom('joinRequests').select('id').where('email', 'like', '%boule%').execute()).toEqual([]);
  });

  it('is described in the privacy notice the form links to, before the rights, in Swedish and Arabic', async () => {
    expect((await new Client(t).request('GET', '/var-med')).body).toContain('href="/integritet"');
    for (const [path, heading, deleted, rights] of [
      ['/integritet', 'Föreningar som vill vara med', 'inom 48 timmar tar vi bort allt', 'Dina rättigheter'],
      ['/ar/integritet', 'جمعيات تريد أن تنضم', 'خلال 48 ساعة نحذف كل شيء', 'حقوقك'],
    ] as const) {
      const body = (await new Client(t).request('GET', path)).body;
      expect(body).toContain(deleted);
      expect(body.indexOf(heading)).toBeGreaterThan(0);
      expect(body.indexOf(heading)).toBeLessThan(body.indexOf(rights));
    }
    // The survey's network contact and the monthly reminders are there too.
    const sv = (await new Client(t).request('GET', '/integritet')).body;
    expect(sv).toContain('Kartläggning och påminnelser till föreningar');
    expect(sv).toContain('kontaktperson för nätverket');
  });

  it('stores nothing for robots: the honeypot and a form sent too fast', async () => {
    const robot = await send(new Client(t), join({ hemsida: 'http://spam.example', email: 'robot@example.org' }));
    expect(robot.statusCode).toBe(303);
    expect(robot.headers.location).toBe('/var-med/tack');
    const visitor = new Client(t);
    const html = (await visitor.request('GET', '/var-med')).body;
    const stamp = /name="stamp" value="([^"]+)"/.exec(html)![1]!;
    const fast = await visitor.request('POST', '/var-med', { ...join({ email: 'fast@example.org' }), stamp, _csrf: csrfOf(html) });
    expect(fast.statusCode).toBe(400);
    expect(fast.body).toContain('Något gick fel. Titta på uppgifterna och skicka igen.');
    expect(fast.body).toContain('value="fast@example.org"');
    const forged = await visitor.request('POST', '/var-med', { ...join({ email: 'forged@example.org' }), stamp: `${FIXED_NOW.getTime()}.${'A'.repeat(43)}`, _csrf: csrfOf(html) });
    expect(forged.statusCode).toBe(400);
    for (const email of ['robot@example.org', 'fast@example.org', 'forged@example.org']) {
      expect(await db.selectFrom('joinRequests').select('id').where('email', '=', email).execute()).toEqual([]);
      expect(await mailsTo(email)).toEqual([]);
    }
  });

  it('joins: confirmation by a single-use link, the coordinator approves, the editor signs in and works', async () => {
    await clearLimits();
    const sent = await send(new Client(t), join());
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/var-med/tack');
    const [mail, ...more] = await mailsTo('leila@boule.example.org');
    expect(more).toEqual([]);
    // Nobody has shown the address is theirs: the mail repeats nothing typed.
    for (const typed of ['Boule', 'Leila', 'lördag']) expect(`${mail!.subject} ${mail!.textBody}`).not.toContain(typed);
    const token = /http:\/\/tillsammans\.test\/var-med\/bekrafta\/([A-Za-z0-9_-]{43})/.exec(mail!.textBody)![1]!;
    const stored = (await requestNamed('Brickebackens Boulesällskap'))!;
    expect(stored.status).toBe('unconfirmed');
    expect(stored.tokenHash).toBe(crypto.createHash('sha256').update(token).digest('hex'));
    expect(stored.website).toBe('https://boule.example.org/');
    expect(stored.phone).toBe('070-174 06 05');

    // The link opens a page with a button; opening it (a mail scanner) confirms nothing.
    const path = `/var-med/bekrafta/${token}`;
    const page = await new Client(t).request('GET', path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ja, skicka anmälan');
    expect((await requestNamed('Brickebackens Boulesällskap'))!.status).toBe('unconfirmed');
    expect((await admin.request('GET', '/admin/nya-foreningar')).body).not.toContain('Brickebackens Boulesällskap');
    const confirmed = await new Client(t).submit(path, path, {});
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe('/var-med/tack?steg=klart');
    expect((await requestNamed('Brickebackens Boulesällskap'))!.status).toBe('confirmed');
    expect((await new Client(t).request('GET', path)).statusCode).toBe(404);
    // The confirmation mail (with the address and a dead link) is gone; the coordinator was told.
    expect(await mailsTo('leila@boule.example.org')).toEqual([]);
    const told = await mailsTo(t.app.deps.config.adminEmail);
    expect(told.at(-1)!.subject).toContain('Brickebackens Boulesällskap');

    // The coordinator sees it counted on the dashboard, in the queue, and approves with a new address.
    const dashboard = await admin.request('GET', '/admin');
    expect(dashboard.body).toMatch(/<strong>2<\/strong> föreningar vill vara med/);
    const queue = await admin.request('GET', '/admin/nya-foreningar');
    expect(queue.body).toContain('Brickebackens Boulesällskap');
    expect(queue.body).toContain('Vivalla Schackklubb');
    const id = (await requestNamed('Brickebackens Boulesällskap'))!.id;
    const detail = await admin.request('GET', `/admin/nya-foreningar/${id}`);
    expect(detail.body).toContain('leila@boule.example.org');
    expect(detail.body).toContain('brickebackens-boulesallskap');
    const badSlug = await admin.submit(`/admin/nya-foreningar/${id}`, `/admin/nya-foreningar/${id}/godkann`, { name: 'Boule i Brickebacken', kind: 'association', slug: 'Boule I Brickebacken!' });
    expect(badSlug.statusCode).toBe(400);
    expect(badSlug.body).toContain('Använd bara små bokstäver a–z, siffror och bindestreck.');
    expect(badSlug.body).toContain('value="Boule i Brickebacken"');
    const taken = await admin.submit(`/admin/nya-foreningar/${id}`, `/admin/nya-foreningar/${id}/godkann`, { name: 'Boule i Brickebacken', kind: 'association', slug: 'traffpunkt-oxhagen' });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('Den adressen har redan en annan organisation.');
    const approved = await admin.submit(`/admin/nya-foreningar/${id}`, `/admin/nya-foreningar/${id}/godkann`, { name: 'Boule i Brickebacken', kind: 'association', slug: 'boule-brickebacken' });
    expect(approved.statusCode).toBe(303);
    expect(approved.headers.location).toBe('/admin/nya-foreningar?klar=approved&adress=boule-brickebacken');

    const org = await db.selectFrom('organisations').selectAll().where('slug', '=', 'boule-brickebacken').executeTakeFirstOrThrow();
    expect(org).toMatchObject({ name: 'Boule i Brickebacken', kind: 'association', trusted: 0, published: 1, website: 'https://boule.example.org/', email: 'leila@boule.example.org', contactName: 'Leila Haddad' });
    expect(org.description).toContain('Vi spelar boule varje lördag.');
    expect((await new Client(t).request('GET', '/organisationer/boule-brickebacken')).statusCode).toBe(200);
    // The request and its personal data are gone; the audit holds ids, no address or name.
    expect(await db.selectFrom('joinRequests').select('id').where('id', '=', id).execute()).toEqual([]);
    const audit = await db.selectFrom('auditEntries').selectAll().where('entity', 'in', ['joinRequest', 'organisation', 'user']).where('at', '>=', FIXED_NOW.toISOString()).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['joining.requested', 'joining.confirmed', 'organisation.created', 'user.invited', 'joining.approved']));
    expect(JSON.stringify(audit)).not.toMatch(/leila|Haddad|070-174/i);

    // The contact is invited as the organisation's editor, by mail with a single-use sign-in link.
    const user = await db.selectFrom('users').selectAll().where('email', '=', 'leila@boule.example.org').executeTakeFirstOrThrow();
    expect(await db.selectFrom('userOrganisations').select('organisationId').where('userId', '=', user.id).execute()).toEqual([{ organisationId: org.id }]);
    const [invite] = await mailsTo('leila@boule.example.org');
    expect(invite!.subject).toContain('Boule i Brickebacken');
    // Queued in the transaction, sent after the commit.
    expect(invite!.transport).toBe('outbox');
    const link = /http:\/\/tillsammans\.test(\/logga-in\/lank\/[A-Za-z0-9_-]{43})/.exec(invite!.textBody)![1]!;
    const editor = new Client(t);
    const signedIn = await editor.submit(link, link, {});
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/hantera/boule-brickebacken');
    expect((await editor.request('GET', '/hantera/boule-brickebacken')).statusCode).toBe(200);
    const saved = await editor.submit('/hantera/boule-brickebacken/ny', '/hantera/boule-brickebacken/ny', activityForm({ title: 'Boule för nybörjare', startDate: '2026-12-05', weekdays: ['SA'] }));
    expect(saved.statusCode).toBe(303);
    // Not trusted: the new activity waits for review.
    const activity = await db.selectFrom('activities').select(['id', 'status']).where('title', '=', 'Boule för nybörjare').executeTakeFirstOrThrow();
    expect(activity.status).toBe('pending');
    // The link worked once.
    const other = new Client(t);
    const otherCsrf = csrfOf((await other.request('GET', '/logga-in')).body);
    expect((await other.request('POST', link, { _csrf: otherCsrf })).statusCode).toBe(410);

    // Deciding again changes nothing and says so.
    // (From a page opened before the first decision: the queue itself has no form.)
    const again = await admin.submit('/admin/organisationer/ny', `/admin/nya-foreningar/${id}/godkann`, { name: 'Boule igen', kind: 'association', slug: '' });
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe('/admin/nya-foreningar?klar=gone');
    const declineToo = await admin.submit('/admin/organisationer/ny', `/admin/nya-foreningar/${id}/avboj`, { message: 'Nej' });
    expect(declineToo.headers.location).toBe('/admin/nya-foreningar?klar=gone');
    expect(await db.selectFrom('organisations').select('id').where('name', 'in', ['Boule igen', 'Brickebackens Boulesällskap']).execute()).toEqual([]);
    expect((await admin.request('GET', '/admin/nya-foreningar?klar=gone')).body).toContain('Anmälan är redan besvarad.');
  });

  it('approves in one transaction: when the mail cannot be queued, nothing is created and the request still waits', async () => {
    const waiting = (await requestNamed('Vivalla Schackklubb'))!;
    const mailer = t.app.deps.mailer as { queue?: (...args: unknown[]) => Promise<unknown> };
    const queue = mailer.queue!;
    mailer.queue = async () => {
      throw new Error('the outbox is full');
    };
    try {
      const res = await admin.submit(`/admin/nya-foreningar/${waiting.id}`, `/admin/nya-foreningar/${waiting.id}/godkann`, { name: 'Vivalla Schackklubb', kind: 'sports_club', slug: '' });
      expect(res.statusCode).toBe(500);
    } finally {
      mailer.queue = queue;
    }
    expect(await db.selectFrom('organisations').select('id').where('name', '=', 'Vivalla Schackklubb').execute()).toEqual([]);
    expect(await db.selectFrom('users').select('id').where('email', '=', waiting.email).execute()).toEqual([]);
    expect((await requestNamed('Vivalla Schackklubb'))?.status).toBe('confirmed');
  });

  it('declines with a message to the contact and erases the request', async () => {
    const waiting = (await requestNamed('Vivalla Schackklubb'))!;
    const empty = await admin.submit(`/admin/nya-foreningar/${waiting.id}`, `/admin/nya-foreningar/${waiting.id}/avboj`, { message: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Skriv ett meddelande till föreningen.');
    const res = await admin.submit(`/admin/nya-foreningar/${waiting.id}`, `/admin/nya-foreningar/${waiting.id}/avboj`, { message: 'Vi tar bara med föreningar i Örebro kommun.' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/nya-foreningar?klar=declined');
    const [mail] = await mailsTo(waiting.email);
    expect(mail!.textBody).toContain('Vi tar bara med föreningar i Örebro kommun.');
    expect(mail!.subject).toContain('Vivalla Schackklubb');
    expect(await requestNamed('Vivalla Schackklubb')).toBeUndefined();
    expect(await db.selectFrom('organisations').select('id').where('name', '=', 'Vivalla Schackklubb').execute()).toEqual([]);
    expect((await admin.request('GET', '/admin')).body).toMatch(/<strong>0<\/strong> föreningar vill vara med/);
  });

  it('limits requests per client address and confirmation mails per address, answering the same', async () => {
    await clearLimits();
    const school = new Client(t, { remoteAddress: '10.9.8.7' });
    for (let i = 1; i <= 3; i++) expect((await send(school, join({ name: `Samma adress ${i}`, email: 'same@example.org' }))).statusCode).toBe(303);
    // A fourth mail to the same address: the same answer, nothing stored or sent.
    const fourth = await send(school, join({ name: 'Samma adress 4', email: 'SAME@example.org' }));
    expect(fourth.statusCode).toBe(303);
    expect(fourth.headers.location).toBe('/var-med/tack');
    expect(await requestNamed('Samma adress 4')).toBeUndefined();
    expect(await mailsTo('same@example.org')).toHaveLength(3);
    expect((await send(school, join({ name: 'Femte', email: 'five@example.org' }))).statusCode).toBe(303);
    const sixth = await send(school, join({ name: 'Sjätte', email: 'six@example.org' }));
    expect(sixth.statusCode).toBe(429);
    expect(sixth.body).toContain('Många anmälningar har skickats härifrån.');
    expect(sixth.body).toContain('value="Sjätte"');
    expect(await requestNamed('Sjätte')).toBeUndefined();
  });

  it('never answers generated form bodies with a server error', async () => {
    const visitor = new Client(t);
    const html = (await visitor.request('GET', '/var-med')).body;
    const csrf = csrfOf(html);
    const stamp = /name="stamp" value="([^"]+)"/.exec(html)![1]!;
    tick(20);
    const value = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('', 'true', '0', '-1', '999999999999', 'a@b.c', '\u202e', 'https://', '+46'));
    const fields = fc.constantFrom('name', 'kind', 'description', 'website', 'contactName', 'email', 'phone', 'districtIds', 'showInDirectory', 'consent', 'hemsida', 'stamp', '__proto__', 'constructor');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fields, fc.oneof(value, fc.array(value, { maxLength: 3 }))), { maxLength: 12 }), async (pairs) => {
        await clearLimits();
        const form: Record<string, string | string[]> = { ...join({ email: 'fuzz@example.org' }), stamp };
        for (const [k, v] of pairs) form[k] = v;
        const res = await visitor.request('POST', '/var-med', { ...form, _csrf: csrf });
        expect([303, 400, 429], res.body.slice(0, 200)).toContain(res.statusCode);
      }),
      { numRuns: 40 },
    );
  });

  it('deletes unconfirmed requests and their mails once the link has expired', async () => {
    const before = await db.selectFrom('joinRequests').select('id').where('status', '=', 'unconfirmed').execute();
    expect(before.length).toBeGreaterThanOrEqual(4);
    expect(await expireJoinRequests(db, new Date(clock.getTime() + 47 * 3600_000))).toBe(0);
    expect(await expireJoinRequests(db, new Date(clock.getTime() + 49 * 3600_000))).toBe(before.length);
    expect(await db.selectFrom('joinRequests').select('id').where('status', '=', 'unconfirmed').execute()).toEqual([]);
    expect(await mailsTo('same@example.org')).toEqual([]);
  });

  it('lets the coordinator create an organisation directly and invite its editor in the same step', async () => {
    const form = await admin.request('GET', '/admin/organisationer');
    expect(form.body).toContain('href="/admin/organisationer/ny"');
    const bad = await admin.submit('/admin/organisationer/ny', '/admin/organisationer/ny', { name: 'Röda korset Örebro', kind: 'association', phone: 'x', inviteEmail: 'nej', published: 'true' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="field-phone-error"');
    expect(bad.body).toContain('id="field-inviteEmail-error"');
    // A name like one already here: said so, and created only once the coordinator says it is another.
    expect(bad.body).toContain('Det finns redan en organisation med liknande namn.');
    expect(bad.body).toContain('value="Röda korset Örebro"');
    const ok = { name: 'Läxhjälpen Oxhagen', kind: 'association', description: 'Läxhjälp måndagar.', published: 'true', inviteEmail: 'Kim@Laxhjalpen.example.org', inviteName: 'Kim' };
    const created = await admin.submit('/admin/organisationer/ny', '/admin/organisationer/ny', ok);
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe('/admin/organisationer?skapad=laxhjalpen-oxhagen');
    expect((await admin.request('GET', created.headers.location as string)).body).toContain('Läxhjälpen Oxhagen är skapad.');
    const org = await db.selectFrom('organisations').selectAll().where('slug', '=', 'laxhjalpen-oxhagen').executeTakeFirstOrThrow();
    expect(org).toMatchObject({ published: 1, trusted: 0, description: 'Läxhjälp måndagar.' });
    const user = await db.selectFrom('users').select('id').where('email', '=', 'kim@laxhjalpen.example.org').executeTakeFirstOrThrow();
    expect(await db.selectFrom('userOrganisations').select('organisationId').where('userId', '=', user.id).execute()).toEqual([{ organisationId: org.id }]);
    expect((await mailsTo('kim@laxhjalpen.example.org'))[0]!.textBody).toMatch(/\/logga-in\/lank\/[A-Za-z0-9_-]{43}/);
    // The same name again gets a free address of its own.
    const twin = await admin.submit('/admin/organisationer/ny', '/admin/organisationer/ny', { name: 'Läxhjälpen Oxhagen', kind: 'association', confirmedNew: 'true' });
    expect(twin.headers.location).toBe('/admin/organisationer?skapad=laxhjalpen-oxhagen-2');
  });

  it('approves a tip naming an unknown organisation by creating it and hosting the activity there', async () => {
    const tip = await db.selectFrom('revisions').select(['id', 'data']).where('status', '=', 'pending').where('organisationId', 'is', null).executeTakeFirstOrThrow();
    expect(tip.data).toContain('Örebro Simsällskap');
    const page = await admin.request('GET', `/admin/granska/${tip.id}`);
    expect(page.body).toContain('<option value="new" selected');
    expect(page.body).toContain('value="Örebro Simsällskap"');
    const missing = await admin.submit(`/admin/granska/${tip.id}`, `/admin/granska/${tip.id}/godkann`, { organisationId: 'new', newOrganisationName: '', newOrganisationKind: 'sports_club' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Skriv föreningens namn.');
    expect(await db.selectFrom('revisions').select('status').where('id', '=', tip.id).executeTakeFirstOrThrow()).toEqual({ status: 'pending' });
    const res = await admin.submit(`/admin/granska/${tip.id}`, `/admin/granska/${tip.id}/godkann`, { organisationId: 'new', newOrganisationName: 'Örebro Simsällskap', newOrganisationKind: 'sports_club' });
    expect(res.statusCode).toBe(303);
    const org = await db.selectFrom('organisations').selectAll().where('name', '=', 'Örebro Simsällskap').executeTakeFirstOrThrow();
    expect(org).toMatchObject({ slug: 'orebro-simsallskap', kind: 'sports_club', trusted: 0, published: 1 });
    const activity = await db.selectFrom('activities').select(['id', 'status']).where('title', '=', 'Simträning för kvinnor').executeTakeFirstOrThrow();
    expect(activity.status).toBe('published');
    expect(await db.selectFrom('activityHosts').select('organisationId').where('activityId', '=', activity.id).execute()).toEqual([{ organisationId: org.id }]);
    expect((await new Client(t).request('GET', '/organisationer/orebro-simsallskap')).body).toContain('Simträning för kvinnor');
  });
});
