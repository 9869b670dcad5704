/** Escaping for the XML this feature writes by hand (Atom, sitemap): text and attribute values alike. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Characters XML 1.0 forbids anywhere (C0 controls other than tab and line breaks, U+FFFE, U+FFFF,
 * unpaired surrogates): a parser stops at the first one, so one bad title would break a whole feed.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text safe inside an XML element or a double- or single-quoted attribute: the five markup
 * characters become entities (so `]]>` and `<script>` stay text) and forbidden characters are dropped.
 */
export function escapeXml(value: string): string {
  return value.replace(FORBIDDEN, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
