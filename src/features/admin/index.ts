/** Administration: the coordinator's screens for users, organisations, activities, places, their history and the mail outbox. */
export { adminRoutes, INVITE_DAYS, type DashboardCount } from './admin.routes.js';
export { AdminNav } from './admin.components.js';
