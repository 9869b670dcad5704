/**
 * The network's volunteer roles, recruitment campaigns and sign-ups, and the mailing list: segments,
 * confirmed subscribers, requests waiting for their double opt-in, messages, each recipient's
 * delivery, and the hashes of addresses that left. Personal fields of a sign-up are emptied when it
 * is erased; a subscriber who leaves is deleted.
 * Roles and campaigns are shown on cached calendar-scope pages, segments and messages on the archive
 * (scope 'mailing'): their writes raise those versions by triggers, as 015 does.
 */
import { PostgresAdapter, type Kysely } from 'kysely';
import { createCacheTriggers, dropCacheTriggers } from '../cache-triggers.js';

const CACHED: Record<string, readonly string[]> = {
  calendar: ['volunteer_roles', 'volunteer_campaigns'],
  mailing: ['mailing_segments', 'mailing_messages'],
};

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = pg ? 'serial' : 'integer';
  const pk = (c: any) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('volunteer_roles')
    .addColumn('id', id, pk)
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('hours', 'integer')
    .addColumn('min_months', 'integer')
    .addColumn('swedish', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('benefits', 'text', (c) => c.notNull())
    .addColumn('district_id', 'integer', (c) => c.references('districts.id').onDelete('set null'))
    .addColumn('contact_email', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('volunteer_roles_org').on('volunteer_roles').column('organisation_id').execute();
  await db.schema.createIndex('volunteer_roles_open').on('volunteer_roles').columns(['status', 'kind']).execute();

  await db.schema
    .createTable('volunteer_campaigns')
    .addColumn('id', id, pk)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('volunteer_signups')
    .addColumn('id', id, pk)
    .addColumn('role_id', 'integer', (c) => c.references('volunteer_roles.id').onDelete('set null'))
    .addColumn('organisation_id', 'integer', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('campaign_id', 'integer', (c) => c.references('volunteer_campaigns.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // Personal data (emptied on erasure):
    .addColumn('name', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('message', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('forwarded_at', 'text')
    .addColumn('forward_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('erased_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('volunteer_signups_role').on('volunteer_signups').column('role_id').execute();
  await db.schema.createIndex('volunteer_signups_campaign').on('volunteer_signups').column('campaign_id').execute();
  await db.schema.createIndex('volunteer_signups_erasure').on('volunteer_signups').columns(['erased_at', 'forwarded_at']).execute();

  await db.schema
    .createTable('mailing_segments')
    .addColumn('id', id, pk)
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('organisation_kind', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('public_archive', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('open_signup', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mailing_subscribers')
    .addColumn('id', id, pk)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_failure', 'text')
    .addColumn('paused_at', 'text')
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mailing_memberships')
    .addColumn('subscriber_id', 'integer', (c) => c.notNull().references('mailing_subscribers.id').onDelete('cascade'))
    .addColumn('segment_id', 'integer', (c) => c.notNull().references('mailing_segments.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mailing_memberships_pk', ['subscriber_id', 'segment_id'])
    .execute();
  await db.schema.createIndex('mailing_memberships_segment').on('mailing_memberships').column('segment_id').execute();

  await db.schema
    .createTable('mailing_requests')
    .addColumn('id', id, pk)
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('segment_ids', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mailing_requests_expiry').on('mailing_requests').column('expires_at').execute();

  await db.schema
    .createTable('mailing_messages')
    .addColumn('id', id, pk)
    .addColumn('segment_id', 'integer', (c) => c.references('mailing_segments.id').onDelete('set null'))
    .addColumn('texts', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('queued_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('mailing_messages_status').on('mailing_messages').columns(['status', 'queued_at']).execute();

  await db.schema
    .createTable('mailing_deliveries')
    .addColumn('id', id, pk)
    .addColumn('message_id', 'integer', (c) => c.notNull().references('mailing_messages.id').onDelete('cascade'))
    .addColumn('subscriber_id', 'integer', (c) => c.references('mailing_subscribers.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('claimed_at', 'text')
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('mailing_deliveries_queue').on('mailing_deliveries').columns(['status', 'id']).execute();
  await db.schema.createIndex('mailing_deliveries_message').on('mailing_deliveries').columns(['message_id', 'status']).execute();
  await db.schema.createIndex('mailing_deliveries_subscriber').on('mailing_deliveries').columns(['subscriber_id', 'message_id']).unique().execute();

  await db.schema
    .createTable('mailing_suppressions')
    .addColumn('email_hash', 'text', (c) => c.primaryKey())
    .addColumn('left_at', 'text', (c) => c.notNull())
    .execute();

  // Versions of what cached pages show: the archive's scope is new; its tables and the calendar's new ones get triggers.
  await db.insertInto('cache_versions').values({ scope: 'mailing', version: 1 }).execute();
  for (const [scope, tables] of Object.entries(CACHED)) await createCacheTriggers(db, scope, tables);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const tables of Object.values(CACHED)) await dropCacheTriggers(db, tables);
  await db.deleteFrom('cache_versions').where('scope', '=', 'mailing').execute();
  for (const table of [
    'mailing_suppressions',
    'mailing_deliveries',
    'mailing_messages',
    'mailing_requests',
    'mailing_memberships',
    'mailing_subscribers',
    'mailing_segments',
    'volunteer_signups',
    'volunteer_campaigns',
    'volunteer_roles',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
