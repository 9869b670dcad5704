/**
 * Every interface language in Chromium: lang and dir set, no Swedish interface text left, axe in the
 * right-to-left languages, and 360 px screenshots for people to look at (test-results/).
 */
import { inject, afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { LANGUAGES, loadCatalogue, type Catalogue } from '../../src/i18n/index.js';
import { expectAccessible, expectNoHorizontalScroll, expectWholeWords, screenshot, startBrowserHarness, type BrowserHarness } from '../support/browser.js';

const skip = inject('chromiumSkip');

function strings(obj: Catalogue): string[] {
  return Object.values(obj).flatMap((v) => (typeof v === 'string' ? [v] : strings(v as Catalogue)));
}

/** Pieces of Swedish interface text long enough to be unmistakable, minus those a language shares. */
function swedishFragments(code: string): string[] {
  const own = new Set(strings(loadCatalogue(code)));
  return [
    ...new Set(
      strings(loadCatalogue('sv'))
        .filter((s) => !own.has(s))
        .flatMap((s) => s.split(/\{\{\s*\w+\s*\}\}/))
        // Proper names are the same in every language ("… i Örebro", "Örebro Föreningsråd").
        .flatMap((s) => s.split(/Örebro Föreningsråd|Örebro|Tillsammans/))
        .map((s) => s.trim())
        .filter((s) => s.length >= 8),
    ),
  ];
}

const PAGES = ['/', '/kategorier', '/kategori/sprakcafe', '/organisationer', '/organisationer/roda-korset-orebro', '/sok?q=a', '/om', '/tillganglighet', '/integritet', '/hitta-forening', '/efterfragas', '/tipsa'];

describe.skipIf(skip)('every language in Chromium', () => {
  let h: BrowserHarness;
  let context: BrowserContext;
  let page: Page;
  let activityPath: string;

  beforeAll(async () => {
    h = await startBrowserHarness();
    context = await h.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'sv-SE' });
    page = await context.newPage();
    const api = await (await fetch(`${h.baseUrl}/api/v1/activities?category=sprakcafe&limit=1`)).json();
    activityPath = new URL(api.occurrences[0].activity.url).pathname;
  });
  afterAll(async () => {
    await context?.close();
    await h?.close();
  });

  for (const lang of LANGUAGES) {
    const prefix = lang.code === 'sv' ? '' : `/${lang.code}`;
    it(`${lang.code}: lang and dir on every main page, no Swedish interface text left, no word broken across lines`, async () => {
      const fragments = lang.code === 'sv' ? [] : swedishFragments(lang.code);
      for (const path of [...PAGES, activityPath]) {
        await page.goto(`${h.baseUrl}${prefix}${path === '/' && prefix ? '' : path}`);
        expect(await page.locator('html').getAttribute('lang'), path).toBe(lang.code);
        expect(await page.locator('html').getAttribute('dir'), path).toBe(lang.dir);
        await expectNoHorizontalScroll(page, `${lang.code}${path}`);
        await expectWholeWords(page, `${lang.code}${path}`);
        if (fragments.length === 0) continue;
        // Interface text only: leave out what is marked as Swedish content (lang="sv").
        const text = await page.evaluate(() => {
          const body = document.body.cloneNode(true) as HTMLElement;
          body.querySelectorAll('[lang="sv"]').forEach((el) => el.remove());
          return body.innerText;
        });
        // Whole words only: "Studieförbundet Vuxenskolan" is a name, not the interface word "Studieförbund".
        const left = fragments.filter((f) => new RegExp(`(?<!\\p{L})${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u').test(text));
        expect(left, `${lang.code}${path}`).toEqual([]);
      }
    });
  }

  for (const code of ['ar', 'fa', 'ckb'].filter((c) => LANGUAGES.some((l) => l.code === c))) {
    it(`${code}: right to left passes axe on the main pages`, async () => {
      for (const path of ['', '/kategori/sprakcafe', '/organisationer', activityPath]) {
        await page.goto(`${h.baseUrl}/${code}${path}`);
        await expectAccessible(page, `${code}${path}`);
      }
      // The layout really is mirrored: the brand sits at the right edge.
      const brand = await page.locator('.brand').boundingBox();
      expect(brand!.x).toBeGreaterThan(100);
    });
  }

  for (const code of ['sv', 'ar', 'ti', 'fa', 'en'].filter((c) => LANGUAGES.some((l) => l.code === c))) {
    it(`${code}: screenshots at 360 px`, async () => {
      const prefix = code === 'sv' ? '' : `/${code}`;
      await page.goto(`${h.baseUrl}${prefix || '/'}`);
      await screenshot(page, `lang-${code}-start-360`);
      await page.goto(`${h.baseUrl}${prefix}${activityPath}`);
      await screenshot(page, `lang-${code}-activity-360`);
    });
  }
});
