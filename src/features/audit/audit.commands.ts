/**
 * Writing the audit log: an entry is one statement, written through the `db` it is given, so it
 * commits or rolls back with the change it records when that is a transaction.
 */
import type { Db } from '../../db/index.js';
import { insertAuditEntry, type AuditInput, type SystemActor } from './audit.store.js';

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

/** Records one audit entry. */
export function recordAudit(db: Db, e: AuditInput, now: Date): Promise<void> {
  return insertAuditEntry(db, e, now);
}

/** Records a change to one entity made by an actor: the audit entry every command writes with its rows. */
export async function recordChange(db: Db, entity: { entity: string; entityId: number | null }, note: AuditNote, ctx: { actor: Actor; now: Date }): Promise<void> {
  const system = ctx.actor !== null && typeof ctx.actor === 'object' ? ctx.actor : undefined;
  await recordAudit(db, { actorUserId: userOf(ctx.actor), ...(system ? { actor: system } : {}), ...entity, ...note }, ctx.now);
}
