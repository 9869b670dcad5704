/** Feeds and the JSON API: what other sites and apps read. */
export { apiRoutes, MAX_RANGE_DAYS } from './api.routes.js';
