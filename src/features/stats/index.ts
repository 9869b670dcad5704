/** Privacy-friendly statistics of use: counts, never people. */
export { recordView } from './stats.commands.js';
export { viewCounts } from './stats.queries.js';
export type { CountedEntity } from './stats.store.js';
