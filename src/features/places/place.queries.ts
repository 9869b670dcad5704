/** Reads of districts and places other features use: lists, one place, counts, names and texts. */
import type { Db } from '../../db/index.js';
import { foldForSearch, searchTerms } from '../../web/text.js';
import type { District } from './place.js';
import type { PlaceListItem, StoredPlace } from './place.store.js';

export async function listDistricts(db: Db): Promise<District[]> {
  return db.selectFrom('districts').selectAll().orderBy('name').execute();
}

/** Whether a district with this slug exists (for validating filter parameters). */
export async function districtExists(db: Db, slug: string): Promise<boolean> {
  return (await db.selectFrom('districts').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

/** Whether a district with this id exists (for validating a place form). */
export async function districtIdExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('districts').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

function placeQuery(db: Db) {
  return db
    .selectFrom('places as p')
    .leftJoin('districts as d', 'd.id', 'p.districtId')
    .select([
      'p.id',
      'p.name',
      'p.address',
      'p.postalCode',
      'p.city',
      'p.districtId',
      'p.latitude',
      'p.longitude',
      'p.accessibility',
      'p.stepFree',
      'p.directions',
      'd.slug as districtSlug',
      'd.name as districtName',
    ]);
}

type PlaceRow = Awaited<ReturnType<ReturnType<typeof placeQuery>['execute']>>[number];

function toPlace(r: PlaceRow): StoredPlace {
  return {
    id: r.id,
    name: r.name,
    address: r.address,
    postalCode: r.postalCode,
    city: r.city,
    districtId: r.districtId,
    district: r.districtSlug !== null && r.districtName !== null ? { slug: r.districtSlug, name: r.districtName } : null,
    latitude: r.latitude,
    longitude: r.longitude,
    accessibility: r.accessibility,
    stepFree: r.stepFree === 1,
    directions: r.directions,
  };
}

export async function findPlace(db: Db, id: number): Promise<StoredPlace | undefined> {
  const row = await placeQuery(db).where('p.id', '=', id).executeTakeFirst();
  return row ? toPlace(row) : undefined;
}

/**
 * Ids of the places whose name or address contains every term of `q`, blind to case and
 * diacritics ("orebro" finds "Örebro"); null when there is no query. Places have no search
 * column and a city has a few hundred of them, so the folding is done here rather than in SQL.
 */
async function matchingPlaceIds(db: Db, q: string | undefined): Promise<number[] | null> {
  const terms = searchTerms(q ?? '');
  if (terms.length === 0) return null;
  const rows = await db.selectFrom('places').select(['id', 'name', 'address']).execute();
  return rows.filter((r) => {
    const text = foldForSearch(`${r.name} ${r.address}`);
    return terms.every((term) => text.includes(term));
  }).map((r) => r.id);
}

/** Places matching `q` (name or address), by name, with their district and number of activities. */
export async function listPlaces(db: Db, filter: { q?: string; limit: number; offset: number }): Promise<PlaceListItem[]> {
  const ids = await matchingPlaceIds(db, filter.q);
  if (ids !== null && ids.length === 0) return [];
  let query = placeQuery(db)
    .select((eb) =>
      eb
        .selectFrom('activities as a')
        .whereRef('a.placeId', '=', 'p.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('activityCount'),
    )
    .orderBy('p.name')
    .orderBy('p.id')
    .limit(filter.limit)
    .offset(filter.offset);
  if (ids !== null) query = query.where('p.id', 'in', ids);
  const rows = await query.execute();
  return rows.map((r) => ({ ...toPlace(r), activityCount: Number(r.activityCount ?? 0) }));
}

export async function countPlaces(db: Db, q?: string): Promise<number> {
  const ids = await matchingPlaceIds(db, q);
  if (ids !== null) return ids.length;
  const row = await db.selectFrom('places').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** How many activities (of any status) take place at a place. */
export async function countPlaceActivities(db: Db, placeId: number): Promise<number> {
  const row = await db
    .selectFrom('activities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('placeId', '=', placeId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Every place's id and name, by name (for choosing one from a list). */
export async function listPlaceNames(db: Db): Promise<{ id: number; name: string; address: string }[]> {
  return db.selectFrom('places').select(['id', 'name', 'address']).orderBy('name').orderBy('id').execute();
}

/** The Swedish directions of places that have any, or of the given ones (for the translators). */
export async function listPlaceTexts(db: Db, ids?: number[]): Promise<{ id: number; name: string; directions: string }[]> {
  const q = db.selectFrom('places').select(['id', 'name', 'directions']).where('directions', 'is not', null).orderBy('id');
  const rows = await (ids ? q.where('id', 'in', ids.length > 0 ? ids : [0]) : q).execute();
  return rows.filter((r) => (r.directions ?? '').trim() !== '').map((r) => ({ id: r.id, name: r.name, directions: r.directions! }));
}
