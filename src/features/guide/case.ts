/** Föreningslots cases: a newcomer's request for help into an association, and the rules around it. Pure. */
import crypto from 'node:crypto';
import type { Category } from '../taxonomy/index.js';
import type { Weekday } from '../calendar/index.js';

export const CASE_STATUSES = ['new', 'contacted', 'referred', 'joined', 'not_joined', 'unreachable', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
/** Statuses that end a case: personal data is erased a while after. */
export const CLOSING_STATUSES: readonly CaseStatus[] = ['joined', 'not_joined', 'unreachable', 'closed'];

export const CASE_AGE_GROUPS = ['adult', 'youth', 'child'] as const;
export type CaseAgeGroup = (typeof CASE_AGE_GROUPS)[number];

export const FREE_TIMES = ['daytime', 'evening'] as const;
export type FreeTime = (typeof FREE_TIMES)[number];

export interface GuideCase {
  id: number;
  reference: string;
  status: CaseStatus;
  /** Null once erased. */
  firstName: string | null;
  phone: string | null;
  email: string | null;
  interestText: string | null;
  helperName: string | null;
  contactLanguage: string;
  ageGroup: CaseAgeGroup;
  districtId: number | null;
  interests: Category[];
  freeDays: Weekday[];
  freeTimes: FreeTime[];
  onBehalf: boolean;
  requests: number;
  /** The case a guide merged this one into (this one is then closed and erased). */
  mergedInto: number | null;
  assignedTo: number | null;
  followUpOn: string | null;
  firstContactAt: string | null;
  closedAt: string | null;
  outcome: string | null;
  erasedAt: string | null;
  consentAt: string;
  createdAt: string;
  updatedAt: string;
}

/** What the public form gives: a new case, before it is stored. */
export interface CaseRequest {
  firstName: string;
  phone: string | null;
  email: string | null;
  contactLanguage: string;
  ageGroup: CaseAgeGroup;
  districtId: number | null;
  interests: Category[];
  interestText: string | null;
  freeDays: Weekday[];
  freeTimes: FreeTime[];
  onBehalf: boolean;
  helperName: string | null;
}

/** Letters and digits nobody mixes up when reading them aloud or off a phone (no 0/O, 1/I/L). */
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A short reference code like 'K7-4F2Q', random (not a count that tells how many asked). */
export function newReference(random: (n: number) => Buffer = crypto.randomBytes): string {
  const bytes = random(6);
  const chars = [...bytes].map((b) => REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length]!);
  return `${chars.slice(0, 2).join('')}-${chars.slice(2).join('')}`;
}

/** The status a case has after a guide sets `next`; closing records the outcome. */
export function outcomeOf(status: CaseStatus): string | null {
  switch (status) {
    case 'joined':
    case 'not_joined':
    case 'unreachable':
      return status;
    case 'closed':
      return 'closed';
    default:
      return null;
  }
}

/** Whether a closed case's personal data is due for erasure on `now`. */
export function dueForErasure(c: Pick<GuideCase, 'closedAt' | 'erasedAt'>, now: Date, retentionMonths: number): boolean {
  if (!c.closedAt || c.erasedAt) return false;
  const due = new Date(c.closedAt);
  due.setUTCMonth(due.getUTCMonth() + retentionMonths);
  return due.getTime() <= now.getTime();
}

/** The instant `months` calendar months before `now` (UTC), where a retention period starts. */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/**
 * Whether an open case nobody has worked on is due to be closed and erased: its last change (or
 * referral, `lastActivityAt`) lies the retention period back. A person who asked and was never helped
 * must not stay on file longer than one who was.
 */
export function dueForIdleErasure(c: Pick<GuideCase, 'status' | 'erasedAt'>, lastActivityAt: string, now: Date, retentionMonths: number): boolean {
  if (c.erasedAt !== null || CLOSING_STATUSES.includes(c.status)) return false;
  return new Date(lastActivityAt).getTime() <= monthsBefore(now, retentionMonths).getTime();
}

/** Whether two cases give the same phone number or e-mail address (so may be one person). */
export function sameContact(a: Pick<GuideCase, 'phone' | 'email'>, b: Pick<GuideCase, 'phone' | 'email'>): boolean {
  return (a.phone !== null && a.phone === b.phone) || (a.email !== null && a.email === b.email);
}

/**
 * What the case a guide keeps looks like once the other is merged into it: interests and free times
 * add up, its own name and contact stay and only gaps are filled from the other, free texts are
 * joined, and the requests count both.
 */
export function mergedFields(keep: GuideCase, gone: GuideCase): Pick<GuideCase, 'phone' | 'email' | 'districtId' | 'interests' | 'interestText' | 'freeDays' | 'freeTimes' | 'onBehalf' | 'helperName' | 'requests'> {
  const union = <T>(a: readonly T[], b: readonly T[]) => [...new Set([...a, ...b])];
  const texts = [keep.interestText, gone.interestText].filter((x): x is string => !!x && x.trim() !== '');
  return {
    phone: keep.phone ?? gone.phone,
    email: keep.email ?? gone.email,
    districtId: keep.districtId ?? gone.districtId,
    interests: union(keep.interests, gone.interests),
    interestText: texts.filter((x, i) => texts.indexOf(x) === i).join('\n') || null,
    freeDays: union(keep.freeDays, gone.freeDays),
    freeTimes: union(keep.freeTimes, gone.freeTimes),
    onBehalf: keep.onBehalf || gone.onBehalf,
    helperName: keep.helperName ?? gone.helperName,
    requests: keep.requests + gone.requests,
  };
}
