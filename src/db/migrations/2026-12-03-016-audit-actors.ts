/**
 * Who did it, when it was not a signed-in user: the calendar import (with its feed), a scheduled job,
 * a visitor of a public form. Entries with a user keep actor_user_id; older entries without one
 * are the system's.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_entries').addColumn('actor_kind', 'text').execute();
  await db.schema.alterTable('audit_entries').addColumn('actor_ref', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_entries').dropColumn('actor_ref').execute();
  await db.schema.alterTable('audit_entries').dropColumn('actor_kind').execute();
}
