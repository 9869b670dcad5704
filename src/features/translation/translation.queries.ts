/** Reads of content translations other features use: by language, by entity, for a page's entities. */
import type { Db } from '../../db/index.js';
import type { TranslatableEntity, Translation, TranslationSource } from './translation.js';

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

/** Every translation of one entity, in all languages (for its editors' overview). */
export async function findAllTranslations(db: Db, entity: TranslatableEntity, entityId: number): Promise<Translation[]> {
  const rows = await db.selectFrom('translations').selectAll().where('entity', '=', entity).where('entityId', '=', entityId).execute();
  return rows.map(toTranslation);
}
