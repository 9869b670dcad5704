/** SQL for content translations. */
import type { Db } from '../../db/index.js';
import { cleanUserText, foldForSearch } from '../../web/text.js';
import { sourceHash, type TranslatableEntity, type Translation, type TranslationSource } from './translation.js';

function toTranslation(r: { entity: string; entityId: number; field: string; language: string; text: string; source: string; translator: string | null; sourceHash: string; updatedAt: string }): Translation {
  return {
    entity: r.entity as TranslatableEntity,
    entityId: r.entityId,
    field: r.field,
    language: r.language,
    text: r.text,
    source: r.source as TranslationSource,
    translator: r.translator,
    sourceHash: r.sourceHash,
    updatedAt: r.updatedAt,
  };
}

/** Every translation into one language, keyed `${entity}:${entityId}:${field}` (for the translators' queue). */
export async function listTranslationsIn(db: Db, language: string): Promise<Map<string, Translation>> {
  const rows = await db.selectFrom('translations').selectAll().where('language', '=', language).execute();
  return new Map(rows.map((r) => [`${r.entity}:${r.entityId}:${r.field}`, toTranslation(r)]));
}

/** Translations of some entities' fields into one language, keyed `${entityId}:${field}`. */
export async function findTranslations(
  db: Db,
  entity: TranslatableEntity,
  entityIds: number[],
  language: string,
): Promise<Map<string, Translation>> {
  const out = new Map<string, Translation>();
  if (entityIds.length === 0 || language === 'sv') return out;
  const rows = await db
    .selectFrom('translations')
    .selectAll()
    .where('entity', '=', entity)
    .where('language', '=', language)
    .where('entityId', 'in', [...new Set(entityIds)])
    .execute();
  for (const r of rows) out.set(`${r.entityId}:${r.field}`, toTranslation(r));
  return out;
}

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

/** Creates or replaces one translation. */
export async function saveTranslation(db: Db, t: TranslationInput, now: Date): Promise<void> {
  const stamp = now.toISOString();
  const text = cleanUserText(t.text);
  const values = { text, source: t.source, translator: t.translator, sourceHash: sourceHash(t.swedish), updatedAt: stamp, searchText: foldForSearch(text) };
  await db
    .insertInto('translations')
    .values({ entity: t.entity, entityId: t.entityId, field: t.field, language: t.language, createdAt: stamp, ...values })
    .onConflict((oc) => oc.columns(['entity', 'entityId', 'field', 'language']).doUpdateSet(values))
    .execute();
}

/** Every translation of one entity, in all languages (for its editors' overview). */
export async function findAllTranslations(db: Db, entity: TranslatableEntity, entityId: number): Promise<Translation[]> {
  const rows = await db.selectFrom('translations').selectAll().where('entity', '=', entity).where('entityId', '=', entityId).execute();
  return rows.map(toTranslation);
}
