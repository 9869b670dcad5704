/**
 * Dates, times, numbers and names in the reader's language through Intl, always in the Gregorian
 * calendar and for Europe/Stockholm. Formatters are cached: building one costs more than using it.
 */
import { translator } from './index.js';
import type { Language } from './languages.js';

const cache = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang.intl}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang.intl, { calendar: 'gregory', numberingSystem: 'latn', ...options });
    cache.set(key, f);
  }
  return f;
}

/** A local YYYY-MM-DD as a Date at noon UTC, formatted in UTC, so no zone can shift the day. */
function plainDate(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

export type DateStyle = 'weekdayDayMonth' | 'dayMonth' | 'full' | 'dayMonthYear' | 'weekday';

const DATE_STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  weekdayDayMonth: { weekday: 'long', day: 'numeric', month: 'long' },
  dayMonth: { day: 'numeric', month: 'long' },
  full: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  dayMonthYear: { day: 'numeric', month: 'long', year: 'numeric' },
  weekday: { weekday: 'long' },
};

const formattedDates = new Map<string, string>();

/** A local date in one of the styles (memoised: a page formats the same few dates again and again). */
export function formatDate(lang: Language, date: string, style: DateStyle): string {
  const key = `${lang.intl}|${style}|${date}`;
  let out = formattedDates.get(key);
  if (out === undefined) {
    out = dateFormat(lang, { ...DATE_STYLES[style], timeZone: 'UTC' }).format(plainDate(date));
    if (formattedDates.size >= 20_000) formattedDates.clear();
    formattedDates.set(key, out);
  }
  return out;
}

/** A range of local dates: "23–29 november 2026". */
export function formatDateRange(lang: Language, from: string, to: string): string {
  const key = `${lang.intl}|range|${from}|${to}`;
  let out = formattedDates.get(key);
  if (out === undefined) {
    out = dateFormat(lang, { ...DATE_STYLES.dayMonthYear, timeZone: 'UTC' }).formatRange(plainDate(from), plainDate(to));
    if (formattedDates.size >= 20_000) formattedDates.clear();
    formattedDates.set(key, out);
  }
  return out;
}

/** Weekday name, ISO 1 = Monday … 7 = Sunday. */
export function weekdayName(lang: Language, isoDay: number, width: 'long' | 'short' = 'long'): string {
  // 2024-01-01 was a Monday.
  const date = `2024-01-0${isoDay}`;
  return dateFormat(lang, { weekday: width, timeZone: 'UTC' }).format(plainDate(date));
}

const times = new Map<string, string>();

/** A wall-clock time 'HH:MM' in the language's style (memoised: a day has only 1,440 of them). */
export function formatTime(lang: Language, time: string): string {
  const key = `${lang.intl}|${time}`;
  let out = times.get(key);
  if (out === undefined) {
    const [h, m] = time.split(':').map(Number);
    // Always the 24-hour clock: it is what Swedish timetables, signs and SFI teach.
    out = dateFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, 0, 1, h ?? 0, m ?? 0)),
    );
    if (times.size < 20_000) times.set(key, out);
  }
  return out;
}

export function formatTimeRange(lang: Language, start: string, end: string): string {
  return `${formatTime(lang, start)}–${formatTime(lang, end)}`;
}

const displayNames = new Map<string, Intl.DisplayNames>();

/** Languages Intl has no name for, named by the catalogue instead. */
const CATALOGUE_NAMES: Record<string, 'taxonomy.signLanguage'> = { swl: 'taxonomy.signLanguage' };

/** A language's name in the reader's language ("arabiska"), or its code when neither Intl nor the catalogue has one. */
export function languageName(lang: Language, code: string): string {
  const key = CATALOGUE_NAMES[code];
  if (key) return translator(lang.code)(key);
  const memoKey = `${lang.intl}|${code}`;
  let name = languageNames.get(memoKey);
  if (name === undefined) {
    name = intlLanguageName(lang, code);
    if (languageNames.size >= 5_000) languageNames.clear();
    languageNames.set(memoKey, name);
  }
  return name;
}

const languageNames = new Map<string, string>();

function intlLanguageName(lang: Language, code: string): string {
  let names = displayNames.get(lang.intl);
  if (!names) {
    names = new Intl.DisplayNames(lang.intl, { type: 'language', fallback: 'code' });
    displayNames.set(lang.intl, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

const nativeNames = new Map<string, string>();

/** A language's name in itself ("العربية"), or its code when Intl has none. */
export function nativeLanguageName(code: string): string {
  let name = nativeNames.get(code);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames(code, { type: 'language', fallback: 'code' }).of(code) ?? code;
    } catch {
      name = code;
    }
    nativeNames.set(code, name);
  }
  return name;
}

const listFormats = new Map<string, Intl.ListFormat>();

export function formatList(lang: Language, items: string[]): string {
  const locale = lang.listIntl ?? lang.intl;
  let f = listFormats.get(locale);
  if (!f) {
    f = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    listFormats.set(locale, f);
  }
  return f.format(items);
}

const collators = new Map<string, Intl.Collator>();

/** Sorts by the language's alphabet (å after z in Swedish). */
export function compareText(lang: Language, a: string, b: string): number {
  let c = collators.get(lang.intl);
  if (!c) {
    c = new Intl.Collator(lang.intl);
    collators.set(lang.intl, c);
  }
  return c.compare(a, b);
}
