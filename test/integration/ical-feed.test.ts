/**
 * The calendar feeds parse back with an independent parser (node-ical), and the occurrences they
 * describe match the API's for the same range, across the October DST change and with cancellations.
 */
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertActivity } from '../../src/features/calendar/activity.store.js';
import { createTestApp, FIXED_NOW, type TestApp } from '../support/app.js';
import { activityInput, scheduleInput } from '../support/factories.js';
import { skipDatabase, testDialect } from '../support/db.js';

type VEvent = ical.VEvent & { recurrences?: Record<string, ical.VEvent>; exdate?: Record<string, Date> };

/** Every occurrence a parsed feed describes in [from, to): `${uid} ${startUTC} ${status}`. */
function expand(parsed: ical.CalendarResponse, from: Date, to: Date): string[] {
  const out: string[] = [];
  for (const item of Object.values(parsed)) {
    if (!item || item.type !== 'VEVENT') continue;
    const e = item as VEvent;
    const status = (ev: ical.VEvent) => (ev.status === 'CANCELLED' ? 'cancelled' : 'scheduled');
    if (!e.rrule) {
      if (e.recurrenceid) continue;
      if (e.start >= from && e.start < to) out.push(`${e.uid} ${e.start.toISOString()} ${status(e)}`);
      continue;
    }
    const exdates = new Set(Object.values(e.exdate ?? {}).map((d) => new Date(d).toISOString()));
    const overrides = new Map<string, ical.VEvent>();
    for (const r of Object.values(e.recurrences ?? {})) overrides.set(new Date(r.recurrenceid as unknown as Date).toISOString(), r);
    for (const d of e.rrule.between(new Date(from.getTime() - 40 * 864e5), new Date(to.getTime() + 40 * 864e5), true)) {
      const key = d.toISOString();
      if (exdates.has(key)) continue;
      const override = overrides.get(key);
      const start = override ? override.start : d;
      if (start >= from && start < to) out.push(`${e.uid} ${start.toISOString()} ${override ? status(override) : 'scheduled'}`);
    }
  }
  return out.sort();
}

describe.skipIf(skipDatabase())(`iCalendar feeds on ${testDialect}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // Across the October change, with a cancellation and a move.
    await insertActivity(
      t.database.db,
      activityInput({
        title: 'Höstkören',
        description: 'Vi sjunger.',
        schedule: scheduleInput({
          recurrence: { kind: 'weekly', interval: 1, weekdays: ['TH'] },
          startDate: '2026-10-01',
          startTime: '18:00',
          endTime: '19:30',
          validUntil: '2027-03-31',
          pauses: [{ fromDate: '2026-12-21', toDate: '2027-01-06', note: 'Jullov' }],
          exceptions: ['2026-11-05'],
          changes: [
            { originalDate: '2026-10-22', kind: 'cancelled', newDate: null, newStartTime: null, newEndTime: null, note: 'Sjuk' },
            { originalDate: '2026-10-29', kind: 'moved', newDate: '2026-10-30', newStartTime: '17:00', newEndTime: '18:30', note: null },
          ],
        }),
      }),
      FIXED_NOW,
      '2026-11-26',
    );
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const fetchFeed = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode, url).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    return res.body;
  };

  it('describes exactly the occurrences the API lists, across DST and with cancellations', async () => {
    const from = '2026-10-15';
    const to = '2027-01-31';
    const text = await fetchFeed('/kalender.ics?category=kultur');
    const parsed = ical.sync.parseICS(text);
    const got = expand(parsed, new Date(`${from}T00:00:00+02:00`), new Date(`${to}T23:59:59+01:00`));
    const api = (await t.app.inject({ method: 'GET', url: `/api/v1/activities?from=${from}&to=${to}&category=kultur&limit=2000` })).json();
    const expected = api.occurrences
      .map((o: any) => `activity-${o.activity.id}@tillsammans.test ${new Date(o.startsAt).toISOString()} ${o.status === 'cancelled' ? 'cancelled' : 'scheduled'}`)
      .sort();
    expect(got).toEqual(expected);
    expect(got.some((l) => l.includes('2026-10-22T16:00:00.000Z cancelled'))).toBe(true);
    expect(got.some((l) => l.includes('2026-10-30T16:00:00.000Z'))).toBe(true);
    expect(got.some((l) => l.includes('2026-11-12T17:00:00.000Z'))).toBe(true);
  });

  it('keeps RRULEs, a VTIMEZONE, stable UIDs and UTC stamps', async () => {
    const text = await fetchFeed('/kalender.ics');
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(text).toMatch(/RRULE:FREQ=WEEKLY;BYDAY=TH;UNTIL=20270331T\d{6}Z/);
    expect(text).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
    const again = await fetchFeed('/kalender.ics');
    const uids = (s: string) => [...s.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]).sort();
    expect(uids(again)).toEqual(uids(text));
  });

  it('filters by organisation and district, and answers bad parameters with 400', async () => {
    const all = ical.sync.parseICS(await fetchFeed('/kalender.ics'));
    const org = (await t.app.inject({ method: 'GET', url: '/api/v1/organisations?category=sprakcafe' })).json().organisations[0];
    const one = ical.sync.parseICS(await fetchFeed(`/kalender.ics?organisation=${org.slug}`));
    const count = (p: ical.CalendarResponse) => Object.values(p).filter((e) => e?.type === 'VEVENT' && !(e as VEvent).recurrenceid).length;
    expect(count(one)).toBeGreaterThan(0);
    expect(count(one)).toBeLessThan(count(all));
    expect(count(ical.sync.parseICS(await fetchFeed('/kalender.ics?district=vivalla')))).toBeGreaterThan(0);
    for (const bad of ['/kalender.ics?category=nope', '/kalender.ics?district=atlantis', '/kalender.ics?lang=xx', '/kalender.ics?women=perhaps']) {
      expect((await t.app.inject({ method: 'GET', url: bad })).statusCode, bad).toBe(400);
    }
    expect((await t.app.inject({ method: 'GET', url: '/kalender.ics?organisation=finns-inte' })).statusCode).toBe(404);
  });

  it('writes texts in the feed language', async () => {
    const en = await fetchFeed('/kalender.ics?category=sprakcafe&lang=en');
    expect(en).toContain('SUMMARY:Language café in Vivalla');
    expect(en).toContain('CATEGORIES:Language café');
    const ar = await fetchFeed('/ar/kalender.ics?category=sprakcafe');
    expect(ar).toContain('SUMMARY:مقهى اللغة في فيفالا');
  });
});
