/**
 * Every change to a guide case: a new request, status and follow-up, notes, merging two cases and
 * erasing personal data (with the outbox copies of mail about the case), each write of several
 * statements in one transaction, the caller's when it gives one.
 */
import { inTransaction, type Db } from '../../db/index.js';
import { caseSubject, deleteOutboxAbout, moveOutboxSubject } from '../mail/index.js';
import { dueForErasure, dueForIdleErasure, monthsBefore, type CaseRequest, type GuideCase } from './case.js';
import * as store from './case.store.js';
import type { CaseUpdate } from './case.store.js';

/**
 * Stores a request as a case of its own (never joined to another: a guide merges cases that are one
 * person). Not wrapped in a transaction: the store draws a new reference when one collides, and a
 * PostgreSQL transaction cannot go on after the failed insert.
 */
export function submitCase(db: Db, r: CaseRequest, now: Date): Promise<{ case: GuideCase }> {
  return store.submitCase(db, r, now);
}

/** Changes a case's status, guide or follow-up date; the first step past 'new' is the first contact. */
export function updateCase(db: Db, c: GuideCase, u: CaseUpdate, now: Date): Promise<void> {
  return store.updateCase(db, c, u, now);
}

/** Adds a guide's note to a case, which counts as a change of the case. */
export async function addNote(db: Db, caseId: number, authorId: number, text: string, now: Date): Promise<void> {
  await inTransaction(db, async (trx) => {
    await store.insertNote(trx, caseId, authorId, text, now);
    await store.touchCase(trx, caseId, now);
  });
}

/** Erases a case's personal data and the outbox copies of mail about it, inside the caller's transaction. */
async function eraseWithin(trx: Db, caseId: number, now: Date): Promise<void> {
  await store.erasePersonalData(trx, caseId, now);
  await deleteOutboxAbout(trx, caseSubject(caseId));
}

/**
 * Empties every personal field of a case and deletes its notes, its referral answers and links, and
 * the copies of mail about it in the outbox; the rest (status, dates, interests, district, age group)
 * stays for anonymous statistics.
 */
export async function eraseCase(db: Db, caseId: number, now: Date): Promise<void> {
  await inTransaction(db, (trx) => eraseWithin(trx, caseId, now));
}

/** Erases every case closed longer ago than the retention period, each in its own transaction; returns their ids. */
export async function eraseExpiredCases(db: Db, now: Date, retentionMonths: number): Promise<number[]> {
  const erased: number[] = [];
  for (const c of await store.listClosedUnerased(db)) {
    if (dueForErasure(c, now, retentionMonths)) {
      await eraseCase(db, c.id, now);
      erased.push(c.id);
    }
  }
  return erased;
}

/**
 * Closes and erases every open case with no change and no referral for the retention period (a
 * request nobody took up, a person who stopped answering); statistics count it as closed without
 * joining. Each case in its own transaction; returns their ids.
 */
export async function eraseIdleCases(db: Db, now: Date, retentionMonths: number): Promise<number[]> {
  const candidates = await store.listIdleCandidates(db, monthsBefore(now, retentionMonths).toISOString());
  const erased: number[] = [];
  for (const c of candidates) {
    const last = [c.updatedAt, c.lastReferral, c.lastAnswer].filter((x): x is string => x !== null).sort().at(-1)!;
    if (!dueForIdleErasure(c, last, now, retentionMonths)) continue;
    await inTransaction(db, async (trx) => {
      await store.closeIdleCase(trx, c.id, now);
      await eraseWithin(trx, c.id, now);
    });
    erased.push(c.id);
  }
  return erased;
}

/**
 * Merges case `goneId` into case `keepId` (a guide's decision that they are one person): interests,
 * free times, notes, referrals, wishes and mail copies move to the kept case, whose own name and
 * contact stay (gaps filled from the other); the other is closed, marked as merged and erased. Both
 * must still be open and unerased; returns false (and changes nothing) otherwise.
 */
export async function mergeCases(db: Db, keepId: number, goneId: number, now: Date): Promise<boolean> {
  if (keepId === goneId) return false;
  const notMergeable = new Error('not mergeable');
  try {
    await inTransaction(db, async (trx) => {
      // Both rows are claimed first, in id order: two guides merging the same pair either way round
      // wait for each other, and the second finds a case already merged and changes nothing.
      for (const id of [keepId, goneId].sort((a, b) => a - b)) {
        if (!(await store.claimForMerge(trx, id, now))) throw notMergeable;
      }
      const keep = (await store.findCase(trx, keepId))!;
      const gone = (await store.findCase(trx, goneId))!;
      await store.moveCaseInto(trx, keep, gone, now);
      await moveOutboxSubject(trx, caseSubject(gone.id), caseSubject(keep.id));
      await store.closeMergedCase(trx, gone.id, keep.id, now);
      await eraseWithin(trx, gone.id, now);
    });
    return true;
  } catch (error) {
    if (error === notMergeable) return false;
    throw error;
  }
}
