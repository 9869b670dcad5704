/**
 * The mailing list on both databases: double opt-in (nothing but the confirmation before it; a
 * single-use link stored as a hash; expiry after 48 hours; a few confirmation mails a day per
 * address), segments, composing in several languages with errors that keep what was typed, sending
 * in batches that resume after a crash without anyone getting a message twice, failing addresses
 * paused after three failures, one-click unsubscribe (a page with a button; RFC 8058 POST without
 * session or CSRF, form-encoded or multipart) that erases the subscriber, the List-Unsubscribe
 * headers over real SMTP, inviting an organisation's editors, the public archive, and access.
 */
import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { insertUser } from '../../src/features/accounts/accounts.commands.js';
import { expireMailingRequests, sendMailingBatch } from '../../src/features/network/index.js';
import { addressHash } from '../../src/features/network/mailing.js';
import { insertMessage, insertSegment, mailingKey } from '../../src/features/network/mailing.store.js';
import { queueMessage } from '../../src/features/network/mailing.commands.js';
import type { Db } from '../../src/db/index.js';
import { createTestApp, FIXED_NOW, type TestApp } from '../support/app.js';
import { Client, signedInClient } from '../support/client.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { skipDatabase, testDialect } from '../support/db.js';

const visible = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');
const PUBLIC_URL = 'http://tillsammans.test';

/** A segment with confirmed subscribers, made straight in the database (the opt-in itself is tested through the pages). */
async function segmentWith(db: Db, name: string, people: { email: string; language?: string }[], now: Date, publicArchive = true): Promise<{ segmentId: number; ids: Map<string, number> }> {
  const segmentId = await insertSegment(db, { audience: 'custom', organisationKind: null, name, description: '', publicArchive, openSignup: false }, now);
  const ids = new Map<string, number>();
  for (const p of people) {
    const row = await db
      .insertInto('mailingSubscribers')
      .values({ email: p.email, name: null, language: p.language ?? 'sv', status: 'active', confirmedAt: now.toISOString(), createdAt: now.toISOString(), lastFailure: null, pausedAt: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('mailingMemberships').values({ subscriberId: row.id, segmentId, createdAt: now.toISOString() }).execute();
    ids.set(p.email, row.id);
  }
  return { segmentId, ids };
}

async function queued(db: Db, segmentId: number, now: Date, subject = 'Hej nätverket'): Promise<number> {
  const id = await insertMessage(db, { segmentId, texts: { sv: { subject, body: 'Välkomna på träff.' } }, createdBy: null }, now);
  await queueMessage(db, id, now);
  return id;
}

describe.skipIf(skipDatabase())(`the mailing list on ${testDialect}`, () => {
  let t: TestApp;
  let db: Db;
  let clock = FIXED_NOW;
  let admin: Client;
  let segments: { id: number; audience: string }[];
  const segment = (audience: string) => segments.find((s) => s.audience === audience)!;
  const mailsTo = (to: string) => db.selectFrom('outbox').selectAll().where('toAddress', '=', to).orderBy('id').execute();
  const deps = () => ({ db, mailer: t.app.deps.mailer, publicUrl: PUBLIC_URL });

  beforeAll(async () => {
    t = await createTestApp({ clock: () => clock });
    db = t.database.db;
    admin = await signedInClient(t, { isAdmin: true });
    segments = await db.selectFrom('mailingSegments').select(['id', 'audience']).orderBy('id').execute();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('subscribes only after the link in the confirmation mail is used, once', async () => {
    const visitor = new Client(t);
    const form = await visitor.request('GET', '/nyhetsbrev');
    expect(form.statusCode).toBe(200);
    for (const label of ['Språkcaféer', 'Nätverksmedlemmar', 'Volontärer']) expect(form.body).toContain(label);

    const bad = await visitor.submit('/nyhetsbrev', '/nyhetsbrev', { email: 'nope', name: 'Sam' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('class="error-summary"');
    expect(bad.body).toContain('id="field-email-error"');
    expect(bad.body).toContain('id="field-segments-error"');
    expect(bad.body).toContain('value="Sam"');
    expect(bad.body).toContain('value="nope"');

    const ok = await visitor.submit('/nyhetsbrev', '/nyhetsbrev', { email: 'Sam@Example.org', name: 'Sam', segments: [String(segment('language_cafes').id), String(segment('volunteers').id)] });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/nyhetsbrev/tack');
    const [mail, ...more] = await mailsTo('sam@example.org');
    expect(more).toEqual([]);
    expect(mail!.purpose).toBe('mailing-confirm');
    const token = /http:\/\/tillsammans\.test\/nyhetsbrev\/bekrafta\/([A-Za-z0-9_-]{43})/.exec(mail!.textBody)![1]!;
    const request = await db.selectFrom('mailingRequests').selectAll().where('email', '=', 'sam@example.org').executeTakeFirstOrThrow();
    expect(request.tokenHash).toBe(crypto.createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(request)).not.toContain(token);
    expect(await db.selectFrom('mailingSubscribers').select('id').where('email', '=', 'sam@example.org').executeTakeFirst()).toBeUndefined();

    // Opening the link (as a mail scanner would) changes nothing; the button does.
    const path = `/nyhetsbrev/bekrafta/${token}`;
    const page = await new Client(t).request('GET', path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ja, jag vill prenumerera');
    expect(await db.selectFrom('mailingSubscribers').select('id').where('email', '=', 'sam@example.org').executeTakeFirst()).toBeUndefined();
    const confirmed = await new Client(t).submit(path, path, {});
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe('/nyhetsbrev/tack?steg=klart');
    const subscriber = await db.selectFrom('mailingSubscribers').selectAll().where('email', '=', 'sam@example.org').executeTakeFirstOrThrow();
    expect(subscriber.name).toBe('Sam');
    const memberships = await db.selectFrom('mailingMemberships').select('segmentId').where('subscriberId', '=', subscriber.id).orderBy('segmentId').execute();
    expect(memberships.map((m) => m.segmentId)).toEqual([segment('language_cafes').id, segment('volunteers').id]);
    // The link works once; its mail (with the address) is gone from the outbox.
    const again = await new Client(t).request('GET', path);
    expect(again.statusCode).toBe(404);
    expect(again.body).toContain('Länken fungerar inte längre');
    expect(await mailsTo('sam@example.org')).toEqual([]);
    const audit = await db.selectFrom('auditEntries').selectAll().where('action', 'in', ['mailing.requested', 'mailing.subscribed']).execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(audit)).not.toContain('example.org');
  });

  it('confirms in the reader’s language, expires unconfirmed requests after 48 hours, and mails an address a few times a day at most', async () => {
    const ar = await new Client(t).submit('/ar/nyhetsbrev', '/ar/nyhetsbrev', { email: 'late@example.org', segments: [String(segment('network').id)] });
    expect(ar.statusCode).toBe(303);
    expect(ar.headers.location).toBe('/ar/nyhetsbrev/tack');
    const [mail] = await mailsTo('late@example.org');
    expect(mail!.textBody).toContain('مرحبًا');
    const token = /http:\/\/tillsammans\.test\/ar\/nyhetsbrev\/bekrafta\/([A-Za-z0-9_-]{43})/.exec(mail!.textBody)![1]!;

    clock = new Date(FIXED_NOW.getTime() + 49 * 3600_000);
    try {
      expect((await new Client(t).request('GET', `/ar/nyhetsbrev/bekrafta/${token}`)).statusCode).toBe(404);
      expect(await expireMailingRequests(db, clock)).toBeGreaterThanOrEqual(1);
      expect(await db.selectFrom('mailingRequests').select('id').where('email', '=', 'late@example.org').execute()).toEqual([]);
      expect(await mailsTo('late@example.org')).toEqual([]);
    } finally {
      clock = FIXED_NOW;
    }

    // A fourth request for one address in a day is answered the same, and sends nothing.
    for (let i = 0; i < 4; i++) {
      const res = await new Client(t).submit('/nyhetsbrev', '/nyhetsbrev', { email: 'many@example.org', segments: [String(segment('network').id)] });
      expect(res.statusCode).toBe(303);
    }
    expect(await mailsTo('many@example.org')).toHaveLength(3);
  });

  it('lets the coordinator define segments; only segments open for subscription can be chosen', async () => {
    const bad = await admin.submit('/admin/utskick', '/admin/utskick/segment', { audience: 'custom', name: '', description: 'Styrelsens utskick' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="field-name-error"');
    expect(bad.body).toContain('value="Styrelsens utskick"');
    const kind = await admin.submit('/admin/utskick', '/admin/utskick/segment', { audience: 'organisations', organisationKind: '' });
    expect(kind.body).toContain('id="field-organisationKind-error"');
    const ok = await admin.submit('/admin/utskick', '/admin/utskick/segment', { audience: 'organisations', organisationKind: 'sports_club', description: 'Till idrottsföreningarna', flags: ['publicArchive'] });
    expect(ok.statusCode).toBe(303);
    const sports = await db.selectFrom('mailingSegments').selectAll().where('organisationKind', '=', 'sports_club').executeTakeFirstOrThrow();
    expect(sports.openSignup).toBe(0);
    expect((await admin.request('GET', '/admin/utskick')).body).toContain('Organisationer: Idrottsförening');
    expect((await new Client(t).request('GET', '/nyhetsbrev')).body).not.toContain('Idrottsförening');
    const closed = await new Client(t).submit('/nyhetsbrev', '/nyhetsbrev', { email: 'x@example.org', segments: [String(sports.id)] });
    expect(closed.statusCode).toBe(400);
    expect(await mailsTo('x@example.org')).toEqual([]);
  });

  it('composes with errors that keep what was typed, previews, and sends each subscriber their language once', async () => {
    const network = segment('network').id;
    const bad = await admin.submit('/admin/utskick/nytt', '/admin/utskick/nytt', { segmentId: String(network), 'subject.sv': '', 'body.sv': 'Hej alla', 'subject.en': 'Hello', 'body.en': '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="field-subject.sv-error"');
    expect(bad.body).toContain('id="field-body.en-error"');
    expect(bad.body).toContain('>Hej alla</textarea>');
    expect(bad.body).toContain('value="Hello"');
    // A long message in Arabic is no 500.
    const long = await admin.submit('/admin/utskick/nytt', '/admin/utskick/nytt', { segmentId: String(network), 'subject.sv': 'x', 'body.sv': 'x', 'subject.ar': 'عنوان', 'body.ar': 'ع'.repeat(9000) });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('id="field-body.ar-error"');
    // Every language written out in full (some 350 kB of form) is still taken.
    const full: Record<string, string> = { segmentId: String(network) };
    for (const l of ['sv', 'en', 'ar', 'fa', 'ti', 'so', 'uk', 'ckb']) Object.assign(full, { [`subject.${l}`]: 'Ämne', [`body.${l}`]: 'ع'.repeat(7000) });
    const big = await admin.submit('/admin/utskick/nytt', '/admin/utskick/nytt', full);
    expect(big.statusCode).toBe(303);
    await db.deleteFrom('mailingMessages').where('id', '=', Number(/(\d+)$/.exec(big.headers.location!)![1])).execute();

    const created = await admin.submit('/admin/utskick/nytt', '/admin/utskick/nytt', {
      segmentId: String(network),
      'subject.sv': 'Nätverksträff i mars',
      'body.sv': 'Hej! Vi ses tisdag 9 mars.',
      'subject.en': 'Network meeting in March',
      'body.en': 'Hello! See you on Tuesday 9 March.',
    });
    expect(created.statusCode).toBe(303);
    const id = Number(/\/admin\/utskick\/(\d+)$/.exec(created.headers.location!)![1]);
    const members = (await db.selectFrom('mailingMemberships as m').innerJoin('mailingSubscribers as s', 's.id', 'm.subscriberId').select(['s.id', 's.email', 's.language']).where('m.segmentId', '=', network).where('s.status', '=', 'active').execute());
    const preview = await admin.request('GET', `/admin/utskick/${id}`);
    expect(preview.statusCode).toBe(200);
    expect(visible(preview.body)).toContain(`Skicka till ${members.length} mottagare`);
    expect(preview.body).toContain('Sluta prenumerera: http://tillsammans.test/nyhetsbrev/avsluta/');
    expect(preview.body).toContain('Unsubscribe: http://tillsammans.test/nyhetsbrev/avsluta/');

    expect((await admin.submit(`/admin/utskick/${id}`, `/admin/utskick/${id}/skicka`, {})).headers.location).toBe(`/admin/utskick/${id}?klart=queued`);
    // A second click sends nothing more.
    const token = /name="_csrf" value="([^"]+)"/.exec((await admin.request('GET', '/admin/utskick')).body)![1]!;
    expect((await admin.request('POST', `/admin/utskick/${id}/skicka`, { _csrf: token })).statusCode).toBe(303);
    expect((await db.selectFrom('mailingDeliveries').select('id').where('messageId', '=', id).execute()).length).toBe(members.length);
    expect((await admin.request('GET', `/admin/utskick/${id}/andra`)).statusCode).toBe(404);

    const result = await sendMailingBatch(deps(), clock);
    expect(result.sent).toBe(members.length);
    expect((await sendMailingBatch(deps(), clock)).sent).toBe(0);
    for (const m of members) {
      const mails = (await mailsTo(m.email)).filter((x) => x.purpose === 'mailing');
      expect(mails, m.email).toHaveLength(1);
      expect(mails[0]!.subject).toBe(m.language === 'en' ? 'Network meeting in March' : 'Nätverksträff i mars');
      expect(mails[0]!.textBody).toContain(m.language === 'en' ? `${PUBLIC_URL}/en/nyhetsbrev/avsluta/${m.id}.` : `${PUBLIC_URL}/nyhetsbrev/avsluta/${m.id}.`);
      expect(mails[0]!.subjectRef).toBe(`subscriber:${m.id}`);
    }
    expect((await db.selectFrom('mailingMessages').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('sent');

    // The archive shows it in the reader's language, or the Swedish with a note.
    expect((await new Client(t).request('GET', '/nyhetsbrev/arkiv')).body).toContain('Nätverksträff i mars');
    expect((await new Client(t).request('GET', `/en/nyhetsbrev/arkiv/${id}`)).body).toContain('See you on Tuesday 9 March.');
    const ar = await new Client(t).request('GET', `/ar/nyhetsbrev/arkiv/${id}`);
    expect(ar.body).toContain('Vi ses tisdag 9 mars.');
    expect(ar.body).toContain('هذه الرسالة متوفرة بالسويدية فقط.');
  });

  it('leaves cached pages alone when the sending job has nothing to send', async () => {
    await sendMailingBatch(deps(), clock);
    const versions = () => db.selectFrom('cacheVersions').selectAll().orderBy('scope').execute();
    const before = await versions();
    await sendMailingBatch(deps(), clock);
    await expireMailingRequests(db, clock);
    expect(await versions()).toEqual(before);
  });

  it('keeps drafts and messages of private segments out of the archive', async () => {
    const { segmentId } = await segmentWith(db, 'Styrelsen', [{ email: 'board@example.org' }], clock, false);
    const sent = await queued(db, segmentId, clock, 'Styrelsemöte');
    const draft = await insertMessage(db, { segmentId: segment('network').id, texts: { sv: { subject: 'Utkast som inte syns', body: 'x' } }, createdBy: null }, clock);
    expect((await new Client(t).request('GET', `/nyhetsbrev/arkiv/${sent}`)).statusCode).toBe(404);
    expect((await new Client(t).request('GET', `/nyhetsbrev/arkiv/${draft}`)).statusCode).toBe(404);
    const archive = (await new Client(t).request('GET', '/nyhetsbrev/arkiv')).body;
    expect(archive).not.toContain('Styrelsemöte');
    expect(archive).not.toContain('Utkast som inte syns');
    await sendMailingBatch(deps(), clock);
  });

  it('resumes a send that died mid-batch without sending anyone twice, 50 at a time', async () => {
    const people = Array.from({ length: 120 }, (_, i) => ({ email: `p${i}@example.org` }));
    const { segmentId } = await segmentWith(db, 'Stora listan', people, clock);
    const id = await queued(db, segmentId, clock);

    // The first run delivers 20, then hangs on the 21st (the process dies there).
    const first: string[] = [];
    const dying = { send: (m: { to: string }) => (first.push(m.to), first.length === 21 ? new Promise<never>(() => {}) : Promise.resolve({})) };
    void sendMailingBatch({ ...deps(), mailer: dying }, clock);
    await vi.waitFor(() => expect(first).toHaveLength(21));

    // The restarted instance: a minute later the one in flight is left alone, later it is marked unknown; never sent again.
    const second: string[] = [];
    const mailer = { send: async (m: { to: string }) => void second.push(m.to) };
    const minute = new Date(clock.getTime() + 60_000);
    expect((await sendMailingBatch({ ...deps(), mailer }, minute)).sent).toBe(50);
    const later = new Date(clock.getTime() + 16 * 60_000);
    const resumed = await sendMailingBatch({ ...deps(), mailer }, later);
    expect(resumed).toMatchObject({ sent: 49, interrupted: 1 });
    expect((await sendMailingBatch({ ...deps(), mailer }, later)).sent).toBe(0);

    const all = [...first, ...second];
    expect(all).toHaveLength(120);
    expect(new Set(all).size).toBe(120);
    const statuses = await db.selectFrom('mailingDeliveries').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('messageId', '=', id).groupBy('status').execute();
    expect(Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)]))).toEqual({ sent: 119, unknown: 1 });
    expect((await db.selectFrom('mailingMessages').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('sent');
    expect(visible((await admin.request('GET', `/admin/utskick/${id}`)).body)).toContain('Avbrutna (skickas inte igen) 1');
  });

  it('pauses an address after three refused deliveries, shows it to the coordinator, and waits out a mail server that is down', async () => {
    const { segmentId, ids } = await segmentWith(db, 'Testlistan', [{ email: 'good@example.org' }, { email: 'bad@example.org' }], clock);
    const refused = Object.assign(new Error('Mail could not be sent: 550 No such user'), { code: 'mail.sendFailed', details: { smtpCode: 550 } });
    const mailer = { send: async (m: { to: string }) => (m.to === 'bad@example.org' ? Promise.reject(refused) : {}) };
    for (let i = 1; i <= 3; i++) {
      await queued(db, segmentId, clock, `Utskick ${i}`);
      const r = await sendMailingBatch({ ...deps(), mailer }, clock);
      expect(r).toMatchObject({ sent: 1, failed: 1 });
      const bad = await db.selectFrom('mailingSubscribers').selectAll().where('id', '=', ids.get('bad@example.org')!).executeTakeFirstOrThrow();
      expect(bad.failures).toBe(i);
      expect(bad.status).toBe(i < 3 ? 'active' : 'paused');
    }
    expect(visible((await admin.request('GET', '/admin/utskick')).body)).toContain('1 adress är pausad efter misslyckade utskick');
    const paused = await admin.request('GET', '/admin/utskick/pausade');
    expect(paused.body).toContain('bad@example.org');
    expect(paused.body).toContain('550 No such user');
    // A paused address is not sent the next message.
    const fourth = await queued(db, segmentId, clock, 'Utskick 4');
    expect((await db.selectFrom('mailingDeliveries').select('subscriberId').where('messageId', '=', fourth).execute()).map((d) => d.subscriberId)).toEqual([ids.get('good@example.org')]);

    // The mail server is down: the delivery waits, untouched, for the next run.
    const down = { send: async () => Promise.reject(new Error('connect ECONNREFUSED')) };
    expect(await sendMailingBatch({ ...deps(), mailer: down }, clock)).toMatchObject({ sent: 0, failed: 0, deferred: true });
    expect((await db.selectFrom('mailingDeliveries').select(['status', 'attempts']).where('messageId', '=', fourth).executeTakeFirstOrThrow())).toEqual({ status: 'queued', attempts: 1 });
    expect((await sendMailingBatch({ ...deps(), mailer }, clock)).sent).toBe(1);

    const resume = await admin.submit('/admin/utskick/pausade', `/admin/utskick/pausade/${ids.get('bad@example.org')}`, { action: 'resume' });
    expect(resume.headers.location).toBe('/admin/utskick/pausade?klart=resumed');
    expect((await db.selectFrom('mailingSubscribers').select(['status', 'failures']).where('id', '=', ids.get('bad@example.org')!).executeTakeFirstOrThrow())).toEqual({ status: 'active', failures: 0 });
  });

  it('unsubscribes in one click without a session, erasing all but a keyed hash of the address', async () => {
    const { ids } = await segmentWith(db, 'Lämnarna', [{ email: 'leave1@example.org' }, { email: 'leave2@example.org', language: 'en' }, { email: 'leave3@example.org' }], clock);
    const segmentId = (await db.selectFrom('mailingSegments').select('id').where('name', '=', 'Lämnarna').executeTakeFirstOrThrow()).id;
    await queued(db, segmentId, clock, 'Till lämnarna');
    await sendMailingBatch(deps(), clock);
    const link = async (email: string) => /http:\/\/tillsammans\.test((?:\/en)?\/nyhetsbrev\/avsluta\/\S+)/.exec((await mailsTo(email))[0]!.textBody)![1]!;

    const first = await link('leave1@example.org');
    const page = await new Client(t).request('GET', first);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Sluta prenumerera');
    expect(page.body).toContain('Lämnarna');
    expect(await db.selectFrom('mailingSubscribers').select('id').where('id', '=', ids.get('leave1@example.org')!).executeTakeFirst()).toBeDefined();

    // RFC 8058: the mail client posts List-Unsubscribe=One-Click, with no cookie and no CSRF token.
    const oneClick = await t.app.inject({ method: 'POST', url: first, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.body).toContain('Du prenumererar inte längre');
    const id1 = ids.get('leave1@example.org')!;
    expect(await db.selectFrom('mailingSubscribers').select('id').where('id', '=', id1).executeTakeFirst()).toBeUndefined();
    expect(await db.selectFrom('mailingMemberships').select('segmentId').where('subscriberId', '=', id1).execute()).toEqual([]);
    expect(await mailsTo('leave1@example.org')).toEqual([]);
    const key = await mailingKey(db);
    expect(await db.selectFrom('mailingSuppressions').select('leftAt').where('emailHash', '=', addressHash(key, 'leave1@example.org')).executeTakeFirst()).toBeDefined();
    const audit = await db.selectFrom('auditEntries').selectAll().where('action', '=', 'mailing.unsubscribed').where('entityId', '=', id1).executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after!)).toEqual({ oneClick: true });
    expect(JSON.stringify(await db.selectFrom('auditEntries').selectAll().execute())).not.toContain('leave1@example.org');
    // Again: nothing to leave, still 200.
    const twice = await t.app.inject({ method: 'POST', url: first, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(twice.statusCode).toBe(200);
    expect(twice.body).toContain('Den här adressen prenumererar inte');

    // Multipart, as some mail clients send it; in English.
    const second = await link('leave2@example.org');
    expect(second.startsWith('/en/')).toBe(true);
    const boundary = 'x-boundary';
    const multipart = await t.app.inject({
      method: 'POST',
      url: second,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
    });
    expect(multipart.statusCode).toBe(200);
    expect(multipart.body).toContain('You are no longer subscribed');
    expect(await db.selectFrom('mailingSubscribers').select('id').where('id', '=', ids.get('leave2@example.org')!).executeTakeFirst()).toBeUndefined();

    // The page's own button, from a browser.
    const third = await link('leave3@example.org');
    expect((await new Client(t).submit(third, third, {})).statusCode).toBe(200);
    expect(await db.selectFrom('mailingSubscribers').select('id').where('id', '=', ids.get('leave3@example.org')!).executeTakeFirst()).toBeUndefined();

    // A forged token is not found, whichever way it comes.
    const forged = `/nyhetsbrev/avsluta/${ids.get('leave1@example.org')}.${'A'.repeat(43)}`;
    expect((await new Client(t).request('GET', forged)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: forged, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' })).statusCode).toBe(404);

    // The coordinator can answer a complaint: when did it leave?
    const lookup = await admin.submit('/admin/utskick', '/admin/utskick/sok-adress', { email: 'leave1@example.org' });
    expect(lookup.statusCode).toBe(200);
    expect(visible(lookup.body)).toContain('leave1@example.org slutade prenumerera');
    // Subscribing again (a new double opt-in) forgets that it left.
    await new Client(t).submit('/nyhetsbrev', '/nyhetsbrev', { email: 'leave1@example.org', segments: [String(segment('network').id)] });
    const token = /bekrafta\/([A-Za-z0-9_-]{43})/.exec((await mailsTo('leave1@example.org'))[0]!.textBody)![1]!;
    await new Client(t).submit(`/nyhetsbrev/bekrafta/${token}`, `/nyhetsbrev/bekrafta/${token}`, {});
    expect(await db.selectFrom('mailingSuppressions').select('leftAt').where('emailHash', '=', addressHash(key, 'leave1@example.org')).executeTakeFirst()).toBeUndefined();
  });

  it('invites an organisation’s editors with a confirmation each, passing over addresses that left', async () => {
    const org = await db.selectFrom('organisations').select(['id', 'name']).where('slug', '=', 'traffpunkt-oxhagen').executeTakeFirstOrThrow();
    for (const email of ['editor.one@example.org', 'editor.gone@example.org']) {
      await insertUser(db, { email, name: 'Redaktör', passwordHash: null, isAdmin: false, isGuide: false, isTranslator: false, organisationIds: [org.id] }, clock);
    }
    await db.insertInto('mailingSuppressions').values({ emailHash: addressHash(await mailingKey(db), 'editor.gone@example.org'), leftAt: clock.toISOString() }).execute();
    const network = segment('network').id;
    const bad = await admin.submit(`/admin/utskick/segment/${network}`, `/admin/utskick/segment/${network}/redaktorer`, { organisationId: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="field-organisationId-error"');
    const res = await admin.submit(`/admin/utskick/segment/${network}`, `/admin/utskick/segment/${network}/redaktorer`, { organisationId: String(org.id) });
    expect(res.statusCode).toBe(200);
    expect(visible(res.body)).toContain(`${org.name}: 1 inbjudna, 1 hoppades över.`);
    const [invite] = await mailsTo('editor.one@example.org');
    expect(invite!.purpose).toBe('mailing-confirm');
    expect(invite!.textBody).toContain('bjuder in dig som redaktör');
    expect(await mailsTo('editor.gone@example.org')).toEqual([]);
    expect(await db.selectFrom('mailingSubscribers').select('id').where('email', '=', 'editor.one@example.org').executeTakeFirst()).toBeUndefined();
  });

  it('never answers generated form bodies with a 500', async () => {
    const visitor = new Client(t);
    const token = /name="_csrf" value="([^"]+)"/.exec((await visitor.request('GET', '/nyhetsbrev')).body)![1]!;
    const adminToken = /name="_csrf" value="([^"]+)"/.exec((await admin.request('GET', '/admin/utskick/nytt')).body)![1]!;
    const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', '\u0000', '\u202e', '🙂', 'a@b.se', String(segment('network').id), 'x'.repeat(9000)));
    const value = fc.oneof(text, fc.array(text, { maxLength: 3 }));
    const body = fc.dictionary(fc.constantFrom('email', 'name', 'segments', 'website', 'segmentId', 'subject.sv', 'body.sv', 'subject.ar', 'body.en', 'audience', 'flags', 'organisationId', '__proto__', 'x'), value, { maxKeys: 6 });
    await fc.assert(
      fc.asyncProperty(body, async (form) => {
        for (const [client, url, csrf] of [
          [visitor, '/nyhetsbrev', token],
          [admin, '/admin/utskick/nytt', adminToken],
          [admin, '/admin/utskick/segment', adminToken],
          [admin, '/admin/utskick/sok-adress', adminToken],
        ] as const) {
          const res = await client.request('POST', url, { ...(form as Record<string, string | string[]>), _csrf: csrf });
          expect([200, 303, 400, 429, 503], `${url} ${JSON.stringify(form).slice(0, 200)}`).toContain(res.statusCode);
        }
      }),
      { numRuns: 25 },
    );
    await db.deleteFrom('mailingMessages').where('status', '=', 'draft').execute();
  }, 60_000);

  it('is the coordinator’s alone', async () => {
    expect((await new Client(t).request('GET', '/admin/utskick')).statusCode).toBe(303);
    const editor = await signedInClient(t, { organisationIds: [1] });
    expect((await editor.request('GET', '/admin/utskick')).statusCode).toBe(403);
    expect((await editor.request('GET', '/admin/volontarer')).statusCode).toBe(403);
    const token = /name="_csrf" value="([^"]+)"/.exec((await editor.request('GET', '/konto')).body)![1]!;
    expect((await editor.request('POST', '/admin/utskick/segment', { _csrf: token, audience: 'custom', name: 'Kapat' })).statusCode).toBe(403);
    expect(await db.selectFrom('mailingSegments').select('id').where('name', '=', 'Kapat').executeTakeFirst()).toBeUndefined();
  });
});

describe.skipIf(skipDatabase())(`list mail over SMTP on ${testDialect}`, () => {
  let server: TestSmtpServer;
  let t: TestApp;
  beforeAll(async () => {
    server = await startTestSmtpServer({ refuse: ['bounce@example.org'] });
    t = await createTestApp({ env: { SMTP_URL: server.url } });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await server?.close();
  });

  it('carries List-Unsubscribe and List-Unsubscribe-Post, whose link leaves in one click; a refused address counts a failure', async () => {
    const db = t.database.db;
    const { segmentId, ids } = await segmentWith(db, 'SMTP-listan', [{ email: 'ok@example.org' }, { email: 'bounce@example.org' }], FIXED_NOW);
    await queued(db, segmentId, FIXED_NOW);
    const result = await sendMailingBatch({ db, mailer: t.app.deps.mailer, publicUrl: PUBLIC_URL }, FIXED_NOW);
    expect(result).toMatchObject({ sent: 1, failed: 1 });
    const mail = server.received.find((m) => /^To: ok@example\.org/m.test(m))!.replace(/\r\n[ \t]+/g, ' ');
    const header = /^List-Unsubscribe: <http:\/\/tillsammans\.test(\/nyhetsbrev\/avsluta\/[^>]+)>/m.exec(mail);
    expect(header).not.toBeNull();
    expect(mail).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    expect(mail).toMatch(/^List-Id: <tillsammans\.tillsammans\.test>/im);
    const oneClick = await t.app.inject({ method: 'POST', url: header![1]!, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(oneClick.statusCode).toBe(200);
    expect(await db.selectFrom('mailingSubscribers').select('id').where('id', '=', ids.get('ok@example.org')!).executeTakeFirst()).toBeUndefined();
    const bounced = await db.selectFrom('mailingSubscribers').select(['failures', 'lastFailure']).where('id', '=', ids.get('bounce@example.org')!).executeTakeFirstOrThrow();
    expect(bounced.failures).toBe(1);
    expect(bounced.lastFailure).toContain('550');
  });
});
