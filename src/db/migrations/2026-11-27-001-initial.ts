/** Calendar core: districts, organisations, places, activities, schedules and occurrences. */
import { PostgresAdapter, type Kysely } from 'kysely';

/** Auto-increment keys need a dialect switch: serial on PostgreSQL, autoincrement on SQLite. */
function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = pg ? 'serial' : 'integer';
  const pk = (c: any) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('districts')
    .addColumn('id', id, pk)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('latitude', 'double precision', (c) => c.notNull())
    .addColumn('longitude', 'double precision', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('organisations')
    .addColumn('id', id, pk)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('website', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('trusted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('organisation_categories')
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('organisation_categories_pk', ['organisation_id', 'category'])
    .execute();

  await db.schema
    .createTable('organisation_districts')
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('organisation_districts_pk', ['organisation_id', 'district_id'])
    .execute();

  await db.schema
    .createTable('places')
    .addColumn('id', id, pk)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('postal_code', 'text')
    .addColumn('city', 'text', (c) => c.notNull().defaultTo('Örebro'))
    .addColumn('district_id', 'integer', (c) => c.references('districts.id').onDelete('set null'))
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('accessibility', 'text')
    .addColumn('step_free', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('directions', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('activities')
    .addColumn('id', id, pk)
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull().defaultTo('all'))
    .addColumn('is_free', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('cost_text', 'text')
    .addColumn('registration', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('place_id', 'integer', (c) => c.references('places.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('activities_status_category').on('activities').columns(['status', 'category']).execute();

  await db.schema
    .createTable('activity_hosts')
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('activity_hosts_pk', ['activity_id', 'organisation_id'])
    .execute();
  await db.schema.createIndex('activity_hosts_organisation').on('activity_hosts').column('organisation_id').execute();

  await db.schema
    .createTable('activity_age_groups')
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('age_group', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_age_groups_pk', ['activity_id', 'age_group'])
    .execute();

  await db.schema
    .createTable('activity_languages')
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_languages_pk', ['activity_id', 'language'])
    .execute();

  await db.schema
    .createTable('schedules')
    .addColumn('activity_id', 'integer', (c) => c.primaryKey().references('activities.id').onDelete('cascade'))
    .addColumn('rrule', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .execute();

  await db.schema
    .createTable('schedule_pauses')
    .addColumn('id', id, pk)
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('schedule_pauses_activity').on('schedule_pauses').column('activity_id').execute();

  await db.schema
    .createTable('schedule_exceptions')
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('schedule_exceptions_pk', ['activity_id', 'date'])
    .execute();

  await db.schema
    .createTable('occurrence_changes')
    .addColumn('id', id, pk)
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('original_date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('new_date', 'text')
    .addColumn('new_start_time', 'text')
    .addColumn('new_end_time', 'text')
    .addColumn('note', 'text')
    .addUniqueConstraint('occurrence_changes_unique', ['activity_id', 'original_date'])
    .execute();

  await db.schema
    .createTable('occurrences')
    .addColumn('id', id, pk)
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('original_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('occurrences_date').on('occurrences').columns(['local_date', 'start_time']).execute();
  await db.schema.createIndex('occurrences_activity').on('occurrences').columns(['activity_id', 'local_date']).execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'settings',
    'occurrences',
    'occurrence_changes',
    'schedule_exceptions',
    'schedule_pauses',
    'schedules',
    'activity_languages',
    'activity_age_groups',
    'activity_hosts',
    'activities',
    'places',
    'organisation_districts',
    'organisation_categories',
    'organisations',
    'districts',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
