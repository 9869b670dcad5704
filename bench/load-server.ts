/**
 * One instance of the load test: the real entry point (src/main.ts: configuration from the
 * environment, prepareDatabase, the scheduler, graceful shutdown), with its memory reported over IPC.
 *
 * With LOAD_SEED set, a short-lived child process (`load-server.js seed`) first loads the large data
 * set of dataset.ts when the database has no activities, so the instance's memory is the app's alone.
 * Instances started together on one empty PostgreSQL database seed under the same advisory lock that
 * prepareDatabase takes: the first one seeds, the others wait, find the activities and skip it.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateToLatest, openDatabase, withStartupLock } from '../src/db/index.js';
import { seedBenchData } from './dataset.js';

export interface ServerMessage {
  seeded?: { seeded: boolean; ms: number };
  memory?: NodeJS.MemoryUsage;
  /** process.cpuUsage() with the memory: CPU time spent so far, in µs. */
  cpu?: NodeJS.CpuUsage;
}

async function seed(): Promise<{ seeded: boolean; ms: number }> {
  const started = performance.now();
  const { db, dialect, close } = openDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    sqliteFile: path.join(path.resolve(process.env.DATA_DIR || './data'), 'tillsammans.sqlite'),
  });
  try {
    const seeded = await withStartupLock(db, dialect, async () => {
      await migrateToLatest(db);
      if (await db.selectFrom('activities').select('id').limit(1).executeTakeFirst()) return false;
      await seedBenchData(db, new Date(), { organisations: 200, activities: 2000 });
      return true;
    });
    return { seeded, ms: performance.now() - started };
  } finally {
    await close();
  }
}

if (process.argv[2] === 'seed') {
  const result = await seed();
  process.send?.({ seeded: result } satisfies ServerMessage);
  process.disconnect?.();
} else {
  process.on('message', (m: { memory?: boolean }) => {
    if (m.memory) process.send?.({ memory: process.memoryUsage(), cpu: process.cpuUsage() } satisfies ServerMessage);
  });
  if (process.env.LOAD_SEED) {
    const seeder = fork(fileURLToPath(import.meta.url), ['seed'], { stdio: 'inherit' });
    const [message, code] = await Promise.all([
      new Promise<ServerMessage | undefined>((resolve) => {
        seeder.once('message', (m: ServerMessage) => resolve(m));
        seeder.once('exit', () => resolve(undefined));
      }),
      new Promise<number | null>((resolve) => seeder.once('exit', (c) => resolve(c))),
    ]);
    if (code !== 0 || !message?.seeded) throw new Error(`loading the data set failed (exit code ${code})`);
    process.send?.(message);
  }
  await import('../src/main.js');
}
