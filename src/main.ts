/** Process entry: read config, open and migrate the database, load demo data, start the server and the daily job. */
import path from 'node:path';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { analyzeDatabase, migrateToLatest, openDatabase } from './db/index.js';
import { seedDemoIfEmpty } from './demo/seed.js';
import { ensureFirstAdmin, pruneRateLimits } from './features/accounts/index.js';
import { refreshOccurrenceWindow } from './features/calendar/index.js';
import { deleteExpiredUnconfirmed } from './features/workspace/index.js';
import { createImportDeps, runImports } from './features/imports/index.js';
import { eraseExpired, sendFollowUpReminders } from './features/guide/index.js';
import { localToday } from './web/time.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const { db, dialect, close } = openDatabase({
    databaseUrl: config.databaseUrl,
    sqliteFile: path.join(config.dataDir, 'tillsammans.sqlite'),
  });
  await migrateToLatest(db);
  const now = () => new Date();
  if (config.seedDemo) await seedDemoIfEmpty(db, now());
  await refreshOccurrenceWindow(db, localToday(now()));
  await deleteExpiredUnconfirmed(db, now());
  await analyzeDatabase(db);

  const app = await buildApp({ db, dialect, config, now });
  // Keep the materialised occurrences a rolling window ahead of today.
  // Guides hear about due follow-ups; personal data of cases closed long enough ago is erased.
  const guideJobs = async () => {
    await sendFollowUpReminders({ db, mailer: app.deps.mailer, publicUrl: config.publicUrl }, now());
    await eraseExpired(db, now(), config.guideRetentionMonths);
  };
  await guideJobs();
  // Suggestions nobody confirmed are deleted when their link expires (their senders' addresses with them).
  const timer = setInterval(() => {
    refreshOccurrenceWindow(db, localToday(now()))
      .then((refreshed) => (refreshed ? analyzeDatabase(db) : undefined))
      .catch((err) => app.log.error({ err }, 'occurrence refresh failed'));
    deleteExpiredUnconfirmed(db, now()).catch((err) => app.log.error({ err }, 'removing unconfirmed suggestions failed'));
    guideJobs().catch((err) => app.log.error({ err }, 'guide reminders or erasure failed'));
    pruneRateLimits(db, new Date(now().getTime() - 864e5)).catch((err) => app.log.error({ err }, 'pruning rate limits failed'));
  }, 6 * 60 * 60 * 1000);
  timer.unref();
  // Connected calendars are synced every hour (first a minute after start), by one instance at a time.
  const importDeps = createImportDeps({ db, mailer: app.deps.mailer, config, log: app.log });
  const syncCalendars = () => {
    runImports(importDeps, now()).catch((err) => app.log.error({ err }, 'calendar import failed'));
  };
  const importTimer = setInterval(syncCalendars, 60 * 60 * 1000);
  importTimer.unref();
  setTimeout(syncCalendars, 60 * 1000).unref();

  const shutdown = async () => {
    clearInterval(timer);
    clearInterval(importTimer);
    await app.close();
    await close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  const firstLink = await ensureFirstAdmin(db, { email: config.adminEmail, publicUrl: config.publicUrl, now: now() });
  await app.listen({ port: config.port, host: config.host });
  if (firstLink) {
    app.log.info(`No coordinator yet: created ${config.adminEmail}. Sign in within 24 hours with this one-time link: ${firstLink}`);
  }
  app.log.info(`Tillsammans is running on ${config.publicUrl} (${dialect === 'sqlite' ? `SQLite in ${config.dataDir}` : 'PostgreSQL'})`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
