/** SQL that writes districts and places, and the types of a stored place. */
import type { Db } from '../../db/index.js';
import { cleanUserText } from '../../web/text.js';
import type { District, Place, PlaceInput } from './place.js';

/** A place with its district, as the place form and the admin list see it. */
export type StoredPlace = Place & { districtId: number | null };

/** A place in the admin list: with how many activities (of any status) take place there. */
export type PlaceListItem = StoredPlace & { activityCount: number };

export async function insertDistrictRow(db: Db, d: Omit<District, 'id'>): Promise<number> {
  const row = await db.insertInto('districts').values(d).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

const cleanOrNull = (v: string | null) => (v === null ? null : cleanUserText(v));

/** Place text as stored: NFC, without bidi override controls. */
function cleanPlace(p: PlaceInput) {
  return {
    name: cleanUserText(p.name),
    address: cleanUserText(p.address),
    postalCode: cleanOrNull(p.postalCode),
    city: cleanUserText(p.city),
    districtId: p.districtId,
    latitude: p.latitude,
    longitude: p.longitude,
    accessibility: cleanOrNull(p.accessibility),
    stepFree: p.stepFree ? 1 : 0,
    directions: cleanOrNull(p.directions),
  };
}

export async function insertPlaceRow(db: Db, p: PlaceInput, now: Date): Promise<number> {
  const row = await db
    .insertInto('places')
    .values({ ...cleanPlace(p), createdAt: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Replaces every field of a place. */
export async function updatePlaceRow(db: Db, id: number, p: PlaceInput): Promise<void> {
  await db.updateTable('places').set(cleanPlace(p)).where('id', '=', id).execute();
}

/** Which of these places exist. */
export async function existingPlaceIds(db: Db, ids: number[]): Promise<number[]> {
  const rows = await db.selectFrom('places').select('id').where('id', 'in', ids).execute();
  return rows.map((r) => r.id);
}

/** Moves every activity at place `fromId` to place `intoId`; returns how many moved. */
export async function moveActivitiesToPlace(db: Db, fromId: number, intoId: number, now: Date): Promise<number> {
  const moved = await db
    .updateTable('activities')
    .set({ placeId: intoId, updatedAt: now.toISOString() })
    .where('placeId', '=', fromId)
    .executeTakeFirst();
  return Number(moved.numUpdatedRows);
}

/** Deletes the translations of a place's text. */
export async function deletePlaceTranslations(db: Db, placeId: number): Promise<void> {
  await db.deleteFrom('translations').where('entity', '=', 'place').where('entityId', '=', placeId).execute();
}

export async function deletePlaceRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('places').where('id', '=', id).execute();
}
