import { describe, it, expect } from 'vitest';
import {
  TIME_ZONE,
  addDays,
  daysBetween,
  isIsoDate,
  isTime,
  isoWeek,
  isoWeekday,
  localToInstant,
  localToday,
  mondayOfIsoWeek,
  startOfIsoWeek,
  zoned,
} from './time.js';

describe('isIsoDate', () => {
  it('accepts real dates', () => {
    expect(isIsoDate('2026-01-01')).toBe(true);
    expect(isIsoDate('2026-12-31')).toBe(true);
    expect(isIsoDate('2026-02-28')).toBe(true);
  });

  it('knows leap years', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
  });

  it('rejects impossible dates', () => {
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-01-00')).toBe(false);
    expect(isIsoDate('2026-01-32')).toBe(false);
  });

  it('rejects junk and other formats', () => {
    expect(isIsoDate('')).toBe(false);
    expect(isIsoDate('junk')).toBe(false);
    expect(isIsoDate('2026-3-3')).toBe(false);
    expect(isIsoDate('20260303')).toBe(false);
    expect(isIsoDate('2026/03/03')).toBe(false);
    expect(isIsoDate('2026-03-03T12:00')).toBe(false);
    expect(isIsoDate(' 2026-03-03')).toBe(false);
    expect(isIsoDate('2026-03-03\n')).toBe(false);
    expect(isIsoDate('+002026-03-03')).toBe(false);
  });
});

describe('isTime', () => {
  it('accepts 00:00 to 23:59', () => {
    expect(isTime('00:00')).toBe(true);
    expect(isTime('09:05')).toBe(true);
    expect(isTime('18:00')).toBe(true);
    expect(isTime('23:59')).toBe(true);
  });

  it('rejects out-of-range and badly written times', () => {
    expect(isTime('24:00')).toBe(false);
    expect(isTime('12:60')).toBe(false);
    expect(isTime('7:5')).toBe(false);
    expect(isTime('7:05')).toBe(false);
    expect(isTime('07:5')).toBe(false);
    expect(isTime('12:00:00')).toBe(false);
    expect(isTime('1200')).toBe(false);
    expect(isTime('')).toBe(false);
    expect(isTime(' 12:00')).toBe(false);
  });
});

describe('localToday', () => {
  it('uses the Stockholm date around midnight UTC in summer (UTC+2)', () => {
    expect(localToday(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(localToday(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
    expect(localToday(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });

  it('uses the Stockholm date around midnight UTC in winter (UTC+1)', () => {
    expect(localToday(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(localToday(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    expect(localToday(new Date('2027-01-01T12:00:00Z'))).toBe('2027-01-01');
  });
});

describe('addDays', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
  });
});

describe('daysBetween', () => {
  it('counts whole days b − a', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
    expect(daysBetween('2026-05-16', '2026-05-16')).toBe(0);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('is not affected by DST changes', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });
});

describe('startOfIsoWeek and isoWeekday', () => {
  it('gives the Monday of the week', () => {
    expect(startOfIsoWeek('2026-03-23')).toBe('2026-03-23');
    expect(startOfIsoWeek('2026-03-25')).toBe('2026-03-23');
    expect(startOfIsoWeek('2026-03-29')).toBe('2026-03-23');
    expect(startOfIsoWeek('2026-03-30')).toBe('2026-03-30');
    expect(startOfIsoWeek('2027-01-01')).toBe('2026-12-28');
    expect(startOfIsoWeek('2026-03-01')).toBe('2026-02-23');
  });

  it('numbers weekdays Monday = 1 … Sunday = 7', () => {
    expect(isoWeekday('2026-03-23')).toBe(1);
    expect(isoWeekday('2026-03-29')).toBe(7);
    expect(isoWeekday('2026-01-01')).toBe(4);
  });
});

describe('isoWeek', () => {
  it('2026 has 53 weeks; 31 Dec 2026 and 1 Jan 2027 are both week 53 of 2026', () => {
    expect(isoWeek('2026-12-31')).toEqual({ week: 53, year: 2026 });
    expect(isoWeek('2027-01-01')).toEqual({ week: 53, year: 2026 });
    expect(isoWeek('2027-01-03')).toEqual({ week: 53, year: 2026 });
    expect(isoWeek('2027-01-04')).toEqual({ week: 1, year: 2027 });
  });

  it('3 Jan 2021 is week 53 of 2020', () => {
    expect(isoWeek('2021-01-03')).toEqual({ week: 53, year: 2020 });
    expect(isoWeek('2021-01-04')).toEqual({ week: 1, year: 2021 });
  });

  it('late December can belong to week 1 of the next year', () => {
    expect(isoWeek('2025-12-29')).toEqual({ week: 1, year: 2026 });
    expect(isoWeek('2025-12-28')).toEqual({ week: 52, year: 2025 });
  });

  it('ordinary weeks', () => {
    expect(isoWeek('2026-01-01')).toEqual({ week: 1, year: 2026 });
    expect(isoWeek('2026-03-29')).toEqual({ week: 13, year: 2026 });
    expect(isoWeek('2026-03-30')).toEqual({ week: 14, year: 2026 });
  });
});

describe('mondayOfIsoWeek', () => {
  it('gives the Monday of a week', () => {
    expect(mondayOfIsoWeek(2026, 1)).toBe('2025-12-29');
    expect(mondayOfIsoWeek(2026, 14)).toBe('2026-03-30');
    expect(mondayOfIsoWeek(2026, 53)).toBe('2026-12-28');
    expect(mondayOfIsoWeek(2020, 53)).toBe('2020-12-28');
    expect(mondayOfIsoWeek(2027, 1)).toBe('2027-01-04');
    expect(mondayOfIsoWeek(2025, 52)).toBe('2025-12-22');
  });

  it('round-trips with isoWeek', () => {
    for (const [year, week] of [
      [2026, 1],
      [2026, 27],
      [2026, 53],
      [2020, 53],
      [2028, 52],
    ] as const) {
      const monday = mondayOfIsoWeek(year, week);
      expect(monday).not.toBeNull();
      expect(isoWeek(monday!)).toEqual({ week, year });
      expect(isoWeekday(monday!)).toBe(1);
    }
  });

  it('is null for week 53 of a 52-week year', () => {
    expect(mondayOfIsoWeek(2025, 53)).toBeNull();
    expect(mondayOfIsoWeek(2027, 53)).toBeNull();
  });

  it('is null for out-of-range input', () => {
    expect(mondayOfIsoWeek(2026, 0)).toBeNull();
    expect(mondayOfIsoWeek(2026, 54)).toBeNull();
    expect(mondayOfIsoWeek(2026, -1)).toBeNull();
    expect(mondayOfIsoWeek(2026, 1.5)).toBeNull();
    expect(mondayOfIsoWeek(2026, Number.NaN)).toBeNull();
    expect(mondayOfIsoWeek(2026.5, 10)).toBeNull();
    expect(mondayOfIsoWeek(1899, 10)).toBeNull();
    expect(mondayOfIsoWeek(2201, 10)).toBeNull();
  });
});

describe('localToInstant', () => {
  it('summer time is UTC+2', () => {
    expect(localToInstant('2026-07-01', '18:00')).toBe('2026-07-01T16:00:00Z');
    expect(localToInstant('2026-07-01', '00:30')).toBe('2026-06-30T22:30:00Z');
  });

  it('winter time is UTC+1', () => {
    expect(localToInstant('2026-01-15', '18:00')).toBe('2026-01-15T17:00:00Z');
    expect(localToInstant('2027-01-01', '00:00')).toBe('2026-12-31T23:00:00Z');
  });

  it('the days the clocks change', () => {
    expect(localToInstant('2026-03-29', '01:59')).toBe('2026-03-29T00:59:00Z');
    expect(localToInstant('2026-03-29', '03:00')).toBe('2026-03-29T01:00:00Z');
    // 02:30 does not exist on 29 March; it is read as 03:30 summer time.
    expect(localToInstant('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00Z');
    // 02:30 happens twice on 25 October; the first (summer time) is taken.
    expect(localToInstant('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00Z');
    expect(localToInstant('2026-10-25', '18:00')).toBe('2026-10-25T17:00:00Z');
  });
});

describe('zoned', () => {
  it('is in Europe/Stockholm', () => {
    const z = zoned('2026-07-01', '18:00');
    expect(TIME_ZONE).toBe('Europe/Stockholm');
    expect(z.timeZoneId).toBe('Europe/Stockholm');
    expect(z.toInstant().toString()).toBe('2026-07-01T16:00:00Z');
    expect(z.toPlainDate().toString()).toBe('2026-07-01');
  });
});

describe('date arithmetic agrees with Temporal', () => {
  it('over four centuries of days, including leap days and week-year edges', async () => {
    const { Temporal } = await import('temporal-polyfill');
    let d = Temporal.PlainDate.from('1899-12-25');
    const end = Temporal.PlainDate.from('2201-01-10');
    let checked = 0;
    // Every 13th day (so every weekday and month day occurs), plus every day around each new year.
    while (Temporal.PlainDate.compare(d, end) < 0) {
      const s = d.toString();
      expect(addDays(s, 1)).toBe(d.add({ days: 1 }).toString());
      expect(addDays(s, -400)).toBe(d.subtract({ days: 400 }).toString());
      expect(isoWeekday(s)).toBe(d.dayOfWeek);
      expect(startOfIsoWeek(s)).toBe(d.subtract({ days: d.dayOfWeek - 1 }).toString());
      expect(isoWeek(s)).toEqual({ week: d.weekOfYear, year: d.yearOfWeek });
      expect(daysBetween('2026-01-01', s)).toBe(Temporal.PlainDate.from('2026-01-01').until(d, { largestUnit: 'days' }).days);
      checked++;
      d = d.month === 12 && d.day >= 24 ? d.add({ days: 1 }) : d.day <= 7 && d.month === 1 ? d.add({ days: 1 }) : d.add({ days: 13 });
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('refuses what is not a date', () => {
    for (const bad of ['2026-02-30', '2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', 'junk', '']) {
      expect(() => addDays(bad, 1), bad).toThrow(RangeError);
    }
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
  });
});
