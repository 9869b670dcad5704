/**
 * The triggers that raise a cache scope's version on every write to a table (see cache-scopes.ts):
 * on PostgreSQL once per statement that changed a row (a statement that changes nothing, such as an
 * upsert that finds its row, leaves the version alone), on SQLite once per changed row (it has no
 * statement triggers). Migrations call these for the tables they add to a scope.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function createCacheTriggers(db: Kysely<any>, scope: string, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    if (isPostgres(db)) {
      // A transition table holds the rows a statement changed; PostgreSQL allows one per event.
      for (const [event, rows] of [['insert', 'new'], ['update', 'new'], ['delete', 'old']] as const) {
        await sql
          .raw(
            `create trigger ${table}_cache_version_${event} after ${event} on ${table} referencing ${rows} table as changed for each statement execute function tillsammans_bump_cache_version('${scope}')`,
          )
          .execute(db);
      }
      await sql.raw(`create trigger ${table}_cache_version_truncate after truncate on ${table} for each statement execute function tillsammans_bump_cache_version('${scope}')`).execute(db);
    } else {
      for (const event of ['insert', 'update', 'delete']) {
        await sql
          .raw(`create trigger ${table}_cache_version_${event} after ${event} on ${table} begin update cache_versions set version = version + 1 where scope = '${scope}'; end`)
          .execute(db);
      }
    }
  }
}

export async function dropCacheTriggers(db: Kysely<any>, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    if (isPostgres(db)) {
      for (const event of ['insert', 'update', 'delete', 'truncate']) await sql.raw(`drop trigger if exists ${table}_cache_version_${event} on ${table}`).execute(db);
    } else for (const event of ['insert', 'update', 'delete']) await sql.raw(`drop trigger if exists ${table}_cache_version_${event}`).execute(db);
  }
}

/**
 * The calendar's triggers since migration 024: every write raises `calendar` (what the week, the
 * directory and the API are drawn from) and then either `activity:<id>` for each activity whose rows it
 * changed (`activityColumn`: the column naming the activity) or, for tables many activities share
 * (organisations, places, settings…), `calendar:shared`. An activity's own page is drawn from its
 * rows and the shared tables, so it stays cached while other activities change. `calendar` is always
 * raised first, so writers on PostgreSQL queue on that one row and never take the others' in opposite
 * orders. The PostgreSQL function is `tillsammans_bump_calendar_versions` (024).
 */
export async function createCalendarTriggers(db: Kysely<any>, tables: readonly { table: string; activityColumn?: string }[]): Promise<void> {
  for (const { table, activityColumn } of tables) {
    if (isPostgres(db)) {
      const args = activityColumn ? `'${activityColumn}'` : '';
      for (const [event, rows] of [['insert', 'new'], ['update', 'new'], ['delete', 'old']] as const) {
        await sql
          .raw(
            `create trigger ${table}_cache_version_${event} after ${event} on ${table} referencing ${rows} table as changed for each statement execute function tillsammans_bump_calendar_versions(${args})`,
          )
          .execute(db);
      }
      await sql.raw(`create trigger ${table}_cache_version_truncate after truncate on ${table} for each statement execute function tillsammans_bump_calendar_versions(${args})`).execute(db);
    } else {
      for (const [event, row] of [['insert', 'new'], ['update', 'new'], ['delete', 'old']] as const) {
        const own = activityColumn
          ? `insert into cache_versions (scope, version) values ('activity:' || ${row}.${activityColumn}, 1) on conflict (scope) do update set version = version + 1;`
          : `update cache_versions set version = version + 1 where scope = 'calendar:shared';`;
        await sql
          .raw(`create trigger ${table}_cache_version_${event} after ${event} on ${table} begin update cache_versions set version = version + 1 where scope = 'calendar'; ${own} end`)
          .execute(db);
      }
    }
  }
}
