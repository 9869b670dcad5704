/** Every change to wishes: a new one (public form or a guide's case), shown or hidden, merged, marked as offered, deleted. */
import { inTransaction, type Db } from '../../db/index.js';
import * as store from './wish.store.js';
import type { NewWish } from './wish.store.js';

/** Stores a wish; one whose label the coordinator has merged before joins that group at once. Returns its id. */
export function insertWish(db: Db, w: NewWish, now: Date): Promise<number> {
  return store.insertWish(db, w, now);
}

/** Shows or hides wishes (the coordinator's decision); returns the ids that changed. */
export function setWishStatus(db: Db, ids: readonly number[], status: 'approved' | 'hidden'): Promise<number[]> {
  return store.setWishStatus(db, ids, status);
}

/** Points wishes at the wish they count under (null: each counts under its own label again). */
export function setWishesMergedInto(db: Db, ids: readonly number[], into: number | null): Promise<void> {
  return store.setWishesMergedInto(db, ids, into);
}

/** Records the activity that now offers what these wishes asked for (null: none yet). */
export function setWishesServedBy(db: Db, ids: readonly number[], activityId: number | null): Promise<void> {
  return store.setWishesServedBy(db, ids, activityId);
}

/** Deletes wishes; wishes merged into them count under their own label again. */
export async function deleteWishes(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await inTransaction(db, async (trx) => {
    await store.unmergeFrom(trx, ids);
    await store.deleteWishRows(trx, ids);
  });
}
