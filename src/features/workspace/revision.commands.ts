/**
 * Every change to revisions, for the workspace's workflow, review and co-host and note handling, the
 * calendar import, the demo data and the clean-up job; a change of several rows runs in one transaction.
 */
import { inTransaction, type Db } from '../../db/index.js';
import {
  closeWaitingRevisions,
  deleteUnconfirmedExpired,
  insertRevisionRow,
  markOpenRevisionsSuperseded,
  updateRevisionRow,
  updateRevisionStatus,
  type NewRevision,
  type RevisionData,
  type RevisionStatus,
} from './revision.store.js';

/** Stores a revision; returns its id. */
export function insertRevision(db: Db, r: NewRevision, now: Date): Promise<number> {
  return insertRevisionRow(db, r, now);
}

/** Replaces an open revision's data and status (a resubmission after being sent back, a newer draft). */
export function updateRevision(
  db: Db,
  id: number,
  change: { data: RevisionData; status: RevisionStatus; createdBy: number | null; baseVersion?: string | null; tokenHash?: string | null; tokenExpiresAt?: string | null; message?: string | null },
  now: Date,
): Promise<void> {
  return updateRevisionRow(db, id, change, now);
}

/**
 * Closes or reopens a revision. Only when it is still in one of `from` (two coordinators deciding at
 * once: the second finds it decided); returns whether it changed. Closing clears its link.
 */
export function setRevisionStatus(
  db: Db,
  id: number,
  change: { from: readonly RevisionStatus[]; to: RevisionStatus; message?: string | null; decidedBy?: number | null },
  now: Date,
): Promise<boolean> {
  return updateRevisionStatus(db, id, change, now);
}

/** Closes every open revision of an entity (a direct save made them moot). */
export function supersedeRevisions(db: Db, entity: 'activity' | 'organisation', entityId: number, now: Date): Promise<void> {
  return markOpenRevisionsSuperseded(db, entity, entityId, now);
}

/** Closes what still waits about an activity that was deleted: its changes and notes, and requests to co-host it. */
export async function closeRevisionsOfActivity(db: Db, activityId: number, now: Date): Promise<void> {
  await inTransaction(db, async (trx) => {
    await closeWaitingRevisions(trx, ['activity', 'note'], activityId, 'superseded', now);
    await closeWaitingRevisions(trx, ['cohost'], activityId, 'withdrawn', now);
  });
}

/** Removes unconfirmed suggestions whose confirmation link expired: nobody ever saw them. */
export function deleteExpiredUnconfirmed(db: Db, now: Date): Promise<number> {
  return deleteUnconfirmedExpired(db, now);
}
