/**
 * Föreningslots: a newcomer's request for help into an association (a case), the guide's notes,
 * referrals to organisations, and wishes for activities nobody offers yet.
 * Personal fields of a case are emptied when it is erased; the rest stays for anonymous statistics.
 */
import { PostgresAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = pg ? 'serial' : 'integer';
  const pk = (c: any) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('guide_cases')
    .addColumn('id', id, pk)
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    // Personal data (emptied on erasure):
    .addColumn('first_name', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('interest_text', 'text')
    .addColumn('helper_name', 'text')
    // What the statistics keep:
    .addColumn('contact_language', 'text', (c) => c.notNull())
    .addColumn('age_group', 'text', (c) => c.notNull())
    .addColumn('district_id', 'integer', (c) => c.references('districts.id').onDelete('set null'))
    .addColumn('interests', 'text', (c) => c.notNull())
    .addColumn('free_days', 'text', (c) => c.notNull())
    .addColumn('free_times', 'text', (c) => c.notNull())
    .addColumn('on_behalf', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('requests', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('assigned_to', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('follow_up_on', 'text')
    .addColumn('reminded_on', 'text')
    .addColumn('first_contact_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('outcome', 'text')
    .addColumn('erased_at', 'text')
    .addColumn('consent_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('guide_cases_status').on('guide_cases').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('guide_cases_phone').on('guide_cases').column('phone').execute();
  await db.schema.createIndex('guide_cases_email').on('guide_cases').column('email').execute();

  await db.schema
    .createTable('guide_notes')
    .addColumn('id', id, pk)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('guide_cases.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('guide_notes_case').on('guide_notes').column('case_id').execute();

  await db.schema
    .createTable('guide_referrals')
    .addColumn('id', id, pk)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('guide_cases.id').onDelete('cascade'))
    .addColumn('activity_id', 'integer', (c) => c.references('activities.id').onDelete('set null'))
    .addColumn('organisation_id', 'integer', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('token_expires_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('guide_referrals_case').on('guide_referrals').column('case_id').execute();

  await db.schema
    .createTable('wishes')
    .addColumn('id', id, pk)
    .addColumn('category', 'text')
    .addColumn('text', 'text')
    .addColumn('age_group', 'text', (c) => c.notNull())
    .addColumn('district_id', 'integer', (c) => c.references('districts.id').onDelete('set null'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('case_id', 'integer', (c) => c.references('guide_cases.id').onDelete('set null'))
    .addColumn('merged_into', 'integer')
    .addColumn('served_by_activity_id', 'integer', (c) => c.references('activities.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wishes_merged').on('wishes').column('merged_into').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['wishes', 'guide_referrals', 'guide_notes', 'guide_cases']) await db.schema.dropTable(table).ifExists().execute();
}
