/**
 * When each activity was last confirmed as still true, and the reminders that ask. Existing
 * activities count as confirmed when they were last changed. A reminder row stands for one mail to
 * one organisation: the activities it listed, the SHA-256 of its single-use link, and the month
 * the monthly job sent it in (unique per organisation, so no month mails an organisation twice;
 * empty for a reminder the coordinator sends by hand). No public page shows reminders: uncached.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = pg ? 'serial' : 'integer';
  const pk = (c: any) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  // SQLite adds a NOT NULL column only with a default; every insert sets it, so the default is never seen.
  await db.schema.alterTable('activities').addColumn('confirmed_at', 'text', (c) => c.notNull().defaultTo('')).execute();
  await sql`update activities set confirmed_at = updated_at`.execute(db);
  await db.schema.createIndex('activities_confirmed').on('activities').columns(['status', 'confirmed_at']).execute();

  await db.schema
    .createTable('freshness_reminders')
    .addColumn('id', id, pk)
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    // 'YYYY-MM' in Stockholm for the monthly job; null when the coordinator sent it.
    .addColumn('month', 'text')
    .addColumn('activity_ids', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('sent_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('freshness_reminders_month', ['organisation_id', 'month'])
    .execute();
  await db.schema.createIndex('freshness_reminders_org').on('freshness_reminders').columns(['organisation_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('freshness_reminders').execute();
  await db.schema.dropIndex('activities_confirmed').execute();
  await db.schema.alterTable('activities').dropColumn('confirmed_at').execute();
}
