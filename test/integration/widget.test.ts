/** The embeddable widget, its settings page and its script, against the real app on SQLite and PostgreSQL. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { skipDatabase, testDialect } from '../support/db.js';

const ORG = 'roda-korset-orebro';

/** The text of an element as the browser shows it: Preact's entities decoded. */
function decode(html: string): string {
  return html.replace(/&(lt|gt|quot|#39|apos|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", amp: '&' })[e]!);
}

function textareaValue(html: string, id: string): string {
  const m = new RegExp(`<textarea[^>]*id="${id}"[^>]*>([^<]*)</textarea>`).exec(html);
  expect(m, `textarea #${id}`).not.toBeNull();
  return decode(m![1]!);
}

const titlesOf = (html: string) => [...html.matchAll(/<span class="tw-title">(?:<bdi lang="\w+">)?([^<]+)/g)].map((m) => decode(m[1]!));

describe.skipIf(skipDatabase())(`embeddable widget on ${testDialect}`, () => {
  let t: TestApp;
  /** Titles of the activities each organisation hosts, from the JSON API. */
  let hosted: Map<string, Set<string>>;
  beforeAll(async () => {
    t = await createTestApp();
    const body = (await t.app.inject({ method: 'GET', url: '/api/v1/activities?from=2026-11-26&to=2026-12-09&limit=2000' })).json();
    hosted = new Map();
    for (const o of body.occurrences) {
      for (const h of o.organisations) hosted.set(h.slug, (hosted.get(h.slug) ?? new Set()).add(o.activity.title));
    }
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it("lists one organisation's coming activities in the chosen language, as a page of its own", async () => {
    const res = await get(`/en/widget?organisation=${ORG}`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toMatch(/^<!doctype html><html lang="en" dir="ltr" data-tillsammans-widget="1">/);
    expect(html).toContain('<h1>Coming up at Röda Korset Örebro</h1>');
    // Not the site's layout: no header, navigation or footer.
    expect(html).not.toContain('site-header');
    expect(html).not.toContain('site-footer');
    const titles = titlesOf(html);
    expect(titles.length).toBeGreaterThan(1);
    expect(titles).toContain('Language café in Vivalla');
    // Every row is one of the organisation's activities (untranslated ones stay in Swedish).
    const own = hosted.get(ORG)!;
    for (const title of titles) expect(own.has(title) || title === 'Language café in Vivalla', title).toBe(true);
    // Today first, with dates, times and places, each row linking to our page and leaving the frame.
    expect(html).toContain('<span class="tw-today">Today</span>Thursday 26 November');
    expect(html).toMatch(/<span class="tw-time"><bdi dir="ltr">\d\d:\d\d–\d\d:\d\d<\/bdi><\/span>/);
    expect(html).toContain('<span class="tw-place">');
    const links = [...html.matchAll(/<a href="([^"]+)" target="_top">/g)].map((m) => m[1]!);
    expect(links.length).toBe(titles.length + 1);
    for (const href of links.slice(0, -1)) expect(href).toMatch(/^\/en\/aktivitet\/\d+-[a-z0-9-]+$/);
    expect(html).toContain(`<a href="/en/organisationer/${ORG}" target="_top">More on Tillsammans</a>`);
  });

  it('shows Arabic right to left with the Arabic title where there is one', async () => {
    const res = await get(`/ar/widget?organisation=${ORG}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<html lang="ar" dir="rtl" data-tillsammans-widget="1">/);
    expect(titlesOf(res.body)).toContain('مقهى اللغة في فيفالا');
    expect(res.body).toMatch(/href="\/ar\/aktivitet\/\d+-/);
  });

  it('keeps to the limit, the days and the filters', async () => {
    const three = await get('/widget?limit=3');
    expect(titlesOf(three.body)).toHaveLength(3);
    const today = await get('/widget?days=1&limit=50');
    expect(today.body.match(/class="tw-day"/g)).toHaveLength(1);
    const cafes = await get('/widget?category=sprakcafe&limit=50');
    expect(titlesOf(cafes.body).length).toBeGreaterThan(2);
    for (const title of titlesOf(cafes.body)) expect(title).toMatch(/språkcafé/i);
    expect(cafes.body).toContain('<a href="/?category=sprakcafe" target="_top">Mer på Tillsammans</a>');
  });

  it('may be framed by any site, sets no cookie and runs no inline code', async () => {
    const res = await get(`/widget?organisation=${ORG}`, { 'accept-encoding': 'gzip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['x-frame-options']).toBeUndefined();
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain('frame-ancestors *');
    expect(csp).not.toContain("frame-ancestors 'self'");
    // The rest of the policy is the site's own.
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const html = (await get(`/widget?organisation=${ORG}`)).body;
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).toMatch(/<script src="\/static\/widget\.[0-9a-f]{10}\.js" defer><\/script>/);
    expect(html).toMatch(/<link rel="stylesheet" href="\/static\/widget\.[0-9a-f]{10}\.css"\/>/);
  });

  it('leaves the rest of the site unframeable', async () => {
    for (const url of ['/', '/widget/installera']) {
      const res = await get(url);
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(String(res.headers['content-security-policy']), url).toContain("frame-ancestors 'self'");
    }
  });

  it('answers bad parameters with 400 and an unknown organisation with 404, inside the frame', async () => {
    for (const query of ['limit=0', 'limit=51', 'limit=x', 'days=0', 'days=61', 'category=korv', 'district=atlantis', 'organisation=Not_A_Slug', 'women=maybe']) {
      const res = await get(`/en/widget?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.body, query).toContain('data-tillsammans-widget');
      expect(res.body, query).toContain(`“${query.split('=')[0]}”`);
      expect(res.headers['x-frame-options'], query).toBeUndefined();
      expect(String(res.headers['content-security-policy']), query).toContain('frame-ancestors *');
    }
    const missing = await get('/en/widget?organisation=finns-inte');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('data-tillsammans-widget');
    expect(missing.body).toContain('<h1>The page does not exist</h1>');
    expect(missing.headers['x-frame-options']).toBeUndefined();
  });

  it('ignores unknown parameters and treats empty ones as absent', async () => {
    expect((await get('/widget?utm_source=newsletter&category=&organisation=')).statusCode).toBe(200);
  });

  describe('settings page', () => {
    it('makes both snippets and a live preview from a plain GET form', async () => {
      const res = await get(`/en/widget/installera?organisation=${ORG}&lang=ar&category=sprakcafe&limit=5`);
      expect(res.statusCode).toBe(200);
      const html = res.body;
      expect(html).toContain('<h1>Show your activities on your website</h1>');
      expect(html).toContain('<form method="get" action="/en/widget/installera">');
      expect(html).toMatch(new RegExp(`<option value="${ORG}" selected>`));
      expect(html).toMatch(/<option value="ar" lang="ar" selected>العربية<\/option>/);
      expect(html).toMatch(/<option value="5" selected>5<\/option>/);
      const widgetUrl = `http://tillsammans.test/ar/widget?organisation=${ORG}&category=sprakcafe&limit=5`;
      const iframe = textareaValue(html, 'w-iframe-code');
      expect(iframe).toMatch(/^<iframe src="([^"]+)" title="[^"]+" width="100%" height="\d+" style="border:0;max-width:100%" loading="lazy"><\/iframe>$/);
      expect(decode(/src="([^"]+)"/.exec(iframe)![1]!)).toBe(widgetUrl);
      const script = textareaValue(html, 'w-script-code');
      expect(script).toMatch(
        new RegExp(`^<script src="http://tillsammans\\.test/static/widget\\.js" data-organisation="${ORG}" data-lang="ar" data-category="sprakcafe" data-limit="5" data-title="[^"]+" async></script>$`),
      );
      // Labelled, read-only text boxes.
      expect(html).toContain('<label for="w-iframe-code">Iframe code to copy</label>');
      expect(html).toContain('<label for="w-script-code">Script code to copy</label>');
      expect(html).toMatch(/<textarea id="w-iframe-code" readonly/);
      // The preview shows the very same widget, from this site.
      const preview = /<iframe class="widget-preview-frame" src="([^"]+)" title="Preview of the box"/.exec(html);
      expect(preview).not.toBeNull();
      const previewPath = decode(preview![1]!);
      expect(previewPath).toBe(new URL(widgetUrl).pathname + new URL(widgetUrl).search);
      const framed = await get(previewPath);
      expect(framed.statusCode).toBe(200);
      expect(framed.body).toMatch(/<html lang="ar" dir="rtl"/);
      expect(titlesOf(framed.body)).toContain('مقهى اللغة في فيفالا');
    });

    it('starts from the page language, every organisation and ten rows', async () => {
      const html = (await get('/en/widget/installera')).body;
      expect(textareaValue(html, 'w-iframe-code')).toContain('src="http://tillsammans.test/en/widget" title="Activities from Tillsammans"');
      expect(textareaValue(html, 'w-script-code')).toBe(
        '<script src="http://tillsammans.test/static/widget.js" data-lang="en" data-title="Activities from Tillsammans" async></script>',
      );
      expect(html).toMatch(/<option value="en" lang="en" selected>English<\/option>/);
      expect(html).toMatch(/<option value="10" selected>10<\/option>/);
      expect(html).toContain('<option value>All organisations</option>');
      expect((html.match(/<option value="[a-z]{2,3}" lang=/g) ?? []).length).toBe(8);
    });

    it('refuses an unknown organisation, district or language', async () => {
      for (const query of ['organisation=finns-inte', 'district=atlantis', 'lang=xx', 'limit=99']) {
        expect((await get(`/widget/installera?${query}`)).statusCode, query).toBe(400);
      }
    });
  });

  describe('widget.js', () => {
    const file = path.resolve('src/web/assets/widget.js');

    it('stays under 10 KB', () => {
      expect(fs.statSync(file).size).toBeLessThan(10 * 1024);
    });

    it('is served at a stable address that other sites may load', async () => {
      const res = await get('/static/widget.js');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
      expect(res.headers['cache-control']).toBe('public, max-age=3600');
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.body).toBe(fs.readFileSync(file, 'utf8'));
    });

    it('is the same file the widget page loads under its hashed name', async () => {
      const html = (await get('/widget')).body;
      const hashed = /<script src="(\/static\/widget\.[0-9a-f]{10}\.js)"/.exec(html)![1]!;
      const res = await get(hashed);
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe(fs.readFileSync(file, 'utf8'));
      const css = /href="(\/static\/widget\.[0-9a-f]{10}\.css)"/.exec(html)![1]!;
      expect((await get(css)).statusCode).toBe(200);
    });
  });
});

describe.skipIf(skipDatabase())(`widget with the response cache on ${testDialect}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ cacheTtlSeconds: 60 });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('is still frameable when served from the cache', async () => {
    const first = await t.app.inject({ method: 'GET', url: `/widget?organisation=${ORG}` });
    const second = await t.app.inject({ method: 'GET', url: `/widget?organisation=${ORG}` });
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    expect(second.headers['x-frame-options']).toBeUndefined();
    expect(String(second.headers['content-security-policy'])).toContain('frame-ancestors *');
  });
});
