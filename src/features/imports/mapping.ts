/**
 * The mapping rules of calendar import: each VEVENT of a feed becomes the fields of an activity
 * (title, description, place, schedule) or a report line saying why it could not. RRULEs that the
 * schedule can express (weekly with interval and weekdays, daily, monthly on the nth weekday) stay
 * rules; others become up to EXPAND_MAX single dates in the next EXPAND_DAYS days. Pure.
 */
import crypto from 'node:crypto';
import ical, { type VEvent } from 'node-ical';
import { RRuleTemporal } from 'rrule-temporal';
import { Temporal, TIME_ZONE, addDays, daysBetween, zoned } from '../../web/time.js';
import { foldForSearch } from '../../web/text.js';
import { MAX_MOVE_DAYS, ruleDates, validateSchedule, type OccurrenceChange, type Schedule } from '../calendar/index.js';
import { dayShift, momentOf, timeSpan, type Moment } from './ics-dates.js';
import { groupCalendarText, splitCalendar, type RawCalendar, type RawEventGroup } from './ics-split.js';
import { htmlToText, singleLine, truncate } from './ics-text.js';
import { recurrenceFor, ruleParts, SUB_DAILY, TIME_PARTS, untilDate } from './recurrence-rules.js';
import { ianaZoneFor } from './time-zones.js';

export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 4000;
/** Rules the schedule cannot express are expanded this far ahead … */
export const EXPAND_DAYS = 120;
/** … into at most this many single dates. */
export const EXPAND_MAX = 20;
/** Events (UIDs) read from one feed; the rest are reported and left as they are. */
export const MAX_EVENTS = 500;

/** What a feed says about an activity; everything else (category, audience, languages …) is the organisation's. */
export interface ImportedFields {
  title: string;
  description: string;
  placeId: number | null;
  schedule: Schedule;
  /** STATUS:CANCELLED on the whole event. */
  cancelled: boolean;
}

export interface FeedEvent {
  uid: string;
  /** '' for an event or a series; the date ("2026-12-03") of one date of an expanded series or of a lone changed date. */
  recurrenceId: string;
  fields: ImportedFields;
  /** Fingerprint of the fields: a different one on the next sync means the event changed. */
  hash: string;
  /** The last date it happens; null when it goes on. */
  lastDate: string | null;
}

export interface ReportLine {
  /** A catalogue key under imports.report. */
  code: string;
  params: Record<string, string>;
}

export interface MappedCalendar {
  events: FeedEvent[];
  /** UIDs present in the feed but not imported this time (unreadable, all-day …): what came from them before stays. */
  keepUids: Set<string>;
  report: ReportLine[];
}

export interface PlaceName {
  id: number;
  name: string;
  address: string;
}

export interface MappingContext {
  today: string;
  places: PlaceName[];
  /** "Plats" in the Swedish catalogue: the label of a location no place matched, added to the description. */
  locationLabel: string;
}

const line = (code: string, params: Record<string, string> = {}): ReportLine => ({ code: `imports.report.${code}`, params });

/** A property value with or without iCalendar parameters, as text. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'val' in value) return textOf((value as { val: unknown }).val);
  return '';
}

function fold(text: string): string {
  return foldForSearch(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The place a LOCATION names: its name or address exactly, its address anywhere in the text
 * ("Vivalla torg 5, 703 72 Örebro"), or the text starting with its name ("Vivalla bibliotek, …").
 */
export function matchPlace(location: string, places: readonly PlaceName[]): number | null {
  const loc = fold(location);
  if (loc === '') return null;
  let best: { id: number; score: number; length: number } | null = null;
  for (const p of places) {
    const name = fold(p.name);
    const address = fold(p.address);
    let score = 0;
    if (loc === name || loc === address || loc === `${name} ${address}`) score = 3;
    else if (address.length >= 6 && /\d/.test(address) && ` ${loc} `.includes(` ${address} `)) score = 2;
    else if (name.length >= 4 && loc.startsWith(`${name} `)) score = 1;
    if (score > 0 && (!best || score > best.score || (score === best.score && name.length > best.length))) best = { id: p.id, score, length: name.length };
  }
  return best?.id ?? null;
}

/** The fingerprint of imported fields. */
export function hashFields(fields: ImportedFields): string {
  return crypto.createHash('sha256').update(JSON.stringify(fields)).digest('base64url').slice(0, 22);
}

type Timed = Extract<Moment, { kind: 'time' }>;

interface EventContext extends MappingContext {
  floatingZone: string;
  report: ReportLine[];
  keepUids: Set<string>;
}

/** Title, description and place of an event, or null (reported) when it has no title. */
function textFields(ev: VEvent, ctx: EventContext): { title: string; description: string; placeId: number | null } | null {
  const title = truncate(singleLine(htmlToText(textOf(ev.summary))), TITLE_MAX);
  if (title === '') {
    ctx.report.push(line('noTitle'));
    return null;
  }
  let description = htmlToText(textOf(ev.description));
  const location = singleLine(htmlToText(textOf(ev.location)));
  const placeId = location ? matchPlace(location, ctx.places) : null;
  if (location && placeId === null) description = `${description}${description ? '\n\n' : ''}${ctx.locationLabel}: ${location}`;
  return { title, description: truncate(description, DESCRIPTION_MAX), placeId };
}

/** Distinct override events of a series (node-ical files each under two keys). */
function overridesOf(ev: VEvent): VEvent[] {
  return [...new Set(Object.values(ev.recurrences ?? {}))] as VEvent[];
}

function exceptionDates(ev: VEvent, floatingZone: string): string[] {
  const dates = new Set<string>();
  for (const d of new Set(Object.values(ev.exdate ?? {}))) {
    const m = momentOf(d, floatingZone);
    if (m) dates.add(m.date);
  }
  return [...dates].sort();
}

/** The moment and span of a timed event, or null (reported). */
function timing(ev: VEvent, title: string, ctx: EventContext): { start: Timed; startTime: string; endTime: string } | null {
  const start = momentOf(ev.start, ctx.floatingZone);
  if (!start) {
    ctx.report.push(line('noStart', { title }));
    return null;
  }
  if (start.kind === 'allDay') {
    ctx.report.push(line('allDay', { title }));
    return null;
  }
  const span = timeSpan(start, momentOf(ev.end, ctx.floatingZone));
  if (!span) {
    ctx.report.push(line('badTime', { title }));
    return null;
  }
  if (span.clamped) ctx.report.push(line('clamped', { title }));
  return { start, startTime: span.startTime, endTime: span.endTime };
}

function schedule(partial: Pick<Schedule, 'recurrence' | 'startDate' | 'startTime' | 'endTime'> & Partial<Schedule>): Schedule {
  // The organisation's own calendar already says which dates happen: holidays are not skipped on top.
  return { validUntil: null, pauses: [], exceptions: [], changes: [], runsOnHolidays: true, ...partial };
}

function feedEvent(uid: string, recurrenceId: string, fields: ImportedFields, lastDate: string | null): FeedEvent {
  return { uid, recurrenceId, fields, hash: hashFields(fields), lastDate };
}

/** The changes a series' overridden dates make: cancelled, or moved to another date or time. */
function changesOf(ev: VEvent, master: { startTime: string; endTime: string }, title: string, ctx: EventContext, exceptions: Set<string>): OccurrenceChange[] {
  const out = new Map<string, OccurrenceChange>();
  for (const o of overridesOf(ev)) {
    const original = momentOf(o.recurrenceid, ctx.floatingZone);
    if (!original || original.kind !== 'time' || exceptions.has(original.date)) continue;
    const base = { originalDate: original.date, newDate: null, newStartTime: null, newEndTime: null, note: null };
    if (String(o.status ?? '').toUpperCase() === 'CANCELLED') {
      out.set(original.date, { ...base, kind: 'cancelled' });
      continue;
    }
    const start = momentOf(o.start, ctx.floatingZone);
    if (!start || start.kind !== 'time') continue;
    const span = timeSpan(start, momentOf(o.end, ctx.floatingZone));
    if (!span) continue;
    if (start.date === original.date && span.startTime === master.startTime && span.endTime === master.endTime) continue;
    if (Math.abs(daysBetween(original.date, start.date)) > MAX_MOVE_DAYS) {
      ctx.report.push(line('movedTooFar', { title, date: original.date }));
      out.set(original.date, { ...base, kind: 'cancelled' });
      continue;
    }
    out.set(original.date, { ...base, kind: 'moved', newDate: start.date, newStartTime: span.startTime, newEndTime: span.endTime });
  }
  return [...out.values()].sort((a, b) => a.originalDate.localeCompare(b.originalDate));
}

/** One VEVENT (a single event, a series, or a lone changed date) as feed events. */
function mapEvent(ev: VEvent, uid: string, ctx: EventContext): FeedEvent[] | null {
  const text = textFields(ev, ctx);
  if (!text) return null;
  const parts = ev.rrule ? ruleParts(ev.rrule.toString()) : null;
  if (parts && (SUB_DAILY.has(parts.get('FREQ') ?? '') || TIME_PARTS.some((p) => parts.has(p)) || parts.has('RSCALE'))) {
    ctx.report.push(line('unsupportedRule', { title: text.title }));
    return null;
  }
  const when = timing(ev, text.title, ctx);
  if (!when) return null;
  const { start, startTime, endTime } = when;
  const cancelled = String(ev.status ?? '').toUpperCase() === 'CANCELLED';
  // A changed date whose series is not in the feed is a single event of its own, known by its date.
  const lone = ev.recurrenceid ? momentOf(ev.recurrenceid, ctx.floatingZone) : null;
  const loneId = lone ? lone.date : '';

  if (!parts) {
    const fields: ImportedFields = { ...text, schedule: schedule({ recurrence: { kind: 'once' }, startDate: start.date, startTime, endTime }), cancelled };
    return [feedEvent(uid, loneId, fields, start.date)];
  }

  const exceptions = exceptionDates(ev, ctx.floatingZone);
  const exceptionSet = new Set(exceptions);
  const recurrence = recurrenceFor(parts, start.date, dayShift(start));
  if (recurrence) {
    const base = schedule({ recurrence, startDate: start.date, startTime, endTime });
    let validUntil: string | null = null;
    const until = parts.get('UNTIL');
    const count = Number(parts.get('COUNT') ?? 'NaN');
    if (until) validUntil = untilDate(until, startTime);
    else if (Number.isInteger(count) && count > 0) {
      const dates = ruleDates(base, start.date, addDays(start.date, 3660));
      validUntil = count <= dates.length ? dates[count - 1]! : (dates.at(-1) ?? start.date);
    }
    if (validUntil !== null && validUntil < start.date) validUntil = start.date;
    const full: Schedule = {
      ...base,
      validUntil,
      exceptions,
      changes: changesOf(ev, { startTime, endTime }, text.title, ctx, exceptionSet),
    };
    if (validateSchedule(full).length > 0) {
      ctx.report.push(line('badTime', { title: text.title }));
      return null;
    }
    return [feedEvent(uid, '', { ...text, schedule: full, cancelled }, validUntil)];
  }
  return expand(ev, uid, { text, start, startTime, endTime, cancelled, parts, exceptions: exceptionSet }, ctx);
}

/** A series the schedule cannot express, as single dates in [today, today + EXPAND_DAYS]. */
function expand(
  ev: VEvent,
  uid: string,
  s: { text: { title: string; description: string; placeId: number | null }; start: Timed; startTime: string; endTime: string; cancelled: boolean; parts: Map<string, string>; exceptions: Set<string> },
  ctx: EventContext,
): FeedEvent[] | null {
  const rruleString = [...s.parts].map(([k, v]) => `${k}=${v}`).join(';');
  let instants: Temporal.ZonedDateTime[];
  try {
    const rule = new RRuleTemporal({
      rruleString,
      dtstart: Temporal.Instant.fromEpochMilliseconds(s.start.epochMs).toZonedDateTimeISO(s.start.sourceZone),
      temporal: Temporal,
      maxIterations: 20_000,
    });
    instants = rule.between(zoned(ctx.today, '00:00'), zoned(addDays(ctx.today, EXPAND_DAYS + 1), '00:00'), true);
  } catch {
    ctx.report.push(line('unsupportedRule', { title: s.text.title }));
    return null;
  }
  const overrides = new Map<string, VEvent>();
  for (const o of overridesOf(ev)) {
    const original = momentOf(o.recurrenceid, ctx.floatingZone);
    if (original?.kind === 'time') overrides.set(original.date, o);
  }
  const out: FeedEvent[] = [];
  let total = 0;
  for (const instant of instants) {
    const local = instant.withTimeZone(TIME_ZONE);
    const originalDate = local.toPlainDate().toString();
    if (originalDate < ctx.today || originalDate > addDays(ctx.today, EXPAND_DAYS) || s.exceptions.has(originalDate)) continue;
    let date = originalDate;
    let { startTime, endTime } = s;
    const override = overrides.get(originalDate);
    if (override) {
      if (String(override.status ?? '').toUpperCase() === 'CANCELLED') continue;
      const moved = momentOf(override.start, ctx.floatingZone);
      const span = moved?.kind === 'time' ? timeSpan(moved, momentOf(override.end, ctx.floatingZone)) : null;
      if (moved?.kind === 'time' && span) ({ date, startTime, endTime } = { date: moved.date, ...span });
    }
    total++;
    if (out.length >= EXPAND_MAX) continue;
    const fields: ImportedFields = { ...s.text, schedule: schedule({ recurrence: { kind: 'once' }, startDate: date, startTime, endTime }), cancelled: s.cancelled };
    if (validateSchedule(fields.schedule).length > 0) continue;
    // One date of a series (no rule here makes two a day) is known by its date: a new time is a change, not a new date.
    out.push(feedEvent(uid, originalDate, fields, date));
  }
  if (total > EXPAND_MAX) ctx.report.push(line('expandedCapped', { title: s.text.title, count: String(EXPAND_MAX), days: String(EXPAND_DAYS) }));
  else if (total > 0) ctx.report.push(line('expanded', { title: s.text.title, count: String(out.length), days: String(EXPAND_DAYS) }));
  return out;
}

function mapGroup(calendar: RawCalendar, group: RawEventGroup, ctx: EventContext): FeedEvent[] | null {
  const title = truncate(singleLine(htmlToText(group.summary)), TITLE_MAX) || group.uid.slice(0, 60);
  if (group.badDate) {
    ctx.report.push(line('badDate', { title }));
    return null;
  }
  let parsed: ReturnType<typeof ical.sync.parseICS>;
  try {
    parsed = ical.sync.parseICS(groupCalendarText(calendar, group));
  } catch {
    ctx.report.push(line('unreadable', { title }));
    return null;
  }
  const events = Object.values(parsed).filter((c): c is VEvent => !!c && (c as { type?: string }).type === 'VEVENT');
  const series = events.filter((e) => !e.recurrenceid);
  const lone = series.length > 0 ? [] : events;
  const out: FeedEvent[] = [];
  let failed = false;
  for (const ev of [...series, ...lone]) {
    const mapped = mapEvent(ev, group.uid, ctx);
    if (mapped) out.push(...mapped);
    else failed = true;
  }
  return failed && out.length === 0 ? null : out;
}

/**
 * Reads a calendar file into feed events and report lines. Throws an ImportError when the file is
 * no calendar; a single event that cannot be read is reported and its UID kept (what came from it
 * before stays untouched).
 */
export function mapCalendar(text: string, context: MappingContext): MappedCalendar {
  const calendar = splitCalendar(text);
  const ctx: EventContext = { ...context, floatingZone: ianaZoneFor(calendar.calendarZone), report: [], keepUids: new Set() };
  for (const summary of calendar.withoutUid) ctx.report.push(line('noUid', { title: truncate(singleLine(htmlToText(summary)), TITLE_MAX) || '—' }));
  const events: FeedEvent[] = [];
  calendar.groups.forEach((group, index) => {
    if (index >= MAX_EVENTS) {
      ctx.keepUids.add(group.uid);
      return;
    }
    try {
      const mapped = mapGroup(calendar, group, ctx);
      if (mapped) events.push(...mapped);
      else ctx.keepUids.add(group.uid);
    } catch {
      ctx.report.push(line('unreadable', { title: truncate(singleLine(group.summary), TITLE_MAX) || '—' }));
      ctx.keepUids.add(group.uid);
    }
  });
  if (calendar.groups.length > MAX_EVENTS) ctx.report.push(line('tooManyEvents', { count: String(MAX_EVENTS) }));
  return { events, keepUids: ctx.keepUids, report: ctx.report };
}
