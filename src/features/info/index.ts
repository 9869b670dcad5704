/** Information pages: about, privacy notice, accessibility statement. */
export { infoRoutes, SUPERVISORY_AUTHORITY_URL } from './info.routes.js';
