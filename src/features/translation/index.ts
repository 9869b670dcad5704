/** Translation: content in the reader's language, with its provenance. */
export * from './translation.js';
export { findAllTranslations, findTranslations, listTranslationsIn } from './translation.queries.js';
export { saveTranslation } from './translation.commands.js';
export type { TranslationInput } from './translation.store.js';
export { TranslatedText, TranslationNote } from './translation.components.js';
export { createMachineTranslator, MachineTranslationError, type MachineTranslator } from './machine.js';
export { lix, LIX_WARNING_THRESHOLD } from './lix.js';
