/** Reads of revisions: one by id or link, the open ones of an activity or organisation, the review queue and its counts. */
import type { Selectable } from 'kysely';
import type { Database, Db } from '../../db/index.js';
import { OPEN_STATUSES, WAITING, type Revision, type RevisionEntity, type RevisionStatus } from './revision.store.js';

type Row = Selectable<Database['revisions']>;
function selectRevisions(db: Db) {
  return db.selectFrom('revisions').selectAll();
}

function toRevision(r: Row): Revision {
  const { tokenHash: _t, data, ...rest } = r;
  return { ...rest, data: JSON.parse(data), status: r.status as RevisionStatus } as Revision;
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
