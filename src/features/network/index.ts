/** Network: events with sign-up, the mailing list, volunteer roles (see README.md). */
// --- Events with sign-up (events.*, signup.ts) ---------------------------------------------------
export { eventsRoutes, SIGNUPS_PER_HOUR } from './events.routes.js';
export { signupSlot, SignupDates, signupPath } from './events.slot.js';
export { eraseEventSignups, sendEventReminders, notifySignup, type EventDeps } from './events.service.js';
export { signUp, saveSettings, setCheckedIn, cancelByToken, type SignUpResult } from './events.commands.js';
export { findSettings, listSignups, attendeeSecret } from './events.queries.js';
export type { Signup } from './events.store.js';
export { signupSubject } from './events.mail.js';
export { signupChangeHook, signupDateChanges, tellSignupsOfChange, type DateChange } from './events.changes.js';
export { seedEventsDemo, NETWORK_MEETING_TITLE, THEME_LUNCH_TITLE } from './events.demo.js';
export { availability as signupAvailability, attendanceOverTime, csvCell, toCsv, type Availability as SignupAvailability, type AttendanceDay, type SignupSettings, type SignupStatus } from './signup.js';
// --- Volunteer roles and campaigns (volunteers.*) -----------------------------------------------
export { volunteerRoutes } from './volunteers.routes.js';
export { volunteerAdminRoutes } from './volunteers.admin.routes.js';
export { eraseOldSignups as eraseVolunteerSignups, forwardPending as forwardVolunteerSignups } from './volunteers.mail.js';
export { seedVolunteersDemo } from './volunteers.demo.js';
export { listRolesOfOrganisation } from './volunteers.queries.js';
// --- The mailing list (mailing.*) -----------------------------------------------------------------
export { mailingRoutes } from './mailing.routes.js';
export { mailingAdminRoutes } from './mailing.admin.routes.js';
export { expireRequests as expireMailingRequests, runMailingSend, sendBatch as sendMailingBatch } from './mailing.jobs.js';
export { seedMailingDemo } from './mailing.demo.js';
// --- Organisations joining the network (joining.*) ------------------------------------------------
export { joiningRoutes } from './joining.routes.js';
export { joiningAdminRoutes } from './joining.admin.routes.js';
export { expireJoinRequests } from './joining.service.js';
export { countConfirmedJoinRequests } from './joining.queries.js';
export { seedJoiningDemo } from './joining.demo.js';
// --- The mapping survey (survey.*) --------------------------------------------------------------
export { surveyRoutes } from './survey.routes.js';
export { surveyAdminRoutes } from './survey.admin.routes.js';
export { surveyWorkspaceSlot } from './survey.page.js';
export { seedSurveyDemo } from './survey.demo.js';
