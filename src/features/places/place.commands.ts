/**
 * Changes to districts and places (the coordinator's screens, a place proposed with an activity, demo
 * data); the caller refreshes the calendar's search text of the activities at a changed place.
 */
import { inTransaction, type Db } from '../../db/index.js';
import type { District, PlaceInput } from './place.js';
import { deletePlaceRow, deletePlaceTranslations, existingPlaceIds, insertDistrictRow, insertPlaceRow, moveActivitiesToPlace, updatePlaceRow } from './place.store.js';

export function insertDistrict(db: Db, d: Omit<District, 'id'>): Promise<number> {
  return insertDistrictRow(db, d);
}

export function insertPlace(db: Db, p: PlaceInput, now: Date): Promise<number> {
  return insertPlaceRow(db, p, now);
}

/** Replaces every field of a place. `now` is accepted for symmetry with insertPlace (places keep no updated-at). */
export function updatePlace(db: Db, id: number, p: PlaceInput, _now: Date): Promise<void> {
  return updatePlaceRow(db, id, p);
}

/**
 * Moves every activity from place `fromId` to place `intoId` and deletes `fromId` (with its
 * translations), all or nothing. Returns how many activities moved. Throws when either place is
 * missing or both are the same.
 */
export async function mergePlaces(db: Db, fromId: number, intoId: number, now: Date): Promise<number> {
  if (fromId === intoId) throw new Error('A place cannot be merged into itself');
  return inTransaction(db, async (trx) => {
    if ((await existingPlaceIds(trx, [fromId, intoId])).length !== 2) throw new Error(`Place ${fromId} or ${intoId} does not exist`);
    const moved = await moveActivitiesToPlace(trx, fromId, intoId, now);
    await deletePlaceTranslations(trx, fromId);
    await deletePlaceRow(trx, fromId);
    return moved;
  });
}
