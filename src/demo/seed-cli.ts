/** `npm run seed:demo`: loads the demo data into the configured database (`-- --reset` empties it first). */
import path from 'node:path';
import { loadConfig } from '../config.js';
import { migrateAllDown, migrateToLatest, openDatabase } from '../db/index.js';
import { isEmpty, seedDemo } from './seed.js';

const config = loadConfig();
const { db, close } = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'tillsammans.sqlite') });
const reset = process.argv.includes('--reset');
try {
  if (reset) await migrateAllDown(db);
  await migrateToLatest(db);
  if (!(await isEmpty(db))) {
    console.error('The database already has data. Run `npm run seed:demo -- --reset` to replace everything with the demo data.');
    process.exitCode = 1;
  } else {
    const result = await seedDemo(db, new Date());
    console.log(`Loaded demo data: ${result.organisations} organisations, ${result.places} places, ${result.activities} activities.`);
  }
} finally {
  await close();
}
