/** Places: venues, districts and coordinates. */
export * from './place.js';
export { districtExists, insertDistrict, insertPlace, listDistricts } from './place.store.js';
