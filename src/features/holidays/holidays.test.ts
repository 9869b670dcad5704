import { describe, it, expect } from 'vitest';
import { holidayOn, swedishHolidays } from './holidays.js';

function listed(from: number, to: number): [string, string, string][] {
  return [...swedishHolidays(from, to)].map(([date, h]) => [date, h.name, h.kind]);
}

describe('swedishHolidays', () => {
  it('lists the 13 public holidays and 7 common eves of 2026 on their dates', () => {
    expect(listed(2026, 2026)).toEqual([
      ['2026-01-01', 'nyårsdagen', 'public'],
      ['2026-01-05', 'trettondagsafton', 'eve'],
      ['2026-01-06', 'trettondedag jul', 'public'],
      ['2026-04-03', 'långfredagen', 'public'],
      ['2026-04-04', 'påskafton', 'eve'],
      ['2026-04-05', 'påskdagen', 'public'],
      ['2026-04-06', 'annandag påsk', 'public'],
      ['2026-04-30', 'valborgsmässoafton', 'eve'],
      ['2026-05-01', 'första maj', 'public'],
      ['2026-05-14', 'Kristi himmelsfärdsdag', 'public'],
      ['2026-05-24', 'pingstdagen', 'public'],
      ['2026-06-06', 'nationaldagen', 'public'],
      ['2026-06-19', 'midsommarafton', 'eve'],
      ['2026-06-20', 'midsommardagen', 'public'],
      ['2026-10-30', 'alla helgons afton', 'eve'],
      ['2026-10-31', 'alla helgons dag', 'public'],
      ['2026-12-24', 'julafton', 'eve'],
      ['2026-12-25', 'juldagen', 'public'],
      ['2026-12-26', 'annandag jul', 'public'],
      ['2026-12-31', 'nyårsafton', 'eve'],
    ]);
  });

  it('moves Easter, Midsummer and All Saints with the calendar in 2027', () => {
    expect(listed(2027, 2027)).toEqual([
      ['2027-01-01', 'nyårsdagen', 'public'],
      ['2027-01-05', 'trettondagsafton', 'eve'],
      ['2027-01-06', 'trettondedag jul', 'public'],
      ['2027-03-26', 'långfredagen', 'public'],
      ['2027-03-27', 'påskafton', 'eve'],
      ['2027-03-28', 'påskdagen', 'public'],
      ['2027-03-29', 'annandag påsk', 'public'],
      ['2027-04-30', 'valborgsmässoafton', 'eve'],
      ['2027-05-01', 'första maj', 'public'],
      ['2027-05-06', 'Kristi himmelsfärdsdag', 'public'],
      ['2027-05-16', 'pingstdagen', 'public'],
      ['2027-06-06', 'nationaldagen', 'public'],
      ['2027-06-25', 'midsommarafton', 'eve'],
      ['2027-06-26', 'midsommardagen', 'public'],
      ['2027-11-05', 'alla helgons afton', 'eve'],
      ['2027-11-06', 'alla helgons dag', 'public'],
      ['2027-12-24', 'julafton', 'eve'],
      ['2027-12-25', 'juldagen', 'public'],
      ['2027-12-26', 'annandag jul', 'public'],
      ['2027-12-31', 'nyårsafton', 'eve'],
    ]);
  });

  it('leaves out observances that are ordinary days (skärtorsdagen, pingstafton, Mors dag, Lucia)', () => {
    const days = swedishHolidays(2026, 2026);
    for (const date of ['2026-04-02', '2026-05-23', '2026-05-25', '2026-05-31', '2026-12-13', '2026-11-06']) {
      expect(days.has(date)).toBe(false);
    }
  });

  it('spans several years and is empty when the range is reversed', () => {
    const both = swedishHolidays(2026, 2027);
    expect(both.size).toBe(40);
    expect([...both.keys()][0]).toBe('2026-01-01');
    expect([...both.keys()].at(-1)).toBe('2027-12-31');
    expect(swedishHolidays(2027, 2026).size).toBe(0);
  });

  it('hands out a fresh map each call, so a caller cannot spoil the memo', () => {
    const first = swedishHolidays(2026, 2026);
    first.delete('2026-12-24');
    expect(swedishHolidays(2026, 2026).get('2026-12-24')).toEqual({ name: 'julafton', kind: 'eve' });
  });

  it('rejects years that are not whole numbers in range', () => {
    expect(() => swedishHolidays(2026.5, 2027)).toThrow(RangeError);
    expect(() => holidayOn('0099-01-01')).toThrow(RangeError);
  });
});

describe('holidayOn', () => {
  it('names the holiday on a date and says null on an ordinary day', () => {
    expect(holidayOn('2026-06-19')).toEqual({ name: 'midsommarafton', kind: 'eve' });
    expect(holidayOn('2026-04-03')).toEqual({ name: 'långfredagen', kind: 'public' });
    expect(holidayOn('2027-03-28')).toEqual({ name: 'påskdagen', kind: 'public' });
    expect(holidayOn('2026-10-31')).toEqual({ name: 'alla helgons dag', kind: 'public' });
    expect(holidayOn('2026-06-18')).toBeNull();
    expect(holidayOn('2027-10-31')).toBeNull();
  });
});
