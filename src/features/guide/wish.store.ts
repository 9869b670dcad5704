/**
 * SQL for wishes: activities people ask for that nobody offers yet. No personal data is stored with a
 * wish. A wish from the public form waits ('pending') until the coordinator shows ('approved') or
 * hides it; one a guide records from a case is shown at once.
 */
import type { Db } from '../../db/index.js';
import { cleanUserText } from '../../web/text.js';
import { mergeTargetFor } from './wishes.js';

export const WISH_AGE_GROUPS = ['adult', 'youth', 'child'] as const;

export const WISH_STATUSES = ['pending', 'approved', 'hidden'] as const;
export type WishStatus = (typeof WISH_STATUSES)[number];

export interface NewWish {
  category: string | null;
  text: string | null;
  ageGroup: string;
  districtId: number | null;
  source: 'public' | 'case';
  caseId: number | null;
  /** Unless given: pending from the public, approved from a guide's case. */
  status?: WishStatus;
}

/** Stores a wish; one whose label the coordinator has merged before joins that group at once. */
export async function insertWish(db: Db, w: NewWish, now: Date): Promise<number> {
  const text = w.text === null ? null : cleanUserText(w.text);
  const mergedInto = mergeTargetFor({ category: w.category, text }, await listWishes(db));
  const status: WishStatus = w.status ?? (w.source === 'case' ? 'approved' : 'pending');
  const row = await db
    .insertInto('wishes')
    .values({ category: w.category, text, ageGroup: w.ageGroup, districtId: w.districtId, source: w.source, caseId: w.caseId, status, mergedInto, createdAt: now.toISOString() })
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
  status: WishStatus;
  createdAt: string;
}

function wishes(db: Db) {
  return db.selectFrom('wishes').select(['id', 'category', 'text', 'ageGroup', 'districtId', 'source', 'mergedInto', 'servedByActivityId', 'status', 'createdAt']);
}

/** Every wish (or those with one status), oldest first. Never the case a wish came from. */
export async function listWishes(db: Db, status?: WishStatus): Promise<StoredWish[]> {
  const rows = await (status === undefined ? wishes(db) : wishes(db).where('status', '=', status)).orderBy('id').execute();
  return rows.map((r) => ({ ...r, status: r.status as WishStatus }));
}

/** One page of the wishes with a status, oldest first: the coordinator's queue. */
export async function listWishesWithStatus(db: Db, status: WishStatus, page: { limit: number; offset: number }): Promise<StoredWish[]> {
  const rows = await wishes(db).where('status', '=', status).orderBy('createdAt').orderBy('id').limit(page.limit).offset(page.offset).execute();
  return rows.map((r) => ({ ...r, status: r.status as WishStatus }));
}

/** How many wishes wait, are shown and are hidden. */
export async function countWishesByStatus(db: Db): Promise<Record<WishStatus, number>> {
  const rows = await db
    .selectFrom('wishes')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<WishStatus, number> = { pending: 0, approved: 0, hidden: 0 };
  for (const r of rows) if ((WISH_STATUSES as readonly string[]).includes(r.status)) counts[r.status as WishStatus] = Number(r.n);
  return counts;
}

/** Shows or hides wishes (the coordinator's decision); returns the ids that changed. */
export async function setWishStatus(db: Db, ids: readonly number[], status: 'approved' | 'hidden'): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.updateTable('wishes').set({ status }).where('id', 'in', [...ids]).where('status', '!=', status).returning('id').execute();
  return rows.map((r) => r.id);
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

/** Wishes merged into any of these count under their own label again. */
export async function unmergeFrom(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('wishes').set({ mergedInto: null }).where('mergedInto', 'in', [...ids]).execute();
}

/** Deletes wishes (unmerge those merged into them first, in the same transaction: wish.commands.ts). */
export async function deleteWishRows(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('wishes').where('id', 'in', [...ids]).execute();
}
