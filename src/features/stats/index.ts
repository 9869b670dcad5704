/** Privacy-friendly statistics of use: counts, never people. */
export { recordView, viewCounts, type CountedEntity } from './stats.store.js';
