/**
 * Every change the mailing list's pages make: segments, requests and their confirmation, erasing and
 * resuming subscribers, drafts and starting to send one. A change of several rows runs in one
 * transaction, the caller's when it gives one.
 */
import { inTransaction, type Db } from '../../db/index.js';
import * as store from './mailing.store.js';
import type { NewRequest } from './mailing.store.js';
import type { MessageTexts, SegmentInput } from './mailing.js';

export function insertSegment(db: Db, s: SegmentInput, now: Date): Promise<number> {
  return store.insertSegment(db, s, now);
}

export function updateSegment(db: Db, id: number, s: SegmentInput, now: Date): Promise<void> {
  return store.updateSegment(db, id, s, now);
}

export function insertRequest(db: Db, r: NewRequest, now: Date): Promise<number> {
  return store.insertRequest(db, r, now);
}

/**
 * Confirms a request: deletes it (its link works once), makes or finds the subscriber, adds the
 * segments that still exist, and forgets that the address once left. Undefined when the link was
 * used or expired meanwhile.
 */
export async function confirmRequest(db: Db, tokenHash: string, emailHash: (email: string) => string, now: Date): Promise<{ subscriberId: number; requestId: number; segmentIds: number[] } | undefined> {
  return inTransaction(db, async (trx) => {
    const request = await store.findLiveRequest(trx, tokenHash, now);
    if (!request || !(await store.deleteRequest(trx, request.id))) return undefined;
    const subscriberId = await store.upsertSubscriber(trx, request, now);
    const segmentIds = await store.existingSegmentIds(trx, request.segmentIds);
    await store.addMemberships(trx, subscriberId, segmentIds, now);
    await store.deleteSuppression(trx, emailHash(request.email));
    return { subscriberId, requestId: request.id, segmentIds };
  });
}

/**
 * Erases a subscriber: deliveries still waiting are skipped, the row and its memberships go, and
 * only the keyed hash of the address is kept, with the date it left.
 */
export async function eraseSubscriber(db: Db, id: number, emailHash: string, now: Date): Promise<void> {
  await inTransaction(db, async (trx) => {
    await store.skipQueuedDeliveries(trx, id);
    await store.deleteSubscriber(trx, id);
    await store.insertSuppression(trx, emailHash, now);
  });
}

/** Gives a paused address another chance. */
export function resumeSubscriber(db: Db, id: number): Promise<boolean> {
  return store.resumeSubscriber(db, id);
}

export function insertMessage(db: Db, m: { segmentId: number; texts: MessageTexts; createdBy: number | null }, now: Date): Promise<number> {
  return store.insertMessage(db, m, now);
}

/** Changes a draft; false when it is no longer one. */
export function updateDraft(db: Db, id: number, m: { segmentId: number; texts: MessageTexts }, now: Date): Promise<boolean> {
  return store.updateDraft(db, id, m, now);
}

/**
 * Starts sending a draft: records one queued delivery per active member of its segment (the list as
 * it is now) and marks it sending. Undefined when it was not a draft (sent twice from two tabs).
 */
export async function queueMessage(db: Db, id: number, now: Date): Promise<number | undefined> {
  return inTransaction(db, async (trx) => {
    if (!(await store.claimDraft(trx, id, now))) return undefined;
    const n = await store.insertDeliveries(trx, id);
    await store.setRecipients(trx, id, n);
    return n;
  });
}
