/** SQL for the feeds that list what is published: the "new activities" Atom feed and the sitemap. */
import type { Db } from '../../db/index.js';
import type { Category } from '../taxonomy/index.js';

/** A published activity as the Atom feed shows it, main organiser first. */
export interface PublishedActivity {
  id: number;
  slug: string;
  title: string;
  description: string;
  category: Category;
  createdAt: string;
  updatedAt: string;
  hosts: { slug: string; name: string }[];
}

/** The `limit` most recently created published activities, newest first. */
export async function listRecentlyPublishedActivities(db: Db, limit: number): Promise<PublishedActivity[]> {
  const rows = await db
    .selectFrom('activities')
    .select(['id', 'slug', 'title', 'description', 'category', 'createdAt', 'updatedAt'])
    .where('status', '=', 'published')
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  if (rows.length === 0) return [];
  const hosts = await db
    .selectFrom('activityHosts as h')
    .innerJoin('organisations as o', 'o.id', 'h.organisationId')
    .select(['h.activityId', 'o.slug', 'o.name'])
    .where('h.activityId', 'in', rows.map((r) => r.id))
    .where('o.published', '=', 1)
    .orderBy('h.activityId')
    .orderBy('h.position')
    .execute();
  return rows.map((r) => ({
    ...r,
    category: r.category as Category,
    hosts: hosts.filter((h) => h.activityId === r.id).map((h) => ({ slug: h.slug, name: h.name })),
  }));
}

/** Every published activity's address parts and last change, for the sitemap. */
export async function listPublishedActivityPaths(db: Db): Promise<{ id: number; slug: string; updatedAt: string }[]> {
  return db.selectFrom('activities').select(['id', 'slug', 'updatedAt']).where('status', '=', 'published').orderBy('id').execute();
}

/** Every published organisation's slug and last change, for the sitemap. */
export async function listPublishedOrganisationPaths(db: Db): Promise<{ slug: string; updatedAt: string }[]> {
  return db.selectFrom('organisations').select(['slug', 'updatedAt']).where('published', '=', 1).orderBy('slug').execute();
}
