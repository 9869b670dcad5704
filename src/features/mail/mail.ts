/** Mail as the rest of the code sees it: the message, the outbox entry, the error, and the rules that need no I/O. */

/** One message to one recipient. `purpose` says why it was sent ('signin', 'invite', ...) so the outbox can be filtered. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  purpose: string;
  /**
   * What the message is about when that may be erased, e.g. 'case:12': erasing it deletes the outbox
   * copy too. A message with a subject is about a person, so without SMTP its body is not logged.
   */
  subjectRef?: string;
  /**
   * Extra header fields sent over SMTP (List-Unsubscribe, Reply-To, ...); not kept in the outbox. Values
   * must be single-line: they are our own URLs and checked addresses.
   */
  headers?: Record<string, string>;
}

/** How a message left: over SMTP, or only into the outbox table (no mail server configured). */
export type MailTransportName = 'smtp' | 'outbox';
/** Where an outbox row stands: delivered or failed for good ('smtp', 'outbox'), or not yet ('queued', 'sending'). */
export type OutboxState = MailTransportName | 'queued' | 'sending';

/** A message as recorded in the outbox, newest first in listings. */
export interface OutboxEntry {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  purpose: string;
  /** ISO-8601 UTC. */
  createdAt: string;
  /** When the SMTP server accepted it; null for outbox-only messages, failures and sends still under way. */
  sentAt: string | null;
  transport: OutboxState;
  /** Why sending failed, with any SMTP password removed. */
  error: string | null;
  /** What it is about ('case:12'), when that may be erased. */
  subjectRef: string | null;
}

export type MailErrorCode = 'mail.invalidAddress' | 'mail.sendFailed';

/** A message that could not be sent. `code` is stable (and a translation key); the message never holds SMTP credentials. */
export class MailError extends Error {
  override readonly name = 'MailError';

  constructor(
    readonly code: MailErrorCode,
    message: string,
    readonly details: {
      /** The outbox row that records the attempt, when one was written. */
      outboxId?: number;
      /** The SMTP reply code (e.g. 550), when the server answered. */
      smtpCode?: number;
    } = {},
  ) {
    super(message);
  }
}

/** RFC 5321's limit on a forward path, and so on any address we accept. */
export const MAX_EMAIL_ADDRESS_LENGTH = 254;
const MAX_LOCAL_PART_LENGTH = 64;

/**
 * Characters that never appear in the addresses we accept: white space and control characters (header
 * injection), and the punctuation of address lists and display names (`,` `;` `<` `>` `"` ...), which
 * would let one "address" name several recipients.
 */
const FORBIDDEN = /[\s\p{Cc}<>()[\]\\,;:"]/u;

/**
 * True when `address` looks like a deliverable mailbox: exactly one `@`, a non-empty local part of at most
 * 64 characters, a domain of dot-separated non-empty labels, at most 254 characters in all, no white
 * space. Deliberately simple (no quoted local parts, no IP literals); the mail server has the last word.
 */
export function isValidEmailAddress(address: string): boolean {
  if (address.length === 0 || address.length > MAX_EMAIL_ADDRESS_LENGTH) return false;
  if (FORBIDDEN.test(address)) return false;
  const parts = address.split('@');
  if (parts.length !== 2) return false;
  const [local, domain] = parts as [string, string];
  if (local.length === 0 || local.length > MAX_LOCAL_PART_LENGTH) return false;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  return domain.split('.').every((label) => label.length > 0 && label.length <= 63 && !label.startsWith('-') && !label.endsWith('-'));
}

/**
 * The message as a block of lines for the log. This is how someone running without a mail server reads
 * their sign-in link, so the text is printed whole, links included, except for a message about a
 * person (one with a `subjectRef`): its recipient, subject and text may say who the person is or hold
 * a link that shows their data, and a log is neither erased with the person nor kept from view, so
 * only its purpose and subject reference are printed (the outbox keeps the rest until it is erased).
 */
export function formatForLog(message: MailMessage): string {
  if (message.subjectRef !== undefined) {
    return `Mail (${message.purpose}) about ${message.subjectRef} stored in the outbox; its text is not logged because it concerns a person.`;
  }
  return [
    `Mail to ${message.to} (${message.purpose})`,
    `Subject: ${message.subject}`,
    '',
    message.text.replace(/\s+$/, ''),
    ...(message.html === undefined ? [] : ['', '(An HTML version is stored in the outbox.)']),
  ].join('\n');
}

/**
 * `text` with the password of `smtpUrl` (as written and percent-decoded) and the URL itself replaced by
 * `[redacted]`, so an SMTP failure can be logged and stored. A URL without a password changes nothing.
 */
export function redactCredentials(text: string, smtpUrl: string): string {
  const secrets = [smtpUrl];
  if (URL.canParse(smtpUrl)) {
    const { password } = new URL(smtpUrl);
    if (password) {
      secrets.push(password);
      try {
        secrets.push(decodeURIComponent(password));
      } catch {
        // A malformed escape: the password was only ever used as written.
      }
    }
  }
  let out = text;
  // Longest first, so the URL goes whole before its password is looked for inside it.
  for (const secret of secrets.filter(Boolean).sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** The subject reference of a föreningslots case, as outbox rows about it carry it. */
export function caseSubject(caseId: number): string {
  return `case:${caseId}`;
}

/** Outbox rows are kept this many days unless OUTBOX_RETENTION_DAYS says otherwise. */
export const OUTBOX_RETENTION_DAYS = 30;
