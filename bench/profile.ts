/** Times the start page in-process, phase by phase; `node --cpu-prof dist/bench/profile.js` for a profile. */
import { profileApp } from './profile-app.js';

const app = await profileApp();
const url = process.argv[2] ?? '/';
for (let i = 0; i < 20; i++) await app.inject({ method: 'GET', url });
const n = Number(process.env.N ?? 100);
const c0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < n; i++) await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
const cpu = process.cpuUsage(c0);
console.log(`${url}: ${((performance.now() - t0) / n).toFixed(2)} ms per request, ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms CPU`);
await app.close();
