/**
 * What the föreningslots achieves, from rows that hold no personal field: requests per month, days
 * to first contact, and the share who joined among closed cases, overall and by interest and district.
 * Erased cases count like the rest. Pure: the clock comes in as `now`.
 */
import { Temporal, TIME_ZONE } from '../../web/time.js';

/** The only fields statistics read of a case. */
export interface CaseOutcomeRow {
  id: number;
  status: string;
  createdAt: string;
  firstContactAt: string | null;
  closedAt: string | null;
  outcome: string | null;
  /** Category codes. */
  interests: string[];
  districtId: number | null;
  ageGroup: string;
  /** Requests merged into the case (1 when the person asked once). */
  requests: number;
}

/** Figures for one set of cases. */
export interface OutcomeFigures {
  /** Cases (cases a guide merged as one person count once, so this counts people). */
  cases: number;
  /** Requests including repeated ones. */
  requests: number;
  /** Median days from the request to the first contact, over cases contacted; null when none was. */
  medianDaysToContact: number | null;
  contacted: number;
  closed: number;
  joined: number;
  /** joined / closed, 0–1; null when nothing is closed. */
  joinedShare: number | null;
}

export interface MonthFigures extends OutcomeFigures {
  /** 'YYYY-MM' in Stockholm. */
  month: string;
}

export interface Breakdown<K> extends OutcomeFigures {
  key: K;
}

export interface OutcomeReport {
  /** Oldest first. */
  months: MonthFigures[];
  total: OutcomeFigures;
  /** By category code; a case with several interests counts under each, one with none under null. Biggest first. */
  byInterest: Breakdown<string | null>[];
  /** By district id (null: none given). Biggest first. */
  byDistrict: Breakdown<number | null>[];
  /** The first instant counted (start of the oldest month, UTC ISO). */
  since: string;
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Days (with fractions) from one instant to another. */
export function daysBetweenInstants(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

/** The Stockholm month ('YYYY-MM') an instant falls in. */
export function monthOf(instant: string): string {
  return Temporal.Instant.from(instant).toZonedDateTimeISO(TIME_ZONE).toPlainDate().toString().slice(0, 7);
}

/** The last `count` months up to and including the one `now` falls in, oldest first. */
export function lastMonths(now: Date, count = 12): string[] {
  const current = Temporal.PlainYearMonth.from(monthOf(now.toISOString()));
  return Array.from({ length: count }, (_, i) => current.subtract({ months: count - 1 - i }).toString());
}

/** The instant the month starts in Stockholm, written as stored instants are (toISOString), so text comparison works. */
export function monthStart(month: string): string {
  return new Date(Temporal.PlainDate.from(`${month}-01`).toZonedDateTime({ timeZone: TIME_ZONE }).epochMilliseconds).toISOString();
}

/** The figures of a set of cases. */
export function figures(rows: readonly CaseOutcomeRow[]): OutcomeFigures {
  const waits = rows.filter((r) => r.firstContactAt !== null).map((r) => Math.max(0, daysBetweenInstants(r.createdAt, r.firstContactAt!)));
  const closed = rows.filter((r) => r.closedAt !== null || r.outcome !== null);
  const joined = closed.filter((r) => r.outcome === 'joined').length;
  return {
    cases: rows.length,
    requests: rows.reduce((n, r) => n + Math.max(1, r.requests), 0),
    medianDaysToContact: median(waits),
    contacted: waits.length,
    closed: closed.length,
    joined,
    joinedShare: closed.length === 0 ? null : joined / closed.length,
  };
}

function breakdown<K>(rows: readonly CaseOutcomeRow[], keysOf: (r: CaseOutcomeRow) => K[]): Breakdown<K>[] {
  const buckets = new Map<K, CaseOutcomeRow[]>();
  for (const r of rows) {
    for (const k of new Set(keysOf(r))) {
      const list = buckets.get(k);
      if (list) list.push(r);
      else buckets.set(k, [r]);
    }
  }
  return [...buckets].map(([key, list]) => ({ key, ...figures(list) })).sort((a, b) => b.cases - a.cases || (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) || String(a.key).localeCompare(String(b.key)));
}

/** The whole report for the twelve months (or `count`) up to `now`; rows from before are left out. */
export function outcomeReport(rows: readonly CaseOutcomeRow[], now: Date, count = 12): OutcomeReport {
  const months = lastMonths(now, count);
  const first = months[0]!;
  const inWindow = rows.filter((r) => monthOf(r.createdAt) >= first && monthOf(r.createdAt) <= months[months.length - 1]!);
  const perMonth = new Map<string, CaseOutcomeRow[]>(months.map((m) => [m, []]));
  for (const r of inWindow) perMonth.get(monthOf(r.createdAt))!.push(r);
  return {
    months: months.map((month) => ({ month, ...figures(perMonth.get(month)!) })),
    total: figures(inWindow),
    byInterest: breakdown<string | null>(inWindow, (r) => (r.interests.length === 0 ? [null] : r.interests)),
    byDistrict: breakdown<number | null>(inWindow, (r) => [r.districtId]),
    since: monthStart(first),
  };
}
