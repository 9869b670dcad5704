/** The coordinator sees each scheduled job's last run and failure, and can ask for a run now. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobs, createScheduler, JOB_NAMES, listJobRuns, type Job } from '../../src/jobs/index.js';
import { createTestApp, FIXED_NOW, type TestApp } from '../support/app.js';
import { Client, signedInClient } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';

describe.skipIf(skipDatabase())(`the jobs page on ${testDialect}`, () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedInClient(t, { isAdmin: true });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('is for the coordinator only', async () => {
    expect((await new Client(t).request('GET', '/admin/jobb')).statusCode).toBe(303);
    const editor = await signedInClient(t, { isGuide: true });
    expect((await editor.request('GET', '/admin/jobb')).statusCode).toBe(403);
  });

  it('runs every real job once and shows each one as working', async () => {
    const jobs = createJobs({ db: t.database.db, mailer: t.app.deps.mailer, config: t.app.deps.config, log: t.app.log });
    expect(jobs.map((j) => j.name)).toEqual([...JOB_NAMES]);
    const scheduler = createScheduler({ db: t.database.db, jobs, now: () => FIXED_NOW, log: t.app.log, instance: 'test' });
    expect(await scheduler.tick()).toEqual([...JOB_NAMES]);
    const runs = await listJobRuns(t.database.db);
    expect(runs.filter((r) => r.failuresInRow > 0)).toEqual([]);
    const page = await admin.request('GET', '/admin/jobb');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Hämta anslutna kalendrar');
    expect(page.body).toContain('Fungerar');
    expect(page.body).not.toContain('Inte kört än');
  });

  it('shows a failing job with its error, in the reader’s language', async () => {
    const failing: Job = { name: 'imports.sync', everyMinutes: 60, run: () => Promise.reject(new Error('calendar server <b>down</b>')) };
    await t.database.db.updateTable('jobRuns').set({ lastStartedAt: null }).where('name', '=', 'imports.sync').execute();
    await createScheduler({ db: t.database.db, jobs: [failing], now: () => FIXED_NOW, log: { error() {}, info() {} } }).tick();
    const sv = await admin.request('GET', '/admin/jobb');
    expect(sv.body).toContain('Misslyckas');
    expect(sv.body).toContain('calendar server &lt;b>down&lt;/b>');
    const en = await admin.request('GET', '/en/admin/jobb');
    expect(en.body).toContain('1 job failed the last time it ran.');
  });

  it('asks for a run now: the job becomes due at the next tick', async () => {
    let ran = 0;
    const job: Job = { name: 'guide.erasure', everyMinutes: 360, run: async () => void ran++ };
    const scheduler = createScheduler({ db: t.database.db, jobs: [job], now: () => FIXED_NOW, log: t.app.log });
    await scheduler.tick();
    expect(ran).toBe(0); // ran in the test above, not due for six hours
    const res = await admin.submit('/admin/jobb', '/admin/jobb/guide.erasure/kor', {});
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Radera personuppgifter i gamla lotsärenden körs inom en minut.');
    await scheduler.tick();
    expect(ran).toBe(1);
    expect((await admin.submit('/admin/jobb', '/admin/jobb/nope/kor', {})).statusCode).toBe(400);
  });
});
