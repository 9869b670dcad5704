/** A newcomer on a 360 px phone: start page, filter, activity, language switch; axe on every page. */
import { inject, afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { expectAccessible, expectNoHorizontalScroll, screenshot, startBrowserHarness, type BrowserHarness } from '../support/browser.js';

const skip = inject('chromiumSkip');

describe.skipIf(skip)('public calendar in Chromium at 360 px', () => {
  let h: BrowserHarness;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    h = await startBrowserHarness();
    context = await h.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'sv-SE' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await h?.close();
  });

  it('shows this week with today first', async () => {
    await page.goto(`${h.baseUrl}/`);
    expect(await page.locator('h1').textContent()).toContain('vecka 48');
    const firstDay = page.locator('section.day').first();
    expect(await firstDay.getAttribute('class')).toMatch(/is-today/);
    expect(await firstDay.locator('h2').textContent()).toContain('Idag');
    expect(await page.locator('li.occurrence').count()).toBeGreaterThan(5);
    // Nothing here needs JavaScript: the pages ship none.
    expect(await page.locator('script').count()).toBe(0);
    await expectNoHorizontalScroll(page, 'start page');
    await expectAccessible(page, 'start page');
    await screenshot(page, 'start-sv-360');
  });

  it('filters by category and district with the form, and the link can be shared', async () => {
    await page.goto(`${h.baseUrl}/`);
    await page.locator('details.filters > summary').click();
    await page.selectOption('#f-category', 'sprakcafe');
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.waitForURL(/category=sprakcafe/);
    const metas = await page.locator('li.occurrence .occ-meta').allTextContents();
    expect(metas.length).toBeGreaterThan(2);
    for (const m of metas) expect(m).toMatch(/^Språkcafé/);
    await expectAccessible(page, 'filtered week');
    // The same URL opened fresh shows the same list.
    const shared = await context.newPage();
    await shared.goto(page.url());
    expect(await shared.locator('li.occurrence').count()).toBe(metas.length);
    await shared.close();
  });

  it('opens an activity with its facts and next dates', async () => {
    await page.goto(`${h.baseUrl}/?category=sprakcafe`);
    const first = page.locator('li.occurrence a').first();
    const title = (await first.locator('.occ-title').textContent())!.trim();
    await first.click();
    expect((await page.locator('h1').textContent())?.trim()).toBe(title);
    expect(await page.locator('.facts').textContent()).toContain('När');
    expect(await page.locator('.timeline li').first().isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: /Spara i min kalender/ }).getAttribute('href')).toMatch(/kalender\.ics$/);
    await expectNoHorizontalScroll(page, 'activity page');
    await expectAccessible(page, 'activity page');
    await screenshot(page, 'activity-sv-360');
  });

  it('switches to English on the same page', async () => {
    const before = new URL(page.url()).pathname;
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/\/en\//);
    expect(new URL(page.url()).pathname).toBe(`/en${before}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('.facts').textContent()).toContain('When');
    await expectAccessible(page, 'activity page in English');
    await screenshot(page, 'activity-en-360');
  });

  for (const [path, label] of [
    ['/kategorier', 'categories'],
    ['/kategori/sprakcafe', 'category page'],
    ['/organisationer', 'directory'],
    ['/sok?q=sprakcafe', 'search results'],
    ['/om', 'about'],
    ['/integritet', 'privacy'],
    ['/tillganglighet', 'accessibility statement'],
    ['/en/finns-inte', '404 in English'],
    ['/?category=nope', '400 page'],
  ] as const) {
    it(`${label} passes axe and fits the phone`, async () => {
      await page.goto(`${h.baseUrl}${path}`);
      expect(await page.locator('h1').isVisible()).toBe(true);
      await expectNoHorizontalScroll(page, label);
      await expectAccessible(page, label);
    });
  }

  it('the axe check itself catches a real violation', async () => {
    const probe = await context.newPage();
    await probe.setContent('<html lang="sv"><head><title>x</title></head><body><main><img src="x.png"><input></main></body></html>');
    await expect(expectAccessible(probe, 'probe')).rejects.toThrow(/image-alt|label/);
    await probe.close();
  });

  it('an organisation page passes axe', async () => {
    await page.goto(`${h.baseUrl}/organisationer`);
    await page.locator('.card h2 a').first().click();
    expect(await page.locator('h1').isVisible()).toBe(true);
    await expectAccessible(page, 'organisation page');
  });
});
