/**
 * The changes to what guides know of associations that write several rows: the needs flags and the
 * needs an activity shows, each in one transaction (the caller's when it gives one). Contacts and visits
 * are one row each: the guide's routes write them through the store.
 */
import { inTransaction, type Db } from '../../db/index.js';
import type { AssociationFlag, FlagValue, PublicNeed } from './association.js';
import * as store from './association.store.js';

/** Writes the flags given (only those that changed should be passed: each gets today's date and the actor). */
export async function setFlags(db: Db, organisationId: number, changed: Partial<Record<AssociationFlag, FlagValue>>, actor: number | null, now: Date): Promise<void> {
  const entries = Object.entries(changed) as [AssociationFlag, FlagValue][];
  if (entries.length === 0) return;
  await inTransaction(db, async (trx) => {
    for (const [flag, value] of entries) await store.upsertFlag(trx, organisationId, flag, value, actor, now);
  });
}

/** Sets which needs one activity shows; returns whether anything changed. */
export async function setPublicNeeds(db: Db, activityId: number, needs: readonly PublicNeed[], actor: number | null, now: Date): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const current = (await store.listPublicNeeds(trx, [activityId])).get(activityId) ?? [];
    const add = needs.filter((n) => !current.includes(n));
    const remove = current.filter((n) => !needs.includes(n));
    await store.deletePublicNeeds(trx, activityId, remove);
    await store.insertPublicNeeds(trx, activityId, add, actor, now);
    return add.length + remove.length > 0;
  });
}
