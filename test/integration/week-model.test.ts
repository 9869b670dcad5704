/**
 * The week model (features/calendar/week-model.ts) answers every list and count as the database does,
 * follows each write at once, and is bypassed inside a transaction, on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/db/index.js';
import { MODEL_ITEM, type OccurrenceItem, type OccurrenceQuery } from '../../src/features/calendar/index.js';
import {
  countOccurrences,
  countOccurrencesByDate,
  countOccurrencesByDateFromDatabase,
  countOccurrencesFromDatabase,
  listOccurrences,
  listOccurrencesFromDatabase,
  listOccurrencesPerDay,
  listOccurrencesPerDayFromDatabase,
  weekModelCounts,
} from '../../src/features/calendar/activity.queries.js';
import { insertActivity } from '../../src/features/calendar/activity.store.js';
import { createTestApp, FIXED_NOW, type TestApp } from '../support/app.js';
import { activityInput, scheduleInput } from '../support/factories.js';
import { skipDatabase, testDialect } from '../support/db.js';

/** An item as data: without the model's pointer to its own copy. */
const plain = ({ [MODEL_ITEM]: _, ...item }: OccurrenceItem) => item;

describe.skipIf(skipDatabase())(`week model on ${testDialect}`, () => {
  let t: TestApp;
  const week = { from: '2026-11-23', to: '2026-11-29' };
  const cutoffs = { confirmedSince: '2026-06-01T00:00:00.000Z', staleBefore: '2026-09-01T00:00:00.000Z' };
  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const weekly = scheduleInput({ recurrence: { kind: 'weekly', interval: 1, weekdays: ['MO', 'TH'] }, startDate: '2026-11-02' });
    // A draft, one unconfirmed since before the cutoff, and one between the marks: lists differ by each.
    await insertActivity(db, activityInput({ title: 'Utkast', status: 'draft', schedule: weekly }), FIXED_NOW, '2026-11-26');
    const stale = await insertActivity(db, activityInput({ title: 'Obekräftad', schedule: weekly }), FIXED_NOW, '2026-11-26');
    const marked = await insertActivity(db, activityInput({ title: 'Snart obekräftad', schedule: weekly }), FIXED_NOW, '2026-11-26');
    await db.updateTable('activities').set({ confirmedAt: '2026-01-01T00:00:00.000Z' }).where('id', '=', stale).execute();
    await db.updateTable('activities').set({ confirmedAt: '2026-07-01T00:00:00.000Z' }).where('id', '=', marked).execute();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  /** Every filter value the data has, alone, and a few together, over the week and ranges across weeks. */
  async function queries(): Promise<OccurrenceQuery[]> {
    const db = t.database.db;
    const [activities, districts, languages, ageGroups, hosts] = await Promise.all([
      db.selectFrom('activities').select(['category', 'audience']).distinct().execute(),
      db.selectFrom('districts').select('slug').execute(),
      db.selectFrom('activityLanguages').select('language').distinct().execute(),
      db.selectFrom('activityAgeGroups').select('ageGroup').distinct().execute(),
      db.selectFrom('activityHosts').select('organisationId').distinct().limit(8).execute(),
    ]);
    const filters: Omit<OccurrenceQuery, 'from' | 'to'>[] = [
      {},
      cutoffs,
      { womenOnly: true },
      { free: true },
      ...[...new Set(activities.map((a) => a.category))].map((category) => ({ category }) as OccurrenceQuery),
      ...[...new Set(activities.map((a) => a.audience))].map((audience) => ({ audience }) as OccurrenceQuery),
      ...districts.map((d) => ({ district: d.slug })),
      ...languages.map((l) => ({ language: l.language })),
      ...ageGroups.map((g) => ({ ageGroup: g.ageGroup }) as OccurrenceQuery),
      ...hosts.map((h) => ({ organisationId: h.organisationId })),
      { ...cutoffs, category: 'sprakcafe', free: true },
      { ...cutoffs, district: districts[0]!.slug, language: 'ar' },
      { district: 'finns-inte' },
    ];
    const ranges = [week, { from: '2026-11-26', to: '2026-11-26' }, { from: '2026-11-26', to: '2026-12-02' }, { from: '2026-11-20', to: '2026-12-13' }];
    return ranges.flatMap((range) => filters.map((f) => ({ ...f, ...range })));
  }

  async function expectSameAsDatabase() {
    const db = t.database.db;
    let listed = 0;
    for (const q of await queries()) {
      const fromDatabase = await listOccurrencesFromDatabase(db, q);
      expect((await listOccurrences(db, q)).map(plain), JSON.stringify(q)).toEqual(fromDatabase);
      listed += fromDatabase.length;
      expect(await countOccurrencesByDate(db, q)).toEqual(await countOccurrencesByDateFromDatabase(db, q));
      expect(await countOccurrences(db, q)).toBe(await countOccurrencesFromDatabase(db, q));
      for (const page of [{ limit: 7 }, { limit: 5, offset: 11 }, { limit: 0 }]) {
        expect((await listOccurrences(db, { ...q, ...page })).map(plain)).toEqual(await listOccurrencesFromDatabase(db, { ...q, ...page }));
      }
      if (q.from === week.from && q.to === week.to) {
        for (const listFrom of [week.from, '2026-11-26']) {
          const memory = await listOccurrencesPerDay(db, q, 3, listFrom);
          const database = await listOccurrencesPerDayFromDatabase(db, q, 3, listFrom);
          expect(memory.items.map(plain)).toEqual(database.items);
          expect(memory.totals).toEqual(database.totals);
        }
      }
    }
    // The comparison compared something: the demo data fills these weeks.
    expect(listed).toBeGreaterThan(1000);
  }

  it('lists and counts every filter, range, page and cutoff as the database does', async () => {
    await expectSameAsDatabase();
    const marked = (await listOccurrences(t.database.db, { ...week, ...cutoffs })).filter((o) => o.unconfirmedSince);
    expect(marked.map((o) => o.title)).toContain('Snart obekräftad');
  }, 120_000);

  it('hands out copies: a page changing its items changes nothing for the next', async () => {
    const db = t.database.db;
    const first = await listOccurrences(db, week);
    first[0]!.title = 'Ändrad av en sida';
    expect((await listOccurrences(db, week))[0]!.title).not.toBe('Ändrad av en sida');
    expect(Object.isFrozen(first[0]![MODEL_ITEM])).toBe(true);
  });

  it('follows every write at once, and a transaction sees its own writes', async () => {
    const db = t.database.db;
    const before = await listOccurrences(db, week);
    const [first] = before;
    const counts = weekModelCounts(db);
    await db.updateTable('activities').set({ title: 'Nytt namn', category: 'idrott' }).where('id', '=', first!.activityId).execute();
    const after = await listOccurrences(db, week);
    // One activity changed: the week was brought up to date, not read whole.
    expect(weekModelCounts(db)).toEqual({ loaded: counts.loaded, updated: counts.updated + 1 });
    expect(after.filter((o) => o.activityId === first!.activityId).every((o) => o.title === 'Nytt namn' && o.category === 'idrott')).toBe(true);
    const place = after.find((o) => o.place)!.place!;
    await db.updateTable('places').set({ name: 'Nytt ställe' }).where('id', '=', place.id).execute();
    expect((await listOccurrences(db, week)).filter((o) => o.place?.id === place.id).every((o) => o.place!.name === 'Nytt ställe')).toBe(true);
    // What activities share changed: read whole.
    expect(weekModelCounts(db).loaded).toBe(counts.loaded + 1);
    await db.updateTable('activities').set({ status: 'draft' }).where('id', '=', first!.activityId).execute();
    expect((await listOccurrences(db, week)).some((o) => o.activityId === first!.activityId)).toBe(false);
    await expectSameAsDatabase();

    const weekly = scheduleInput({ recurrence: { kind: 'weekly', interval: 1, weekdays: ['WE'] }, startDate: '2026-11-04' });
    await inTransaction(db, async (trx) => {
      await insertActivity(trx, activityInput({ title: 'Skrivs nu', schedule: weekly }), FIXED_NOW, '2026-11-26');
      expect((await listOccurrences(trx, week)).some((o) => o.title === 'Skrivs nu')).toBe(true);
    });
    expect((await listOccurrences(db, week)).some((o) => o.title === 'Skrivs nu')).toBe(true);
    // A removed activity leaves, hosts and languages changed show: each an update, then all lists as the database's.
    const second = after.find((o) => o.activityId !== first!.activityId)!;
    await db.deleteFrom('activities').where('id', '=', second.activityId).execute();
    expect((await listOccurrences(db, week)).some((o) => o.activityId === second.activityId)).toBe(false);
    const third = (await listOccurrences(db, week)).find((o) => o.hosts.length > 0)!;
    await db.deleteFrom('activityHosts').where('activityId', '=', third.activityId).execute();
    await db.insertInto('activityLanguages').values({ activityId: third.activityId, language: 'ti' }).onConflict((oc) => oc.doNothing()).execute();
    const withoutHosts = (await listOccurrences(db, { ...week, language: 'ti' })).filter((o) => o.activityId === third.activityId);
    expect(withoutHosts.length).toBeGreaterThan(0);
    expect(withoutHosts.every((o) => o.hosts.length === 0)).toBe(true);
    await expectSameAsDatabase();
  }, 120_000);
});
