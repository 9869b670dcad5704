/** Search across the calendar and the directory. */
export { searchRoutes } from './search.routes.js';
