/**
 * What guides know of associations, the queries: contacts for integration, the log of visits and
 * meetings, the needs flags (with when and by whom they were last set), and which activities show a
 * need publicly. The only place that talks SQL about these tables; changes go through
 * association.commands.ts.
 */
import type { Db } from '../../db/index.js';
import {
  ASSOCIATION_FLAGS,
  isFlagValue,
  PUBLIC_NEEDS,
  unknownFlags,
  type AssociationFlag,
  type ContactInput,
  type Flags,
  type FlagValue,
  type FlagValues,
  type PublicNeed,
  type VisitInput,
  type VisitKind,
} from './association.js';

export interface AssociationContact extends ContactInput {
  id: number;
  organisationId: number;
  updatedAt: string;
}

export interface AssociationVisit extends VisitInput {
  id: number;
  organisationId: number;
  guideName: string | null;
  authorId: number | null;
  createdAt: string;
}

// --- contacts --------------------------------------------------------------------------------------

export async function listContacts(db: Db, organisationId: number): Promise<AssociationContact[]> {
  const rows = await db
    .selectFrom('associationContacts')
    .select(['id', 'organisationId', 'name', 'role', 'phone', 'email', 'reach', 'updatedAt'])
    .where('organisationId', '=', organisationId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export async function findContact(db: Db, organisationId: number, id: number): Promise<AssociationContact | undefined> {
  const r = await db
    .selectFrom('associationContacts')
    .select(['id', 'organisationId', 'name', 'role', 'phone', 'email', 'reach', 'updatedAt'])
    .where('id', '=', id)
    .where('organisationId', '=', organisationId)
    .executeTakeFirst();
  return r ? { ...r, id: Number(r.id) } : undefined;
}

export async function insertContact(db: Db, organisationId: number, input: ContactInput, actor: number | null, now: Date): Promise<number> {
  const at = now.toISOString();
  const row = await db
    .insertInto('associationContacts')
    .values({ organisationId, ...input, createdBy: actor, createdAt: at, updatedAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function updateContact(db: Db, id: number, input: ContactInput, now: Date): Promise<boolean> {
  const r = await db.updateTable('associationContacts').set({ ...input, updatedAt: now.toISOString() }).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteContact(db: Db, id: number): Promise<boolean> {
  const r = await db.deleteFrom('associationContacts').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// --- visits and meetings ---------------------------------------------------------------------------

const visitQuery = (db: Db) =>
  db
    .selectFrom('associationVisits as v')
    .leftJoin('users as u', 'u.id', 'v.guideId')
    .select(['v.id', 'v.organisationId', 'v.visitDate', 'v.kind', 'v.guideId', 'v.note', 'v.authorId', 'v.createdAt', 'u.name as guideName', 'u.email as guideEmail']);

type VisitRow = Awaited<ReturnType<ReturnType<typeof visitQuery>['executeTakeFirstOrThrow']>>;

const visitOf = (r: VisitRow): AssociationVisit => ({
  id: Number(r.id),
  organisationId: r.organisationId,
  date: r.visitDate,
  kind: r.kind as VisitKind,
  guideId: r.guideId,
  guideName: r.guideName || r.guideEmail || null,
  note: r.note,
  authorId: r.authorId,
  createdAt: r.createdAt,
});

/** The log of one organisation, newest first. */
export async function listVisits(db: Db, organisationId: number, limit = 200): Promise<AssociationVisit[]> {
  const rows = await visitQuery(db).where('v.organisationId', '=', organisationId).orderBy('v.visitDate', 'desc').orderBy('v.id', 'desc').limit(limit).execute();
  return rows.map(visitOf);
}

export async function findVisit(db: Db, organisationId: number, id: number): Promise<AssociationVisit | undefined> {
  const r = await visitQuery(db).where('v.id', '=', id).where('v.organisationId', '=', organisationId).executeTakeFirst();
  return r ? visitOf(r) : undefined;
}

export async function insertVisit(db: Db, organisationId: number, input: VisitInput, actor: number | null, now: Date): Promise<number> {
  const at = now.toISOString();
  const row = await db
    .insertInto('associationVisits')
    .values({ organisationId, visitDate: input.date, kind: input.kind, guideId: input.guideId, note: input.note, authorId: actor, createdAt: at, updatedAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function updateVisit(db: Db, id: number, input: VisitInput, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('associationVisits')
    .set({ visitDate: input.date, kind: input.kind, guideId: input.guideId, note: input.note, updatedAt: now.toISOString() })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteVisit(db: Db, id: number): Promise<boolean> {
  const r = await db.deleteFrom('associationVisits').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The latest visit date per organisation, for the guide's list. */
export async function lastVisitDates(db: Db): Promise<Map<number, string>> {
  const rows = await db.selectFrom('associationVisits').select(['organisationId', (eb) => eb.fn.max('visitDate').as('last')]).groupBy('organisationId').execute();
  return new Map(rows.map((r) => [r.organisationId, String(r.last)]));
}

// --- flags -----------------------------------------------------------------------------------------

/** The flags of one organisation with who set each and when ('unknown' for those never set). */
export async function findFlags(db: Db, organisationId: number): Promise<Flags> {
  const rows = await db
    .selectFrom('associationFlags as f')
    .leftJoin('users as u', 'u.id', 'f.setBy')
    .select(['f.flag', 'f.value', 'f.setAt', 'u.name', 'u.email'])
    .where('f.organisationId', '=', organisationId)
    .execute();
  const flags = unknownFlags();
  for (const r of rows) {
    if (!(ASSOCIATION_FLAGS as readonly string[]).includes(r.flag) || !isFlagValue(r.value)) continue;
    flags[r.flag as AssociationFlag] = { value: r.value, setAt: r.setAt, setBy: r.name || r.email || null };
  }
  return flags;
}

/** The flag values of many organisations (those with none set are absent: every flag unknown). */
export async function listFlagValues(db: Db, organisationIds?: readonly number[]): Promise<Map<number, FlagValues>> {
  if (organisationIds && organisationIds.length === 0) return new Map();
  let q = db.selectFrom('associationFlags').select(['organisationId', 'flag', 'value']);
  if (organisationIds) q = q.where('organisationId', 'in', [...organisationIds]);
  const out = new Map<number, FlagValues>();
  for (const r of await q.execute()) {
    if (!(ASSOCIATION_FLAGS as readonly string[]).includes(r.flag) || !isFlagValue(r.value)) continue;
    const values = out.get(r.organisationId) ?? (Object.fromEntries(ASSOCIATION_FLAGS.map((f) => [f, 'unknown'])) as FlagValues);
    values[r.flag as AssociationFlag] = r.value;
    out.set(r.organisationId, values);
  }
  return out;
}

/** Sets one flag of an organisation, with who set it and when. */
export async function upsertFlag(db: Db, organisationId: number, flag: AssociationFlag, value: FlagValue, actor: number | null, now: Date): Promise<void> {
  const setAt = now.toISOString();
  await db
    .insertInto('associationFlags')
    .values({ organisationId, flag, value, setBy: actor, setAt })
    .onConflict((oc) => oc.columns(['organisationId', 'flag']).doUpdateSet({ value, setBy: actor, setAt }))
    .execute();
}

// --- needs shown on activities ---------------------------------------------------------------------

/** Which needs each activity opted in to show (by activity id). */
export async function listPublicNeeds(db: Db, activityIds: readonly number[]): Promise<Map<number, PublicNeed[]>> {
  const out = new Map<number, PublicNeed[]>();
  if (activityIds.length === 0) return out;
  const rows = await db.selectFrom('activityPublicNeeds').select(['activityId', 'need']).where('activityId', 'in', [...activityIds]).execute();
  for (const r of rows) {
    if (!(PUBLIC_NEEDS as readonly string[]).includes(r.need)) continue;
    out.set(r.activityId, [...(out.get(r.activityId) ?? []), r.need as PublicNeed]);
  }
  return out;
}

/** Adds needs an activity shows. */
export async function insertPublicNeeds(db: Db, activityId: number, needs: readonly PublicNeed[], actor: number | null, now: Date): Promise<void> {
  if (needs.length === 0) return;
  await db.insertInto('activityPublicNeeds').values(needs.map((need) => ({ activityId, need, createdBy: actor, createdAt: now.toISOString() }))).execute();
}

/** Removes needs an activity shows. */
export async function deletePublicNeeds(db: Db, activityId: number, needs: readonly PublicNeed[]): Promise<void> {
  if (needs.length === 0) return;
  await db.deleteFrom('activityPublicNeeds').where('activityId', '=', activityId).where('need', 'in', [...needs]).execute();
}
