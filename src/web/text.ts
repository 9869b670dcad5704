/** Text folding for search and URLs: case and diacritics never matter ("sprakcafe" finds "Språkcafé"). */

/** Lower case, no diacritics, single spaces: what search_text columns hold and queries compare. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[ø]/gi, 'o')
    .toLowerCase()
    .replace(/[\s\u200b-\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .trim();
}

/** Search terms of a query: folded, split on spaces, at most 8, each at most 60 characters. */
export function searchTerms(query: string): string[] {
  return foldForSearch(query)
    .split(' ')
    .filter((w) => w.length > 0)
    .slice(0, 8)
    .map((w) => w.slice(0, 60));
}

/** A LIKE pattern that matches the term anywhere, with LIKE's wildcards escaped (ESCAPE '\'). */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A URL slug: 'Språkcafé i Vivalla!' → 'sprakcafe-i-vivalla'. */
export function slugify(text: string, maxLength = 60): string {
  const slug = foldForSearch(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return slug || 'x';
}

/**
 * User text as stored: Unicode NFC, without the bidi embedding, override and isolate controls
 * (U+202A–U+202E, U+2066–U+2069) that could reorder the page around the text. Marks (LRM, RLM),
 * joiners (ZWJ for emoji, ZWNJ that Persian spelling needs) and everything else stay.
 */
export function cleanUserText(text: string): string {
  return text.normalize('NFC').replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
}

/** Text without C0/C1 control characters (tab, line feed and carriage return stay). */
export function stripControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
}
