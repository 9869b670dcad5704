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
