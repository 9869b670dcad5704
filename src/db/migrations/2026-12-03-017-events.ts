/**
 * Events with sign-up: the sign-up settings of one dated occurrence (activity + the date the schedule
 * gives it), the sign-ups (confirmed, waiting or cancelled; personal fields emptied after the event),
 * and the single-use cancel links (stored as SHA-256 hashes only).
 *
 * The activity page shows places left, so the settings and the sign-ups belong to the calendar's
 * cache scope (db/cache-scopes.ts): a change to the settings, a new sign-up, a cancellation or a
 * promotion raises its version; a check-in, a reminder sent or an erasure (no change of status)
 * does not.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { createCacheTriggers, dropCacheTriggers } from '../cache-triggers.js';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = pg ? 'serial' : 'integer';
  const pk = (c: any) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('event_settings')
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    // The date the schedule gives the occurrence (a moved date keeps its original here).
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer')
    // Local date and time in Europe/Stockholm; none: sign-up closes when the event starts.
    .addColumn('deadline_date', 'text')
    .addColumn('deadline_time', 'text')
    // 'off', 'optional' or 'required' for each question.
    .addColumn('ask_organisation', 'text', (c) => c.notNull().defaultTo('off'))
    .addColumn('ask_diet', 'text', (c) => c.notNull().defaultTo('off'))
    .addColumn('ask_accessibility', 'text', (c) => c.notNull().defaultTo('off'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_settings_pk', ['activity_id', 'local_date'])
    .execute();

  await db.schema
    .createTable('event_signups')
    .addColumn('id', id, pk)
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('local_date', 'text', (c) => c.notNull())
    // 'confirmed', 'waiting' or 'cancelled'.
    .addColumn('status', 'text', (c) => c.notNull())
    // Personal data (emptied on erasure):
    .addColumn('name', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('organisation', 'text')
    .addColumn('diet', 'text')
    .addColumn('accessibility', 'text')
    // What stays for the statistics: the language mails go out in, and a keyed hash of the e-mail
    // per activity (returning attendees are counted by it; it cannot be turned back into an address).
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('attendee_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('promoted_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('checked_in_at', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('erased_at', 'text')
    .execute();
  await db.schema.createIndex('event_signups_date').on('event_signups').columns(['activity_id', 'local_date', 'status']).execute();
  await db.schema.createIndex('event_signups_local_date').on('event_signups').columns(['local_date', 'status']).execute();
  // One sign-up per address and date: two forms sent at once cannot both get in.
  await db.schema
    .createIndex('event_signups_one_per_email')
    .on('event_signups')
    .columns(['activity_id', 'local_date', 'email'])
    .unique()
    .where(sql<boolean>`status in ('confirmed', 'waiting')`)
    .execute();

  await db.schema
    .createTable('event_cancel_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('signup_id', 'integer', (c) => c.notNull().references('event_signups.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_cancel_tokens_signup').on('event_cancel_tokens').column('signup_id').execute();

  // The activity page shows places left: sign-ups and settings raise the calendar's cache version.
  await createCacheTriggers(db, 'calendar', ['event_settings', 'event_signups']);
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropCacheTriggers(db, ['event_settings', 'event_signups']);
  await db.schema.dropTable('event_cancel_tokens').ifExists().execute();
  await db.schema.dropTable('event_signups').ifExists().execute();
  await db.schema.dropTable('event_settings').ifExists().execute();
}
