/** Swedish public holidays and common eves, and which occurrences they take away. Pure rules. */
export { swedishHolidays, holidayOn, type Holiday, type HolidayCalendar, type HolidayKind } from './holidays.js';
export { applyHolidays, type DatedOccurrence, type HolidaySkip } from './holiday-schedule.js';
