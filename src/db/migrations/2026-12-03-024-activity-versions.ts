/**
 * A version per activity besides the calendar's: a write to an activity's rows raises `activity:<id>`,
 * a write to what activities share raises `calendar:shared`, and both raise `calendar` as before
 * (cache-triggers.ts, createCalendarTriggers). An activity's cached page is then drawn again when it
 * or what it shares changes, not whenever any activity is saved.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { createCacheTriggers, createCalendarTriggers, dropCacheTriggers } from '../cache-triggers.js';

/** The calendar scope's tables when this was written, with the column naming the activity where a row is one activity's. */
const TABLES: { table: string; activityColumn?: string }[] = [
  { table: 'districts' },
  { table: 'organisations' },
  { table: 'organisation_categories' },
  { table: 'organisation_districts' },
  { table: 'places' },
  { table: 'translations' },
  { table: 'settings' },
  { table: 'volunteer_roles' },
  { table: 'volunteer_campaigns' },
  { table: 'association_flags' },
  { table: 'activities', activityColumn: 'id' },
  { table: 'activity_hosts', activityColumn: 'activity_id' },
  { table: 'activity_age_groups', activityColumn: 'activity_id' },
  { table: 'activity_languages', activityColumn: 'activity_id' },
  { table: 'schedules', activityColumn: 'activity_id' },
  { table: 'schedule_pauses', activityColumn: 'activity_id' },
  { table: 'schedule_exceptions', activityColumn: 'activity_id' },
  { table: 'occurrence_changes', activityColumn: 'activity_id' },
  { table: 'event_settings', activityColumn: 'activity_id' },
  { table: 'event_signups', activityColumn: 'activity_id' },
  { table: 'activity_public_needs', activityColumn: 'activity_id' },
];

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.insertInto('cache_versions').values({ scope: 'calendar:shared', version: 1 }).execute();
  if (pg) {
    // TG_ARGV[0], when given: the column naming the activity of each changed row (`changed`: the transition table).
    await sql`create or replace function tillsammans_bump_calendar_versions() returns trigger language plpgsql as $$
      begin
        if TG_OP <> 'TRUNCATE' and not exists (select 1 from changed) then
          return null;
        end if;
        update cache_versions set version = version + 1 where scope = 'calendar';
        if TG_NARGS = 0 or TG_OP = 'TRUNCATE' then
          update cache_versions set version = version + 1 where scope = 'calendar:shared';
        else
          execute format('insert into cache_versions (scope, version) select distinct ''activity:'' || %I, 1 from changed on conflict (scope) do update set version = cache_versions.version + 1', TG_ARGV[0]);
        end if;
        return null;
      end $$`.execute(db);
  }
  await dropCacheTriggers(db, TABLES.map((t) => t.table));
  await createCalendarTriggers(db, TABLES);
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await dropCacheTriggers(db, TABLES.map((t) => t.table));
  await createCacheTriggers(db, 'calendar', TABLES.map((t) => t.table));
  if (pg) await sql`drop function if exists tillsammans_bump_calendar_versions()`.execute(db);
  await db.deleteFrom('cache_versions').where((eb) => eb.or([eb('scope', '=', 'calendar:shared'), eb('scope', 'like', 'activity:%')])).execute();
}
