/** Network: events with sign-up, the mailing list, volunteer roles (see README.md). */
// --- Volunteer roles and campaigns (volunteers.*) -----------------------------------------------
export { volunteerRoutes } from './volunteers.routes.js';
export { volunteerAdminRoutes } from './volunteers.admin.routes.js';
export { eraseOldSignups as eraseVolunteerSignups, forwardPending as forwardVolunteerSignups } from './volunteers.mail.js';
export { seedVolunteersDemo } from './volunteers.demo.js';
// --- The mailing list (mailing.*) -----------------------------------------------------------------
export { mailingRoutes } from './mailing.routes.js';
export { mailingAdminRoutes } from './mailing.admin.routes.js';
export { expireRequests as expireMailingRequests, runMailingSend, sendBatch as sendMailingBatch } from './mailing.jobs.js';
export { seedMailingDemo } from './mailing.demo.js';
