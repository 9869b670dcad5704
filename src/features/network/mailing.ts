/**
 * The mailing list as rules: segments and their names, the subscribe, segment and message forms as
 * typed and checked, the links every mail carries (a keyed, unguessable unsubscribe link per
 * subscriber; List-Unsubscribe headers for RFC 8058 one-click), how a list mail is composed in the
 * recipient's language, and which delivery failures count against an address. Pure: keys and the
 * clock come in.
 */
import crypto from 'node:crypto';
import { field, trimmed, values, type FormBody } from '../../web/form.js';
import { cleanUserText } from '../../web/text.js';
import { isEmail, normaliseEmail } from '../accounts/index.js';
import { ORGANISATION_KINDS, isOneOf } from '../taxonomy/index.js';
import type { Translate } from './volunteers.js';

export const AUDIENCES = ['language_cafes', 'organisations', 'network', 'volunteers', 'custom'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const SEGMENT_LIMITS = { name: 80, description: 300 } as const;
export const MESSAGE_LIMITS = { subject: 150, body: 8000 } as const;
export const SUBSCRIBE_LIMITS = { email: 254, name: 80 } as const;

/** Hours a confirmation link works; an unconfirmed request is deleted after it. */
export const CONFIRM_HOURS = 48;
/** Failed deliveries in a row after which an address is paused (and shown to the coordinator). */
export const FAILURE_LIMIT = 3;
/** Messages sent per run of the sending job (it runs every minute). */
export const BATCH_SIZE = 50;
/** A delivery claimed this long ago and never finished was interrupted (a crash): it is not sent again. */
export const STALE_CLAIM_MINUTES = 15;
/** Tries of one delivery while the mail server is unreachable, before it counts as failed. */
export const MAX_ATTEMPTS = 5;
/** Months the hash of an address that left is kept (to answer a complaint and never invite it again). */
export const SUPPRESSION_MONTHS = 24;
export const SUBSCRIBE_HONEYPOT = 'website';

export interface Segment {
  id: number;
  audience: Audience;
  organisationKind: string | null;
  name: string;
  description: string;
  publicArchive: boolean;
  openSignup: boolean;
}

const E = 'network.mailing.errors';

/**
 * What the public and the coordinator call a segment: a named audience in the reader's language
 * (language cafés, sports clubs, network members, volunteers), or the coordinator's own name.
 */
export function segmentLabel(t: Translate, s: Pick<Segment, 'audience' | 'organisationKind' | 'name'>): string {
  switch (s.audience) {
    case 'organisations':
      return t('network.mailing.audience.organisationsOf', { kind: t(`taxonomy.kind.${s.organisationKind ?? 'association'}`) });
    case 'custom':
      return s.name;
    default:
      return t(`network.mailing.audience.${s.audience}`);
  }
}

// --- forms -----------------------------------------------------------------------------------------

export interface SubscribeForm {
  email: string;
  name: string;
  segments: string[];
  website: string;
}

export function emptySubscribeForm(segments: string[] = []): SubscribeForm {
  return { email: '', name: '', segments, website: '' };
}

/** Reads the subscribe form; only segments open for subscription count. */
export function readSubscribeForm(
  body: FormBody,
  openSegmentIds: number[],
): { form: SubscribeForm; errors: Record<string, string>; input: { email: string; name: string | null; segmentIds: number[] } | null; spam: boolean } {
  const form: SubscribeForm = {
    email: normaliseEmail(field(body, 'email')),
    name: cleanUserText(trimmed(body, 'name')),
    segments: values(body, 'segments'),
    website: field(body, SUBSCRIBE_HONEYPOT),
  };
  const errors: Record<string, string> = {};
  if (form.email === '') errors.email = `${E}.required`;
  else if (!isEmail(form.email)) errors.email = `${E}.emailInvalid`;
  if (form.name.length > SUBSCRIBE_LIMITS.name) errors.name = `${E}.tooLong`;
  const chosen = openSegmentIds.filter((id) => form.segments.includes(String(id)));
  if (chosen.length === 0) errors.segments = `${E}.chooseSegment`;
  else if (chosen.length !== form.segments.length) errors.segments = `${E}.choiceInvalid`;
  const spam = form.website.trim() !== '';
  if (Object.keys(errors).length > 0) return { form, errors, input: null, spam };
  return { form, errors, spam, input: { email: form.email, name: form.name || null, segmentIds: chosen } };
}

export interface SegmentForm {
  audience: string;
  organisationKind: string;
  name: string;
  description: string;
  publicArchive: boolean;
  openSignup: boolean;
}

export type SegmentInput = Omit<Segment, 'id'>;

export function emptySegmentForm(): SegmentForm {
  return { audience: 'custom', organisationKind: '', name: '', description: '', publicArchive: true, openSignup: true };
}

export function segmentFormOf(s: Segment): SegmentForm {
  return { audience: s.audience, organisationKind: s.organisationKind ?? '', name: s.name, description: s.description, publicArchive: s.publicArchive, openSignup: s.openSignup };
}

/** Reads the segment form: a custom segment needs its own name; one of organisations, their kind. */
export function readSegmentForm(body: FormBody): { form: SegmentForm; errors: Record<string, string>; input: SegmentInput | null } {
  const form: SegmentForm = {
    audience: trimmed(body, 'audience'),
    organisationKind: trimmed(body, 'organisationKind'),
    name: cleanUserText(trimmed(body, 'name')),
    description: cleanUserText(trimmed(body, 'description')),
    publicArchive: values(body, 'flags').includes('publicArchive'),
    openSignup: values(body, 'flags').includes('openSignup'),
  };
  const errors: Record<string, string> = {};
  if (!isOneOf(AUDIENCES, form.audience)) errors.audience = `${E}.choiceInvalid`;
  if (form.audience === 'organisations' && !isOneOf(ORGANISATION_KINDS, form.organisationKind)) errors.organisationKind = `${E}.chooseKind`;
  if (form.audience === 'custom' && form.name === '') errors.name = `${E}.required`;
  if (form.name.length > SEGMENT_LIMITS.name) errors.name = `${E}.tooLong`;
  if (form.description.length > SEGMENT_LIMITS.description) errors.description = `${E}.tooLong`;
  if (Object.keys(errors).length > 0) return { form, errors, input: null };
  const audience = form.audience as Audience;
  return {
    form,
    errors,
    input: {
      audience,
      organisationKind: audience === 'organisations' ? form.organisationKind : null,
      name: form.name,
      description: form.description,
      publicArchive: form.publicArchive,
      openSignup: form.openSignup,
    },
  };
}

/** A message's subject and text in one language. */
export interface MessageText {
  subject: string;
  body: string;
}
/** Language code → text; Swedish always, other languages when the coordinator wrote them. */
export type MessageTexts = Record<string, MessageText>;

export interface MessageForm {
  segmentId: string;
  texts: Record<string, MessageText>;
}

export function messageFormOf(segmentId: number | null, texts: MessageTexts, languages: readonly string[]): MessageForm {
  return { segmentId: segmentId === null ? '' : String(segmentId), texts: Object.fromEntries(languages.map((l) => [l, texts[l] ?? { subject: '', body: '' }])) };
}

/**
 * Reads the compose form (fields `subject.<lang>` and `body.<lang>`): Swedish is required, another
 * language is both subject and text or neither. The segment's existence is the caller's to check.
 */
export function readMessageForm(body: FormBody, languages: readonly string[]): { form: MessageForm; errors: Record<string, string>; input: { segmentId: number; texts: MessageTexts } | null } {
  const form: MessageForm = {
    segmentId: trimmed(body, 'segmentId'),
    texts: Object.fromEntries(languages.map((l) => [l, { subject: cleanUserText(trimmed(body, `subject.${l}`)), body: cleanUserText(field(body, `body.${l}`).replace(/\r\n/g, '\n').trim()) }])),
  };
  const errors: Record<string, string> = {};
  if (!/^\d{1,9}$/.test(form.segmentId)) errors.segmentId = `${E}.chooseSegment`;
  for (const l of languages) {
    const { subject, body: text } = form.texts[l]!;
    const required = l === 'sv';
    if (subject === '' && (required || text !== '')) errors[`subject.${l}`] = `${E}.required`;
    else if (subject.length > MESSAGE_LIMITS.subject) errors[`subject.${l}`] = `${E}.tooLong`;
    if (text === '' && (required || subject !== '')) errors[`body.${l}`] = `${E}.required`;
    else if (text.length > MESSAGE_LIMITS.body) errors[`body.${l}`] = `${E}.tooLong`;
  }
  if (Object.keys(errors).length > 0) return { form, errors, input: null };
  const texts: MessageTexts = {};
  for (const l of languages) if (form.texts[l]!.subject !== '') texts[l] = form.texts[l]!;
  return { form, errors, input: { segmentId: Number(form.segmentId), texts } };
}

/** The text a reader of `language` gets: theirs when written, otherwise the Swedish. */
export function textFor(texts: MessageTexts, language: string): MessageText & { language: string } {
  const own = texts[language];
  if (own) return { ...own, language };
  return { ...(texts.sv ?? { subject: '', body: '' }), language: 'sv' };
}

// --- links and mails -------------------------------------------------------------------------------

function mac(key: string, purpose: string, value: string): string {
  return crypto.createHmac('sha256', key).update(`${purpose}:${value}`).digest('base64url');
}

/** The token of a subscriber's unsubscribe link: its id and a keyed hash of it, so nothing need be stored. */
export function unsubscribeToken(key: string, subscriberId: number): string {
  return `${subscriberId}.${mac(key, 'unsubscribe', String(subscriberId))}`;
}

/** The subscriber an unsubscribe token names, when it is genuine. */
export function subscriberOfToken(key: string, token: string): number | undefined {
  const m = /^(\d{1,10})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return undefined;
  const expected = Buffer.from(mac(key, 'unsubscribe', m[1]!));
  const given = Buffer.from(m[2]!);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? Number(m[1]) : undefined;
}

/** What is kept of an address that left: a keyed hash, useless without the key to anyone who reads the table. */
export function addressHash(key: string, email: string): string {
  return mac(key, 'address', normaliseEmail(email));
}

/** The header fields of RFC 2369 and RFC 8058: a mail client offers "unsubscribe" and may post to it at once. */
export function listHeaders(unsubscribeUrl: string, listId: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'List-Id': listId };
}

/** One list mail as its recipient gets it: the text, then why they get it and the link to leave. */
export function composeListMail(t: Translate, m: { text: MessageText; segment: string; unsubscribeUrl: string; archiveUrl: string | null }): { subject: string; text: string } {
  const footer = [
    t('network.mailing.mail.why', { segment: m.segment }),
    t('network.mailing.mail.unsubscribe', { link: m.unsubscribeUrl }),
    ...(m.archiveUrl ? [t('network.mailing.mail.archive', { link: m.archiveUrl })] : []),
  ];
  return { subject: m.text.subject, text: `${m.text.body}\n\n-- \n${footer.join('\n')}\n` };
}

/** The confirmation mail of a subscription request (from the form, or an invitation to an organisation's editor). */
export function confirmationMail(t: Translate, m: { segments: string[]; link: string; invited: boolean }): { subject: string; text: string } {
  const text = [
    t(m.invited ? 'network.mailing.mail.inviteIntro' : 'network.mailing.mail.confirmIntro'),
    '',
    ...m.segments.map((s) => `- ${s}`),
    '',
    t('network.mailing.mail.confirmLink', { hours: CONFIRM_HOURS }),
    m.link,
    '',
    t('network.mailing.mail.confirmIgnore', { hours: CONFIRM_HOURS }),
  ];
  return { subject: t('network.mailing.mail.confirmSubject'), text: `${text.join('\n')}\n` };
}

/** The outbox subject of a subscriber's mails (deleted when they leave) and of a request's confirmation. */
export const subscriberSubject = (id: number) => `subscriber:${id}`;
export const requestSubject = (id: number) => `mailing-request:${id}`;

/**
 * What a failed delivery says about the address: 'address' when the server refused the recipient (a
 * 5xx answer, or an address we cannot send to at all): it counts towards pausing; 'transient' when
 * the server could not be reached or asked to try later: the delivery waits for the next run.
 */
export function failureKind(error: unknown): 'address' | 'transient' {
  const e = error as { code?: unknown; details?: { smtpCode?: unknown } } | null;
  if (e?.code === 'mail.invalidAddress') return 'address';
  const smtp = e?.details?.smtpCode;
  return typeof smtp === 'number' && smtp >= 500 ? 'address' : 'transient';
}

/** Whether one more failure in a row pauses an address. */
export function pausesAfter(failuresInRow: number): boolean {
  return failuresInRow >= FAILURE_LIMIT;
}
