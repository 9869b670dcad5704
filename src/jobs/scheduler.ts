/**
 * One scheduler for the periodic work of every instance. Each job runs once per period across all
 * instances sharing a database: a run is claimed in the job's row before it starts (runs.store.ts).
 */
import crypto from 'node:crypto';
import os from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/index.js';
import { claimJobRun, finishJobRun } from './runs.store.js';

export interface Job {
  /** Stable name: the key of its row and what the coordinator sees. */
  name: string;
  /** How often it runs across all instances. */
  everyMinutes: number;
  /** How long a run may hold the job before another instance may take it over (a crashed instance). */
  leaseMinutes?: number;
  /** Does the work; what it returns is shown as the last result (a count, a summary). */
  run(now: Date): Promise<string | number | void>;
}

export interface SchedulerOptions {
  db: Db;
  jobs: readonly Job[];
  now: () => Date;
  log: Pick<FastifyBaseLogger, 'error' | 'info'>;
  /** Names this instance in the lease (host and process by default). */
  instance?: string;
  /** How often the scheduler looks for due jobs. */
  tickSeconds?: number;
}

export interface Scheduler {
  /** Checks every job now and then every tick. */
  start(): void;
  /** Runs the jobs that are due at `now` and this instance can claim; resolves when they are done. Returns the names run. */
  tick(): Promise<string[]>;
  /** Stops ticking and waits for runs in progress. */
  stop(): Promise<void>;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const instance = options.instance ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  const running = new Set<Promise<unknown>>();
  const busy = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const runOne = async (job: Job): Promise<boolean> => {
    if (busy.has(job.name) || stopped) return false;
    const started = options.now();
    const leaseMs = (job.leaseMinutes ?? Math.min(job.everyMinutes, 30)) * 60_000;
    busy.add(job.name);
    try {
      const claimed = await claimJobRun(options.db, { name: job.name, instance, now: started, periodMs: job.everyMinutes * 60_000, leaseMs });
      if (!claimed) return false;
      const t0 = performance.now();
      try {
        const result = await job.run(started);
        const durationMs = performance.now() - t0;
        await finishJobRun(options.db, { name: job.name, instance, now: options.now(), durationMs, ok: true, result: result === undefined ? null : String(result) });
      } catch (error) {
        const durationMs = performance.now() - t0;
        options.log.error({ err: error, job: job.name }, 'scheduled job failed');
        const message = error instanceof Error ? error.message : String(error);
        await finishJobRun(options.db, { name: job.name, instance, now: options.now(), durationMs, ok: false, error: message });
      }
      return true;
    } finally {
      busy.delete(job.name);
    }
  };

  const tick = async (): Promise<string[]> => {
    const ran: string[] = [];
    // One after another: jobs are light, and the database is not asked for several bulk writes at once.
    for (const job of options.jobs) {
      const work = runOne(job).catch((error) => {
        options.log.error({ err: error, job: job.name }, 'could not claim scheduled job');
        return false;
      });
      running.add(work);
      try {
        if (await work) ran.push(job.name);
      } finally {
        running.delete(work);
      }
    }
    return ran;
  };

  return {
    start() {
      if (timer) return;
      const every = (options.tickSeconds ?? 60) * 1000;
      timer = setInterval(() => void tick(), every);
      timer.unref();
      setTimeout(() => void tick(), 1000).unref();
    },
    tick,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await Promise.allSettled([...running]);
    },
  };
}
