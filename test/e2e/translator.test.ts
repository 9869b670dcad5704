/** The translator's queue, editor and glossary in Chromium, in Swedish and right-to-left Arabic, with axe. */
import { inject, afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { expectAccessible, expectNoHorizontalScroll, screenshot, signedInContext, startBrowserHarness, type BrowserHarness } from '../support/browser.js';

const skip = inject('chromiumSkip');

describe.skipIf(skip)('translator workspace in Chromium', () => {
  let h: BrowserHarness;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    h = await startBrowserHarness();
    context = await signedInContext(h, { isTranslator: true, name: 'Layla' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await h?.close();
  });

  it('translates a title from the queue, side by side, in Swedish and in Arabic', async () => {
    for (const prefix of ['', '/ar']) {
      await page.goto(`${h.baseUrl}${prefix}/oversatt/ar`);
      await expectNoHorizontalScroll(page, `queue ${prefix}`);
      await expectAccessible(page, `queue ${prefix}`);
      await page.locator('tbody a').first().click();
      await page.waitForLoadState();
      await expectNoHorizontalScroll(page, `editor ${prefix}`);
      await expectAccessible(page, `editor ${prefix}`);
      if (prefix === '/ar') await screenshot(page, 'translator-editor-ar-360');
      await page.goto(`${h.baseUrl}${prefix}/oversatt/ar/ordlista`);
      await expectNoHorizontalScroll(page, `glossary ${prefix}`);
      await expectAccessible(page, `glossary ${prefix}`);
    }
    await page.goto(`${h.baseUrl}/oversatt/ar`);
    await page.locator('tbody a').first().click();
    await page.locator('#field-text').fill('نص مترجم');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.waitForURL(/sparad=saved/);
    expect(await page.locator('.notice').textContent()).toContain('Översättningen är sparad');
  });
});
