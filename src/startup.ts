/** What an instance does to its database before it serves: migrate, demo data, the occurrence window, the first coordinator. */
import type { Config } from './config.js';
import { analyzeDatabase, migrateToLatest, withStartupLock, type Db, type DialectName } from './db/index.js';
import { seedDemoIfEmpty } from './demo/seed.js';
import { ensureFirstAdmin } from './features/accounts/index.js';
import { refreshOccurrenceWindow } from './features/calendar/index.js';
import { localToday } from './web/time.js';

/**
 * Prepares the database, one instance at a time (instances starting together on an empty
 * PostgreSQL database all come up, and only the first one seeds and creates the coordinator).
 * Returns the first coordinator's one-time sign-in link when this instance created them.
 */
export async function prepareDatabase(
  deps: { db: Db; dialect: DialectName; config: Pick<Config, 'seedDemo' | 'adminEmail' | 'publicUrl'> },
  now: Date,
): Promise<string | null> {
  const { db, config } = deps;
  return withStartupLock(db, deps.dialect, async () => {
    await migrateToLatest(db);
    if (config.seedDemo) await seedDemoIfEmpty(db, now);
    await refreshOccurrenceWindow(db, localToday(now));
    await analyzeDatabase(db);
    return ensureFirstAdmin(db, { email: config.adminEmail, publicUrl: config.publicUrl, now });
  });
}
