import { describe, expect, it } from 'vitest';
import type { OccurrenceItem } from './activity.js';
import { changedActivities, mondaysOf, WeekModel, WeekModels, type WeekBasis, type WeekEntry } from './week-model.js';

const NO_BASIS: WeekBasis = { shared: '1', activities: new Map() };
const empty = (monday: string) => new WeekModel(monday, [], NO_BASIS);
const entry = (id: number, activityId: number, localDate: string, startsAt: string, title = 'A'): WeekEntry => ({
  id,
  item: { activityId, localDate, startsAt, title } as OccurrenceItem,
  confirmedAt: '',
  ageGroups: [],
  languages: [],
});

/** A store whose reads the test finishes by hand, with a version it sets. */
function harness() {
  let version = '1';
  const reads: { monday: string; resolve: (m: WeekModel) => void; reject: (e: Error) => void }[] = [];
  const models = new WeekModels({
    version: async () => version,
    load: (monday) => new Promise((resolve, reject) => reads.push({ monday, resolve, reject })),
    maxWeeks: 3,
    maxWeeksPerQuery: 2,
  });
  const settle = () => new Promise((r) => setImmediate(r));
  return { models, reads, settle, setVersion: (v: string) => (version = v) };
}

describe('mondaysOf', () => {
  it('gives the Monday of every week a range touches', () => {
    expect(mondaysOf('2026-11-26', '2026-11-26')).toEqual(['2026-11-23']);
    expect(mondaysOf('2026-11-29', '2026-11-30')).toEqual(['2026-11-23', '2026-11-30']);
    expect(mondaysOf('2026-12-28', '2027-01-04')).toEqual(['2026-12-28', '2027-01-04']);
  });
});

describe('WeekModels', () => {
  it('reads a week once however many ask for it meanwhile, and again when the version moves', async () => {
    const h = harness();
    const a = h.models.weeks('2026-11-23', '2026-11-29');
    const b = h.models.weeks('2026-11-24', '2026-11-24');
    await h.settle();
    expect(h.reads.map((r) => r.monday)).toEqual(['2026-11-23']);
    h.reads[0]!.resolve(empty('2026-11-23'));
    const [[weekA], [weekB]] = (await Promise.all([a, b])) as [WeekModel[], WeekModel[]];
    expect(weekA).toBe(weekB);
    expect(await h.models.weeks('2026-11-23', '2026-11-23')).toEqual([weekA]);
    h.setVersion('2');
    const c = h.models.weeks('2026-11-23', '2026-11-23');
    await h.settle();
    expect(h.reads).toHaveLength(2);
    h.reads[1]!.resolve(empty('2026-11-23'));
    expect((await c)![0]).not.toBe(weekA);
  });

  it('does not keep a week under a version a write moved past during its read', async () => {
    const h = harness();
    const read = h.models.weeks('2026-11-23', '2026-11-23');
    await h.settle();
    h.setVersion('2'); // a write landed while the week was read: it may hold the write
    h.reads[0]!.resolve(empty('2026-11-23'));
    await read;
    h.setVersion('1'); // a request that still sees version 1 must not be given it
    const again = h.models.weeks('2026-11-23', '2026-11-23');
    await h.settle();
    expect(h.reads).toHaveLength(2);
    h.reads[1]!.resolve(empty('2026-11-23'));
    await again;
    expect(h.models.held).toBe(1);
  });

  it('reads a week again after a failed read, and leaves long ranges to the database', async () => {
    const h = harness();
    const failed = h.models.weeks('2026-11-23', '2026-11-23');
    await h.settle();
    h.reads[0]!.reject(new Error('database gone'));
    await expect(failed).rejects.toThrow('database gone');
    const retry = h.models.weeks('2026-11-23', '2026-11-23');
    await h.settle();
    expect(h.reads).toHaveLength(2);
    h.reads[1]!.resolve(empty('2026-11-23'));
    expect(await retry).toHaveLength(1);
    expect(await h.models.weeks('2026-11-23', '2026-12-07')).toBeUndefined();
  });

  it('holds at most its number of weeks, dropping the least recently asked for', async () => {
    const h = harness();
    for (const monday of ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']) {
      const p = h.models.weeks(monday, monday);
      await h.settle();
      h.reads.at(-1)!.resolve(empty(monday));
      await p;
    }
    expect(h.models.held).toBe(3);
    const p = h.models.weeks('2026-11-02', '2026-11-02');
    await h.settle();
    expect(h.reads).toHaveLength(5);
    h.reads.at(-1)!.resolve(empty('2026-11-02'));
    await p;
  });
});

describe('WeekModel', () => {
  it('finds each date’s entries', () => {
    const week = new WeekModel(
      '2026-11-23',
      [entry(1, 1, '2026-11-23', '2026-11-23T10:00'), entry(2, 2, '2026-11-23', '2026-11-23T11:00'), entry(3, 1, '2026-11-25', '2026-11-25T10:00')],
      NO_BASIS,
    );
    expect(week.dayRange('2026-11-23')).toEqual({ start: 0, end: 2 });
    expect(week.dayRange('2026-11-24')).toEqual({ start: 0, end: 0 });
    expect(week.dayRange('2026-11-25')).toEqual({ start: 2, end: 3 });
  });

  it('replaces the entries of changed activities, keeping the list order', () => {
    const week = new WeekModel(
      '2026-11-23',
      [
        entry(1, 1, '2026-11-23', '2026-11-23T10:00', 'B'),
        entry(2, 2, '2026-11-23', '2026-11-23T10:00', 'C'),
        entry(3, 3, '2026-11-24', '2026-11-24T09:00'),
        entry(4, 2, '2026-11-25', '2026-11-25T10:00', 'C'),
      ],
      NO_BASIS,
    );
    const basis = { shared: '1', activities: new Map([[2, '5']]) };
    const updated = week.replacing(
      new Set([2, 9]),
      [entry(8, 9, '2026-11-25', '2026-11-25T08:00'), entry(7, 2, '2026-11-23', '2026-11-23T10:00', 'A'), entry(6, 2, '2026-11-24', '2026-11-24T09:00')],
      basis,
    );
    expect(updated.entries.map((e) => e.id)).toEqual([7, 1, 3, 6, 8]);
    expect(updated.basis).toBe(basis);
    expect(updated.dayRange('2026-11-24')).toEqual({ start: 2, end: 4 });
    expect(week.entries).toHaveLength(4);
  });
});

describe('changedActivities', () => {
  it('names activities whose version moved, new ones and those gone', () => {
    const before = { shared: '1', activities: new Map([[1, '3'], [2, '4'], [3, '1']]) };
    const after = { shared: '1', activities: new Map([[1, '3'], [2, '5'], [4, '1']]) };
    expect([...changedActivities(before, after)].sort()).toEqual([2, 3, 4]);
  });
});

describe('WeekModels with updates', () => {
  it('brings a kept week up to date instead of reading it whole, and reads it whole when that is not possible', async () => {
    let version = '1';
    let updatable = true;
    const models = new WeekModels({
      version: async () => version,
      load: async (monday) => empty(monday),
      update: async (week) => (updatable ? new WeekModel(week.monday, week.entries, { shared: '1', activities: new Map([[1, version]]) }) : undefined),
    });
    const [first] = (await models.weeks('2026-11-23', '2026-11-23'))!;
    version = '2';
    const [second] = (await models.weeks('2026-11-23', '2026-11-23'))!;
    expect(second).not.toBe(first);
    expect(second!.basis.activities.get(1)).toBe('2');
    expect(models.counts).toEqual({ loaded: 1, updated: 1 });
    version = '3';
    updatable = false;
    await models.weeks('2026-11-23', '2026-11-23');
    expect(models.counts).toEqual({ loaded: 2, updated: 1 });
  });
});
