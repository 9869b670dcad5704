import { describe, expect, it } from 'vitest';
import { daysBetweenInstants, figures, lastMonths, median, monthOf, monthStart, outcomeReport, type CaseOutcomeRow } from './outcomes.js';

const NOW = new Date('2026-11-26T09:00:00Z');
let next = 1;
function row(overrides: Partial<CaseOutcomeRow> = {}): CaseOutcomeRow {
  return { id: next++, status: 'new', createdAt: '2026-11-02T10:00:00.000Z', firstContactAt: null, closedAt: null, outcome: null, interests: [], districtId: null, ageGroup: 'adult', requests: 1, ...overrides };
}

describe('median', () => {
  it('is the middle value, the mean of the middle two for an even count, null for none', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 4])).toBe(4);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
});

describe('months', () => {
  it('counts a month in Stockholm time, not UTC', () => {
    expect(monthOf('2026-10-31T23:30:00Z')).toBe('2026-11');
    expect(monthOf('2026-11-30T22:59:00Z')).toBe('2026-11');
    expect(monthOf('2026-11-30T23:00:00Z')).toBe('2026-12');
  });

  it('lists the last twelve months up to the current one, across a new year', () => {
    const months = lastMonths(NOW);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2025-12');
    expect(months[11]).toBe('2026-11');
    expect(lastMonths(new Date('2026-02-10T12:00:00Z'), 3)).toEqual(['2025-12', '2026-01', '2026-02']);
  });

  it('starts a month at midnight in Stockholm', () => {
    expect(monthStart('2026-01')).toBe('2025-12-31T23:00:00.000Z');
    expect(monthStart('2026-07')).toBe('2026-06-30T22:00:00.000Z');
  });

  it('measures days with fractions', () => {
    expect(daysBetweenInstants('2026-11-01T12:00:00Z', '2026-11-03T00:00:00Z')).toBe(1.5);
  });
});

describe('figures', () => {
  it('is all zeros and nulls for no cases', () => {
    expect(figures([])).toEqual({ cases: 0, requests: 0, medianDaysToContact: null, contacted: 0, closed: 0, joined: 0, joinedShare: null });
  });

  it('counts repeated requests, the median wait over contacted cases and the share joined among closed ones', () => {
    const f = figures([
      row({ requests: 3, firstContactAt: '2026-11-03T10:00:00.000Z', closedAt: '2026-11-20T10:00:00.000Z', outcome: 'joined', status: 'joined' }),
      row({ firstContactAt: '2026-11-06T10:00:00.000Z', closedAt: '2026-11-20T10:00:00.000Z', outcome: 'not_joined', status: 'not_joined' }),
      row({ firstContactAt: '2026-11-12T10:00:00.000Z', status: 'contacted' }),
      row({ closedAt: '2026-11-20T10:00:00.000Z', outcome: 'unreachable', status: 'unreachable' }),
      row(),
    ]);
    expect(f.cases).toBe(5);
    expect(f.requests).toBe(7);
    expect(f.contacted).toBe(3);
    expect(f.medianDaysToContact).toBe(4);
    expect(f.closed).toBe(3);
    expect(f.joined).toBe(1);
    expect(f.joinedShare).toBeCloseTo(1 / 3);
  });
});

describe('outcomeReport', () => {
  it('has twelve empty months and no breakdown rows when there are no cases', () => {
    const r = outcomeReport([], NOW);
    expect(r.months).toHaveLength(12);
    expect(r.months.every((m) => m.cases === 0 && m.medianDaysToContact === null)).toBe(true);
    expect(r.byInterest).toEqual([]);
    expect(r.byDistrict).toEqual([]);
    expect(r.total.joinedShare).toBeNull();
    expect(r.since).toBe('2025-11-30T23:00:00.000Z');
  });

  it('puts each case in the month it came in, and leaves out older ones', () => {
    const r = outcomeReport(
      [
        row({ createdAt: '2026-11-02T10:00:00.000Z', requests: 2, firstContactAt: '2026-11-04T10:00:00.000Z' }),
        row({ createdAt: '2026-11-05T10:00:00.000Z', firstContactAt: '2026-11-11T10:00:00.000Z' }),
        row({ createdAt: '2026-09-15T10:00:00.000Z' }),
        row({ createdAt: '2025-11-15T10:00:00.000Z' }),
        row({ createdAt: '2025-11-30T23:00:00.000Z' }),
      ],
      NOW,
    );
    // Midnight on 1 December in Stockholm is the first instant counted, and the query's bound sorts with it.
    expect(r.months[0]).toMatchObject({ month: '2025-12', cases: 1 });
    expect('2025-11-30T23:00:00.000Z' >= r.since).toBe(true);
    const november = r.months.find((m) => m.month === '2026-11')!;
    expect(november).toMatchObject({ cases: 2, requests: 3, medianDaysToContact: 4 });
    expect(r.months.find((m) => m.month === '2026-09')!.cases).toBe(1);
    expect(r.total.cases).toBe(4);
  });

  it('breaks down by interest (a case under each of its interests) and by district, biggest first', () => {
    const r = outcomeReport(
      [
        row({ interests: ['idrott', 'sprakcafe'], districtId: 1, closedAt: '2026-11-20T10:00:00.000Z', outcome: 'joined' }),
        row({ interests: ['idrott'], districtId: 1, closedAt: '2026-11-20T10:00:00.000Z', outcome: 'not_joined' }),
        row({ interests: [], districtId: null }),
        row({ interests: ['idrott', 'idrott'], districtId: 2 }),
      ],
      NOW,
    );
    expect(r.byInterest.map((b) => [b.key, b.cases])).toEqual([
      ['idrott', 3],
      ['sprakcafe', 1],
      [null, 1],
    ]);
    expect(r.byInterest[0]!.joinedShare).toBe(0.5);
    expect(r.byInterest[1]!.joinedShare).toBe(1);
    expect(r.byDistrict.map((b) => [b.key, b.cases])).toEqual([
      [1, 2],
      [2, 1],
      [null, 1],
    ]);
  });
});
