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
