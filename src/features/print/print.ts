/** Rules of the print pages: what one printed row holds, grouping by weekday, week numbers and file names. Pure. */
import { mondayOfIsoWeek, isoWeek, isoWeekday } from '../../web/time.js';
import { WEEKDAYS, type Schedule } from '../calendar/index.js';
import type { Category } from '../taxonomy/index.js';
import type { LocalText } from '../translation/index.js';

/** Rows one weekly poster prints at most; more is not a poster any longer, and costs a long PDF render. */
export const MAX_POSTER_ROWS = 300;

/** One printed row: an occurrence (weekly poster) or an activity with its regular times (leaflet, sheet). */
export interface PrintRow {
  key: string;
  /** The date of a dated occurrence (weekly poster); null for a regular activity. */
  localDate: string | null;
  category: Category;
  startTime: string;
  endTime: string;
  /** The Swedish original title. */
  title: string;
  /** The title in the page's language, or the Swedish one marked as such. */
  localTitle: LocalText;
  /** Regular activities say how often they happen; dated occurrences do not. */
  schedule: Schedule | null;
  /** Dated occurrences that do not happen as planned. */
  status: { kind: 'cancelled'; note: string | null } | { kind: 'moved'; from: string } | null;
  place: { name: string; districtName: string | null } | null;
  hosts: string[];
  /** Absolute URL of the activity's page in the page's language; the QR code says the same. */
  url: string;
  /** The QR code of `url` as SVG markup made by the qrcode library. */
  qrSvg: string;
}

/** '2026-W48' → Monday 2026-11-23, or null for a week the year does not have. */
export function mondayOfWeekParam(param: string): string | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(param);
  return m ? mondayOfIsoWeek(Number(m[1]), Number(m[2])) : null;
}

/** Monday 2026-11-23 → '2026-W48', the form the week pages take. */
export function weekParam(monday: string): string {
  const w = isoWeek(monday);
  return `${w.year}-W${String(w.week).padStart(2, '0')}`;
}

/** The ISO weekday a regular activity is listed under: its first weekday, or its only date's. */
export function listedWeekday(s: Schedule): number {
  const r = s.recurrence;
  if (r.kind === 'weekly' && r.weekdays.length > 0) return WEEKDAYS.indexOf(r.weekdays[0]!) + 1;
  if (r.kind === 'monthly') return WEEKDAYS.indexOf(r.weekday) + 1;
  return isoWeekday(s.startDate);
}

/** Items grouped under a key, groups in first-seen order unless `order` sorts the keys. */
export function groupBy<T, K>(items: T[], keyOf: (item: T) => K, order?: (a: K, b: K) => number): [K, T[]][] {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const entries = [...groups];
  return order ? entries.sort((a, b) => order(a[0], b[0])) : entries;
}

/** A download's file name: plain ASCII, so every browser and mail program keeps it. */
export function pdfFilename(parts: string[], lang: string, bilingual: boolean): string {
  const base = ['tillsammans', ...parts, bilingual && lang !== 'sv' ? `sv-${lang}` : lang]
    .map((p) => p.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean)
    .join('-');
  return `${base}.pdf`;
}
