/** Whether an activity meets on Swedish public holidays and common eves (by default it does not). */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('schedules').addColumn('runs_on_holidays', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('schedules').dropColumn('runs_on_holidays').execute();
}
