/**
 * Föreningslots trust: an outbox row names what it is about (`subject_ref`, e.g. 'case:12') so erasing
 * a case erases its mail copies too; a case merged by a guide points at the case it went into; a wish
 * waits for the coordinator ('pending') before it is shown, 'approved' or 'hidden'.
 * Existing outbox rows about a case are linked to it by the reference in their subject, and those of
 * cases already erased are deleted; existing wishes were public already and stay shown.
 */
import type { Kysely } from 'kysely';

/** The subjects guide mails were sent with, each with its reference code ('K7-4F2Q') in it. */
const GUIDE_PURPOSES = ['guide', 'guide-reminder', 'referral'];
const REFERENCE = /\b([2-9A-Z]{2}-[2-9A-Z]{4})\b/;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('subject_ref', 'text').execute();
  await db.schema.createIndex('outbox_subject_ref').on('outbox').column('subject_ref').execute();
  await db.schema.alterTable('guide_cases').addColumn('merged_into', 'integer').execute();
  await db.schema.alterTable('wishes').addColumn('status', 'text', (c) => c.notNull().defaultTo('pending')).execute();
  await db.schema.createIndex('wishes_status').on('wishes').column('status').execute();
  await db.updateTable('wishes').set({ status: 'approved' }).execute();

  // The app's Kysely maps camelCase names to snake_case columns, results included.
  const mails = await db.selectFrom('outbox').select(['id', 'subject']).where('purpose', 'in', GUIDE_PURPOSES).execute();
  const cases = new Map<string, { id: number; erased: boolean }>();
  for (const c of await db.selectFrom('guideCases').select(['id', 'reference', 'erasedAt']).execute()) {
    cases.set(String(c.reference), { id: Number(c.id), erased: c.erasedAt !== null && c.erasedAt !== undefined });
  }
  for (const m of mails) {
    const reference = REFERENCE.exec(String(m.subject))?.[1];
    const found = reference ? cases.get(reference) : undefined;
    if (!found) continue;
    if (found.erased) await db.deleteFrom('outbox').where('id', '=', m.id).execute();
    else await db.updateTable('outbox').set({ subjectRef: `case:${found.id}` }).where('id', '=', m.id).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('wishes_status').ifExists().execute();
  await db.schema.alterTable('wishes').dropColumn('status').execute();
  await db.schema.alterTable('guide_cases').dropColumn('merged_into').execute();
  await db.schema.dropIndex('outbox_subject_ref').ifExists().execute();
  await db.schema.alterTable('outbox').dropColumn('subject_ref').execute();
}
