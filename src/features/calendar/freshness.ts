/**
 * How fresh an activity is: when its organisation last confirmed it as still true, and what follows
 * from that on a given day. Pure: callers pass `now`.
 */
import { localToday } from '../../web/time.js';

/** Organisations are asked again once an activity has not been confirmed for this many days. */
export const REMIND_AFTER_DAYS = 30;
/** After this many days without a confirmation the public sees "not confirmed since …". */
export const STALE_AFTER_DAYS = 90;
/** After this many days it leaves the week, the start page and the lists (its own page stays). */
export const HIDDEN_AFTER_DAYS = 180;

export type Freshness = 'fresh' | 'due' | 'stale' | 'hidden';

const DAY_MS = 86_400_000;
const before = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

/** The instants (ISO, UTC) the rules compare `confirmed_at` with: older than each is past it. */
export interface FreshnessCutoffs {
  remindBefore: string;
  staleBefore: string;
  hiddenBefore: string;
}

export function freshnessCutoffs(now: Date): FreshnessCutoffs {
  return { remindBefore: before(now, REMIND_AFTER_DAYS), staleBefore: before(now, STALE_AFTER_DAYS), hiddenBefore: before(now, HIDDEN_AFTER_DAYS) };
}

/** Where an activity confirmed at `confirmedAt` stands at `now` (an empty or unreadable stamp counts as never confirmed). */
export function freshnessOf(confirmedAt: string, now: Date): Freshness {
  const c = freshnessCutoffs(now);
  if (confirmedAt < c.hiddenBefore) return 'hidden';
  if (confirmedAt < c.staleBefore) return 'stale';
  if (confirmedAt < c.remindBefore) return 'due';
  return 'fresh';
}

/** The public says "not confirmed since …" from 90 days on (and still does once it left the week). */
export function isUnconfirmed(confirmedAt: string, now: Date): boolean {
  const f = freshnessOf(confirmedAt, now);
  return f === 'stale' || f === 'hidden';
}

/**
 * The query options of the public lists: only activities confirmed within 180 days, those older
 * than 90 marked. Lists an organisation's own readers ask for pass only `staleBefore`.
 */
export function publicListCutoffs(now: Date): { confirmedSince: string; staleBefore: string } {
  const c = freshnessCutoffs(now);
  return { confirmedSince: c.hiddenBefore, staleBefore: c.staleBefore };
}

/** The local date (Stockholm) of a confirmation, for showing; null when there never was one. */
export function confirmedDate(confirmedAt: string): string | null {
  const at = new Date(confirmedAt);
  return confirmedAt === '' || Number.isNaN(at.getTime()) ? null : localToday(at);
}
