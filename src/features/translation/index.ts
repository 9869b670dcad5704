/** Translation: content in the reader's language, with its provenance. */
export * from './translation.js';
export { findTranslations, saveTranslation, type TranslationInput } from './translation.store.js';
export { TranslatedText, TranslationNote } from './translation.components.js';
