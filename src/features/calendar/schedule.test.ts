import { describe, it, expect } from 'vitest';
import {
  ScheduleError,
  expandSchedule,
  parseRRule,
  skippedDates,
  toRRule,
  validateSchedule,
  type Recurrence,
  type Schedule,
} from './schedule.js';

/** A weekly Tuesday 18:00–20:00 schedule from 3 March 2026, with overrides. */
/** A schedule that meets on holidays too, so these tests see the rule alone; holidays have their own tests. */
function schedule(overrides: Partial<Schedule> = {}): Schedule {
  return {
    recurrence: { kind: 'weekly', interval: 1, weekdays: ['TU'] },
    startDate: '2026-03-03',
    startTime: '18:00',
    endTime: '20:00',
    validUntil: null,
    pauses: [],
    exceptions: [],
    changes: [],
    runsOnHolidays: true,
    ...overrides,
  };
}

function dates(s: Schedule, from: string, to: string): string[] {
  return expandSchedule(s, from, to).map((o) => o.localDate);
}

function daysApart(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

function errorCode(fn: () => unknown): string | null {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScheduleError) return e.code;
    throw e;
  }
  return null;
}

describe('expandSchedule across daylight saving time', () => {
  const sundays = schedule({
    recurrence: { kind: 'weekly', interval: 1, weekdays: ['SU'] },
    startDate: '2026-01-04',
  });

  it('keeps 18:00 local when summer time starts on 29 March 2026', () => {
    const occ = expandSchedule(sundays, '2026-03-22', '2026-04-05');
    expect(occ.map((o) => [o.localDate, o.startTime, o.endTime, o.startsAt, o.endsAt])).toEqual([
      ['2026-03-22', '18:00', '20:00', '2026-03-22T17:00:00Z', '2026-03-22T19:00:00Z'],
      ['2026-03-29', '18:00', '20:00', '2026-03-29T16:00:00Z', '2026-03-29T18:00:00Z'],
      ['2026-04-05', '18:00', '20:00', '2026-04-05T16:00:00Z', '2026-04-05T18:00:00Z'],
    ]);
  });

  it('keeps 18:00 local when summer time ends on 25 October 2026', () => {
    const occ = expandSchedule(sundays, '2026-10-18', '2026-11-01');
    expect(occ.map((o) => [o.localDate, o.startTime, o.endTime, o.startsAt, o.endsAt])).toEqual([
      ['2026-10-18', '18:00', '20:00', '2026-10-18T16:00:00Z', '2026-10-18T18:00:00Z'],
      ['2026-10-25', '18:00', '20:00', '2026-10-25T17:00:00Z', '2026-10-25T19:00:00Z'],
      ['2026-11-01', '18:00', '20:00', '2026-11-01T17:00:00Z', '2026-11-01T19:00:00Z'],
    ]);
  });

  it('keeps a weekday schedule at 18:00 on the weeks before and after each change', () => {
    const occ = expandSchedule(schedule(), '2026-03-24', '2026-03-31');
    expect(occ.map((o) => [o.localDate, o.startsAt])).toEqual([
      ['2026-03-24', '2026-03-24T17:00:00Z'],
      ['2026-03-31', '2026-03-31T16:00:00Z'],
    ]);
    const autumn = expandSchedule(schedule(), '2026-10-20', '2026-10-27');
    expect(autumn.map((o) => [o.localDate, o.startsAt])).toEqual([
      ['2026-10-20', '2026-10-20T16:00:00Z'],
      ['2026-10-27', '2026-10-27T17:00:00Z'],
    ]);
  });
});

describe('expandSchedule: weekly rules', () => {
  it('produces every Tuesday with scheduled status and no note', () => {
    expect(expandSchedule(schedule(), '2026-03-01', '2026-03-17')).toEqual([
      {
        localDate: '2026-03-03',
        startTime: '18:00',
        endTime: '20:00',
        startsAt: '2026-03-03T17:00:00Z',
        endsAt: '2026-03-03T19:00:00Z',
        status: 'scheduled',
        originalDate: '2026-03-03',
        note: null,
      },
      {
        localDate: '2026-03-10',
        startTime: '18:00',
        endTime: '20:00',
        startsAt: '2026-03-10T17:00:00Z',
        endsAt: '2026-03-10T19:00:00Z',
        status: 'scheduled',
        originalDate: '2026-03-10',
        note: null,
      },
      {
        localDate: '2026-03-17',
        startTime: '18:00',
        endTime: '20:00',
        startsAt: '2026-03-17T17:00:00Z',
        endsAt: '2026-03-17T19:00:00Z',
        status: 'scheduled',
        originalDate: '2026-03-17',
        note: null,
      },
    ]);
  });

  it('includes occurrences on both edges of the window', () => {
    expect(dates(schedule(), '2026-03-10', '2026-03-24')).toEqual(['2026-03-10', '2026-03-17', '2026-03-24']);
    expect(dates(schedule(), '2026-03-11', '2026-03-23')).toEqual(['2026-03-17']);
  });

  it('every other week gives exactly alternate weeks', () => {
    const s = schedule({ recurrence: { kind: 'weekly', interval: 2, weekdays: ['WE'] }, startDate: '2026-01-07' });
    expect(dates(s, '2026-01-01', '2026-03-10')).toEqual([
      '2026-01-07',
      '2026-01-21',
      '2026-02-04',
      '2026-02-18',
      '2026-03-04',
    ]);
  });

  it('every other week stays on the right weeks when the window starts on an off week', () => {
    const s = schedule({ recurrence: { kind: 'weekly', interval: 2, weekdays: ['WE'] }, startDate: '2026-01-07' });
    // 2026-03-11 is an off Wednesday (on-weeks: …, 03-04, 03-18, …).
    expect(dates(s, '2026-03-09', '2026-04-19')).toEqual(['2026-03-18', '2026-04-01', '2026-04-15']);
    expect(dates(s, '2026-03-11', '2026-03-17')).toEqual([]);
  });

  it('every other week keeps 14-day spacing across the 53-week year 2026 into 2027', () => {
    const s = schedule({ recurrence: { kind: 'weekly', interval: 2, weekdays: ['WE'] }, startDate: '2026-01-07' });
    const got = dates(s, '2026-11-20', '2027-02-20');
    expect(got).toEqual([
      '2026-11-25',
      '2026-12-09',
      '2026-12-23',
      '2027-01-06',
      '2027-01-20',
      '2027-02-03',
      '2027-02-17',
    ]);
    for (let i = 1; i < got.length; i++) expect(daysApart(got[i - 1]!, got[i]!)).toBe(14);
  });

  it('every other week on two weekdays alternates whole weeks', () => {
    const s = schedule({ recurrence: { kind: 'weekly', interval: 2, weekdays: ['MO', 'WE'] }, startDate: '2026-03-04' });
    expect(dates(s, '2026-03-01', '2026-04-20')).toEqual([
      '2026-03-04',
      '2026-03-16',
      '2026-03-18',
      '2026-03-30',
      '2026-04-01',
      '2026-04-13',
      '2026-04-15',
    ]);
  });

  it('two weekdays a week (MO,WE) gives both days every week', () => {
    const s = schedule({ recurrence: { kind: 'weekly', interval: 1, weekdays: ['MO', 'WE'] }, startDate: '2026-03-02' });
    const occ = expandSchedule(s, '2026-03-01', '2026-03-20');
    expect(occ.map((o) => o.localDate)).toEqual([
      '2026-03-02',
      '2026-03-04',
      '2026-03-09',
      '2026-03-11',
      '2026-03-16',
      '2026-03-18',
    ]);
    expect(occ.every((o) => o.startTime === '18:00' && o.endTime === '20:00')).toBe(true);
  });

  it('does not produce the start date when it is not one of the weekdays', () => {
    // Starts on Wednesday 4 March, meets on Tuesdays.
    expect(dates(schedule({ startDate: '2026-03-04' }), '2026-03-01', '2026-03-20')).toEqual([
      '2026-03-10',
      '2026-03-17',
    ]);
  });
});

describe('expandSchedule: monthly rules', () => {
  it('2nd Tuesday of each month', () => {
    const s = schedule({ recurrence: { kind: 'monthly', nth: 2, weekday: 'TU' }, startDate: '2026-01-01' });
    expect(dates(s, '2026-01-01', '2026-06-30')).toEqual([
      '2026-01-13',
      '2026-02-10',
      '2026-03-10',
      '2026-04-14',
      '2026-05-12',
      '2026-06-09',
    ]);
  });

  it('2nd Tuesday starts with the first one on or after the start date', () => {
    const s = schedule({ recurrence: { kind: 'monthly', nth: 2, weekday: 'TU' }, startDate: '2026-01-20' });
    expect(dates(s, '2026-01-01', '2026-03-31')).toEqual(['2026-02-10', '2026-03-10']);
  });

  it('last Friday (-1FR), including months with five Fridays', () => {
    const s = schedule({ recurrence: { kind: 'monthly', nth: -1, weekday: 'FR' }, startDate: '2026-01-01' });
    const occ = expandSchedule(s, '2026-01-01', '2026-06-30');
    // January and May 2026 have five Fridays: the last is the 5th, not the 4th.
    expect(occ.map((o) => [o.localDate, o.startsAt])).toEqual([
      ['2026-01-30', '2026-01-30T17:00:00Z'],
      ['2026-02-27', '2026-02-27T17:00:00Z'],
      ['2026-03-27', '2026-03-27T17:00:00Z'],
      ['2026-04-24', '2026-04-24T16:00:00Z'],
      ['2026-05-29', '2026-05-29T16:00:00Z'],
      ['2026-06-26', '2026-06-26T16:00:00Z'],
    ]);
  });

  it('5th Friday only happens in months that have one', () => {
    const s = schedule({ recurrence: { kind: 'monthly', nth: 5, weekday: 'FR' }, startDate: '2026-01-01' });
    expect(dates(s, '2026-01-01', '2026-12-31')).toEqual(['2026-01-30', '2026-05-29', '2026-07-31', '2026-10-30']);
  });
});

describe('expandSchedule: one-off', () => {
  const once = schedule({ recurrence: { kind: 'once' }, startDate: '2026-05-16', startTime: '13:00', endTime: '15:00' });

  it('appears when its date is in the range', () => {
    expect(expandSchedule(once, '2026-05-01', '2026-05-31')).toEqual([
      {
        localDate: '2026-05-16',
        startTime: '13:00',
        endTime: '15:00',
        startsAt: '2026-05-16T11:00:00Z',
        endsAt: '2026-05-16T13:00:00Z',
        status: 'scheduled',
        originalDate: '2026-05-16',
        note: null,
      },
    ]);
    expect(dates(once, '2026-05-16', '2026-05-16')).toEqual(['2026-05-16']);
  });

  it('does not appear when its date is outside the range', () => {
    expect(expandSchedule(once, '2026-04-01', '2026-05-15')).toEqual([]);
    expect(expandSchedule(once, '2026-05-17', '2026-06-30')).toEqual([]);
  });
});

describe('expandSchedule: start date and validUntil', () => {
  it('validUntil is inclusive', () => {
    expect(dates(schedule({ validUntil: '2026-03-24' }), '2026-03-01', '2026-04-30')).toEqual([
      '2026-03-03',
      '2026-03-10',
      '2026-03-17',
      '2026-03-24',
    ]);
    expect(dates(schedule({ validUntil: '2026-03-23' }), '2026-03-01', '2026-04-30')).toEqual([
      '2026-03-03',
      '2026-03-10',
      '2026-03-17',
    ]);
  });

  it('nothing after validUntil', () => {
    expect(expandSchedule(schedule({ validUntil: '2026-03-24' }), '2026-03-25', '2026-05-31')).toEqual([]);
  });

  it('starts at startDate even if the window starts earlier', () => {
    expect(dates(schedule(), '2026-02-01', '2026-03-10')).toEqual(['2026-03-03', '2026-03-10']);
  });

  it('a window before the start date gives nothing', () => {
    expect(expandSchedule(schedule(), '2026-01-01', '2026-03-02')).toEqual([]);
    expect(skippedDates(schedule({ exceptions: ['2026-02-24'] }), '2026-01-01', '2026-03-02')).toEqual([]);
  });
});

describe('pauses and exceptions', () => {
  const summer = schedule({
    pauses: [{ fromDate: '2026-06-16', toDate: '2026-08-11', note: 'Sommaruppehåll' }],
    exceptions: ['2026-05-05'],
  });

  it('a pause removes occurrences from fromDate to toDate inclusive', () => {
    expect(dates(summer, '2026-06-01', '2026-08-31')).toEqual([
      '2026-06-02',
      '2026-06-09',
      '2026-08-18',
      '2026-08-25',
    ]);
  });

  it('skippedDates reports paused dates with the pause note', () => {
    expect(skippedDates(summer, '2026-06-01', '2026-08-31')).toEqual([
      { date: '2026-06-16', reason: 'paused', note: 'Sommaruppehåll' },
      { date: '2026-06-23', reason: 'paused', note: 'Sommaruppehåll' },
      { date: '2026-06-30', reason: 'paused', note: 'Sommaruppehåll' },
      { date: '2026-07-07', reason: 'paused', note: 'Sommaruppehåll' },
      { date: '2026-07-14', reason: 'paused', note: 'Sommaruppehåll' },
      { date: '2026-07-21', reason: 'paused', note: 'Sommaruppehåll' },
      { date: '2026-07-28', reason: 'paused', note: 'Sommaruppehåll' },
      { date: '2026-08-04', reason: 'paused', note: 'Sommaruppehåll' },
      { date: '2026-08-11', reason: 'paused', note: 'Sommaruppehåll' },
    ]);
  });

  it('a pause without a note reports a null note', () => {
    const s = schedule({ pauses: [{ fromDate: '2026-04-07', toDate: '2026-04-07', note: null }] });
    expect(dates(s, '2026-03-31', '2026-04-14')).toEqual(['2026-03-31', '2026-04-14']);
    expect(skippedDates(s, '2026-03-31', '2026-04-14')).toEqual([{ date: '2026-04-07', reason: 'paused', note: null }]);
  });

  it('an exception date is removed and reported as exception', () => {
    expect(dates(summer, '2026-04-28', '2026-05-12')).toEqual(['2026-04-28', '2026-05-12']);
    expect(skippedDates(summer, '2026-04-28', '2026-05-12')).toEqual([
      { date: '2026-05-05', reason: 'exception', note: null },
    ]);
  });

  it('skippedDates only reports dates inside the window', () => {
    expect(skippedDates(summer, '2026-08-01', '2026-08-31')).toEqual([
      { date: '2026-08-04', reason: 'paused', note: 'Sommaruppehåll' },
      { date: '2026-08-11', reason: 'paused', note: 'Sommaruppehåll' },
    ]);
    expect(skippedDates(summer, '2026-05-06', '2026-06-15')).toEqual([]);
  });

  it('skippedDates does not report a skipped one-off outside the window', () => {
    const once = schedule({ recurrence: { kind: 'once' }, startDate: '2026-01-10', exceptions: ['2026-01-10'] });
    expect(skippedDates(once, '2026-01-01', '2026-01-31')).toEqual([
      { date: '2026-01-10', reason: 'exception', note: null },
    ]);
    expect(skippedDates(once, '2026-02-01', '2026-02-28')).toEqual([]);
  });
});

describe('cancelled and moved occurrences', () => {
  const changed = schedule({
    changes: [
      {
        originalDate: '2026-04-07',
        kind: 'cancelled',
        newDate: null,
        newStartTime: null,
        newEndTime: null,
        note: 'Lokalen är upptagen',
      },
      {
        originalDate: '2026-04-14',
        kind: 'moved',
        newDate: '2026-04-16',
        newStartTime: '17:00',
        newEndTime: '19:30',
        note: 'Flyttat till torsdag',
      },
    ],
  });

  it('a cancelled occurrence stays in the output with its note', () => {
    const occ = expandSchedule(changed, '2026-04-06', '2026-04-08');
    expect(occ).toEqual([
      {
        localDate: '2026-04-07',
        startTime: '18:00',
        endTime: '20:00',
        startsAt: '2026-04-07T16:00:00Z',
        endsAt: '2026-04-07T18:00:00Z',
        status: 'cancelled',
        originalDate: '2026-04-07',
        note: 'Lokalen är upptagen',
      },
    ]);
    expect(skippedDates(changed, '2026-04-06', '2026-04-08')).toEqual([]);
  });

  it('a moved occurrence appears on its new date and time, not on the original date', () => {
    const occ = expandSchedule(changed, '2026-04-13', '2026-04-22');
    expect(occ).toEqual([
      {
        localDate: '2026-04-16',
        startTime: '17:00',
        endTime: '19:30',
        startsAt: '2026-04-16T15:00:00Z',
        endsAt: '2026-04-16T17:30:00Z',
        status: 'moved',
        originalDate: '2026-04-14',
        note: 'Flyttat till torsdag',
      },
      {
        localDate: '2026-04-21',
        startTime: '18:00',
        endTime: '20:00',
        startsAt: '2026-04-21T16:00:00Z',
        endsAt: '2026-04-21T18:00:00Z',
        status: 'scheduled',
        originalDate: '2026-04-21',
        note: null,
      },
    ]);
    expect(occ.some((o) => o.localDate === '2026-04-14')).toBe(false);
  });

  it('a move into the window from outside it is found', () => {
    const occ = expandSchedule(changed, '2026-04-15', '2026-04-17');
    expect(occ.map((o) => [o.localDate, o.status, o.originalDate])).toEqual([['2026-04-16', 'moved', '2026-04-14']]);
  });

  it('a move from far outside the window (several weeks later) is found', () => {
    const s = schedule({
      changes: [
        {
          originalDate: '2026-05-26',
          kind: 'moved',
          newDate: '2026-04-30',
          newStartTime: null,
          newEndTime: null,
          note: null,
        },
      ],
    });
    const occ = expandSchedule(s, '2026-04-29', '2026-05-01');
    expect(occ.map((o) => [o.localDate, o.startTime, o.endTime, o.startsAt, o.status, o.originalDate])).toEqual([
      ['2026-04-30', '18:00', '20:00', '2026-04-30T16:00:00Z', 'moved', '2026-05-26'],
    ]);
  });

  it('a move out of the window removes it from the window', () => {
    expect(expandSchedule(changed, '2026-04-13', '2026-04-15')).toEqual([]);
  });

  it('a move with only a new time keeps the date', () => {
    const s = schedule({
      changes: [
        {
          originalDate: '2026-03-10',
          kind: 'moved',
          newDate: null,
          newStartTime: '16:00',
          newEndTime: '17:00',
          note: 'Tidigare denna gång',
        },
      ],
    });
    expect(expandSchedule(s, '2026-03-10', '2026-03-10')).toEqual([
      {
        localDate: '2026-03-10',
        startTime: '16:00',
        endTime: '17:00',
        startsAt: '2026-03-10T15:00:00Z',
        endsAt: '2026-03-10T16:00:00Z',
        status: 'moved',
        originalDate: '2026-03-10',
        note: 'Tidigare denna gång',
      },
    ]);
  });

  it('a move across the DST change keeps the local time', () => {
    const s = schedule({
      changes: [
        { originalDate: '2026-03-24', kind: 'moved', newDate: '2026-03-30', newStartTime: null, newEndTime: null, note: null },
      ],
    });
    const occ = expandSchedule(s, '2026-03-30', '2026-03-30');
    expect(occ.map((o) => [o.localDate, o.startTime, o.startsAt, o.endsAt])).toEqual([
      ['2026-03-30', '18:00', '2026-03-30T16:00:00Z', '2026-03-30T18:00:00Z'],
    ]);
  });
});

describe('times past midnight', () => {
  it('22:00–01:00 ends at 01:00 the next day', () => {
    const s = schedule({
      recurrence: { kind: 'weekly', interval: 1, weekdays: ['SA'] },
      startDate: '2026-01-03',
      startTime: '22:00',
      endTime: '01:00',
    });
    const occ = expandSchedule(s, '2026-03-21', '2026-04-04');
    expect(occ.map((o) => [o.localDate, o.startTime, o.endTime, o.startsAt, o.endsAt])).toEqual([
      ['2026-03-21', '22:00', '01:00', '2026-03-21T21:00:00Z', '2026-03-22T00:00:00Z'],
      // Ends 01:00 on 29 March, one hour before the clocks go forward.
      ['2026-03-28', '22:00', '01:00', '2026-03-28T21:00:00Z', '2026-03-29T00:00:00Z'],
      ['2026-04-04', '22:00', '01:00', '2026-04-04T20:00:00Z', '2026-04-04T23:00:00Z'],
    ]);
  });

  it('a one-off 23:30–00:30 on 31 December ends on 1 January', () => {
    const s = schedule({ recurrence: { kind: 'once' }, startDate: '2026-12-31', startTime: '23:30', endTime: '00:30' });
    const [occ] = expandSchedule(s, '2026-12-01', '2026-12-31');
    expect(occ?.localDate).toBe('2026-12-31');
    expect(occ?.startsAt).toBe('2026-12-31T22:30:00Z');
    expect(occ?.endsAt).toBe('2026-12-31T23:30:00Z');
  });
});

describe('ordering', () => {
  it('results are sorted by startsAt, also when a move puts one earlier', () => {
    const s = schedule({
      recurrence: { kind: 'weekly', interval: 1, weekdays: ['MO', 'WE'] },
      startDate: '2026-03-02',
      changes: [
        // Wednesday's meeting moved to Monday morning, before Monday's evening meeting.
        {
          originalDate: '2026-03-11',
          kind: 'moved',
          newDate: '2026-03-09',
          newStartTime: '09:00',
          newEndTime: '10:00',
          note: null,
        },
        // Monday's meeting moved to Thursday of the same week.
        {
          originalDate: '2026-03-09',
          kind: 'moved',
          newDate: '2026-03-12',
          newStartTime: null,
          newEndTime: null,
          note: null,
        },
      ],
    });
    const occ = expandSchedule(s, '2026-03-02', '2026-03-16');
    expect(occ.map((o) => [o.localDate, o.startTime, o.originalDate])).toEqual([
      ['2026-03-02', '18:00', '2026-03-02'],
      ['2026-03-04', '18:00', '2026-03-04'],
      ['2026-03-09', '09:00', '2026-03-11'],
      ['2026-03-12', '18:00', '2026-03-09'],
      ['2026-03-16', '18:00', '2026-03-16'],
    ]);
    const startsAt = occ.map((o) => o.startsAt);
    expect(startsAt).toEqual([...startsAt].sort());
  });
});

describe('toRRule / parseRRule', () => {
  const shapes: [Recurrence, string | null][] = [
    [{ kind: 'once' }, null],
    [{ kind: 'weekly', interval: 1, weekdays: ['TU'] }, 'FREQ=WEEKLY;BYDAY=TU'],
    [{ kind: 'weekly', interval: 1, weekdays: ['MO', 'WE'] }, 'FREQ=WEEKLY;BYDAY=MO,WE'],
    [{ kind: 'weekly', interval: 2, weekdays: ['WE'] }, 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE'],
    [{ kind: 'weekly', interval: 3, weekdays: ['SA', 'SU'] }, 'FREQ=WEEKLY;INTERVAL=3;BYDAY=SA,SU'],
    [
      { kind: 'weekly', interval: 1, weekdays: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] },
      'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU',
    ],
    [{ kind: 'weekly', interval: 52, weekdays: ['FR'] }, 'FREQ=WEEKLY;INTERVAL=52;BYDAY=FR'],
    [{ kind: 'monthly', nth: 2, weekday: 'TU' }, 'FREQ=MONTHLY;BYDAY=2TU'],
    [{ kind: 'monthly', nth: -1, weekday: 'FR' }, 'FREQ=MONTHLY;BYDAY=-1FR'],
    [{ kind: 'monthly', nth: 5, weekday: 'SU' }, 'FREQ=MONTHLY;BYDAY=5SU'],
  ];

  for (const [rec, text] of shapes) {
    it(`round-trips ${text ?? 'once'}`, () => {
      expect(toRRule(rec)).toBe(text);
      expect(parseRRule(text)).toEqual(rec);
    });
  }

  it('reads an empty rule as once, and accepts an RRULE: prefix and lower case', () => {
    expect(parseRRule('')).toEqual({ kind: 'once' });
    expect(parseRRule('RRULE:FREQ=WEEKLY;BYDAY=mo')).toEqual({ kind: 'weekly', interval: 1, weekdays: ['MO'] });
    expect(parseRRule('freq=monthly;byday=-1fr')).toEqual({ kind: 'monthly', nth: -1, weekday: 'FR' });
  });

  it('throws ScheduleError for unsupported input', () => {
    expect(() => parseRRule('FREQ=DAILY')).toThrow(ScheduleError);
    expect(errorCode(() => parseRRule('FREQ=DAILY'))).toBe('schedule.unsupportedRule');
    expect(errorCode(() => parseRRule('garbage'))).toBe('schedule.unsupportedRule');
    expect(errorCode(() => parseRRule(';;=;'))).toBe('schedule.unsupportedRule');
    expect(errorCode(() => parseRRule('FREQ=MONTHLY;BYDAY=TU'))).toBe('schedule.unsupportedRule');
    expect(errorCode(() => parseRRule('FREQ=MONTHLY;BYDAY=6TU'))).toBe('schedule.unsupportedRule');
    expect(errorCode(() => parseRRule('FREQ=MONTHLY;BYDAY=0TU'))).toBe('schedule.unsupportedRule');
    expect(errorCode(() => parseRRule('FREQ=MONTHLY;BYDAY=1TU,3TU'))).toBe('schedule.unsupportedRule');
  });

  it('throws schedule.badWeekdays for unknown or missing weekdays', () => {
    expect(() => parseRRule('FREQ=WEEKLY;BYDAY=XX')).toThrow(ScheduleError);
    expect(errorCode(() => parseRRule('FREQ=WEEKLY;BYDAY=XX'))).toBe('schedule.badWeekdays');
    expect(errorCode(() => parseRRule('FREQ=WEEKLY;BYDAY=MO,XX'))).toBe('schedule.badWeekdays');
    expect(errorCode(() => parseRRule('FREQ=WEEKLY'))).toBe('schedule.badWeekdays');
  });

  it('throws schedule.badInterval for intervals outside 1–52', () => {
    expect(() => parseRRule('FREQ=WEEKLY;INTERVAL=0;BYDAY=MO')).toThrow(ScheduleError);
    expect(errorCode(() => parseRRule('FREQ=WEEKLY;INTERVAL=0;BYDAY=MO'))).toBe('schedule.badInterval');
    expect(errorCode(() => parseRRule('FREQ=WEEKLY;INTERVAL=53;BYDAY=MO'))).toBe('schedule.badInterval');
    expect(errorCode(() => parseRRule('FREQ=WEEKLY;INTERVAL=-1;BYDAY=MO'))).toBe('schedule.badInterval');
    expect(errorCode(() => parseRRule('FREQ=WEEKLY;INTERVAL=1.5;BYDAY=MO'))).toBe('schedule.badInterval');
    expect(errorCode(() => parseRRule('FREQ=WEEKLY;INTERVAL=two;BYDAY=MO'))).toBe('schedule.badInterval');
  });

  it('ScheduleError carries the code as its message', () => {
    const e = new ScheduleError('schedule.badInterval');
    expect(e).toBeInstanceOf(Error);
    expect(e.code).toBe('schedule.badInterval');
    expect(e.message).toBe('schedule.badInterval');
  });
});

describe('validateSchedule', () => {
  it('returns [] for a good schedule', () => {
    expect(validateSchedule(schedule())).toEqual([]);
    expect(
      validateSchedule(
        schedule({
          startTime: '22:00',
          endTime: '01:00',
          validUntil: '2026-03-03',
          pauses: [{ fromDate: '2026-07-01', toDate: '2026-07-01', note: null }],
        }),
      ),
    ).toEqual([]);
  });

  it('rejects an impossible start date', () => {
    expect(validateSchedule(schedule({ startDate: '2026-02-30' }))).toEqual(['schedule.badStartDate']);
    expect(validateSchedule(schedule({ startDate: '2026-3-3' }))).toEqual(['schedule.badStartDate']);
  });

  it('rejects bad times', () => {
    expect(validateSchedule(schedule({ startTime: '24:00' }))).toEqual(['schedule.badStartTime']);
    expect(validateSchedule(schedule({ endTime: '7:5' }))).toEqual(['schedule.badEndTime']);
    expect(validateSchedule(schedule({ startTime: '7:5', endTime: '24:00' }))).toEqual([
      'schedule.badStartTime',
      'schedule.badEndTime',
    ]);
  });

  it('rejects end equal to start', () => {
    expect(validateSchedule(schedule({ startTime: '18:00', endTime: '18:00' }))).toEqual(['schedule.endEqualsStart']);
  });

  it('rejects validUntil before the start date or not a date', () => {
    expect(validateSchedule(schedule({ validUntil: '2026-03-02' }))).toEqual(['schedule.badValidUntil']);
    expect(validateSchedule(schedule({ validUntil: '2026-04-31' }))).toEqual(['schedule.badValidUntil']);
  });

  it('rejects a pause that ends before it starts, or has a bad date', () => {
    expect(
      validateSchedule(schedule({ pauses: [{ fromDate: '2026-07-10', toDate: '2026-07-01', note: 'Sommar' }] })),
    ).toEqual(['schedule.badPause']);
    expect(
      validateSchedule(schedule({ pauses: [{ fromDate: '2026-06-31', toDate: '2026-07-10', note: null }] })),
    ).toEqual(['schedule.badPause']);
  });
});

describe('public holidays and common eves', () => {
  const fridays = (overrides: Partial<Schedule> = {}) =>
    schedule({ recurrence: { kind: 'weekly', interval: 1, weekdays: ['FR'] }, startDate: '2026-01-02', runsOnHolidays: false, ...overrides });

  it('leaves out långfredagen, första maj and midsommarafton and says why', () => {
    const got = expandSchedule(fridays(), '2026-03-27', '2026-06-26').map((o) => o.localDate);
    expect(got).not.toContain('2026-04-03');
    expect(got).not.toContain('2026-05-01');
    expect(got).not.toContain('2026-06-19');
    expect(got).toContain('2026-04-10');
    expect(skippedDates(fridays(), '2026-03-27', '2026-06-26')).toEqual([
      { date: '2026-04-03', reason: 'holiday', note: 'långfredagen' },
      { date: '2026-05-01', reason: 'holiday', note: 'första maj' },
      { date: '2026-06-19', reason: 'holiday', note: 'midsommarafton' },
    ]);
  });

  it('keeps every date for an activity that meets on holidays', () => {
    const got = expandSchedule(fridays({ runsOnHolidays: true }), '2026-03-27', '2026-06-26').map((o) => o.localDate);
    expect(got).toContain('2026-04-03');
    expect(skippedDates(fridays({ runsOnHolidays: true }), '2026-03-27', '2026-06-26')).toEqual([]);
  });

  it('keeps a date an editor moved or cancelled on a holiday', () => {
    const s = fridays({
      changes: [
        { originalDate: '2026-04-03', kind: 'moved', newDate: '2026-04-02', newStartTime: null, newEndTime: null, note: 'Skärtorsdag i stället' },
        { originalDate: '2026-05-01', kind: 'cancelled', newDate: null, newStartTime: null, newEndTime: null, note: 'Stängt' },
      ],
    });
    const got = expandSchedule(s, '2026-03-27', '2026-05-08').map((o) => `${o.localDate} ${o.status}`);
    expect(got).toContain('2026-04-02 moved');
    expect(got).toContain('2026-05-01 cancelled');
    expect(skippedDates(s, '2026-03-27', '2026-05-08')).toEqual([]);
  });
});

describe('monthly rules every N months (quarterly network meetings)', () => {
  const quarterly = (over: Partial<Schedule> = {}) =>
    schedule({ recurrence: { kind: 'monthly', nth: 2, weekday: 'TU', interval: 3 }, startDate: '2026-01-01', startTime: '17:30', endTime: '19:30', ...over });

  it('2nd Tuesday every 3 months, counted from the start date’s month', () => {
    expect(dates(quarterly(), '2026-01-01', '2027-06-30')).toEqual(['2026-01-13', '2026-04-14', '2026-07-14', '2026-10-13', '2027-01-12', '2027-04-13']);
  });

  it('keeps 17:30 local on both sides of summer time: the UTC instant moves, the wall clock does not', () => {
    const occ = expandSchedule(quarterly(), '2026-01-01', '2026-12-31');
    expect(occ.map((o) => [o.localDate, o.startTime, o.startsAt, o.endsAt])).toEqual([
      ['2026-01-13', '17:30', '2026-01-13T16:30:00Z', '2026-01-13T18:30:00Z'],
      ['2026-04-14', '17:30', '2026-04-14T15:30:00Z', '2026-04-14T17:30:00Z'],
      ['2026-07-14', '17:30', '2026-07-14T15:30:00Z', '2026-07-14T17:30:00Z'],
      ['2026-10-13', '17:30', '2026-10-13T15:30:00Z', '2026-10-13T17:30:00Z'],
    ]);
  });

  it('a first date in March (winter time) and the next in June (summer time) at 09:00', () => {
    const s = schedule({ recurrence: { kind: 'monthly', nth: 1, weekday: 'SU', interval: 3 }, startDate: '2026-03-01', startTime: '09:00', endTime: '11:00' });
    const occ = expandSchedule(s, '2026-03-01', '2026-12-31');
    expect(occ.map((o) => [o.localDate, o.startsAt])).toEqual([
      ['2026-03-01', '2026-03-01T08:00:00Z'],
      ['2026-06-07', '2026-06-07T07:00:00Z'],
      ['2026-09-06', '2026-09-06T07:00:00Z'],
      ['2026-12-06', '2026-12-06T08:00:00Z'],
    ]);
  });

  it('the last weekday every other month, and a start after the month’s date skips to the next period', () => {
    const s = schedule({ recurrence: { kind: 'monthly', nth: -1, weekday: 'FR', interval: 2 }, startDate: '2026-01-31' });
    expect(dates(s, '2026-01-01', '2026-08-31')).toEqual(['2026-03-27', '2026-05-29', '2026-07-31']);
  });

  it('a window that starts mid-series finds the same dates as the whole series', () => {
    expect(dates(quarterly(), '2026-05-01', '2026-12-31')).toEqual(['2026-07-14', '2026-10-13']);
  });

  it('interval 1 is the plain monthly rule', () => {
    const plain = schedule({ recurrence: { kind: 'monthly', nth: 2, weekday: 'TU' }, startDate: '2026-01-01' });
    expect(dates(quarterly({ recurrence: { kind: 'monthly', nth: 2, weekday: 'TU', interval: 1 } }), '2026-01-01', '2026-06-30')).toEqual(dates(plain, '2026-01-01', '2026-06-30'));
  });

  it('writes and reads INTERVAL for monthly rules; a plain monthly rule has none', () => {
    const rec: Recurrence = { kind: 'monthly', nth: 2, weekday: 'TU', interval: 3 };
    expect(toRRule(rec)).toBe('FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU');
    expect(parseRRule('FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU')).toEqual(rec);
    expect(toRRule({ kind: 'monthly', nth: -1, weekday: 'FR', interval: 1 })).toBe('FREQ=MONTHLY;BYDAY=-1FR');
    expect(parseRRule('FREQ=MONTHLY;INTERVAL=1;BYDAY=-1FR')).toEqual({ kind: 'monthly', nth: -1, weekday: 'FR' });
    expect(errorCode(() => parseRRule('FREQ=MONTHLY;INTERVAL=13;BYDAY=2TU'))).toBe('schedule.unsupportedRule');
  });

  it('refuses an interval outside 1–12 months', () => {
    for (const interval of [0, 13, 1.5]) {
      expect(validateSchedule(quarterly({ recurrence: { kind: 'monthly', nth: 2, weekday: 'TU', interval } }))).toContain('schedule.badInterval');
    }
    expect(validateSchedule(quarterly())).toEqual([]);
  });
});
