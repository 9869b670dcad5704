/** The app the in-process profilers measure: the bench data set in a SQLite file kept between runs, no response cache. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { analyzeDatabase, migrateToLatest, openDatabase } from '../src/db/index.js';
import { benchNow, seedBenchData } from './dataset.js';

export async function profileApp() {
  const file = path.join(os.tmpdir(), 'tillsammans-profile.sqlite');
  const fresh = !fs.existsSync(file);
  const now = benchNow();
  const { db, dialect } = openDatabase({ sqliteFile: file });
  await migrateToLatest(db);
  if (fresh) await seedBenchData(db, now, { organisations: 200, activities: 2000 });
  await analyzeDatabase(db);
  const app = await buildApp({ db, dialect, config: loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false', CACHE_TTL_SECONDS: '0' }), now: () => now });
  await app.ready();
  return app;
}
