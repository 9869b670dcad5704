/**
 * Which tables public pages are made of. A write to one of them raises its scope's version in
 * `cache_versions` (by a trigger, in the writing transaction), and cached pages of that scope are
 * served again only while the version they were drawn at is current. Every table is listed in
 * exactly one place here; a test keeps it so as tables are added.
 */
export const CACHE_SCOPES = {
  /** The calendar, directory, places, translations: nearly every public page. */
  calendar: [
    'districts',
    'organisations',
    'organisation_categories',
    'organisation_districts',
    'places',
    'activities',
    'activity_hosts',
    'activity_age_groups',
    'activity_languages',
    'schedules',
    'schedule_pauses',
    'schedule_exceptions',
    'occurrence_changes',
    'translations',
    'settings',
    // Places left on an activity's dates (events with sign-up; a check-in or an erasure raises nothing).
    'event_settings',
    'event_signups',
    'volunteer_roles',
    'volunteer_campaigns',
    // What guides let an activity show of its organisation's needs ("we are looking for volunteers").
    'association_flags',
    'activity_public_needs',
  ],
  /** What newcomers ask for (/efterfragas). */
  wishes: ['wishes'],
  /** The mailing list's public archive (/nyhetsbrev/arkiv). */
  mailing: ['mailing_segments', 'mailing_messages'],
  /** The mapping survey's public reports (/kartlaggning/<year>). */
  survey: ['survey_rounds', 'survey_responses', 'survey_answers'],
} as const;

export type CacheScope = keyof typeof CACHE_SCOPES;

/**
 * The calendar's tables whose rows each belong to one activity, with the column naming it. A write to
 * one raises `activity:<id>` besides `calendar`; a write to the calendar's other tables raises
 * `calendar:shared` (db/cache-triggers.ts, createCalendarTriggers). An activity's page depends on its
 * own version and the shared one only, so saving one activity leaves every other activity's page cached.
 */
export const ACTIVITY_TABLES: Partial<Record<(typeof CACHE_SCOPES)['calendar'][number], string>> = {
  activities: 'id',
  activity_hosts: 'activity_id',
  activity_age_groups: 'activity_id',
  activity_languages: 'activity_id',
  schedules: 'activity_id',
  schedule_pauses: 'activity_id',
  schedule_exceptions: 'activity_id',
  occurrence_changes: 'activity_id',
  event_settings: 'activity_id',
  event_signups: 'activity_id',
  activity_public_needs: 'activity_id',
};

/** A version a cached page can depend on: a scope's, what the calendar's activities share, or one activity's. */
export type VersionKey = CacheScope | 'calendar:shared' | `activity:${number}`;

/** What one activity's own page is drawn from: its rows and what activities share. */
export function activityVersionKeys(activityId: number): VersionKey[] {
  return ['calendar:shared', `activity:${activityId}`];
}

/**
 * Tables no public page shows, or that follow another table (occurrences are regenerated with their
 * schedule, whose write raises the version; the rolling window moves with the date in the cache key).
 */
export const UNCACHED_TABLES = [
  'occurrences',
  'users',
  'user_organisations',
  'sessions',
  'auth_tokens',
  'rate_limits',
  'job_runs',
  'audit_entries',
  'outbox',
  'revisions',
  'calendar_feeds',
  'imported_events',
  'glossary_terms',
  'view_counts',
  'guide_cases',
  'guide_notes',
  'guide_referrals',
  'cache_versions',
  'event_cancel_tokens',
  'volunteer_signups',
  'mailing_subscribers',
  'mailing_memberships',
  'mailing_requests',
  'mailing_deliveries',
  'mailing_suppressions',
  'freshness_reminders',
  'join_requests',
  'association_contacts',
  'association_visits',
] as const;
