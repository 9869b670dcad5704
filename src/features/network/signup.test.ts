/** The rules of events with sign-up: places, waiting list and promotion, deadline, forms, reminders, attendance, CSV. */
import { describe, expect, it } from 'vitest';
import {
  attendanceOverTime,
  attendeeKey,
  availability,
  csvCell,
  deadlineOf,
  lastErasableDate,
  placeFor,
  promotions,
  readSettingsForm,
  readSignupForm,
  reminderDue,
  settingsForDate,
  toCsv,
  type SignupSettings,
} from './signup.js';

const settings = (over: Partial<SignupSettings> = {}): SignupSettings => ({
  activityId: 7,
  date: '2026-12-08',
  capacity: 40,
  deadlineDate: null,
  deadlineTime: null,
  questions: { organisation: 'required', diet: 'optional', accessibility: 'off' },
  note: null,
  ...over,
});
/** 17:30 on 8 December 2026 in Stockholm (winter time, UTC+1). */
const meeting = { startsAt: '2026-12-08T16:30:00Z', status: 'scheduled' as const, localDate: '2026-12-08' };
const at = (iso: string) => new Date(iso);

describe('places and the waiting list', () => {
  it('takes people while there are places, then puts them on the waiting list', () => {
    expect(placeFor(40, 0)).toBe('confirmed');
    expect(placeFor(40, 39)).toBe('confirmed');
    expect(placeFor(40, 40)).toBe('waiting');
    expect(placeFor(40, 41)).toBe('waiting');
    expect(placeFor(null, 10_000)).toBe('confirmed');
  });

  it('promotes as many as there are free places, first come first served', () => {
    expect(promotions(40, 39, [5, 9, 3])).toEqual([5]);
    expect(promotions(40, 37, [5, 9, 3, 12])).toEqual([5, 9, 3]);
    expect(promotions(40, 40, [5, 9])).toEqual([]);
    // A capacity lowered below the places taken promotes nobody and demotes nobody.
    expect(promotions(10, 12, [5])).toEqual([]);
    expect(promotions(null, 100, [5, 9])).toEqual([5, 9]);
  });

  it('says places left, full, or closed', () => {
    const now = at('2026-12-01T10:00:00Z');
    expect(availability(settings(), meeting, { confirmed: 12, waiting: 0 }, now)).toEqual({ state: 'open', placesLeft: 28 });
    expect(availability(settings(), meeting, { confirmed: 40, waiting: 2 }, now)).toEqual({ state: 'waitlist' });
    expect(availability(settings({ capacity: null }), meeting, { confirmed: 500, waiting: 0 }, now)).toEqual({ state: 'open', placesLeft: null });
    expect(availability(settings(), { ...meeting, status: 'cancelled' }, { confirmed: 0, waiting: 0 }, now)).toEqual({ state: 'closed', reason: 'cancelled' });
  });
});

describe('the deadline, in Stockholm time', () => {
  const s = settings({ deadlineDate: '2026-12-06', deadlineTime: '23:59' });

  it('closes at the deadline, to the minute', () => {
    expect(deadlineOf(s, meeting)).toBe('2026-12-06T22:59:00Z');
    expect(availability(s, meeting, { confirmed: 0, waiting: 0 }, at('2026-12-06T22:58:59Z')).state).toBe('open');
    expect(availability(s, meeting, { confirmed: 0, waiting: 0 }, at('2026-12-06T22:59:00Z'))).toEqual({ state: 'closed', reason: 'deadline' });
  });

  it('without a deadline, closes when the event starts; after it, the date is past', () => {
    expect(deadlineOf(settings(), meeting)).toBe(meeting.startsAt);
    expect(availability(settings(), meeting, { confirmed: 0, waiting: 0 }, at('2026-12-08T16:29:00Z')).state).toBe('open');
    expect(availability(settings(), meeting, { confirmed: 0, waiting: 0 }, at('2026-12-08T16:30:00Z'))).toEqual({ state: 'closed', reason: 'past' });
  });

  it('a deadline in summer time is read in summer time', () => {
    const june = { startsAt: '2026-06-09T15:30:00Z', status: 'scheduled' as const };
    expect(deadlineOf({ deadlineDate: '2026-06-07', deadlineTime: '12:00' }, june)).toBe('2026-06-07T10:00:00Z');
  });

  it('a deadline after the start counts as the start', () => {
    expect(deadlineOf({ deadlineDate: '2026-12-09', deadlineTime: '12:00' }, meeting)).toBe(meeting.startsAt);
  });
});

describe('the sign-up form', () => {
  const body = (over: Record<string, string> = {}) => ({ name: ' Leila Haddad ', email: ' Leila@Exempel.SE ', phone: '', organisation: 'Kvinnor i Vivalla', diet: '', consent: 'true', ...over });

  it('reads a good form: e-mail normalised, empty optional answers null, unasked questions ignored', () => {
    const r = readSignupForm({ ...body(), accessibility: 'Rullstol' }, settings().questions);
    expect(r.errors).toEqual({});
    expect(r.spam).toBe(false);
    expect(r.input).toEqual({ name: 'Leila Haddad', email: 'leila@exempel.se', phone: null, organisation: 'Kvinnor i Vivalla', diet: null, accessibility: null });
  });

  it('needs a name, a real e-mail, the required answers and consent', () => {
    const r = readSignupForm({ name: '', email: 'nope', organisation: '', consent: '' }, settings().questions);
    expect(r.input).toBeNull();
    expect(r.errors).toEqual({
      name: 'events.signup.errors.nameRequired',
      email: 'events.signup.errors.emailInvalid',
      organisation: 'events.signup.errors.answerRequired',
      consent: 'events.signup.errors.consentRequired',
    });
    expect(readSignupForm(body({ email: '' }), settings().questions).errors.email).toBe('events.signup.errors.emailRequired');
  });

  it('stores a phone in E.164 and refuses one that is no number', () => {
    expect(readSignupForm(body({ phone: '070-174 06 05' }), settings().questions).input?.phone).toBe('+46701740605');
    expect(readSignupForm(body({ phone: '12' }), settings().questions).errors.phone).toBe('events.signup.errors.phoneInvalid');
  });

  it('notices the honeypot without refusing the form (the route decides)', () => {
    const r = readSignupForm({ ...body(), hemsida: 'http://spam.example' }, settings().questions);
    expect(r.spam).toBe(true);
    expect(r.input).not.toBeNull();
  });

  it('refuses answers longer than their limits', () => {
    expect(readSignupForm(body({ organisation: 'x'.repeat(121) }), settings().questions).errors.organisation).toBe('events.signup.errors.tooLong');
  });
});

describe('the organiser’s settings form', () => {
  const occurrence = { activityId: 7, date: '2026-12-08', startsAt: meeting.startsAt };

  it('reads capacity, deadline and questions', () => {
    const r = readSettingsForm(
      { enabled: 'true', capacity: '40', deadlineDate: '2026-12-06', deadlineTime: '23:59', organisation: 'required', diet: 'optional', accessibility: 'off', note: ' Fika! ' },
      occurrence,
    );
    expect(r.errors).toEqual({});
    expect(r.settings).toEqual(settings({ deadlineDate: '2026-12-06', deadlineTime: '23:59', note: 'Fika!' }));
  });

  it('an empty capacity means no limit; turned off, it is null whatever else it says', () => {
    expect(readSettingsForm({ enabled: 'true', capacity: '' }, occurrence).settings?.capacity).toBeNull();
    expect(readSettingsForm({ capacity: 'many' }, occurrence)).toMatchObject({ errors: {}, settings: null });
  });

  it('refuses a bad capacity, half a deadline, a deadline after the start and unknown modes', () => {
    const errors = (b: Record<string, string>) => readSettingsForm({ enabled: 'true', ...b }, occurrence).errors;
    expect(errors({ capacity: '0' }).capacity).toBe('events.settings.errors.capacityInvalid');
    expect(errors({ capacity: '-3' }).capacity).toBe('events.settings.errors.capacityInvalid');
    expect(errors({ deadlineDate: '2026-12-06' }).deadlineTime).toBe('events.settings.errors.deadlineBoth');
    expect(errors({ deadlineDate: '2026-12-08', deadlineTime: '18:00' }).deadlineDate).toBe('events.settings.errors.deadlineAfterStart');
    expect(errors({ diet: 'always' }).diet).toBe('events.settings.errors.choiceInvalid');
  });

  it('copied to a later date, the deadline keeps its distance and time', () => {
    const s = settings({ deadlineDate: '2026-12-06', deadlineTime: '23:59' });
    expect(settingsForDate(s, '2027-03-09')).toEqual({ ...s, date: '2027-03-09', deadlineDate: '2027-03-07' });
    expect(settingsForDate(settings(), '2027-03-09').deadlineDate).toBeNull();
  });
});

describe('reminders the day before', () => {
  const s = { status: 'confirmed' as const, createdAt: '2026-11-20T10:00:00Z', remindedAt: null };

  it('are due from 09:00 the day before until the start', () => {
    expect(reminderDue(s, meeting, at('2026-12-07T07:59:00Z'))).toBe(false);
    expect(reminderDue(s, meeting, at('2026-12-07T08:00:00Z'))).toBe(true);
    expect(reminderDue(s, meeting, at('2026-12-08T16:00:00Z'))).toBe(true);
    expect(reminderDue(s, meeting, at('2026-12-08T16:30:00Z'))).toBe(false);
  });

  it('go once, only to people with a place, not for a cancelled date, not to who signed up after 09:00 the day before', () => {
    const now = at('2026-12-07T12:00:00Z');
    expect(reminderDue({ ...s, remindedAt: '2026-12-07T08:00:00Z' }, meeting, now)).toBe(false);
    expect(reminderDue({ ...s, status: 'waiting' }, meeting, now)).toBe(false);
    expect(reminderDue(s, { ...meeting, status: 'cancelled' }, now)).toBe(false);
    expect(reminderDue({ ...s, createdAt: '2026-12-07T09:00:00Z' }, meeting, now)).toBe(false);
  });

  it('09:00 the day before is 09:00 local in summer time too', () => {
    const june = { startsAt: '2026-06-09T15:30:00Z', status: 'scheduled' as const, localDate: '2026-06-09' };
    const early = { ...s, createdAt: '2026-05-20T10:00:00Z' };
    expect(reminderDue(early, june, at('2026-06-08T06:59:00Z'))).toBe(false);
    expect(reminderDue(early, june, at('2026-06-08T07:00:00Z'))).toBe(true);
  });
});

describe('erasure and attendee keys', () => {
  it('erases the dates that lie the retention period behind', () => {
    expect(lastErasableDate('2027-01-07', 30)).toBe('2026-12-08');
  });

  it('keys an address per activity, whatever its case', () => {
    expect(attendeeKey('s', 7, 'Leila@Exempel.se')).toBe(attendeeKey('s', 7, 'leila@exempel.se'));
    expect(attendeeKey('s', 7, 'leila@exempel.se')).not.toBe(attendeeKey('s', 8, 'leila@exempel.se'));
    expect(attendeeKey('s', 7, 'leila@exempel.se')).not.toBe(attendeeKey('t', 7, 'leila@exempel.se'));
    expect(attendeeKey('s', 7, 'leila@exempel.se')).not.toContain('leila');
  });
});

describe('attendance over time', () => {
  it('counts per date who signed up, who came, and of them who had come before', () => {
    const row = (date: string, key: string, status: 'confirmed' | 'waiting' | 'cancelled', checkedIn: boolean) => ({ date, attendeeKey: key, status, checkedIn });
    const days = attendanceOverTime([
      row('2026-09-08', 'b', 'confirmed', true),
      row('2026-06-09', 'a', 'confirmed', true),
      row('2026-06-09', 'b', 'confirmed', true),
      row('2026-06-09', 'c', 'confirmed', false),
      row('2026-09-08', 'a', 'confirmed', true),
      row('2026-09-08', 'c', 'confirmed', true),
      row('2026-09-08', 'd', 'confirmed', true),
      row('2026-09-08', 'e', 'waiting', false),
      row('2026-09-08', 'f', 'cancelled', false),
      row('2026-12-08', 'a', 'confirmed', false),
    ]);
    expect(days).toEqual([
      { date: '2026-06-09', signedUp: 3, waiting: 0, cancelled: 0, arrived: 2, returning: 0, new: 2 },
      // c signed up before but never came: new.
      { date: '2026-09-08', signedUp: 4, waiting: 1, cancelled: 1, arrived: 4, returning: 2, new: 2 },
      { date: '2026-12-08', signedUp: 1, waiting: 0, cancelled: 0, arrived: 0, returning: 0, new: 0 },
    ]);
  });
});

describe('CSV', () => {
  it('defuses cells a spreadsheet would run as a formula', () => {
    for (const bad of ['=HYPERLINK("http://x","y")', '+46701740605', '-1+1', '@SUM(A1)', '\tx', '\rx']) {
      expect(csvCell(bad).replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvCell('Leila')).toBe('Leila');
    expect(csvCell(null)).toBe('');
  });

  it('quotes separators, quotes and line breaks; semicolons, CRLF and a byte-order mark', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(toCsv([['Namn', 'E-post'], ['Åsa Öberg', '=1+1']])).toBe("\uFEFFNamn;E-post\r\nÅsa Öberg;'=1+1\r\n");
  });
});
