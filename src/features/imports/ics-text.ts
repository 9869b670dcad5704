/**
 * Text from calendars as Tillsammans stores it: plain text. Google and Outlook put HTML in
 * descriptions (and people paste it into titles); tags go, line breaks stay, entities are read.
 * What remains is stored as text and escaped when shown. Pure.
 */
import { stripControls } from '../../web/text.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** A link as text: its words and, when it leads to a web page or an address, where ("Läs mer (https://…)"). */
function linkText(href: string, inner: string): string {
  const url = decodeEntities(href).trim();
  const words = inner.replace(/<[^>]*>/g, '').trim();
  if (!/^(https?:|mailto:)/i.test(url)) return words;
  const shown = url.replace(/^mailto:/i, '');
  return words === '' || decodeEntities(words) === shown ? shown : `${words} (${shown})`;
}

/** HTML (or plain text) as plain text with its paragraphs: no tags, no scripts, entities decoded, controls gone. */
export function htmlToText(value: string): string {
  const text = value
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(script|style)\b[^>]*>[\s\S]*$/gi, '')
    .replace(/<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>([\s\S]*?)<\/a\s*>/gi, (_m, dq?: string, sq?: string, inner = '') => linkText(dq ?? sq ?? '', inner))
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/(p|div|ul|ol|h[1-6]|tr|table|blockquote)\s*>/gi, '\n')
    .replace(/<\/?[a-z!][^>]*>/gi, '');
  return stripControls(decodeEntities(text).replace(/\r\n?/g, '\n'))
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Text on one line, spaces collapsed. */
export function singleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** At most `max` UTF-16 units, cut on a character (never half a surrogate pair), with "…" when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}
