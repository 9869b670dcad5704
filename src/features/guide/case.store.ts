/** SQL for guide cases and their notes. Personal fields are read and written only here. */
import type { Selectable } from 'kysely';
import type { Database, Db } from '../../db/index.js';
import { cleanUserText } from '../../web/text.js';
import type { Weekday } from '../calendar/index.js';
import type { Category } from '../taxonomy/index.js';
import { CLOSING_STATUSES, dueForErasure, mergeRequest, newReference, outcomeOf, type CaseAgeGroup, type CaseRequest, type CaseStatus, type FreeTime, type GuideCase } from './case.js';

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
  };
}

const clean = (s: string | null) => (s === null ? null : cleanUserText(s));

/** The open case of the same person (same phone or e-mail), if any. */
async function findOpenDuplicate(db: Db, r: CaseRequest): Promise<GuideCase | undefined> {
  if (!r.phone && !r.email) return undefined;
  const row = await db
    .selectFrom('guideCases')
    .selectAll()
    .where('status', 'not in', [...CLOSING_STATUSES])
    .where('erasedAt', 'is', null)
    .where((eb) => eb.or([...(r.phone ? [eb('phone', '=', r.phone)] : []), ...(r.email ? [eb('email', '=', r.email)] : [])]))
    .orderBy('id')
    .executeTakeFirst();
  return row ? toCase(row) : undefined;
}

/** Stores a request as a new case, or joins it to the same person's open case. */
export async function submitCase(db: Db, r: CaseRequest, now: Date): Promise<{ case: GuideCase; merged: boolean }> {
  const stamp = now.toISOString();
  const duplicate = await findOpenDuplicate(db, r);
  if (duplicate) {
    const m = mergeRequest(duplicate, r);
    await db
      .updateTable('guideCases')
      .set({
        firstName: clean(m.firstName ?? null),
        phone: m.phone ?? null,
        email: m.email ?? null,
        contactLanguage: m.contactLanguage!,
        ageGroup: m.ageGroup!,
        districtId: m.districtId ?? null,
        interests: JSON.stringify(m.interests),
        interestText: clean(m.interestText ?? null),
        freeDays: JSON.stringify(m.freeDays),
        freeTimes: JSON.stringify(m.freeTimes),
        onBehalf: m.onBehalf ? 1 : 0,
        helperName: clean(m.helperName ?? null),
        requests: m.requests!,
        consentAt: stamp,
        updatedAt: stamp,
      })
      .where('id', '=', duplicate.id)
      .execute();
    return { case: (await findCase(db, duplicate.id))!, merged: true };
  }
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
      return { case: (await findCase(db, id))!, merged: false };
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

export async function addNote(db: Db, caseId: number, authorId: number, text: string, now: Date): Promise<void> {
  await db.insertInto('guideNotes').values({ caseId, authorId, text: cleanUserText(text), createdAt: now.toISOString() }).execute();
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
 * Empties every personal field of a case and deletes its notes and referral answers; the rest
 * (status, dates, interests, district, age group) stays for anonymous statistics.
 */
export async function eraseCase(db: Db, caseId: number, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('guideCases')
      .set({ firstName: null, phone: null, email: null, interestText: null, helperName: null, erasedAt: now.toISOString(), updatedAt: now.toISOString() })
      .where('id', '=', caseId)
      .execute();
    await trx.deleteFrom('guideNotes').where('caseId', '=', caseId).execute();
    await trx.updateTable('guideReferrals').set({ answer: null, tokenHash: null, tokenExpiresAt: null }).where('caseId', '=', caseId).execute();
  });
}

/** Erases every case closed longer ago than the retention period; returns how many. */
export async function eraseExpiredCases(db: Db, now: Date, retentionMonths: number): Promise<number> {
  const closed = await db.selectFrom('guideCases').select(['id', 'closedAt', 'erasedAt']).where('closedAt', 'is not', null).where('erasedAt', 'is', null).execute();
  let n = 0;
  for (const c of closed) {
    if (dueForErasure(c, now, retentionMonths)) {
      await eraseCase(db, c.id, now);
      n++;
    }
  }
  return n;
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
