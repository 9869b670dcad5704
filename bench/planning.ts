/**
 * `npx tsx bench/planning.ts`: the co-planning rules against 5,000 published activities, in process and
 * without a database. Prints p50/p99 of clash detection for one activity (target 50 ms) and of the week
 * grid for one category (target 150 ms); the targets are printed, not asserted.
 */
import { pathToFileURL } from 'node:url';
import { districts } from '../src/demo/data.js';
import { WEEKDAYS, expandSchedule, type Recurrence, type Schedule } from '../src/features/calendar/index.js';
import { findClashes, gaps, weekGrid, type GridOccurrence, type PlannedActivity } from '../src/features/planning/index.js';
import { CATEGORY_CODES } from '../src/features/taxonomy/index.js';
import { addDays } from '../src/web/time.js';
import { prng } from './dataset.js';

const ACTIVITIES = 5_000;
const SUBJECTS = 200;
const GRID_RUNS = 100;
/** A fixed twelve-week window, so every run sees the same data whatever the date. */
const FROM = '2026-03-02';
const TO = addDays(FROM, 12 * 7 - 1);
export const TARGETS = { clashMs: 50, gridMs: 150 } as const;

export interface PlanningFigures {
  clashP50: number;
  clashP99: number;
  gridP50: number;
  gridP99: number;
}

interface BenchActivity extends PlannedActivity {
  gridOccurrences: (GridOccurrence & { category: string; districtSlug: string | null })[];
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function buildActivities(): BenchActivity[] {
  const rand = prng(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const out: BenchActivity[] = [];
  for (let id = 1; id <= ACTIVITIES; id++) {
    const roll = rand();
    const recurrence: Recurrence =
      roll < 0.5
        ? { kind: 'weekly', interval: 1, weekdays: rand() < 0.2 ? [pick(WEEKDAYS.slice(0, 3)), pick(WEEKDAYS.slice(3))] : [pick(WEEKDAYS)] }
        : roll < 0.8
          ? { kind: 'weekly', interval: 2, weekdays: [pick(WEEKDAYS)] }
          : { kind: 'monthly', nth: pick([1, 2, 3, 4, -1]), weekday: pick(WEEKDAYS) };
    // Starts between 09:00 and 19:45, lasts one to three hours, ends by 21:00.
    const start = 9 * 60 + Math.floor(rand() * 44) * 15;
    const end = Math.min(21 * 60, start + 60 + Math.floor(rand() * 9) * 15);
    const schedule: Schedule = {
      recurrence,
      startDate: addDays(FROM, -Math.floor(rand() * 60)),
      startTime: hhmm(start),
      endTime: hhmm(end),
      validUntil: null,
      pauses: rand() < 0.1 ? [{ fromDate: addDays(FROM, 28), toDate: addDays(FROM, 41), note: 'lov' }] : [],
      exceptions: [],
      changes: [],
    };
    const district = rand() < 0.95 ? pick(districts) : null;
    const placed = district !== null && rand() < 0.9;
    const category = pick(CATEGORY_CODES);
    const occurrences = expandSchedule(schedule, FROM, TO).filter((o) => o.status === 'scheduled');
    out.push({
      id,
      category,
      districtSlug: district?.slug ?? null,
      // Within about 600 m of the district's centre.
      latitude: placed ? district.latitude + (rand() - 0.5) * 0.01 : null,
      longitude: placed ? district.longitude + (rand() - 0.5) * 0.02 : null,
      occurrences: occurrences.map((o) => ({ startsAt: o.startsAt, endsAt: o.endsAt, localDate: o.localDate })),
      gridOccurrences: occurrences.map((o) => ({
        localDate: o.localDate,
        startTime: o.startTime,
        endTime: o.endTime,
        activityId: id,
        category,
        districtSlug: district?.slug ?? null,
      })),
    });
  }
  return out;
}

/** Nearest-rank percentile of a sorted list. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function timed(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export async function runPlanningBench(log: (line: string) => void = console.log): Promise<PlanningFigures> {
  const t0 = performance.now();
  const activities = buildActivities();
  const occurrenceCount = activities.reduce((n, a) => n + a.occurrences.length, 0);
  log(
    `Planning: ${ACTIVITIES.toLocaleString('en')} activities, ${occurrenceCount.toLocaleString('en')} occurrences ` +
      `${FROM}–${TO}, expanded in ${((performance.now() - t0) / 1000).toFixed(1)} s.`,
  );

  const rand = prng(7);
  const subjects = Array.from({ length: SUBJECTS }, () => activities[Math.floor(rand() * activities.length)]!);
  let clashCount = 0;
  for (const s of subjects.slice(0, 20)) findClashes(s, activities); // warm-up
  const clashTimes = subjects
    .map((s) =>
      timed(() => {
        clashCount += findClashes(s, activities).length;
      }),
    )
    .sort((a, b) => a - b);

  // The grid's input is what the occurrence query would return: all occurrences, filtered to the category here.
  const allOccurrences = activities.flatMap((a) => a.gridOccurrences);
  const districtSlugs = districts.map((d) => d.slug);
  const gridFor = (category: string) => {
    const selected = allOccurrences.filter((o) => o.category === category);
    const byDistrict = new Map<string, number>(districtSlugs.map((slug) => [slug, 0]));
    const counted = new Set<number>();
    for (const o of selected) {
      if (o.districtSlug === null || counted.has(o.activityId)) continue;
      counted.add(o.activityId);
      byDistrict.set(o.districtSlug, (byDistrict.get(o.districtSlug) ?? 0) + 1);
    }
    return gaps(weekGrid(selected, FROM, TO), { byDistrict });
  };
  for (const c of CATEGORY_CODES) gridFor(c); // warm-up
  const gridTimes: number[] = [];
  for (let run = 0; run < GRID_RUNS; run++) for (const c of CATEGORY_CODES) gridTimes.push(timed(() => gridFor(c)));
  gridTimes.sort((a, b) => a - b);

  const figures: PlanningFigures = {
    clashP50: percentile(clashTimes, 0.5),
    clashP99: percentile(clashTimes, 0.99),
    gridP50: percentile(gridTimes, 0.5),
    gridP99: percentile(gridTimes, 0.99),
  };
  const verdict = (ms: number, target: number) => (ms < target ? 'within' : 'OVER');
  log(
    `findClashes, one activity against all ${ACTIVITIES.toLocaleString('en')} (${SUBJECTS} subjects, ` +
      `${(clashCount / SUBJECTS).toFixed(1)} clashes each): p50 ${figures.clashP50.toFixed(2)} ms, ` +
      `p99 ${figures.clashP99.toFixed(2)} ms (target ${TARGETS.clashMs} ms: ${verdict(figures.clashP99, TARGETS.clashMs)})`,
  );
  log(
    `weekGrid + gaps, one category over 12 weeks (${CATEGORY_CODES.length} categories × ${GRID_RUNS} runs): ` +
      `p50 ${figures.gridP50.toFixed(2)} ms, p99 ${figures.gridP99.toFixed(2)} ms ` +
      `(target ${TARGETS.gridMs} ms: ${verdict(figures.gridP99, TARGETS.gridMs)})`,
  );
  return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runPlanningBench();
}
