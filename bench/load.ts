/**
 * `npm run load`: the platform under load, in four phases: LOAD_SECONDS each (default 60) for 1 and 3,
 * half of it (at least 10 s) for 2 and 4:
 *
 * 1. SQLite, one instance: 200 concurrent readers (start page, filtered and next week, activity pages,
 *    the organisation directory, the API) and 10 signed-in editors saving activities.
 * 2. The same, and the instance is killed with -9 halfway and started again on the same file.
 * 3. PostgreSQL, two instances on one throw-away database (started together: one seeds, the other
 *    waits for the startup lock), readers split between them, editors alternating.
 * 4. The same, and the second instance is killed with -9 halfway; its readers and the editors go on
 *    against the first.
 *
 * After every phase each acknowledged save is read back from the database: its title must still be
 * there (or a later one of the same editor). Prints the figures, writes bench/load-results.json, and
 * exits 1 when an acknowledged save was lost or the load test itself failed. Phases 3 and 4 are
 * skipped when no PostgreSQL answers at DATABASE_URL (default postgres://postgres@127.0.0.1:5432) or
 * LOAD_POSTGRES=false. LOAD_PROGRESS_SECONDS sets how often a phase prints its progress (default 10). After each phase the
 * instances' RSS is read at the end and again once they idle (every 5 s until within the target, at most
 * LOAD_SETTLE_SECONDS, default 90): V8 keeps the heap a burst grew until it sees the burst is over.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { openDatabase, type Db } from '../src/db/index.js';
import { insertUser } from '../src/features/accounts/accounts.commands.js';
import { insertSession } from '../src/features/accounts/accounts.store.js';
import { newSecret } from '../src/features/accounts/secrets.js';
import { setOrganisationFlags } from '../src/features/organisations/organisation.store.js';
import { Ledger, LoadToolError, Tally, runEditors, type EditorAccount, type EditorCounts, type Target } from './load-editors.js';
import { Instance, killAll, settle, sleep } from './load-instances.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SECONDS = wholeNumber('LOAD_SECONDS', 60);
/** The phases that kill an instance run half as long (at least 10 s): the kill comes halfway. */
const KILL_SECONDS = Math.max(10, Math.round(SECONDS / 2));
const READERS = 200;
const EDITORS = 10;
const RSS_TARGET_MB = 250;
/** How long an instance may idle after a phase before its RSS is read as settled (LOAD_SETTLE_SECONDS). */
const SETTLE_SECONDS = wholeNumber('LOAD_SETTLE_SECONDS', 90, 0);
/** How often a phase prints its progress (LOAD_PROGRESS_SECONDS, default 10). */
const PROGRESS_SECONDS = wholeNumber('LOAD_PROGRESS_SECONDS', 10, 1);
const MB = 1e6;
/** The response cache as an instance has it without CACHE_TTL_SECONDS (the load test leaves it at its default). */
const CACHE_TTL_SECONDS = loadConfig({}).cacheTtlSeconds;

function wholeNumber(name: string, fallback: number, min = 2): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new LoadToolError(`${name} must be a whole number of seconds, at least ${min}; got "${value}"`);
  return n;
}

// --- figures ------------------------------------------------------------------------------------

interface Figures {
  requests: number;
  errors: number;
  non2xx: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  errorKinds: Record<string, number>;
  samples?: string[];
}

interface Row extends Figures {
  instance: string;
  role: 'readers' | 'editors';
}

interface InstanceMemory {
  instance: string;
  rssBeforeMB: number | null;
  rssAfterMB: number | null;
  heapAfterMB: number | null;
  /** RSS once the load is over and the instance idles: V8 gives back the heap a burst grew. */
  rssSettledMB: number | null;
  settledAfterSeconds: number | null;
  /** CPU time the instance used during the phase, in percent of one core; null for one killed. */
  cpuPercent: number | null;
}

interface PhaseResult {
  phase: string;
  database: 'sqlite' | 'postgres';
  seconds: number;
  /** Whether errors are a target (0) in this phase: not in the phases that kill an instance. */
  errorsAreTarget: boolean;
  rows: Row[];
  memory: InstanceMemory[];
  writes: EditorCounts & { lost: number; lostSamples: string[] };
  events: string[];
  serverLogErrors: string[];
  /** Error lines of the server logs grouped by message and URL, most frequent first. */
  serverLogSummary: [string, number][];
}

const fromTally = (t: Tally): Figures => ({
  requests: t.requests,
  errors: t.errors,
  non2xx: t.non2xx,
  p50: t.percentile(50),
  p99: t.percentile(99),
  statuses: Object.fromEntries(t.statuses),
  errorKinds: Object.fromEntries(t.errorKinds),
  ...(t.samples.length ? { samples: t.samples } : {}),
});

const mb = (bytes: number) => Math.round(bytes / MB);

// --- readers ------------------------------------------------------------------------------------

interface Readers {
  stop(): void;
  done: Promise<Figures>;
  /** Answers and errors so far. */
  progress: { answers: number; errors: number };
}

/** `connections` readers against one instance until `seconds` pass or stop() is called, each request a random path of `paths`. */
function startReaders(base: string, connections: number, paths: string[], seconds: number): Readers {
  const errorKinds = new Map<string, number>();
  let resolveDone!: (f: Figures) => void;
  let rejectDone!: (e: unknown) => void;
  const done = new Promise<Figures>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });
  const instance = autocannon(
    {
      url: base,
      connections,
      duration: seconds,
      timeout: 10,
      // Results are gathered every sampleInt: a stop() takes effect within 200 ms.
      sampleInt: 200,
      headers: { 'accept-encoding': 'gzip' },
      requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[Math.floor(Math.random() * paths.length)]! }) }],
    },
    (error, r) => {
      if (error) return rejectDone(error);
      const statuses: Record<string, number> = {};
      for (const [code, s] of Object.entries(r.statusCodeStats ?? {})) statuses[code] = s.count ?? 0;
      resolveDone({
        requests: r.requests.total + r.errors,
        errors: r.errors,
        non2xx: r.non2xx,
        p50: r.latency.p50,
        p99: r.latency.p99,
        statuses,
        errorKinds: Object.fromEntries(errorKinds),
      });
    },
  );
  const progress = { answers: 0, errors: 0 };
  instance.on('response', () => progress.answers++);
  instance.on('reqError', (error: Error & { code?: string }) => {
    progress.errors++;
    const kind = error.code ?? error.message;
    errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
  });
  return { stop: () => instance.stop(), done, progress };
}

// --- set-up of editors and the readers' paths -----------------------------------------------------

/** Ten organisations with the most activities become trusted (saves publish at once), each with an editor and a session. */
async function createEditors(db: Db): Promise<EditorAccount[]> {
  const now = new Date();
  const busiest = await db
    .selectFrom('activityHosts')
    .select(['organisationId', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('organisationId')
    .orderBy('n', 'desc')
    .orderBy('organisationId')
    .limit(EDITORS)
    .execute();
  if (busiest.length < EDITORS) throw new LoadToolError(`the data set has ${busiest.length} organisations with activities, ${EDITORS} needed`);
  const run = crypto.randomBytes(3).toString('hex');
  const accounts: EditorAccount[] = [];
  for (const [index, { organisationId }] of busiest.entries()) {
    const org = await db.selectFrom('organisations').select(['slug']).where('id', '=', organisationId).executeTakeFirstOrThrow();
    const activities = await db
      .selectFrom('activityHosts')
      .select('activityId')
      .where('organisationId', '=', organisationId)
      .orderBy('activityId')
      .limit(5)
      .execute();
    await setOrganisationFlags(db, organisationId, { trusted: true }, now);
    const userId = await insertUser(
      db,
      { email: `load-editor-${index}-${run}@load.test`, name: `Editor ${index}`, passwordHash: null, isAdmin: false, isGuide: false, isTranslator: false, organisationIds: [organisationId] },
      now,
    );
    const { secret, hash } = newSecret();
    await insertSession(db, { idHash: hash, userId, expiresAt: new Date(now.getTime() + 864e5).toISOString(), userAgent: 'load test' }, now);
    accounts.push({ index, sessionSecret: secret, organisationSlug: org.slug, activityIds: activities.map((a) => a.activityId) });
  }
  return accounts;
}

/** What readers ask for, weighted: start page, filtered week, next week, activity pages (none an editor changes), directory, API. */
async function readerPaths(db: Db, base: string, accounts: EditorAccount[]): Promise<string[]> {
  const edited = accounts.flatMap((a) => a.activityIds);
  const ids = await db
    .selectFrom('activities')
    .select('id')
    .where('status', '=', 'published')
    .where('id', 'not in', edited)
    .orderBy('id')
    .limit(400)
    .execute();
  const activityPaths: string[] = [];
  for (const { id } of ids.filter((_, i) => i % 13 === 0).slice(0, 30)) {
    const res = await fetch(`${base}/aktivitet/${id}`, { redirect: 'manual' });
    await res.arrayBuffer();
    if (res.status === 301) activityPaths.push(res.headers.get('location')!);
    else if (res.status === 200) activityPaths.push(`/aktivitet/${id}`);
    else throw new LoadToolError(`GET /aktivitet/${id} answered ${res.status}`);
  }
  const nextWeek = isoWeek(new Date(Date.now() + 7 * 864e5));
  // Weights in percent; activity pages take the rest (a third).
  const weighted: [string, number][] = [
    ['/', 20],
    ['/?category=sprakcafe&district=vivalla&free=true', 15],
    [`/?week=${nextWeek}`, 7],
    ['/ar/', 5],
    ['/organisationer', 8],
    ['/organisationer?page=2', 4],
    ['/api/v1/activities?limit=200', 5],
    ['/api/v1/organisations', 3],
  ];
  for (const p of [...weighted.map(([p]) => p), ...activityPaths]) {
    const res = await fetch(base + p, { redirect: 'manual' });
    await res.arrayBuffer();
    if (res.status !== 200) throw new LoadToolError(`a reader's path ${p} answered ${res.status}, not 200`);
  }
  const paths = weighted.flatMap(([p, weight]) => Array<string>(weight).fill(p));
  for (let i = paths.length; i < 100; i++) paths.push(activityPaths[i % activityPaths.length]!);
  return paths;
}

function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 864e5 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

// --- a phase ------------------------------------------------------------------------------------

const targetOf = (i: Instance): Target => ({ name: i.name, base: i.base, downUntil: 0, retired: false });

/** CPU seconds the running instances have used so far, by name. */
async function cpuSeconds(instances: Instance[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const i of instances) {
    if (!i.running) continue;
    const { cpu } = await i.stats().catch(() => ({ cpu: null }));
    if (cpu) out.set(i.name, (cpu.user + cpu.system) / 1e6);
  }
  return out;
}

/** Reads every acknowledged title back: how many are gone. */
async function verify(db: Db, ledger: Ledger): Promise<{ lost: number; lostSamples: string[] }> {
  const ids = ledger.activityIds();
  const rows = ids.length ? await db.selectFrom('activities').select(['id', 'title']).where('id', 'in', ids).execute() : [];
  const lost = ledger.lost(new Map(rows.map((r) => [r.id, r.title])));
  return { lost: lost.length, lostSamples: lost.slice(0, 5).map((l) => `activity ${l.activityId}: acknowledged "${l.expected}", stored ${l.found === undefined ? 'nothing' : `"${l.found}"`}`) };
}

interface PhaseArgs {
  phase: string;
  tag: string;
  database: 'sqlite' | 'postgres';
  db: Db;
  instances: Instance[];
  accounts: EditorAccount[];
  paths: string[];
  ledger: Ledger;
  /** What happens halfway; returns lines for the report. */
  halfway?: (ctx: { targets: Target[]; readers: Map<string, Readers[]>; remaining: number }) => Promise<string[]>;
}

/**
 * Reads each running instance's RSS every 5 s once the load has stopped, for at most SETTLE_SECONDS or
 * until it is within the target: what the service keeps, after V8 has given back what the burst grew.
 */
async function settledMemory(instances: Set<Instance>, memory: InstanceMemory[]): Promise<void> {
  const started = Date.now();
  await Promise.all(
    [...instances].map(async (i) => {
      const row = memory.find((m) => m.instance === i.name);
      if (!row || !i.running) return;
      for (;;) {
        const rss = mb((await i.stats()).memory.rss);
        const waited = Math.round((Date.now() - started) / 1000);
        row.rssSettledMB = rss;
        row.settledAfterSeconds = waited;
        if (rss <= RSS_TARGET_MB || waited >= SETTLE_SECONDS || !i.running) return;
        await sleep(5000);
      }
    }),
  );
}

async function runPhase(args: PhaseArgs): Promise<PhaseResult> {
  const { instances, paths, ledger } = args;
  const instanceSet = new Set(instances);
  await settle(instances);
  const before = new Map<Instance, number | null>();
  for (const i of instances) before.set(i, i.running ? (await i.stats()).memory.rss : null);
  const logErrorsBefore = new Map(instances.map((i) => [i, i.logErrors().length]));

  const cpuStart = await cpuSeconds(instances);
  const seconds = args.halfway ? KILL_SECONDS : SECONDS;
  console.log(`\n${args.phase}: ${READERS} readers and ${EDITORS} editors for ${seconds} s …`);
  const started = Date.now();
  const endAt = started + seconds * 1000;
  const targets = instances.map(targetOf);
  const readers = new Map<string, Readers[]>();
  const perInstance = Math.floor(READERS / instances.length);
  instances.forEach((i, n) => readers.set(i.name, [startReaders(i.base, n === 0 ? READERS - perInstance * (instances.length - 1) : perInstance, paths, seconds)]));
  const tallies = new Map<string, Tally>();
  const counts: EditorCounts = { acknowledged: 0, clashConfirmations: 0, notPublished: 0, unanswered: 0 };
  const editing = runEditors({ accounts: args.accounts, targets, ledger, tag: args.tag, endAt, tallies, counts });

  const events: string[] = [];
  let halfway: Promise<void> = Promise.resolve();
  if (args.halfway) {
    const hook = args.halfway;
    halfway = sleep((seconds * 1000) / 2).then(async () => {
      const lines = await hook({ targets, readers, remaining: Math.max(1, Math.round((endAt - Date.now()) / 1000)) });
      for (const line of lines) {
        const at = `${((Date.now() - started) / 1000).toFixed(1)} s`;
        events.push(`${at}: ${line}`);
        console.log(`  ${at}: ${line}`);
      }
    });
  }
  // Every PROGRESS_SECONDS a line of what was answered since the last one: a stall shows as zeros.
  let last = { answers: 0, errors: 0, edits: 0, at: performance.now(), cpu: await cpuSeconds(instances) };
  const tick = async () => {
    const all = [...readers.values()].flat();
    const now = {
      answers: all.reduce((n, r) => n + r.progress.answers, 0),
      errors: all.reduce((n, r) => n + r.progress.errors, 0),
      edits: [...tallies.values()].reduce((n, t) => n + t.requests, 0),
      at: performance.now(),
      cpu: await cpuSeconds(instances),
    };
    const cpu = [...now.cpu]
      .filter(([name]) => last.cpu.has(name))
      .map(([name, s]) => `${name} CPU ${Math.round(((s >= last.cpu.get(name)! ? s - last.cpu.get(name)! : s) * 1e5) / (now.at - last.at))} %`)
      .join(', ');
    console.log(`  ${Math.round((Date.now() - started) / 1000)} s: +${now.answers - last.answers} reads, +${now.errors - last.errors} read errors, +${now.edits - last.edits} editor requests${cpu ? `; ${cpu}` : ''}`);
    last = now;
  };
  const ticker = setInterval(() => tick().catch((error: Error) => console.error(`  progress: ${error.message}`)), PROGRESS_SECONDS * 1000);
  // Readers may be added halfway (a restarted instance, a failover): wait for the hook first.
  const [editorResult] = await Promise.allSettled([editing, halfway]);
  clearInterval(ticker);
  await halfway;
  if (editorResult.status === 'rejected') {
    for (const list of readers.values()) for (const r of list) r.stop();
    throw editorResult.reason;
  }

  const rows: Row[] = [];
  for (const [name, list] of readers) {
    for (const [n, r] of list.entries()) {
      const figures = await r.done;
      const label = (r as Readers & { label?: string }).label ?? (list.length > 1 && n === 0 ? `${name} (first half)` : name);
      rows.push({ instance: label, role: 'readers', ...figures });
    }
  }
  for (const i of instances) {
    const t = tallies.get(i.name);
    if (t) rows.push({ instance: i.name, role: 'editors', ...fromTally(t) });
  }
  const memory: InstanceMemory[] = [];
  const phaseSeconds = (Date.now() - started) / 1000;
  for (const i of instanceSet) {
    const stats = i.running ? await i.stats() : null;
    const after = stats?.memory;
    // A restarted instance counts from zero again; a killed one is not known.
    const end = stats ? (stats.cpu.user + stats.cpu.system) / 1e6 : undefined;
    const start = cpuStart.get(i.name) ?? 0;
    const used = end === undefined ? null : end >= start ? end - start : end;
    memory.push({
      instance: i.name,
      rssBeforeMB: before.get(i) == null ? null : mb(before.get(i)!),
      rssAfterMB: after ? mb(after.rss) : null,
      heapAfterMB: after ? mb(after.heapUsed) : null,
      rssSettledMB: null,
      settledAfterSeconds: null,
      cpuPercent: used === null ? null : Math.round((used * 100) / phaseSeconds),
    });
  }
  await settledMemory(instanceSet, memory);
  const verified = await verify(args.db, ledger);
  const serverLogErrors = instances.flatMap((i) => i.logErrors().slice(logErrorsBefore.get(i)).map((line) => `${i.name}: ${line}`));
  const result: PhaseResult = {
    phase: args.phase,
    database: args.database,
    seconds,
    errorsAreTarget: !args.halfway,
    rows,
    memory,
    writes: { ...counts, ...verified },
    events,
    serverLogErrors: serverLogErrors.slice(0, 5).map((line) => line.slice(0, 1000)),
    serverLogSummary: summarizeLog(serverLogErrors),
  };
  printPhase(result, serverLogErrors.length);
  return result;
}

/** Pino lines grouped by instance, message, error and URL. */
function summarizeLog(lines: string[]): [string, number][] {
  const groups = new Map<string, number>();
  for (const line of lines) {
    const at = line.indexOf(': ');
    const instance = line.slice(0, at);
    let key: string;
    try {
      const entry = JSON.parse(line.slice(at + 2)) as { msg?: string; err?: { message?: string }; req?: { method?: string; url?: string } };
      const url = entry.req?.url ? ` on ${entry.req.method} ${entry.req.url.replace(/^\/aktivitet\/.*/, '/aktivitet/…')}` : '';
      key = `${instance}: ${entry.msg ?? ''}${entry.err?.message && entry.err.message !== entry.msg ? ` (${entry.err.message})` : ''}${url}`;
    } catch {
      key = line.slice(0, 200);
    }
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].sort((a, b) => b[1] - a[1]);
}

// --- printing -----------------------------------------------------------------------------------

const pad = (s: string | number, n: number) => String(s).padStart(n);

function printPhase(r: PhaseResult, logErrorCount: number): void {
  console.log(`  ${'instance'.padEnd(30)} ${'role'.padEnd(8)} ${pad('requests', 9)} ${pad('errors', 7)} ${pad('non-2xx', 8)} ${pad('p50 ms', 8)} ${pad('p99 ms', 8)}`);
  for (const row of r.rows) {
    console.log(`  ${row.instance.padEnd(30)} ${row.role.padEnd(8)} ${pad(row.requests, 9)} ${pad(row.errors, 7)} ${pad(row.non2xx, 8)} ${pad(row.p50, 8)} ${pad(row.p99, 8)}`);
    const odd = Object.entries(row.statuses).filter(([code]) => !/^2/.test(code) && !(row.role === 'editors' && code === '303'));
    if (odd.length) console.log(`    statuses: ${Object.entries(row.statuses).map(([c, n]) => `${c}×${n}`).join(', ')}`);
    if (row.errors) console.log(`    errors: ${Object.entries(row.errorKinds).map(([k, n]) => `${k}×${n}`).join(', ')}`);
    for (const s of row.samples ?? []) console.log(`    e.g. ${s}`);
  }
  for (const m of r.memory) {
    const missed = m.rssSettledMB !== null && m.rssSettledMB > RSS_TARGET_MB;
    const settled = m.rssSettledMB === null ? '' : `, ${m.rssSettledMB} MB after ${m.settledAfterSeconds} s idle`;
    console.log(`  ${m.instance}: RSS ${m.rssBeforeMB ?? '–'} MB before, ${m.rssAfterMB ?? '– (killed)'} MB at the end${settled} (target ≤ ${RSS_TARGET_MB} MB once idle)${missed ? '  MISSED' : ''}${m.heapAfterMB !== null ? `, heap ${m.heapAfterMB} MB` : ''}${m.cpuPercent !== null ? `; CPU ${m.cpuPercent} % of a core during the phase` : ''}`);
  }
  const w = r.writes;
  console.log(
    `  writes acknowledged: ${w.acknowledged} (${w.clashConfirmations} confirmed past the clash warning${w.notPublished ? `, ${w.notPublished} went to review instead` : ''}${w.unanswered ? `, ${w.unanswered} saves got no answer` : ''})`,
  );
  console.log(`  acknowledged writes lost: ${w.lost}${w.lost ? '  FAILED' : ''}`);
  for (const s of w.lostSamples) console.log(`    ${s}`);
  if (r.errorsAreTarget) {
    const errors = r.rows.reduce((n, row) => n + row.errors, 0);
    console.log(`  errors: ${errors} (target 0)${errors ? '  MISSED' : ''}`);
  }
  if (logErrorCount) {
    console.log(`  server log: ${logErrorCount} lines at level error:`);
    for (const [line, n] of r.serverLogSummary.slice(0, 4)) console.log(`    ${n}× ${line}`);
  }
}

function printSummary(phases: PhaseResult[], skipped: string | null): void {
  const n = (v: number | undefined) => (v === undefined ? '' : String(Math.round(v)));
  console.log('\nSummary (readers | editors; latency in ms)');
  console.log(
    `${'phase'.padEnd(32)} ${'instance'.padEnd(26)} ${pad('reads', 6)} ${pad('err', 5)} ${pad('non2xx', 6)} ${pad('p50', 5)} ${pad('p99', 6)} | ${pad('edits', 5)} ${pad('err', 4)} ${pad('non2xx', 6)} ${pad('p50', 5)} ${pad('p99', 6)} | ${pad('RSS MB', 13)} ${pad('CPU', 5)}`,
  );
  for (const p of phases) {
    for (const name of [...new Set(p.rows.map((r) => r.instance))]) {
      const rd = p.rows.find((r) => r.instance === name && r.role === 'readers');
      const ed = p.rows.find((r) => r.instance === name && r.role === 'editors');
      const m = p.memory.find((x) => x.instance === name);
      console.log(
        `${p.phase.padEnd(32)} ${name.padEnd(26)} ${pad(n(rd?.requests), 6)} ${pad(n(rd?.errors), 5)} ${pad(n(rd?.non2xx), 6)} ${pad(n(rd?.p50), 5)} ${pad(n(rd?.p99), 6)} | ${pad(n(ed?.requests), 5)} ${pad(n(ed?.errors), 4)} ${pad(n(ed?.non2xx), 6)} ${pad(n(ed?.p50), 5)} ${pad(n(ed?.p99), 6)} | ${pad(m ? `${m.rssBeforeMB ?? '–'}→${m.rssAfterMB ?? '✝'}→${m.rssSettledMB ?? '✝'}` : '', 13)} ${pad(m?.cpuPercent != null ? `${m.cpuPercent}%` : '', 5)}`,
      );
    }
    console.log(`${''.padEnd(32)} writes acknowledged ${p.writes.acknowledged}, lost ${p.writes.lost}`);
  }
  if (skipped) console.log(`PostgreSQL phases skipped: ${skipped}`);
  const steady = phases.filter((p) => p.errorsAreTarget).flatMap((p) => p.rows);
  const steadyErrors = steady.reduce((s, r) => s + r.errors, 0);
  const steadyNon2xx = steady.reduce((s, r) => s + r.non2xx, 0);
  const maxRss = Math.max(0, ...phases.flatMap((p) => p.memory.map((m) => m.rssAfterMB ?? 0)));
  const maxSettled = Math.max(0, ...phases.flatMap((p) => p.memory.map((m) => m.rssSettledMB ?? 0)));
  const lost = phases.reduce((s, p) => s + p.writes.lost, 0);
  console.log(`\nerrors in the phases without a kill: ${steadyErrors} (target 0)${steadyErrors ? '  MISSED' : ''}; unexpected statuses: ${steadyNon2xx}`);
  console.log(
    `largest RSS at the end of a phase: ${maxRss} MB; once idle (at most ${SETTLE_SECONDS} s): ${maxSettled} MB (target ≤ ${RSS_TARGET_MB} MB)${maxSettled > RSS_TARGET_MB ? '  MISSED' : ''}`,
  );
  console.log(`acknowledged writes lost: ${lost}${lost ? '  FAILED' : ''}`);
}

// --- PostgreSQL -----------------------------------------------------------------------------------

/** An administrative connection to the PostgreSQL server, or why there is none. */
async function postgresServer(): Promise<{ url: URL; client: pg.Client } | { unavailable: string }> {
  const url = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return { url, client };
  } catch (error) {
    await client.end().catch(() => {});
    return { unavailable: `no PostgreSQL at ${url.host} (${(error as Error).message})` };
  }
}

// --- the run ------------------------------------------------------------------------------------

const cleanups: (() => Promise<unknown>)[] = [];
async function cleanUp(): Promise<void> {
  while (cleanups.length) {
    try {
      await cleanups.pop()!();
    } catch (error) {
      console.error(`clean-up: ${(error as Error).message}`);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the servers and removing the temporary databases`);
    killAll();
    void cleanUp().finally(() => process.exit(130));
  });
}

async function main(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillsammans-load-'));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillsammans-load-logs-'));
  const port = 4100 + Math.floor(Math.random() * 400) * 2;
  const phases: PhaseResult[] = [];
  const startups: Record<string, unknown> = {};
  console.log(`Load test: ${SECONDS} s per phase (${KILL_SECONDS} s with a kill), ${READERS} readers, ${EDITORS} editors, response cache at its default (${CACHE_TTL_SECONDS} s); ${os.cpus().length} CPUs, Node ${process.version}.`);

  // --- SQLite -------------------------------------------------------------------------------------
  {
    const sqliteDir = path.join(dir, 'sqlite');
    const server = new Instance({ name: 'sqlite', port, dir: sqliteDir, logDir, seed: true });
    fs.mkdirSync(sqliteDir);
    cleanups.push(() => server.stop());
    await server.start();
    console.log(`SQLite instance ready in ${(server.startMs / 1000).toFixed(1)} s (data set of 200 organisations and 2,000 activities loaded in ${((server.seeded?.ms ?? 0) / 1000).toFixed(1)} s).`);
    startups.sqlite = { startMs: Math.round(server.startMs), seedMs: Math.round(server.seeded?.ms ?? 0) };
    const database = openDatabase({ sqliteFile: path.join(sqliteDir, 'tillsammans.sqlite') });
    cleanups.push(() => database.close());
    const accounts = await createEditors(database.db);
    const paths = await readerPaths(database.db, server.base, accounts);
    const ledger = new Ledger();
    const common = { database: 'sqlite' as const, db: database.db, instances: [server], accounts, paths, ledger };
    phases.push(await runPhase({ ...common, phase: '1 SQLite, one instance', tag: 'sq' }));
    phases.push(
      await runPhase({
        ...common,
        phase: '2 SQLite, kill -9 and restart',
        tag: 'sqk',
        halfway: async ({ readers, remaining }) => {
          const lines = [`kill -9 sqlite (pid ${server.pid})`];
          const killing = server.kill9();
          for (const r of readers.get(server.name)!) r.stop();
          await killing;
          const t0 = performance.now();
          await server.start();
          lines.push(`sqlite serves again after ${((performance.now() - t0) / 1000).toFixed(1)} s (pid ${server.pid}); readers resume`);
          const again = startReaders(server.base, READERS, paths, Math.max(1, remaining - Math.round((performance.now() - t0) / 1000)));
          readers.get(server.name)!.push(Object.assign(again, { label: 'sqlite (after restart)' }));
          return lines;
        },
      }),
    );
    await server.stop();
  }

  // --- PostgreSQL -----------------------------------------------------------------------------------
  const pgServer = /^(0|false|no|off)$/i.test(process.env.LOAD_POSTGRES ?? '') ? { unavailable: 'LOAD_POSTGRES is off' } : await postgresServer();
  let skipped: string | null = null;
  if ('unavailable' in pgServer) {
    skipped = pgServer.unavailable;
    console.log(`\nPostgreSQL phases skipped: ${skipped}`);
  } else {
    const { client } = pgServer;
    cleanups.push(() => client.end());
    const name = `tillsammans_load_${crypto.randomBytes(4).toString('hex')}`;
    await client.query(`create database ${name}`);
    cleanups.push(() => client.query(`drop database if exists ${name} with (force)`));
    const url = new URL(pgServer.url);
    url.pathname = `/${name}`;
    const pgDir = path.join(dir, 'postgres');
    fs.mkdirSync(pgDir);
    const a = new Instance({ name: 'postgres-a', port: port + 400 * 2, dir: pgDir, logDir, databaseUrl: url.toString(), seed: true });
    const b = new Instance({ name: 'postgres-b', port: port + 400 * 2 + 1, dir: pgDir, logDir, databaseUrl: url.toString(), seed: true });
    cleanups.push(() => a.stop(), () => b.stop());
    console.log(`\nPostgreSQL: database ${name}; starting two instances on it together …`);
    await Promise.all([a.start(), b.start()]);
    for (const i of [a, b]) {
      console.log(`${i.name} ready in ${(i.startMs / 1000).toFixed(1)} s${i.seeded?.seeded ? ` (it loaded the data set, ${(i.seeded.ms / 1000).toFixed(1)} s)` : ' (found the data set loaded)'}`);
    }
    const seeders = [a, b].filter((i) => i.seeded?.seeded).length;
    if (seeders !== 1) throw new LoadToolError(`${seeders} instances loaded the data set; exactly one should`);
    startups.postgres = Object.fromEntries([a, b].map((i) => [i.name, { startMs: Math.round(i.startMs), seeded: i.seeded?.seeded ?? false, seedMs: Math.round(i.seeded?.ms ?? 0) }]));
    const database = openDatabase({ databaseUrl: url.toString() });
    cleanups.push(() => database.close());
    const accounts = await createEditors(database.db);
    const paths = await readerPaths(database.db, a.base, accounts);
    const ledger = new Ledger();
    const common = { database: 'postgres' as const, db: database.db, instances: [a, b], accounts, paths, ledger };
    phases.push(await runPhase({ ...common, phase: '3 PostgreSQL, two instances', tag: 'pg' }));
    phases.push(
      await runPhase({
        ...common,
        phase: '4 PostgreSQL, kill -9 one of two',
        tag: 'pgk',
        halfway: async ({ targets, readers, remaining }) => {
          const lines = [`kill -9 postgres-b (pid ${b.pid})`];
          const killing = b.kill9();
          for (const r of readers.get(b.name)!) r.stop();
          await killing;
          // What a load balancer does once its health check fails: no more requests to b.
          targets.find((t) => t.name === b.name)!.retired = true;
          const failover = startReaders(a.base, READERS / 2, paths, remaining);
          readers.get(b.name)![0] = Object.assign(readers.get(b.name)![0]!, { label: 'postgres-b (until killed)' });
          readers.set(`${b.name}-failover`, [Object.assign(failover, { label: "postgres-a (b's readers)" })]);
          lines.push(`b's ${READERS / 2} readers and the editors go on against postgres-a`);
          return lines;
        },
      }),
    );
  }

  printSummary(phases, skipped);
  const out = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version },
    settings: { secondsPerPhase: SECONDS, secondsPerKillPhase: KILL_SECONDS, readers: READERS, editors: EDITORS, organisations: 200, activities: 2000, cacheTtlSeconds: CACHE_TTL_SECONDS, rssTargetMB: RSS_TARGET_MB, settleSeconds: SETTLE_SECONDS },
    startups,
    postgresSkipped: skipped,
    phases,
    acknowledgedWritesLost: phases.reduce((n, p) => n + p.writes.lost, 0),
  };
  fs.writeFileSync(path.join(here, '..', '..', 'bench', 'load-results.json'), JSON.stringify(out, null, 2) + '\n');
  console.log(`Wrote bench/load-results.json; the servers' logs are in ${logDir}`);
  return out.acknowledgedWritesLost > 0 ? 1 : 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`\nThe load test failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  exitCode = 1;
} finally {
  killAll();
  await cleanUp();
}
process.exit(exitCode);
