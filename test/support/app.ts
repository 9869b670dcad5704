/** Builds the real application on a test database, with a fixed clock and the demo data loaded. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { seedDemo } from '../../src/demo/seed.js';
import { createTestDatabase, type TestDatabase } from './db.js';

/** A Thursday in week 48 of 2026, mid-morning in Stockholm. */
export const FIXED_NOW = new Date('2026-11-26T09:00:00Z');

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function createTestApp(
  options: { now?: Date; seed?: boolean; cacheTtlSeconds?: number; chromiumPath?: string; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const now = options.now ?? FIXED_NOW;
  const database = await createTestDatabase();
  if (options.seed !== false) await seedDemo(database.db, now);
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
  const app = await buildApp({ db: database.db, dialect: database.dialect, config, now: () => now });
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
