/** Rules for content translations: which text a reader sees, and whether a translation has gone stale. */
import crypto from 'node:crypto';

export const TRANSLATABLE = {
  activity: ['title', 'description'],
  organisation: ['description'],
  place: ['directions'],
} as const;
export type TranslatableEntity = keyof typeof TRANSLATABLE;
export type TranslationSource = 'human' | 'machine';

export interface Translation {
  entity: TranslatableEntity;
  entityId: number;
  field: string;
  language: string;
  text: string;
  source: TranslationSource;
  translator: string | null;
  sourceHash: string;
  updatedAt: string;
}

/** A text as shown: in the reader's language when a translation exists, otherwise the Swedish original. */
export interface LocalText {
  text: string;
  /** The language the text is in. */
  lang: string;
  machine: boolean;
  /** The Swedish text changed after this translation was made. */
  outdated: boolean;
}

/** A short, stable fingerprint of a Swedish source text. */
export function sourceHash(swedish: string): string {
  return crypto.createHash('sha256').update(swedish.normalize('NFC').trim()).digest('hex').slice(0, 16);
}

/** The text a reader of `lang` sees for a Swedish original and its translation (if any). */
export function localText(swedish: string, lang: string, translation: Translation | undefined): LocalText {
  if (lang === 'sv' || !translation || translation.text.trim() === '') {
    return { text: swedish, lang: 'sv', machine: false, outdated: false };
  }
  return {
    text: translation.text,
    lang: translation.language,
    machine: translation.source === 'machine',
    outdated: translation.sourceHash !== sourceHash(swedish),
  };
}
