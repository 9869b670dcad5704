import { describe, expect, it } from 'vitest';
import { localisedUrl, renderRobots, renderSitemap } from './sitemap.js';

const langs = [{ code: 'sv' }, { code: 'en' }];

describe('localisedUrl', () => {
  it('prefixes every language but Swedish, and writes the English start page without a slash', () => {
    expect(localisedUrl('https://t.se', 'sv', '/')).toBe('https://t.se/');
    expect(localisedUrl('https://t.se', 'en', '/')).toBe('https://t.se/en');
    expect(localisedUrl('https://t.se', 'en', '/om')).toBe('https://t.se/en/om');
  });
});

describe('renderSitemap', () => {
  it('writes one url per page and language, each with every alternate and x-default', () => {
    expect(renderSitemap('https://t.se', langs, [{ path: '/' }, { path: '/aktivitet/7-fika&prat', lastmod: '2026-11-20' }])).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
        '  <url>',
        '    <loc>https://t.se/</loc>',
        '    <xhtml:link rel="alternate" hreflang="sv" href="https://t.se/"/>',
        '    <xhtml:link rel="alternate" hreflang="en" href="https://t.se/en"/>',
        '    <xhtml:link rel="alternate" hreflang="x-default" href="https://t.se/"/>',
        '  </url>',
        '  <url>',
        '    <loc>https://t.se/en</loc>',
        '    <xhtml:link rel="alternate" hreflang="sv" href="https://t.se/"/>',
        '    <xhtml:link rel="alternate" hreflang="en" href="https://t.se/en"/>',
        '    <xhtml:link rel="alternate" hreflang="x-default" href="https://t.se/"/>',
        '  </url>',
        '  <url>',
        '    <loc>https://t.se/aktivitet/7-fika&amp;prat</loc>',
        '    <lastmod>2026-11-20</lastmod>',
        '    <xhtml:link rel="alternate" hreflang="sv" href="https://t.se/aktivitet/7-fika&amp;prat"/>',
        '    <xhtml:link rel="alternate" hreflang="en" href="https://t.se/en/aktivitet/7-fika&amp;prat"/>',
        '    <xhtml:link rel="alternate" hreflang="x-default" href="https://t.se/aktivitet/7-fika&amp;prat"/>',
        '  </url>',
        '  <url>',
        '    <loc>https://t.se/en/aktivitet/7-fika&amp;prat</loc>',
        '    <lastmod>2026-11-20</lastmod>',
        '    <xhtml:link rel="alternate" hreflang="sv" href="https://t.se/aktivitet/7-fika&amp;prat"/>',
        '    <xhtml:link rel="alternate" hreflang="en" href="https://t.se/en/aktivitet/7-fika&amp;prat"/>',
        '    <xhtml:link rel="alternate" hreflang="x-default" href="https://t.se/aktivitet/7-fika&amp;prat"/>',
        '  </url>',
        '</urlset>',
        '',
      ].join('\n'),
    );
  });
});

describe('renderRobots', () => {
  it('keeps crawlers out of the API, the language switch, embeds and print views in every language', () => {
    expect(renderRobots('https://t.se', langs)).toBe(
      [
        'User-agent: *',
        'Allow: /',
        'Disallow: /api/',
        'Disallow: /sprak/',
        'Disallow: /widget',
        'Disallow: /skriv-ut/',
        'Disallow: /en/widget',
        'Disallow: /en/skriv-ut/',
        '',
        'Sitemap: https://t.se/sitemap.xml',
        '',
      ].join('\n'),
    );
  });
});
