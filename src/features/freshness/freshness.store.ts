/**
 * SQL of the freshness reminders: which organisations have activities to confirm, the reminder rows
 * with their single-use links (SHA-256 only), and the coordinator's list of stale activities.
 */
import type { Db } from '../../db/index.js';

/** A published activity to confirm, as a reminder lists it. */
export interface DueActivity {
  id: number;
  slug: string;
  title: string;
  confirmedAt: string;
}

export interface Reminder {
  id: number;
  organisationId: number;
  month: string | null;
  activityIds: number[];
  expiresAt: string;
  usedAt: string | null;
  createdAt: string;
}

/** Organisations hosting a published activity last confirmed before `before`, by id. */
export async function listOrganisationsWithDue(db: Db, before: string): Promise<number[]> {
  const rows = await db
    .selectFrom('activityHosts as h')
    .innerJoin('activities as a', 'a.id', 'h.activityId')
    .select('h.organisationId')
    .distinct()
    .where('a.status', '=', 'published')
    .where('a.confirmedAt', '<', before)
    .orderBy('h.organisationId')
    .execute();
  return rows.map((r) => r.organisationId);
}

/** An organisation's published activities last confirmed before `before`, oldest confirmation first. */
export async function listDueActivities(db: Db, organisationId: number, before: string): Promise<DueActivity[]> {
  return db
    .selectFrom('activities as a')
    .innerJoin('activityHosts as h', 'h.activityId', 'a.id')
    .select(['a.id', 'a.slug', 'a.title', 'a.confirmedAt'])
    .where('h.organisationId', '=', organisationId)
    .where('a.status', '=', 'published')
    .where('a.confirmedAt', '<', before)
    .orderBy('a.confirmedAt')
    .orderBy('a.id')
    .execute();
}

/** Published activities by id (those a reminder listed and that still exist), with their last confirmation. */
export async function listPublishedByIds(db: Db, ids: number[]): Promise<DueActivity[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('activities')
    .select(['id', 'slug', 'title', 'confirmedAt'])
    .where('id', 'in', ids)
    .where('status', '=', 'published')
    .orderBy('confirmedAt')
    .orderBy('id')
    .execute();
}

/** Whether the organisation got any reminder at or after `since`. */
export async function remindedSince(db: Db, organisationId: number, since: string): Promise<boolean> {
  const row = await db.selectFrom('freshnessReminders').select('id').where('organisationId', '=', organisationId).where('createdAt', '>=', since).executeTakeFirst();
  return row !== undefined;
}

/**
 * Stores a reminder. With a `month`, only if the organisation has none for that month: returns
 * null when another run got there first (the unique index decides, so no month mails twice).
 */
export async function insertReminder(
  db: Db,
  r: { organisationId: number; month: string | null; activityIds: number[]; tokenHash: string; expiresAt: string; sentBy: number | null },
  now: Date,
): Promise<number | null> {
  const row = await db
    .insertInto('freshnessReminders')
    .values({ ...r, activityIds: JSON.stringify(r.activityIds), usedAt: null, createdAt: now.toISOString() })
    .onConflict((oc) => oc.columns(['organisationId', 'month']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

function toReminder(r: { id: number; organisationId: number; month: string | null; activityIds: string; expiresAt: string; usedAt: string | null; createdAt: string }): Reminder {
  return { ...r, activityIds: JSON.parse(r.activityIds) as number[] };
}

export async function findReminderByHash(db: Db, tokenHash: string): Promise<Reminder | undefined> {
  const row = await db
    .selectFrom('freshnessReminders')
    .select(['id', 'organisationId', 'month', 'activityIds', 'expiresAt', 'usedAt', 'createdAt'])
    .where('tokenHash', '=', tokenHash)
    .executeTakeFirst();
  return row ? toReminder(row) : undefined;
}

/** Marks a reminder's link used, if it was neither used nor expired; false when it was (two clicks: one wins). */
export async function useReminder(db: Db, id: number, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const result = await db.updateTable('freshnessReminders').set({ usedAt: at }).where('id', '=', id).where('usedAt', 'is', null).where('expiresAt', '>', at).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** When each organisation was last reminded. */
export async function lastRemindersOf(db: Db, organisationIds: number[]): Promise<Map<number, string>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('freshnessReminders')
    .select(['organisationId', (eb) => eb.fn.max('createdAt').as('last')])
    .where('organisationId', 'in', organisationIds)
    .groupBy('organisationId')
    .execute();
  return new Map(rows.map((r) => [r.organisationId, String(r.last)]));
}

/** One row of the coordinator's stale list: an activity and its main organiser. */
export interface StaleActivity {
  id: number;
  slug: string;
  title: string;
  confirmedAt: string;
  organisation: { id: number; slug: string; name: string; email: string | null };
}

/** Published activities last confirmed before `before`, oldest first, a page at a time, and how many there are. */
export async function listStaleActivities(db: Db, before: string, page: { limit: number; offset: number }): Promise<{ rows: StaleActivity[]; total: number }> {
  const base = db
    .selectFrom('activities as a')
    .innerJoin('activityHosts as h', (j) => j.onRef('h.activityId', '=', 'a.id').on('h.position', '=', 0))
    .innerJoin('organisations as o', 'o.id', 'h.organisationId')
    .where('a.status', '=', 'published')
    .where('a.confirmedAt', '<', before);
  const [rows, count] = await Promise.all([
    base
      .select(['a.id', 'a.slug', 'a.title', 'a.confirmedAt', 'o.id as orgId', 'o.slug as orgSlug', 'o.name as orgName', 'o.email as orgEmail'])
      .orderBy('a.confirmedAt')
      .orderBy('a.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return {
    total: Number(count?.n ?? 0),
    rows: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      confirmedAt: r.confirmedAt,
      organisation: { id: r.orgId, slug: r.orgSlug, name: r.orgName, email: r.orgEmail },
    })),
  };
}

/** Sets when an activity (by its title) was last confirmed: for the demo data, which shows old confirmations. */
export async function setConfirmedAtByTitle(db: Db, title: string, confirmedAt: string): Promise<number | null> {
  const row = await db.updateTable('activities').set({ confirmedAt }).where('title', '=', title).returning('id').executeTakeFirst();
  return row?.id ?? null;
}
