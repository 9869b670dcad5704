/** Writing content translations: what the translators' editor, machine drafts and the demo data save. */
import type { Db } from '../../db/index.js';
import { upsertTranslation, type TranslationInput } from './translation.store.js';

/** Creates or replaces one translation. */
export function saveTranslation(db: Db, t: TranslationInput, now: Date): Promise<void> {
  return upsertTranslation(db, t, now);
}
