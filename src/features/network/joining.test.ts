import { describe, expect, it } from 'vitest';
import { approvedMail, confirmationMail, declinedMail, readApproveForm, readDeclineForm, readJoinForm } from './joining.js';

const body = (overrides: Record<string, string | string[]> = {}) => ({
  name: '  Vivalla Sykafé ',
  kind: 'association',
  description: 'Vi syr.\r\nVarje torsdag.',
  website: 'www.sykafe.example.org',
  contactName: 'Sara Ek',
  email: ' Sara@Sykafe.Example.org ',
  phone: '070-174 06 05',
  districtIds: ['3', '3', '5'],
  consent: 'true',
  ...overrides,
});
const t = (key: string, options?: Record<string, unknown>) => `${key}${options ? JSON.stringify(options) : ''}`;

describe('the join form', () => {
  it('reads a good form into the request it becomes', () => {
    const { input, errors, spam } = readJoinForm(body());
    expect(errors).toEqual({});
    expect(spam).toBe(false);
    expect(input).toEqual({
      name: 'Vivalla Sykafé',
      kind: 'association',
      description: 'Vi syr.\nVarje torsdag.',
      website: 'https://www.sykafe.example.org/',
      contactName: 'Sara Ek',
      email: 'sara@sykafe.example.org',
      phone: '070-174 06 05',
      districtIds: [3, 5],
      showInDirectory: false,
    });
  });

  it('gives a catalogue key per wrong field and keeps what was typed', () => {
    const { input, errors, form } = readJoinForm(
      body({ name: '', kind: 'club', description: '', website: 'javascript:alert(1)', contactName: '', email: 'x@', phone: '12', districtIds: ['vivalla'], consent: '' }),
    );
    expect(input).toBeNull();
    expect(errors).toEqual({
      name: 'joining.errors.nameRequired',
      kind: 'joining.errors.kindRequired',
      description: 'joining.errors.descriptionRequired',
      website: 'joining.errors.websiteInvalid',
      contactName: 'joining.errors.contactNameRequired',
      email: 'joining.errors.emailInvalid',
      phone: 'joining.errors.phoneInvalid',
      districtIds: 'joining.errors.choiceInvalid',
      consent: 'joining.errors.consentRequired',
    });
    expect(form).toMatchObject({ website: 'javascript:alert(1)', email: 'x@', phone: '12', districtIds: ['vivalla'] });
  });

  it('accepts a phone number from abroad, refuses text that is too long, and spots the honeypot', () => {
    expect(readJoinForm(body({ phone: '+44 20 7946 0958' })).input?.phone).toBe('+44 20 7946 0958');
    expect(readJoinForm(body({ name: 'x'.repeat(121) })).errors.name).toBe('joining.errors.tooLong');
    expect(readJoinForm(body({ email: '' })).errors.email).toBe('joining.errors.emailRequired');
    expect(readJoinForm(body({ hemsida: 'http://spam.example' })).spam).toBe(true);
    expect(readJoinForm(body({ showInDirectory: 'true' })).input?.showInDirectory).toBe(true);
  });
});

describe("the coordinator's decision", () => {
  it('approves with an edited name, kind and optional slug', () => {
    expect(readApproveForm({ name: 'Sykaféet', kind: 'network', slug: ' Sykafeet ' }).input).toEqual({ name: 'Sykaféet', kind: 'network', slug: 'sykafeet' });
    expect(readApproveForm({ name: 'Sykaféet', kind: 'network', slug: '' }).input?.slug).toBeNull();
    expect(readApproveForm({ name: '', kind: 'x', slug: 'ny' }).errors).toEqual({ name: 'joining.errors.nameRequired', kind: 'joining.errors.kindRequired', slug: 'joining.errors.slugInvalid' });
  });

  it('declines only with a message', () => {
    expect(readDeclineForm({ message: '   ' }).error).toBe('joining.errors.messageRequired');
    expect(readDeclineForm({ message: 'x'.repeat(2001) }).error).toBe('joining.errors.tooLong');
    expect(readDeclineForm({ message: ' Tyvärr.\r\nHälsningar ' })).toEqual({ message: 'Tyvärr.\nHälsningar', error: null });
  });
});

describe('the mails', () => {
  it('confirm with the link only', () => {
    const mail = confirmationMail(t, { link: 'https://x.test/var-med/bekrafta/abc' });
    expect(mail.text).toContain('https://x.test/var-med/bekrafta/abc');
    expect(mail.text).toContain('joining.mail.confirmExpiry{"hours":48}');
  });

  it('welcome with the sign-in link and say whether the organisation is shown', () => {
    const shown = approvedMail(t, { organisation: 'Sykaféet', link: 'https://x.test/logga-in/lank/s', days: 7, shown: true });
    expect(shown.subject).toBe('joining.mail.approvedSubject{"organisation":"Sykaféet"}');
    expect(shown.text).toContain('https://x.test/logga-in/lank/s');
    expect(shown.text).toContain('joining.mail.approvedShown');
    expect(approvedMail(t, { organisation: 'S', link: 'l', days: 7, shown: false }).text).toContain('joining.mail.approvedHidden');
  });

  it("decline with the coordinator's message", () => {
    expect(declinedMail(t, { organisation: 'Sykaféet', message: 'Bara i Örebro.' }).text).toContain('Bara i Örebro.');
  });
});
