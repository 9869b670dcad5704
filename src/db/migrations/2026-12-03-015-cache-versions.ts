/**
 * Versions of what public pages show, one per scope, raised by triggers on every write to the
 * scope's tables in the writing transaction: every instance sees a change the moment it commits
 * (src/web/response-cache.ts reads the versions at most a second old).
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { createCacheTriggers, dropCacheTriggers } from '../cache-triggers.js';

/** The scopes and their tables when this was written; a table added later gets its trigger in its own migration (db/cache-scopes.ts). */
const TABLES: Record<string, readonly string[]> = {
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
  ],
  wishes: ['wishes'],
};

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('cache_versions')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.insertInto('cache_versions').values(Object.keys(TABLES).map((scope) => ({ scope, version: 1 }))).execute();
  if (pg) {
    // Raises the scope's version when the statement changed a row (`changed`: the transition table).
    await sql`create or replace function tillsammans_bump_cache_version() returns trigger language plpgsql as $$
      begin
        if TG_OP = 'TRUNCATE' then
          update cache_versions set version = version + 1 where scope = TG_ARGV[0];
        elsif exists (select 1 from changed) then
          update cache_versions set version = version + 1 where scope = TG_ARGV[0];
        end if;
        return null;
      end $$`.execute(db);
  }
  for (const [scope, tables] of Object.entries(TABLES)) await createCacheTriggers(db, scope, tables);
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const tables of Object.values(TABLES)) await dropCacheTriggers(db, tables);
  if (pg) await sql`drop function if exists tillsammans_bump_cache_version()`.execute(db);
  await db.schema.dropTable('cache_versions').ifExists().execute();
}
