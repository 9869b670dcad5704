/** SQL for wishes: activities people ask for that nobody offers yet. No personal data is stored with a wish. */
import type { Db } from '../../db/index.js';
import { cleanUserText } from '../../web/text.js';
import { mergeTargetFor } from './wishes.js';

export const WISH_AGE_GROUPS = ['adult', 'youth', 'child'] as const;

export interface NewWish {
  category: string | null;
  text: string | null;
  ageGroup: string;
  districtId: number | null;
  source: 'public' | 'case';
  caseId: number | null;
}

/** Stores a wish; one whose label the coordinator has merged before joins that group at once. */
export async function insertWish(db: Db, w: NewWish, now: Date): Promise<number> {
  const text = w.text === null ? null : cleanUserText(w.text);
  const mergedInto = mergeTargetFor({ category: w.category, text }, await listWishes(db));
  const row = await db
    .insertInto('wishes')
    .values({ ...w, text, mergedInto, createdAt: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A stored wish without its case: what the wish pages and their aggregation may see. */
export interface StoredWish {
  id: number;
  category: string | null;
  text: string | null;
  ageGroup: string;
  districtId: number | null;
  source: string;
  mergedInto: number | null;
  servedByActivityId: number | null;
  createdAt: string;
}

/** Every wish, oldest first. Never the case a wish came from. */
export async function listWishes(db: Db): Promise<StoredWish[]> {
  return db
    .selectFrom('wishes')
    .select(['id', 'category', 'text', 'ageGroup', 'districtId', 'source', 'mergedInto', 'servedByActivityId', 'createdAt'])
    .orderBy('id')
    .execute();
}

/** Points wishes at the wish they count under (null: each counts under its own label again). */
export async function setWishesMergedInto(db: Db, ids: readonly number[], into: number | null): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('wishes').set({ mergedInto: into }).where('id', 'in', [...ids]).execute();
}

/** Records the activity that now offers what these wishes asked for (null: none yet). */
export async function setWishesServedBy(db: Db, ids: readonly number[], activityId: number | null): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('wishes').set({ servedByActivityId: activityId }).where('id', 'in', [...ids]).execute();
}

/** Deletes wishes; wishes merged into them count under their own label again. */
export async function deleteWishes(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('wishes').set({ mergedInto: null }).where('mergedInto', 'in', [...ids]).execute();
    await trx.deleteFrom('wishes').where('id', 'in', [...ids]).execute();
  });
}
