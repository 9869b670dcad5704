import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportError } from './ics-split.js';
import { EXPAND_MAX, hashFields, mapCalendar, matchPlace, type FeedEvent, type MappingContext } from './mapping.js';
import { recurrenceFor, ruleParts, untilDate } from './recurrence-rules.js';

const fixture = (name: string) => fs.readFileSync(new URL(`../../../test/fixtures/ics/${name}`, import.meta.url), 'utf8');
const places = [
  { id: 1, name: 'Vivalla bibliotek', address: 'Vivalla torg 5' },
  { id: 2, name: 'Föreningarnas Hus', address: 'Järntorgsgatan 3' },
  { id: 3, name: 'Mötesplats Vivalla', address: 'Ängsvägen 14' },
  { id: 4, name: 'Vivalla idrottsplats', address: 'Ängsvägen 30' },
];
const ctx: MappingContext = { today: '2026-11-26', places, locationLabel: 'Plats' };
const map = (text: string, context: Partial<MappingContext> = {}) => mapCalendar(text, { ...ctx, ...context });
const byTitle = (events: FeedEvent[], title: string) => events.filter((e) => e.fields.title === title);
const one = (events: FeedEvent[], title: string) => {
  const found = byTitle(events, title);
  expect(found, title).toHaveLength(1);
  return found[0]!;
};
const codes = (r: { report: { code: string }[] }) => r.report.map((l) => l.code.replace('imports.report.', ''));
const calendar = (body: string, head = '') => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${head}${body}END:VCALENDAR\r\n`;
const event = (lines: string) => `BEGIN:VEVENT\r\nDTSTAMP:20261126T080000Z\r\n${lines.trim().split('\n').map((l) => l.trim()).join('\r\n')}\r\nEND:VEVENT\r\n`;

describe('mapping a Google Calendar export', () => {
  const result = map(fixture('google.ics'));

  it('keeps a weekly series as a weekly rule with its end, skipped dates and changed dates', () => {
    const cafe = one(result.events, 'Språkcafé');
    expect(cafe.recurrenceId).toBe('');
    expect(cafe.fields.schedule).toMatchObject({
      recurrence: { kind: 'weekly', interval: 1, weekdays: ['TU'] },
      startDate: '2026-12-01',
      startTime: '18:00',
      endTime: '20:00',
      // UNTIL=20270608T215959Z is 23:59:59 in Stockholm on the last Tuesday.
      validUntil: '2027-06-08',
      exceptions: ['2026-12-22', '2026-12-29'],
      runsOnHolidays: true,
    });
    expect(cafe.fields.schedule.changes).toEqual([
      { originalDate: '2026-12-08', kind: 'cancelled', newDate: null, newStartTime: null, newEndTime: null, note: null },
      { originalDate: '2026-12-15', kind: 'moved', newDate: '2026-12-15', newStartTime: '19:00', newEndTime: '21:00', note: null },
    ]);
  });

  it('turns HTML descriptions into text and finds the place the location names', () => {
    const cafe = one(result.events, 'Språkcafé');
    expect(cafe.fields.description).toBe('Prata svenska över en kopp kaffe. Alla är välkomna!\n\nIngen anmälan behövs.\nLäs mer på vår sida (https://oxhagen.example/sprakcafe)');
    expect(cafe.fields.placeId).toBe(1);
    expect(one(result.events, 'Julfest för hela familjen').fields.placeId).toBe(2);
  });

  it('adds a location no place matches to the description', () => {
    const parents = one(result.events, 'Föräldraträff');
    expect(parents.fields.placeId).toBeNull();
    expect(parents.fields.description).toBe('Föräldrar träffas och pratar om skolan och förskolan.\n\nPlats: Kyrkans lokal, Storgatan 99');
    expect(parents.fields.schedule.recurrence).toEqual({ kind: 'monthly', nth: 1, weekday: 'TH' });
    expect(parents.lastDate).toBeNull();
  });

  it('skips all-day events with a report line and keeps them apart', () => {
    expect(byTitle(result.events, 'Jullov – lokalen är stängd')).toHaveLength(0);
    expect(result.report).toContainEqual({ code: 'imports.report.allDay', params: { title: 'Jullov – lokalen är stängd' } });
    expect(result.keepUids.has('1a2b3c4d5e6f7g8h9i0j1k2l3m@google.com')).toBe(true);
  });

  it('maps past events too, with their last date (the sync decides not to import them)', () => {
    expect(one(result.events, 'Sommarfest 2025').lastDate).toBe('2025-08-15');
  });
});

describe('mapping an Outlook export', () => {
  const result = map(fixture('outlook.ics'));

  it('reads Windows time zones and a series every other week with COUNT and a moved date', () => {
    const homework = one(result.events, 'Läxhjälp');
    expect(homework.fields.schedule).toMatchObject({
      recurrence: { kind: 'weekly', interval: 2, weekdays: ['WE'] },
      startDate: '2026-12-02',
      startTime: '16:30',
      endTime: '18:00',
      validUntil: '2027-04-07',
      exceptions: ['2026-12-30'],
    });
    expect(homework.fields.schedule.changes).toEqual([{ originalDate: '2026-12-16', kind: 'moved', newDate: '2026-12-17', newStartTime: '16:30', newEndTime: '18:00', note: null }]);
    expect(homework.fields.description).toBe('Vi hjälper barn i årskurs 1–9 med läxorna.\nTa med dina böcker.\n\nFrågor? Ring Amina på 070-123 45 67.');
    expect(homework.fields.placeId).toBe(3);
  });

  it('reads the nth weekday written with BYSETPOS', () => {
    expect(one(result.events, 'Kvinnocafé').fields.schedule).toMatchObject({ recurrence: { kind: 'monthly', nth: 2, weekday: 'TU' }, validUntil: '2027-06-15' });
  });

  it('converts other zones to Stockholm time (17:00 in London is 18:00 here)', () => {
    expect(one(result.events, 'Videoträff med London').fields.schedule).toMatchObject({ startDate: '2026-12-10', startTime: '18:00', endTime: '19:00' });
  });

  it('marks a cancelled event as cancelled', () => {
    expect(one(result.events, 'Inställt: Filmkväll').fields.cancelled).toBe(true);
    expect(one(result.events, 'Läxhjälp').fields.cancelled).toBe(false);
  });
});

describe('mapping an Apple Calendar export', () => {
  const result = map(fixture('apple.ics'));

  it('reads a weekly rule without BYDAY as the weekday of its start, and ignores alarms', () => {
    const knit = one(result.events, 'Stickcafé');
    expect(knit.fields.schedule).toMatchObject({ recurrence: { kind: 'weekly', interval: 1, weekdays: ['TH'] }, startTime: '13:00', endTime: '15:00' });
    expect(knit.fields.placeId).toBe(3);
  });

  it('keeps an evening that ends after midnight (the end before the start means the next day)', () => {
    expect(one(result.events, 'Nattvandring').fields.schedule).toMatchObject({ startDate: '2026-11-27', startTime: '22:00', endTime: '02:00', validUntil: '2027-01-29' });
  });

  it('expands a rule the schedule cannot express into single dates, at most EXPAND_MAX', () => {
    const walks = byTitle(result.events, 'Promenad i Oxhagen');
    expect(walks).toHaveLength(EXPAND_MAX);
    expect(walks.map((w) => w.recurrenceId).slice(0, 3)).toEqual(['2026-11-30', '2026-12-03', '2026-12-06']);
    expect(walks.every((w) => w.fields.schedule.recurrence.kind === 'once' && w.recurrenceId === w.fields.schedule.startDate)).toBe(true);
    expect(codes(result)).toContain('expandedCapped');
  });

  it('imports nothing of a yearly event with no date in the next 120 days', () => {
    expect(byTitle(result.events, 'Midsommarfirande')).toHaveLength(0);
    expect(result.keepUids.has('3E4F5A6B-7C8D-9E0F-1A2B-3C4D5E6F7A8B')).toBe(false);
  });
});

describe('hostile calendars', () => {
  it('reports rules of seconds, minutes and hours, and broken rules, without stopping the others', () => {
    const result = map(fixture('hostile-rules.ics'));
    expect(result.report).toEqual(
      expect.arrayContaining([
        { code: 'imports.report.unsupportedRule', params: { title: 'Varje sekund för alltid' } },
        { code: 'imports.report.unsupportedRule', params: { title: 'Varje minut' } },
        { code: 'imports.report.unsupportedRule', params: { title: 'Många gånger om dagen' } },
        { code: 'imports.report.unreadable', params: { title: 'Trasig regel' } },
      ]),
    );
    expect(one(result.events, 'Vanlig träff').fields.schedule.startDate).toBe('2026-12-03');
    expect(one(result.events, 'Morgonbön varje dag').fields.schedule.recurrence).toEqual({ kind: 'weekly', interval: 1, weekdays: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] });
    expect(byTitle(result.events, 'Varannan dag sedan 1900')).toHaveLength(EXPAND_MAX);
    expect(byTitle(result.events, 'Den 1:a och 15:e varje månad').map((e) => e.recurrenceId)).toEqual([
      '2026-12-01',
      '2026-12-15',
      '2027-01-01',
      '2027-01-15',
      '2027-02-01',
      '2027-02-15',
      '2027-03-01',
      '2027-03-15',
    ]);
    for (const uid of ['every-second@hostile.test', 'every-minute@hostile.test', 'daily-hours@hostile.test', 'bogus-rule@hostile.test']) expect(result.keepUids.has(uid), uid).toBe(true);
  });

  it('reports dates that are no dates instead of rolling them over', () => {
    const result = map(fixture('hostile-dates.ics'));
    expect(result.report.filter((l) => l.code === 'imports.report.badDate').map((l) => l.params.title)).toEqual(['Månad 13 och timme 25', 'Den 30 februari', 'Trasigt undantag', 'Nästa tisdag']);
    expect(result.report).toContainEqual({ code: 'imports.report.noUid', params: { title: 'Utan UID' } });
    expect(result.events.map((e) => e.fields.title).sort()).toEqual(['Helgläger', 'Slutar innan den börjar', 'Vanlig träff']);
  });

  it('cuts an event of several days at midnight and gives an event ending before it starts an hour', () => {
    const result = map(fixture('hostile-dates.ics'));
    expect(one(result.events, 'Helgläger').fields.schedule).toMatchObject({ startDate: '2026-12-04', startTime: '18:00', endTime: '23:59' });
    expect(result.report).toContainEqual({ code: 'imports.report.clamped', params: { title: 'Helgläger' } });
    expect(one(result.events, 'Slutar innan den börjar').fields.schedule).toMatchObject({ startTime: '18:00', endTime: '19:00' });
  });

  it('stores script and HTML in titles as plain text, and caps long text', () => {
    const result = map(fixture('hostile-html.ics'));
    const cafe = result.events.find((e) => e.uid === 'script@hostile.test')!;
    expect(cafe.fields.title).toBe('Språkcafé & fika');
    expect(cafe.fields.description).toBe('Hej!\nVi ses <b>snart</b> – välkommen.\n- Kaffe\n- Te\n\nPlats: Okänd plats, Storgatan 99');
    expect(cafe.fields.description).not.toMatch(/script|cookie|onclick|display:none/);
    expect(result.report).toContainEqual({ code: 'imports.report.noTitle', params: {} });
    const long = result.events.find((e) => e.uid === 'long@hostile.test')!;
    expect(long.fields.title.length).toBeLessThanOrEqual(120);
    expect(long.fields.title.endsWith('…')).toBe(true);
    expect(long.fields.description.length).toBeLessThanOrEqual(4000);
  });

  it('refuses binary data as a whole', () => {
    const binary = fs.readFileSync(new URL('../../../test/fixtures/ics/binary.ics', import.meta.url));
    expect(() => map(new TextDecoder().decode(binary))).toThrow(ImportError);
  });
});

describe('time zones whatever the server’s own zone is', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    process.env.TZ = saved;
  });

  it.each(['UTC', 'America/New_York', 'Asia/Tokyo'])('reads floating times, unknown zones and Windows names alike under TZ=%s', (zone) => {
    process.env.TZ = zone;
    const result = map(
      calendar(
        event('UID:floating\nSUMMARY:Flytande\nDTSTART:20261203T100000\nDTEND:20261203T120000') +
          event('UID:unknown\nSUMMARY:Okänd zon\nDTSTART;TZID=Foo Standard Time:20261203T100000\nDTEND;TZID=Foo Standard Time:20261203T120000') +
          event('UID:windows\nSUMMARY:Windows\nDTSTART;TZID=W. Europe Standard Time:20260615T100000\nDTEND;TZID=W. Europe Standard Time:20260615T120000\nRRULE:FREQ=WEEKLY;BYDAY=MO') +
          event('UID:romance\nSUMMARY:Paris\nDTSTART;TZID=Romance Standard Time:20261203T100000\nDTEND;TZID=Romance Standard Time:20261203T110000') +
          event('UID:fle\nSUMMARY:Helsingfors\nDTSTART;TZID=FLE Standard Time:20261203T100000\nDTEND;TZID=FLE Standard Time:20261203T110000') +
          event('UID:utc\nSUMMARY:UTC\nDTSTART:20260701T160000Z\nDTEND:20260701T170000Z'),
      ),
      { today: '2026-06-01' },
    );
    const at = (title: string) => one(result.events, title).fields.schedule;
    expect(at('Flytande')).toMatchObject({ startDate: '2026-12-03', startTime: '10:00', endTime: '12:00' });
    expect(at('Okänd zon')).toMatchObject({ startTime: '10:00', endTime: '12:00' });
    expect(at('Windows')).toMatchObject({ startDate: '2026-06-15', startTime: '10:00', recurrence: { kind: 'weekly', weekdays: ['MO'] } });
    expect(at('Paris')).toMatchObject({ startTime: '10:00' });
    expect(at('Helsingfors')).toMatchObject({ startTime: '09:00' });
    expect(at('UTC')).toMatchObject({ startDate: '2026-07-01', startTime: '18:00', endTime: '19:00' });
  });

  it('reads floating times in the calendar’s X-WR-TIMEZONE', () => {
    const result = map(calendar(event('UID:f\nSUMMARY:London\nDTSTART:20261203T100000\nDTEND:20261203T110000'), 'X-WR-TIMEZONE:Europe/London\r\n'));
    expect(one(result.events, 'London').fields.schedule).toMatchObject({ startTime: '11:00', endTime: '12:00' });
  });

  it('moves the weekdays of a rule when Stockholm time falls on another day', () => {
    const result = map(calendar(event('UID:late\nSUMMARY:Sent\nDTSTART;TZID=Europe/London:20261201T233000\nDTEND;TZID=Europe/London:20261202T003000\nRRULE:FREQ=WEEKLY;BYDAY=TU,FR')));
    expect(one(result.events, 'Sent').fields.schedule).toMatchObject({ startDate: '2026-12-02', startTime: '00:30', endTime: '01:30', recurrence: { kind: 'weekly', weekdays: ['WE', 'SA'] } });
  });
});

describe('RRULE rules', () => {
  const rec = (rule: string, start = '2026-12-01', shift = 0) => recurrenceFor(ruleParts(`RRULE:${rule}`), start, shift);

  it('maps weekly rules with interval and weekdays', () => {
    expect(rec('FREQ=WEEKLY;BYDAY=TU,TH')).toEqual({ kind: 'weekly', interval: 1, weekdays: ['TU', 'TH'] });
    expect(rec('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;WKST=MO')).toEqual({ kind: 'weekly', interval: 2, weekdays: ['WE'] });
    expect(rec('FREQ=WEEKLY')).toEqual({ kind: 'weekly', interval: 1, weekdays: ['TU'] });
    expect(rec('FREQ=WEEKLY;UNTIL=20270101T000000Z;BYDAY=SU,MO')).toEqual({ kind: 'weekly', interval: 1, weekdays: ['MO', 'SU'] });
    // Every other week on two days counted from Sunday gives other dates than from Monday.
    expect(rec('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU;WKST=SU')).toBeNull();
    expect(rec('FREQ=WEEKLY;INTERVAL=53;BYDAY=MO')).toBeNull();
  });

  it('maps daily rules to weekly ones where they are the same', () => {
    expect(rec('FREQ=DAILY')).toEqual({ kind: 'weekly', interval: 1, weekdays: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] });
    expect(rec('FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR')).toEqual({ kind: 'weekly', interval: 1, weekdays: ['MO', 'TU', 'WE', 'TH', 'FR'] });
    expect(rec('FREQ=DAILY;INTERVAL=14')).toEqual({ kind: 'weekly', interval: 2, weekdays: ['TU'] });
    expect(rec('FREQ=DAILY;INTERVAL=3')).toBeNull();
  });

  it('maps monthly rules on the nth or last weekday', () => {
    expect(rec('FREQ=MONTHLY;BYDAY=2TU')).toEqual({ kind: 'monthly', nth: 2, weekday: 'TU' });
    expect(rec('FREQ=MONTHLY;BYDAY=-1FR')).toEqual({ kind: 'monthly', nth: -1, weekday: 'FR' });
    expect(rec('FREQ=MONTHLY;BYDAY=+1MO')).toEqual({ kind: 'monthly', nth: 1, weekday: 'MO' });
    expect(rec('FREQ=MONTHLY;BYDAY=TH;BYSETPOS=3')).toEqual({ kind: 'monthly', nth: 3, weekday: 'TH' });
    expect(rec('FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU')).toBeNull();
    expect(rec('FREQ=MONTHLY;BYDAY=2TU,4TU')).toBeNull();
    expect(rec('FREQ=MONTHLY;BYMONTHDAY=15')).toBeNull();
    expect(rec('FREQ=MONTHLY;BYDAY=2TU', '2026-12-08', 1)).toBeNull();
  });

  it('leaves yearly and other rules to be expanded', () => {
    expect(rec('FREQ=YEARLY')).toBeNull();
    expect(rec('FREQ=WEEKLY;BYMONTH=6,7,8;BYDAY=MO')).toBeNull();
  });

  it('reads UNTIL as the last date a series can meet on', () => {
    expect(untilDate('20270608T215959Z', '18:00')).toBe('2027-06-08');
    expect(untilDate('20270608T155959Z', '18:00')).toBe('2027-06-07');
    expect(untilDate('20270608', '18:00')).toBe('2027-06-08');
    expect(untilDate('20270608T180000', '18:00')).toBe('2027-06-08');
    expect(untilDate('garbage', '18:00')).toBeNull();
  });

  it('keeps EXDATE and RECURRENCE-ID changes inside the series', () => {
    const result = map(
      calendar(
        event('UID:s\nSUMMARY:Serie\nDTSTART;TZID=Europe/Stockholm:20261201T180000\nDTEND;TZID=Europe/Stockholm:20261201T200000\nRRULE:FREQ=WEEKLY;COUNT=6\nEXDATE;TZID=Europe/Stockholm:20261208T180000,20261215T180000') +
          event('UID:s\nSUMMARY:Serie\nRECURRENCE-ID;TZID=Europe/Stockholm:20261222T180000\nDTSTART;TZID=Europe/Stockholm:20261222T170000\nDTEND;TZID=Europe/Stockholm:20261222T190000') +
          event('UID:s\nSUMMARY:Serie\nRECURRENCE-ID;TZID=Europe/Stockholm:20261229T180000\nSTATUS:CANCELLED\nDTSTART;TZID=Europe/Stockholm:20261229T180000') +
          event('UID:s\nSUMMARY:Serie – ny text\nRECURRENCE-ID;TZID=Europe/Stockholm:20270105T180000\nDTSTART;TZID=Europe/Stockholm:20270105T180000\nDTEND;TZID=Europe/Stockholm:20270105T200000'),
      ),
    );
    const s = one(result.events, 'Serie').fields.schedule;
    expect(s.validUntil).toBe('2027-01-05');
    expect(s.exceptions).toEqual(['2026-12-08', '2026-12-15']);
    expect(s.changes.map((c) => [c.originalDate, c.kind, c.newDate, c.newStartTime])).toEqual([
      ['2026-12-22', 'moved', '2026-12-22', '17:00'],
      ['2026-12-29', 'cancelled', null, null],
    ]);
  });

  it('imports a changed date whose series is not in the feed as a single event known by its date', () => {
    const result = map(calendar(event('UID:lone\nSUMMARY:Ensam\nRECURRENCE-ID;TZID=Europe/Stockholm:20261208T180000\nDTSTART;TZID=Europe/Stockholm:20261209T180000\nDTEND;TZID=Europe/Stockholm:20261209T200000')));
    expect(one(result.events, 'Ensam')).toMatchObject({ uid: 'lone', recurrenceId: '2026-12-08', fields: { schedule: { startDate: '2026-12-09' } } });
  });
});

describe('places and fingerprints', () => {
  it('matches a location by name, address or the name first', () => {
    expect(matchPlace('Vivalla bibliotek', places)).toBe(1);
    expect(matchPlace('VIVALLA  BIBLIOTEK', places)).toBe(1);
    expect(matchPlace('Vivalla torg 5, 703 72 Örebro', places)).toBe(1);
    expect(matchPlace('Mötesplats Vivalla, Örebro', places)).toBe(3);
    expect(matchPlace('Angsvagen 30', places)).toBe(4);
    expect(matchPlace('Ängsvägen 3', places)).toBeNull();
    expect(matchPlace('Vivalla', places)).toBeNull();
    expect(matchPlace('', places)).toBeNull();
  });

  it('gives the same fields the same fingerprint and changed fields another', () => {
    const a = one(map(fixture('google.ics')).events, 'Julfest för hela familjen');
    const b = one(map(fixture('google.ics')).events, 'Julfest för hela familjen');
    expect(a.hash).toBe(b.hash);
    expect(hashFields({ ...a.fields, title: 'Julfest' })).not.toBe(a.hash);
  });
});
