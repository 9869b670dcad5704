/** The mailing list's rules: unsubscribe tokens, address hashes, the forms, a list mail's footer and headers, and what a failure means. */
import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/index.js';
import {
  addressHash,
  composeListMail,
  failureKind,
  listHeaders,
  pausesAfter,
  readMessageForm,
  readSegmentForm,
  readSubscribeForm,
  segmentLabel,
  subscriberOfToken,
  textFor,
  unsubscribeToken,
} from './mailing.js';
import type { Translate } from './volunteers.js';

const KEY = 'k'.repeat(43);

describe('unsubscribe tokens', () => {
  it('name their subscriber, and only with the key they were made with', () => {
    const token = unsubscribeToken(KEY, 42);
    expect(token).toMatch(/^42\.[A-Za-z0-9_-]{43}$/);
    expect(subscriberOfToken(KEY, token)).toBe(42);
    expect(subscriberOfToken('other'.repeat(9), token)).toBeUndefined();
    expect(subscriberOfToken(KEY, token.replace(/^42/, '43'))).toBeUndefined();
    expect(subscriberOfToken(KEY, 'A'.repeat(43))).toBeUndefined();
    expect(subscriberOfToken(KEY, `42.${'A'.repeat(43)}`)).toBeUndefined();
  });
});

describe('addressHash', () => {
  it('is the same for an address however it is written, and differs by key', () => {
    expect(addressHash(KEY, ' Sam@Example.org ')).toBe(addressHash(KEY, 'sam@example.org'));
    expect(addressHash(KEY, 'sam@example.org')).not.toBe(addressHash('x'.repeat(43), 'sam@example.org'));
    expect(addressHash(KEY, 'sam@example.org')).not.toContain('sam');
  });
});

describe('readSubscribeForm', () => {
  it('takes only segments open for subscription', () => {
    expect(readSubscribeForm({ email: 'Sam@Example.org', segments: ['1', '3'] }, [1, 2, 3]).input).toEqual({ email: 'sam@example.org', name: null, segmentIds: [1, 3] });
    expect(readSubscribeForm({ email: 'sam@example.org', segments: ['9'] }, [1]).errors.segments).toBe('network.mailing.errors.chooseSegment');
    expect(readSubscribeForm({ email: 'sam@example.org', segments: ['1', '9'] }, [1]).errors.segments).toBe('network.mailing.errors.choiceInvalid');
    expect(readSubscribeForm({ email: 'sam', segments: ['1'] }, [1]).errors.email).toBe('network.mailing.errors.emailInvalid');
  });
});

describe('readSegmentForm', () => {
  it('needs a name only for a custom segment and a kind for one of organisations', () => {
    expect(readSegmentForm({ audience: 'network' }).input).toMatchObject({ audience: 'network', name: '', publicArchive: false, openSignup: false });
    expect(readSegmentForm({ audience: 'custom', name: '' }).errors.name).toBe('network.mailing.errors.required');
    expect(readSegmentForm({ audience: 'organisations', organisationKind: 'club' }).errors.organisationKind).toBe('network.mailing.errors.chooseKind');
    expect(readSegmentForm({ audience: 'organisations', organisationKind: 'sports_club', flags: ['openSignup'] }).input).toMatchObject({ organisationKind: 'sports_club', openSignup: true });
  });
});

describe('readMessageForm', () => {
  const langs = ['sv', 'en', 'ar'];
  it('needs Swedish; another language is subject and text or neither', () => {
    const ok = readMessageForm({ segmentId: '2', 'subject.sv': 'Hej', 'body.sv': 'Text\r\nrad 2', 'subject.en': 'Hi', 'body.en': 'Text' }, langs);
    expect(ok.input).toEqual({ segmentId: 2, texts: { sv: { subject: 'Hej', body: 'Text\nrad 2' }, en: { subject: 'Hi', body: 'Text' } } });
    const bad = readMessageForm({ segmentId: '', 'subject.sv': '', 'body.sv': 'x', 'subject.ar': 'عنوان' }, langs);
    expect(bad.input).toBeNull();
    expect(Object.keys(bad.errors).sort()).toEqual(['body.ar', 'segmentId', 'subject.sv']);
    expect(bad.form.texts.ar!.subject).toBe('عنوان');
  });
  it('gives a reader their language or the Swedish', () => {
    const texts = { sv: { subject: 'Hej', body: 'a' }, en: { subject: 'Hi', body: 'b' } };
    expect(textFor(texts, 'en')).toEqual({ subject: 'Hi', body: 'b', language: 'en' });
    expect(textFor(texts, 'ar')).toEqual({ subject: 'Hej', body: 'a', language: 'sv' });
  });
});

describe('a list mail', () => {
  it('ends with why it came and how to leave, in the reader’s language', () => {
    const t = translator('en') as unknown as Translate;
    const mail = composeListMail(t, { text: { subject: 'Hej', body: 'Text' }, segment: segmentLabel(t, { audience: 'network', organisationKind: null, name: 'x' }), unsubscribeUrl: 'https://t.se/en/nyhetsbrev/avsluta/1.abc', archiveUrl: null });
    expect(mail).toEqual({ subject: 'Hej', text: 'Text\n\n-- \nYou get this because you subscribe to Network members from Tillsammans.\nUnsubscribe: https://t.se/en/nyhetsbrev/avsluta/1.abc\n' });
    expect(listHeaders('https://t.se/u/1', '<tillsammans.t.se>')).toEqual({ 'List-Unsubscribe': '<https://t.se/u/1>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'List-Id': '<tillsammans.t.se>' });
  });
  it('names segments of organisations by their kind, and custom ones by their name', () => {
    expect(segmentLabel(translator('sv') as unknown as Translate, { audience: 'organisations', organisationKind: 'sports_club', name: '' })).toBe('Organisationer: Idrottsförening');
    expect(segmentLabel(translator('ar') as unknown as Translate, { audience: 'custom', organisationKind: null, name: 'Styrelsen' })).toBe('Styrelsen');
  });
});

describe('delivery failures', () => {
  it('count against the address when the server refuses it, not when it cannot be reached', () => {
    expect(failureKind({ code: 'mail.sendFailed', details: { smtpCode: 550 } })).toBe('address');
    expect(failureKind({ code: 'mail.invalidAddress', details: {} })).toBe('address');
    expect(failureKind({ code: 'mail.sendFailed', details: { smtpCode: 451 } })).toBe('transient');
    expect(failureKind(new Error('ECONNREFUSED'))).toBe('transient');
    expect([1, 2, 3].map(pausesAfter)).toEqual([false, false, true]);
  });
});
