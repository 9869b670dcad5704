/** Builds the real application on a test database, with a fixed clock and the demo data loaded. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { seedDemo } from '../../src/demo/seed.js';
import type { OpenDatabase } from '../../src/db/index.js';
import { createTestDatabase, type TestDatabase } from './db.js';

/** A Thursday in week 48 of 2026, mid-morning in Stockholm. */
export const FIXED_NOW = new Date('2026-11-26T09:00:00Z');

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

export interface TestAppOptions {
  now?: Date;
  /** A clock the test moves (the demo data is loaded at its first reading); `now` is ignored then. */
  clock?: () => Date;
  seed?: boolean;
  cacheTtlSeconds?: number;
  chromiumPath?: string;
  env?: Record<string, string>;
  /** Another connection to an existing database (TestDatabase.openAnother), as a second instance has: not seeded; close() only closes it. */
  database?: OpenDatabase;
  /** Instead of waiting (the slow-down of password guessing); the default waits. */
  sleep?: (ms: number) => Promise<void>;
  /** Receives the log lines; give LOG_LEVEL in `env` too, as tests log nothing by default. */
  logStream?: { write(line: string): void };
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const fixed = options.now ?? FIXED_NOW;
  const clock = options.clock ?? (() => fixed);
  const now = clock();
  const shared = options.database;
  const database: TestDatabase = shared
    ? {
        ...shared,
        url: undefined,
        dispose: shared.close,
        openAnother() {
          throw new Error('open another connection from the first TestDatabase');
        },
      }
    : await createTestDatabase();
  if (!shared && options.seed !== false) await seedDemo(database.db, now);
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://tillsammans.test',
    SEED_DEMO: 'false',
    CACHE_TTL_SECONDS: String(options.cacheTtlSeconds ?? 0),
    // Tests send many requests from one address; the limit itself has its own test.
    API_RATE_LIMIT_PER_MINUTE: '1000000',
    ...(options.chromiumPath ? { CHROMIUM_PATH: options.chromiumPath } : {}),
    ...options.env,
  });
  const app = await buildApp({ db: database.db, dialect: database.dialect, config, now: clock, sleep: options.sleep, logStream: options.logStream });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.dispose();
    },
  };
}
