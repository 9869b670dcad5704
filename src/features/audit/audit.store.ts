/** SQL of the audit log: who changed what and when, with before and after; never personal data. */
import type { Db } from '../../db/index.js';

/** Who acts when no signed-in user does: the calendar import of one feed, or a scheduled job. */
export type SystemActor = { kind: 'importer'; feedId: number } | { kind: 'job'; job: string };

export interface AuditInput {
  actorUserId: number | null;
  /** Set when the actor is not a user. */
  actor?: SystemActor;
  action: string;
  entity: string;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(db: Db, e: AuditInput, now: Date): Promise<void> {
  await db
    .insertInto('auditEntries')
    .values({
      at: now.toISOString(),
      actorUserId: e.actorUserId,
      actorKind: e.actor?.kind ?? null,
      actorRef: e.actor ? (e.actor.kind === 'importer' ? String(e.actor.feedId) : e.actor.job) : null,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      before: e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === undefined ? null : JSON.stringify(e.after),
    })
    .execute();
}

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


/** Who makes a change: a signed-in user (by id), the calendar import or a job, or nobody (demo data, a visitor). */
export type Actor = number | SystemActor | null;

/** What the audit log says of a change to an entity: its action and, when they say more than the row, before and after. */
export interface AuditNote {
  action: string;
  before?: unknown;
  after?: unknown;
}

/** The user id of an actor, when a user acts. */
export const userOf = (actor: Actor): number | null => (typeof actor === 'number' ? actor : null);

/** Records a change to one entity made by an actor: the audit entry every command writes with its rows. */
export async function recordChange(db: Db, entity: { entity: string; entityId: number | null }, note: AuditNote, ctx: { actor: Actor; now: Date }): Promise<void> {
  const system = ctx.actor !== null && typeof ctx.actor === 'object' ? ctx.actor : undefined;
  await recordAudit(db, { actorUserId: userOf(ctx.actor), ...(system ? { actor: system } : {}), ...entity, ...note }, ctx.now);
}
