/** sitemap.xml (with hreflang alternates) and robots.txt as pure functions of the site's pages. */
import { DEFAULT_LANGUAGE, languagePrefix } from '../../i18n/index.js';
import { escapeXml } from './xml.js';

/** A page every language serves, by its unprefixed path ('/', '/aktivitet/7-fika'). */
export interface SitemapPage {
  path: string;
  /** YYYY-MM-DD or an RFC 3339 instant. */
  lastmod?: string;
}

/** The absolute URL of a page in a language, written as the layout's alternate links write it. */
export function localisedUrl(publicUrl: string, lang: string, path: string): string {
  const prefix = languagePrefix(lang);
  return `${publicUrl}${prefix}${prefix && path === '/' ? '' : path}`;
}

/**
 * One <url> per page and language, each listing every language's version and x-default (the
 * unprefixed Swedish address, which sends a first-time reader on to their browser's language).
 */
export function renderSitemap(publicUrl: string, languages: readonly { code: string }[], pages: SitemapPage[]): string {
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  for (const page of pages) {
    const alternates = [
      ...languages.map(
        (l) => `    <xhtml:link rel="alternate" hreflang="${escapeXml(l.code)}" href="${escapeXml(localisedUrl(publicUrl, l.code, page.path))}"/>`,
      ),
      `    <xhtml:link rel="alternate" hreflang="x-default" href="${escapeXml(localisedUrl(publicUrl, DEFAULT_LANGUAGE, page.path))}"/>`,
    ];
    for (const l of languages) {
      out.push('  <url>', `    <loc>${escapeXml(localisedUrl(publicUrl, l.code, page.path))}</loc>`);
      if (page.lastmod) out.push(`    <lastmod>${escapeXml(page.lastmod)}</lastmod>`);
      out.push(...alternates, '  </url>');
    }
  }
  out.push('</urlset>', '');
  return out.join('\n');
}

/** Paths no crawler needs: the API, the language switch (it sets a cookie), embeds and print views. */
const ROOT_ONLY = ['/api/', '/sprak/'];
const PER_LANGUAGE = ['/widget', '/skriv-ut/'];

export function renderRobots(publicUrl: string, languages: readonly { code: string }[]): string {
  const disallowed = [...ROOT_ONLY, ...languages.flatMap((l) => PER_LANGUAGE.map((p) => `${languagePrefix(l.code)}${p}`))];
  return ['User-agent: *', 'Allow: /', ...disallowed.map((p) => `Disallow: ${p}`), '', `Sitemap: ${publicUrl}/sitemap.xml`, ''].join('\n');
}
