/** SQL for calendar import: connected feeds, which event became which activity, and the job's lease. */
import type { Selectable } from 'kysely';
import type { Database, Db } from '../../db/index.js';
import type { Category } from '../taxonomy/index.js';
import type { ReportLine } from './mapping.js';

/** What the last sync did, shown beside the feed. */
export interface FeedReport {
  created: number;
  updated: number;
  cancelled: number;
  unchanged: number;
  /** Events that were already over and so not imported. */
  past: number;
  lines: ReportLine[];
}

export interface FeedError {
  code: string;
  params: Record<string, string>;
}

export interface CalendarFeed {
  id: number;
  organisationId: number;
  url: string;
  category: Category;
  createdBy: number | null;
  createdAt: string;
  active: boolean;
  lastSyncAt: string | null;
  lastSuccessAt: string | null;
  lastError: FeedError | null;
  lastReport: FeedReport | null;
  consecutiveFailures: number;
  failureMailedAt: string | null;
  etag: string | null;
  lastModified: string | null;
}

/** A feed with what the lists show beside it. */
export interface FeedListItem extends CalendarFeed {
  organisationName: string;
  organisationSlug: string;
  /** Activities that came from it and still exist. */
  importedCount: number;
}

export interface ImportedEvent {
  id: number;
  feedId: number;
  uid: string;
  recurrenceId: string;
  activityId: number | null;
  lastHash: string;
  lastSeenAt: string;
}

type FeedRow = Selectable<Database['calendarFeeds']>;

function parseJson<T>(text: string | null): T | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

function toFeed(r: FeedRow): CalendarFeed {
  return {
    id: r.id,
    organisationId: r.organisationId,
    url: r.url,
    category: r.category as Category,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    active: r.active === 1,
    lastSyncAt: r.lastSyncAt,
    lastSuccessAt: r.lastSuccessAt,
    lastError: parseJson<FeedError>(r.lastError),
    lastReport: parseJson<FeedReport>(r.lastReport),
    consecutiveFailures: r.consecutiveFailures,
    failureMailedAt: r.failureMailedAt,
    etag: r.etag,
    lastModified: r.lastModified,
  };
}

export async function insertFeed(db: Db, f: { organisationId: number; url: string; category: Category; createdBy: number | null }, now: Date): Promise<number> {
  const row = await db
    .insertInto('calendarFeeds')
    .values({ organisationId: f.organisationId, url: f.url, category: f.category, createdBy: f.createdBy, createdAt: now.toISOString(), active: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findFeed(db: Db, id: number): Promise<CalendarFeed | undefined> {
  const row = await db.selectFrom('calendarFeeds').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toFeed(row) : undefined;
}

/** The organisation's feed with this address, connected or not. */
export async function findFeedByUrl(db: Db, organisationId: number, url: string): Promise<CalendarFeed | undefined> {
  const row = await db.selectFrom('calendarFeeds').selectAll().where('organisationId', '=', organisationId).where('url', '=', url).orderBy('id').executeTakeFirst();
  return row ? toFeed(row) : undefined;
}

/** Connects a feed again (with a new default category); its history of imported events is kept. */
export async function reactivateFeed(db: Db, id: number, category: Category): Promise<void> {
  await db
    .updateTable('calendarFeeds')
    .set({ active: 1, category, consecutiveFailures: 0, lastError: null, failureMailedAt: null, etag: null, lastModified: null })
    .where('id', '=', id)
    .execute();
}

/** Stops syncing a feed; what it imported stays. */
export async function deactivateFeed(db: Db, id: number): Promise<void> {
  await db.updateTable('calendarFeeds').set({ active: 0 }).where('id', '=', id).execute();
}

function selectFeedList(db: Db) {
  return db
    .selectFrom('calendarFeeds as f')
    .innerJoin('organisations as o', 'o.id', 'f.organisationId')
    .selectAll('f')
    .select(['o.name as organisationName', 'o.slug as organisationSlug'])
    .select((eb) =>
      eb
        .selectFrom('importedEvents as e')
        .innerJoin('activities as a', 'a.id', 'e.activityId')
        .select((eb2) => eb2.fn.count<number>('e.activityId').distinct().as('n'))
        .whereRef('e.feedId', '=', 'f.id')
        .as('importedCount'),
    );
}

type FeedListRow = FeedRow & { organisationName: string; organisationSlug: string; importedCount: number | string | null };
const toListItem = (r: FeedListRow): FeedListItem => ({
  ...toFeed(r),
  organisationName: r.organisationName,
  organisationSlug: r.organisationSlug,
  importedCount: Number(r.importedCount ?? 0),
});

/** The organisation's connected feeds, oldest first. */
export async function listFeedsOfOrganisation(db: Db, organisationId: number): Promise<FeedListItem[]> {
  const rows = await selectFeedList(db).where('f.organisationId', '=', organisationId).where('f.active', '=', 1).orderBy('f.id').execute();
  return rows.map((r) => toListItem(r as FeedListRow));
}

/** Every feed for the coordinator: failing ones first (longest failing first), then connected, then disconnected. */
export async function listAllFeeds(db: Db): Promise<FeedListItem[]> {
  const rows = await selectFeedList(db).orderBy('f.active', 'desc').orderBy('f.consecutiveFailures', 'desc').orderBy('o.name').orderBy('f.id').execute();
  return rows.map((r) => toListItem(r as FeedListRow));
}

export async function listActiveFeedIds(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('calendarFeeds').select('id').where('active', '=', 1).orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** Holds the feed for one sync until `until`; false when another sync holds it. */
export async function lockFeed(db: Db, id: number, now: Date, until: Date): Promise<boolean> {
  const result = await db
    .updateTable('calendarFeeds')
    .set({ lockedUntil: until.toISOString() })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', now.toISOString())]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function unlockFeed(db: Db, id: number): Promise<void> {
  await db.updateTable('calendarFeeds').set({ lockedUntil: null }).where('id', '=', id).execute();
}

/** A sync that read the feed (or learnt it had not changed): failures reset, the report kept. */
export async function recordSuccess(db: Db, id: number, s: { now: Date; etag?: string | null; lastModified?: string | null; report?: FeedReport }): Promise<void> {
  const stamp = s.now.toISOString();
  await db
    .updateTable('calendarFeeds')
    .set({
      lastSyncAt: stamp,
      lastSuccessAt: stamp,
      lastError: null,
      consecutiveFailures: 0,
      failureMailedAt: null,
      ...(s.etag !== undefined ? { etag: s.etag } : {}),
      ...(s.lastModified !== undefined ? { lastModified: s.lastModified } : {}),
      ...(s.report ? { lastReport: JSON.stringify(s.report) } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** A failed sync; returns the feed as it now is. */
export async function recordFailure(db: Db, id: number, error: FeedError, now: Date): Promise<CalendarFeed | undefined> {
  await db
    .updateTable('calendarFeeds')
    .set((eb) => ({ lastSyncAt: now.toISOString(), lastError: JSON.stringify(error), consecutiveFailures: eb('consecutiveFailures', '+', 1) }))
    .where('id', '=', id)
    .execute();
  return findFeed(db, id);
}

export async function setFailureMailed(db: Db, id: number, now: Date): Promise<void> {
  await db.updateTable('calendarFeeds').set({ failureMailedAt: now.toISOString() }).where('id', '=', id).execute();
}

export async function listImportedEvents(db: Db, feedId: number): Promise<ImportedEvent[]> {
  return db.selectFrom('importedEvents').select(['id', 'feedId', 'uid', 'recurrenceId', 'activityId', 'lastHash', 'lastSeenAt']).where('feedId', '=', feedId).orderBy('id').execute();
}

export async function insertImportedEvent(db: Db, e: { feedId: number; uid: string; recurrenceId: string; activityId: number | null; lastHash: string }, now: Date): Promise<void> {
  const stamp = now.toISOString();
  await db.insertInto('importedEvents').values({ ...e, lastSeenAt: stamp, createdAt: stamp }).execute();
}

export async function updateImportedEvent(db: Db, id: number, change: { lastHash?: string; seen?: Date }): Promise<void> {
  const set = { ...(change.lastHash !== undefined ? { lastHash: change.lastHash } : {}), ...(change.seen ? { lastSeenAt: change.seen.toISOString() } : {}) };
  if (Object.keys(set).length === 0) return;
  await db.updateTable('importedEvents').set(set).where('id', '=', id).execute();
}

/** Marks events as seen in the feed now. */
export async function touchImportedEvents(db: Db, ids: number[], now: Date): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db.updateTable('importedEvents').set({ lastSeenAt: now.toISOString() }).where('id', 'in', ids.slice(i, i + 500)).execute();
  }
}
