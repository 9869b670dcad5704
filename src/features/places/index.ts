/** Places: venues, districts and coordinates. */
export * from './place.js';
export * from './place-form.js';
export { PlaceFields } from './place-fields.js';
export {
  countPlaceActivities,
  countPlaces,
  districtExists,
  districtIdExists,
  findPlace,
  listDistricts,
  listPlaceNames,
  listPlaces,
  listPlaceTexts,
} from './place.queries.js';
export { insertDistrict, insertPlace, mergePlaces, updatePlace } from './place.commands.js';
export type { PlaceListItem, StoredPlace } from './place.store.js';
