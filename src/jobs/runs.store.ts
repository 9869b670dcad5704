/** SQL for scheduled jobs: the lease that lets one instance run a job once per period, and its record. */
import type { Db } from '../db/index.js';

export interface JobRun {
  name: string;
  leaseUntil: string | null;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastSuccessAt: string | null;
  lastDurationMs: number | null;
  lastResult: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  failuresInRow: number;
  runs: number;
}

/**
 * Claims a run of `name` for `instance` when no lease is live and the last run started at least
 * `periodMs` ago (or never). One conditional update decides it, so of several instances asking at
 * once exactly one wins, on SQLite and on PostgreSQL (which re-checks the condition after the row lock).
 */
export async function claimJobRun(
  db: Db,
  input: { name: string; instance: string; now: Date; periodMs: number; leaseMs: number },
): Promise<boolean> {
  const { name, now } = input;
  await db.insertInto('jobRuns').values({ name }).onConflict((oc) => oc.column('name').doNothing()).execute();
  const stamp = now.toISOString();
  // A run may start a little early (timers drift): 90 % of the period is enough.
  const startedBefore = new Date(now.getTime() - input.periodMs * 0.9).toISOString();
  const result = await db
    .updateTable('jobRuns')
    .set((eb) => ({
      leaseUntil: new Date(now.getTime() + input.leaseMs).toISOString(),
      leasedBy: input.instance,
      lastStartedAt: stamp,
      runs: eb('runs', '+', 1),
    }))
    .where('name', '=', name)
    .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<', stamp)]))
    .where((eb) => eb.or([eb('lastStartedAt', 'is', null), eb('lastStartedAt', '<=', startedBefore)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Records how a claimed run ended and gives the lease back. */
export async function finishJobRun(
  db: Db,
  input: { name: string; instance: string; now: Date; durationMs: number } & ({ ok: true; result: string | null } | { ok: false; error: string }),
): Promise<void> {
  const stamp = input.now.toISOString();
  const common = { leaseUntil: null, leasedBy: null, lastFinishedAt: stamp, lastDurationMs: Math.round(input.durationMs) };
  const query = db.updateTable('jobRuns').where('name', '=', input.name).where('leasedBy', '=', input.instance);
  if (input.ok) {
    await query.set({ ...common, lastSuccessAt: stamp, lastResult: input.result, failuresInRow: 0 }).execute();
  } else {
    await query
      .set((eb) => ({ ...common, lastError: input.error.slice(0, 2000), lastErrorAt: stamp, failuresInRow: eb('failuresInRow', '+', 1) }))
      .execute();
  }
}

/** Every job's record, by name. */
export async function listJobRuns(db: Db): Promise<JobRun[]> {
  const rows = await db.selectFrom('jobRuns').selectAll().orderBy('name').execute();
  return rows.map((r) => ({ ...r, failuresInRow: Number(r.failuresInRow), runs: Number(r.runs) }));
}

/** Lets a job run again at the next tick (the coordinator's "run now"); a run in progress keeps its lease. */
export async function makeJobDue(db: Db, name: string): Promise<void> {
  await db.updateTable('jobRuns').set({ lastStartedAt: null }).where('name', '=', name).execute();
}
