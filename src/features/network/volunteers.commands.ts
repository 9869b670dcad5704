/** Every change to volunteer roles, campaigns and sign-ups, erasure of old sign-ups in one transaction. */
import { inTransaction, type Db } from '../../db/index.js';
import * as store from './volunteers.store.js';
import type { NewSignup } from './volunteers.store.js';
import type { RoleInput } from './volunteers.js';

export function insertRole(db: Db, organisationId: number, input: RoleInput, now: Date): Promise<number> {
  return store.insertRole(db, organisationId, input, now);
}

export function updateRole(db: Db, id: number, input: RoleInput, now: Date): Promise<void> {
  return store.updateRole(db, id, input, now);
}

/** Deletes a role; its sign-ups stay counted (by kind and campaign) without it. */
export function deleteRole(db: Db, id: number): Promise<void> {
  return store.deleteRole(db, id);
}

export function insertCampaign(db: Db, input: { name: string; slug: string; createdBy: number | null }, now: Date): Promise<number> {
  return store.insertCampaign(db, input, now);
}

export function insertSignup(db: Db, s: NewSignup, now: Date): Promise<number> {
  return store.insertSignup(db, s, now);
}

/**
 * Empties the personal fields of sign-ups forwarded before `forwardedBefore`, and of those never
 * forwarded that came in before `createdBefore`, in one transaction; returns their ids. The counts stay.
 */
export async function eraseSignups(db: Db, cutoffs: { forwardedBefore: string; createdBefore: string }, now: Date): Promise<number[]> {
  return inTransaction(db, async (trx) => {
    const ids = await store.listErasableSignups(trx, cutoffs);
    if (ids.length > 0) await store.emptySignups(trx, ids, now);
    return ids;
  });
}
