import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { WEEKDAYS, expandSchedule, type Recurrence, type Schedule } from '../calendar/index.js';
import { addDays, isoWeekday } from '../../web/time.js';
import { countByDistrict, emptyGrid, gaps, weekGrid, type GridOccurrence, type WeekGrid } from './grid.js';

/** Tuesday 3 March 2026 and the days around it. */
const TUE = '2026-03-03';
const WED = '2026-03-04';

function occ(activityId: number, localDate: string, startTime: string, endTime: string): GridOccurrence {
  return { activityId, localDate, startTime, endTime };
}

/** The hours of one weekday (1 = Monday) that have a non-zero count. */
function busyHours(grid: WeekGrid, isoDay: number): number[] {
  return grid[isoDay - 1]!.flatMap((n, h) => (n > 0 ? [h] : []));
}

describe('weekGrid', () => {
  it('covers each hour slot an occurrence overlaps, and not the hour it ends on', () => {
    const grid = weekGrid([occ(1, TUE, '18:00', '20:00'), occ(2, WED, '18:30', '19:00')], TUE, WED);
    expect(busyHours(grid, 2)).toEqual([18, 19]);
    expect(busyHours(grid, 3)).toEqual([18]);
    expect(grid.flat().reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('counts an activity past midnight up to 24:00 of the day it starts only', () => {
    const grid = weekGrid([occ(1, TUE, '22:30', '01:00')], TUE, TUE);
    expect(busyHours(grid, 2)).toEqual([22, 23]);
    expect(busyHours(grid, 3)).toEqual([]);
  });

  it('counts distinct activities: one meeting every Tuesday counts once, two count twice', () => {
    const grid = weekGrid(
      [
        occ(1, TUE, '18:00', '19:00'),
        occ(1, addDays(TUE, 7), '18:00', '19:00'),
        occ(1, addDays(TUE, 14), '18:30', '19:30'),
        occ(2, addDays(TUE, 7), '18:45', '19:15'),
      ],
      TUE,
      addDays(TUE, 14),
    );
    expect(grid[1]![18]).toBe(2);
    expect(grid[1]![19]).toBe(2);
    expect(grid[1]![17]).toBe(0);
  });

  it('leaves out occurrences outside [from, to]', () => {
    const grid = weekGrid([occ(1, addDays(TUE, -1), '10:00', '11:00'), occ(2, addDays(WED, 1), '10:00', '11:00')], TUE, WED);
    expect(grid).toEqual(emptyGrid());
  });

  it('equals a minute-by-minute count for random schedules expanded over a random window', () => {
    const weekday = fc.constantFrom(...WEEKDAYS);
    const recurrence: fc.Arbitrary<Recurrence> = fc.oneof(
      fc.constant<Recurrence>({ kind: 'once' }),
      fc.record({
        kind: fc.constant('weekly' as const),
        interval: fc.constantFrom(1, 2),
        weekdays: fc.uniqueArray(weekday, { minLength: 1, maxLength: 3 }),
      }),
      fc.record({ kind: fc.constant('monthly' as const), nth: fc.constantFrom(-1, 1, 2, 3, 4), weekday }),
    );
    const time = fc
      .integer({ min: 0, max: 24 * 60 - 1 })
      .map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
    const schedule: fc.Arbitrary<Schedule> = fc
      .record({ recurrence, startOffset: fc.integer({ min: 0, max: 120 }), startTime: time, endTime: time })
      .filter((s) => s.startTime !== s.endTime)
      .map(({ recurrence, startOffset, startTime, endTime }) => ({
        recurrence,
        startDate: addDays('2026-01-01', startOffset),
        startTime,
        endTime,
        validUntil: null,
        pauses: [],
        exceptions: [],
        changes: [],
      }));
    const window = fc.record({ fromOffset: fc.integer({ min: 0, max: 150 }), days: fc.integer({ min: 0, max: 90 }) });

    fc.assert(
      fc.property(fc.array(schedule, { minLength: 1, maxLength: 6 }), window, (schedules, w) => {
        const from = addDays('2026-01-01', w.fromOffset);
        const to = addDays(from, w.days);
        // Expanded a week beyond the window on both sides, so the grid must do its own filtering.
        const occurrences = schedules.flatMap((s, i) =>
          expandSchedule(s, addDays(from, -7), addDays(to, 7)).map((o) => ({ ...o, activityId: i + 1 })),
        );
        expect(weekGrid(occurrences, from, to)).toEqual(bruteForceGrid(occurrences, from, to));
      }),
      { numRuns: 150 },
    );
  });
});

/** The reference: every minute of every occurrence marks its slot for its activity. */
function bruteForceGrid(occurrences: GridOccurrence[], from: string, to: string): WeekGrid {
  const seen = new Set<string>();
  for (const o of occurrences) {
    if (o.localDate < from || o.localDate > to) continue;
    const day = isoWeekday(o.localDate) - 1;
    const [sh, sm] = o.startTime.split(':').map(Number);
    const [eh, em] = o.endTime.split(':').map(Number);
    const start = sh! * 60 + sm!;
    const end = eh! * 60 + em! > start ? eh! * 60 + em! : 24 * 60;
    for (let minute = start; minute < end; minute++) seen.add(`${o.activityId}|${day}|${Math.floor(minute / 60)}`);
  }
  const grid = emptyGrid();
  for (const key of seen) {
    const [, day, hour] = key.split('|').map(Number);
    grid[day!]![hour!]!++;
  }
  return grid;
}

describe('gaps', () => {
  it('names empty weekdays, weekdays with nothing 17–21, and districts with nothing', () => {
    const grid = weekGrid(
      [
        occ(1, '2026-03-02', '18:00', '20:00'), // Monday evening
        occ(2, TUE, '10:00', '12:00'), // Tuesday morning only
        occ(3, WED, '16:00', '17:00'), // Wednesday, ends as the evening starts
        occ(4, '2026-03-05', '20:30', '22:00'), // Thursday, the last evening hour
        occ(5, '2026-03-06', '09:00', '10:00'),
        occ(5, '2026-03-07', '21:00', '23:00'), // Saturday, after the evening
      ],
      '2026-03-02',
      '2026-03-08',
    );
    const byDistrict = new Map([
      ['vivalla', 3],
      ['brickebacken', 0],
      ['baronbackarna', 0],
    ]);
    expect(gaps(grid, { byDistrict })).toEqual({
      emptyWeekdays: [7],
      emptyEvenings: [2, 3, 5, 6],
      emptyDistricts: ['brickebacken', 'baronbackarna'],
    });
  });

  it('reports no districts when given no counts, and every weekday of an empty grid', () => {
    expect(gaps(emptyGrid())).toEqual({ emptyWeekdays: [1, 2, 3, 4, 5, 6, 7], emptyEvenings: [], emptyDistricts: [] });
  });
});

describe('countByDistrict', () => {
  it('lists every known district, zeros included, and ignores unplaced activities', () => {
    const counts = countByDistrict(
      ['vivalla', 'brickebacken', 'varberga'],
      [{ districtSlug: 'vivalla' }, { districtSlug: 'vivalla' }, { districtSlug: null }, { districtSlug: 'varberga' }],
    );
    expect([...counts]).toEqual([
      ['vivalla', 2],
      ['brickebacken', 0],
      ['varberga', 1],
    ]);
  });
});
