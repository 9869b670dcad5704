/** Administration: the coordinator's screens for users and the mail outbox. */
export { adminRoutes, INVITE_DAYS } from './admin.routes.js';
