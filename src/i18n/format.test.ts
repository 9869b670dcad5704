import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages.js';
import { languageName } from './format.js';
import { SPOKEN_LANGUAGES } from '../features/taxonomy/index.js';

describe('languageName', () => {
  it('names every spoken language of the form in every interface language, never by its code', () => {
    for (const lang of LANGUAGES) {
      for (const code of SPOKEN_LANGUAGES) {
        expect(languageName(lang, code), `${code} in ${lang.code}`).not.toBe(code);
      }
    }
  });
  it('names Swedish Sign Language from the catalogue', () => {
    expect(languageName(LANGUAGES.find((l) => l.code === 'sv')!, 'swl')).toBe('Svenskt teckenspråk');
    expect(languageName(LANGUAGES.find((l) => l.code === 'en')!, 'swl')).toBe('Swedish Sign Language');
  });
});
