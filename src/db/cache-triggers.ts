/**
 * The triggers that raise a cache scope's version on every write to a table (see cache-scopes.ts):
 * on PostgreSQL once per statement that changed a row (a statement that changes nothing, such as an
 * upsert that finds its row, leaves the version alone), on SQLite once per changed row (it has no
 * statement triggers). Migrations call these for the tables they add to a scope.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** The three row events and the transition table (PostgreSQL) or row (SQLite) each one names. */
const EVENTS = [
  ['insert', 'new'],
  ['update', 'new'],
  ['delete', 'old'],
] as const;

/**
 * A table's `<table>_cache_version_<event>` triggers: on PostgreSQL per statement, calling `pgCall` (a
 * function of 015 or 024 with its arguments) with the changed rows as `changed`; on SQLite per row,
 * running `sqliteBody(row)` with `row` the changed row (`new` or `old`).
 */
async function createTableTriggers(db: Kysely<any>, table: string, pgCall: string, sqliteBody: (row: 'new' | 'old') => string): Promise<void> {
  if (isPostgres(db)) {
    // A transition table holds the rows a statement changed; PostgreSQL allows one per event.
    for (const [event, rows] of EVENTS) {
      await sql
        .raw(`create trigger ${table}_cache_version_${event} after ${event} on ${table} referencing ${rows} table as changed for each statement execute function ${pgCall}`)
        .execute(db);
    }
    await sql.raw(`create trigger ${table}_cache_version_truncate after truncate on ${table} for each statement execute function ${pgCall}`).execute(db);
  } else {
    for (const [event, row] of EVENTS) {
      await sql.raw(`create trigger ${table}_cache_version_${event} after ${event} on ${table} begin ${sqliteBody(row)} end`).execute(db);
    }
  }
}

export async function createCacheTriggers(db: Kysely<any>, scope: string, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    await createTableTriggers(db, table, `tillsammans_bump_cache_version('${scope}')`, () => `update cache_versions set version = version + 1 where scope = '${scope}';`);
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
    await createTableTriggers(
      db,
      table,
      `tillsammans_bump_calendar_versions(${activityColumn ? `'${activityColumn}'` : ''})`,
      (row) =>
        `update cache_versions set version = version + 1 where scope = 'calendar'; ` +
        (activityColumn
          ? `insert into cache_versions (scope, version) values ('activity:' || ${row}.${activityColumn}, 1) on conflict (scope) do update set version = version + 1;`
          : `update cache_versions set version = version + 1 where scope = 'calendar:shared';`),
    );
  }
}
