/**
 * Every change to what guides know of associations: contacts, the visit log, the needs flags and the
 * needs an activity shows; a change of several rows in one transaction, the caller's when it gives one.
 */
import { inTransaction, type Db } from '../../db/index.js';
import type { AssociationFlag, ContactInput, FlagValue, PublicNeed, VisitInput } from './association.js';
import * as store from './association.store.js';

export function insertContact(db: Db, organisationId: number, input: ContactInput, actor: number | null, now: Date): Promise<number> {
  return store.insertContact(db, organisationId, input, actor, now);
}

export function updateContact(db: Db, id: number, input: ContactInput, now: Date): Promise<boolean> {
  return store.updateContact(db, id, input, now);
}

export function deleteContact(db: Db, id: number): Promise<boolean> {
  return store.deleteContact(db, id);
}

export function insertVisit(db: Db, organisationId: number, input: VisitInput, actor: number | null, now: Date): Promise<number> {
  return store.insertVisit(db, organisationId, input, actor, now);
}

export function updateVisit(db: Db, id: number, input: VisitInput, now: Date): Promise<boolean> {
  return store.updateVisit(db, id, input, now);
}

export function deleteVisit(db: Db, id: number): Promise<boolean> {
  return store.deleteVisit(db, id);
}

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
