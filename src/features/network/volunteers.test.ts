/** The volunteer rules: the role, sign-up and campaign forms, and the two mails of a sign-up. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue, translator } from '../../i18n/index.js';
import {
  BENEFITS,
  campaignSlug,
  FREQUENCIES,
  organisationMail,
  readCampaignForm,
  readRoleForm,
  readSignupForm,
  ROLE_KINDS,
  ROLE_STATUSES,
  SIGNUP_RETENTION_DAYS,
  SWEDISH_LEVELS,
  volunteerMail,
  type Translate,
} from './volunteers.js';

const ROLE = { kind: 'homework', title: ' Läxhjälp ', description: 'Hjälp med matte.', frequency: 'weekly', hours: '2', minMonths: '', swedish: 'fluent', languages: ['ti', 'ar'], benefits: ['fika'], districtId: '', contactEmail: ' Info@Example.ORG ', status: 'open' };

describe('readRoleForm', () => {
  it('reads a role, languages in the list’s order and the address in lower case', () => {
    const { input, errors } = readRoleForm(ROLE);
    expect(errors).toEqual({});
    expect(input).toEqual({ kind: 'homework', title: 'Läxhjälp', description: 'Hjälp med matte.', frequency: 'weekly', hours: 2, minMonths: null, swedish: 'fluent', languages: ['ar', 'ti'], benefits: ['fika'], districtId: null, contactEmail: 'info@example.org', status: 'open' });
  });

  it('names each wrong field and keeps what was typed', () => {
    const { input, errors, form } = readRoleForm({ ...ROLE, kind: 'boss', title: '', hours: '2.5', minMonths: '37', languages: ['xx'], benefits: ['money'], districtId: 'a', contactEmail: 'nope', status: 'maybe' });
    expect(input).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['benefits', 'contactEmail', 'districtId', 'hours', 'kind', 'languages', 'minMonths', 'status', 'title']);
    expect(errors.hours).toBe('network.volunteers.errors.hoursInvalid');
    expect(form.hours).toBe('2.5');
    expect(readRoleForm({ ...ROLE, hours: '0' }).errors.hours).toBeDefined();
    expect(readRoleForm({ ...ROLE, hours: '41' }).errors.hours).toBeDefined();
    expect(readRoleForm({ ...ROLE, description: 'x'.repeat(2001) }).errors.description).toBe('network.volunteers.errors.tooLong');
  });
});

describe('readSignupForm', () => {
  const base = { name: 'Lina', email: 'LINA@example.org', phone: '+46 70-111 22 33', message: '', consent: 'true', kampanj: 'kompisvecka' };
  it('reads a sign-up; a message may be left out', () => {
    const r = readSignupForm(base);
    expect(r.input).toEqual({ name: 'Lina', email: 'lina@example.org', phone: '+46 70-111 22 33', message: null });
    expect(r.form.campaign).toBe('kompisvecka');
    expect(r.spam).toBe(false);
  });
  it('asks for consent, a real address and a phone number of digits', () => {
    const r = readSignupForm({ ...base, consent: '', email: 'lina', phone: 'ring mig' });
    expect(r.input).toBeNull();
    expect(r.errors).toEqual({ consent: 'network.volunteers.errors.consentRequired', email: 'network.volunteers.errors.emailInvalid', phone: 'network.volunteers.errors.phoneInvalid' });
  });
  it('marks a filled-in honeypot as spam', () => {
    expect(readSignupForm({ ...base, website: 'http://x' }).spam).toBe(true);
  });
});

describe('campaigns', () => {
  it('makes a slug from the name', () => {
    expect(campaignSlug('Kompisvecka januari 2027')).toBe('kompisvecka-januari-2027');
    expect(readCampaignForm({ name: 'Våren på Vivalla' }).input).toEqual({ name: 'Våren på Vivalla', slug: 'varen-pa-vivalla' });
  });
  it('refuses a slug with other characters, and a name that gives none', () => {
    expect(readCampaignForm({ name: 'Vår', slug: 'Vår kampanj' }).errors.slug).toBe('network.volunteers.errors.slugInvalid');
    expect(readCampaignForm({ name: 'أسبوع الرفقة' }).errors.slug).toBe('network.volunteers.errors.slugInvalid');
    expect(readCampaignForm({ name: '' }).errors.name).toBe('network.volunteers.errors.required');
  });
});

describe('the sign-up mails', () => {
  it('tells the organisation who, how to reach them and their message', () => {
    const mail = organisationMail(translator('sv') as unknown as Translate, { roleTitle: 'Läxhjälp', name: 'Lina', email: 'lina@example.org', phone: null, message: 'Hej!', campaign: 'Kompisvecka', workspaceLink: 'http://x/hantera/a/volontarer' });
    expect(mail.subject).toBe('Ny volontär: Läxhjälp');
    for (const part of ['Lina', 'lina@example.org', 'Hej!', 'Kompisvecka', `om ${SIGNUP_RETENTION_DAYS} dagar`, 'http://x/hantera/a/volontarer']) expect(mail.text).toContain(part);
    expect(mail.text).not.toContain('Telefon');
  });
  it('confirms to the volunteer in their language', () => {
    const mail = volunteerMail(translator('uk') as unknown as Translate, { roleTitle: 'Läxhjälp', organisation: 'Röda Korset', contactEmail: 'info@example.org' });
    expect(mail.subject).toContain('Röda Korset');
    expect(mail.text).toContain('Дякуємо');
    expect(mail.text).toContain('info@example.org');
  });
});

/** Every catalogue key the network's volunteer and mailing code names, found in the Swedish catalogue. */
describe('catalogue keys of volunteers and mailing', () => {
  const sv = loadCatalogue('sv');
  const has = (key: string) => {
    const walk = (node: unknown, parts: string[]): boolean => {
      if (parts.length === 0) return typeof node === 'string' || (typeof node === 'object' && node !== null);
      if (typeof node !== 'object' || node === null) return false;
      const record = node as Record<string, unknown>;
      for (let i = parts.length; i > 0; i--) {
        const head = parts.slice(0, i).join('.');
        if (head in record && walk(record[head], parts.slice(i))) return true;
        if (i === parts.length && (`${head}_one` in record || `${head}_other` in record)) return true;
      }
      return false;
    };
    return walk(sv, key.split('.'));
  };

  it('has every key named in the code', () => {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    const files = fs.readdirSync(dir).filter((f) => /^(volunteers|mailing)\..*tsx?$/.test(f) && !f.endsWith('.test.ts'));
    const keys = new Set<string>();
    for (const f of files) for (const m of fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/'((?:network|audit|admin\.jobs)\.[A-Za-z0-9_.]+[A-Za-z0-9_])'/g)) keys.add(m[1]!);
    expect(keys.size).toBeGreaterThan(150);
    expect(has('network.volunteers.nope')).toBe(false);
    expect(has('network.volunteers.hoursEach')).toBe(true);
    expect([...keys].filter((k) => !has(k))).toEqual([]);
  });

  it('has a name for every choice the code offers', () => {
    const keys = [
      ...ROLE_KINDS.map((k) => `network.volunteers.kind.${k}`),
      ...FREQUENCIES.map((k) => `network.volunteers.frequency.${k}`),
      ...SWEDISH_LEVELS.map((k) => `network.volunteers.swedish.${k}`),
      ...BENEFITS.map((k) => `network.volunteers.benefit.${k}`),
      ...ROLE_STATUSES.map((k) => `network.volunteers.status.${k}`),
      ...['created', 'updated', 'deleted'].map((k) => `network.volunteers.workspace.saved.${k}`),
      ...['required', 'tooLong', 'choiceInvalid', 'hoursInvalid', 'monthsInvalid', 'emailInvalid', 'phoneInvalid', 'consentRequired', 'slugInvalid'].map((k) => `network.volunteers.errors.${k}`),
    ];
    expect(keys.filter((k) => !has(k))).toEqual([]);
  });
});
