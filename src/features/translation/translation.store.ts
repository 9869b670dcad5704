/** SQL that writes content translations. */
import type { Db } from '../../db/index.js';
import { cleanUserText, foldForSearch } from '../../web/text.js';
import { sourceHash, type TranslatableEntity, type TranslationSource } from './translation.js';

export interface TranslationInput {
  entity: TranslatableEntity;
  entityId: number;
  field: string;
  language: string;
  text: string;
  source: TranslationSource;
  translator: string | null;
  /** The Swedish text translated from. */
  swedish: string;
}

/** Inserts a translation, or replaces the one of the same entity, field and language. */
export async function upsertTranslation(db: Db, t: TranslationInput, now: Date): Promise<void> {
  const stamp = now.toISOString();
  const text = cleanUserText(t.text);
  const values = { text, source: t.source, translator: t.translator, sourceHash: sourceHash(t.swedish), updatedAt: stamp, searchText: foldForSearch(text) };
  await db
    .insertInto('translations')
    .values({ entity: t.entity, entityId: t.entityId, field: t.field, language: t.language, createdAt: stamp, ...values })
    .onConflict((oc) => oc.columns(['entity', 'entityId', 'field', 'language']).doUpdateSet(values))
    .execute();
}
