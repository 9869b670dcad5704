/**
 * Scheduled jobs: one row per job holds its lease (so one instance runs it at a time and once per
 * period) and what the coordinator sees of it (last run, last success, the last failure).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job_runs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('lease_until', 'text')
    .addColumn('leased_by', 'text')
    .addColumn('last_started_at', 'text')
    .addColumn('last_finished_at', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('last_duration_ms', 'integer')
    .addColumn('last_result', 'text')
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', 'text')
    .addColumn('failures_in_row', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('runs', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_runs').ifExists().execute();
}
