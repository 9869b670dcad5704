/** Calendar: activities, schedules, occurrences and the public week view. */
export * from './activity.js';
export * from './schedule.js';
export { describeRecurrence, describeSchedule } from './describe.js';
export { DayGroups, FilterForm, OccurrenceList, CategoryLabel, SubscribeLinks, SummaryList, categoryIcon, spokenLanguageName } from './components.js';
export { DATE_PATTERN, filterParams, filterProperties, toFilters, withQuery, type FilterQuery } from './filters.js';
export {
  countOccurrences,
  listActivityTexts,
  listActivityIdsOfOrganisation,
  listActivitySummaries,
  listOccurrences,
  findActivity,
  findActivities,
  listMatchingActivityIds,
  countUnconfirmedActivities,
  weekModelCounts,
} from './activity.queries.js';
export * from './freshness.js';
export {
  createActivity,
  replaceActivity,
  changeSchedule,
  changeHosts,
  changeActivityStatus,
  removeActivity,
  refreshSearchText,
  confirmActivities,
  refreshOccurrenceWindow,
  type Actor, type AuditNote, type ChangeContext } from './activity.commands.js';
export { activityCacheScope, calendarRoutes, parseActivityParam, activityDates, type ActivitySlot, type CalendarRoutesOptions } from './calendar.routes.js';
export { ActivityArticle } from './activity.page.js';
export { UnconfirmedNote } from './freshness-note.js';
export { localiseActivities, localiseActivity, localiseTitles, type ActivityTexts } from './localise.js';
export { activitiesToIcs, activityToIcs, type IcsActivity, type IcsOptions } from './ics.js';
export { icsActivity, sendCalendar } from './calendar-file.js';
