/** SQL for view counts: how often each activity and organisation page is read, with nothing about who read it. */
import type { Db } from '../../db/index.js';

export type CountedEntity = 'activity' | 'organisation';

/** Adds one to an entity's running total (no cookie, no address, no time). */
export async function incrementViewCount(db: Db, entity: CountedEntity, entityId: number): Promise<void> {
  await db
    .insertInto('viewCounts')
    .values({ entity, entityId, views: 1 })
    .onConflict((oc) => oc.columns(['entity', 'entityId']).doUpdateSet((eb) => ({ views: eb('viewCounts.views', '+', 1) })))
    .execute();
}
