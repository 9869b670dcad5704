/**
 * The benchmark's server process: the real app on an SQLite file holding the large data set, plus one
 * bare route that returns the start page's text from memory through the same encoding and compression
 * (the baseline), and one with its bytes.
 */
import path from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { analyzeDatabase, migrateToLatest, openDatabase } from '../src/db/index.js';
import { benchNow, seedBenchData } from './dataset.js';

const [dir, portArg] = process.argv.slice(2);
const now = benchNow();
const { db, dialect } = openDatabase({ sqliteFile: path.join(dir!, 'bench.sqlite') });
await migrateToLatest(db);
const seedStart = performance.now();
await seedBenchData(db, now, { organisations: 200, activities: 2000 });
await analyzeDatabase(db);
const seedMs = performance.now() - seedStart;

// Load generators hammer from one address; the API's per-client limit would measure itself.
const config = loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false', PORT: portArg, API_RATE_LIMIT_PER_MINUTE: '1000000' });
const app = await buildApp({ db, dialect, config, now: () => now });
let baseline: string | null = null;
let baselineBytes: Buffer | null = null;
// The page's text, encoded and compressed on every request as a drawn page is (as before the response
// cache kept compressed copies): the same yardstick as earlier runs. And the page's bytes, compressed only.
app.get('/__bench/baseline', { config: { access: 'public' } }, async (_request, reply) => reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(baseline));
app.get('/__bench/baseline-bytes', { config: { access: 'public' } }, async (_request, reply) => reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(baselineBytes));
await app.ready();
const page = await app.inject({ method: 'GET', url: '/' });
baseline = page.body;
baselineBytes = page.rawPayload;
await app.listen({ port: Number(portArg), host: '127.0.0.1' });
// The same app without the response cache: what a cache miss costs.
const uncached = await buildApp({ db, dialect, config: { ...config, cacheTtlSeconds: 0 }, now: () => now });
await uncached.listen({ port: Number(portArg) + 1, host: '127.0.0.1' });
const counts = await db.selectFrom('occurrences').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
process.send?.({ ready: true, seedMs, occurrences: Number(counts?.n ?? 0) });
process.on('message', (m: { memory?: boolean; cpu?: boolean }) => {
  if (m.memory) process.send?.({ memory: process.memoryUsage() });
  if (m.cpu) process.send?.({ cpu: process.cpuUsage() });
});
