/** The summer the language cafés coordinate: from the week of midsummer eve to the week of 15 August. */
import { swedishHolidays } from '../holidays/index.js';
import { addDays, isoWeek, startOfIsoWeek } from '../../web/time.js';

export interface SummerWeek {
  /** Monday of the ISO week. */
  monday: string;
  week: number;
}

/** The ISO weeks of a year's summer, midsummer week first. */
export function summerWeeks(year: number): SummerWeek[] {
  const midsummerEve = [...swedishHolidays(year, year)].find(([, h]) => h.name === 'midsommarafton')?.[0] ?? `${year}-06-20`;
  const first = startOfIsoWeek(midsummerEve);
  const last = startOfIsoWeek(`${year}-08-15`);
  const weeks: SummerWeek[] = [];
  for (let monday = first; monday <= last; monday = addDays(monday, 7)) weeks.push({ monday, week: isoWeek(monday).week });
  return weeks;
}

/** The summer a page shows by default: this year's until it is over, then next year's. */
export function defaultSummerYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return today > `${year}-08-15` ? year + 1 : year;
}

/** A paused period, as schedules store them (inclusive local dates). */
export interface Pause {
  fromDate: string;
  toDate: string;
  note: string | null;
}

/**
 * The pauses with one ISO week (Monday `monday` to Sunday) made open or closed. Closing adds a pause
 * for the week, joined with pauses it touches; opening cuts the week out of any pause, splitting it.
 */
export function setWeekOpen(pauses: readonly Pause[], monday: string, open: boolean, note: string | null = null): Pause[] {
  const sunday = addDays(monday, 6);
  if (open) {
    const out: Pause[] = [];
    for (const p of pauses) {
      if (p.toDate < monday || p.fromDate > sunday) {
        out.push({ ...p });
        continue;
      }
      if (p.fromDate < monday) out.push({ ...p, toDate: addDays(monday, -1) });
      if (p.toDate > sunday) out.push({ ...p, fromDate: addDays(sunday, 1) });
    }
    return out.sort((a, b) => a.fromDate.localeCompare(b.fromDate));
  }
  let merged: Pause = { fromDate: monday, toDate: sunday, note };
  const out: Pause[] = [];
  for (const p of pauses) {
    // Overlapping or touching (the day after one ends is the day the other starts) join into one.
    if (p.toDate >= addDays(merged.fromDate, -1) && p.fromDate <= addDays(merged.toDate, 1)) {
      merged = {
        fromDate: p.fromDate < merged.fromDate ? p.fromDate : merged.fromDate,
        toDate: p.toDate > merged.toDate ? p.toDate : merged.toDate,
        note: p.note ?? merged.note,
      };
    } else out.push({ ...p });
  }
  out.push(merged);
  return out.sort((a, b) => a.fromDate.localeCompare(b.fromDate));
}
