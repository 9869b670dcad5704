/** SQL for referrals: a guide sends a person to an activity; its organisation answers by a single-use link. */
import type { Db } from '../../db/index.js';
import { cleanUserText } from '../../web/text.js';

export const REFERRAL_STATUSES = ['sent', 'welcomed', 'declined'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export interface Referral {
  id: number;
  caseId: number;
  activityId: number | null;
  /** The activity's title, while the activity exists. */
  activityTitle: string | null;
  organisationId: number | null;
  status: ReferralStatus;
  /** The organisation's message with its answer; emptied when the case is erased. */
  answer: string | null;
  answeredAt: string | null;
  tokenExpiresAt: string | null;
  createdBy: number | null;
  createdAt: string;
}

export interface NewReferral {
  caseId: number;
  activityId: number;
  organisationId: number | null;
  tokenHash: string;
  tokenExpiresAt: string;
  createdBy: number | null;
}

function referrals(db: Db) {
  return db
    .selectFrom('guideReferrals as r')
    .leftJoin('activities as a', 'a.id', 'r.activityId')
    .select([
      'r.id',
      'r.caseId',
      'r.activityId',
      'a.title as activityTitle',
      'r.organisationId',
      'r.status',
      'r.answer',
      'r.answeredAt',
      'r.tokenExpiresAt',
      'r.createdBy',
      'r.createdAt',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof referrals>['execute']>>[number];
const toReferral = (r: Row): Referral => ({ ...r, status: r.status as ReferralStatus });

export async function insertReferral(db: Db, r: NewReferral, now: Date): Promise<number> {
  const row = await db
    .insertInto('guideReferrals')
    .values({ ...r, status: 'sent', answer: null, answeredAt: null, createdAt: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A case's referrals, newest first. */
export async function listReferralsOfCase(db: Db, caseId: number): Promise<Referral[]> {
  const rows = await referrals(db).where('r.caseId', '=', caseId).orderBy('r.createdAt', 'desc').orderBy('r.id', 'desc').execute();
  return rows.map(toReferral);
}

/** The referral a link's token opens, answered or not, while the link has not expired. */
export async function findReferralByToken(db: Db, tokenHash: string, now: Date): Promise<Referral | undefined> {
  const row = await referrals(db).where('r.tokenHash', '=', tokenHash).where('r.tokenExpiresAt', '>', now.toISOString()).executeTakeFirst();
  return row ? toReferral(row) : undefined;
}

/**
 * Stores the organisation's answer once: only a referral still 'sent' changes, so two answers
 * racing each other leave the first. Returns whether this one was stored.
 */
export async function answerReferral(db: Db, id: number, a: { status: 'welcomed' | 'declined'; message: string | null }, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('guideReferrals')
    .set({ status: a.status, answer: a.message === null ? null : cleanUserText(a.message), answeredAt: now.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'sent')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The categories a case's wishes were already saved under (null: a wish without category), so saving twice adds nothing. */
export async function listWishCategoriesOfCase(db: Db, caseId: number): Promise<(string | null)[]> {
  const rows = await db.selectFrom('wishes').select('category').where('caseId', '=', caseId).where('source', '=', 'case').execute();
  return rows.map((r) => r.category);
}
