/**
 * Clashes: other activities of the same category that meet at the same time as the one an editor is
 * saving, nearest first. Pure: occurrences arrive already expanded for the window the caller chose.
 */
import { addDays } from '../../web/time.js';
import { distanceMeters } from './geo.js';

/** How far ahead the editor's clash check looks. */
export const CLASH_WINDOW_WEEKS = 12;

/** The local dates [from, to] a clash check covers, starting on `today` (pass it: rules read no clock). */
export function clashWindow(today: string): { from: string; to: string } {
  return { from: today, to: addDays(today, CLASH_WINDOW_WEEKS * 7 - 1) };
}

export interface PlannedOccurrence {
  /** UTC instants (ISO 8601). */
  startsAt: string;
  endsAt: string;
  /** Local date in Stockholm the occurrence starts on. */
  localDate: string;
}

export interface PlannedActivity {
  id: number;
  category: string;
  districtSlug: string | null;
  latitude: number | null;
  longitude: number | null;
  /** Scheduled occurrences only (not cancelled, not skipped for holidays). */
  occurrences: PlannedOccurrence[];
}

export interface Clash {
  activityId: number;
  /** Distinct local dates of the subject on which the two overlap. */
  overlappingDates: number;
  /** The earliest of those dates. */
  firstDate: string;
  sameDistrict: boolean;
  /** Between the two places, or null when either has no coordinates. */
  distanceMeters: number | null;
}

const DAY_MS = 86_400_000;

interface Interval {
  start: number;
  end: number;
  localDate: string;
}

/** The subject's intervals under every UTC day they touch, so a lookup sees each candidate once per day. */
function bucketByDay(occurrences: readonly PlannedOccurrence[]): Map<number, Interval[]> {
  const buckets = new Map<number, Interval[]>();
  for (const o of occurrences) {
    const start = Date.parse(o.startsAt);
    const end = Date.parse(o.endsAt);
    if (!(end > start)) continue;
    const interval = { start, end, localDate: o.localDate };
    for (let day = Math.floor(start / DAY_MS); day <= Math.floor((end - 1) / DAY_MS); day++) {
      const list = buckets.get(day);
      if (list) list.push(interval);
      else buckets.set(day, [interval]);
    }
  }
  return buckets;
}

function overlappingSubjectDates(buckets: Map<number, Interval[]>, other: PlannedActivity): Set<string> {
  const dates = new Set<string>();
  for (const o of other.occurrences) {
    const start = Date.parse(o.startsAt);
    const end = Date.parse(o.endsAt);
    if (!(end > start)) continue;
    for (let day = Math.floor(start / DAY_MS); day <= Math.floor((end - 1) / DAY_MS); day++) {
      const list = buckets.get(day);
      if (!list) continue;
      // Half-open intervals: one ending when the other starts does not clash.
      for (const s of list) if (s.start < end && start < s.end) dates.add(s.localDate);
    }
  }
  return dates;
}

function distanceBetween(a: PlannedActivity, b: PlannedActivity): number | null {
  if (a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null) return null;
  return distanceMeters(
    { latitude: a.latitude, longitude: a.longitude },
    { latitude: b.latitude, longitude: b.longitude },
  );
}

/** Same district first, then nearest (unknown distance last), then more overlapping dates, then id. */
export function compareClashes(a: Clash, b: Clash): number {
  if (a.sameDistrict !== b.sameDistrict) return a.sameDistrict ? -1 : 1;
  if (a.distanceMeters !== b.distanceMeters) {
    if (a.distanceMeters === null) return 1;
    if (b.distanceMeters === null) return -1;
    return a.distanceMeters - b.distanceMeters;
  }
  if (a.overlappingDates !== b.overlappingDates) return b.overlappingDates - a.overlappingDates;
  return a.activityId - b.activityId;
}

/**
 * The other activities of the subject's category whose occurrences overlap the subject's in time
 * (start A < end B and start B < end A: touching is no clash), closest first by `compareClashes`.
 * Compares UTC instants, so daylight-saving changes need no special care.
 */
export function findClashes(subject: PlannedActivity, others: readonly PlannedActivity[]): Clash[] {
  const buckets = bucketByDay(subject.occurrences);
  if (buckets.size === 0) return [];
  const clashes: Clash[] = [];
  for (const other of others) {
    if (other.id === subject.id || other.category !== subject.category) continue;
    const dates = overlappingSubjectDates(buckets, other);
    if (dates.size === 0) continue;
    let firstDate: string | null = null;
    for (const d of dates) if (firstDate === null || d < firstDate) firstDate = d;
    clashes.push({
      activityId: other.id,
      overlappingDates: dates.size,
      firstDate: firstDate!,
      sameDistrict: subject.districtSlug !== null && subject.districtSlug === other.districtSlug,
      distanceMeters: distanceBetween(subject, other),
    });
  }
  return clashes.sort(compareClashes);
}

/** Another activity meeting this near (besides one in the same district) is a clash worth telling an editor about. */
export const NEARBY_METERS = 3000;

/**
 * The clashes an editor is told about: `findClashes` limited to the same district or within
 * NEARBY_METERS. The save warning and the workspace's list of existing clashes both use this rule.
 */
export function findNearbyClashes(subject: PlannedActivity, others: readonly PlannedActivity[]): Clash[] {
  return findClashes(subject, others).filter((c) => c.sameDistrict || (c.distanceMeters !== null && c.distanceMeters < NEARBY_METERS));
}

/** What plannedActivities needs of a listed occurrence (the calendar's OccurrenceItem has it). */
export interface ListedOccurrence extends PlannedOccurrence {
  activityId: number;
  category: string;
  status: string;
  place: { districtSlug: string | null; latitude: number | null; longitude: number | null } | null;
}

/** Listed occurrences grouped into planned activities, cancelled ones left out; by activity id. */
export function plannedActivities<T extends ListedOccurrence>(items: readonly T[]): Map<number, PlannedActivity & { first: T }> {
  const planned = new Map<number, PlannedActivity & { first: T }>();
  for (const o of items) {
    if (o.status === 'cancelled') continue;
    let p = planned.get(o.activityId);
    if (!p) {
      p = {
        id: o.activityId,
        category: o.category,
        districtSlug: o.place?.districtSlug ?? null,
        latitude: o.place?.latitude ?? null,
        longitude: o.place?.longitude ?? null,
        occurrences: [],
        first: o,
      };
      planned.set(o.activityId, p);
    }
    p.occurrences.push({ startsAt: o.startsAt, endsAt: o.endsAt, localDate: o.localDate });
  }
  return planned;
}
