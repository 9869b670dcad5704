/**
 * SQL for revisions: changes that wait for review, for an organisation's approval or for an e-mail
 * confirmation; notes on paused and cancelled dates that wait for review; requests to co-host.
 */
import type { Selectable } from 'kysely';
import type { Database, Db } from '../../db/index.js';
import type { ActivityInput } from '../calendar/index.js';
import type { OrganisationProfile } from '../organisations/index.js';
import type { PlaceInput } from '../places/index.js';

/**
 * `requested`: a co-host request waits for the named organisation (or the coordinator); it ends
 * `approved`, `declined` or `withdrawn` (the host named someone else, or the activity went).
 */
export const REVISION_STATUSES = ['unconfirmed', 'pending', 'proposal', 'requested', 'returned', 'approved', 'declined', 'withdrawn', 'superseded'] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];
/** Statuses in which a revision still waits for someone. */
export const OPEN_STATUSES: readonly RevisionStatus[] = ['unconfirmed', 'pending', 'proposal', 'requested', 'returned'];
/** Open, and in the hands of someone with an account or a proposal link (not an unconfirmed tip). */
const WAITING: readonly RevisionStatus[] = ['pending', 'proposal', 'requested', 'returned'];

/** What a revision changes: an activity, a profile, the note on one paused or cancelled date, or who co-hosts. */
export type RevisionEntity = 'activity' | 'organisation' | 'note' | 'cohost';

/** What an activity revision proposes: the activity, and a place to create with it when it is approved. */
export interface ActivityChange {
  input: ActivityInput;
  newPlace: PlaceInput | null;
  /** Free text from a suggestion's sender: the organisation when it is not in Tillsammans yet. */
  organisationName?: string;
}

/**
 * A note an organisation that is not trusted wrote on a pause or a cancelled date. The pause or
 * cancellation itself is saved at once; the note is shown when the coordinator approves it.
 */
export interface NoteChange {
  kind: 'pause' | 'cancel';
  /** The pause's first day, or the cancelled date (as the rule produces it). */
  date: string;
  /** The pause's last day; null for a cancelled date. */
  toDate: string | null;
  note: string;
}

/** A host naming another organisation as co-host: the activity shows under it once it accepts. */
export interface CoHostRequest {
  /** The organisation that asked (the main host). */
  hostId: number;
  /** The organisation asked; also the revision's organisationId, so it finds the request. */
  coHostId: number;
}

interface RevisionBase {
  id: number;
  entityId: number | null;
  organisationId: number | null;
  baseVersion: string | null;
  status: RevisionStatus;
  message: string | null;
  submitterName: string | null;
  submitterEmail: string | null;
  tokenExpiresAt: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  decidedBy: number | null;
  decidedAt: string | null;
}
/**
 * A revision of each kind. `entityId` is the activity for notes and co-host requests too;
 * `organisationId` the organisation that wrote a change or note, and the one asked for a request.
 */
export type Revision =
  | (RevisionBase & { entity: 'activity'; data: ActivityChange })
  | (RevisionBase & { entity: 'organisation'; data: OrganisationProfile })
  | (RevisionBase & { entity: 'note'; data: NoteChange })
  | (RevisionBase & { entity: 'cohost'; data: CoHostRequest });
export type RevisionData = Revision['data'];

export interface NewRevision {
  entity: RevisionEntity;
  entityId: number | null;
  organisationId: number | null;
  data: RevisionData;
  baseVersion: string | null;
  status: RevisionStatus;
  message?: string | null;
  submitterName?: string | null;
  submitterEmail?: string | null;
  tokenHash?: string | null;
  tokenExpiresAt?: string | null;
  createdBy: number | null;
}

type Row = Selectable<Database['revisions']>;
function selectRevisions(db: Db) {
  return db.selectFrom('revisions').selectAll();
}

function toRevision(r: Row): Revision {
  const { tokenHash: _t, data, ...rest } = r;
  return { ...rest, data: JSON.parse(data), status: r.status as RevisionStatus } as Revision;
}

export async function insertRevision(db: Db, r: NewRevision, now: Date): Promise<number> {
  const stamp = now.toISOString();
  const row = await db
    .insertInto('revisions')
    .values({
      entity: r.entity,
      entityId: r.entityId,
      organisationId: r.organisationId,
      data: JSON.stringify(r.data),
      baseVersion: r.baseVersion,
      status: r.status,
      message: r.message ?? null,
      submitterName: r.submitterName ?? null,
      submitterEmail: r.submitterEmail ?? null,
      tokenHash: r.tokenHash ?? null,
      tokenExpiresAt: r.tokenExpiresAt ?? null,
      createdBy: r.createdBy,
      createdAt: stamp,
      updatedAt: stamp,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Replaces an open revision's data and status (a resubmission after being sent back, a newer draft). */
export async function updateRevision(
  db: Db,
  id: number,
  change: { data: RevisionData; status: RevisionStatus; createdBy: number | null; baseVersion?: string | null; tokenHash?: string | null; tokenExpiresAt?: string | null; message?: string | null },
  now: Date,
): Promise<void> {
  await db
    .updateTable('revisions')
    .set({
      data: JSON.stringify(change.data),
      status: change.status,
      createdBy: change.createdBy,
      updatedAt: now.toISOString(),
      ...(change.baseVersion !== undefined ? { baseVersion: change.baseVersion } : {}),
      ...(change.tokenHash !== undefined ? { tokenHash: change.tokenHash, tokenExpiresAt: change.tokenExpiresAt ?? null } : {}),
      ...(change.message !== undefined ? { message: change.message } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function findRevision(db: Db, id: number): Promise<Revision | undefined> {
  const row = await selectRevisions(db).where('id', '=', id).executeTakeFirst();
  return row ? toRevision(row) : undefined;
}

/** The revision a single-purpose link points to, while it is open and the link has not expired. */
export async function findRevisionByToken(db: Db, tokenHash: string, now: Date): Promise<Revision | undefined> {
  const row = await selectRevisions(db)
    .where('tokenHash', '=', tokenHash)
    .where('status', 'in', [...OPEN_STATUSES])
    .where('tokenExpiresAt', '>', now.toISOString())
    .executeTakeFirst();
  return row ? toRevision(row) : undefined;
}

/** The open revision of an activity or organisation, if one waits. */
export async function findOpenRevision(db: Db, entity: 'activity' | 'organisation', entityId: number): Promise<Revision | undefined> {
  const row = await selectRevisions(db)
    .where('entity', '=', entity)
    .where('entityId', '=', entityId)
    .where('status', 'in', ['pending', 'proposal', 'returned'])
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? toRevision(row) : undefined;
}

/**
 * Open revisions of one organisation (its changes and notes, and the co-host requests it is asked),
 * oldest first.
 */
export async function listOpenRevisionsOfOrganisation(db: Db, organisationId: number): Promise<Revision[]> {
  const rows = await selectRevisions(db)
    .where('organisationId', '=', organisationId)
    .where('status', 'in', [...WAITING])
    .orderBy('id')
    .execute();
  return rows.map(toRevision);
}

/** Open revisions of one kind about the given entities (the notes and co-host requests of some activities), oldest first. */
export async function listOpenRevisionsOf(db: Db, entity: RevisionEntity, entityIds: number[]): Promise<Revision[]> {
  if (entityIds.length === 0) return [];
  const rows = await selectRevisions(db)
    .where('entity', '=', entity)
    .where('entityId', 'in', [...new Set(entityIds)])
    .where('status', 'in', [...WAITING])
    .orderBy('id')
    .execute();
  return rows.map(toRevision);
}

export interface RevisionFilter {
  statuses: readonly RevisionStatus[];
  limit: number;
  offset: number;
}

/** Revisions in the given statuses, oldest first (the queue is first come, first served). */
export async function listRevisions(db: Db, f: RevisionFilter): Promise<Revision[]> {
  const rows = await selectRevisions(db).where('status', 'in', [...f.statuses]).orderBy('createdAt').orderBy('id').limit(f.limit).offset(f.offset).execute();
  return rows.map(toRevision);
}

export async function countRevisions(db: Db, statuses: readonly RevisionStatus[]): Promise<number> {
  const row = await db
    .selectFrom('revisions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', [...statuses])
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Closes or reopens a revision. Only when it is still in one of `from` (two coordinators deciding at
 * once: the second finds it decided); returns whether it changed. Closing clears its link.
 */
export async function setRevisionStatus(
  db: Db,
  id: number,
  change: { from: readonly RevisionStatus[]; to: RevisionStatus; message?: string | null; decidedBy?: number | null },
  now: Date,
): Promise<boolean> {
  const closing = change.to !== 'proposal' && change.to !== 'unconfirmed';
  const result = await db
    .updateTable('revisions')
    .set({
      status: change.to,
      updatedAt: now.toISOString(),
      ...(change.message !== undefined ? { message: change.message } : {}),
      ...(change.decidedBy !== undefined ? { decidedBy: change.decidedBy, decidedAt: now.toISOString() } : {}),
      ...(closing ? { tokenHash: null, tokenExpiresAt: null } : {}),
    })
    .where('id', '=', id)
    .where('status', 'in', [...change.from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Closes every open revision of an entity (a direct save made them moot). */
export async function supersedeRevisions(db: Db, entity: 'activity' | 'organisation', entityId: number, now: Date): Promise<void> {
  await db
    .updateTable('revisions')
    .set({ status: 'superseded', updatedAt: now.toISOString(), tokenHash: null, tokenExpiresAt: null })
    .where('entity', '=', entity)
    .where('entityId', '=', entityId)
    .where('status', 'in', ['pending', 'proposal', 'returned'])
    .execute();
}

/** Closes what still waits about an activity that was deleted: its changes and notes, and requests to co-host it. */
export async function closeRevisionsOfActivity(db: Db, activityId: number, now: Date): Promise<void> {
  const close = (entities: RevisionEntity[], status: RevisionStatus) =>
    db
      .updateTable('revisions')
      .set({ status, updatedAt: now.toISOString(), tokenHash: null, tokenExpiresAt: null })
      .where('entity', 'in', entities)
      .where('entityId', '=', activityId)
      .where('status', 'in', [...WAITING])
      .execute();
  await close(['activity', 'note'], 'superseded');
  await close(['cohost'], 'withdrawn');
}

/** Removes unconfirmed suggestions whose confirmation link expired: nobody ever saw them. */
export async function deleteExpiredUnconfirmed(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('revisions').where('status', '=', 'unconfirmed').where('tokenExpiresAt', '<=', now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
