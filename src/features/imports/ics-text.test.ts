import { describe, expect, it } from 'vitest';
import { htmlToText, singleLine, truncate } from './ics-text.js';

describe('text from calendars', () => {
  it('keeps paragraphs and list items of HTML descriptions and drops the tags', () => {
    expect(htmlToText('<p>Hej!</p><p>Välkommen <b>alla</b>.</p><ul><li>Kaffe</li><li>Te</li></ul>')).toBe('Hej!\nVälkommen alla.\n\n- Kaffe\n- Te');
    expect(htmlToText('Rad 1<br>Rad 2<BR/>Rad 3')).toBe('Rad 1\nRad 2\nRad 3');
  });

  it('drops scripts and styles with their content', () => {
    const text = htmlToText('Hej<script>alert(document.cookie)</script><style>body{display:none}</style> då<script>never closed');
    expect(text).toBe('Hej då');
  });

  it('reads entities once, so escaped markup stays visible text', () => {
    expect(htmlToText('Fika &amp; prat &#8211; &lt;b&gt;gratis&lt;/b&gt;&nbsp;!')).toBe('Fika & prat – <b>gratis</b> !');
    expect(htmlToText('&#0; &#xD800; &bogus; ok')).toBe('&bogus; ok');
  });

  it('keeps where a link leads', () => {
    expect(htmlToText('<a href="https://example.se/x">Läs mer</a>')).toBe('Läs mer (https://example.se/x)');
    expect(htmlToText('<a href="https://example.se">https://example.se</a>')).toBe('https://example.se');
    expect(htmlToText('<a href="mailto:info@example.se">Mejla oss</a>')).toBe('Mejla oss (info@example.se)');
    expect(htmlToText('<a href="javascript:alert(1)">Klicka</a>')).toBe('Klicka');
  });

  it('removes control characters and collapses blank lines', () => {
    expect(htmlToText('a\u0000b\u0007c\r\n\r\n\r\n\r\nd')).toBe('abc\n\nd');
    expect(singleLine('  Språkcafé\n i   Vivalla ')).toBe('Språkcafé i Vivalla');
  });

  it('cuts long text on a whole character with an ellipsis', () => {
    expect(truncate('abcdef', 10)).toBe('abcdef');
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
    const cut = truncate('😀😀😀😀😀', 6);
    expect(cut).toBe('😀😀…');
    expect(cut.length).toBeLessThanOrEqual(6);
  });
});
