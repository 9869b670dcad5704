import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../i18n/index.js';
import { DEFAULT_GLOSSARY, mergeGlossary, termsIn } from './glossary.js';

describe('glossary', () => {
  it('has every fixed term in every language but Swedish', () => {
    for (const [term, byLanguage] of Object.entries(DEFAULT_GLOSSARY)) {
      for (const l of LANGUAGES.filter((x) => x.code !== 'sv')) expect(byLanguage[l.code], `${term} ${l.code}`).toBeTruthy();
    }
  });

  it('lets a stored translation replace the default', () => {
    const merged = mergeGlossary('ar', [{ term: 'språkcafé', language: 'ar', translation: 'مقهى لغوي', note: 'agreed 2026' }]);
    expect(merged.find((g) => g.term === 'språkcafé')?.translation).toBe('مقهى لغوي');
    expect(merged.find((g) => g.term === 'SFI')?.translation).toContain('SFI');
  });

  it('finds the terms a text uses, in any case and inflection, and not inside other words', () => {
    const glossary = mergeGlossary('en', []);
    const found = termsIn('Välkommen till Språkcaféet! Efter SFI-lektionen blir det fika.', glossary).map((g) => g.term);
    expect(found).toEqual(expect.arrayContaining(['språkcafé', 'SFI', 'fika']));
    expect(found).not.toContain('fikakompis');
    expect(termsIn('Ett elfika är inget ord', glossary).map((g) => g.term)).not.toContain('fika');
  });
});
