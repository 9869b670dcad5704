import { describe, expect, it } from 'vitest';
import { isValidSlug, lookAlikes, namesLookAlike, organisationSlug, slugCandidate, SLUG_MAX } from './naming.js';

describe('organisation slugs', () => {
  it('come from the name, without accents or punctuation', () => {
    expect(organisationSlug('Örebro Simsällskap!')).toBe('orebro-simsallskap');
    expect(organisationSlug('  Café & Co  ')).toBe('cafe-co');
  });

  it('never come out empty or as a path of its own', () => {
    expect(organisationSlug('جمعية النساء')).toBe('organisation');
    expect(organisationSlug('Ny')).toBe('ny-organisation');
    expect(organisationSlug('Aktivitet')).toBe('aktivitet-organisation');
  });

  it('get a number when taken, and stay within the length limit', () => {
    expect(slugCandidate('kompis', 1)).toBe('kompis');
    expect(slugCandidate('kompis', 2)).toBe('kompis-2');
    const long = 'a'.repeat(SLUG_MAX);
    expect(slugCandidate(long, 12)).toHaveLength(SLUG_MAX);
    expect(slugCandidate(long, 12).endsWith('-12')).toBe(true);
  });

  it('typed by the coordinator are checked', () => {
    expect(isValidSlug('orebro-simsallskap')).toBe(true);
    expect(isValidSlug('Orebro')).toBe(false);
    expect(isValidSlug('a--b')).toBe(false);
    expect(isValidSlug('-a')).toBe(false);
    expect(isValidSlug('ny')).toBe(false);
    expect(isValidSlug('a'.repeat(SLUG_MAX + 1))).toBe(false);
  });
});

describe('names that look alike', () => {
  it('match despite case, accents, spaces and punctuation', () => {
    expect(namesLookAlike('Örebro Simsällskap', 'orebro simsallskap')).toBe(true);
    expect(namesLookAlike('Kompis-byrån', 'Kompisbyrån')).toBe(true);
  });

  it('match when one holds the other, or a typo apart', () => {
    expect(namesLookAlike('Somaliska kvinnoföreningen', 'Somaliska kvinnoföreningen i Örebro')).toBe(true);
    expect(namesLookAlike('Ukrainska föreningen', 'Ukrainska foreningen')).toBe(true);
    expect(namesLookAlike('Eritreanska föreningen', 'Eritreanksa föreningen')).toBe(true);
  });

  it('do not match different organisations', () => {
    expect(namesLookAlike('Röda Korset', 'Rädda Barnen')).toBe(false);
    expect(namesLookAlike('ABF', 'ABF Örebro län')).toBe(false);
    expect(namesLookAlike('', '')).toBe(false);
    expect(lookAlikes('Örebro Simsällskap', [{ name: 'Örebro simsällskap' }, { name: 'Örebro Schackklubb' }])).toEqual([{ name: 'Örebro simsällskap' }]);
  });
});
