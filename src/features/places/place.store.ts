/** SQL for districts and places. */
import type { Db } from '../../db/index.js';
import type { District, PlaceInput } from './place.js';

export async function listDistricts(db: Db): Promise<District[]> {
  return db.selectFrom('districts').selectAll().orderBy('name').execute();
}

export async function insertDistrict(db: Db, d: Omit<District, 'id'>): Promise<number> {
  const row = await db.insertInto('districts').values(d).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertPlace(db: Db, p: PlaceInput, now: Date): Promise<number> {
  const row = await db
    .insertInto('places')
    .values({ ...p, stepFree: p.stepFree ? 1 : 0, createdAt: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Whether a district with this slug exists (for validating filter parameters). */
export async function districtExists(db: Db, slug: string): Promise<boolean> {
  return (await db.selectFrom('districts').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}
