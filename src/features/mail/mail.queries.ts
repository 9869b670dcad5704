/** Reads of the mail outbox other features use: the coordinator's pages of it. */
import type { Db } from '../../db/index.js';
import type { OutboxEntry, OutboxState } from './mail.js';

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
    transport: r.transport as OutboxState,
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
