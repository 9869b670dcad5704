/** Counting views: the one write other features make to the statistics. */
import type { Db } from '../../db/index.js';
import { incrementViewCount, type CountedEntity } from './stats.store.js';

/**
 * Counts one reading of a page (no cookie, no address, no time: only the running total). Best
 * effort: a count that cannot be written never keeps a reader from the page.
 */
export async function recordView(db: Db, entity: CountedEntity, entityId: number): Promise<void> {
  await incrementViewCount(db, entity, entityId).catch(() => undefined);
}
