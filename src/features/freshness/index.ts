/** Freshness: reminders that ask organisations whether their activities are still true, the link that confirms them, the stale list. */
export { freshnessRoutes, STALE_PAGE_SIZE } from './freshness.routes.js';
export { sendMonthlyReminders, sendReminder, confirmByLink, readLink, reminderMail, monthOf, LINK_DAYS, type ReminderDeps } from './reminders.js';
export { seedFreshnessDemo, DEMO_HIDDEN, DEMO_STALE } from './freshness.demo.js';
export { countStaleActivities } from './reminders.js';
