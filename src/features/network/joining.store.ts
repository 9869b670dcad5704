/** SQL for requests to join the network: waiting for their e-mail confirmation, then for the coordinator. */
import type { Selectable } from 'kysely';
import type { Db } from '../../db/index.js';
import type { JoinRequestTable } from '../../db/schema.js';
import type { OrganisationKind } from '../taxonomy/index.js';
import type { JoinInput, JoinRequest } from './joining.js';

const COLUMNS = ['id', 'name', 'kind', 'description', 'website', 'contactName', 'email', 'phone', 'districtIds', 'showInDirectory', 'language', 'confirmedAt', 'createdAt'] as const;

type Row = Pick<Selectable<JoinRequestTable>, (typeof COLUMNS)[number]>;

function toRequest(r: Row): JoinRequest {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as OrganisationKind,
    description: r.description,
    website: r.website,
    contactName: r.contactName,
    email: r.email,
    phone: r.phone,
    districtIds: JSON.parse(r.districtIds) as number[],
    showInDirectory: r.showInDirectory === 1,
    language: r.language,
    confirmedAt: r.confirmedAt,
    createdAt: r.createdAt,
  };
}

/** Stores a request waiting for its confirmation link (only the link's hash is stored). */
export async function insertJoinRequest(db: Db, input: JoinInput & { language: string; tokenHash: string; expiresAt: string }, now: Date): Promise<number> {
  const { id } = await db
    .insertInto('joinRequests')
    .values({
      name: input.name,
      kind: input.kind,
      description: input.description,
      website: input.website,
      contactName: input.contactName,
      email: input.email,
      phone: input.phone,
      districtIds: JSON.stringify(input.districtIds),
      showInDirectory: input.showInDirectory ? 1 : 0,
      language: input.language,
      status: 'unconfirmed',
      tokenHash: input.tokenHash,
      expiresAt: input.expiresAt,
      confirmedAt: null,
      createdAt: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The id of the unconfirmed request whose link this is, while the link still works. */
async function findUnconfirmedId(db: Db, tokenHash: string, now: Date): Promise<number | undefined> {
  const row = await db
    .selectFrom('joinRequests')
    .select('id')
    .where('tokenHash', '=', tokenHash)
    .where('status', '=', 'unconfirmed')
    .where('expiresAt', '>', now.toISOString())
    .executeTakeFirst();
  return row?.id;
}

/** Whether an unconfirmed request with this link exists and its link still works. */
export async function unconfirmedExists(db: Db, tokenHash: string, now: Date): Promise<boolean> {
  return (await findUnconfirmedId(db, tokenHash, now)) !== undefined;
}

/**
 * Confirms a request by its link, once: the link is forgotten in the same statement, so two clicks
 * racing each other confirm it once. Returns the request, or undefined for an unknown or expired link.
 */
export async function confirmJoinRequest(db: Db, tokenHash: string, now: Date): Promise<JoinRequest | undefined> {
  const id = await findUnconfirmedId(db, tokenHash, now);
  if (id === undefined) return undefined;
  const result = await db
    .updateTable('joinRequests')
    .set({ status: 'confirmed', tokenHash: null, expiresAt: null, confirmedAt: now.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'unconfirmed')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return undefined;
  return findConfirmedJoinRequest(db, id);
}

/** Confirmed requests waiting for the coordinator, oldest first. */
export async function listConfirmedJoinRequests(db: Db): Promise<JoinRequest[]> {
  const rows = await db.selectFrom('joinRequests').select(COLUMNS).where('status', '=', 'confirmed').orderBy('confirmedAt').orderBy('id').execute();
  return rows.map(toRequest);
}

export async function findConfirmedJoinRequest(db: Db, id: number): Promise<JoinRequest | undefined> {
  const row = await db.selectFrom('joinRequests').select(COLUMNS).where('id', '=', id).where('status', '=', 'confirmed').executeTakeFirst();
  return row ? toRequest(row) : undefined;
}

/**
 * Deletes a confirmed request as it is decided; false when it was decided already (by another
 * click or another coordinator), so only one decision ever takes effect.
 */
export async function deleteDecidedJoinRequest(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('joinRequests').where('id', '=', id).where('status', '=', 'confirmed').executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Deletes requests whose confirmation link expired unused; returns their ids. */
export async function deleteExpiredJoinRequests(db: Db, now: Date): Promise<number[]> {
  const rows = await db.selectFrom('joinRequests').select('id').where('status', '=', 'unconfirmed').where('expiresAt', '<=', now.toISOString()).execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  await db.deleteFrom('joinRequests').where('id', 'in', ids).where('status', '=', 'unconfirmed').execute();
  return ids;
}
