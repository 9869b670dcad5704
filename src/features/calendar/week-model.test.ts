import { describe, expect, it } from 'vitest';
import type { OccurrenceItem } from './activity.js';
import { mondaysOf, WeekModel, WeekModels } from './week-model.js';

const empty = (monday: string) => new WeekModel(monday, []);

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
    const entry = (localDate: string) => ({ item: { localDate } as OccurrenceItem, confirmedAt: '', ageGroups: [], languages: [] });
    const week = new WeekModel('2026-11-23', [entry('2026-11-23'), entry('2026-11-23'), entry('2026-11-25')]);
    expect(week.dayRange('2026-11-23')).toEqual({ start: 0, end: 2 });
    expect(week.dayRange('2026-11-24')).toEqual({ start: 0, end: 0 });
    expect(week.dayRange('2026-11-25')).toEqual({ start: 2, end: 3 });
  });
});
