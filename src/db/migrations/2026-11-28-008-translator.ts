/**
 * The translator's tools: the glossary of fixed terms, how often each page is viewed (the queue puts
 * the most read texts first), and folded search text for translated titles.
 */
import { PostgresAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('glossary_terms')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('translation', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addUniqueConstraint('glossary_terms_unique', ['term', 'language'])
    .execute();
  await db.schema
    .createTable('view_counts')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('view_counts_pk', ['entity', 'entity_id'])
    .execute();
  await db.schema.alterTable('translations').addColumn('search_text', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.createIndex('translations_search').on('translations').columns(['entity', 'field', 'language']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('translations_search').ifExists().execute();
  await db.schema.alterTable('translations').dropColumn('search_text').execute();
  await db.schema.dropTable('view_counts').ifExists().execute();
  await db.schema.dropTable('glossary_terms').ifExists().execute();
}
