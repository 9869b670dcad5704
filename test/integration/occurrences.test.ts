/** Materialised occurrences agree with the schedule rules, across daylight-saving changes, on both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandSchedule, findActivity, refreshOccurrenceWindow, type Schedule } from '../../src/features/calendar/index.js';
import { insertActivity } from '../../src/features/calendar/activity.store.js';
import { countOccurrencesByDate, listOccurrences } from '../../src/features/calendar/activity.queries.js';
import { createTestApp, FIXED_NOW, type TestApp } from '../support/app.js';
import { activityInput, scheduleInput } from '../support/factories.js';
import { skipDatabase, testDialect } from '../support/db.js';

const base = activityInput({ description: 'Prata svenska.', category: 'sprakcafe', audience: 'newcomers' });

function schedule(partial: Partial<Schedule>): Schedule {
  return scheduleInput({ recurrence: { kind: 'weekly', interval: 1, weekdays: ['TU'] }, startDate: '2026-10-06', ...partial });
}

describe.skipIf(skipDatabase())(`occurrences on ${testDialect}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const api = async (url: string) => (await t.app.inject({ method: 'GET', url })).json() as any;

  it('counts a week per day as the list does, leaving out drafts and activities unconfirmed since the cutoff', async () => {
    const db = t.database.db;
    const weekly = schedule({ recurrence: { kind: 'weekly', interval: 1, weekdays: ['MO', 'WE', 'FR'] }, startDate: '2026-11-02' });
    await insertActivity(db, { ...base, title: 'Räknas', schedule: weekly }, FIXED_NOW, '2026-11-26');
    await insertActivity(db, { ...base, title: 'Utkast räknas inte', status: 'draft', schedule: weekly }, FIXED_NOW, '2026-11-26');
    const stale = await insertActivity(db, { ...base, title: 'Obekräftad räknas inte', schedule: weekly }, FIXED_NOW, '2026-11-26');
    await db.updateTable('activities').set({ confirmedAt: '2026-01-01T00:00:00.000Z' }).where('id', '=', stale).execute();
    const week = { from: '2026-11-30', to: '2026-12-06', confirmedSince: '2026-06-01T00:00:00.000Z' };
    for (const q of [week, { ...week, confirmedSince: undefined }, { ...week, category: 'sprakcafe' as const }]) {
      const listed = await listOccurrences(db, q);
      const expected = new Map<string, number>();
      for (const o of listed) expected.set(o.localDate, (expected.get(o.localDate) ?? 0) + 1);
      expect(await countOccurrencesByDate(db, q)).toEqual(expected);
      expect(listed.some((o) => o.title === 'Räknas')).toBe(true);
      expect(listed.some((o) => o.title === 'Utkast räknas inte')).toBe(false);
      expect(listed.some((o) => o.title === 'Obekräftad räknas inte')).toBe(q.confirmedSince === undefined);
    }
  });

  it('keeps a weekly 18:00 at 18:00 local time across the October change', async () => {
    const id = await insertActivity(t.database.db, { ...base, title: 'DST-kontroll', schedule: schedule({}) }, FIXED_NOW, '2026-11-26');
    const body = await api('/api/v1/activities?from=2026-10-19&to=2026-11-04&limit=2000');
    const mine = body.occurrences.filter((o: any) => o.activity.id === id);
    expect(mine.map((o: any) => [o.date, o.startTime, o.startsAt])).toEqual([
      ['2026-10-20', '18:00', '2026-10-20T16:00:00Z'],
      ['2026-10-27', '18:00', '2026-10-27T17:00:00Z'],
      ['2026-11-03', '18:00', '2026-11-03T17:00:00Z'],
    ]);
  });

  it('keeps 18:00 across the March change too', async () => {
    const id = await insertActivity(
      t.database.db,
      // Easter Sunday 2027 is 28 March: this activity meets on holidays, so the DST check sees it.
      { ...base, title: 'Vårkontroll', schedule: schedule({ recurrence: { kind: 'weekly', interval: 1, weekdays: ['SU'] }, startDate: '2026-11-01', runsOnHolidays: true }) },
      FIXED_NOW,
      '2026-11-26',
    );
    const body = await api('/api/v1/activities?from=2027-03-21&to=2027-04-01&limit=2000');
    const mine = body.occurrences.filter((o: any) => o.activity.id === id);
    expect(mine.map((o: any) => [o.date, o.startsAt])).toEqual([
      ['2027-03-21', '2027-03-21T17:00:00Z'],
      ['2027-03-28', '2027-03-28T16:00:00Z'],
    ]);
  });

  it('matches the schedule rules for every demo activity over twelve weeks', async () => {
    const from = '2026-11-23';
    const to = '2027-02-14';
    const body = await api(`/api/v1/activities?from=${from}&to=${to}&limit=2000`);
    const byActivity = new Map<number, string[]>();
    for (const o of body.occurrences) byActivity.set(o.activity.id, [...(byActivity.get(o.activity.id) ?? []), `${o.date} ${o.startTime} ${o.status}`]);
    let checked = 0;
    for (const [id, got] of byActivity) {
      const activity = (await findActivity(t.database.db, id))!;
      const expected = expandSchedule(activity.schedule, from, to).map((o) => `${o.localDate} ${o.startTime} ${o.status}`);
      expect(got, activity.title).toEqual(expected);
      checked++;
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('leaves out paused weeks and shows cancellations with their note', async () => {
    const id = await insertActivity(
      t.database.db,
      {
        ...base,
        title: 'Pauskontroll',
        schedule: schedule({
          pauses: [{ fromDate: '2026-12-14', toDate: '2027-01-10', note: 'Jullov' }],
          changes: [
            { originalDate: '2026-12-08', kind: 'cancelled', newDate: null, newStartTime: null, newEndTime: null, note: 'Ledaren är sjuk' },
            { originalDate: '2027-01-12', kind: 'moved', newDate: '2027-01-13', newStartTime: '17:00', newEndTime: '19:00', note: null },
          ],
        }),
      },
      FIXED_NOW,
      '2026-11-26',
    );
    const body = await api('/api/v1/activities?from=2026-12-01&to=2027-01-20&limit=2000');
    const mine = body.occurrences.filter((o: any) => o.activity.id === id).map((o: any) => `${o.date} ${o.startTime} ${o.status}${o.note ? ` ${o.note}` : ''}`);
    expect(mine).toEqual(['2026-12-01 18:00 scheduled', '2026-12-08 18:00 cancelled Ledaren är sjuk', '2027-01-13 17:00 moved', '2027-01-19 18:00 scheduled']);
  });

  it('slides the window forward without losing or duplicating anything', async () => {
    const before = await api('/api/v1/activities?from=2027-01-04&to=2027-01-10&limit=2000');
    expect(await refreshOccurrenceWindow(t.database.db, '2026-12-20')).toBe(true);
    expect(await refreshOccurrenceWindow(t.database.db, '2026-12-21')).toBe(false);
    const after = await api('/api/v1/activities?from=2027-01-04&to=2027-01-10&limit=2000');
    expect(after.total).toBe(before.total);
    expect(after.occurrences.map((o: any) => o.startsAt + o.activity.id)).toEqual(before.occurrences.map((o: any) => o.startsAt + o.activity.id));
  });
});
