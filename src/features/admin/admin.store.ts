/**
 * SQL for the coordinator's lists that no other feature serves: every activity of every status,
 * and the few facts about an entity the history page names it by.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/index.js';
import { containsPattern, searchTerms } from '../../web/text.js';

export interface AdminActivityFilter {
  q?: string;
  status?: string;
  organisationId?: number;
}

export interface AdminActivityItem {
  id: number;
  slug: string;
  title: string;
  status: string;
  updatedAt: string;
  hosts: { id: number; slug: string; name: string }[];
}

function filtered(db: Db, f: AdminActivityFilter) {
  let q = db.selectFrom('activities as a');
  // search_text is folded like the terms (title, description, hosts, place), so "sprakcafe" finds "Språkcafé".
  for (const term of searchTerms(f.q ?? '')) q = q.where(sql<boolean>`a.search_text like ${containsPattern(term)} escape '\\'`);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.organisationId !== undefined) {
    const organisationId = f.organisationId;
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom('activityHosts as h').select('h.activityId').whereRef('h.activityId', '=', 'a.id').where('h.organisationId', '=', organisationId)),
    );
  }
  return q;
}

/** Activities of any status matching the filter, most recently changed first, with their hosts. */
export async function listActivitiesForAdmin(db: Db, f: AdminActivityFilter & { limit: number; offset: number }): Promise<AdminActivityItem[]> {
  const rows = await filtered(db, f)
    .select(['a.id', 'a.slug', 'a.title', 'a.status', 'a.updatedAt'])
    .orderBy('a.updatedAt', 'desc')
    .orderBy('a.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  if (rows.length === 0) return [];
  const hosts = await db
    .selectFrom('activityHosts as h')
    .innerJoin('organisations as o', 'o.id', 'h.organisationId')
    .select(['h.activityId', 'o.id', 'o.slug', 'o.name'])
    .where('h.activityId', 'in', rows.map((r) => r.id))
    .orderBy('h.position')
    .execute();
  return rows.map((r) => ({
    ...r,
    hosts: hosts.filter((h) => h.activityId === r.id).map((h) => ({ id: h.id, slug: h.slug, name: h.name })),
  }));
}

export async function countActivitiesForAdmin(db: Db, f: AdminActivityFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** An activity's title and slug whatever its status (for naming it on its history page). */
export async function findActivityTitle(db: Db, id: number): Promise<{ id: number; slug: string; title: string; status: string } | undefined> {
  return db.selectFrom('activities').select(['id', 'slug', 'title', 'status']).where('id', '=', id).executeTakeFirst();
}
