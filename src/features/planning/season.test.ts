import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../web/time.js';
import { setWeekOpen, summerWeeks, type Pause } from './season.js';

const p = (fromDate: string, toDate: string, note: string | null = null): Pause => ({ fromDate, toDate, note });

describe('summer weeks', () => {
  it('run from the week of midsummer eve to the week of 15 August', () => {
    const weeks = summerWeeks(2027);
    expect(weeks[0]!.monday).toBe('2027-06-21');
    expect(weeks.at(-1)!.monday).toBe('2027-08-09');
  });
});

describe('setWeekOpen', () => {
  it('closes a week as a pause of its own', () => {
    expect(setWeekOpen([], '2027-07-05', false, 'Stängt')).toEqual([p('2027-07-05', '2027-07-11', 'Stängt')]);
  });

  it('joins a closed week with the pauses it touches', () => {
    const pauses = [p('2027-06-21', '2027-07-04', 'Sommar'), p('2027-07-12', '2027-08-15', 'Sommar')];
    expect(setWeekOpen(pauses, '2027-07-05', false)).toEqual([p('2027-06-21', '2027-08-15', 'Sommar')]);
  });

  it('cuts an opened week out of a summer break, splitting it', () => {
    const pauses = [p('2027-06-20', '2027-08-16', 'Sommaruppehåll')];
    expect(setWeekOpen(pauses, '2027-07-05', true)).toEqual([p('2027-06-20', '2027-07-04', 'Sommaruppehåll'), p('2027-07-12', '2027-08-16', 'Sommaruppehåll')]);
  });

  it('opens a week at the edge of a pause and leaves other pauses alone', () => {
    const pauses = [p('2026-12-21', '2027-01-03'), p('2027-07-05', '2027-07-20')];
    expect(setWeekOpen(pauses, '2027-07-05', true)).toEqual([p('2026-12-21', '2027-01-03'), p('2027-07-12', '2027-07-20')]);
  });

  it('closing then opening a week gives back the days outside it, for any pauses', () => {
    const day = fc.integer({ min: 0, max: 120 }).map((n) => addDays('2027-05-01', n));
    const pause = fc.tuple(day, fc.integer({ min: 0, max: 30 })).map(([from, len]) => p(from, addDays(from, len)));
    fc.assert(
      fc.property(fc.array(pause, { maxLength: 4 }), fc.integer({ min: 0, max: 15 }), (pauses, w) => {
        const monday = addDays('2027-05-03', w * 7);
        const inWeek = (d: string) => d >= monday && d <= addDays(monday, 6);
        const covered = (list: Pause[], d: string) => list.some((x) => x.fromDate <= d && d <= x.toDate);
        const closed = setWeekOpen(pauses, monday, false);
        const opened = setWeekOpen(closed, monday, true);
        for (let i = 0; i < 170; i++) {
          const d = addDays('2027-04-25', i);
          expect(covered(closed, d)).toBe(inWeek(d) || covered(pauses, d));
          expect(covered(opened, d)).toBe(!inWeek(d) && covered(pauses, d));
        }
      }),
      { numRuns: 200 },
    );
  });
});
