import { describe, expect, it } from 'vitest';
import { escapeXml } from './xml.js';

describe('escapeXml', () => {
  it('turns markup into text', () => {
    expect(escapeXml('<script>alert("x")</script>')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(escapeXml("Tom & Jerry's ]]> café")).toBe('Tom &amp; Jerry&apos;s ]]&gt; café');
  });

  it('escapes an ampersand once, even before something that looks like an entity', () => {
    expect(escapeXml('&amp; &#60;')).toBe('&amp;amp; &amp;#60;');
  });

  it('drops characters XML 1.0 forbids and keeps tabs, line breaks and astral characters', () => {
    expect(escapeXml('a\u0000b\u0007c\u000Bd\uFFFEe\uD800f')).toBe('abcdef');
    expect(escapeXml('rad 1\nrad 2\tslut\r')).toBe('rad 1\nrad 2\tslut\r');
    expect(escapeXml('kul 😀 ትግርኛ العربية')).toBe('kul 😀 ትግርኛ العربية');
  });
});
