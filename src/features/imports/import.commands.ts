/**
 * Connecting and disconnecting an organisation's calendar, each with its audit entry in one
 * transaction (syncing is sync.ts, one transaction per event).
 */
import { inTransaction, type Db } from '../../db/index.js';
import { recordAudit } from '../audit/index.js';
import type { Category } from '../taxonomy/index.js';
import { deactivateFeed, insertFeed, reactivateFeed, type CalendarFeed } from './import.store.js';

/** Who connects or disconnects (an editor or the coordinator) and when. */
export interface FeedChangeContext {
  actorUserId: number;
  now: Date;
}

/**
 * Connects a calendar to an organisation: a new feed, or the `existing` one it had disconnected, which
 * takes up its history of imported events so nothing is imported twice. Returns the feed's id.
 */
export async function connectFeed(
  db: Db,
  organisationId: number,
  feed: { url: string; category: Category },
  existing: Pick<CalendarFeed, 'id'> | undefined,
  ctx: FeedChangeContext,
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const id = existing ? existing.id : await insertFeed(trx, { organisationId, url: feed.url, category: feed.category, createdBy: ctx.actorUserId }, ctx.now);
    if (existing) await reactivateFeed(trx, existing.id, feed.category);
    await recordAudit(trx, { actorUserId: ctx.actorUserId, action: 'import.connected', entity: 'organisation', entityId: organisationId, after: { feed: id, category: feed.category } }, ctx.now);
    return id;
  });
}

/** Stops syncing a feed; what it imported stays. */
export async function disconnectFeed(db: Db, feed: Pick<CalendarFeed, 'id' | 'organisationId'>, ctx: FeedChangeContext): Promise<void> {
  await inTransaction(db, async (trx) => {
    await deactivateFeed(trx, feed.id);
    await recordAudit(trx, { actorUserId: ctx.actorUserId, action: 'import.disconnected', entity: 'organisation', entityId: feed.organisationId, before: { feed: feed.id } }, ctx.now);
  });
}
