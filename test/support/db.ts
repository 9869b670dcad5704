/** A fresh, migrated database for one integration test file: SQLite in memory or a throw-away PostgreSQL database. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { migrateToLatest, openDatabase, type OpenDatabase } from '../../src/db/index.js';
import { PG_ADMIN_URL } from './environment.js';

export const testDialect = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

/** Reason to skip this file's database tests, or false. */
export function skipDatabase(): string | false {
  if (testDialect !== 'postgres') return false;
  return inject('postgresSkip') ?? false;
}

export interface TestDatabase extends OpenDatabase {
  url: string | undefined;
  /** A second connection (pool) to the same database, as another instance would have; needs `shared` on SQLite. */
  openAnother(): OpenDatabase;
  /** Closes and removes the database. */
  dispose(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates, opens and migrates a database of the dialect this test project runs on. */
export async function createTestDatabase(options: { migrate?: boolean; shared?: boolean } = {}): Promise<TestDatabase> {
  if (testDialect === 'sqlite') {
    // In memory unless two connections must share it (then a throw-away file).
    const dir = options.shared ? fs.mkdtempSync(path.join(os.tmpdir(), 'tillsammans-test-')) : undefined;
    const sqliteFile = dir ? path.join(dir, 'test.sqlite') : ':memory:';
    const open = openDatabase({ sqliteFile });
    if (options.migrate !== false) await migrateToLatest(open.db);
    return {
      ...open,
      url: undefined,
      openAnother() {
        if (!dir) throw new Error('createTestDatabase({ shared: true }) is needed for a second SQLite connection');
        return openDatabase({ sqliteFile });
      },
      async dispose() {
        await open.close();
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `tillsammans_test_${crypto.randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const open = openDatabase({ databaseUrl: url.toString() });
  if (options.migrate !== false) await migrateToLatest(open.db);
  return {
    ...open,
    url: url.toString(),
    openAnother: () => openDatabase({ databaseUrl: url.toString() }),
    async dispose() {
      await open.close();
      // Connections the pool is still closing make a plain drop fail for a moment: retry, then force.
      for (let attempt = 0; ; attempt++) {
        try {
          await admin((c) => c.query(`drop database if exists ${name}${attempt >= 20 ? ' with (force)' : ''}`));
          return;
        } catch (error) {
          if (attempt >= 20) throw error;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    },
  };
}
