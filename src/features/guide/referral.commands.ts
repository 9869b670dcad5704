/** Referrals: a guide sends a person to an activity (the case counts as referred), and the organisation's one answer. */
import { inTransaction, type Db } from '../../db/index.js';
import type { GuideCase } from './case.js';
import { updateCase } from './case.store.js';
import * as store from './referral.store.js';
import type { NewReferral } from './referral.store.js';

/** Stores a referral and marks its case as referred, in one transaction; returns the referral's id. */
export async function referCase(db: Db, c: GuideCase, r: NewReferral, now: Date): Promise<number> {
  return inTransaction(db, async (trx) => {
    const id = await store.insertReferral(trx, r, now);
    await updateCase(trx, c, { status: 'referred' }, now);
    return id;
  });
}

/**
 * Stores the organisation's answer once: only a referral still 'sent' changes, so two answers
 * racing each other leave the first. Returns whether this one was stored.
 */
export function answerReferral(db: Db, id: number, a: { status: 'welcomed' | 'declined'; message: string | null }, now: Date): Promise<boolean> {
  return store.answerReferral(db, id, a, now);
}
