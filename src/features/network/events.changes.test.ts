import { describe, expect, it } from 'vitest';
import type { Schedule } from '../calendar/index.js';
import { dateChangeMail, signupDateChanges } from './events.changes.js';

// Tuesdays from 1 December 2026, 18:00–20:00.
const weekly: Schedule = {
  recurrence: { kind: 'weekly', interval: 1, weekdays: ['TU'] },
  startDate: '2026-12-01',
  startTime: '18:00',
  endTime: '20:00',
  validUntil: null,
  pauses: [],
  exceptions: [],
  changes: [],
};
const dates = ['2026-12-01', '2026-12-08', '2026-12-15'];

describe('signupDateChanges', () => {
  it('finds nothing when the schedule did not change (a repeated request)', () => {
    expect(signupDateChanges(weekly, weekly, dates)).toEqual([]);
  });

  it('calls a cancelled date cancelled, with its note, and leaves an already cancelled one alone', () => {
    const cancelled = { ...weekly, changes: [{ originalDate: '2026-12-08', kind: 'cancelled' as const, newDate: null, newStartTime: null, newEndTime: null, note: 'Lokalen är stängd' }] };
    const [change, ...rest] = signupDateChanges(weekly, cancelled, dates);
    expect(rest).toEqual([]);
    expect(change).toMatchObject({ date: '2026-12-08', kind: 'cancelled', note: 'Lokalen är stängd' });
    expect(signupDateChanges(cancelled, cancelled, dates)).toEqual([]);
  });

  it('calls a paused date cancelled with the pause note, and every date gone with a deleted activity', () => {
    const paused = { ...weekly, pauses: [{ fromDate: '2026-12-10', toDate: '2027-01-06', note: 'Julpaus' }] };
    expect(signupDateChanges(weekly, paused, dates).map((c) => [c.date, c.kind, c.kind === 'cancelled' ? c.note : null])).toEqual([['2026-12-15', 'cancelled', 'Julpaus']]);
    expect(signupDateChanges(weekly, null, dates).map((c) => c.date)).toEqual(dates);
  });

  it('calls new times moved, with the new occurrence', () => {
    const later = { ...weekly, startTime: '19:00', endTime: '21:00' };
    const changes = signupDateChanges(weekly, later, ['2026-12-01']);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.kind).toBe('moved');
    if (changes[0]!.kind === 'moved') expect(changes[0]!.after.startTime).toBe('19:00');
  });
});

describe('dateChangeMail', () => {
  it('writes the cancellation in the person’s language with the organiser’s note and no cancel link', () => {
    const [change] = signupDateChanges(weekly, null, ['2026-12-01']);
    const mail = dateChangeMail({ ...change!, kind: 'cancelled', note: 'Vi ses nästa vecka' } as never, { language: 'ar', name: 'Fatima', title: 'Språkcafé', place: null, organiser: 'Röda Korset', cancelLink: null });
    expect(mail.subject).toContain('أُلغي');
    expect(mail.text).toContain('Vi ses nästa vecka');
    expect(mail.text).not.toContain('/anmalan/avboka/');
  });
});
