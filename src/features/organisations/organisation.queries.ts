/**
 * Reads of organisations other features use: the directory, one organisation by id or slug (shown or
 * not), names and texts, the coordinator's list, and whether a slug is free.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/index.js';
import { containsPattern, foldForSearch, searchTerms } from '../../web/text.js';
import type { Category, OrganisationKind } from '../taxonomy/index.js';
import type { Organisation, OrganisationListFilter } from './organisation.js';
import { slugCandidate, SLUG_MAX } from './naming.js';

function filtered(db: Db, f: OrganisationListFilter) {
  let q = db.selectFrom('organisations as o').where('o.published', '=', 1);
  if (f.category) {
    const category = f.category;
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom('organisationCategories as c').select('c.organisationId').whereRef('c.organisationId', '=', 'o.id').where('c.category', '=', category)),
    );
  }
  if (f.district) {
    const district = f.district;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('organisationDistricts as od')
          .innerJoin('districts as d', 'd.id', 'od.districtId')
          .select('od.organisationId')
          .whereRef('od.organisationId', '=', 'o.id')
          .where('d.slug', '=', district),
      ),
    );
  }
  for (const term of f.terms ?? []) q = q.where(sql<boolean>`o.search_text like ${containsPattern(term)} escape '\\'`);
  return q;
}

async function attachRelations(db: Db, rows: Awaited<ReturnType<typeof baseRows>>): Promise<Organisation[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [cats, dists] = await Promise.all([
    db.selectFrom('organisationCategories').select(['organisationId', 'category']).where('organisationId', 'in', ids).execute(),
    db
      .selectFrom('organisationDistricts as od')
      .innerJoin('districts as d', 'd.id', 'od.districtId')
      .select(['od.organisationId', 'd.slug', 'd.name'])
      .where('od.organisationId', 'in', ids)
      .orderBy('d.name')
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    kind: r.kind as OrganisationKind,
    description: r.description,
    website: r.website,
    email: r.email,
    phone: r.phone,
    contactName: r.contactName,
    trusted: r.trusted === 1,
    published: r.published === 1,
    updatedAt: r.updatedAt,
    categories: cats.filter((c) => c.organisationId === r.id).map((c) => c.category as Category),
    districts: dists.filter((d) => d.organisationId === r.id).map((d) => ({ slug: d.slug, name: d.name })),
  }));
}

function baseRows(db: Db, f: OrganisationListFilter) {
  let q = filtered(db, f).selectAll('o').orderBy('o.name').orderBy('o.id');
  if (f.limit !== undefined) q = q.limit(f.limit).offset(f.offset ?? 0);
  return q.execute();
}

/** Published organisations matching the filter, by name. */
export async function listOrganisations(db: Db, f: OrganisationListFilter = {}): Promise<Organisation[]> {
  return attachRelations(db, await baseRows(db, f));
}

export async function countOrganisations(db: Db, f: OrganisationListFilter = {}): Promise<number> {
  const row = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findOrganisationBySlug(db: Db, slug: string): Promise<Organisation | undefined> {
  const rows = await db.selectFrom('organisations').selectAll().where('slug', '=', slug).where('published', '=', 1).execute();
  return (await attachRelations(db, rows))[0];
}

export async function findOrganisationById(db: Db, id: number): Promise<Organisation | undefined> {
  const rows = await db.selectFrom('organisations').selectAll().where('id', '=', id).where('published', '=', 1).execute();
  return (await attachRelations(db, rows))[0];
}

/** An organisation whether or not it is shown in the directory (for its editors and the coordinator). */
export async function findAnyOrganisation(db: Db, by: { id: number } | { slug: string }): Promise<Organisation | undefined> {
  const q = db.selectFrom('organisations').selectAll();
  const rows = await ('id' in by ? q.where('id', '=', by.id) : q.where('slug', '=', by.slug)).execute();
  return (await attachRelations(db, rows))[0];
}

/** Several organisations by id, shown or not, by name. */
export async function findOrganisationsByIds(db: Db, ids: number[]): Promise<Organisation[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('organisations').selectAll().where('id', 'in', ids).orderBy('name').execute();
  return attachRelations(db, rows);
}

/** Every organisation's id and name, shown or not, by name (for choosing a co-host or a host). */
export async function listOrganisationNames(db: Db): Promise<{ id: number; name: string }[]> {
  return db.selectFrom('organisations').select(['id', 'name']).orderBy('name').execute();
}

// --- administration ---------------------------------------------------------------------------

/** An organisation in the coordinator's list: published or not, with how many activities it hosts (any status). */
export interface OrganisationAdminItem {
  id: number;
  slug: string;
  name: string;
  kind: OrganisationKind;
  trusted: boolean;
  published: boolean;
  activityCount: number;
}

/**
 * Ids of every organisation (published or not) whose name contains each term of `q`, blind to case
 * and diacritics; null when there is no query. Matched here rather than on search_text, which
 * also holds the description: the coordinator looks an organisation up by its name.
 */
async function idsWithName(db: Db, q: string | undefined): Promise<number[] | null> {
  const terms = searchTerms(q ?? '');
  if (terms.length === 0) return null;
  const rows = await db.selectFrom('organisations').select(['id', 'name']).execute();
  return rows.filter((r) => terms.every((term) => foldForSearch(r.name).includes(term))).map((r) => r.id);
}

/** Every organisation whose name matches `q`, published or not, by name. */
export async function listOrganisationsForAdmin(db: Db, filter: { q?: string; limit: number; offset: number }): Promise<OrganisationAdminItem[]> {
  const ids = await idsWithName(db, filter.q);
  if (ids !== null && ids.length === 0) return [];
  let query = db
    .selectFrom('organisations as o')
    .select(['o.id', 'o.slug', 'o.name', 'o.kind', 'o.trusted', 'o.published'])
    .select((eb) =>
      eb
        .selectFrom('activityHosts as h')
        .whereRef('h.organisationId', '=', 'o.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('activityCount'),
    )
    .orderBy('o.name')
    .orderBy('o.id')
    .limit(filter.limit)
    .offset(filter.offset);
  if (ids !== null) query = query.where('o.id', 'in', ids);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    kind: r.kind as OrganisationKind,
    trusted: r.trusted === 1,
    published: r.published === 1,
    activityCount: Number(r.activityCount ?? 0),
  }));
}

export async function countOrganisationsForAdmin(db: Db, q?: string): Promise<number> {
  const ids = await idsWithName(db, q);
  if (ids !== null) return ids.length;
  const row = await db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The Swedish descriptions of organisations shown in the directory, or of the given ones (for the translators). */
export async function listOrganisationTexts(db: Db, ids?: number[]): Promise<{ id: number; slug: string; name: string; description: string }[]> {
  const q = db.selectFrom('organisations').select(['id', 'slug', 'name', 'description']).where('published', '=', 1).orderBy('id');
  return (ids ? q.where('id', 'in', ids.length > 0 ? ids : [0]) : q).execute();
}

// --- new organisations ------------------------------------------------------------------------

/** Whether an organisation (shown or not) already has this slug. */
export async function isSlugTaken(db: Db, slug: string): Promise<boolean> {
  return (await db.selectFrom('organisations').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

/**
 * The first free slug of `base`, 'base-2', 'base-3', … (one query for the slugs starting alike; a
 * slug holds only a–z, 0–9 and '-', so nothing in it is a LIKE wildcard).
 */
export async function freeSlug(db: Db, base: string): Promise<string> {
  const prefix = base.slice(0, SLUG_MAX - 4);
  const taken = new Set((await db.selectFrom('organisations').select('slug').where('slug', 'like', `${prefix}%`).execute()).map((r) => r.slug));
  for (let n = 1; ; n++) {
    const candidate = slugCandidate(base, n);
    if (!taken.has(candidate)) return candidate;
  }
}

