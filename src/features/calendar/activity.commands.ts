/**
 * Every change to an activity, as one step: its rows (activity, hosts, schedule, occurrences, search
 * text) and its audit entry are written in the transaction the caller gives, or in one of their own.
 * Other features change activities only through these (the workspace's workflow, the calendar import,
 * co-planning, the network, the demo data); the store's writes are not exported.
 */
import { inTransaction, type Db } from '../../db/index.js';
import { HttpError } from '../../web/errors.js';
import { recordChange, userOf, type Actor, type AuditNote } from '../audit/index.js';
import type { ActivityStatus } from '../taxonomy/index.js';
import { inputOf, type ActivityDetail, type ActivityInput } from './activity.js';
import { deleteActivity, insertActivity, markConfirmed, setActivityStatus, updateActivity, writeOccurrenceWindow, writeSearchText } from './activity.store.js';
import type { Schedule } from './schedule.js';

export type { Actor, AuditNote };

export interface ChangeContext {
  actor: Actor;
  now: Date;
  /** Today in Stockholm: occurrences are written for the window around it. */
  today: string;
}

const audit = (db: Db, activityId: number, note: AuditNote, ctx: Pick<ChangeContext, 'actor' | 'now'>) => recordChange(db, { entity: 'activity', entityId: activityId }, note, ctx);

/** Creates an activity; returns its id. */
export async function createActivity(db: Db, input: ActivityInput, ctx: ChangeContext, note: AuditNote): Promise<number> {
  return inTransaction(db, async (trx) => {
    const id = await insertActivity(trx, input, ctx.now, ctx.today, userOf(ctx.actor));
    await audit(trx, id, note, ctx);
    return id;
  });
}

/**
 * Replaces an activity with the input. With `expectedVersion` (the `updatedAt` the change was made
 * on), only when nobody saved since: returns false then, and nothing is written or audited. A null
 * note is for a change the same transaction records under another entry (a change waiting for review
 * is audited with its revision). `confirm` also counts the change as a confirmation that the
 * activity is still true (freshness).
 */
export async function replaceActivity(
  db: Db,
  id: number,
  input: ActivityInput,
  ctx: ChangeContext,
  note: AuditNote | null,
  options: { expectedVersion?: string; confirm?: boolean } = {},
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const replaced = await updateActivity(trx, id, input, ctx.now, ctx.today, { actorUserId: userOf(ctx.actor), ...options });
    if (replaced && note) await audit(trx, id, note, ctx);
    return replaced;
  });
}

/**
 * One part of an activity changed on the activity as it was read: only if nobody saved it since, so
 * a change made meanwhile is never overwritten with the older rest. Otherwise nothing is written and
 * the reader is asked to load the page again (409, translated).
 */
async function changeAsRead(db: Db, activity: ActivityDetail, input: ActivityInput, ctx: ChangeContext, note: AuditNote): Promise<void> {
  if (!(await replaceActivity(db, activity.id, input, ctx, note, { expectedVersion: activity.updatedAt }))) throw new HttpError(409, 'errors.changedMeanwhile');
}

/** A new schedule for an activity as it was read: pauses, cancelled or moved dates, notes on them, summer weeks. */
export function changeSchedule(db: Db, activity: ActivityDetail, schedule: Schedule, ctx: ChangeContext, note: AuditNote): Promise<void> {
  return changeAsRead(db, activity, { ...inputOf(activity), schedule }, ctx, note);
}

/** New host organisations for an activity as it was read (a co-host accepted or stepping down). */
export function changeHosts(db: Db, activity: ActivityDetail, hostIds: number[], ctx: ChangeContext, note: AuditNote): Promise<void> {
  return changeAsRead(db, activity, { ...inputOf(activity), hostIds }, ctx, note);
}

/** Sets an activity's status only (publishing, withdrawing, cancelling); false when it does not exist. */
export async function changeActivityStatus(db: Db, id: number, status: ActivityStatus, ctx: Pick<ChangeContext, 'actor' | 'now'>, note: AuditNote): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const changed = await setActivityStatus(trx, id, status, ctx.now, userOf(ctx.actor));
    if (changed) await audit(trx, id, note, ctx);
    return changed;
  });
}

/** Deletes an activity with everything that hangs on it. */
export async function removeActivity(db: Db, id: number, ctx: Pick<ChangeContext, 'actor' | 'now'>, note: AuditNote): Promise<void> {
  await inTransaction(db, async (trx) => {
    await deleteActivity(trx, id);
    await audit(trx, id, note, ctx);
  });
}

/**
 * Recomputes the search text of the activities at a place or run by an organisation, after the place
 * or organisation was renamed or places were merged: searching the new name finds them. Returns how many.
 */
export function refreshSearchText(db: Db, of: { placeId: number } | { organisationId: number }): Promise<number> {
  return inTransaction(db, (trx) => writeSearchText(trx, of));
}

/**
 * Marks published activities as confirmed at `now` (their organisation says they are still true).
 * Leaves `updated_at` alone: nothing in them changed, so open edit forms stay valid. Returns the ids confirmed.
 */
export function confirmActivities(db: Db, ids: number[], now: Date, options: { onlyConfirmedBefore?: string } = {}): Promise<number[]> {
  return markConfirmed(db, ids, now, options);
}

/**
 * Regenerates every activity's occurrences for the window around `today` when the stored window has
 * fallen a week or more behind (or when forced), in one transaction. Returns whether it did.
 */
export function refreshOccurrenceWindow(db: Db, today: string, force = false): Promise<boolean> {
  return inTransaction(db, (trx) => writeOccurrenceWindow(trx, today, force));
}
