/**
 * SQL for the mailing list: its key, segments, requests, subscribers, messages, deliveries and
 * suppressed addresses. Changes of several statements are put together in mailing.commands.ts.
 */
import { sharedSecret } from '../../db/settings.js';
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/index.js';
import type { MailingSegmentTable } from '../../db/schema.js';
import type { Audience, MessageTexts, Segment, SegmentInput } from './mailing.js';

/** The key of unsubscribe links and address hashes, made once and shared by every instance. */
export async function mailingKey(db: Db): Promise<string> {
  return sharedSecret(db, 'mailing.key');
}

// --- segments ------------------------------------------------------------------------------------

function toSegment(r: Selectable<MailingSegmentTable>): Segment {
  return {
    id: r.id,
    audience: r.audience as Audience,
    organisationKind: r.organisationKind,
    name: r.name,
    description: r.description,
    publicArchive: r.publicArchive === 1,
    openSignup: r.openSignup === 1,
  };
}

const segmentValues = (s: SegmentInput) => ({
  audience: s.audience,
  organisationKind: s.organisationKind,
  name: s.name,
  description: s.description,
  publicArchive: s.publicArchive ? 1 : 0,
  openSignup: s.openSignup ? 1 : 0,
});

export async function insertSegment(db: Db, s: SegmentInput, now: Date): Promise<number> {
  const stamp = now.toISOString();
  const row = await db.insertInto('mailingSegments').values({ ...segmentValues(s), createdAt: stamp, updatedAt: stamp }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateSegment(db: Db, id: number, s: SegmentInput, now: Date): Promise<void> {
  await db.updateTable('mailingSegments').set({ ...segmentValues(s), updatedAt: now.toISOString() }).where('id', '=', id).execute();
}

export async function findSegment(db: Db, id: number): Promise<Segment | undefined> {
  const row = await db.selectFrom('mailingSegments').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toSegment(row) : undefined;
}

/** Every segment in the order made, with its active members. */
export async function listSegments(db: Db): Promise<(Segment & { members: number })[]> {
  const [rows, counts] = await Promise.all([
    db.selectFrom('mailingSegments').selectAll().orderBy('id').execute(),
    db
      .selectFrom('mailingMemberships as m')
      .innerJoin('mailingSubscribers as s', 's.id', 'm.subscriberId')
      .select(['m.segmentId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('s.status', '=', 'active')
      .groupBy('m.segmentId')
      .execute(),
  ]);
  const members = new Map(counts.map((c) => [c.segmentId, Number(c.n)]));
  return rows.map((r) => ({ ...toSegment(r), members: members.get(r.id) ?? 0 }));
}

// --- requests (double opt-in) ----------------------------------------------------------------------

export interface NewRequest {
  email: string;
  name: string | null;
  language: string;
  segmentIds: number[];
  source: 'form' | 'editor';
  tokenHash: string;
  expiresAt: string;
}

export async function insertRequest(db: Db, r: NewRequest, now: Date): Promise<number> {
  const row = await db
    .insertInto('mailingRequests')
    .values({ ...r, segmentIds: JSON.stringify(r.segmentIds), createdAt: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface PendingRequest {
  id: number;
  language: string;
  segmentIds: number[];
  source: string;
}

const parseIds = (json: string): number[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x)) : [];
  } catch {
    return [];
  }
};

/** A request whose link is still good. */
export async function findRequest(db: Db, tokenHash: string, now: Date): Promise<PendingRequest | undefined> {
  const row = await db.selectFrom('mailingRequests').select(['id', 'language', 'segmentIds', 'source']).where('tokenHash', '=', tokenHash).where('expiresAt', '>', now.toISOString()).executeTakeFirst();
  return row ? { ...row, segmentIds: parseIds(row.segmentIds) } : undefined;
}

/** A request whose link is still good, with the address it is for. */
export async function findLiveRequest(db: Db, tokenHash: string, now: Date): Promise<{ id: number; email: string; name: string | null; language: string; segmentIds: number[] } | undefined> {
  const row = await db.selectFrom('mailingRequests').select(['id', 'email', 'name', 'language', 'segmentIds']).where('tokenHash', '=', tokenHash).where('expiresAt', '>', now.toISOString()).executeTakeFirst();
  return row ? { ...row, segmentIds: parseIds(row.segmentIds) } : undefined;
}

/** Deletes a request (its link works once); false when it was gone already. */
export async function deleteRequest(db: Db, id: number): Promise<boolean> {
  const gone = await db.deleteFrom('mailingRequests').where('id', '=', id).executeTakeFirst();
  return Number(gone.numDeletedRows) > 0;
}

/** Deletes requests whose link has expired (their addresses with them); returns their ids. */
export async function deleteExpiredRequests(db: Db, now: Date): Promise<number[]> {
  const rows = await db.deleteFrom('mailingRequests').where('expiresAt', '<=', now.toISOString()).returning('id').execute();
  return rows.map((r) => r.id);
}

// --- subscribers ---------------------------------------------------------------------------------

export interface Subscriber {
  id: number;
  email: string;
  name: string | null;
  language: string;
  status: 'active' | 'paused';
  failures: number;
  lastFailure: string | null;
  pausedAt: string | null;
  confirmedAt: string;
}

export async function findSubscriber(db: Db, by: { id: number } | { email: string }): Promise<Subscriber | undefined> {
  const q = db.selectFrom('mailingSubscribers').select(['id', 'email', 'name', 'language', 'status', 'failures', 'lastFailure', 'pausedAt', 'confirmedAt']);
  const row = await ('id' in by ? q.where('id', '=', by.id) : q.where('email', '=', by.email)).executeTakeFirst();
  return row ? { ...row, status: row.status as Subscriber['status'] } : undefined;
}

/** Whether the address is subscribed to a segment already. */
export async function isMember(db: Db, email: string, segmentId: number): Promise<boolean> {
  const row = await db
    .selectFrom('mailingMemberships as m')
    .innerJoin('mailingSubscribers as s', 's.id', 'm.subscriberId')
    .select('m.segmentId')
    .where('s.email', '=', email)
    .where('m.segmentId', '=', segmentId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The names of the segments a subscriber receives. */
export async function segmentsOf(db: Db, subscriberId: number): Promise<Segment[]> {
  const rows = await db.selectFrom('mailingSegments as g').innerJoin('mailingMemberships as m', 'm.segmentId', 'g.id').selectAll('g').where('m.subscriberId', '=', subscriberId).orderBy('g.id').execute();
  return rows.map(toSegment);
}

/**
 * Makes an address an active subscriber, or makes it active again: confirming again proves the
 * address works, so a paused one starts anew. A null name keeps the one it had. Returns its id.
 */
export async function upsertSubscriber(db: Db, p: { email: string; name: string | null; language: string }, now: Date): Promise<number> {
  const stamp = now.toISOString();
  await db
    .insertInto('mailingSubscribers')
    .values({ email: p.email, name: p.name, language: p.language, status: 'active', confirmedAt: stamp, createdAt: stamp, lastFailure: null, pausedAt: null })
    .onConflict((oc) =>
      oc.column('email').doUpdateSet((eb) => ({
        status: 'active',
        failures: 0,
        lastFailure: null,
        pausedAt: null,
        confirmedAt: stamp,
        language: p.language,
        name: p.name === null ? eb.ref('mailingSubscribers.name') : p.name,
      })),
    )
    .execute();
  const subscriber = await db.selectFrom('mailingSubscribers').select('id').where('email', '=', p.email).executeTakeFirstOrThrow();
  return subscriber.id;
}

/** Which of these segments still exist. */
export async function existingSegmentIds(db: Db, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('mailingSegments').select('id').where('id', 'in', [...ids]).execute()).map((s) => s.id);
}

/** Adds a subscriber to segments (those it is in already stay as they are). */
export async function addMemberships(db: Db, subscriberId: number, segmentIds: readonly number[], now: Date): Promise<void> {
  if (segmentIds.length === 0) return;
  await db
    .insertInto('mailingMemberships')
    .values(segmentIds.map((segmentId) => ({ subscriberId, segmentId, createdAt: now.toISOString() })))
    .onConflict((oc) => oc.columns(['subscriberId', 'segmentId']).doNothing())
    .execute();
}

/** Skips the deliveries still waiting for a subscriber. */
export async function skipQueuedDeliveries(db: Db, subscriberId: number): Promise<void> {
  await db.updateTable('mailingDeliveries').set({ status: 'skipped' }).where('subscriberId', '=', subscriberId).where('status', '=', 'queued').execute();
}

/** Deletes a subscriber and its memberships. */
export async function deleteSubscriber(db: Db, id: number): Promise<void> {
  await db.deleteFrom('mailingSubscribers').where('id', '=', id).execute();
}

/** Keeps the keyed hash of an address that left, with the date it left. */
export async function insertSuppression(db: Db, emailHash: string, now: Date): Promise<void> {
  await db
    .insertInto('mailingSuppressions')
    .values({ emailHash, leftAt: now.toISOString() })
    .onConflict((oc) => oc.column('emailHash').doUpdateSet({ leftAt: now.toISOString() }))
    .execute();
}

/** Forgets that an address (by its hash) once left. */
export async function deleteSuppression(db: Db, emailHash: string): Promise<void> {
  await db.deleteFrom('mailingSuppressions').where('emailHash', '=', emailHash).execute();
}

/** When an address (by its hash) left the list, if it did. */
export async function findSuppression(db: Db, emailHash: string): Promise<string | undefined> {
  return (await db.selectFrom('mailingSuppressions').select('leftAt').where('emailHash', '=', emailHash).executeTakeFirst())?.leftAt;
}

export async function pruneSuppressions(db: Db, leftBefore: string): Promise<number> {
  const result = await db.deleteFrom('mailingSuppressions').where('leftAt', '<', leftBefore).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Paused addresses, most recently paused first. */
export async function listPaused(db: Db): Promise<Subscriber[]> {
  const rows = await db
    .selectFrom('mailingSubscribers')
    .select(['id', 'email', 'name', 'language', 'status', 'failures', 'lastFailure', 'pausedAt', 'confirmedAt'])
    .where('status', '=', 'paused')
    .orderBy('pausedAt', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, status: 'paused' as const }));
}

export async function countPaused(db: Db): Promise<number> {
  const row = await db.selectFrom('mailingSubscribers').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'paused').executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Gives a paused address another chance. */
export async function resumeSubscriber(db: Db, id: number): Promise<boolean> {
  const result = await db.updateTable('mailingSubscribers').set({ status: 'active', failures: 0, lastFailure: null, pausedAt: null }).where('id', '=', id).where('status', '=', 'paused').executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// --- messages ------------------------------------------------------------------------------------

export interface Message {
  id: number;
  segmentId: number | null;
  texts: MessageTexts;
  status: 'draft' | 'sending' | 'sent';
  recipients: number;
  createdAt: string;
  updatedAt: string;
  queuedAt: string | null;
  finishedAt: string | null;
}

const parseTexts = (json: string): MessageTexts => {
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' ? (v as MessageTexts) : {};
  } catch {
    return {};
  }
};

const messageColumns = ['id', 'segmentId', 'texts', 'status', 'recipients', 'createdAt', 'updatedAt', 'queuedAt', 'finishedAt'] as const;
const toMessage = (r: { id: number; segmentId: number | null; texts: string; status: string; recipients: number; createdAt: string; updatedAt: string; queuedAt: string | null; finishedAt: string | null }): Message => ({
  ...r,
  texts: parseTexts(r.texts),
  status: r.status as Message['status'],
});

export async function insertMessage(db: Db, m: { segmentId: number; texts: MessageTexts; createdBy: number | null }, now: Date): Promise<number> {
  const stamp = now.toISOString();
  const row = await db
    .insertInto('mailingMessages')
    .values({ segmentId: m.segmentId, texts: JSON.stringify(m.texts), status: 'draft', createdBy: m.createdBy, createdAt: stamp, updatedAt: stamp, queuedAt: null, finishedAt: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a draft; false when it is no longer one. */
export async function updateDraft(db: Db, id: number, m: { segmentId: number; texts: MessageTexts }, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('mailingMessages')
    .set({ segmentId: m.segmentId, texts: JSON.stringify(m.texts), updatedAt: now.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function findMessage(db: Db, id: number): Promise<Message | undefined> {
  const row = await db.selectFrom('mailingMessages').select(messageColumns).where('id', '=', id).executeTakeFirst();
  return row ? toMessage(row) : undefined;
}

/** Messages, newest first (drafts by their last change, the rest by when sending began). */
export async function listMessages(db: Db, page: { limit: number; offset: number }): Promise<Message[]> {
  const rows = await db
    .selectFrom('mailingMessages')
    .select(messageColumns)
    .orderBy(sql`coalesce(queued_at, updated_at)`, 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map(toMessage);
}

export async function countMessages(db: Db): Promise<number> {
  return Number((await db.selectFrom('mailingMessages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

/** How many active subscribers a segment would reach now. */
export async function countRecipients(db: Db, segmentId: number): Promise<number> {
  const row = await db
    .selectFrom('mailingMemberships as m')
    .innerJoin('mailingSubscribers as s', 's.id', 'm.subscriberId')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('m.segmentId', '=', segmentId)
    .where('s.status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks a draft as sending; false when it is not a draft with a segment (sent twice from two tabs). */
export async function claimDraft(db: Db, id: number, now: Date): Promise<boolean> {
  const stamp = now.toISOString();
  const claimed = await db.updateTable('mailingMessages').set({ status: 'sending', queuedAt: stamp, updatedAt: stamp }).where('id', '=', id).where('status', '=', 'draft').where('segmentId', 'is not', null).executeTakeFirst();
  return Number(claimed.numUpdatedRows) > 0;
}

/** Records one queued delivery of a message per active member of its segment (the list as it is now); returns how many the message has. */
export async function insertDeliveries(db: Db, messageId: number): Promise<number> {
  const { segmentId } = await db.selectFrom('mailingMessages').select('segmentId').where('id', '=', messageId).executeTakeFirstOrThrow();
  await db
    .insertInto('mailingDeliveries')
    .columns(['messageId', 'subscriberId', 'status'])
    .expression((eb) =>
      eb
        .selectFrom('mailingMemberships as m')
        .innerJoin('mailingSubscribers as s', 's.id', 'm.subscriberId')
        .select([sql.lit(messageId).as('messageId'), 's.id as subscriberId', sql.lit('queued').as('status')])
        .where('m.segmentId', '=', segmentId!)
        .where('s.status', '=', 'active'),
    )
    .execute();
  return Number((await db.selectFrom('mailingDeliveries').select((eb) => eb.fn.countAll<number>().as('n')).where('messageId', '=', messageId).executeTakeFirstOrThrow()).n);
}

export async function setRecipients(db: Db, messageId: number, n: number): Promise<void> {
  await db.updateTable('mailingMessages').set({ recipients: n }).where('id', '=', messageId).execute();
}

/** Deliveries of one message by status. */
export async function deliveryCounts(db: Db, messageId: number): Promise<Record<string, number>> {
  const rows = await db.selectFrom('mailingDeliveries').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('messageId', '=', messageId).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

// --- sending -------------------------------------------------------------------------------------

/** A queued delivery with what its mail needs. */
export interface QueuedDelivery {
  id: number;
  messageId: number;
  subscriberId: number | null;
  email: string | null;
  language: string | null;
  subscriberStatus: string | null;
  failures: number;
  texts: MessageTexts;
  segment: Pick<Segment, 'audience' | 'organisationKind' | 'name' | 'publicArchive'> | null;
}

/** The next queued deliveries, oldest message first. */
export async function listQueued(db: Db, limit: number): Promise<QueuedDelivery[]> {
  const rows = await db
    .selectFrom('mailingDeliveries as d')
    .innerJoin('mailingMessages as m', 'm.id', 'd.messageId')
    .leftJoin('mailingSubscribers as s', 's.id', 'd.subscriberId')
    .leftJoin('mailingSegments as g', 'g.id', 'm.segmentId')
    .select([
      'd.id',
      'd.messageId',
      'd.subscriberId',
      's.email',
      's.language',
      's.status as subscriberStatus',
      's.failures',
      'm.texts',
      'g.audience',
      'g.organisationKind',
      'g.name',
      'g.publicArchive',
    ])
    .where('d.status', '=', 'queued')
    .orderBy('d.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    messageId: r.messageId,
    subscriberId: r.subscriberId,
    email: r.email,
    language: r.language,
    subscriberStatus: r.subscriberStatus,
    failures: r.failures ?? 0,
    texts: parseTexts(r.texts),
    segment: r.audience === null ? null : { audience: r.audience as Audience, organisationKind: r.organisationKind, name: r.name ?? '', publicArchive: r.publicArchive === 1 },
  }));
}

/** Takes a queued delivery for sending (recorded before the mail leaves); false when another run has it. */
export async function claimDelivery(db: Db, id: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('mailingDeliveries')
    .set((eb) => ({ status: 'sending', claimedAt: now.toISOString(), attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Records how a claimed delivery ended. */
export async function finishDelivery(db: Db, id: number, status: 'sent' | 'failed' | 'queued' | 'skipped', now: Date): Promise<void> {
  await db
    .updateTable('mailingDeliveries')
    .set({ status, ...(status === 'sent' ? { sentAt: now.toISOString() } : {}), ...(status === 'queued' ? { claimedAt: null } : {}) })
    .where('id', '=', id)
    .execute();
}

/** How many attempts a delivery has had. */
export async function deliveryAttempts(db: Db, id: number): Promise<number> {
  return (await db.selectFrom('mailingDeliveries').select('attempts').where('id', '=', id).executeTakeFirstOrThrow()).attempts;
}

/** A delivery went through: the address's failures in a row start again. */
export async function noteSuccess(db: Db, subscriberId: number): Promise<void> {
  await db.updateTable('mailingSubscribers').set({ failures: 0, lastFailure: null }).where('id', '=', subscriberId).where('failures', '>', 0).execute();
}

/** A delivery the server refused: one more failure in a row, and paused at `pause`. */
export async function noteFailure(db: Db, subscriberId: number, reason: string, pause: boolean, now: Date): Promise<void> {
  await db
    .updateTable('mailingSubscribers')
    .set((eb) => ({ failures: eb('failures', '+', 1), lastFailure: reason.slice(0, 300), ...(pause ? { status: 'paused', pausedAt: now.toISOString() } : {}) }))
    .where('id', '=', subscriberId)
    .execute();
}

/** Deliveries claimed before `before` and never finished (the sender stopped mid-send): marked unknown, never sent again. */
export async function markInterrupted(db: Db, before: string): Promise<number> {
  const result = await db.updateTable('mailingDeliveries').set({ status: 'unknown' }).where('status', '=', 'sending').where('claimedAt', '<', before).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Marks messages sent once none of their deliveries waits or is under way. */
export async function finishMessages(db: Db, now: Date): Promise<number> {
  const done = await db
    .selectFrom('mailingMessages as m')
    .select('m.id')
    .where('m.status', '=', 'sending')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('mailingDeliveries as d').select('d.id').whereRef('d.messageId', '=', 'm.id').where('d.status', 'in', ['queued', 'sending']))))
    .execute();
  // Nothing to mark, nothing written: an update of no rows would still raise the archive's cache version on PostgreSQL.
  if (done.length === 0) return 0;
  const result = await db
    .updateTable('mailingMessages')
    .set({ status: 'sent', finishedAt: now.toISOString() })
    .where('id', 'in', done.map((m) => m.id))
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// --- the public archive --------------------------------------------------------------------------

/** Messages sent (or being sent) to segments whose archive is public, newest first. */
export async function listArchive(db: Db, page: { limit: number; offset: number }): Promise<(Message & { segment: Segment })[]> {
  const rows = await db
    .selectFrom('mailingMessages as m')
    .innerJoin('mailingSegments as g', 'g.id', 'm.segmentId')
    .select(['m.id', 'm.segmentId', 'm.texts', 'm.status', 'm.recipients', 'm.createdAt', 'm.updatedAt', 'm.queuedAt', 'm.finishedAt'])
    .select(['g.audience', 'g.organisationKind', 'g.name', 'g.description', 'g.publicArchive', 'g.openSignup', 'g.createdAt as segmentCreatedAt', 'g.updatedAt as segmentUpdatedAt'])
    .where('m.status', 'in', ['sending', 'sent'])
    .where('g.publicArchive', '=', 1)
    .orderBy('m.queuedAt', 'desc')
    .orderBy('m.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => ({
    ...toMessage(r),
    segment: toSegment({ id: r.segmentId!, audience: r.audience, organisationKind: r.organisationKind, name: r.name, description: r.description, publicArchive: r.publicArchive, openSignup: r.openSignup, createdAt: r.segmentCreatedAt, updatedAt: r.segmentUpdatedAt }),
  }));
}

export async function countArchive(db: Db): Promise<number> {
  const row = await db
    .selectFrom('mailingMessages as m')
    .innerJoin('mailingSegments as g', 'g.id', 'm.segmentId')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('m.status', 'in', ['sending', 'sent'])
    .where('g.publicArchive', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
