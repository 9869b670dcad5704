/**
 * Server instances of the load test: forked processes of load-server.js with their own port and log
 * file, ready when /readyz answers 200, their memory over IPC, stopped or killed with -9. Every
 * process started here is killed when the load test ends, however it ends.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerMessage } from './load-server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const alive = new Set<ChildProcess>();

// The last resort: whatever way this process leaves, no server it started stays behind.
process.on('exit', () => {
  for (const child of alive) child.kill('SIGKILL');
});

export interface InstanceOptions {
  name: string;
  port: number;
  /** Folder of the SQLite file (DATA_DIR). */
  dir: string;
  /** Folder of the log file (kept after the run). */
  logDir: string;
  databaseUrl?: string;
  /** Load the large data set before starting when the database has no activities. */
  seed: boolean;
}

export class Instance {
  readonly base: string;
  readonly logFile: string;
  child: ChildProcess | null = null;
  seeded: { seeded: boolean; ms: number } | null = null;
  startMs = 0;
  private starts = 0;

  constructor(readonly options: InstanceOptions) {
    this.base = `http://127.0.0.1:${options.port}`;
    this.logFile = path.join(options.logDir, `${options.name}.log`);
  }

  get name(): string {
    return this.options.name;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Forks the process and resolves when it serves; rejects (with the end of its log) when it exits first or takes too long. */
  async start(timeoutMs = 300_000): Promise<void> {
    const started = performance.now();
    const log = fs.openSync(this.logFile, 'a');
    fs.writeSync(log, `--- start ${++this.starts} at ${new Date().toISOString()}\n`);
    const { name, port, dir, databaseUrl, seed } = this.options;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dir,
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      PUBLIC_URL: this.base,
      ADMIN_EMAIL: `admin-${name}@load.test`,
      // Every reader comes from one address: the API's per-client limit would measure itself.
      API_RATE_LIMIT_PER_MINUTE: '1000000',
      LOAD_SEED: seed ? '1' : '',
    };
    delete env.CACHE_TTL_SECONDS; // the default (10 s) is what is measured
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    else delete env.DATABASE_URL;
    const child = fork(path.join(here, 'load-server.js'), [], { env, stdio: ['ignore', log, log, 'ipc'] });
    fs.closeSync(log);
    this.child = child;
    alive.add(child);
    child.on('message', (m: ServerMessage) => {
      if (m.seeded) this.seeded = m.seeded;
    });
    child.once('exit', () => alive.delete(child));

    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code, signal) => reject(new Error(`${name} exited (${signal ?? code}) before it served:\n${this.logTail()}`))),
    );
    exited.catch(() => {});
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ready = await Promise.race([
        fetch(`${this.base}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
          (r) => r.status === 200,
          () => false,
        ),
        exited,
      ]);
      if (ready) break;
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`${name} did not answer /readyz within ${timeoutMs / 1000} s:\n${this.logTail()}`);
      }
      await Promise.race([sleep(250), exited]);
    }
    this.startMs = performance.now() - started;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** process.memoryUsage() and process.cpuUsage() of the server, asked over IPC. */
  stats(timeoutMs = 10_000): Promise<{ memory: NodeJS.MemoryUsage; cpu: NodeJS.CpuUsage }> {
    const child = this.child;
    if (!child || !this.running) return Promise.reject(new Error(`${this.name} is not running`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.off('message', onMessage);
        reject(new Error(`${this.name} did not report its memory within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      const onMessage = (m: ServerMessage) => {
        if (!m.memory || !m.cpu) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve({ memory: m.memory, cpu: m.cpu });
      };
      child.on('message', onMessage);
      child.send({ memory: true });
    });
  }

  /** kill -9: no shutdown, requests in flight are cut. Resolves when the process is gone. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await gone;
  }

  /** A graceful stop (SIGTERM), then -9 when it takes longer than `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await gone;
    clearTimeout(timer);
  }

  /** Log lines at level error or above since the file was created (pino JSON, level ≥ 50), and other lines (stack traces). */
  logErrors(): string[] {
    if (!fs.existsSync(this.logFile)) return [];
    return fs
      .readFileSync(this.logFile, 'utf8')
      .split('\n')
      .filter((line) => {
        if (line === '' || line.startsWith('--- start')) return false;
        try {
          return (JSON.parse(line) as { level?: number }).level! >= 50;
        } catch {
          return true;
        }
      });
  }

  logTail(lines = 30): string {
    if (!fs.existsSync(this.logFile)) return '(no log)';
    return fs.readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  }
}

/** Waits until every running instance answers /readyz within 250 ms (what a previous phase queued is done), at most `maxMs`. */
export async function settle(instances: Instance[], maxMs = 30_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  for (const i of instances.filter((x) => x.running)) {
    while (Date.now() < deadline) {
      const started = performance.now();
      const ok = await fetch(`${i.base}/readyz`, { signal: AbortSignal.timeout(5000) }).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok && performance.now() - started < 250) break;
      await sleep(500);
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Kills every instance still running (-9); for finally blocks and signal handlers. */
export function killAll(): void {
  for (const child of alive) child.kill('SIGKILL');
}
