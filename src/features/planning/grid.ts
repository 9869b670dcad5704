/**
 * The week grid: how many activities run in each weekday × hour slot over a period, and where nothing
 * is on. Pure: occurrences arrive already expanded and filtered (category, district, audience, ...).
 */

export interface GridOccurrence {
  /** Local date in Stockholm the occurrence starts on. */
  localDate: string;
  /** Local wall-clock HH:MM; an end at or before the start runs past midnight. */
  startTime: string;
  endTime: string;
  activityId: number;
}

/** grid[weekday][hour]: weekday 0 = Monday … 6 = Sunday (ISO weekday − 1), hour 0–23. */
export type WeekGrid = number[][];

const MINUTES_PER_DAY = 24 * 60;
/** The evening the gap summary looks at: slots 17:00 to 21:00. */
export const EVENING_FROM_HOUR = 17;
export const EVENING_TO_HOUR = 21;

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** ISO weekday − 1 (0 = Monday) of a YYYY-MM-DD date, without time zones: a date has none. */
function weekdayIndex(date: string): number {
  const day = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));
  return (day.getUTCDay() + 6) % 7;
}

export function emptyGrid(): WeekGrid {
  return Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
}

/**
 * For each weekday and hour h, the number of distinct activities with at least one occurrence on that
 * weekday in [from, to] (local dates, inclusive) overlapping the slot [h:00, h+1:00). 18:00–20:00 covers
 * 18 and 19; 18:30–19:00 covers 18 only. An occurrence past midnight counts up to 24:00 of the day it
 * starts on: the grid describes when things start their evening, not the small hours after.
 */
export function weekGrid(occurrences: readonly GridOccurrence[], from: string, to: string): WeekGrid {
  // One 168-slot mask per activity, so an activity meeting every Tuesday counts once per slot.
  const masks = new Map<number, Uint8Array>();
  const weekdays = new Map<string, number>();
  for (const o of occurrences) {
    if (o.localDate < from || o.localDate > to) continue;
    let weekday = weekdays.get(o.localDate);
    if (weekday === undefined) {
      weekday = weekdayIndex(o.localDate);
      weekdays.set(o.localDate, weekday);
    }
    const start = minutesOf(o.startTime);
    let end = minutesOf(o.endTime);
    if (end <= start) end = MINUTES_PER_DAY;
    let mask = masks.get(o.activityId);
    if (!mask) {
      mask = new Uint8Array(7 * 24);
      masks.set(o.activityId, mask);
    }
    const lastHour = Math.ceil(end / 60) - 1;
    for (let h = Math.floor(start / 60); h <= lastHour; h++) mask[weekday * 24 + h] = 1;
  }
  const counts = new Array<number>(7 * 24).fill(0);
  for (const mask of masks.values()) for (let i = 0; i < counts.length; i++) counts[i]! += mask[i]!;
  return Array.from({ length: 7 }, (_, d) => counts.slice(d * 24, d * 24 + 24));
}

export interface GridGaps {
  /** ISO weekdays (1 = Monday … 7 = Sunday) with nothing at any hour. */
  emptyWeekdays: number[];
  /** ISO weekdays with something on but nothing between 17:00 and 21:00 (fully empty days are not repeated). */
  emptyEvenings: number[];
  /** Districts whose count is 0, in the order the map gives them. */
  emptyDistricts: string[];
}

/**
 * Where nothing is on, for the summary under the grid ("no language café on Saturdays; none in
 * Brickebacken"). `byDistrict` counts activities per district slug over the same selection and should
 * list every district, zeros included: a district missing from it is not reported.
 */
export function gaps(grid: WeekGrid, options: { byDistrict?: ReadonlyMap<string, number> } = {}): GridGaps {
  const emptyWeekdays: number[] = [];
  const emptyEvenings: number[] = [];
  grid.forEach((hours, d) => {
    if (hours.every((n) => n === 0)) emptyWeekdays.push(d + 1);
    else if (hours.slice(EVENING_FROM_HOUR, EVENING_TO_HOUR).every((n) => n === 0)) emptyEvenings.push(d + 1);
  });
  const emptyDistricts = [...(options.byDistrict ?? new Map<string, number>())]
    .filter(([, n]) => n === 0)
    .map(([slug]) => slug);
  return { emptyWeekdays, emptyEvenings, emptyDistricts };
}

/** Activities per district for `gaps`: every known district, zeros included; unplaced ones are left out. */
export function countByDistrict(
  districtSlugs: readonly string[],
  activities: readonly { districtSlug: string | null }[],
): Map<string, number> {
  const counts = new Map<string, number>(districtSlugs.map((slug) => [slug, 0]));
  for (const a of activities) {
    if (a.districtSlug !== null && counts.has(a.districtSlug)) counts.set(a.districtSlug, counts.get(a.districtSlug)! + 1);
  }
  return counts;
}

