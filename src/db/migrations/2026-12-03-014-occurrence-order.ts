/**
 * A day's occurrences in time order straight from an index (the start page asks for the first 25 of
 * each day and stops there, instead of sorting the whole day first), and the week's counts per day
 * from an index alone.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('occurrences_day_order').on('occurrences').columns(['local_date', 'starts_at', 'id']).execute();
  await db.schema.createIndex('occurrences_day_activity').on('occurrences').columns(['local_date', 'activity_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('occurrences_day_activity').ifExists().execute();
  await db.schema.dropIndex('occurrences_day_order').ifExists().execute();
}
