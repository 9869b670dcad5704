/**
 * The triggers that raise a cache scope's version on every write to a table (see cache-scopes.ts):
 * once per statement on PostgreSQL, once per row on SQLite (which has no statement triggers).
 * Migrations call these for the tables they add to a scope.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function createCacheTriggers(db: Kysely<any>, scope: string, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    if (isPostgres(db)) {
      await sql
        .raw(`create trigger ${table}_cache_version after insert or update or delete or truncate on ${table} for each statement execute function tillsammans_bump_cache_version('${scope}')`)
        .execute(db);
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
    if (isPostgres(db)) await sql.raw(`drop trigger if exists ${table}_cache_version on ${table}`).execute(db);
    else for (const event of ['insert', 'update', 'delete']) await sql.raw(`drop trigger if exists ${table}_cache_version_${event}`).execute(db);
  }
}
