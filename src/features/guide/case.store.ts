/**
 * SQL for guide cases and their notes. Personal fields are read and written only here. A change of
 * several statements runs in the transaction of its command (case.commands.ts).
 */
import { sharedSecret } from '../../db/settings.js';
import type { Selectable } from 'kysely';
import type { Database, Db } from '../../db/index.js';
import { cleanUserText } from '../../web/text.js';
import type { Weekday } from '../calendar/index.js';
import type { Category } from '../taxonomy/index.js';
import {
  CLOSING_STATUSES,
  mergedFields,
  newReference,
  outcomeOf,
  type CaseAgeGroup,
  type CaseRequest,
  type CaseStatus,
  type FreeTime,
  type GuideCase,
} from './case.js';

type Row = Selectable<Database['guideCases']>;

function toCase(r: Row): GuideCase {
  return {
    ...r,
    status: r.status as CaseStatus,
    ageGroup: r.ageGroup as CaseAgeGroup,
    interests: JSON.parse(r.interests) as Category[],
    freeDays: JSON.parse(r.freeDays) as Weekday[],
    freeTimes: JSON.parse(r.freeTimes) as FreeTime[],
    onBehalf: r.onBehalf === 1,
    requests: Number(r.requests),
    mergedInto: r.mergedInto === null ? null : Number(r.mergedInto),
  };
}

const clean = (s: string | null) => (s === null ? null : cleanUserText(s));

/**
 * Stores a request as a case of its own. It never joins another case, even one with the same phone
 * or e-mail: a mother and her son, or a class sent by its teacher, share a number, and whoever knows
 * someone's number must not reach their case. A guide merges cases that are one person.
 */
export async function submitCase(db: Db, r: CaseRequest, now: Date): Promise<{ case: GuideCase }> {
  const stamp = now.toISOString();
  for (let attempt = 0; ; attempt++) {
    try {
      const { id } = await db
        .insertInto('guideCases')
        .values({
          reference: newReference(),
          status: 'new',
          firstName: clean(r.firstName),
          phone: r.phone,
          email: r.email,
          interestText: clean(r.interestText),
          helperName: clean(r.helperName),
          contactLanguage: r.contactLanguage,
          ageGroup: r.ageGroup,
          districtId: r.districtId,
          interests: JSON.stringify(r.interests),
          freeDays: JSON.stringify(r.freeDays),
          freeTimes: JSON.stringify(r.freeTimes),
          onBehalf: r.onBehalf ? 1 : 0,
          consentAt: stamp,
          createdAt: stamp,
          updatedAt: stamp,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { case: (await findCase(db, id))! };
    } catch (error) {
      // A reference collision (one in a billion): draw again.
      if (attempt >= 3) throw error;
    }
  }
}

export async function findCase(db: Db, id: number): Promise<GuideCase | undefined> {
  const row = await db.selectFrom('guideCases').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCase(row) : undefined;
}

export interface CaseFilter {
  statuses?: readonly CaseStatus[];
  assignedTo?: number;
  limit: number;
  offset: number;
}

function filtered(db: Db, f: Omit<CaseFilter, 'limit' | 'offset'>) {
  let q = db.selectFrom('guideCases');
  if (f.statuses && f.statuses.length > 0) q = q.where('status', 'in', [...f.statuses]);
  if (f.assignedTo !== undefined) q = q.where('assignedTo', '=', f.assignedTo);
  return q;
}

/** Cases for the guide's queue: due follow-ups first, then the oldest new ones. */
export async function listCases(db: Db, f: CaseFilter): Promise<GuideCase[]> {
  const rows = await filtered(db, f).selectAll().orderBy('followUpOn').orderBy('createdAt').orderBy('id').limit(f.limit).offset(f.offset).execute();
  return rows.map(toCase);
}

export async function countCases(db: Db, f: Omit<CaseFilter, 'limit' | 'offset'>): Promise<number> {
  const row = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface CaseUpdate {
  status?: CaseStatus;
  assignedTo?: number | null;
  followUpOn?: string | null;
}

/** Changes a case's status, guide or follow-up date; the first step past 'new' is the first contact. */
export async function updateCase(db: Db, c: GuideCase, u: CaseUpdate, now: Date): Promise<void> {
  const stamp = now.toISOString();
  const set: Partial<Row> = { updatedAt: stamp };
  if (u.status !== undefined && u.status !== c.status) {
    set.status = u.status;
    if (c.firstContactAt === null && u.status !== 'new') set.firstContactAt = stamp;
    const outcome = outcomeOf(u.status);
    if (CLOSING_STATUSES.includes(u.status)) {
      set.closedAt = stamp;
      set.outcome = outcome;
    } else {
      set.closedAt = null;
      set.outcome = null;
    }
  }
  if (u.assignedTo !== undefined) set.assignedTo = u.assignedTo;
  if (u.followUpOn !== undefined) {
    set.followUpOn = u.followUpOn;
    set.remindedOn = null;
  }
  await db.updateTable('guideCases').set(set).where('id', '=', c.id).execute();
}

/** Adds a guide's note to a case. */
export async function insertNote(db: Db, caseId: number, authorId: number, text: string, now: Date): Promise<void> {
  await db.insertInto('guideNotes').values({ caseId, authorId, text: cleanUserText(text), createdAt: now.toISOString() }).execute();
}

/** Marks a case as changed now. */
export async function touchCase(db: Db, caseId: number, now: Date): Promise<void> {
  await db.updateTable('guideCases').set({ updatedAt: now.toISOString() }).where('id', '=', caseId).execute();
}

export async function listNotes(db: Db, caseId: number): Promise<{ id: number; text: string; createdAt: string; authorName: string | null }[]> {
  return db
    .selectFrom('guideNotes as n')
    .leftJoin('users as u', 'u.id', 'n.authorId')
    .select(['n.id', 'n.text', 'n.createdAt', 'u.name as authorName'])
    .where('n.caseId', '=', caseId)
    .orderBy('n.createdAt')
    .orderBy('n.id')
    .execute();
}

/**
 * Empties every personal field of a case and deletes its notes and its referral answers and links;
 * the rest (status, dates, interests, district, age group) stays for anonymous statistics. Several
 * statements: run it in a transaction, with the outbox copies (case.commands.ts).
 */
export async function erasePersonalData(db: Db, caseId: number, now: Date): Promise<void> {
  await db
    .updateTable('guideCases')
    .set({ firstName: null, phone: null, email: null, interestText: null, helperName: null, erasedAt: now.toISOString(), updatedAt: now.toISOString() })
    .where('id', '=', caseId)
    .execute();
  await db.deleteFrom('guideNotes').where('caseId', '=', caseId).execute();
  await db.updateTable('guideReferrals').set({ answer: null, tokenHash: null, tokenExpiresAt: null }).where('caseId', '=', caseId).execute();
}

/** Closed cases not erased yet, with when they were closed. */
export async function listClosedUnerased(db: Db): Promise<{ id: number; closedAt: string | null; erasedAt: string | null }[]> {
  return db.selectFrom('guideCases').select(['id', 'closedAt', 'erasedAt']).where('closedAt', 'is not', null).where('erasedAt', 'is', null).execute();
}

/**
 * Open, unerased cases unchanged since `cutoff`, with the dates of their last referral and last
 * answer (a case may still be moving through its referrals).
 */
export async function listIdleCandidates(db: Db, cutoff: string): Promise<{ id: number; status: CaseStatus; erasedAt: string | null; updatedAt: string; lastReferral: string | null; lastAnswer: string | null }[]> {
  const rows = await db
    .selectFrom('guideCases as c')
    .select((eb) => [
      'c.id',
      'c.status',
      'c.erasedAt',
      'c.updatedAt',
      eb.selectFrom('guideReferrals as r').select((r) => r.fn.max('r.createdAt').as('at')).whereRef('r.caseId', '=', 'c.id').as('lastReferral'),
      eb.selectFrom('guideReferrals as r').select((r) => r.fn.max('r.answeredAt').as('at')).whereRef('r.caseId', '=', 'c.id').as('lastAnswer'),
    ])
    .where('c.status', 'not in', [...CLOSING_STATUSES])
    .where('c.erasedAt', 'is', null)
    .where('c.updatedAt', '<=', cutoff)
    .execute();
  return rows.map((c) => ({
    id: c.id,
    status: c.status as CaseStatus,
    erasedAt: c.erasedAt,
    updatedAt: c.updatedAt,
    lastReferral: typeof c.lastReferral === 'string' ? c.lastReferral : null,
    lastAnswer: typeof c.lastAnswer === 'string' ? c.lastAnswer : null,
  }));
}

/** Closes a case nobody worked on (statistics count it as closed without joining). */
export async function closeIdleCase(db: Db, caseId: number, now: Date): Promise<void> {
  await db.updateTable('guideCases').set({ status: 'closed', closedAt: now.toISOString(), outcome: outcomeOf('closed'), followUpOn: null }).where('id', '=', caseId).execute();
}

/** Other open, unerased cases with the same phone number or e-mail address: maybe the same person. */
export async function listSameContact(db: Db, c: GuideCase): Promise<GuideCase[]> {
  if (c.erasedAt !== null || (c.phone === null && c.email === null)) return [];
  const rows = await db
    .selectFrom('guideCases')
    .selectAll()
    .where('id', '!=', c.id)
    .where('status', 'not in', [...CLOSING_STATUSES])
    .where('erasedAt', 'is', null)
    .where('mergedInto', 'is', null)
    .where((eb) => eb.or([...(c.phone ? [eb('phone', '=', c.phone)] : []), ...(c.email ? [eb('email', '=', c.email)] : [])]))
    .orderBy('createdAt')
    .orderBy('id')
    .limit(50)
    .execute();
  return rows.map(toCase);
}

/**
 * Claims an open, unerased, unmerged case for a merge by writing to its row; false when it is not
 * one (any more). In a transaction, the row stays locked until it ends.
 */
export async function claimForMerge(db: Db, caseId: number, now: Date): Promise<boolean> {
  const claimed = await db
    .updateTable('guideCases')
    .set({ updatedAt: now.toISOString() })
    .where('id', '=', caseId)
    .where('mergedInto', 'is', null)
    .where('erasedAt', 'is', null)
    .where('status', 'not in', [...CLOSING_STATUSES])
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

/**
 * Moves what `gone` holds into `keep`: interests, free times and gaps in the contact (the kept
 * case's own name and contact stay), notes, referrals and wishes. Several statements: run it in a
 * transaction (case.commands.ts).
 */
export async function moveCaseInto(db: Db, keep: GuideCase, gone: GuideCase, now: Date): Promise<void> {
  const m = mergedFields(keep, gone);
  await db
    .updateTable('guideCases')
    .set({
      phone: m.phone,
      email: m.email,
      districtId: m.districtId,
      interests: JSON.stringify(m.interests),
      interestText: clean(m.interestText),
      freeDays: JSON.stringify(m.freeDays),
      freeTimes: JSON.stringify(m.freeTimes),
      onBehalf: m.onBehalf ? 1 : 0,
      helperName: clean(m.helperName),
      requests: m.requests,
      updatedAt: now.toISOString(),
    })
    .where('id', '=', keep.id)
    .execute();
  await db.updateTable('guideNotes').set({ caseId: keep.id }).where('caseId', '=', gone.id).execute();
  await db.updateTable('guideReferrals').set({ caseId: keep.id }).where('caseId', '=', gone.id).execute();
  await db.updateTable('wishes').set({ caseId: keep.id }).where('caseId', '=', gone.id).execute();
}

/** Closes a case merged into another, unassigned and with no follow-up. */
export async function closeMergedCase(db: Db, goneId: number, keepId: number, now: Date): Promise<void> {
  await db
    .updateTable('guideCases')
    .set({ status: 'closed', closedAt: now.toISOString(), outcome: outcomeOf('closed'), mergedInto: keepId, followUpOn: null, assignedTo: null })
    .where('id', '=', goneId)
    .execute();
}

/** One line of a case's history: what happened, when and by whom (never what was written). */
export interface CaseHistoryEntry {
  id: number;
  at: string;
  action: string;
  actorName: string | null;
}

/** The newest history of a case, and of the cases merged into it. */
export async function listCaseHistory(db: Db, caseId: number, limit = 50): Promise<CaseHistoryEntry[]> {
  const merged = await db.selectFrom('guideCases').select('id').where('mergedInto', '=', caseId).execute();
  return db
    .selectFrom('auditEntries as e')
    .leftJoin('users as u', 'u.id', 'e.actorUserId')
    .select(['e.id', 'e.at', 'e.action', 'u.name as actorName'])
    .where('e.entity', '=', 'case')
    .where('e.entityId', 'in', [caseId, ...merged.map((m) => m.id)])
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
}

/** The key request-form stamps are signed with: made once, kept in the database for every instance. */
export async function requestStampKey(db: Db): Promise<string> {
  return sharedSecret(db, 'guide.requestStampKey');
}

/** Open cases whose follow-up date has come and whose guide has not been reminded today. */
export async function listDueFollowUps(db: Db, today: string): Promise<{ id: number; reference: string; assignedTo: number; followUpOn: string }[]> {
  const rows = await db
    .selectFrom('guideCases')
    .select(['id', 'reference', 'assignedTo', 'followUpOn'])
    .where('followUpOn', '<=', today)
    .where('assignedTo', 'is not', null)
    .where('status', 'not in', [...CLOSING_STATUSES])
    .where((eb) => eb.or([eb('remindedOn', 'is', null), eb('remindedOn', '<', today)]))
    .execute();
  return rows.map((r) => ({ id: r.id, reference: r.reference, assignedTo: r.assignedTo!, followUpOn: r.followUpOn! }));
}

export async function markReminded(db: Db, caseId: number, today: string): Promise<void> {
  await db.updateTable('guideCases').set({ remindedOn: today }).where('id', '=', caseId).execute();
}
