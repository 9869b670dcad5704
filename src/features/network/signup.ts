/**
 * Events with sign-up, the rules: whether a date takes sign-ups (places left, waiting list, closed),
 * who gets a place and who is promoted from the waiting list, the forms as typed and their checks,
 * reminders, attendance over time (returning and new, without personal data) and CSV that no
 * spreadsheet runs as a formula. Pure: no clock, no database.
 */
import crypto from 'node:crypto';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { field, ticked } from '../../web/form.js';
import { addDays, daysBetween, isIsoDate, isTime, localToInstant } from '../../web/time.js';
import { isEmail, normaliseEmail } from '../accounts/index.js';

/** The questions an organiser may ask, each off, optional or required. */
export const QUESTIONS = ['organisation', 'diet', 'accessibility'] as const;
export type Question = (typeof QUESTIONS)[number];
export const QUESTION_MODES = ['off', 'optional', 'required'] as const;
export type QuestionMode = (typeof QUESTION_MODES)[number];

export type SignupStatus = 'confirmed' | 'waiting' | 'cancelled';

/** The sign-up settings of one dated occurrence. */
export interface SignupSettings {
  activityId: number;
  /** The date the schedule gives the occurrence (its original date when it was moved). */
  date: string;
  /** Places; null: no limit. */
  capacity: number | null;
  /** Local date and time in Stockholm; null: sign-up closes when the event starts. */
  deadlineDate: string | null;
  deadlineTime: string | null;
  questions: Record<Question, QuestionMode>;
  note: string | null;
}

/** Places taken and people waiting on one date. */
export interface SignupCounts {
  confirmed: number;
  waiting: number;
}

/** What a date offers someone who wants to come. */
export type Availability =
  | { state: 'open'; placesLeft: number | null }
  /** Full: a sign-up goes on the waiting list. */
  | { state: 'waitlist' }
  | { state: 'closed'; reason: 'deadline' | 'past' | 'cancelled' };

/** The occurrence as the rules need it: when it starts and whether it is cancelled. */
export interface OccurrenceTimes {
  startsAt: string;
  status: 'scheduled' | 'cancelled' | 'moved';
}

/** The instant sign-up closes: the deadline the organiser set, or the start of the event. */
export function deadlineOf(settings: Pick<SignupSettings, 'deadlineDate' | 'deadlineTime'>, occurrence: OccurrenceTimes): string {
  if (settings.deadlineDate && settings.deadlineTime) {
    const deadline = localToInstant(settings.deadlineDate, settings.deadlineTime);
    return ms(deadline) < ms(occurrence.startsAt) ? deadline : occurrence.startsAt;
  }
  return occurrence.startsAt;
}

/** Instants compare as numbers: '…:00Z' and '…:00.000Z' are the same moment. */
const ms = (iso: string) => Date.parse(iso);

export function availability(settings: SignupSettings, occurrence: OccurrenceTimes, counts: SignupCounts, now: Date): Availability {
  if (occurrence.status === 'cancelled') return { state: 'closed', reason: 'cancelled' };
  const at = now.getTime();
  if (ms(occurrence.startsAt) <= at) return { state: 'closed', reason: 'past' };
  if (ms(deadlineOf(settings, occurrence)) <= at) return { state: 'closed', reason: 'deadline' };
  if (settings.capacity === null) return { state: 'open', placesLeft: null };
  const left = settings.capacity - counts.confirmed;
  return left > 0 ? { state: 'open', placesLeft: left } : { state: 'waitlist' };
}

/** Where a new sign-up goes: a place while there is one, else the waiting list. */
export function placeFor(capacity: number | null, confirmed: number): 'confirmed' | 'waiting' {
  return capacity === null || confirmed < capacity ? 'confirmed' : 'waiting';
}

/**
 * Who moves up from the waiting list (ids in the order they signed up) when places are free: as many
 * as there are free places, first come first served; everyone when there is no limit.
 */
export function promotions(capacity: number | null, confirmed: number, waitingInOrder: readonly number[]): number[] {
  if (capacity === null) return [...waitingInOrder];
  return waitingInOrder.slice(0, Math.max(0, capacity - confirmed));
}

// --- the public sign-up form -------------------------------------------------------------------

export const SIGNUP_LIMITS = { name: 100, email: 254, phone: 30, organisation: 120, diet: 200, accessibility: 300 } as const;
/** The honeypot: people never see it, so anything in it came from a robot. */
export const HONEYPOT_FIELD = 'hemsida';

export interface SignupForm {
  name: string;
  email: string;
  phone: string;
  organisation: string;
  diet: string;
  accessibility: string;
  consent: boolean;
  honeypot: string;
}

/** A sign-up as stored: e-mail normalised, phone in E.164, unasked or empty answers null. */
export interface SignupInput {
  name: string;
  email: string;
  phone: string | null;
  organisation: string | null;
  diet: string | null;
  accessibility: string | null;
}

export function emptySignupForm(): SignupForm {
  return { name: '', email: '', phone: '', organisation: '', diet: '', accessibility: '', consent: false, honeypot: '' };
}

/** Reads and checks the form; only the questions the organiser asks are read. Error values are catalogue keys. */
export function readSignupForm(
  body: Record<string, unknown>,
  questions: Record<Question, QuestionMode>,
): { form: SignupForm; errors: Record<string, string>; input: SignupInput | null; spam: boolean } {
  const asked = (q: Question) => questions[q] !== 'off';
  const form: SignupForm = {
    name: field(body, 'name').trim(),
    email: field(body, 'email').trim(),
    phone: field(body, 'phone').trim(),
    organisation: asked('organisation') ? field(body, 'organisation').trim() : '',
    diet: asked('diet') ? field(body, 'diet').trim() : '',
    accessibility: asked('accessibility') ? field(body, 'accessibility').replace(/\r\n?/g, '\n').trim() : '',
    consent: ticked(body, 'consent'),
    honeypot: field(body, HONEYPOT_FIELD),
  };
  const errors: Record<string, string> = {};
  const e = (name: string, key: string) => {
    if (!errors[name]) errors[name] = `events.signup.errors.${key}`;
  };
  if (form.name === '') e('name', 'nameRequired');
  else if (form.name.length > SIGNUP_LIMITS.name) e('name', 'tooLong');
  const email = normaliseEmail(form.email);
  if (email === '') e('email', 'emailRequired');
  else if (email.length > SIGNUP_LIMITS.email || !isEmail(email)) e('email', 'emailInvalid');
  let phone: string | null = null;
  if (form.phone !== '') {
    const parsed = form.phone.length <= SIGNUP_LIMITS.phone ? parsePhoneNumberFromString(form.phone, 'SE') : undefined;
    if (parsed?.isValid()) phone = parsed.number;
    else e('phone', 'phoneInvalid');
  }
  for (const q of QUESTIONS) {
    if (questions[q] === 'required' && form[q] === '') e(q, 'answerRequired');
    else if (form[q].length > SIGNUP_LIMITS[q]) e(q, 'tooLong');
  }
  if (!form.consent) e('consent', 'consentRequired');
  const spam = form.honeypot.trim() !== '';
  if (Object.keys(errors).length > 0) return { form, errors, input: null, spam };
  const answer = (q: Question) => (asked(q) && form[q] !== '' ? form[q] : null);
  return {
    form,
    errors,
    spam,
    input: { name: form.name, email, phone, organisation: answer('organisation'), diet: answer('diet'), accessibility: answer('accessibility') },
  };
}

// --- the organiser's settings form ---------------------------------------------------------------

export const CAPACITY_MAX = 10_000;
export const NOTE_MAX = 1000;

export interface SettingsForm {
  /** Sign-up is on for this date. */
  enabled: boolean;
  capacity: string;
  deadlineDate: string;
  deadlineTime: string;
  questions: Record<Question, string>;
  note: string;
  /** Use the same settings for the later dates of the activity, the deadline as far before each. */
  applyToLater: boolean;
}

export function settingsFormOf(s: SignupSettings | undefined): SettingsForm {
  return {
    enabled: s !== undefined,
    capacity: s?.capacity === null || s === undefined ? '' : String(s.capacity),
    deadlineDate: s?.deadlineDate ?? '',
    deadlineTime: s?.deadlineTime ?? '',
    questions: { organisation: s?.questions.organisation ?? 'off', diet: s?.questions.diet ?? 'off', accessibility: s?.questions.accessibility ?? 'off' },
    note: s?.note ?? '',
    applyToLater: false,
  };
}

/**
 * Reads and checks the settings of the date `date` whose event starts at `startsAt`; `settings` is
 * null when sign-up is turned off.
 */
export function readSettingsForm(
  body: Record<string, unknown>,
  occurrence: { activityId: number; date: string; startsAt: string },
): { form: SettingsForm; errors: Record<string, string>; settings: SignupSettings | null } {
  const form: SettingsForm = {
    enabled: ticked(body, 'enabled'),
    capacity: field(body, 'capacity').trim(),
    deadlineDate: field(body, 'deadlineDate').trim(),
    deadlineTime: field(body, 'deadlineTime').trim(),
    questions: { organisation: field(body, 'organisation') || 'off', diet: field(body, 'diet') || 'off', accessibility: field(body, 'accessibility') || 'off' },
    note: field(body, 'note').replace(/\r\n?/g, '\n').trim(),
    applyToLater: ticked(body, 'applyToLater'),
  };
  const errors: Record<string, string> = {};
  const e = (name: string, key: string) => {
    if (!errors[name]) errors[name] = `events.settings.errors.${key}`;
  };
  let capacity: number | null = null;
  if (form.capacity !== '') {
    if (/^\d{1,5}$/.test(form.capacity) && Number(form.capacity) >= 1 && Number(form.capacity) <= CAPACITY_MAX) capacity = Number(form.capacity);
    else e('capacity', 'capacityInvalid');
  }
  const hasDate = form.deadlineDate !== '';
  const hasTime = form.deadlineTime !== '';
  if (hasDate && !isIsoDate(form.deadlineDate)) e('deadlineDate', 'dateInvalid');
  if (hasTime && !isTime(form.deadlineTime)) e('deadlineTime', 'timeInvalid');
  if (hasDate !== hasTime) e(hasDate ? 'deadlineTime' : 'deadlineDate', 'deadlineBoth');
  if (hasDate && hasTime && !errors.deadlineDate && !errors.deadlineTime && ms(localToInstant(form.deadlineDate, form.deadlineTime)) > ms(occurrence.startsAt)) {
    e('deadlineDate', 'deadlineAfterStart');
  }
  for (const q of QUESTIONS) {
    if (!(QUESTION_MODES as readonly string[]).includes(form.questions[q])) e(q, 'choiceInvalid');
  }
  if (form.note.length > NOTE_MAX) e('note', 'noteTooLong');
  // Turned off, what the other fields say does not matter.
  if (!form.enabled) return { form, errors: {}, settings: null };
  if (Object.keys(errors).length > 0) return { form, errors, settings: null };
  return {
    form,
    errors,
    settings: {
      activityId: occurrence.activityId,
      date: occurrence.date,
      capacity,
      deadlineDate: hasDate ? form.deadlineDate : null,
      deadlineTime: hasTime ? form.deadlineTime : null,
      questions: form.questions as Record<Question, QuestionMode>,
      note: form.note === '' ? null : form.note,
    },
  };
}

/** The same settings for another date: the deadline moves with the date, keeping its distance and time. */
export function settingsForDate(s: SignupSettings, date: string): SignupSettings {
  const shift = daysBetween(s.date, date);
  return { ...s, date, deadlineDate: s.deadlineDate === null ? null : addDays(s.deadlineDate, shift) };
}

// --- reminders, erasure ---------------------------------------------------------------------------

/** Reminders go out from this local time on the day before the event. */
export const REMINDER_TIME = '09:00';

/**
 * Whether a confirmed sign-up gets its reminder now: from 09:00 the day before until the event
 * starts, once. Whoever signed up after 09:00 the day before has just had the confirmation and gets
 * no reminder on top.
 */
export function reminderDue(s: { status: SignupStatus; createdAt: string; remindedAt: string | null }, occurrence: OccurrenceTimes & { localDate: string }, now: Date): boolean {
  if (s.status !== 'confirmed' || s.remindedAt !== null || occurrence.status === 'cancelled') return false;
  const opens = ms(localToInstant(addDays(occurrence.localDate, -1), REMINDER_TIME));
  const at = now.getTime();
  return at >= opens && at < ms(occurrence.startsAt) && ms(s.createdAt) < opens;
}

/** Sign-ups of dates up to this one have their personal data erased today. */
export function lastErasableDate(today: string, retentionDays: number): string {
  return addDays(today, -retentionDays);
}

/** The stable, keyed hash of an address for one activity: returning attendees are matched by it after erasure. */
export function attendeeKey(secret: string, activityId: number, email: string): string {
  return crypto.createHmac('sha256', secret).update(`${activityId}:${normaliseEmail(email)}`).digest('hex');
}

// --- attendance over time ----------------------------------------------------------------------

export interface AttendanceRow {
  date: string;
  status: SignupStatus;
  checkedIn: boolean;
  attendeeKey: string;
}

/** One date's figures: no names, no addresses. */
export interface AttendanceDay {
  date: string;
  /** Had a place (cancellations not counted). */
  signedUp: number;
  waiting: number;
  cancelled: number;
  arrived: number;
  /** Arrived, and had arrived at an earlier date of the same activity. */
  returning: number;
  /** Arrived for the first time. */
  new: number;
}

export function attendanceOverTime(rows: readonly AttendanceRow[]): AttendanceDay[] {
  const byDate = new Map<string, AttendanceRow[]>();
  for (const r of rows) byDate.set(r.date, [...(byDate.get(r.date) ?? []), r]);
  const seen = new Set<string>();
  const out: AttendanceDay[] = [];
  for (const date of [...byDate.keys()].sort()) {
    const day = byDate.get(date)!;
    const arrived = day.filter((r) => r.checkedIn && r.status !== 'cancelled');
    const keys = [...new Set(arrived.map((r) => r.attendeeKey))];
    const returning = keys.filter((k) => seen.has(k)).length;
    out.push({
      date,
      signedUp: day.filter((r) => r.status === 'confirmed').length,
      waiting: day.filter((r) => r.status === 'waiting').length,
      cancelled: day.filter((r) => r.status === 'cancelled').length,
      arrived: keys.length,
      returning,
      new: keys.length - returning,
    });
    for (const k of keys) seen.add(k);
  }
  return out;
}

// --- CSV -----------------------------------------------------------------------------------------

/** Characters that make a spreadsheet read a cell as a formula (and tab/CR, which some read so too). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: a leading =, +, -, @ (or tab, CR) gets an apostrophe in front, so a spreadsheet shows the
 * text instead of running it; quoted when it holds the separator, a quote or a line break.
 */
export function csvCell(value: string | null | undefined): string {
  let text = value ?? '';
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[;,"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as CSV the way Swedish spreadsheets open it with a double click: semicolons, CRLF, and a
 * byte-order mark so Å, Ä, Ö and Arabic names arrive whole.
 */
export function toCsv(rows: readonly (readonly (string | null | undefined)[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
