/**
 * Swedish public holidays and the eves most people have off, from date-holidays (country SE), keyed by
 * local date. Pure: the dates are computed, never fetched.
 */
import Holidays from 'date-holidays';

export type HolidayKind = 'public' | 'eve';

export interface Holiday {
  /** Swedish name, lower case as in running text ("midsommarafton"). */
  name: string;
  kind: HolidayKind;
}

/** Local date YYYY-MM-DD → the holiday on it. */
export type HolidayCalendar = ReadonlyMap<string, Holiday>;

function publicHoliday(name: string): [string, Holiday] {
  return [name, Object.freeze({ name, kind: 'public' })];
}

function eve(libraryName: string, name = libraryName): [string, Holiday] {
  return [libraryName, Object.freeze({ name, kind: 'eve' })];
}

/**
 * The days we keep, by date-holidays' Swedish name. The library types the eves inconsistently
 * (trettondagsafton, valborgsmässoafton and allhelgonaafton are `optional` from 12:00, påskafton is an
 * `observance` like pingstafton and Mors dag, midsommarafton, julafton and nyårsafton are `bank`), so the
 * list is explicit rather than a filter on type; eves count as the whole day.
 */
const KEPT: ReadonlyMap<string, Holiday> = new Map([
  publicHoliday('nyårsdagen'),
  publicHoliday('trettondedag jul'),
  publicHoliday('långfredagen'),
  publicHoliday('påskdagen'),
  publicHoliday('annandag påsk'),
  publicHoliday('första maj'),
  publicHoliday('Kristi himmelsfärdsdag'),
  publicHoliday('nationaldagen'),
  publicHoliday('pingstdagen'),
  publicHoliday('midsommardagen'),
  publicHoliday('alla helgons dag'),
  publicHoliday('juldagen'),
  publicHoliday('annandag jul'),
  eve('trettondagsafton'),
  eve('påskafton'),
  eve('valborgsmässoafton'),
  eve('midsommarafton'),
  eve('allhelgonaafton', 'alla helgons afton'),
  eve('julafton'),
  eve('nyårsafton'),
]);

const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;

let source: Holidays | null = null;
const byYear = new Map<number, HolidayCalendar>();

function yearHolidays(year: number): HolidayCalendar {
  const cached = byYear.get(year);
  if (cached) return cached;
  source ??= new Holidays('SE', { languages: ['sv'], timezone: 'Europe/Stockholm' });
  const days = new Map<string, Holiday>();
  for (const h of source.getHolidays(year, 'sv')) {
    const kept = KEPT.get(h.name);
    if (!kept) continue;
    const date = h.date.slice(0, 10);
    // A public holiday wins over an eve should the two ever fall on one date.
    if (days.get(date)?.kind !== 'public') days.set(date, kept);
  }
  byYear.set(year, days);
  return days;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new RangeError(`holiday year out of range: ${year}`);
  }
}

/**
 * Public holidays and common eves in [fromYear, toYear], in date order, as a fresh map the caller may
 * keep. Each year is computed once per process. Empty when fromYear > toYear.
 */
export function swedishHolidays(fromYear: number, toYear: number): Map<string, Holiday> {
  checkYear(fromYear);
  checkYear(toYear);
  const out = new Map<string, Holiday>();
  for (let year = fromYear; year <= toYear; year++) {
    for (const [date, h] of [...yearHolidays(year)].sort(([a], [b]) => a.localeCompare(b))) out.set(date, h);
  }
  return out;
}

/** The public holiday or common eve on a local date (YYYY-MM-DD), or null. */
export function holidayOn(date: string): Holiday | null {
  const year = Number(date.slice(0, 4));
  checkYear(year);
  return yearHolidays(year).get(date) ?? null;
}
