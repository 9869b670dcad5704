import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WEEKDAYS } from '../calendar/index.js';
import { CATEGORY_CODES, type AgeGroup } from '../taxonomy/index.js';
import { CASE_AGE_GROUPS, FREE_TIMES } from './case.js';
import { flagScore, ORGANISATION_WEIGHTS, rankOrganisations, rankSuggestions, WEIGHTS, type Candidate, type CaseNeeds, type OrganisationCandidate } from './ranking.js';

const TODAY = '2026-11-26'; // a Thursday
const VIVALLA = 1;
const CENTRUM = 2;
const BRICKEBACKEN = 3;
const centres = new Map([
  [VIVALLA, { latitude: 59.293, longitude: 15.1612 }],
  [CENTRUM, { latitude: 59.2741, longitude: 15.2066 }],
  [BRICKEBACKEN, { latitude: 59.2425, longitude: 15.1757 }],
]);
const options = { today: TODAY, districtCentres: centres };

const needs = (overrides: Partial<CaseNeeds> = {}): CaseNeeds => ({
  interests: ['sprakcafe'],
  interestText: null,
  ageGroup: 'adult',
  districtId: VIVALLA,
  freeDays: [],
  freeTimes: [],
  contactLanguage: 'ar',
  ...overrides,
});

let nextId = 1;
const candidate = (overrides: Partial<Candidate> = {}): Candidate => ({
  id: nextId++,
  slug: 'x',
  title: 'Språkcafé',
  category: 'sprakcafe',
  audience: 'everyone',
  ageGroups: [],
  gender: 'all',
  isFree: false,
  languages: [],
  place: { districtId: CENTRUM, districtName: 'Centrum', latitude: 59.2741, longitude: 15.2066 },
  hosts: [{ id: 1, name: 'Föreningen', email: 'info@forening.test' }],
  // Mondays at 10:00 and Wednesdays at 18:00.
  occurrences: [
    { date: '2026-11-30', startTime: '10:00' },
    { date: '2026-12-02', startTime: '18:00' },
  ],
  ...overrides,
});

const keys = (s: { reasons: { key: string }[] }) => s.reasons.map((r) => r.key);
const rank = (c: CaseNeeds, list: Candidate[]) => rankSuggestions(c, list, options).map((s) => s.activity.id);

describe('rankSuggestions', () => {
  it('puts a matching category above a title word, and leaves out what matches no interest', () => {
    const cafe = candidate({ category: 'sprakcafe', title: 'Kaffe och prat' });
    const chess = candidate({ category: 'kultur', title: 'Schackklubb för alla' });
    const football = candidate({ category: 'idrott', title: 'Fotboll' });
    const c = needs({ interests: ['sprakcafe'], interestText: 'Jag vill gärna spela schack' });
    const ranked = rankSuggestions(c, [football, chess, cafe], options);
    expect(ranked.map((s) => s.activity.id)).toEqual([cafe.id, chess.id]);
    expect(ranked[0]!.reasons[0]).toEqual({ key: 'guide.reasons.interest', params: { category: 'sprakcafe' } });
    expect(ranked[1]!.reasons[0]).toEqual({ key: 'guide.reasons.words', params: { word: 'Schackklubb' } });
  });

  it('matches free text without case or accents, and ignores words that say nothing', () => {
    const cafe = candidate({ category: 'kultur', title: 'SPRÅKCAFÉ på kvällen' });
    expect(keys(rankSuggestions(needs({ interests: [], interestText: 'sprakcafe' }), [cafe], options)[0]!)).toContain('guide.reasons.words');
    expect(rankSuggestions(needs({ interests: [], interestText: 'jag vill gärna träffa' }), [candidate({ title: 'Vill du träffa oss?' })], options)[0]!.reasons.map((r) => r.key)).not.toContain('guide.reasons.words');
  });

  it('ranks everything coming when the case names no interest at all', () => {
    const a = candidate({ category: 'idrott' });
    const b = candidate({ category: 'natur' });
    expect(rank(needs({ interests: [], interestText: '  ' }), [a, b]).sort()).toEqual([a.id, b.id].sort());
  });

  it('keeps age groups apart: families fit adults and children, no age group fits everyone', () => {
    const forAdults = candidate({ ageGroups: ['adults'] });
    const forChildren = candidate({ ageGroups: ['children'] });
    const forFamilies = candidate({ ageGroups: ['families'] });
    const forYouth = candidate({ ageGroups: ['youth'] });
    const open = candidate({ ageGroups: [] });
    const all = [forAdults, forChildren, forFamilies, forYouth, open];
    expect(rank(needs({ ageGroup: 'adult' }), all).sort()).toEqual([forAdults.id, forFamilies.id, open.id].sort());
    expect(rank(needs({ ageGroup: 'child' }), all).sort()).toEqual([forChildren.id, forFamilies.id, open.id].sort());
    expect(rank(needs({ ageGroup: 'youth' }), all).sort()).toEqual([forYouth.id, open.id].sort());
    const [first] = rankSuggestions(needs({ ageGroup: 'adult' }), [open, forAdults], options);
    expect(first!.activity.id).toBe(forAdults.id);
    expect(first!.reasons).toContainEqual({ key: 'guide.reasons.age', params: { ageGroup: 'adults' } });
  });

  it('prefers the same district, then the nearer place, and says how far', () => {
    const here = candidate({ place: { districtId: VIVALLA, districtName: 'Vivalla', latitude: 59.29, longitude: 15.16 } });
    const near = candidate({ place: { districtId: CENTRUM, districtName: 'Centrum', latitude: 59.2741, longitude: 15.2066 } });
    const far = candidate({ place: { districtId: BRICKEBACKEN, districtName: 'Brickebacken', latitude: 59.2425, longitude: 15.1757 } });
    const nowhere = candidate({ place: null });
    const ranked = rankSuggestions(needs(), [nowhere, far, near, here], options);
    expect(ranked.map((s) => s.activity.id)).toEqual([here.id, near.id, far.id, nowhere.id]);
    expect(ranked[0]!.reasons).toContainEqual({ key: 'guide.reasons.sameDistrict', params: { district: 'Vivalla' } });
    const km = Number(ranked[1]!.reasons.find((r) => r.key === 'guide.reasons.distance')!.params!.km);
    expect(km).toBeGreaterThan(2.5);
    expect(km).toBeLessThan(3.5);
    expect(keys(ranked[3]!)).not.toContain('guide.reasons.distance');
  });

  it('gives no distance when the case has no district', () => {
    const [s] = rankSuggestions(needs({ districtId: null }), [candidate()], options);
    expect(s!.distanceKm).toBeNull();
    expect(keys(s!).some((k) => k === 'guide.reasons.distance' || k === 'guide.reasons.sameDistrict')).toBe(false);
  });

  it('fits the days and times the person is free: daytime before 17:00, evening from 17:00', () => {
    const c = needs({ freeDays: ['WE'], freeTimes: ['evening'] });
    const [s] = rankSuggestions(c, [candidate()], options);
    expect(s!.reasons).toContainEqual({ key: 'guide.reasons.day', params: { day: 'WE', time: '18:00' } });
    const atFive = candidate({ occurrences: [{ date: '2026-12-02', startTime: '17:00' }] });
    expect(keys(rankSuggestions(c, [atFive], options)[0]!)).toContain('guide.reasons.day');
    const mondayMorning = candidate({ occurrences: [{ date: '2026-11-30', startTime: '10:00' }] });
    expect(keys(rankSuggestions(c, [mondayMorning], options)[0]!)).not.toContain('guide.reasons.day');
    expect(keys(rankSuggestions(needs({ freeTimes: ['daytime'] }), [mondayMorning], options)[0]!)).toContain('guide.reasons.day');
    expect(keys(rankSuggestions(needs({ freeDays: ['MO'] }), [mondayMorning], options)[0]!)).toContain('guide.reasons.day');
  });

  it('ignores past occurrences, and leaves out an activity with nothing coming', () => {
    const past = candidate({ occurrences: [{ date: '2026-11-25', startTime: '18:00' }] });
    expect(rank(needs(), [past])).toEqual([]);
    const mixed = candidate({ occurrences: [{ date: '2026-11-25', startTime: '18:00' }, { date: '2026-11-30', startTime: '10:00' }] });
    expect(keys(rankSuggestions(needs({ freeDays: ['WE'] }), [mixed], options)[0]!)).not.toContain('guide.reasons.day');
  });

  it('rewards the person’s language but keeps Swedish-only activities', () => {
    const arabic = candidate({ languages: ['ar', 'so'] });
    const swedish = candidate({ languages: [] });
    const ranked = rankSuggestions(needs({ contactLanguage: 'ar' }), [swedish, arabic], options);
    expect(ranked.map((s) => s.activity.id)).toEqual([arabic.id, swedish.id]);
    expect(ranked[0]!.reasons).toContainEqual({ key: 'guide.reasons.language', params: { language: 'ar' } });
    expect(ranked[0]!.score - ranked[1]!.score).toBe(WEIGHTS.language);
  });

  it('gives a small bonus to free activities and to activities for newcomers', () => {
    const free = candidate({ isFree: true });
    const paid = candidate({ isFree: false });
    const ranked = rankSuggestions(needs(), [paid, free], options);
    expect(ranked[0]!.activity.id).toBe(free.id);
    expect(keys(ranked[0]!)).toContain('guide.reasons.free');
    expect(ranked[0]!.score - ranked[1]!.score).toBe(WEIGHTS.free);
    expect(keys(rankSuggestions(needs(), [candidate({ audience: 'newcomers' })], options)[0]!)).toContain('guide.reasons.newcomers');
  });

  it('leaves out activities for volunteers, and shows women-only ones with the reason', () => {
    expect(rank(needs(), [candidate({ audience: 'volunteers' })])).toEqual([]);
    const women = candidate({ gender: 'women' });
    const [s] = rankSuggestions(needs(), [women], options);
    expect(s!.activity.id).toBe(women.id);
    expect(keys(s!)).toContain('guide.reasons.womenOnly');
    expect(keys(rankSuggestions(needs(), [candidate({ gender: 'men' })], options)[0]!)).toContain('guide.reasons.menOnly');
  });

  it('orders ties by title, then id, whatever the input order', () => {
    const b = candidate({ title: 'Språkcafé B' });
    const a = candidate({ title: 'Språkcafé A' });
    const a2 = candidate({ title: 'Språkcafé A' });
    expect(rank(needs({ districtId: null }), [a2, b, a])).toEqual([a.id, a2.id, b.id]);
    expect(rank(needs({ districtId: null }), [b, a, a2])).toEqual([a.id, a2.id, b.id]);
  });

  // --- properties -----------------------------------------------------------------------------------

  const dateArb = fc.integer({ min: -3, max: 30 }).map((n) => {
    const d = new Date(Date.UTC(2026, 10, 26 + n));
    return d.toISOString().slice(0, 10);
  });
  const timeArb = fc.constantFrom('09:00', '13:30', '16:59', '17:00', '18:30', '20:00');
  const placeArb = fc.option(
    fc.record({
      districtId: fc.constantFrom<number | null>(VIVALLA, CENTRUM, BRICKEBACKEN, null),
      districtName: fc.constant('Någonstans'),
      latitude: fc.option(fc.double({ min: 59.2, max: 59.35, noNaN: true }), { nil: null }),
      longitude: fc.option(fc.double({ min: 15.1, max: 15.3, noNaN: true }), { nil: null }),
    }),
    { nil: null },
  );
  const candidateArb = fc.record({
    title: fc.constantFrom('Språkcafé', 'Fotboll i parken', 'Schack', 'Sy och prata', 'Läxhjälp'),
    category: fc.constantFrom(...CATEGORY_CODES),
    audience: fc.constantFrom('newcomers' as const, 'everyone' as const),
    ageGroups: fc.subarray<AgeGroup>(['children', 'youth', 'adults', 'families']),
    gender: fc.constantFrom('all' as const, 'women' as const, 'men' as const),
    isFree: fc.boolean(),
    languages: fc.subarray(['ar', 'so', 'ti', 'fa', 'en']),
    place: placeArb,
    occurrences: fc.array(fc.record({ date: dateArb, startTime: timeArb }), { minLength: 1, maxLength: 4 }),
  });
  const caseArb = fc.record({
    interests: fc.subarray([...CATEGORY_CODES], { maxLength: 3 }),
    interestText: fc.constantFrom(null, '', 'fotboll', 'vill spela schack'),
    ageGroup: fc.constantFrom(...CASE_AGE_GROUPS),
    districtId: fc.constantFrom<number | null>(VIVALLA, CENTRUM, BRICKEBACKEN, null),
    freeDays: fc.subarray([...WEEKDAYS]),
    freeTimes: fc.subarray([...FREE_TIMES]),
    contactLanguage: fc.constantFrom('ar', 'so', 'sv', 'fa'),
  });

  type Improvement = (c: CaseNeeds, a: Candidate) => Candidate | null;
  /** Each makes the activity fit on one more count and no worse on any; null when it cannot apply. */
  const improvements: Record<string, Improvement> = {
    category: (c, a) => (c.interests.length > 0 && !c.interests.includes(a.category) ? { ...a, category: c.interests[0]! } : null),
    language: (c, a) => (c.contactLanguage !== 'sv' && !a.languages.includes(c.contactLanguage) ? { ...a, languages: [...a.languages, c.contactLanguage] } : null),
    free: (_c, a) => (a.isFree ? null : { ...a, isFree: true }),
    newcomers: (_c, a) => (a.audience === 'newcomers' ? null : { ...a, audience: 'newcomers' }),
    sameDistrict: (c, a) =>
      c.districtId !== null && a.place?.districtId !== c.districtId ? { ...a, place: { districtId: c.districtId, districtName: 'Här', latitude: a.place?.latitude ?? null, longitude: a.place?.longitude ?? null } } : null,
    closer: (c, a) => {
      const centre = c.districtId === null ? undefined : centres.get(c.districtId);
      if (!centre || !a.place || a.place.districtId === c.districtId || a.place.latitude === null || a.place.longitude === null) return null;
      const lat = (a.place.latitude + centre.latitude) / 2;
      const lon = (a.place.longitude + centre.longitude) / 2;
      if (Math.abs(lat - a.place.latitude) < 1e-4 && Math.abs(lon - a.place.longitude) < 1e-4) return null;
      return { ...a, place: { ...a.place, latitude: lat, longitude: lon } };
    },
    explicitAge: (c, a) => {
      if (a.ageGroups.length > 0) return null;
      return { ...a, ageGroups: [({ adult: 'adults', youth: 'youth', child: 'children' } as const)[c.ageGroup]] };
    },
    freeTime: (c, a) => {
      if (c.freeDays.length === 0 && c.freeTimes.length === 0) return null;
      if (rankSuggestions(c, [a], options)[0]?.reasons.some((r) => r.key === 'guide.reasons.day')) return null;
      // A date on a day the person is free, at a time they are free.
      const day = c.freeDays[0] ?? 'MO';
      const offset = (WEEKDAYS.indexOf(day) - 3 + 7) % 7; // TODAY is a Thursday (index 3)
      const date = new Date(Date.UTC(2026, 10, 26 + offset + 7)).toISOString().slice(0, 10);
      const time = (c.freeTimes[0] ?? 'evening') === 'evening' ? '18:00' : '10:00';
      return { ...a, occurrences: [...a.occurrences, { date, startTime: time }] };
    },
  };

  it('never ranks an activity that fits on strictly more counts below one that fits on fewer', () => {
    fc.assert(
      fc.property(caseArb, candidateArb, fc.constantFrom(...Object.keys(improvements)), (c, base, which) => {
        const a: Candidate = { ...base, id: 1, slug: 'a', hosts: [] };
        const better = improvements[which]!(c, a);
        fc.pre(better !== null);
        const b: Candidate = { ...better!, id: 2, slug: 'b' };
        const ranked = rankSuggestions(c, [a, b], options);
        const ia = ranked.findIndex((s) => s.activity.id === 1);
        const ib = ranked.findIndex((s) => s.activity.id === 2);
        if (ia !== -1) {
          expect(ib, which).not.toBe(-1);
          expect(ib, which).toBeLessThan(ia);
          expect(ranked[ib]!.score, which).toBeGreaterThan(ranked[ia]!.score);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('gives every kept activity a positive score and reasons whose keys are known', () => {
    const known = new Set(['interest', 'words', 'sameDistrict', 'distance', 'day', 'language', 'age', 'free', 'newcomers', 'womenOnly', 'menOnly'].map((k) => `guide.reasons.${k}`));
    fc.assert(
      fc.property(caseArb, fc.array(candidateArb, { maxLength: 6 }), (c, list) => {
        const ranked = rankSuggestions(c, list.map((x, i) => ({ ...x, id: i + 1, slug: 's', hosts: [] })), options);
        for (let i = 0; i < ranked.length; i++) {
          expect(ranked[i]!.score).toBeGreaterThan(0);
          if (i > 0) expect(ranked[i]!.score).toBeLessThanOrEqual(ranked[i - 1]!.score);
          for (const r of ranked[i]!.reasons) expect(known.has(r.key)).toBe(true);
        }
      }),
    );
  });
});

describe('rankOrganisations', () => {
  const org = (id: number, categories: OrganisationCandidate['categories'], districtIds: number[]): OrganisationCandidate => ({
    id,
    slug: `org-${id}`,
    name: `Förening ${id}`,
    categories,
    districts: districtIds.map((d) => ({ id: d, name: `Område ${d}` })),
  });

  it('ranks by shared interests, then the person’s district, and leaves out the rest', () => {
    const both = org(1, ['sprakcafe', 'idrott'], [CENTRUM]);
    const oneHere = org(2, ['sprakcafe'], [VIVALLA]);
    const oneElsewhere = org(3, ['sprakcafe'], [CENTRUM]);
    const unrelated = org(4, ['natur'], [VIVALLA]);
    const ranked = rankOrganisations({ interests: ['sprakcafe', 'idrott'], districtId: VIVALLA }, [unrelated, oneElsewhere, oneHere, both]);
    expect(ranked.map((s) => s.organisation.id)).toEqual([1, 2, 3]);
    expect(ranked[0]!.reasons).toEqual([
      { key: 'guide.reasons.interest', params: { category: 'sprakcafe' } },
      { key: 'guide.reasons.interest', params: { category: 'idrott' } },
    ]);
    expect(ranked[1]!.reasons).toContainEqual({ key: 'guide.reasons.sameDistrict', params: { district: `Område ${VIVALLA}` } });
  });

  it('offers the district’s organisations when the case names no interest', () => {
    const ranked = rankOrganisations({ interests: [], districtId: VIVALLA }, [org(1, ['natur'], [VIVALLA]), org(2, ['kultur'], [CENTRUM])]);
    expect(ranked.map((s) => s.organisation.id)).toEqual([1]);
    expect(rankOrganisations({ interests: [], districtId: null }, [org(1, ['natur'], [VIVALLA])])).toEqual([]);
  });
});

describe('what the guides know of the organiser', () => {
  it('ranks an organiser that has room and welcomes newcomers now above an equal one nobody knows about', () => {
    const unknown = candidate({ title: 'Språkcafé A' });
    const open = candidate({ title: 'Språkcafé B', flags: { hasRoom: 'yes', welcomesNewcomers: 'yes' } });
    const ranked = rankSuggestions(needs(), [unknown, open], options);
    expect(ranked.map((s) => s.activity.id)).toEqual([open.id, unknown.id]);
    expect(ranked[0]!.score - ranked[1]!.score).toBe(WEIGHTS.hasRoom + WEIGHTS.welcomesNewcomers);
    expect(keys(ranked[0]!)).toEqual(expect.arrayContaining(['guide.reasons.hasRoom', 'guide.reasons.welcomesNewcomers']));
  });

  it('keeps an organiser with no room in the list, with a warning and no points taken away', () => {
    const full = candidate({ flags: { hasRoom: 'no', welcomesNewcomers: 'no', needsParticipants: 'unknown' } });
    const plain = candidate();
    const ranked = rankSuggestions(needs(), [full, plain], options);
    expect(ranked).toHaveLength(2);
    expect(ranked.find((s) => s.activity.id === full.id)!.score).toBe(ranked.find((s) => s.activity.id === plain.id)!.score);
    const warnings = ranked.find((s) => s.activity.id === full.id)!.reasons.filter((r) => r.warning);
    expect(warnings.map((r) => r.key)).toEqual(['guide.reasons.noRoom', 'guide.reasons.notWelcomingNow']);
  });

  it('gives nothing for unknown flags, and says when participants are wanted', () => {
    expect(flagScore(undefined, WEIGHTS)).toEqual({ score: 0, reasons: [] });
    expect(flagScore({ hasRoom: 'unknown', welcomesNewcomers: 'unknown' }, WEIGHTS)).toEqual({ score: 0, reasons: [] });
    expect(flagScore({ needsParticipants: 'yes' }, WEIGHTS)).toEqual({ score: 0, reasons: [{ key: 'guide.reasons.needsParticipants' }] });
  });

  it('moves an organisation with room above an equal one, and warns about one without', () => {
    const base = { categories: ['sprakcafe'] as OrganisationCandidate['categories'], districts: [] };
    const a: OrganisationCandidate = { id: 1, slug: 'a', name: 'A-föreningen', ...base, flags: { hasRoom: 'no' } };
    const b: OrganisationCandidate = { id: 2, slug: 'b', name: 'B-föreningen', ...base, flags: { hasRoom: 'yes', welcomesNewcomers: 'yes' } };
    const ranked = rankOrganisations({ interests: ['sprakcafe'], districtId: null }, [a, b]);
    expect(ranked.map((s) => s.organisation.id)).toEqual([2, 1]);
    expect(ranked[0]!.score).toBe(ORGANISATION_WEIGHTS.category + ORGANISATION_WEIGHTS.hasRoom + ORGANISATION_WEIGHTS.welcomesNewcomers);
    expect(ranked[1]!.reasons).toContainEqual({ key: 'guide.reasons.noRoom', warning: true });
  });
});
