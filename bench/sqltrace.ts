/** Lists the SQL statements a page runs per request on SQLite, with the time each takes: `node dist/bench/sqltrace.js /`. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { analyzeDatabase, migrateToLatest, openDatabase } from '../src/db/index.js';
import { seedBenchData } from './dataset.js';

const stats = new Map<string, { n: number; ms: number }>();
let on = false;
const proto = (Database as unknown as { prototype: { prepare: (sql: string) => Record<string, (...args: unknown[]) => unknown> } }).prototype;
const prepare = proto.prepare;
proto.prepare = function (this: unknown, sqlText: string) {
  const statement = prepare.call(this, sqlText);
  for (const method of ['all', 'get', 'run']) {
    const original = statement[method]!.bind(statement);
    statement[method] = (...args: unknown[]) => {
      const started = performance.now();
      const result = original(...args);
      if (on) {
        const s = stats.get(sqlText) ?? { n: 0, ms: 0 };
        s.n++;
        s.ms += performance.now() - started;
        stats.set(sqlText, s);
      }
      return result;
    };
  }
  return statement;
};

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
on = true;
const n = 100;
const started = performance.now();
for (let i = 0; i < n; i++) await app.inject({ method: 'GET', url });
const wall = (performance.now() - started) / n;
let total = 0;
for (const [text, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms)) {
  total += s.ms;
  console.log(`${(s.ms / n).toFixed(3)} ms  x${s.n / n}  ${text.replace(/\s+/g, ' ').slice(0, 160)}`);
}
console.log(`${url}: SQL ${(total / n).toFixed(2)} ms of ${wall.toFixed(2)} ms per request`);
await app.close();
