/** Reads of the view counts other features use. */
import type { Db } from '../../db/index.js';
import type { CountedEntity } from './stats.store.js';

/** Views per entity id, of all or of the given ids (missing ids have none). */
export async function viewCounts(db: Db, entity: CountedEntity, ids?: number[]): Promise<Map<number, number>> {
  if (ids && ids.length === 0) return new Map();
  const q = db.selectFrom('viewCounts').select(['entityId', 'views']).where('entity', '=', entity);
  const rows = await (ids ? q.where('entityId', 'in', ids) : q).execute();
  return new Map(rows.map((r) => [r.entityId, Number(r.views)]));
}
