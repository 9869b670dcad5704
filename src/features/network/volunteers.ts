/**
 * Volunteer roles and sign-ups as rules: the kinds of role and what a role asks and gives, the role
 * and sign-up forms as typed and checked, campaign slugs, the texts of the two sign-up mails, and how
 * long a sign-up's personal data stays. Pure: no database, no clock.
 */
import { field, ticked, trimmed, values, type FormBody } from '../../web/form.js';
import { cleanUserText, slugify } from '../../web/text.js';
import { isEmail, normaliseEmail } from '../accounts/index.js';
import { SPOKEN_LANGUAGES, isOneOf } from '../taxonomy/index.js';

export const ROLE_KINDS = ['fikakompis', 'mentor', 'homework', 'cafe_host', 'other'] as const;
export type RoleKind = (typeof ROLE_KINDS)[number];
export const FREQUENCIES = ['once', 'weekly', 'biweekly', 'monthly', 'flexible'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
/** How much Swedish a volunteer needs. */
export const SWEDISH_LEVELS = ['fluent', 'some', 'none'] as const;
export type SwedishLevel = (typeof SWEDISH_LEVELS)[number];
/** What a volunteer gets. */
export const BENEFITS = ['training', 'reference', 'insurance', 'expenses', 'fika', 'community'] as const;
export type Benefit = (typeof BENEFITS)[number];
export const ROLE_STATUSES = ['open', 'closed'] as const;
export type RoleStatus = (typeof ROLE_STATUSES)[number];
/** Languages besides Swedish that help in a role (sign language included). */
export const ROLE_LANGUAGES = SPOKEN_LANGUAGES;

export const ROLE_LIMITS = { title: 100, description: 2000, contactEmail: 254, hours: 40, months: 36 } as const;
export const SIGNUP_LIMITS = { name: 80, email: 254, phone: 30, message: 1000 } as const;
export const CAMPAIGN_LIMITS = { name: 100, slug: 60 } as const;

/** Days after a sign-up was forwarded to the organisation before its personal fields are emptied here. */
export const SIGNUP_RETENTION_DAYS = 30;
/** A sign-up that could not be forwarded for this long is erased all the same (it is not kept waiting for ever). */
export const UNFORWARDED_GIVE_UP_DAYS = 7;
/** The query parameter a poster's link carries: /jag-vill-hjalpa-till?kampanj=kompisvecka-januari-2027. */
export const CAMPAIGN_PARAM = 'kampanj';
/** The honeypot field of the sign-up form: people never see it. */
export const SIGNUP_HONEYPOT = 'website';

export interface VolunteerRole {
  id: number;
  organisationId: number;
  kind: RoleKind;
  title: string;
  description: string;
  frequency: Frequency;
  hours: number | null;
  minMonths: number | null;
  swedish: SwedishLevel;
  languages: string[];
  benefits: Benefit[];
  districtId: number | null;
  contactEmail: string;
  status: RoleStatus;
  createdAt: string;
  updatedAt: string;
}

export type RoleInput = Omit<VolunteerRole, 'id' | 'organisationId' | 'createdAt' | 'updatedAt'>;

/** The role form as typed (every value a string, so nothing typed is lost). */
export interface RoleForm {
  kind: string;
  title: string;
  description: string;
  frequency: string;
  hours: string;
  minMonths: string;
  swedish: string;
  languages: string[];
  benefits: string[];
  districtId: string;
  contactEmail: string;
  status: string;
}

export function emptyRoleForm(contactEmail: string): RoleForm {
  return { kind: 'fikakompis', title: '', description: '', frequency: 'weekly', hours: '', minMonths: '', swedish: 'some', languages: [], benefits: [], districtId: '', contactEmail, status: 'open' };
}

export function roleFormOf(r: VolunteerRole): RoleForm {
  return {
    kind: r.kind,
    title: r.title,
    description: r.description,
    frequency: r.frequency,
    hours: r.hours === null ? '' : String(r.hours),
    minMonths: r.minMonths === null ? '' : String(r.minMonths),
    swedish: r.swedish,
    languages: r.languages,
    benefits: r.benefits,
    districtId: r.districtId === null ? '' : String(r.districtId),
    contactEmail: r.contactEmail,
    status: r.status,
  };
}

const E = 'network.volunteers.errors';

/** A whole number from 1 to `max` as typed, '' for none, or undefined when it is not one. */
function wholeNumber(text: string, max: number): number | null | undefined {
  if (text === '') return null;
  if (!/^\d{1,3}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= max ? n : undefined;
}

/**
 * Reads and checks the role form. Errors are catalogue keys by field; `input` is null when any field
 * is wrong. Whether the district exists is the caller's to check.
 */
export function readRoleForm(body: FormBody): { form: RoleForm; errors: Record<string, string>; input: RoleInput | null } {
  const form: RoleForm = {
    kind: trimmed(body, 'kind'),
    title: cleanUserText(trimmed(body, 'title')),
    description: cleanUserText(field(body, 'description').trim()),
    frequency: trimmed(body, 'frequency'),
    hours: trimmed(body, 'hours'),
    minMonths: trimmed(body, 'minMonths'),
    swedish: trimmed(body, 'swedish'),
    languages: values(body, 'languages'),
    benefits: values(body, 'benefits'),
    districtId: trimmed(body, 'districtId'),
    contactEmail: normaliseEmail(field(body, 'contactEmail')),
    status: trimmed(body, 'status'),
  };
  const errors: Record<string, string> = {};
  if (!isOneOf(ROLE_KINDS, form.kind)) errors.kind = `${E}.choiceInvalid`;
  if (form.title === '') errors.title = `${E}.required`;
  else if (form.title.length > ROLE_LIMITS.title) errors.title = `${E}.tooLong`;
  if (form.description === '') errors.description = `${E}.required`;
  else if (form.description.length > ROLE_LIMITS.description) errors.description = `${E}.tooLong`;
  if (!isOneOf(FREQUENCIES, form.frequency)) errors.frequency = `${E}.choiceInvalid`;
  const hours = wholeNumber(form.hours, ROLE_LIMITS.hours);
  if (hours === undefined) errors.hours = `${E}.hoursInvalid`;
  const minMonths = wholeNumber(form.minMonths, ROLE_LIMITS.months);
  if (minMonths === undefined) errors.minMonths = `${E}.monthsInvalid`;
  if (!isOneOf(SWEDISH_LEVELS, form.swedish)) errors.swedish = `${E}.choiceInvalid`;
  if (!form.languages.every((l) => isOneOf(ROLE_LANGUAGES, l))) errors.languages = `${E}.choiceInvalid`;
  if (!form.benefits.every((b) => isOneOf(BENEFITS, b))) errors.benefits = `${E}.choiceInvalid`;
  if (form.districtId !== '' && !/^\d{1,9}$/.test(form.districtId)) errors.districtId = `${E}.choiceInvalid`;
  if (form.contactEmail === '') errors.contactEmail = `${E}.required`;
  else if (!isEmail(form.contactEmail)) errors.contactEmail = `${E}.emailInvalid`;
  if (!isOneOf(ROLE_STATUSES, form.status)) errors.status = `${E}.choiceInvalid`;
  if (Object.keys(errors).length > 0) return { form, errors, input: null };
  return {
    form,
    errors,
    input: {
      kind: form.kind as RoleKind,
      title: form.title,
      description: form.description,
      frequency: form.frequency as Frequency,
      hours: hours ?? null,
      minMonths: minMonths ?? null,
      swedish: form.swedish as SwedishLevel,
      languages: ROLE_LANGUAGES.filter((l) => form.languages.includes(l)),
      benefits: BENEFITS.filter((b) => form.benefits.includes(b)),
      districtId: form.districtId === '' ? null : Number(form.districtId),
      contactEmail: form.contactEmail,
      status: form.status as RoleStatus,
    },
  };
}

/** What a volunteer typed into the sign-up form. */
export interface SignupForm {
  name: string;
  email: string;
  phone: string;
  message: string;
  consent: boolean;
  /** The campaign slug the page was reached with (a poster's link), carried in a hidden field. */
  campaign: string;
  /** The honeypot. */
  website: string;
}

export interface SignupInput {
  name: string;
  email: string;
  phone: string | null;
  message: string | null;
}

export function emptySignupForm(campaign: string): SignupForm {
  return { name: '', email: '', phone: '', message: '', consent: false, campaign, website: '' };
}

/** Digits with the usual separators and an optional leading +: '070-174 06 05', '+46 70 174 06 05'. */
const PHONE = /^\+?[\d\s()-]{6,30}$/;

/** Reads and checks the sign-up form; `spam` when the honeypot was filled in. */
export function readSignupForm(body: FormBody): { form: SignupForm; errors: Record<string, string>; input: SignupInput | null; spam: boolean } {
  const form: SignupForm = {
    name: cleanUserText(trimmed(body, 'name')),
    email: normaliseEmail(field(body, 'email')),
    phone: trimmed(body, 'phone'),
    message: cleanUserText(field(body, 'message').trim()),
    consent: ticked(body, 'consent'),
    campaign: trimmed(body, CAMPAIGN_PARAM).slice(0, CAMPAIGN_LIMITS.slug),
    website: field(body, SIGNUP_HONEYPOT),
  };
  const errors: Record<string, string> = {};
  if (form.name === '') errors.name = `${E}.required`;
  else if (form.name.length > SIGNUP_LIMITS.name) errors.name = `${E}.tooLong`;
  if (form.email === '') errors.email = `${E}.required`;
  else if (!isEmail(form.email)) errors.email = `${E}.emailInvalid`;
  if (form.phone !== '' && !PHONE.test(form.phone)) errors.phone = `${E}.phoneInvalid`;
  if (form.message.length > SIGNUP_LIMITS.message) errors.message = `${E}.tooLong`;
  if (!form.consent) errors.consent = `${E}.consentRequired`;
  const spam = form.website.trim() !== '';
  if (Object.keys(errors).length > 0) return { form, errors, input: null, spam };
  return { form, errors, spam, input: { name: form.name, email: form.email, phone: form.phone || null, message: form.message || null } };
}

/** A campaign's slug from what the coordinator typed (or its name): 'Kompisvecka januari 2027' → 'kompisvecka-januari-2027'. */
export function campaignSlug(text: string): string {
  return slugify(text, CAMPAIGN_LIMITS.slug);
}

/** The campaign form as typed, checked; the slug's uniqueness is the caller's to check. */
export function readCampaignForm(body: FormBody): { form: { name: string; slug: string }; errors: Record<string, string>; input: { name: string; slug: string } | null } {
  const form = { name: cleanUserText(trimmed(body, 'name')), slug: trimmed(body, 'slug').toLowerCase() };
  const errors: Record<string, string> = {};
  if (form.name === '') errors.name = `${E}.required`;
  else if (form.name.length > CAMPAIGN_LIMITS.name) errors.name = `${E}.tooLong`;
  if (form.slug !== '' && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(form.slug)) errors.slug = `${E}.slugInvalid`;
  else if (form.slug.length > CAMPAIGN_LIMITS.slug) errors.slug = `${E}.tooLong`;
  if (Object.keys(errors).length > 0) return { form, errors, input: null };
  const slug = form.slug || campaignSlug(form.name);
  if (slug === 'x') return { form, errors: { slug: `${E}.slugInvalid` }, input: null };
  return { form, errors, input: { name: form.name, slug } };
}

/** The subject reference of a sign-up's mails in the outbox, erased with the sign-up. */
export function signupSubject(signupId: number): string {
  return `volunteer:${signupId}`;
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The mail to the organisation: who signed up for which role, how to reach them, their message. In
 * Swedish (the organisation's language here); the volunteer's address is its Reply-To.
 */
export function organisationMail(sv: Translate, s: { roleTitle: string; name: string; email: string; phone: string | null; message: string | null; campaign: string | null; workspaceLink: string }) {
  const lines = [
    sv('network.volunteers.mail.orgIntro', { role: s.roleTitle }),
    '',
    `${sv('network.volunteers.mail.name')}: ${s.name}`,
    `${sv('network.volunteers.mail.email')}: ${s.email}`,
    ...(s.phone ? [`${sv('network.volunteers.mail.phone')}: ${s.phone}`] : []),
    ...(s.campaign ? [`${sv('network.volunteers.mail.campaign')}: ${s.campaign}`] : []),
    '',
    ...(s.message ? [sv('network.volunteers.mail.message'), s.message, ''] : []),
    sv('network.volunteers.mail.orgReply', { days: SIGNUP_RETENTION_DAYS }),
    '',
    sv('network.volunteers.mail.orgRoles', { link: s.workspaceLink }),
  ];
  return { subject: sv('network.volunteers.mail.orgSubject', { role: s.roleTitle }), text: `${lines.join('\n')}\n` };
}

/** The confirmation to the volunteer, in the language of the page they signed up on. */
export function volunteerMail(t: Translate, s: { roleTitle: string; organisation: string; contactEmail: string }) {
  const text = [
    t('network.volunteers.mail.volunteerIntro', { organisation: s.organisation, role: s.roleTitle }),
    '',
    t('network.volunteers.mail.volunteerContact', { email: s.contactEmail }),
    '',
    t('network.volunteers.mail.volunteerPrivacy', { days: SIGNUP_RETENTION_DAYS }),
  ].join('\n');
  return { subject: t('network.volunteers.mail.volunteerSubject', { organisation: s.organisation }), text: `${text}\n` };
}

/** Sign-ups per role and in all, from rows of (role, count). */
export function countsByRole(rows: { roleId: number | null; n: number }[]): { byRole: Map<number, number>; total: number } {
  const byRole = new Map<number, number>();
  let total = 0;
  for (const r of rows) {
    total += r.n;
    if (r.roleId !== null) byRole.set(r.roleId, (byRole.get(r.roleId) ?? 0) + r.n);
  }
  return { byRole, total };
}
