/**
 * What guides know of an association, the rules: the needs flags and their values, the contact and
 * visit forms (read and checked, keeping what was typed), who may change a log entry, and which needs
 * an activity shows publicly. Pure: no database, no clock.
 */
import type { FormBody } from '../../web/form.js';
import { trimmed } from '../../web/form.js';
import { isIsoDate } from '../../web/time.js';
import { isEmail, normaliseEmail } from '../accounts/index.js';

export const ASSOCIATION_FLAGS = ['welcomesNewcomers', 'hasRoom', 'needsVolunteers', 'needsParticipants'] as const;
export type AssociationFlag = (typeof ASSOCIATION_FLAGS)[number];
export const FLAG_VALUES = ['yes', 'no', 'unknown'] as const;
export type FlagValue = (typeof FLAG_VALUES)[number];
/** A flag's value; a flag never set is 'unknown'. */
export type FlagValues = Record<AssociationFlag, FlagValue>;

/** The two needs an activity may show publicly, and the flag each follows. */
export const PUBLIC_NEEDS = ['volunteers', 'participants'] as const;
export type PublicNeed = (typeof PUBLIC_NEEDS)[number];
export const NEED_FLAG: Record<PublicNeed, AssociationFlag> = { volunteers: 'needsVolunteers', participants: 'needsParticipants' };

export const VISIT_KINDS = ['visit', 'meeting', 'phone', 'other'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

export const CONTACT_LIMITS = { name: 100, role: 100, phone: 30, email: 254, reach: 300 } as const;
export const VISIT_NOTE_MAX = 1000;

export interface FlagState {
  value: FlagValue;
  /** When and by whom it was last set; null for a flag never set. */
  setAt: string | null;
  setBy: string | null;
}

export type Flags = Record<AssociationFlag, FlagState>;

/** Every flag 'unknown', as an organisation nobody has told the guides about. */
export function unknownFlags(): Flags {
  return Object.fromEntries(ASSOCIATION_FLAGS.map((f) => [f, { value: 'unknown', setAt: null, setBy: null }])) as Flags;
}

/** Just the values, as ranking reads them. */
export function flagValues(flags: Flags): FlagValues {
  return Object.fromEntries(ASSOCIATION_FLAGS.map((f) => [f, flags[f].value])) as FlagValues;
}

export const isFlagValue = (v: string): v is FlagValue => (FLAG_VALUES as readonly string[]).includes(v);

/** The needs an activity shows publicly: those it opted in to whose flag says yes now. */
export function shownNeeds(optedIn: readonly string[], values: Partial<FlagValues>): PublicNeed[] {
  return PUBLIC_NEEDS.filter((n) => optedIn.includes(n) && values[NEED_FLAG[n]] === 'yes');
}

/** Flags whose sent value differs from the stored one: only those are written (and their date moves). */
export function changedFlags(stored: FlagValues, sent: Partial<Record<AssociationFlag, FlagValue>>): Partial<Record<AssociationFlag, FlagValue>> {
  const out: Partial<Record<AssociationFlag, FlagValue>> = {};
  for (const f of ASSOCIATION_FLAGS) {
    const v = sent[f];
    if (v !== undefined && v !== stored[f]) out[f] = v;
  }
  return out;
}

/** A visit log entry may be changed or removed by whoever wrote it, and by the coordinator. */
export function canChangeVisit(viewer: { id: number; isAdmin: boolean }, visit: { authorId: number | null }): boolean {
  return viewer.isAdmin || (visit.authorId !== null && visit.authorId === viewer.id);
}

// --- contacts --------------------------------------------------------------------------------------

export interface ContactForm {
  name: string;
  role: string;
  phone: string;
  email: string;
  reach: string;
}

export interface ContactInput {
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
  reach: string | null;
}

export const emptyContactForm = (): ContactForm => ({ name: '', role: '', phone: '', email: '', reach: '' });

export function contactFormOf(c: ContactInput): ContactForm {
  return { name: c.name, role: c.role ?? '', phone: c.phone ?? '', email: c.email ?? '', reach: c.reach ?? '' };
}

const E = 'guide.associations.errors';

/** A contact from the form: a name and at least one way to reach them (phone or e-mail). */
export function readContactForm(body: FormBody): { form: ContactForm; errors: Record<string, string>; input: ContactInput | null } {
  const form: ContactForm = { name: trimmed(body, 'name'), role: trimmed(body, 'role'), phone: trimmed(body, 'phone'), email: trimmed(body, 'email'), reach: trimmed(body, 'reach') };
  const errors: Record<string, string> = {};
  if (form.name === '') errors.name = `${E}.nameRequired`;
  else if (form.name.length > CONTACT_LIMITS.name) errors.name = `${E}.tooLong`;
  if (form.role.length > CONTACT_LIMITS.role) errors.role = `${E}.tooLong`;
  if (form.phone.length > CONTACT_LIMITS.phone) errors.phone = `${E}.tooLong`;
  else if (form.phone !== '' && !/^\+?[\d\s()-]{5,}$/.test(form.phone)) errors.phone = `${E}.phoneInvalid`;
  if (form.email.length > CONTACT_LIMITS.email) errors.email = `${E}.tooLong`;
  else if (form.email !== '' && !isEmail(form.email)) errors.email = `${E}.emailInvalid`;
  if (form.reach.length > CONTACT_LIMITS.reach) errors.reach = `${E}.tooLong`;
  if (form.phone === '' && form.email === '' && !errors.phone && !errors.email) errors.phone = `${E}.reachRequired`;
  if (Object.keys(errors).length > 0) return { form, errors, input: null };
  const orNull = (v: string) => (v === '' ? null : v);
  return { form, errors, input: { name: form.name, role: orNull(form.role), phone: orNull(form.phone), email: form.email === '' ? null : normaliseEmail(form.email), reach: orNull(form.reach) } };
}

// --- visits ----------------------------------------------------------------------------------------

export interface VisitForm {
  visitDate: string;
  visitKind: string;
  guideId: string;
  visitNote: string;
}

export interface VisitInput {
  date: string;
  kind: VisitKind;
  guideId: number | null;
  note: string;
}

export const emptyVisitForm = (today: string, guideId: number): VisitForm => ({ visitDate: today, visitKind: 'visit', guideId: String(guideId), visitNote: '' });

export function visitFormOf(v: VisitInput): VisitForm {
  return { visitDate: v.date, visitKind: v.kind, guideId: v.guideId === null ? '' : String(v.guideId), visitNote: v.note };
}

/**
 * A log entry from the form: a date not in the future, a kind, who of the guide team (one of
 * `guideIds`, or nobody named) and a short note.
 */
export function readVisitForm(body: FormBody, p: { today: string; guideIds: readonly number[] }): { form: VisitForm; errors: Record<string, string>; input: VisitInput | null } {
  const form: VisitForm = { visitDate: trimmed(body, 'visitDate'), visitKind: trimmed(body, 'visitKind'), guideId: trimmed(body, 'guideId'), visitNote: trimmed(body, 'visitNote') };
  const errors: Record<string, string> = {};
  if (form.visitDate === '') errors.visitDate = `${E}.dateRequired`;
  else if (!isIsoDate(form.visitDate)) errors.visitDate = `${E}.dateInvalid`;
  else if (form.visitDate > p.today) errors.visitDate = `${E}.dateInFuture`;
  if (!(VISIT_KINDS as readonly string[]).includes(form.visitKind)) errors.visitKind = `${E}.choiceInvalid`;
  const guideId = form.guideId === '' ? null : /^\d{1,9}$/.test(form.guideId) ? Number(form.guideId) : NaN;
  if (guideId !== null && !p.guideIds.includes(guideId)) errors.guideId = `${E}.choiceInvalid`;
  if (form.visitNote === '') errors.visitNote = `${E}.noteRequired`;
  else if (form.visitNote.length > VISIT_NOTE_MAX) errors.visitNote = `${E}.tooLong`;
  if (Object.keys(errors).length > 0) return { form, errors, input: null };
  return { form, errors, input: { date: form.visitDate, kind: form.visitKind as VisitKind, guideId, note: form.visitNote } };
}

/** The flags as the form sent them: every flag must carry one of the three values. */
export function readFlagsForm(body: FormBody): { values: Partial<Record<AssociationFlag, FlagValue>>; errors: Record<string, string> } {
  const values: Partial<Record<AssociationFlag, FlagValue>> = {};
  const errors: Record<string, string> = {};
  for (const f of ASSOCIATION_FLAGS) {
    const v = trimmed(body, f);
    if (isFlagValue(v)) values[f] = v;
    else errors[f] = `${E}.choiceInvalid`;
  }
  return { values, errors };
}
