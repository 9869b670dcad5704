import { describe, expect, it } from 'vitest';
import { findLanguage, translator } from '../../i18n/index.js';
import { makePageContext, type PageContext } from '../../web/page.js';
import type { ActivityInput } from '../calendar/index.js';
import { activityFacts, changedFacts, factText, profileFacts, type FactNames } from './facts.js';
import { splitHosts } from './cohosts.js';
import { noteToStore, withNote } from './date-notes.js';

function page(code: string): PageContext {
  return makePageContext({
    lang: findLanguage(code)!,
    t: translator(code),
    path: '/admin/granska/1',
    search: '',
    assets: {} as PageContext['assets'],
    today: '2026-11-26',
    publicUrl: 'http://tillsammans.test',
    signedIn: null,
  });
}

const input = (over: Partial<ActivityInput> = {}): ActivityInput => ({
  title: 'Språkcafé',
  description: 'Vi pratar svenska.',
  category: 'sprakcafe',
  audience: 'newcomers',
  ageGroups: ['adults', 'youth'],
  gender: 'all',
  isFree: true,
  costText: null,
  registration: 'none',
  contactName: null,
  contactPhone: null,
  contactEmail: null,
  placeId: 7,
  status: 'published',
  hostIds: [3, 5],
  languages: ['ar', 'en'],
  schedule: { recurrence: { kind: 'weekly', interval: 1, weekdays: ['TU'] }, startDate: '2026-12-01', startTime: '18:00', endTime: '20:00', validUntil: null, pauses: [], exceptions: [], changes: [] },
  ...over,
});

const names: FactNames = { places: { 7: 'Vivalla bibliotek, Vivallagatan 1' }, organisations: { 3: 'Röda Korset', 5: 'Vivalla IF' }, districts: { vivalla: 'Vivalla', centrum: 'Centrum' } };

describe('facts compared and shown', () => {
  it('finds no change where only the order of chosen languages, age groups or categories differs', () => {
    const a = activityFacts(input());
    const b = activityFacts(input({ languages: ['en', 'ar'], ageGroups: ['youth', 'adults'] }));
    expect(changedFacts(a, b)).toEqual([]);
    expect(changedFacts(a, activityFacts(input({ category: 'laxhjalp' })))).toEqual(['category']);
  });

  it('compares a stored organisation (district slugs) with a profile (district ids) and the web address as saved', () => {
    const districts = [
      { id: 1, slug: 'centrum' },
      { id: 2, slug: 'vivalla' },
    ];
    const stored = { name: 'Förening', kind: 'association' as const, description: 'Text', website: 'https://www.example.se', email: null, phone: null, contactName: null, categories: ['kultur' as const, 'kurs' as const], districts: [{ slug: 'vivalla', name: 'Vivalla' }, { slug: 'centrum', name: 'Centrum' }] };
    const profile = { ...stored, website: 'https://www.example.se/', categories: ['kurs' as const, 'kultur' as const], districtIds: [1, 2] };
    const { districts: _d, ...profileOnly } = profile;
    expect(changedFacts(profileFacts({ ...stored, id: 1, slug: 'f', trusted: false, published: true, updatedAt: '' }, districts), profileFacts(profileOnly, districts))).toEqual([]);
    expect(changedFacts(profileFacts({ ...stored, id: 1, slug: 'f', trusted: false, published: true, updatedAt: '' }, districts), profileFacts({ ...profileOnly, districtIds: [1] }, districts))).toEqual(['districts']);
  });

  it('tells each value as the public page does, in Swedish and in English', () => {
    const sv = page('sv');
    const en = page('en');
    const f = activityFacts(input());
    expect(factText(sv, 'category', f.category, names)).toBe('Språkcafé');
    expect(factText(en, 'category', f.category, names)).toBe('Language café');
    expect(factText(sv, 'audience', f.audience, names)).toBe(translator('sv')('taxonomy.audience.newcomers'));
    expect(factText(en, 'rule', f.rule, names)).toBe('Every Tuesday');
    expect(factText(sv, 'rule', f.rule, names)).toMatch(/tisdag/i);
    expect(factText(sv, 'startDate', f.startDate, names)).toBe('1 december 2026');
    expect(factText(en, 'startDate', f.startDate, names)).toBe('1 December 2026');
    expect(factText(sv, 'isFree', true, names)).toBe('Ja');
    expect(factText(en, 'isFree', false, names)).toBe('No');
    expect(factText(sv, 'place', f.place, names)).toBe('Vivalla bibliotek, Vivallagatan 1');
    expect(factText(en, 'hosts', f.hosts, names)).toBe('Röda Korset and Vivalla IF');
    expect(factText(en, 'languages', f.languages, names)).toMatch(/^English.*Arabic/);
    expect(factText(en, 'languages', [], names)).toBe(translator('en')('activity.swedishOnly'));
    expect(factText(sv, 'districts', ['centrum', 'vivalla'], names)).toBe('Centrum och Vivalla');
    for (const [key, value] of Object.entries(f)) expect(factText(en, key, value, names), key).not.toMatch(/FREQ=|sprakcafe|newcomers|^true$|^false$/);
  });
});

describe('co-hosts named on a save', () => {
  it('stores the main host and co-hosts already there or acted for; asks every other', () => {
    expect(splitHosts([1, 2], [], () => false)).toEqual({ hostIds: [1], ask: [2] });
    expect(splitHosts([1, 2], [1, 2], () => false)).toEqual({ hostIds: [1, 2], ask: [] });
    expect(splitHosts([1, 2, 3], [1], (id) => id === 3)).toEqual({ hostIds: [1, 3], ask: [2] });
    expect(splitHosts([1, 1, 2, 2], [], () => false)).toEqual({ hostIds: [1], ask: [2] });
    expect(splitHosts([], [], () => true)).toEqual({ hostIds: [], ask: [] });
  });
});

describe('notes on paused and cancelled dates', () => {
  it('publishes a note directly only for those who may, and never asks review of an empty or unchanged one', () => {
    expect(noteToStore('Sjuk ledare', null, true)).toEqual({ note: 'Sjuk ledare', review: false });
    expect(noteToStore('Sjuk ledare', null, false)).toEqual({ note: null, review: true });
    expect(noteToStore('Sjuk ledare', 'Sjuk ledare', false)).toEqual({ note: 'Sjuk ledare', review: false });
    expect(noteToStore('', 'Gammalt', false)).toEqual({ note: null, review: false });
  });

  it('sets a note on its pause or cancelled date, and on nothing once that is gone', () => {
    const s = {
      ...input().schedule,
      pauses: [{ fromDate: '2027-06-01', toDate: '2027-08-15', note: null }],
      changes: [{ originalDate: '2026-12-08', kind: 'cancelled' as const, newDate: null, newStartTime: null, newEndTime: null, note: null }],
    };
    expect(withNote(s, 'pause', '2027-06-01', 'Sommar')!.pauses[0]!.note).toBe('Sommar');
    expect(withNote(s, 'cancel', '2026-12-08', 'Sjuk')!.changes[0]!.note).toBe('Sjuk');
    expect(withNote(s, 'cancel', '2026-12-15', 'Sjuk')).toBeNull();
    expect(withNote(s, 'pause', '2027-07-01', 'Sommar')).toBeNull();
  });
});
