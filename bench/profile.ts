/** Times the start page in-process, phase by phase; `node --cpu-prof dist/bench/profile.js` for a profile. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { analyzeDatabase, migrateToLatest, openDatabase } from '../src/db/index.js';
import { seedBenchData } from './dataset.js';

const file = path.join(os.tmpdir(), 'tillsammans-profile.sqlite');
const fresh = !fs.existsSync(file);
const now = new Date();
const { db, dialect } = openDatabase({ sqliteFile: file });
await migrateToLatest(db);
if (fresh) await seedBenchData(db, now, { organisations: 200, activities: 2000 });
await analyzeDatabase(db);
const app = await buildApp({ db, dialect, config: loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false', CACHE_TTL_SECONDS: '0' }), now: () => now });
await app.ready();
const url = process.argv[2] ?? '/';
for (let i = 0; i < 20; i++) await app.inject({ method: 'GET', url });
const n = Number(process.env.N ?? 100);
const c0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < n; i++) await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
const cpu = process.cpuUsage(c0);
console.log(`${url}: ${((performance.now() - t0) / n).toFixed(2)} ms per request, ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms CPU`);
await app.close();
