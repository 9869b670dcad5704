/**
 * Sends mail over SMTP (nodemailer) when SMTP_URL is set; without it, stores each message in the outbox
 * and prints it to the log, so the application runs with no mail server. Either way the outbox table
 * keeps a copy of every message for the admin.
 */
import nodemailer from 'nodemailer';
import type { Db } from '../../db/index.js';
import { formatForLog, isValidEmailAddress, MailError, redactCredentials, type MailMessage, type MailTransportName } from './mail.js';
import { claimQueued, insertOutboxMessage, markAttemptFailed, markDelivered, markFailed, markSent } from './mail.store.js';

/** The two levels the mailer logs at; a Fastify or pino logger fits. */
export interface MailLog {
  info(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

export interface MailerOptions {
  /**
   * `smtp://[user:pass@]host[:port]` or `smtps://...` (TLS from the first byte, port 465). Query
   * parameters set further nodemailer options, e.g. `?connectionTimeout=30000`. Absent: outbox only.
   */
  smtpUrl?: string | undefined;
  /** The From header, e.g. `Tillsammans <noreply@example.se>`. */
  from: string;
  db: Db;
  log: MailLog;
  now: () => Date;
}

export interface Mailer {
  /** Which way `send` delivers. */
  readonly transport: MailTransportName;
  /**
   * Sends one message (or stores it, without SMTP) and records it in the outbox. Rejects with a
   * MailError: 'mail.invalidAddress' before anything is stored, 'mail.sendFailed' when the SMTP server
   * could not be reached or refused the message (the outbox row then holds the reason).
   */
  send(message: MailMessage): Promise<{ delivered: MailTransportName; outboxId: number }>;
  /**
   * Puts a message in the outbox queue through `db` (a transaction: the message exists only if it
   * commits); `deliverQueued` sends it. Rejects with 'mail.invalidAddress' before anything is stored.
   */
  queue(db: Db, message: MailMessage): Promise<number>;
  /** Sends queued messages that are due (at most `limit`), each by one instance; returns how many went out. */
  deliverQueued(limit?: number): Promise<number>;
  /** Closes the SMTP connection; call at shutdown. */
  close(): Promise<void>;
}

/**
 * Shorter than nodemailer's defaults (2 min to connect, 10 min of socket silence): a person waiting for a
 * sign-in link should hear within seconds that mail is down. The URL's query can override them.
 */
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

/** Builds the mailer; does not connect until the first message. */
export function createMailer(options: MailerOptions): Mailer {
  const { smtpUrl, db, log, now } = options;
  const queue = async (trx: Db, message: MailMessage) => {
    assertValidRecipient(message);
    return insertOutboxMessage(trx, message, 'queued', now());
  };
  /** Sends due queued messages with `deliver`; a failure is tried again later (RETRY_MINUTES) and never stops the rest. */
  const deliverQueuedWith = async (deliver: (message: MailMessage) => Promise<MailTransportName>, limit: number) => {
    let sent = 0;
    for (const message of await claimQueued(db, now(), limit)) {
      try {
        await markDelivered(db, message.id, await deliver(message), now());
        sent++;
      } catch (error) {
        const reason = smtpUrl ? redactCredentials(describeSmtpError(error), smtpUrl) : describeSmtpError(error);
        const again = await markAttemptFailed(db, message.id, message.attempts, reason, now());
        log.error({ outboxId: message.id, purpose: message.purpose, again }, `Queued mail could not be sent: ${reason}`);
      }
    }
    return sent;
  };

  if (!smtpUrl) {
    const store = (outboxId: number, message: MailMessage) => log.info({ outboxId, purpose: message.purpose }, formatForLog(message));
    return {
      transport: 'outbox',
      async send(message) {
        assertValidRecipient(message);
        const outboxId = await insertOutboxMessage(db, message, 'outbox', now());
        store(outboxId, message);
        return { delivered: 'outbox', outboxId };
      },
      queue,
      deliverQueued: (limit = 50) =>
        deliverQueuedWith(async (message) => {
          store((message as MailMessage & { id: number }).id, message);
          return 'outbox';
        }, limit),
      async close() {},
    };
  }

  const parsed = URL.canParse(smtpUrl) ? new URL(smtpUrl) : undefined;
  // The URL is not echoed: it may carry a password.
  if (!parsed || (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') || !parsed.hostname) {
    throw new Error('The SMTP URL must be smtp://host[:port] or smtps://host[:port]');
  }
  const transporter = nodemailer.createTransport(
    // Message fields are our own strings; never let them pull in files or URLs as content.
    { url: smtpUrl, ...TIMEOUTS, disableFileAccess: true, disableUrlAccess: true },
    { from: options.from },
  );

  const transmit = (message: MailMessage) =>
    transporter.sendMail({
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.html === undefined ? {} : { html: message.html }),
      ...(message.headers === undefined ? {} : { headers: message.headers }),
    });

  return {
    transport: 'smtp',
    queue,
    deliverQueued: (limit = 50) =>
      deliverQueuedWith(async (message) => {
        await transmit(message);
        return 'smtp';
      }, limit),
    async send(message) {
      assertValidRecipient(message);
      const outboxId = await insertOutboxMessage(db, message, 'smtp', now());
      try {
        await transmit(message);
      } catch (error) {
        const reason = redactCredentials(describeSmtpError(error), smtpUrl);
        const smtpCode = smtpResponseCode(error);
        try {
          await markFailed(db, outboxId, reason);
        } catch (storeError) {
          // The failure to send is what the caller must hear about; the lost note only goes to the log.
          log.error({ outboxId, storeError: redactCredentials(describeSmtpError(storeError), smtpUrl) }, 'Could not record a mail failure');
        }
        log.error({ outboxId, purpose: message.purpose, smtpCode }, `Mail could not be sent: ${reason}`);
        throw new MailError('mail.sendFailed', `Mail could not be sent: ${reason}`, {
          outboxId,
          ...(smtpCode === undefined ? {} : { smtpCode }),
        });
      }
      await markSent(db, outboxId, now());
      log.info({ outboxId, purpose: message.purpose }, 'Mail sent');
      return { delivered: 'smtp', outboxId };
    },
    async close() {
      transporter.close();
    },
  };
}

function assertValidRecipient(message: MailMessage): void {
  if (!isValidEmailAddress(message.to)) {
    throw new MailError('mail.invalidAddress', 'The recipient is not a valid email address');
  }
}

/** nodemailer's code (EENVELOPE, EAUTH, ECONNECTION, ...) and message, e.g. "EENVELOPE: ... 550 No such user". */
function describeSmtpError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && !error.message.startsWith(code) ? `${code}: ${error.message}` : error.message;
}

function smtpResponseCode(error: unknown): number | undefined {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' ? code : undefined;
}
