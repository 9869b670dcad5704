/**
 * The text of a PDF as Chromium draws it, for tests that must know what a PDF says: every content
 * stream's hex-coded text runs decoded with the fonts' ToUnicode maps. A run is decoded with each map
 * that knows all its glyphs, so the result holds the true text (and, rarely, a garbled twin).
 */
import zlib from 'node:zlib';

function streams(pdf: Buffer): string[] {
  const latin = pdf.toString('latin1');
  const out: string[] = [];
  const start = /stream\r?\n/g;
  for (let m = start.exec(latin); m; m = start.exec(latin)) {
    const from = m.index + m[0].length;
    const to = latin.indexOf('endstream', from);
    if (to < 0) break;
    try {
      out.push(zlib.inflateSync(pdf.subarray(from, to)).toString('latin1'));
    } catch {
      // Not deflated (or not a stream we read): images, fonts.
    }
  }
  return out;
}

const hex = (h: string) => parseInt(h, 16);
const chars = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map(hex));

/** Glyph id → text, from one ToUnicode CMap. */
function cmap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, from, to] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(hex(from!), chars(to!));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      for (let g = hex(lo!), c = hex(dst!); g <= hex(hi!); g++, c++) map.set(g, String.fromCodePoint(c));
    }
  }
  return map;
}

/**
 * The PDF's text: for each font's map, every content stream's runs in order, decoded where the map
 * knows the glyphs and '\uFFFD' where it does not. Text drawn in one font (even glyph by glyph, as
 * Chromium draws spaced text) reads whole in that font's line.
 */
export function pdfText(pdf: Buffer): string {
  const all = streams(pdf);
  const maps = all.filter((s) => s.includes('begincmap')).map(cmap);
  const runs: number[][] = [];
  for (const content of all.filter((s) => /\bBT\b/.test(s))) {
    for (const m of content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj|\[([^\]]*)\]\s*TJ/g)) {
      const hexes = m[1] !== undefined ? [m[1]] : [...m[2]!.matchAll(/<([0-9A-Fa-f]+)>/g)].map((x) => x[1]!);
      runs.push(hexes.flatMap((h) => (h.match(/.{4}/g) ?? []).map(hex)));
    }
  }
  return maps.map((map) => runs.map((glyphs) => (glyphs.every((g) => map.has(g)) ? glyphs.map((g) => map.get(g)).join('') : '\uFFFD')).join('')).join('\n');
}
