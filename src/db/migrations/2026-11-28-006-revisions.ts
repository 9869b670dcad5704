/**
 * Revisions: a change to an activity or an organisation's profile that waits for someone — the
 * coordinator's review, the organisation's approval of a proposal, or a sender's e-mail confirmation.
 */
import { PostgresAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('revisions')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('organisation_id', 'integer', (c) => c.references('organisations.id').onDelete('cascade'))
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('base_version', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('submitter_name', 'text')
    .addColumn('submitter_email', 'text')
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('token_expires_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('revisions_status').on('revisions').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('revisions_entity').on('revisions').columns(['entity', 'entity_id']).execute();
  await db.schema.createIndex('revisions_organisation').on('revisions').columns(['organisation_id', 'status']).execute();
  await db.schema.alterTable('activities').addColumn('updated_by', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('activities').dropColumn('updated_by').execute();
  await db.schema.dropTable('revisions').ifExists().execute();
}
