/**
 * Revisions: changes that wait for review, for an organisation's approval or for an e-mail
 * confirmation; notes on paused and cancelled dates that wait for review; requests to co-host. Their
 * types, and the SQL that writes them.
 */
import type { Db } from '../../db/index.js';
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
export const WAITING: readonly RevisionStatus[] = ['pending', 'proposal', 'requested', 'returned'];

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

export async function insertRevisionRow(db: Db, r: NewRevision, now: Date): Promise<number> {
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

/** Replaces a revision's data and status. */
export async function updateRevisionRow(
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

/** Sets a revision's status if it is still in one of `from`; returns whether it changed. Closing clears its link. */
export async function updateRevisionStatus(
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

/** Marks every open revision of an activity or organisation superseded. */
export async function markOpenRevisionsSuperseded(db: Db, entity: 'activity' | 'organisation', entityId: number, now: Date): Promise<void> {
  await db
    .updateTable('revisions')
    .set({ status: 'superseded', updatedAt: now.toISOString(), tokenHash: null, tokenExpiresAt: null })
    .where('entity', '=', entity)
    .where('entityId', '=', entityId)
    .where('status', 'in', ['pending', 'proposal', 'returned'])
    .execute();
}

/** Closes the revisions of these kinds about an entity that still wait for someone, with the given status. */
export async function closeWaitingRevisions(db: Db, entities: RevisionEntity[], entityId: number, status: RevisionStatus, now: Date): Promise<void> {
  await db
    .updateTable('revisions')
    .set({ status, updatedAt: now.toISOString(), tokenHash: null, tokenExpiresAt: null })
    .where('entity', 'in', entities)
    .where('entityId', '=', entityId)
    .where('status', 'in', [...WAITING])
    .execute();
}

/** Deletes unconfirmed revisions whose confirmation link expired; returns how many. */
export async function deleteUnconfirmedExpired(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('revisions').where('status', '=', 'unconfirmed').where('tokenExpiresAt', '<=', now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
