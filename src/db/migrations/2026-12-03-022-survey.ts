/**
 * The yearly mapping survey (kartläggning): a round per year with its question set (JSON, so next
 * year's round may ask differently), one response per organisation and round (draft or submitted,
 * with a revision counter for edit conflicts), and its answers, each with its own publication consent.
 * The public report is drawn from these tables: their writes raise the 'survey' scope's version.
 */
import { PostgresAdapter, type Kysely } from 'kysely';
import { createCacheTriggers, dropCacheTriggers } from '../cache-triggers.js';

const CACHED = ['survey_rounds', 'survey_responses', 'survey_answers'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = pg ? 'serial' : 'integer';
  const pk = (c: any) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('survey_rounds')
    .addColumn('id', id, pk)
    .addColumn('year', 'integer', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reminded_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('survey_responses')
    .addColumn('id', id, pk)
    .addColumn('round_id', 'integer', (c) => c.notNull().references('survey_rounds.id').onDelete('cascade'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('talk_with', 'text')
    .addColumn('talked_at', 'text')
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('submitted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('survey_responses_round_organisation', ['round_id', 'organisation_id'])
    .execute();
  await db.schema.createIndex('survey_responses_organisation').on('survey_responses').column('organisation_id').execute();

  await db.schema
    .createTable('survey_answers')
    .addColumn('response_id', 'integer', (c) => c.notNull().references('survey_responses.id').onDelete('cascade'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('other', 'text')
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('survey_answers_pk', ['response_id', 'question'])
    .execute();

  await db.insertInto('cache_versions').values({ scope: 'survey', version: 1 }).execute();
  await createCacheTriggers(db, 'survey', CACHED);
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropCacheTriggers(db, CACHED);
  await db.deleteFrom('cache_versions').where('scope', '=', 'survey').execute();
  for (const table of ['survey_answers', 'survey_responses', 'survey_rounds']) await db.schema.dropTable(table).ifExists().execute();
}
