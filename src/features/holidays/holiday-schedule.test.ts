import { describe, it, expect } from 'vitest';
import { expandSchedule, type Schedule } from '../calendar/index.js';
import { applyHolidays } from './holiday-schedule.js';
import { swedishHolidays } from './holidays.js';

const holidays = swedishHolidays(2026, 2027);

/** A weekly Friday 18:00–20:00 schedule from 2 January 2026, with overrides. */
function fridays(overrides: Partial<Schedule> = {}): Schedule {
  return {
    recurrence: { kind: 'weekly', interval: 1, weekdays: ['FR'] },
    startDate: '2026-01-02',
    startTime: '18:00',
    endTime: '20:00',
    validUntil: null,
    pauses: [],
    exceptions: [],
    changes: [],
    // The rule under test takes holidays away itself, so the expansion must keep them.
    runsOnHolidays: true,
    ...overrides,
  };
}

describe('applyHolidays', () => {
  it('takes långfredagen, första maj and midsommarafton away from a Friday activity that does not run on holidays', () => {
    const occ = expandSchedule(fridays(), '2026-03-27', '2026-06-26');
    const { kept, skipped } = applyHolidays(occ, false, holidays);
    expect(skipped).toEqual([
      { date: '2026-04-03', holiday: 'långfredagen', kind: 'public' },
      { date: '2026-05-01', holiday: 'första maj', kind: 'public' },
      { date: '2026-06-19', holiday: 'midsommarafton', kind: 'eve' },
    ]);
    expect(kept.map((o) => o.localDate)).not.toContain('2026-04-03');
    expect(kept.length + skipped.length).toBe(occ.length);
    const holidayDates = new Set(['2026-04-03', '2026-05-01', '2026-06-19']);
    expect(kept).toEqual(occ.filter((o) => !holidayDates.has(o.localDate)));
  });

  it('keeps every occurrence of an activity that runs on holidays', () => {
    const occ = expandSchedule(fridays(), '2026-03-27', '2026-06-26');
    expect(applyHolidays(occ, true, holidays)).toEqual({ kept: occ, skipped: [] });
  });

  it('keeps an occurrence an editor moved onto a holiday, and does not list a cancelled one as skipped', () => {
    const occ = expandSchedule(
      fridays({
        changes: [
          { originalDate: '2026-12-18', kind: 'moved', newDate: '2026-12-24', newStartTime: '11:00', newEndTime: '13:00', note: null },
          { originalDate: '2026-12-25', kind: 'cancelled', newDate: null, newStartTime: null, newEndTime: null, note: 'Jul' },
        ],
      }),
      '2026-12-14',
      '2027-01-03',
    );
    const { kept, skipped } = applyHolidays(occ, false, holidays);
    expect(kept.map((o) => [o.localDate, o.status])).toEqual([
      ['2026-12-24', 'moved'],
      ['2026-12-25', 'cancelled'],
    ]);
    expect(skipped).toEqual([{ date: '2027-01-01', holiday: 'nyårsdagen', kind: 'public' }]);
  });

  it('decides by local date, so a late-evening occurrence before a holiday is kept', () => {
    const thursday = fridays({ recurrence: { kind: 'weekly', interval: 1, weekdays: ['TH'] }, startTime: '22:00', endTime: '01:00' });
    const { kept, skipped } = applyHolidays(expandSchedule(thursday, '2026-04-02', '2026-04-02'), false, holidays);
    expect(kept.map((o) => o.localDate)).toEqual(['2026-04-02']);
    expect(skipped).toEqual([]);
  });
});
