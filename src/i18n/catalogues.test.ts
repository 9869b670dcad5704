/** Every shipped language has every key of the Swedish catalogue, the right plural forms and the same placeholders. */
import { describe, expect, it } from 'vitest';
import { LANGUAGES, loadCatalogue, type Catalogue } from './index.js';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(obj: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value as Catalogue, path)) out.set(k, v);
  }
  return out;
}

/** Keys without plural suffixes, each with the set of suffixes it has. */
function baseKeys(flat: Map<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of flat.keys()) {
    const m = PLURAL.exec(key);
    const base = m ? key.slice(0, -m[0].length) : key;
    const forms = out.get(base) ?? new Set<string>();
    if (m) forms.add(m[1]!);
    out.set(base, forms);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();
}

const swedish = flatten(loadCatalogue('sv'));

describe.each(LANGUAGES.map((l) => l.code))('catalogue %s', (code) => {
  const flat = flatten(loadCatalogue(code));

  it('has exactly the keys of the Swedish catalogue', () => {
    expect([...baseKeys(flat).keys()].sort()).toEqual([...baseKeys(swedish).keys()].sort());
  });

  it('has every plural form its language needs', () => {
    const needed = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
    for (const [key, forms] of baseKeys(flat)) {
      if (forms.size === 0) continue;
      for (const form of needed) expect(forms, `${key}_${form}`).toContain(form);
    }
  });

  it('keeps the placeholders of each message and leaves none empty', () => {
    for (const [key, text] of flat) {
      expect(text.trim(), key).not.toBe('');
      const base = key.replace(PLURAL, '');
      const sv = swedish.get(key) ?? swedish.get(`${base}_other`) ?? swedish.get(base);
      if (sv === undefined) continue;
      // A singular form may leave out {{count}} ("every week"), nothing else.
      const expected = placeholders(sv).filter((p) => !(PLURAL.test(key) && p === 'count'));
      for (const p of expected) expect(placeholders(text), key).toContain(p);
      for (const p of placeholders(text)) expect(placeholders(sv), key).toContain(p);
    }
  });
});
