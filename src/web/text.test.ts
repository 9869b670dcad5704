import { describe, expect, it } from 'vitest';
import { cleanUserText, containsPattern, foldForSearch, searchTerms, slugify, stripControls } from './text.js';

describe('foldForSearch', () => {
  it('ignores case and diacritics', () => {
    expect(foldForSearch('Språkcafé i VÄSTHAGA')).toBe('sprakcafe i vasthaga');
    expect(foldForSearch('Öppen  förskola\u200b')).toBe('oppen forskola');
  });
});

describe('searchTerms and containsPattern', () => {
  it('splits, caps and escapes LIKE wildcards', () => {
    expect(searchTerms('  Fika   KOMPIS ')).toEqual(['fika', 'kompis']);
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
    expect(containsPattern('50%_\\')).toBe('%50\\%\\_\\\\%');
  });
});

describe('slugify', () => {
  it('makes readable ASCII slugs', () => {
    expect(slugify('Språkcafé i Vivalla!')).toBe('sprakcafe-i-vivalla');
    expect(slugify('مقهى')).toBe('x');
  });
});

describe('cleanUserText', () => {
  it('removes bidi embedding, override and isolate controls', () => {
    expect(cleanUserText('abc\u202edef\u202c \u2067x\u2069')).toBe('abcdef x');
  });

  it('keeps joiners and marks that scripts and emoji need', () => {
    const persian = 'می\u200cخواهم';
    const family = '👨\u200d👩\u200d👧';
    expect(cleanUserText(persian)).toBe(persian);
    expect(cleanUserText(family)).toBe(family);
    expect(cleanUserText('a\u200fb')).toBe('a\u200fb');
  });

  it('normalises to NFC', () => {
    expect(cleanUserText('Cafe\u0301')).toBe('Café');
  });
});

describe('stripControls', () => {
  it('removes NUL and other control characters but keeps line breaks and tabs', () => {
    expect(stripControls('a\u0000b\u0007c\u009fd')).toBe('abcd');
    expect(stripControls('rad 1\nrad 2\tx\r\n')).toBe('rad 1\nrad 2\tx\r\n');
  });
});
