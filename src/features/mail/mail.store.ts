/** SQL that writes the mail outbox: messages stored or queued, claimed, marked sent or failed, moved and deleted. */
import type { Db } from '../../db/index.js';
import type { MailMessage, MailTransportName } from './mail.js';

/** Records a message about to be sent (or, for the 'outbox' transport, only stored) and returns its id. */
export async function insertOutboxMessage(db: Db, message: MailMessage, transport: MailTransportName | 'queued', now: Date): Promise<number> {
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

/** Waits before the next attempt after 1, 2, … failures; after the last, the message has failed for good. */
export const RETRY_MINUTES = [1, 5, 15, 60, 240] as const;
/** How long a claimed message may take to send before another instance may try it. */
const CLAIM_MINUTES = 10;

/**
 * Claims up to `limit` queued messages that are due (and any whose sender vanished mid-send) for
 * this instance: each is taken by one conditional update, so two instances never send the same one.
 */
export async function claimQueued(db: Db, now: Date, limit: number): Promise<(MailMessage & { id: number; attempts: number })[]> {
  const stamp = now.toISOString();
  const due = await db
    .selectFrom('outbox')
    .select('id')
    .where((eb) => eb.or([eb('transport', '=', 'queued'), eb('transport', '=', 'sending')]))
    .where((eb) => eb.or([eb('nextAttemptAt', 'is', null), eb('nextAttemptAt', '<=', stamp)]))
    .orderBy('id')
    .limit(limit)
    .execute();
  const claimed: (MailMessage & { id: number; attempts: number })[] = [];
  const until = new Date(now.getTime() + CLAIM_MINUTES * 60_000).toISOString();
  for (const { id } of due) {
    const taken = await db
      .updateTable('outbox')
      .set({ transport: 'sending', nextAttemptAt: until })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('transport', '=', 'queued'), eb('transport', '=', 'sending')]))
      .where((eb) => eb.or([eb('nextAttemptAt', 'is', null), eb('nextAttemptAt', '<=', stamp)]))
      .returning(['id', 'toAddress', 'subject', 'textBody', 'htmlBody', 'purpose', 'subjectRef', 'attempts'])
      .executeTakeFirst();
    if (!taken) continue;
    claimed.push({
      id: taken.id,
      to: taken.toAddress,
      subject: taken.subject,
      text: taken.textBody,
      ...(taken.htmlBody === null ? {} : { html: taken.htmlBody }),
      purpose: taken.purpose,
      ...(taken.subjectRef === null ? {} : { subjectRef: taken.subjectRef }),
      attempts: Number(taken.attempts),
    });
  }
  return claimed;
}

/** A claimed message went out (over SMTP, or into the outbox without a server). */
export async function markDelivered(db: Db, id: number, transport: MailTransportName, now: Date): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ transport, sentAt: transport === 'smtp' ? now.toISOString() : null, error: null, nextAttemptAt: null, attempts: (eb) => eb('attempts', '+', 1) })
    .where('id', '=', id)
    .execute();
}

/** A claimed message failed: queued again after a growing wait, or failed for good after the last try. Returns whether it will be tried again. */
export async function markAttemptFailed(db: Db, id: number, attempts: number, error: string, now: Date): Promise<boolean> {
  const wait = RETRY_MINUTES[attempts];
  await db
    .updateTable('outbox')
    .set({
      transport: wait === undefined ? 'smtp' : 'queued',
      nextAttemptAt: wait === undefined ? null : new Date(now.getTime() + wait * 60_000).toISOString(),
      attempts: attempts + 1,
      error,
    })
    .where('id', '=', id)
    .execute();
  return wait !== undefined;
}

/** Notes that the SMTP server accepted the message. */
export async function markSent(db: Db, id: number, now: Date): Promise<void> {
  await db.updateTable('outbox').set({ sentAt: now.toISOString(), error: null }).where('id', '=', id).execute();
}

/** Notes why sending failed; `error` must already be free of credentials. */
export async function markFailed(db: Db, id: number, error: string): Promise<void> {
  await db.updateTable('outbox').set({ error }).where('id', '=', id).execute();
}

/** Deletes every outbox row about `subjectRef`; returns how many. */
export async function deleteOutboxBySubject(db: Db, subjectRef: string): Promise<number> {
  const result = await db.deleteFrom('outbox').where('subjectRef', '=', subjectRef).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Files the outbox rows about one subject under another. */
export async function updateOutboxSubject(db: Db, from: string, to: string): Promise<void> {
  await db.updateTable('outbox').set({ subjectRef: to }).where('subjectRef', '=', from).execute();
}

/** Deletes every outbox row stored before `cutoff` (an ISO instant), whatever became of it; returns how many. */
export async function deleteOutboxCreatedBefore(db: Db, cutoff: string): Promise<number> {
  const result = await db.deleteFrom('outbox').where('createdAt', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
