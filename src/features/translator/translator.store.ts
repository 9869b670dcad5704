/** SQL for the glossary the translators keep. */
import type { Db } from '../../db/index.js';
import { cleanUserText } from '../../web/text.js';
import type { GlossaryEntry } from './glossary.js';

export async function listGlossary(db: Db, language: string): Promise<GlossaryEntry[]> {
  return db.selectFrom('glossaryTerms').select(['term', 'language', 'translation', 'note']).where('language', '=', language).orderBy('term').execute();
}

/** Sets the agreed translation of a term in a language. */
export async function saveGlossaryEntry(db: Db, e: GlossaryEntry, userId: number, now: Date): Promise<void> {
  const values = { translation: cleanUserText(e.translation), note: e.note === null ? null : cleanUserText(e.note), updatedAt: now.toISOString(), updatedBy: userId };
  await db
    .insertInto('glossaryTerms')
    .values({ term: cleanUserText(e.term), language: e.language, ...values })
    .onConflict((oc) => oc.columns(['term', 'language']).doUpdateSet(values))
    .execute();
}
