/** Process entry: read config, prepare the database, start the server and the scheduled jobs. */
import path from 'node:path';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/index.js';
import { createJobs, createScheduler } from './jobs/index.js';
import { prepareDatabase } from './startup.js';

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
  const now = () => new Date();
  const firstLink = await prepareDatabase({ db, dialect, config }, now());

  const app = await buildApp({ db, dialect, config, now });
  const scheduler = createScheduler({ db, now, log: app.log, jobs: createJobs({ db, mailer: app.deps.mailer, config, log: app.log }) });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: finishing requests and jobs in progress`);
    // Requests in flight and a job run in progress finish; then the database closes.
    await Promise.allSettled([app.close(), scheduler.stop()]);
    await close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  scheduler.start();
  if (firstLink) {
    app.log.info(`No coordinator yet: created ${config.adminEmail}. Sign in within 24 hours with this one-time link: ${firstLink}`);
  }
  app.log.info(`Tillsammans is running on ${config.publicUrl} (${dialect === 'sqlite' ? `SQLite in ${config.dataDir}` : 'PostgreSQL'})`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
