/**
 * A first, forgiving read of an iCalendar file: is it a calendar at all, which time zones does it
 * define, and which VEVENT blocks belong to which UID. Each UID is then parsed on its own, so one
 * broken event (an unknown RRULE part, a date like 20261345T250000 that a Date would silently roll
 * over) costs that event only, never the whole feed. Pure.
 */
import { Temporal } from '../../web/time.js';

export class ImportError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string> = {},
  ) {
    super(code);
  }
}

export interface RawEventGroup {
  uid: string;
  /** The VEVENT blocks with this UID (the series and its changed dates), lines unfolded. */
  blocks: string[];
  /** The first SUMMARY, for report lines about events that cannot be read. */
  summary: string;
  /** A date property holds something that is not a real date or time. */
  badDate: boolean;
}

export interface RawCalendar {
  /** VTIMEZONE blocks, each ending in a line break; every event is parsed with them. */
  timezones: string;
  /** X-WR-TIMEZONE: the zone of times written without one (Google's older exports). */
  calendarZone: string | null;
  groups: RawEventGroup[];
  /** Summaries of events without a UID: they cannot be recognised again on the next sync. */
  withoutUid: string[];
}

/** Property name, parameters and value of one content line; a ':' inside quotes belongs to a parameter. */
export function splitContentLine(line: string): { name: string; params: string; value: string } | null {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) {
      const head = line.slice(0, i);
      const semi = head.indexOf(';');
      return {
        name: (semi === -1 ? head : head.slice(0, semi)).trim().toUpperCase(),
        params: semi === -1 ? '' : head.slice(semi + 1),
        value: line.slice(i + 1),
      };
    }
  }
  return null;
}

const DATE_VALUE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/;

/** True for a real iCalendar DATE or DATE-TIME value between 1900 and 2200. */
export function isIcsDateValue(value: string): boolean {
  const m = DATE_VALUE.exec(value.trim());
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1900 || year > 2200) return false;
  try {
    Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' });
  } catch {
    return false;
  }
  if (m[4] === undefined) return true;
  return Number(m[4]) <= 23 && Number(m[5]) <= 59 && Number(m[6]) <= 59;
}

const DATE_PROPERTIES = new Set(['DTSTART', 'DTEND', 'RECURRENCE-ID', 'EXDATE', 'RDATE']);

/** Text of a TEXT value as written: \n, \, and \; read, nothing else. */
function unescapeText(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Some bytes that are no text at all: NUL, other control characters or undecodable bytes (U+FFFD). */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65_536);
  // eslint-disable-next-line no-control-regex
  const odd = sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return sample.includes('\u0000') || odd > sample.length / 100;
}

/**
 * Splits a calendar file into its time zones and its events grouped by UID. Throws an ImportError
 * when the text is not an iCalendar file (binary data, an HTML login page, anything else).
 */
export function splitCalendar(text: string): RawCalendar {
  if (looksBinary(text)) throw new ImportError('imports.errors.notText');
  const body = text.replace(/^\ufeff/, '');
  if (!/^BEGIN:VCALENDAR\s*$/im.test(body)) throw new ImportError('imports.errors.notCalendar');

  const lines = body.replace(/\r\n?/g, '\n').replace(/\n[ \t]/g, '').split('\n');
  const timezones: string[] = [];
  const groups = new Map<string, RawEventGroup>();
  const withoutUid: string[] = [];
  let calendarZone: string | null = null;

  const stack: string[] = [];
  let block: string[] | null = null;
  let event: { uid: string | null; summary: string; badDate: boolean } | null = null;
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line === '') continue;
    const parsed = splitContentLine(line);
    if (!parsed) continue;
    const { name, params, value } = parsed;
    if (name === 'BEGIN') {
      const component = value.trim().toUpperCase();
      stack.push(component);
      if (stack.length === 2 && (component === 'VEVENT' || component === 'VTIMEZONE')) {
        block = [];
        if (component === 'VEVENT') event = { uid: null, summary: '', badDate: false };
      }
    }
    if (block) block.push(line);
    if (name === 'END') {
      const component = stack.pop();
      if (stack.length === 1 && block) {
        const text = `${block.join('\r\n')}\r\n`;
        if (component === 'VTIMEZONE') timezones.push(text);
        else if (component === 'VEVENT' && event) {
          if (event.uid === null) withoutUid.push(event.summary);
          else {
            const group = groups.get(event.uid) ?? { uid: event.uid, blocks: [], summary: event.summary, badDate: false };
            group.blocks.push(text);
            group.badDate ||= event.badDate;
            if (!group.summary) group.summary = event.summary;
            groups.set(event.uid, group);
          }
        }
        block = null;
        event = null;
      }
      continue;
    }
    if (stack.length === 1 && stack[0] === 'VCALENDAR' && name === 'X-WR-TIMEZONE') calendarZone = value.trim() || null;
    // Properties of the event itself, not of an alarm inside it.
    if (event && stack.length === 2) {
      if (name === 'UID' && value.trim() !== '') event.uid = value.trim();
      else if (name === 'SUMMARY' && !event.summary) event.summary = unescapeText(value).trim();
      else if (DATE_PROPERTIES.has(name) && !/VALUE=PERIOD/i.test(params)) {
        if (!value.split(',').every(isIcsDateValue)) event.badDate = true;
      }
    }
  }
  return { timezones: timezones.join(''), calendarZone, groups: [...groups.values()], withoutUid };
}

/** One group as a calendar node-ical can parse: the file's time zones and the group's events. */
export function groupCalendarText(calendar: RawCalendar, group: RawEventGroup): string {
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${calendar.timezones}${group.blocks.join('')}END:VCALENDAR\r\n`;
}
