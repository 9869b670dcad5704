/**
 * Organisations joining the network, as rules: the public "Vill er förening vara med?" form as typed
 * and checked, the coordinator's approve and decline forms, and the texts of the mails. Pure: no
 * database, no clock.
 */
import { field, ticked, trimmed, values, type FormBody } from '../../web/form.js';
import { cleanUserText } from '../../web/text.js';
import { isEmail, normaliseEmail } from '../accounts/index.js';
import { isValidSlug } from '../organisations/index.js';
import { ORGANISATION_KINDS, isOneOf, type OrganisationKind } from '../taxonomy/index.js';
import { normalisePhone, normaliseWebsite } from '../workspace/index.js';
import type { Translate } from './volunteers.js';

export const JOIN_LIMITS = { name: 120, description: 2000, website: 300, contactName: 100, email: 254, phone: 40, message: 2000 } as const;
/** Hours the confirmation link works; an unconfirmed request is deleted after it. */
export const JOIN_CONFIRM_HOURS = 48;
/** Requests one client address may send per hour (a study association may register several groups). */
export const JOINS_PER_HOUR = 5;
/** Confirmation mails one address gets per day, whoever types it in. */
export const JOIN_MAILS_PER_DAY = 3;
/** The honeypot: people never see it ('website' is a real field here). */
export const JOIN_HONEYPOT = 'hemsida';

/** A request as the coordinator sees it. */
export interface JoinRequest {
  id: number;
  name: string;
  kind: OrganisationKind;
  description: string;
  website: string | null;
  contactName: string;
  email: string;
  phone: string | null;
  districtIds: number[];
  showInDirectory: boolean;
  language: string;
  confirmedAt: string | null;
  createdAt: string;
}

export type JoinInput = Omit<JoinRequest, 'id' | 'language' | 'confirmedAt' | 'createdAt'>;

/** The public form as typed (every value a string, so nothing typed is lost). */
export interface JoinForm {
  name: string;
  kind: string;
  description: string;
  website: string;
  contactName: string;
  email: string;
  phone: string;
  districtIds: string[];
  showInDirectory: boolean;
  consent: boolean;
  /** The honeypot. */
  hemsida: string;
  /** The time trap's stamp (when the form was drawn, signed). */
  stamp: string;
}

export function emptyJoinForm(): JoinForm {
  return { name: '', kind: '', description: '', website: '', contactName: '', email: '', phone: '', districtIds: [], showInDirectory: false, consent: false, hemsida: '', stamp: '' };
}

const E = 'joining.errors';

/**
 * Reads and checks the public form. Errors are catalogue keys by field; `input` is null when any
 * field is wrong; `spam` when the honeypot was filled in. Whether the districts exist is the caller's.
 */
export function readJoinForm(body: FormBody): { form: JoinForm; errors: Record<string, string>; input: JoinInput | null; spam: boolean } {
  const form: JoinForm = {
    name: cleanUserText(trimmed(body, 'name')),
    kind: trimmed(body, 'kind'),
    description: cleanUserText(field(body, 'description').replace(/\r\n?/g, '\n').trim()),
    website: trimmed(body, 'website'),
    contactName: cleanUserText(trimmed(body, 'contactName')),
    email: trimmed(body, 'email'),
    phone: trimmed(body, 'phone'),
    districtIds: values(body, 'districtIds'),
    showInDirectory: ticked(body, 'showInDirectory'),
    consent: ticked(body, 'consent'),
    hemsida: field(body, JOIN_HONEYPOT),
    stamp: trimmed(body, 'stamp'),
  };
  const errors: Record<string, string> = {};
  if (form.name === '') errors.name = `${E}.nameRequired`;
  else if (form.name.length > JOIN_LIMITS.name) errors.name = `${E}.tooLong`;
  if (!isOneOf(ORGANISATION_KINDS, form.kind)) errors.kind = `${E}.kindRequired`;
  if (form.description === '') errors.description = `${E}.descriptionRequired`;
  else if (form.description.length > JOIN_LIMITS.description) errors.description = `${E}.tooLong`;
  let website: string | null = null;
  if (form.website !== '') {
    website = form.website.length <= JOIN_LIMITS.website ? normaliseWebsite(form.website) : null;
    if (website === null) errors.website = `${E}.websiteInvalid`;
  }
  if (form.contactName === '') errors.contactName = `${E}.contactNameRequired`;
  else if (form.contactName.length > JOIN_LIMITS.contactName) errors.contactName = `${E}.tooLong`;
  const email = normaliseEmail(form.email);
  if (email === '') errors.email = `${E}.emailRequired`;
  else if (email.length > JOIN_LIMITS.email || !isEmail(email)) errors.email = `${E}.emailInvalid`;
  let phone: string | null = null;
  if (form.phone !== '') {
    phone = form.phone.length <= JOIN_LIMITS.phone ? normalisePhone(form.phone) : null;
    if (phone === null) errors.phone = `${E}.phoneInvalid`;
  }
  if (!form.districtIds.every((d) => /^\d{1,9}$/.test(d))) errors.districtIds = `${E}.choiceInvalid`;
  if (!form.consent) errors.consent = `${E}.consentRequired`;
  const spam = form.hemsida.trim() !== '';
  if (Object.keys(errors).length > 0) return { form, errors, input: null, spam };
  return {
    form,
    errors,
    spam,
    input: {
      name: form.name,
      kind: form.kind as OrganisationKind,
      description: form.description,
      website,
      contactName: form.contactName,
      email,
      phone,
      districtIds: [...new Set(form.districtIds.map(Number))],
      showInDirectory: form.showInDirectory,
    },
  };
}

/** The coordinator's approval: the name, kind and address in the directory, as typed. */
export interface ApproveForm {
  name: string;
  kind: string;
  slug: string;
}

/** Reads the approval form; an empty slug means "make one from the name". Whether it is free is the caller's to check. */
export function readApproveForm(body: FormBody): { form: ApproveForm; errors: Record<string, string>; input: { name: string; kind: OrganisationKind; slug: string | null } | null } {
  const form: ApproveForm = { name: cleanUserText(trimmed(body, 'name')), kind: trimmed(body, 'kind'), slug: trimmed(body, 'slug').toLowerCase() };
  const errors: Record<string, string> = {};
  if (form.name === '') errors.name = `${E}.nameRequired`;
  else if (form.name.length > JOIN_LIMITS.name) errors.name = `${E}.tooLong`;
  if (!isOneOf(ORGANISATION_KINDS, form.kind)) errors.kind = `${E}.kindRequired`;
  if (form.slug !== '' && !isValidSlug(form.slug)) errors.slug = `${E}.slugInvalid`;
  if (Object.keys(errors).length > 0) return { form, errors, input: null };
  return { form, errors, input: { name: form.name, kind: form.kind as OrganisationKind, slug: form.slug || null } };
}

/** Reads the decline form: the message to the contact is required. */
export function readDeclineForm(body: FormBody): { message: string; error: string | null } {
  const message = cleanUserText(field(body, 'message').replace(/\r\n?/g, '\n').trim());
  if (message === '') return { message, error: `${E}.messageRequired` };
  if (message.length > JOIN_LIMITS.message) return { message, error: `${E}.tooLong` };
  return { message, error: null };
}

/** The subject reference of a request's mails in the outbox, deleted with the request. */
export function joinSubject(requestId: number): string {
  return `join:${requestId}`;
}

/**
 * The confirmation mail, in the language of the form. Nobody has shown yet that the address is
 * theirs: it repeats nothing that was typed, only the link.
 */
export function confirmationMail(t: Translate, p: { link: string }) {
  const text = [t('joining.mail.confirmIntro'), '', p.link, '', t('joining.mail.confirmExpiry', { hours: JOIN_CONFIRM_HOURS }), t('joining.mail.confirmIgnore')].join('\n');
  return { subject: t('joining.mail.confirmSubject'), text: `${text}\n` };
}

/** Tells the coordinator (in Swedish) that a confirmed request waits; names the organisation, nobody's data. */
export function coordinatorMail(sv: Translate, p: { organisation: string; link: string }) {
  return { subject: sv('joining.mail.waitingSubject', { organisation: p.organisation }), text: `${sv('joining.mail.waitingBody', { organisation: p.organisation, link: p.link })}\n` };
}

/** Welcome: the organisation is in, and the contact's single-use sign-in link to its workspace. */
export function approvedMail(t: Translate, p: { organisation: string; link: string; days: number; shown: boolean }) {
  const text = [
    t('joining.mail.approvedIntro', { organisation: p.organisation }),
    '',
    t('joining.mail.approvedLink', { days: p.days }),
    p.link,
    '',
    t(p.shown ? 'joining.mail.approvedShown' : 'joining.mail.approvedHidden'),
  ].join('\n');
  return { subject: t('joining.mail.approvedSubject', { organisation: p.organisation }), text: `${text}\n` };
}

/** The coordinator's answer when the organisation cannot join, with their message. */
export function declinedMail(t: Translate, p: { organisation: string; message: string }) {
  const text = [t('joining.mail.declinedIntro', { organisation: p.organisation }), '', p.message, '', t('joining.mail.declinedErased')].join('\n');
  return { subject: t('joining.mail.declinedSubject', { organisation: p.organisation }), text: `${text}\n` };
}
