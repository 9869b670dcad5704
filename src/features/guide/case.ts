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

/** A later request from the same person joins the open case: interests and times add up, the newest contact wins. */
export function mergeRequest(existing: GuideCase, r: CaseRequest): Partial<GuideCase> {
  const union = <T>(a: readonly T[], b: readonly T[]) => [...new Set([...a, ...b])];
  return {
    firstName: r.firstName,
    phone: r.phone ?? existing.phone,
    email: r.email ?? existing.email,
    contactLanguage: r.contactLanguage,
    ageGroup: r.ageGroup,
    districtId: r.districtId ?? existing.districtId,
    interests: union(existing.interests, r.interests),
    interestText: [existing.interestText, r.interestText].filter((x): x is string => !!x && x.trim() !== '').filter((x, i, all) => all.indexOf(x) === i).join('\n') || null,
    freeDays: union(existing.freeDays, r.freeDays),
    freeTimes: union(existing.freeTimes, r.freeTimes),
    onBehalf: existing.onBehalf || r.onBehalf,
    helperName: r.helperName ?? existing.helperName,
    requests: existing.requests + 1,
  };
}
