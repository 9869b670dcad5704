/** Lists the SQL statements a page runs per request on SQLite, with the time each takes: `node dist/bench/sqltrace.js /`. */
import Database from 'better-sqlite3';
import { profileApp } from './profile-app.js';

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

const app = await profileApp();
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
