/** Places: venues, districts and coordinates. */
export * from './place.js';
export { insertDistrict, insertPlace, listDistricts } from './place.store.js';
