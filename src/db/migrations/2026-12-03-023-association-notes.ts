/**
 * What guides know of each association: contacts for integration, visits and meetings, needs.
 * The contacts and the log are for guides and the coordinator only (uncached). The needs flags and
 * the per-activity choice to show two of them publicly are drawn on the cached activity page, so
 * their writes raise the calendar scope's version by triggers, as 015 does.
 */
import { PostgresAdapter, type Kysely } from 'kysely';
import { createCacheTriggers, dropCacheTriggers } from '../cache-triggers.js';

const CACHED = ['association_flags', 'activity_public_needs'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = pg ? 'serial' : 'integer';
  const pk = (c: any) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('association_contacts')
    .addColumn('id', id, pk)
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('reach', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('association_contacts_org').on('association_contacts').column('organisation_id').execute();

  await db.schema
    .createTable('association_visits')
    .addColumn('id', id, pk)
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('visit_date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('guide_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('association_visits_org').on('association_visits').columns(['organisation_id', 'visit_date']).execute();

  await db.schema
    .createTable('association_flags')
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('flag', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('set_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('association_flags_pk', ['organisation_id', 'flag'])
    .execute();

  await db.schema
    .createTable('activity_public_needs')
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('need', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_public_needs_pk', ['activity_id', 'need'])
    .execute();

  await createCacheTriggers(db, 'calendar', CACHED);
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropCacheTriggers(db, CACHED);
  for (const table of ['activity_public_needs', 'association_flags', 'association_visits', 'association_contacts']) await db.schema.dropTable(table).execute();
}
