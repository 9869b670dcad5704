import { describe, expect, it } from 'vitest';
import { ImportError, isIcsDateValue, splitCalendar, splitContentLine } from './ics-split.js';

const calendar = (body: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${body}END:VCALENDAR\r\n`;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof ImportError ? error.code : 'other';
  }
  return undefined;
}

describe('splitting a calendar file', () => {
  it('refuses what is no calendar: binary data, a login page, an empty answer', () => {
    expect(codeOf(() => splitCalendar('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR'))).toBe('imports.errors.notText');
    expect(codeOf(() => splitCalendar('\ufffd'.repeat(50) + 'BEGIN:VCALENDAR'))).toBe('imports.errors.notText');
    expect(codeOf(() => splitCalendar('<!doctype html><title>Logga in</title>'))).toBe('imports.errors.notCalendar');
    expect(codeOf(() => splitCalendar(''))).toBe('imports.errors.notCalendar');
  });

  it('groups a series with its changed dates by UID, and keeps time zones and X-WR-TIMEZONE', () => {
    const raw = splitCalendar(
      calendar(
        'X-WR-TIMEZONE:Europe/Stockholm\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm\r\nEND:VTIMEZONE\r\n' +
          'BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Första\r\nDTSTART:20261201T180000\r\nRRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\n' +
          'BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Andra\r\nDTSTART:20261202T180000\r\nEND:VEVENT\r\n' +
          'BEGIN:VEVENT\r\nUID:a\r\nRECURRENCE-ID:20261208T180000\r\nSUMMARY:Flyttad\r\nDTSTART:20261209T180000\r\nEND:VEVENT\r\n',
      ),
    );
    expect(raw.calendarZone).toBe('Europe/Stockholm');
    expect(raw.timezones).toContain('TZID:Europe/Stockholm');
    expect(raw.groups.map((g) => [g.uid, g.blocks.length, g.summary])).toEqual([
      ['a', 2, 'Första'],
      ['b', 1, 'Andra'],
    ]);
  });

  it('unfolds lines and reads a colon inside a quoted parameter as part of it', () => {
    expect(splitContentLine('DTSTART;TZID="(UTC+01:00) Amsterdam":20261201T180000')).toEqual({ name: 'DTSTART', params: 'TZID="(UTC+01:00) Amsterdam"', value: '20261201T180000' });
    const raw = splitCalendar(calendar('BEGIN:VEVENT\r\nUID:lo\r\n ng\r\nSUMMARY:Språk\r\n café\r\nDTSTART:20261201T180000\r\nEND:VEVENT\r\n'));
    expect(raw.groups[0]).toMatchObject({ uid: 'long', summary: 'Språkcafé' });
  });

  it('marks events whose dates are no real dates, and lists events without UID', () => {
    const raw = splitCalendar(
      calendar(
        'BEGIN:VEVENT\r\nUID:bad\r\nDTSTART:20261345T250000\r\nEND:VEVENT\r\n' +
          'BEGIN:VEVENT\r\nUID:good\r\nDTSTART;VALUE=DATE:20261224\r\nEXDATE:20261201T180000Z,20261208T180000Z\r\nBEGIN:VALARM\r\nTRIGGER;VALUE=DATE-TIME:19760401T005545Z\r\nEND:VALARM\r\nEND:VEVENT\r\n' +
          'BEGIN:VEVENT\r\nSUMMARY:Utan UID\r\nDTSTART:20261201T180000\r\nEND:VEVENT\r\n',
      ),
    );
    expect(raw.groups.map((g) => [g.uid, g.badDate])).toEqual([
      ['bad', true],
      ['good', false],
    ]);
    expect(raw.withoutUid).toEqual(['Utan UID']);
  });

  it('knows a real date value from a false one', () => {
    for (const v of ['20261201', '20261201T180000', '20261201T180000Z', '20280229T000000']) expect(isIcsDateValue(v), v).toBe(true);
    for (const v of ['20261345T250000', '20270229', '20261201T240000', '20261201T186000', '2026-12-01', 'next tuesday', '18991231', '']) expect(isIcsDateValue(v), v).toBe(false);
  });
});
