/** Mail end to end: into the outbox without SMTP, and through a real SMTP server started here, on both databases. */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countOutbox, createMailer, deleteOutboxAbout, listOutbox, MailError, moveOutboxSubject, pruneOutbox, type MailLog, type MailMessage } from '../../src/features/mail/index.js';
import { createTestDatabase, skipDatabase, testDialect, type TestDatabase } from '../support/db.js';

const NOW = new Date('2026-11-26T09:00:00.000Z');
const LINK = 'https://tillsammans.test/logga-in/lank/abc123';
const FROM = 'Tillsammans <noreply@tillsammans.test>';

function signInMessage(overrides: Partial<MailMessage> = {}): MailMessage {
  return {
    to: 'åsa.öberg@example.se',
    subject: 'Logga in på Tillsammans – länk för Åsa',
    text: `Hej Åsa!\n\nÖppna länken för att logga in. Den gäller i 15 minuter och går bara att använda en gång:\n${LINK}\n\nHar du inte bett om att logga in kan du strunta i det här brevet.\n`,
    purpose: 'signin',
    ...overrides,
  };
}

/** A log that remembers every call. */
function recordingLog(): MailLog & { calls: { level: 'info' | 'error'; obj: Record<string, unknown>; msg: string }[] } {
  const calls: { level: 'info' | 'error'; obj: Record<string, unknown>; msg: string }[] = [];
  return {
    calls,
    info: (obj, msg) => calls.push({ level: 'info', obj, msg }),
    error: (obj, msg) => calls.push({ level: 'error', obj, msg }),
  };
}

interface Received {
  from: string | undefined;
  to: string[];
  raw: Buffer;
}

const servers: SMTPServer[] = [];

/** A real SMTP server on 127.0.0.1 (plain text, no STARTTLS) that keeps every message it accepts. */
async function startSmtpServer(options: Partial<SMTPServerOptions> = {}): Promise<{ port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const from = session.envelope.mailFrom;
        received.push({ from: from ? from.address : undefined, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
    ...options,
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.server.address() as AddressInfo).port, received };
}

describe.skipIf(skipDatabase())(`mail on ${testDialect}`, () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    for (const server of servers.splice(0)) await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.dispose();
  });

  it('without SMTP stores the message in the outbox and prints it, link included, to the log', async () => {
    const log = recordingLog();
    const mailer = createMailer({ from: FROM, db: database.db, log, now: () => NOW });
    expect(mailer.transport).toBe('outbox');

    const result = await mailer.send(signInMessage({ html: `<p><a href="${LINK}">Logga in</a></p>` }));

    expect(result.delivered).toBe('outbox');
    expect(await countOutbox(database.db)).toBe(1);
    const [row] = await listOutbox(database.db, { limit: 10, offset: 0 });
    expect(row).toEqual({
      id: result.outboxId,
      to: 'åsa.öberg@example.se',
      subject: 'Logga in på Tillsammans – länk för Åsa',
      text: signInMessage().text,
      html: `<p><a href="${LINK}">Logga in</a></p>`,
      purpose: 'signin',
      createdAt: '2026-11-26T09:00:00.000Z',
      sentAt: null,
      transport: 'outbox',
      error: null,
      subjectRef: null,
    });
    expect(log.calls).toHaveLength(1);
    expect(log.calls[0]!.level).toBe('info');
    expect(log.calls[0]!.obj).toMatchObject({ outboxId: result.outboxId, purpose: 'signin' });
    expect(log.calls[0]!.msg).toContain('Mail to åsa.öberg@example.se (signin)');
    expect(log.calls[0]!.msg).toContain('Subject: Logga in på Tillsammans – länk för Åsa');
    expect(log.calls[0]!.msg).toContain(`Den gäller i 15 minuter och går bara att använda en gång:\n${LINK}\n`);
    await mailer.close();
  });

  it('without SMTP logs only the purpose of a message about a person, never its recipient, text or link', async () => {
    const log = recordingLog();
    const mailer = createMailer({ from: FROM, db: database.db, log, now: () => NOW });
    await mailer.send(signInMessage({ to: 'forening@example.se', subject: 'Ny deltagare (referens K7-4F2Q)', purpose: 'referral', subjectRef: 'case:7' }));
    const [row] = await listOutbox(database.db, { limit: 10, offset: 0 });
    expect(row!.subjectRef).toBe('case:7');
    expect(row!.text).toContain(LINK);
    const logged = JSON.stringify(log.calls);
    for (const secret of ['forening@example.se', 'K7-4F2Q', 'Åsa', LINK, 'abc123']) expect(logged).not.toContain(secret);
    expect(log.calls[0]!.msg).toContain('referral');
    expect(log.calls[0]!.msg).toContain('case:7');
  });

  it('deletes the copies about one subject, and files them under another when two merge', async () => {
    const mailer = createMailer({ from: FROM, db: database.db, log: recordingLog(), now: () => NOW });
    await mailer.send(signInMessage({ subjectRef: 'case:1' }));
    await mailer.send(signInMessage({ subjectRef: 'case:1' }));
    await mailer.send(signInMessage({ subjectRef: 'case:2' }));
    await mailer.send(signInMessage());
    await moveOutboxSubject(database.db, 'case:2', 'case:3');
    expect(await deleteOutboxAbout(database.db, 'case:1')).toBe(2);
    const left = await listOutbox(database.db, { limit: 10, offset: 0 });
    expect(left.map((m) => m.subjectRef).sort()).toEqual(['case:3', null]);
    expect(await deleteOutboxAbout(database.db, 'case:2')).toBe(0);
  });

  it('prunes every message older than the retention period, sent, outbox-only or failed, and keeps the newer', async () => {
    const at = (iso: string) => createMailer({ from: FROM, db: database.db, log: recordingLog(), now: () => new Date(iso) });
    await at('2026-10-01T09:00:00.000Z').send(signInMessage({ subject: 'old outbox-only' }));
    await at('2026-10-27T08:59:59.000Z').send(signInMessage({ subject: 'just too old' }));
    await at('2026-10-27T09:00:00.000Z').send(signInMessage({ subject: 'exactly 30 days' }));
    await at('2026-11-20T09:00:00.000Z').send(signInMessage({ subject: 'recent' }));
    const [failed] = await listOutbox(database.db, { limit: 1, offset: 3 });
    await database.db.updateTable('outbox').set({ transport: 'smtp', error: '550 No such user', sentAt: null }).where('id', '=', failed!.id).execute();
    expect(await pruneOutbox(database.db, NOW, 30)).toBe(2);
    expect((await listOutbox(database.db, { limit: 10, offset: 0 })).map((m) => m.subject)).toEqual(['recent', 'exactly 30 days']);
    expect(await pruneOutbox(database.db, NOW, 30)).toBe(0);
    expect(await pruneOutbox(database.db, NOW, 1)).toBe(2);
    await expect(pruneOutbox(database.db, NOW, 0)).rejects.toThrow(RangeError);
  });

  it('refuses an invalid recipient before storing anything', async () => {
    const mailer = createMailer({ from: FROM, db: database.db, log: recordingLog(), now: () => NOW });
    const error = await mailer.send(signInMessage({ to: 'åsa@example.se\nBcc: alla@example.se' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailError);
    expect((error as MailError).code).toBe('mail.invalidAddress');
    expect(await countOutbox(database.db)).toBe(0);
  });

  it('lists the outbox newest first, a page at a time', async () => {
    let clock = new Date('2026-11-26T08:00:00.000Z');
    const mailer = createMailer({ from: FROM, db: database.db, log: recordingLog(), now: () => clock });
    for (const name of ['Ali', 'Beata', 'Chen']) {
      await mailer.send(signInMessage({ to: `${name.toLowerCase()}@example.se`, subject: `Till ${name}` }));
      clock = new Date(clock.getTime() + 60_000);
    }
    expect(await countOutbox(database.db)).toBe(3);
    expect((await listOutbox(database.db, { limit: 2, offset: 0 })).map((m) => m.subject)).toEqual(['Till Chen', 'Till Beata']);
    expect((await listOutbox(database.db, { limit: 2, offset: 2 })).map((m) => m.subject)).toEqual(['Till Ali']);
  });

  it('sends through a real SMTP server: subject, recipient, Swedish letters and the link read back', async () => {
    const smtp = await startSmtpServer();
    const log = recordingLog();
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: FROM, db: database.db, log, now: () => NOW });
    expect(mailer.transport).toBe('smtp');

    const result = await mailer.send(signInMessage());
    await mailer.close();

    expect(result.delivered).toBe('smtp');
    expect(smtp.received).toHaveLength(1);
    const envelope = smtp.received[0]!;
    expect(envelope.from).toBe('noreply@tillsammans.test');
    expect(envelope.to).toEqual(['åsa.öberg@example.se']);

    const parsed = await simpleParser(envelope.raw);
    expect(parsed.subject).toBe('Logga in på Tillsammans – länk för Åsa');
    const to = Array.isArray(parsed.to) ? parsed.to : [parsed.to];
    expect(to.flatMap((a) => a?.value ?? []).map((a) => a.address)).toEqual(['åsa.öberg@example.se']);
    expect(parsed.from?.value[0]).toMatchObject({ name: 'Tillsammans', address: 'noreply@tillsammans.test' });
    expect(parsed.text).toContain('Hej Åsa!');
    expect(parsed.text).toContain('Öppna länken för att logga in. Den gäller i 15 minuter och går bara att använda en gång:');
    const link = parsed.text?.match(/https:\/\/tillsammans\.test\/logga-in\/lank\/\S+/)?.[0];
    expect(link).toBe(LINK);

    const [row] = await listOutbox(database.db, { limit: 1, offset: 0 });
    expect(row).toMatchObject({ id: result.outboxId, transport: 'smtp', sentAt: '2026-11-26T09:00:00.000Z', error: null });
    expect(log.calls.map((c) => c.level)).toEqual(['info']);
  });

  it('reports a refused recipient as mail.sendFailed, records why, and never shows the SMTP password', async () => {
    const logins: string[] = [];
    const smtp = await startSmtpServer({
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        logins.push(`${auth.username}:${auth.password}`);
        callback(null, { user: auth.username });
      },
      // Echoes the login in its refusal, as a careless server might: the test then fails if redaction breaks.
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error(`5.1.1 Mailbox unavailable (login ${logins.join(', ')})`), { responseCode: 550 }));
      },
    });
    const log = recordingLog();
    const mailer = createMailer({ smtpUrl: `smtp://user:secret@127.0.0.1:${smtp.port}`, from: FROM, db: database.db, log, now: () => NOW });

    const error = await mailer.send(signInMessage()).catch((e: unknown) => e);
    await mailer.close();

    expect(logins).toEqual(['user:secret']);
    expect(smtp.received).toHaveLength(0);
    expect(error).toBeInstanceOf(MailError);
    const mailError = error as MailError;
    expect(mailError.code).toBe('mail.sendFailed');
    expect(mailError.details.smtpCode).toBe(550);
    expect(mailError.message).toContain('Mailbox unavailable');
    expect(mailError.message).toContain('(login user:[redacted])');
    expect(mailError.message).not.toContain('secret');

    const [row] = await listOutbox(database.db, { limit: 1, offset: 0 });
    expect(row).toMatchObject({ id: mailError.details.outboxId, transport: 'smtp', sentAt: null });
    expect(row!.error).toContain('550');
    expect(row!.error).not.toContain('secret');
    expect(log.calls.map((c) => c.level)).toEqual(['error']);
    expect(JSON.stringify(log.calls)).not.toContain('secret');
  });

  it('reports an unreachable server as mail.sendFailed without the password', async () => {
    const smtp = await startSmtpServer();
    // Close it again: the port is now known to refuse connections.
    for (const server of servers.splice(0)) await new Promise<void>((resolve) => server.close(() => resolve()));
    const mailer = createMailer({
      smtpUrl: `smtp://user:s3cr%C3%A9t@127.0.0.1:${smtp.port}`,
      from: FROM,
      db: database.db,
      log: recordingLog(),
      now: () => NOW,
    });

    const error = await mailer.send(signInMessage()).catch((e: unknown) => e);
    await mailer.close();

    expect((error as MailError).code).toBe('mail.sendFailed');
    expect((error as MailError).message).not.toMatch(/s3cr/);
    const [row] = await listOutbox(database.db, { limit: 1, offset: 0 });
    expect(row!.error).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
    expect(row!.error).not.toMatch(/s3cr/);
  });

  it('queues mail in a transaction: nothing is sent when it rolls back, and it goes out once it commits', async () => {
    const mailer = createMailer({ from: FROM, db: database.db, log: recordingLog(), now: () => NOW });
    await expect(
      database.db.transaction().execute(async (trx) => {
        await mailer.queue(trx, signInMessage({ subject: 'Rolled back' }));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await countOutbox(database.db)).toBe(0);
    await database.db.transaction().execute((trx) => mailer.queue(trx, signInMessage({ subject: 'Committed' })));
    expect((await listOutbox(database.db, { limit: 5, offset: 0 }))[0]).toMatchObject({ subject: 'Committed', transport: 'queued' });
    expect(await mailer.deliverQueued()).toBe(1);
    expect((await listOutbox(database.db, { limit: 5, offset: 0 }))[0]).toMatchObject({ subject: 'Committed', transport: 'outbox' });
    expect(await mailer.deliverQueued()).toBe(0);
    await expect(database.db.transaction().execute((trx) => mailer.queue(trx, signInMessage({ to: 'not an address' })))).rejects.toThrow(MailError);
  });

  it('tries queued mail again after a growing wait while the server fails, and sends it once it answers', async () => {
    let clock = NOW;
    let refuse = true;
    const smtp = await startSmtpServer({
      onRcptTo(_address, _session, callback) {
        callback(refuse ? Object.assign(new Error('Try again later'), { responseCode: 451 }) : undefined);
      },
    });
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: FROM, db: database.db, log: recordingLog(), now: () => clock });
    await mailer.queue(database.db, signInMessage());
    expect(await mailer.deliverQueued()).toBe(0);
    let [row] = await database.db.selectFrom('outbox').select(['transport', 'attempts', 'nextAttemptAt', 'error']).execute();
    expect(row).toMatchObject({ transport: 'queued', attempts: 1, nextAttemptAt: new Date(NOW.getTime() + 60_000).toISOString() });
    expect(row!.error).toContain('451');
    // Not due yet: nothing is tried.
    expect(await mailer.deliverQueued()).toBe(0);
    expect((await database.db.selectFrom('outbox').select('attempts').executeTakeFirstOrThrow()).attempts).toBe(1);
    refuse = false;
    clock = new Date(NOW.getTime() + 61_000);
    expect(await mailer.deliverQueued()).toBe(1);
    [row] = await database.db.selectFrom('outbox').select(['transport', 'attempts', 'nextAttemptAt', 'error', 'sentAt']).execute();
    expect(row).toMatchObject({ transport: 'smtp', attempts: 2, nextAttemptAt: null, error: null, sentAt: clock.toISOString() });
    expect(smtp.received).toHaveLength(1);
    await mailer.close();
  });

  it('gives a queued message up after the last try, and two senders never send one message twice', async () => {
    let clock = NOW;
    const smtp = await startSmtpServer({
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 450 }));
      },
    });
    const a = createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: FROM, db: database.db, log: recordingLog(), now: () => clock });
    const b = createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: FROM, db: database.db, log: recordingLog(), now: () => clock });
    await a.queue(database.db, signInMessage());
    for (let i = 0; i < 10; i++) {
      await Promise.all([a.deliverQueued(), b.deliverQueued()]);
      clock = new Date(clock.getTime() + 5 * 3600_000);
    }
    const row = await database.db.selectFrom('outbox').select(['transport', 'attempts', 'nextAttemptAt']).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ transport: 'smtp', attempts: 6, nextAttemptAt: null });
    await a.close();
    await b.close();
  });
});
