/**
 * The mails of events with sign-up, in the language of the page the person signed up on: confirmation,
 * waiting list, a place from the waiting list, the reminder the day before, and "you are already
 * signed up". Each carries a single-use cancel link that opens a page with a button (so a mail
 * scanner following links cancels nothing). Each is sent with the subject reference 'signup:<id>',
 * so erasing the sign-up erases the outbox copy too.
 */
import { formatDate, formatTimeRange, languagePrefix, LANGUAGES, translator } from '../../i18n/index.js';
import type { MailSender } from '../../web/server.js';
import type { Signup } from './events.store.js';

export type SignupMailKind = 'confirmed' | 'waiting' | 'promoted' | 'reminder' | 'already';

/** What a mail says about the event, in the person's language. */
export interface EventFacts {
  title: string;
  /** The date and times it actually happens (a moved date's new ones). */
  localDate: string;
  startTime: string;
  endTime: string;
  /** "Föreningarnas Hus, Olaigatan 4, Örebro", or null. */
  place: string | null;
  /** The organiser's note, or null. */
  note: string | null;
  organiser: string;
}

/** The subject reference of a sign-up, as outbox rows about it carry it. */
export const signupSubject = (signupId: number) => `signup:${signupId}`;

/** The absolute cancel link in the person's language. */
export function cancelUrl(publicUrl: string, language: string, token: string): string {
  return `${publicUrl}${languagePrefix(language)}/anmalan/avboka/${token}`;
}

export function signupMail(
  kind: SignupMailKind,
  p: { language: string; name: string; facts: EventFacts; cancelLink: string; position: number; status: 'confirmed' | 'waiting'; retentionDays: number },
): { subject: string; text: string } {
  const code = LANGUAGES.some((l) => l.code === p.language) ? p.language : 'sv';
  const lang = LANGUAGES.find((l) => l.code === code)!;
  const t = translator(code) as unknown as (key: string, options?: Record<string, unknown>) => string;
  const f = p.facts;
  const date = formatDate(lang, f.localDate, 'full');
  const vars = { title: f.title, date, name: p.name, position: p.position };
  const lines = [
    t('events.mail.greeting', { name: p.name }),
    '',
    t(`events.mail.${kind === 'already' ? (p.status === 'waiting' ? 'alreadyWaiting' : 'alreadyConfirmed') : kind}Lead`, vars),
    '',
    `${t('events.mail.what')}: ${f.title}`,
    `${t('events.mail.when')}: ${date}, ${formatTimeRange(lang, f.startTime, f.endTime)}`,
    ...(f.place ? [`${t('events.mail.where')}: ${f.place}`] : []),
    `${t('events.mail.organiser')}: ${f.organiser}`,
    ...(f.note ? ['', f.note] : []),
    '',
    t(p.status === 'waiting' ? 'events.mail.leaveWaitingList' : 'events.mail.cannotCome'),
    p.cancelLink,
    '',
    t('events.mail.privacy', { days: p.retentionDays }),
  ];
  return { subject: t(`events.mail.${kind === 'already' ? 'already' : kind}Subject`, vars), text: lines.join('\n') };
}

/** Sends one of the mails about a sign-up to its address. */
export async function sendSignupMail(
  mailer: MailSender,
  kind: SignupMailKind,
  signup: Signup,
  p: { facts: EventFacts; token: string; position: number; publicUrl: string; retentionDays: number },
): Promise<void> {
  if (!signup.email || !signup.name || signup.status === 'cancelled') return;
  const { subject, text } = signupMail(kind, {
    language: signup.language,
    name: signup.name,
    facts: p.facts,
    cancelLink: cancelUrl(p.publicUrl, signup.language, p.token),
    position: p.position,
    status: signup.status,
    retentionDays: p.retentionDays,
  });
  await mailer.send({ to: signup.email, subject, text, purpose: `event-${kind}`, subjectRef: signupSubject(signup.id) });
}
