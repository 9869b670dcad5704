import { describe, expect, it } from 'vitest';
import { formatForLog, isValidEmailAddress, MAX_EMAIL_ADDRESS_LENGTH, redactCredentials, type MailMessage } from './mail.js';

function message(overrides: Partial<MailMessage> = {}): MailMessage {
  return {
    to: 'anna@example.se',
    subject: 'Logga in på Tillsammans',
    text: 'Hej!\n\nÖppna länken för att logga in:\nhttps://tillsammans.test/logga-in/lank/abc123\n',
    purpose: 'signin',
    ...overrides,
  };
}

describe('isValidEmailAddress', () => {
  it.each(['anna@example.se', 'anna.svensson+tillsammans@förening.example.se', 'noreply@localhost', "o'brien@example.com", 'a@b'])(
    'accepts %s',
    (address) => {
      expect(isValidEmailAddress(address)).toBe(true);
    },
  );

  it.each([
    ['empty', ''],
    ['no @', 'anna.example.se'],
    ['two @', 'anna@svensson@example.se'],
    ['nothing before @', '@example.se'],
    ['nothing after @', 'anna@'],
    ['a space', 'anna svensson@example.se'],
    ['a surrounding space', ' anna@example.se'],
    ['a line break (header injection)', 'anna@example.se\nBcc: all@example.se'],
    ['a second recipient', 'anna@example.se,bertil@example.se'],
    ['a display name', 'Anna <anna@example.se>'],
    ['an empty domain label', 'anna@example..se'],
    ['a trailing dot', 'anna@example.se.'],
    ['a leading dot in the local part', '.anna@example.se'],
  ])('rejects %s', (_why, address) => {
    expect(isValidEmailAddress(address)).toBe(false);
  });

  it('allows 254 characters and no more', () => {
    const domain = `${'d'.repeat(63)}.${'e'.repeat(63)}.${'f'.repeat(63)}.se`;
    const fits = `${'a'.repeat(MAX_EMAIL_ADDRESS_LENGTH - domain.length - 1)}@${domain}`;
    expect(fits).toHaveLength(254);
    expect(isValidEmailAddress(fits)).toBe(true);
    expect(isValidEmailAddress(`a${fits}`)).toBe(false);
  });

  it('limits the local part to 64 characters', () => {
    expect(isValidEmailAddress(`${'a'.repeat(64)}@example.se`)).toBe(true);
    expect(isValidEmailAddress(`${'a'.repeat(65)}@example.se`)).toBe(false);
  });
});

describe('formatForLog', () => {
  it('prints recipient, purpose, subject and the whole text, link included', () => {
    expect(formatForLog(message())).toBe(
      [
        'Mail to anna@example.se (signin)',
        'Subject: Logga in på Tillsammans',
        '',
        'Hej!',
        '',
        'Öppna länken för att logga in:',
        'https://tillsammans.test/logga-in/lank/abc123',
      ].join('\n'),
    );
  });

  it('says when an HTML version exists instead of printing it', () => {
    const out = formatForLog(message({ text: 'Välkommen', html: '<p>Välkommen</p>' }));
    expect(out).toBe('Mail to anna@example.se (signin)\nSubject: Logga in på Tillsammans\n\nVälkommen\n\n(An HTML version is stored in the outbox.)');
    expect(out).not.toContain('<p>');
  });
});

describe('formatForLog for a message about a person', () => {
  it('prints only the purpose and what it is about: no recipient, subject, text or link', () => {
    const out = formatForLog(message({ to: 'forening@example.se', subject: 'Ny deltagare (referens K7-4F2Q)', text: 'Förnamn: Amal\nhttps://tillsammans.test/svar/secret', purpose: 'referral', subjectRef: 'case:12' }));
    expect(out).toContain('(referral)');
    expect(out).toContain('case:12');
    for (const secret of ['forening@example.se', 'K7-4F2Q', 'Amal', '/svar/', 'secret']) expect(out).not.toContain(secret);
  });
});

describe('redactCredentials', () => {
  it('removes the password, as written and decoded, and the whole URL', () => {
    const url = 'smtp://mailer:p%40ss%20word@smtp.example.se:587';
    expect(redactCredentials(`connect to ${url} failed`, url)).toBe('connect to [redacted] failed');
    expect(redactCredentials('auth p@ss word rejected', url)).toBe('auth [redacted] rejected');
    expect(redactCredentials('auth p%40ss%20word rejected', url)).toBe('auth [redacted] rejected');
  });

  it('leaves text alone when the URL has no password', () => {
    expect(redactCredentials('550 No such user here', 'smtp://127.0.0.1:2525')).toBe('550 No such user here');
  });
});
