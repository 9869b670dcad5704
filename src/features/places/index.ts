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
  insertDistrict,
  insertPlace,
  listDistricts,
  listPlaceNames,
  listPlaces,
  listPlaceTexts,
  mergePlaces,
  updatePlace,
  type PlaceListItem,
  type StoredPlace,
} from './place.store.js';
