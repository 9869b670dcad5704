/**
 * `npm run bench`: 2,000 activities and 200 organisations; requests/s and latency of the start page,
 * a filtered week, an activity page and the week API, against a baseline (the same start page's text from
 * memory through the same server, encoding and compression). Prints the figures and writes bench/results.json.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { runPlanningBench } from './planning.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const PORT = 3900 + Math.floor(Math.random() * 50);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;

interface Figures {
  name: string;
  path: string;
  /** CPU time of the server process per request (user + system), when measured. */
  cpuMsPerRequest?: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

function serverCpu(): Promise<NodeJS.CpuUsage> {
  return new Promise((resolve) => {
    const onMessage = (m: any) => {
      if (!m.cpu) return;
      server.off('message', onMessage);
      resolve(m.cpu);
    };
    server.on('message', onMessage);
    server.send({ cpu: true });
  });
}

async function measure(name: string, urlPath: string, base = BASE): Promise<Figures> {
  const opts = { url: base + urlPath, connections: CONNECTIONS, headers: { 'accept-encoding': 'gzip' } };
  await autocannon({ ...opts, duration: 2 }); // warm-up
  const before = await serverCpu();
  const r = await autocannon({ ...opts, duration: DURATION });
  const used = await serverCpu();
  const cpuMs = (used.user - before.user + used.system - before.system) / 1000;
  return {
    name,
    path: urlPath,
    cpuMsPerRequest: Number((cpuMs / Math.max(1, r.requests.total)).toFixed(2)),
    requestsPerSecond: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillsammans-bench-'));
const server = fork(path.join(here, 'server.js'), [dir, String(PORT)], { stdio: 'inherit' });
const ready = await new Promise<{ seedMs: number; occurrences: number }>((resolve, reject) => {
  server.once('message', (m: any) => (m.ready ? resolve(m) : reject(new Error('server failed'))));
  server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});
console.log(`Seeded 2,000 activities and 200 organisations (${ready.occurrences} occurrences) in ${(ready.seedMs / 1000).toFixed(1)} s.`);

try {
  const home = await fetch(`${BASE}/`);
  const html = Buffer.from(await home.arrayBuffer());
  const cssPath = /href="(\/static\/styles\.[^"]+\.css)"/.exec(html.toString())![1]!;
  const css = Buffer.from(await (await fetch(BASE + cssPath)).arrayBuffer());
  const scripts = (html.toString().match(/<script/g) ?? []).length;
  const gz = (b: Buffer) => zlib.gzipSync(b).length;
  const size = { htmlBytes: html.length, htmlGzip: gz(html), cssGzip: gz(css), totalGzip: gz(html) + gz(css), scripts };

  const api = await (await fetch(`${BASE}/api/v1/activities?limit=1`)).json();
  const activityUrl = new URL(api.occurrences[0].activity.url).pathname;

  const results: Figures[] = [];
  results.push(await measure('baseline (start page text from memory)', '/__bench/baseline'));
  results.push(await measure('start page', '/'));
  results.push(await measure('filtered week', '/?category=sprakcafe&district=vivalla&free=true'));
  results.push(await measure('activity page', activityUrl));
  results.push(await measure('week API', '/api/v1/activities?limit=200'));
  const UNCACHED = `http://127.0.0.1:${PORT + 1}`;
  results.push(await measure('start page, cache off (every request renders)', '/', UNCACHED));
  results.push(await measure('filtered week, cache off', '/?category=sprakcafe&district=vivalla&free=true', UNCACHED));
  results.push(await measure('activity page, cache off', activityUrl, UNCACHED));
  results.push(await measure('week API, cache off', '/api/v1/activities?limit=200', UNCACHED));
  const bytesBaseline = await measure('start page bytes from memory (no encoding)', '/__bench/baseline-bytes');
  results.push(bytesBaseline);
  const memory = await new Promise<NodeJS.MemoryUsage>((resolve) => {
    server.once('message', (m: any) => resolve(m.memory));
    server.send({ memory: true });
  });

  const baseline = results[0]!;
  const start = results[1]!;
  const ratio = start.requestsPerSecond / baseline.requestsPerSecond;
  console.log(`\n${'target'.padEnd(48)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'CPU ms/req'.padStart(11)}`);
  for (const r of results) {
    console.log(
      `${r.name.padEnd(48)} ${String(r.requestsPerSecond).padStart(8)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${String(r.cpuMsPerRequest ?? '').padStart(11)}${r.errors || r.non2xx ? `  (${r.errors} errors, ${r.non2xx} non-2xx)` : ''}`,
    );
  }
  console.log(`\nstart page / baseline: ${(ratio * 100).toFixed(1)} % of the baseline's requests/s (target ≥ 30 %)`);
  const startUncached = results[5]!;
  console.log(`start page p99: ${start.p99} ms (target < 100 ms); with the cache off: ${startUncached.p99} ms (target < 100 ms), ${((startUncached.requestsPerSecond / baseline.requestsPerSecond) * 100).toFixed(1)} % of the baseline (target ≥ 25 %), ${startUncached.cpuMsPerRequest} ms CPU per render`);
  console.log(`(against the page's bytes, which skip the encoding a drawn page needs: ${bytesBaseline.requestsPerSecond} req/s, ${((startUncached.requestsPerSecond / bytesBaseline.requestsPerSecond) * 100).toFixed(1)} %)`);
  console.log(`start page size: ${(size.htmlGzip / 1024).toFixed(1)} KB HTML + ${(size.cssGzip / 1024).toFixed(1)} KB CSS gzipped = ${(size.totalGzip / 1024).toFixed(1)} KB (target < 30 KB), ${scripts} scripts`);
  console.log(`server memory after the run: ${(memory.rss / 2 ** 20).toFixed(0)} MiB RSS, ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB heap`);

  console.log('\nPlanning with 5,000 published activities (in this process, no HTTP):');
  const planning = await runPlanningBench(() => {});
  console.log(`clash detection for one activity: p50 ${planning.clashP50.toFixed(2)} ms, p99 ${planning.clashP99.toFixed(2)} ms (target < 50 ms)`);
  console.log(`week grid for a category: p50 ${planning.gridP50.toFixed(2)} ms, p99 ${planning.gridP99.toFixed(2)} ms (target < 150 ms)`);

  const out = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version },
    settings: { durationSeconds: DURATION, connections: CONNECTIONS, activities: 2000, organisations: 200, occurrences: ready.occurrences },
    results,
    startPageRatio: Number(ratio.toFixed(3)),
    startPageUncachedRatio: Number((results[5]!.requestsPerSecond / baseline.requestsPerSecond).toFixed(3)),
    size,
    planning,
    memory: { rssMiB: Math.round(memory.rss / 2 ** 20), heapUsedMiB: Math.round(memory.heapUsed / 2 ** 20) },
  };
  fs.writeFileSync(path.join(here, '..', '..', 'bench', 'results.json'), JSON.stringify(out, null, 2) + '\n');
  console.log('\nWrote bench/results.json');
} finally {
  server.kill();
  fs.rmSync(dir, { recursive: true, force: true });
}
