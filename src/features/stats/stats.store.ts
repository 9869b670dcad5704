/** SQL for view counts: how often each activity and organisation page is read, with nothing about who read it. */
import type { Db } from '../../db/index.js';

export type CountedEntity = 'activity' | 'organisation';

/**
 * Counts one reading of a page (no cookie, no address, no time: only the running total). Best
 * effort: a count that cannot be written never keeps a reader from the page.
 */
export async function recordView(db: Db, entity: CountedEntity, entityId: number): Promise<void> {
  await db
    .insertInto('viewCounts')
    .values({ entity, entityId, views: 1 })
    .onConflict((oc) => oc.columns(['entity', 'entityId']).doUpdateSet((eb) => ({ views: eb('viewCounts.views', '+', 1) })))
    .execute()
    .catch(() => undefined);
}

/** Views per entity id, of all or of the given ids (missing ids have none). */
export async function viewCounts(db: Db, entity: CountedEntity, ids?: number[]): Promise<Map<number, number>> {
  if (ids && ids.length === 0) return new Map();
  const q = db.selectFrom('viewCounts').select(['entityId', 'views']).where('entity', '=', entity);
  const rows = await (ids ? q.where('entityId', 'in', ids) : q).execute();
  return new Map(rows.map((r) => [r.entityId, Number(r.views)]));
}
