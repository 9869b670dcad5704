/** Opens the database (SQLite file by default, PostgreSQL when a URL is given) and runs migrations. */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { CamelCasePlugin, Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Database } from './schema.js';
import { migrations } from './migrations/index.js';

export type { Database } from './schema.js';
export type Db = Kysely<Database>;
export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseOptions {
  /** PostgreSQL URL; when absent SQLite is used. */
  databaseUrl?: string | undefined;
  /** SQLite file path, or ':memory:'. */
  sqliteFile?: string;
}

export interface OpenDatabase {
  db: Db;
  dialect: DialectName;
  close(): Promise<void>;
}

// PostgreSQL returns int8 (count(*)) and numeric as strings; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

/** Opens a connection pool or file; does not migrate. */
export function openDatabase(options: DatabaseOptions): OpenDatabase {
  const plugins = [new CamelCasePlugin()];
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection the server drops (restart, failover) must not take the process down;
    // the pool replaces it on the next query.
    pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const file = options.sqliteFile ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), plugins });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * A statement whose text begins with this comment returns each row on SQLite as an array of values in
 * the order of its select list, not as an object: building an object with two dozen named fields costs
 * more than reading the row. PostgreSQL ignores the comment; `rowValues` reads either.
 */
export const ROWS_AS_ARRAYS = '/* rows as arrays */ ';

/** A row's values in select-list order, from an array row (SQLite, see ROWS_AS_ARRAYS) or an object row. */
export function rowValues(row: unknown): unknown[] {
  return Array.isArray(row) ? row : Object.values(row as object);
}

/**
 * Keeps the last few hundred prepared statements by SQL text: preparing a four-table join costs more
 * than running it, and the same statements run on every page. A statement still in use (a cursor
 * open over it) is never handed out twice: then a fresh one is prepared.
 */
export function withStatementCache(sqlite: SQLite.Database, size = 500): SQLite.Database {
  const statements = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property !== 'prepare') {
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (source: string) => {
        const cached = statements.get(source);
        if (cached && !cached.busy) {
          // Most recently used last, so the oldest goes first when full.
          statements.delete(source);
          statements.set(source, cached);
          return cached;
        }
        const statement = prepare(source);
        if (source.startsWith(ROWS_AS_ARRAYS) && statement.reader) statement.raw(true);
        if (!cached) {
          if (statements.size >= size) statements.delete(statements.keys().next().value!);
          statements.set(source, statement);
        }
        return statement;
      };
    },
  });
}

function migrator(db: Db): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

/**
 * Brings the schema up to date. Kysely's migrator takes a lock row (PostgreSQL) or a write
 * transaction (SQLite), so instances starting together run each migration once.
 */
export async function migrateToLatest(db: Db): Promise<void> {
  const { error, results } = await migrator(db).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}

/** Undoes every migration; used by the migration test. */
export async function migrateAllDown(db: Db): Promise<void> {
  const m = migrator(db);
  for (;;) {
    const { error, results } = await m.migrateDown();
    if (error) throw error;
    if (!results || results.length === 0) return;
  }
}

/**
 * Refreshes the planner's statistics. Without them SQLite walks every published activity to find one
 * day's occurrences instead of using the date index; run after bulk writes (seeding, window refresh).
 */
export async function analyzeDatabase(db: Db): Promise<void> {
  await sql`analyze`.execute(db);
}

/** Key of the PostgreSQL advisory lock held while an instance migrates and prepares the database. */
const STARTUP_LOCK = 748_201_331;

/**
 * Runs `fn` while no other instance on the same database runs its own: on PostgreSQL under a
 * session advisory lock (released if the process dies), so instances starting together on an empty
 * database migrate, load demo data and create the first coordinator one after another. An SQLite
 * file serves one process; there `fn` simply runs.
 */
export async function withStartupLock<T>(db: Db, dialect: DialectName, fn: () => Promise<T>): Promise<T> {
  if (dialect !== 'postgres') return fn();
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${STARTUP_LOCK})`.execute(connection);
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(${STARTUP_LOCK})`.execute(connection);
    }
  });
}

/**
 * Runs `fn` in the caller's transaction when `db` is one, otherwise in a new one. Stores write their
 * several statements through this, so a command that opened a transaction (insert + revision +
 * audit + queued mail) gets them all or none.
 */
export function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
