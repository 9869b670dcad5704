/** SQL for volunteer roles, campaigns and sign-ups; changes go through volunteers.commands.ts. */
import type { Db } from '../../db/index.js';
import type { Selectable } from 'kysely';
import type { VolunteerRoleTable } from '../../db/schema.js';
import { countsByRole, type Benefit, type Frequency, type RoleInput, type RoleKind, type RoleStatus, type SwedishLevel, type VolunteerRole } from './volunteers.js';

function parseList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function toRole(r: Selectable<VolunteerRoleTable>): VolunteerRole {
  return {
    id: r.id,
    organisationId: r.organisationId,
    kind: r.kind as RoleKind,
    title: r.title,
    description: r.description,
    frequency: r.frequency as Frequency,
    hours: r.hours,
    minMonths: r.minMonths,
    swedish: r.swedish as SwedishLevel,
    languages: parseList(r.languages),
    benefits: parseList(r.benefits) as Benefit[],
    districtId: r.districtId,
    contactEmail: r.contactEmail,
    status: r.status as RoleStatus,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

const roleValues = (input: RoleInput) => ({
  kind: input.kind,
  title: input.title,
  description: input.description,
  frequency: input.frequency,
  hours: input.hours,
  minMonths: input.minMonths,
  swedish: input.swedish,
  languages: JSON.stringify(input.languages),
  benefits: JSON.stringify(input.benefits),
  districtId: input.districtId,
  contactEmail: input.contactEmail,
  status: input.status,
});

export async function insertRole(db: Db, organisationId: number, input: RoleInput, now: Date): Promise<number> {
  const stamp = now.toISOString();
  const row = await db
    .insertInto('volunteerRoles')
    .values({ organisationId, ...roleValues(input), createdAt: stamp, updatedAt: stamp })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRole(db: Db, id: number, input: RoleInput, now: Date): Promise<void> {
  await db.updateTable('volunteerRoles').set({ ...roleValues(input), updatedAt: now.toISOString() }).where('id', '=', id).execute();
}

/** Deletes a role; its sign-ups stay counted (by kind and campaign) without it. */
export async function deleteRole(db: Db, id: number): Promise<void> {
  await db.deleteFrom('volunteerRoles').where('id', '=', id).execute();
}

export async function findRole(db: Db, id: number): Promise<VolunteerRole | undefined> {
  const row = await db.selectFrom('volunteerRoles').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRole(row) : undefined;
}

/** A role with the organisation that offers it. */
export type RoleWithOrganisation = VolunteerRole & { organisation: { name: string; slug: string } };

function withOrganisation(db: Db) {
  return db.selectFrom('volunteerRoles as r').innerJoin('organisations as o', 'o.id', 'r.organisationId').selectAll('r').select(['o.name as organisationName', 'o.slug as organisationSlug']);
}

type JoinedRow = Selectable<VolunteerRoleTable> & { organisationName: string; organisationSlug: string };
const toJoined = (r: JoinedRow): RoleWithOrganisation => ({ ...toRole(r), organisation: { name: r.organisationName, slug: r.organisationSlug } });

/** Open roles of organisations shown in the directory, newest first; a district filter keeps city-wide roles too. */
export async function listOpenRoles(db: Db, filter: { kind?: RoleKind; districtId?: number } = {}): Promise<RoleWithOrganisation[]> {
  let q = withOrganisation(db).where('r.status', '=', 'open').where('o.published', '=', 1);
  if (filter.kind) q = q.where('r.kind', '=', filter.kind);
  if (filter.districtId !== undefined) {
    const districtId = filter.districtId;
    q = q.where((eb) => eb.or([eb('r.districtId', '=', districtId), eb('r.districtId', 'is', null)]));
  }
  const rows = await q.orderBy('r.updatedAt', 'desc').orderBy('r.id', 'desc').execute();
  return rows.map(toJoined);
}

/** An open role of a published organisation, for its public page and form. */
export async function findOpenRole(db: Db, id: number): Promise<RoleWithOrganisation | undefined> {
  const row = await withOrganisation(db).where('r.id', '=', id).where('r.status', '=', 'open').where('o.published', '=', 1).executeTakeFirst();
  return row ? toJoined(row) : undefined;
}

/** Every role of every organisation, by organisation and title (the coordinator's list). */
export async function listAllRoles(db: Db): Promise<RoleWithOrganisation[]> {
  const rows = await withOrganisation(db).orderBy('o.name').orderBy('r.title').execute();
  return rows.map(toJoined);
}

// --- campaigns -----------------------------------------------------------------------------------

export interface Campaign {
  id: number;
  slug: string;
  name: string;
  createdAt: string;
}

export async function insertCampaign(db: Db, input: { name: string; slug: string; createdBy: number | null }, now: Date): Promise<number> {
  const row = await db.insertInto('volunteerCampaigns').values({ ...input, createdAt: now.toISOString() }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findCampaignBySlug(db: Db, slug: string): Promise<Campaign | undefined> {
  return db.selectFrom('volunteerCampaigns').select(['id', 'slug', 'name', 'createdAt']).where('slug', '=', slug).executeTakeFirst();
}

export async function findCampaign(db: Db, id: number): Promise<Campaign | undefined> {
  return db.selectFrom('volunteerCampaigns').select(['id', 'slug', 'name', 'createdAt']).where('id', '=', id).executeTakeFirst();
}

/** Every campaign, newest first, with how many signed up through it. */
export async function listCampaigns(db: Db): Promise<(Campaign & { signups: number })[]> {
  const rows = await db
    .selectFrom('volunteerCampaigns as c')
    .leftJoin('volunteerSignups as s', 's.campaignId', 'c.id')
    .select(['c.id', 'c.slug', 'c.name', 'c.createdAt', (eb) => eb.fn.count<number>('s.id').as('signups')])
    .groupBy(['c.id', 'c.slug', 'c.name', 'c.createdAt'])
    .orderBy('c.createdAt', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, signups: Number(r.signups) }));
}

// --- sign-ups ------------------------------------------------------------------------------------

export interface NewSignup {
  roleId: number;
  organisationId: number;
  campaignId: number | null;
  kind: RoleKind;
  name: string;
  email: string;
  phone: string | null;
  message: string | null;
  language: string;
}

export async function insertSignup(db: Db, s: NewSignup, now: Date): Promise<number> {
  const row = await db.insertInto('volunteerSignups').values({ ...s, forwardedAt: null, erasedAt: null, createdAt: now.toISOString() }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Notes that the organisation's mail went out (or one more attempt failed). */
export async function markForwarded(db: Db, id: number, now: Date | null): Promise<void> {
  await db
    .updateTable('volunteerSignups')
    .set((eb) => ({ forwardAttempts: eb('forwardAttempts', '+', 1), ...(now ? { forwardedAt: now.toISOString() } : {}) }))
    .where('id', '=', id)
    .execute();
}

/** A sign-up still to be forwarded, with what its mail needs. */
export interface PendingSignup {
  id: number;
  roleId: number | null;
  name: string;
  email: string;
  phone: string | null;
  message: string | null;
  campaignName: string | null;
  roleTitle: string | null;
  contactEmail: string | null;
  organisationSlug: string | null;
}

/** Sign-ups not yet forwarded nor erased, oldest first. */
export async function listUnforwarded(db: Db, limit: number): Promise<PendingSignup[]> {
  const rows = await db
    .selectFrom('volunteerSignups as s')
    .leftJoin('volunteerRoles as r', 'r.id', 's.roleId')
    .leftJoin('organisations as o', 'o.id', 's.organisationId')
    .leftJoin('volunteerCampaigns as c', 'c.id', 's.campaignId')
    .select(['s.id', 's.roleId', 's.name', 's.email', 's.phone', 's.message', 'c.name as campaignName', 'r.title as roleTitle', 'r.contactEmail', 'o.slug as organisationSlug'])
    .where('s.forwardedAt', 'is', null)
    .where('s.erasedAt', 'is', null)
    .orderBy('s.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, name: r.name ?? '', email: r.email ?? '' }));
}

/** Sign-ups per role of one organisation, and in all. */
export async function countSignupsOfOrganisation(db: Db, organisationId: number) {
  const rows = await db
    .selectFrom('volunteerSignups')
    .select(['roleId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organisationId', '=', organisationId)
    .groupBy('roleId')
    .execute();
  return countsByRole(rows.map((r) => ({ roleId: r.roleId, n: Number(r.n) })));
}

/** Sign-ups per role, in one campaign or (campaignId undefined) all of them. */
export async function countSignupsByRole(db: Db, campaignId?: number) {
  let q = db.selectFrom('volunteerSignups').select(['roleId', (eb) => eb.fn.countAll<number>().as('n')]);
  if (campaignId !== undefined) q = q.where('campaignId', '=', campaignId);
  const rows = await q.groupBy('roleId').execute();
  return countsByRole(rows.map((r) => ({ roleId: r.roleId, n: Number(r.n) })));
}

/** Sign-ups per role kind in one campaign (roles deleted since still count under their kind). */
export async function countCampaignByKind(db: Db, campaignId: number): Promise<Map<string, number>> {
  const rows = await db.selectFrom('volunteerSignups').select(['kind', (eb) => eb.fn.countAll<number>().as('n')]).where('campaignId', '=', campaignId).groupBy('kind').execute();
  return new Map(rows.map((r) => [r.kind, Number(r.n)]));
}

/** Sign-ups not erased yet that were forwarded before `forwardedBefore`, or never forwarded and came in before `createdBefore`. */
export async function listErasableSignups(db: Db, cutoffs: { forwardedBefore: string; createdBefore: string }): Promise<number[]> {
  const rows = await db
    .selectFrom('volunteerSignups')
    .select('id')
    .where('erasedAt', 'is', null)
    .where((eb) => eb.or([eb('forwardedAt', '<', cutoffs.forwardedBefore), eb.and([eb('forwardedAt', 'is', null), eb('createdAt', '<', cutoffs.createdBefore)])]))
    .execute();
  return rows.map((r) => r.id);
}

/** Empties the personal fields of these sign-ups; the counts stay. */
export async function emptySignups(db: Db, ids: readonly number[], now: Date): Promise<void> {
  await db.updateTable('volunteerSignups').set({ name: null, email: null, phone: null, message: null, erasedAt: now.toISOString() }).where('id', 'in', [...ids]).execute();
}
