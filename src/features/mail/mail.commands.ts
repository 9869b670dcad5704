/** Changes to the outbox other features make: erasing the copies about a person, merging two subjects, the retention job. */
import type { Db } from '../../db/index.js';
import { deleteOutboxBySubject, deleteOutboxCreatedBefore, updateOutboxSubject } from './mail.store.js';

/** Deletes every outbox copy about `subjectRef` (a person's data going); returns how many. */
export function deleteOutboxAbout(db: Db, subjectRef: string): Promise<number> {
  return deleteOutboxBySubject(db, subjectRef);
}

/** Files the outbox copies about one subject under another (two cases of one person merged). */
export function moveOutboxSubject(db: Db, from: string, to: string): Promise<void> {
  return updateOutboxSubject(db, from, to);
}

/**
 * Deletes every message stored more than `days` days before `now`, whatever became of it: sent over
 * SMTP, kept only in the outbox (no mail server: such rows are never marked sent) or failed. The
 * outbox is a working copy for the coordinator, not an archive; returns how many went.
 */
export async function pruneOutbox(db: Db, now: Date, days: number): Promise<number> {
  if (!Number.isFinite(days) || days < 1) throw new RangeError(`Outbox retention must be at least one day, got ${days}`);
  return deleteOutboxCreatedBefore(db, new Date(now.getTime() - days * 864e5).toISOString());
}
