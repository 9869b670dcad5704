/** Scheduled jobs run once per period across instances; instances starting together on an empty database all come up. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../src/db/index.js';
import { createScheduler, listJobRuns, makeJobDue, type Job } from '../../src/jobs/index.js';
import { prepareDatabase } from '../../src/startup.js';
import { createTestDatabase, skipDatabase, testDialect, type TestDatabase } from '../support/db.js';

const silent = { error() {}, info() {} };
const T0 = new Date('2026-11-26T09:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describe.skipIf(skipDatabase())(`scheduled jobs on ${testDialect}`, () => {
  let database: TestDatabase;
  let other: OpenDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ shared: true });
    other = database.openAnother();
  });
  afterAll(async () => {
    await other.close();
    await database.dispose();
  });

  /** Two instances (each its own connection to the one database) with the same jobs and one clock. */
  function twoInstances(jobs: Job[]) {
    let now = T0;
    const clock = { set: (d: Date) => (now = d) };
    const a = createScheduler({ db: database.db, jobs, now: () => now, log: silent, instance: 'a' });
    const b = createScheduler({ db: other.db, jobs, now: () => now, log: silent, instance: 'b' });
    return { a, b, clock };
  }

  it('runs a job once per period however many instances tick at the same moment', async () => {
    let runs = 0;
    const job: Job = {
      name: 'test.once',
      everyMinutes: 60,
      async run() {
        runs++;
        await new Promise((r) => setTimeout(r, 20));
        return runs;
      },
    };
    const { a, b, clock } = twoInstances([job]);
    const first = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    expect(runs).toBe(1);
    expect(first.flat()).toEqual(['test.once']);

    clock.set(minutes(30));
    await Promise.all([a.tick(), b.tick()]);
    expect(runs).toBe(1);

    clock.set(minutes(61));
    await Promise.all([a.tick(), b.tick()]);
    expect(runs).toBe(2);

    const record = (await listJobRuns(database.db)).find((r) => r.name === 'test.once')!;
    expect(record).toMatchObject({ runs: 2, lastResult: '2', failuresInRow: 0, leaseUntil: null, lastError: null });
    expect(record.lastSuccessAt).toBe(minutes(61).toISOString());
  });

  it('records a failure, counts failures in a row, and a later success clears the count', async () => {
    let fail = true;
    const job: Job = {
      name: 'test.flaky',
      everyMinutes: 10,
      async run() {
        if (fail) throw new Error('feed unreachable');
        return 'ok';
      },
    };
    const { a, clock } = twoInstances([job]);
    await a.tick();
    clock.set(minutes(11));
    await a.tick();
    let record = (await listJobRuns(database.db)).find((r) => r.name === 'test.flaky')!;
    expect(record).toMatchObject({ failuresInRow: 2, lastError: 'feed unreachable', lastSuccessAt: null, leaseUntil: null });

    fail = false;
    clock.set(minutes(22));
    await a.tick();
    record = (await listJobRuns(database.db)).find((r) => r.name === 'test.flaky')!;
    expect(record).toMatchObject({ failuresInRow: 0, lastResult: 'ok', lastError: 'feed unreachable' });
  });

  it('lets another instance take over a job whose instance died mid-run, once the lease ends', async () => {
    let runs = 0;
    const waiting: (() => void)[] = [];
    const hang: Job = { name: 'test.crash', everyMinutes: 60, leaseMinutes: 15, run: () => new Promise<void>((r) => waiting.push(r)).then(() => void runs++) };
    const { a, b, clock } = twoInstances([hang]);
    const stuck = a.tick(); // instance a claims the run and never finishes it (as if killed)
    await new Promise((r) => setTimeout(r, 50));
    clock.set(minutes(10));
    await b.tick();
    expect(runs).toBe(0); // lease still held
    clock.set(minutes(61));
    const done = b.tick();
    await new Promise((r) => setTimeout(r, 50));
    expect(waiting).toHaveLength(2); // b took the job over while a still "runs"
    waiting.forEach((release) => release());
    await Promise.all([stuck, done]);
    expect(runs).toBe(2);
  });

  it('runs a job again at once when the coordinator asks', async () => {
    let runs = 0;
    const job: Job = { name: 'test.manual', everyMinutes: 24 * 60, run: async () => void runs++ };
    const { a, clock } = twoInstances([job]);
    await a.tick();
    clock.set(minutes(5));
    await a.tick();
    expect(runs).toBe(1);
    await makeJobDue(database.db, 'test.manual');
    await a.tick();
    expect(runs).toBe(2);
  });

  it('waits for a run in progress when stopping', async () => {
    let finished = false;
    const job: Job = { name: 'test.stop', everyMinutes: 60, run: () => new Promise<void>((r) => setTimeout(() => ((finished = true), r()), 100)) };
    const { a } = twoInstances([job]);
    void a.tick();
    await new Promise((r) => setTimeout(r, 20));
    await a.stop();
    expect(finished).toBe(true);
  });
});

// An SQLite file serves one process; several instances share a PostgreSQL database.
if (testDialect === 'postgres') describe.skipIf(skipDatabase())('instances starting together on an empty PostgreSQL database', () => {
  it('all come up; demo data and the first coordinator are created once', async () => {
    const database = await createTestDatabase({ migrate: false });
    const instances = [database.openAnother(), database.openAnother(), database.openAnother()];
    const config = { seedDemo: true, adminEmail: 'samordnare@example.se', publicUrl: 'http://localhost:3000' };
    try {
      const links = await Promise.all(instances.map((i) => prepareDatabase({ db: i.db, dialect: 'postgres', config }, T0)));
      expect(links.filter((l) => l !== null)).toHaveLength(1);
      const db = database.db;
      const admins = await db.selectFrom('users').select('email').where('isAdmin', '=', 1).execute();
      expect(admins).toEqual([{ email: 'samordnare@example.se' }]);
      const orgs = await db.selectFrom('organisations').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const slugs = await db.selectFrom('organisations').select('slug').distinct().execute();
      expect(Number(orgs.n)).toBe(slugs.length);
      expect(Number(orgs.n)).toBeGreaterThan(20);
    } finally {
      await Promise.all(instances.map((i) => i.close()));
      await database.dispose();
    }
  }, 120_000);
});
