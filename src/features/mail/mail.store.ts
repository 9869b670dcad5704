/** SQL for the mail outbox. */
import type { Db } from '../../db/index.js';
import type { MailMessage, MailTransportName, OutboxEntry } from './mail.js';

/** Records a message about to be sent (or, for the 'outbox' transport, only stored) and returns its id. */
export async function insertOutboxMessage(db: Db, message: MailMessage, transport: MailTransportName, now: Date): Promise<number> {
  const row = await db
    .insertInto('outbox')
    .values({
      toAddress: message.to,
      subject: message.subject,
      textBody: message.text,
      htmlBody: message.html ?? null,
      purpose: message.purpose,
      createdAt: now.toISOString(),
      sentAt: null,
      transport,
      error: null,
      subjectRef: message.subjectRef ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Notes that the SMTP server accepted the message. */
export async function markSent(db: Db, id: number, now: Date): Promise<void> {
  await db.updateTable('outbox').set({ sentAt: now.toISOString(), error: null }).where('id', '=', id).execute();
}

/** Notes why sending failed; `error` must already be free of credentials. */
export async function markFailed(db: Db, id: number, error: string): Promise<void> {
  await db.updateTable('outbox').set({ error }).where('id', '=', id).execute();
}

/** One page of the outbox, newest first. */
export async function listOutbox(db: Db, page: { limit: number; offset: number }): Promise<OutboxEntry[]> {
  const rows = await db
    .selectFrom('outbox')
    .selectAll()
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    to: r.toAddress,
    subject: r.subject,
    text: r.textBody,
    html: r.htmlBody,
    purpose: r.purpose,
    createdAt: r.createdAt,
    sentAt: r.sentAt,
    transport: r.transport as MailTransportName,
    error: r.error,
    subjectRef: r.subjectRef,
  }));
}

/** How many messages the outbox holds, for paging. */
export async function countOutbox(db: Db): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Deletes every outbox copy about `subjectRef` (a person's data going); returns how many. */
export async function deleteOutboxAbout(db: Db, subjectRef: string): Promise<number> {
  const result = await db.deleteFrom('outbox').where('subjectRef', '=', subjectRef).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Files the outbox copies about one subject under another (two cases of one person merged). */
export async function moveOutboxSubject(db: Db, from: string, to: string): Promise<void> {
  await db.updateTable('outbox').set({ subjectRef: to }).where('subjectRef', '=', from).execute();
}

/**
 * Deletes every message stored more than `days` days before `now`, whatever became of it: sent over
 * SMTP, kept only in the outbox (no mail server: such rows are never marked sent) or failed. The
 * outbox is a working copy for the coordinator, not an archive; returns how many went.
 */
export async function pruneOutbox(db: Db, now: Date, days: number): Promise<number> {
  if (!Number.isFinite(days) || days < 1) throw new RangeError(`Outbox retention must be at least one day, got ${days}`);
  const cutoff = new Date(now.getTime() - days * 864e5).toISOString();
  const result = await db.deleteFrom('outbox').where('createdAt', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
