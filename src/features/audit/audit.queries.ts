/** Reads of the audit log other features use: the entries of an entity or of everything, and how many. */
import type { Db } from '../../db/index.js';
import type { SystemActor } from './audit.store.js';

export async function listAudit(db: Db, filter: { entity?: string; entityId?: number; limit: number }) {
  let q = db.selectFrom('auditEntries').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.entity) q = q.where('entity', '=', filter.entity);
  if (filter.entityId !== undefined) q = q.where('entityId', '=', filter.entityId);
  return q.execute();
}

/** One audit entry as the history page shows it: before/after parsed, the actor with name and e-mail. */
export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  entity: string;
  entityId: number | null;
  actorUserId: number | null;
  /** Null when no user acted (the system, an anonymous visitor) or the user is gone. */
  actor: { id: number; name: string; email: string } | null;
  /** The calendar import or a job, when one acted. */
  systemActor: SystemActor | null;
  before: unknown;
  after: unknown;
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The audit entries of one entity (e.g. 'place', 42), or of everything, newest first. */
export async function listAuditEntries(db: Db, filter: { entity?: string; entityId?: number; limit: number; offset: number }): Promise<AuditEntry[]> {
  let q = db
    .selectFrom('auditEntries as e')
    .leftJoin('users as u', 'u.id', 'e.actorUserId')
    .select(['e.id', 'e.at', 'e.action', 'e.entity', 'e.entityId', 'e.actorUserId', 'e.actorKind', 'e.actorRef', 'e.before', 'e.after', 'u.name as actorName', 'u.email as actorEmail'])
    .orderBy('e.at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset);
  if (filter.entity !== undefined) q = q.where('e.entity', '=', filter.entity);
  if (filter.entityId !== undefined) q = q.where('e.entityId', '=', filter.entityId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    actorUserId: r.actorUserId,
    actor: r.actorUserId !== null && r.actorEmail !== null ? { id: r.actorUserId, name: r.actorName ?? '', email: r.actorEmail } : null,
    systemActor: r.actorKind === 'importer' ? { kind: 'importer', feedId: Number(r.actorRef) } : r.actorKind === 'job' ? { kind: 'job', job: r.actorRef ?? '' } : null,
    before: parseJson(r.before),
    after: parseJson(r.after),
  }));
}

export async function countAuditEntries(db: Db, filter: { entity: string; entityId: number }): Promise<number> {
  const row = await db
    .selectFrom('auditEntries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('entity', '=', filter.entity)
    .where('entityId', '=', filter.entityId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
