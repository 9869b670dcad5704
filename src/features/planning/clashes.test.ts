import { describe, it, expect } from 'vitest';
import { expandSchedule, type Recurrence, type Schedule, type Weekday } from '../calendar/index.js';
import { localToInstant } from '../../web/time.js';
import { clashWindow, findClashes, type PlannedActivity } from './clashes.js';

/** Twelve weeks from Monday 2 March 2026. */
const FROM = '2026-03-02';
const TO = '2026-05-24';

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
    ...overrides,
  };
}

/** An activity in category `language-cafe` whose occurrences are its schedule's, expanded like the app does. */
function activity(
  id: number,
  s: Partial<Schedule> = {},
  extra: Partial<Omit<PlannedActivity, 'occurrences'>> = {},
  window: [string, string] = [FROM, TO],
): PlannedActivity {
  return {
    id,
    category: 'language-cafe',
    districtSlug: 'vivalla',
    latitude: null,
    longitude: null,
    occurrences: expandSchedule(schedule(s), window[0], window[1]).filter((o) => o.status === 'scheduled'),
    ...extra,
  };
}

const weekly = (weekdays: Weekday[], interval = 1): Recurrence => ({ kind: 'weekly', interval, weekdays });

describe('findClashes', () => {
  const subject = activity(1);

  it('does not count intervals that only touch', () => {
    const after = activity(2, { startTime: '20:00', endTime: '21:00' });
    const before = activity(3, { startTime: '16:00', endTime: '18:00' });
    expect(findClashes(subject, [after, before])).toEqual([]);
    const oneMinuteIn = activity(4, { startTime: '19:59', endTime: '21:00' });
    expect(findClashes(subject, [oneMinuteIn]).map((c) => c.overlappingDates)).toEqual([12]);
  });

  it('counts 6 of 12 weeks for an every-other-week activity against a weekly one, both ways round', () => {
    const biweekly = activity(2, { recurrence: weekly(['TU'], 2), startTime: '19:00', endTime: '21:00' });
    expect(subject.occurrences).toHaveLength(12);
    expect(findClashes(subject, [biweekly])).toEqual([
      { activityId: 2, overlappingDates: 6, firstDate: '2026-03-03', sameDistrict: true, distanceMeters: null },
    ]);
    expect(findClashes(biweekly, [subject])).toEqual([
      { activityId: 1, overlappingDates: 6, firstDate: '2026-03-03', sameDistrict: true, distanceMeters: null },
    ]);
  });

  it('leaves out the weeks either activity is paused', () => {
    const pausedOther = activity(2, {
      startDate: '2026-03-01',
      pauses: [{ fromDate: '2026-03-01', toDate: '2026-03-22', note: 'sportlov' }],
    });
    expect(findClashes(subject, [pausedOther])).toEqual([
      { activityId: 2, overlappingDates: 9, firstDate: '2026-03-24', sameDistrict: true, distanceMeters: null },
    ]);
    const pausedSubject = activity(1, { pauses: [{ fromDate: '2026-04-01', toDate: '2026-04-30', note: 'påsk' }] });
    const clash = findClashes(pausedSubject, [activity(2)]);
    expect(clash.map((c) => c.overlappingDates)).toEqual([8]);
  });

  it('keeps clashing at the same local time across the end of summer time', () => {
    const autumn: [string, string] = ['2026-10-12', '2026-11-08'];
    const sundays = { recurrence: weekly(['SU']), startDate: '2026-10-04' };
    const subj = activity(1, sundays, {}, autumn);
    const sameTime = activity(2, { ...sundays, startTime: '19:00', endTime: '21:00' }, {}, autumn);
    const touching = activity(3, { ...sundays, startTime: '20:00', endTime: '21:00' }, {}, autumn);
    expect(subj.occurrences.map((o) => o.localDate)).toEqual(['2026-10-18', '2026-10-25', '2026-11-01', '2026-11-08']);
    // 18:00 is 16:00Z before 25 October and 17:00Z from it; both activities move together.
    expect(subj.occurrences.map((o) => o.startsAt.slice(11, 16))).toEqual(['16:00', '17:00', '17:00', '17:00']);
    expect(findClashes(subj, [sameTime, touching]).map((c) => [c.activityId, c.overlappingDates, c.firstDate])).toEqual([
      [2, 4, '2026-10-18'],
    ]);
  });

  it('finds a clash past midnight in the night summer time ends, counted on the date the subject starts', () => {
    const night: [string, string] = ['2026-10-24', '2026-10-25'];
    const saturdayNight = activity(1, { recurrence: { kind: 'once' }, startDate: '2026-10-24', startTime: '22:00', endTime: '02:00' }, {}, night);
    const sundayEarly = activity(2, { recurrence: { kind: 'once' }, startDate: '2026-10-25', startTime: '01:00', endTime: '02:00' }, {}, night);
    const sundayLater = activity(3, { recurrence: { kind: 'once' }, startDate: '2026-10-25', startTime: '02:30', endTime: '04:00' }, {}, night);
    expect(findClashes(saturdayNight, [sundayEarly, sundayLater]).map((c) => [c.activityId, c.firstDate])).toEqual([
      [2, '2026-10-24'],
    ]);
  });

  it('counts a subject date once however many of the other activity’s occurrences overlap it', () => {
    const at = (time: string) => localToInstant('2026-03-03', time);
    const twice: PlannedActivity = {
      ...activity(2),
      occurrences: [
        { localDate: '2026-03-03', startsAt: at('18:00'), endsAt: at('18:30') },
        { localDate: '2026-03-03', startsAt: at('19:00'), endsAt: at('19:30') },
      ],
    };
    expect(findClashes(subject, [twice]).map((c) => c.overlappingDates)).toEqual([1]);
  });

  it('never reports another category, nor the activity itself', () => {
    const otherCategory = activity(2, {}, { category: 'sport' });
    expect(findClashes(subject, [subject, otherCategory, activity(1)])).toEqual([]);
  });

  it('orders same district first, then nearest, unknown distance last, then more dates, then id', () => {
    const here = { latitude: 59.29, longitude: 15.16 };
    // 0.001° of latitude is about 111 m.
    const north = (km: number) => ({ latitude: here.latitude + km / 111.195, longitude: here.longitude });
    const everyOther = { recurrence: weekly(['TU'], 2) };
    const subj = activity(1, {}, { districtSlug: 'vivalla', ...here });
    const others = [
      activity(10, {}, { districtSlug: 'vivalla', ...north(1) }),
      activity(11, everyOther, { districtSlug: 'vivalla', ...north(0.3) }),
      activity(12, {}, { districtSlug: 'vivalla' }),
      activity(13, everyOther, { districtSlug: 'baronbackarna', ...north(0.05) }),
      activity(9, {}, { districtSlug: 'baronbackarna', ...north(0.05) }),
      activity(14, everyOther, { districtSlug: 'brickebacken' }),
      activity(16, {}, { districtSlug: 'brickebacken' }),
      activity(15, {}, { districtSlug: null }),
    ];
    const clashes = findClashes(subj, others);
    expect(clashes.map((c) => c.activityId)).toEqual([11, 10, 12, 9, 13, 15, 16, 14]);
    expect(clashes.map((c) => c.sameDistrict)).toEqual([true, true, true, false, false, false, false, false]);
    expect(clashes[0]!.distanceMeters).toBeCloseTo(300, -1);
    expect(clashes[2]!.distanceMeters).toBeNull();
  });

  it('never calls two activities without a district the same district', () => {
    const subj = activity(1, {}, { districtSlug: null });
    expect(findClashes(subj, [activity(2, {}, { districtSlug: null })])[0]!.sameDistrict).toBe(false);
  });
});

describe('clashWindow', () => {
  it('covers twelve weeks from today', () => {
    expect(clashWindow('2026-03-02')).toEqual({ from: '2026-03-02', to: '2026-05-24' });
  });
});
