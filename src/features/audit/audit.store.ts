/** SQL that writes the audit log: one entry per change, with who, when, before and after; never personal data. */
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

export async function insertAuditEntry(db: Db, e: AuditInput, now: Date): Promise<void> {
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
