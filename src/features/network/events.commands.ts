/**
 * Every change to sign-ups: a date's settings (opening, changing, closing), signing up, cancelling by
 * link, check-in and erasure. Taking a place and freeing one (with the promotion it brings) each run
 * in one transaction that first locks the date's settings row, so two people never get the last place.
 */
import { inTransaction, type Db } from '../../db/index.js';
import { hashSecret } from '../accounts/index.js';
import * as store from './events.store.js';
import type { Signup } from './events.store.js';
import { placeFor, type SignupInput, type SignupSettings } from './signup.js';

export type SignUpResult =
  | { kind: 'created'; signup: Signup; token: string; position: number }
  /** The address is already on this date's list (confirmed or waiting): nothing new is stored. */
  | { kind: 'duplicate'; signup: Signup; token: string; position: number }
  /** Sign-up was turned off between the form and the sending. */
  | { kind: 'closed' };

/**
 * Saves a date's settings (insert or update) and, since a larger capacity frees places, moves people
 * up from the waiting list in the same transaction. Returns those promoted, for their mails.
 */
export async function saveSettings(db: Db, s: SignupSettings, now: Date): Promise<Signup[]> {
  return inTransaction(db, async (trx) => {
    await store.upsertSettings(trx, s, now);
    return store.promoteWaiting(trx, s.activityId, s.date, s.capacity, now);
  });
}

/** Turns sign-up off for a date: the form closes; who signed up stays on the organiser's list. */
export function deleteSettings(db: Db, activityId: number, date: string): Promise<void> {
  return store.deleteSettings(db, activityId, date);
}

/**
 * Signs someone up for a date: a place while there is one, else the waiting list; the same address
 * twice gets the sign-up it already has. The checks of the deadline and the date are the caller's
 * (they need the schedule); capacity is counted here under the lock.
 */
export async function signUp(
  db: Db,
  p: { activityId: number; date: string; input: SignupInput; language: string; attendeeKey: string },
  now: Date,
): Promise<SignUpResult> {
  return inTransaction(db, async (trx): Promise<SignUpResult> => {
    const settings = await store.lockedSettings(trx, p.activityId, p.date);
    if (!settings) return { kind: 'closed' };
    const existing = await store.findActiveSignup(trx, p.activityId, p.date, p.input.email);
    if (existing) {
      return { kind: 'duplicate', signup: existing, token: await store.newCancelToken(trx, existing.id, now), position: await store.queuePosition(trx, existing) };
    }
    const status = placeFor(settings.capacity, await store.countConfirmed(trx, p.activityId, p.date));
    const signup = await store.insertSignup(trx, { activityId: p.activityId, date: p.date, status, input: p.input, language: p.language, attendeeKey: p.attendeeKey }, now);
    return { kind: 'created', signup, token: await store.newCancelToken(trx, signup.id, now), position: await store.queuePosition(trx, signup) };
  });
}

/**
 * Cancels the sign-up of a link: the link and every other link of the sign-up stop working, and when
 * a place was freed the first on the waiting list gets it, all in one transaction. Undefined when the
 * link is used, unknown or its sign-up already cancelled.
 */
export async function cancelByToken(db: Db, token: string, now: Date): Promise<{ cancelled: Signup; promoted: Signup[] } | undefined> {
  const tokenHash = hashSecret(token);
  return inTransaction(db, async (trx) => {
    const link = await store.findTokenSignup(trx, tokenHash);
    if (!link) return undefined;
    const settings = await store.lockedSettings(trx, link.activityId, link.date);
    // Deleting the links first makes a second, simultaneous use find none.
    if (!(await store.deleteCancelTokens(trx, link.signupId))) return undefined;
    const signup = await store.findSignup(trx, link.signupId);
    if (!signup || signup.status === 'cancelled') return undefined;
    await store.markCancelled(trx, signup.id, now);
    const cancelled = { ...signup, status: 'cancelled' as const, cancelledAt: now.toISOString() };
    // Sign-up turned off for the date: nobody new gets in, not even from the waiting list.
    const promoted = signup.status === 'confirmed' && settings ? await store.promoteWaiting(trx, signup.activityId, signup.date, settings.capacity, now) : [];
    return { cancelled, promoted };
  });
}

/** Marks a confirmed sign-up of this date as arrived (or not); false when there is no such sign-up. */
export function setCheckedIn(db: Db, p: { activityId: number; date: string; signupId: number; arrived: boolean }, now: Date): Promise<boolean> {
  return store.setCheckedIn(db, p, now);
}

/**
 * Empties the personal fields of every sign-up of dates up to `lastDate` and deletes their cancel
 * links, in one transaction; status, check-in, language and the keyed hash stay for the statistics.
 * Returns the ids.
 */
export async function eraseSignupsUpTo(db: Db, lastDate: string, now: Date): Promise<number[]> {
  return inTransaction(db, async (trx) => {
    const ids = await store.listUnerasedUpTo(trx, lastDate);
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      await store.emptyPersonalFields(trx, chunk, now);
      await store.deleteCancelTokensOf(trx, chunk);
    }
    return ids;
  });
}
