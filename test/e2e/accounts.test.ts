/** Sign-in, account and coordinator pages in Chromium: a real sign-in by link, then axe on each page. */
import { inject, afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ensureFirstAdmin } from '../../src/features/accounts/index.js';
import { FIXED_NOW } from '../support/app.js';
import { expectAccessible, expectNoHorizontalScroll, screenshot, startBrowserHarness, type BrowserHarness } from '../support/browser.js';

const skip = inject('chromiumSkip');

describe.skipIf(skip)('accounts in Chromium', () => {
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

  it('the sign-in page passes axe and fits the phone', async () => {
    await page.goto(`${h.baseUrl}/logga-in`);
    expect(await page.locator('h1').textContent()).toBe('Logga in');
    await expectNoHorizontalScroll(page, 'sign-in');
    await expectAccessible(page, 'sign-in');
  });

  it('shows an error beside the field and keeps what was typed', async () => {
    await page.goto(`${h.baseUrl}/logga-in`);
    const form = page.locator('form[action="/logga-in"]');
    await form.locator('input[name="email"]').fill('nobody@example.se');
    await form.locator('input[name="password"]').fill('fel');
    await form.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#field-password-error').textContent()).toContain('stämmer inte');
    expect(await page.locator('form[action="/logga-in"] input[name="email"]').inputValue()).toBe('nobody@example.se');
    await expectAccessible(page, 'sign-in with an error');
  });

  it('signs the first coordinator in with the one-time link and reaches the admin pages', async () => {
    const link = await ensureFirstAdmin(h.testApp.database.db, { email: 'samordnare@tillsammans.test', publicUrl: h.baseUrl, now: FIXED_NOW });
    await page.goto(link!);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(/\/konto$/);
    expect(await page.locator('h1').textContent()).toBe('Mitt konto');
    await expectAccessible(page, 'account');
    for (const path of ['/admin/anvandare', '/admin/utkorg', '/planering/krockar?category=sprakcafe', '/planering', '/planering/sommar']) {
      await page.goto(`${h.baseUrl}${path}`);
      expect(await page.locator('h1').isVisible(), path).toBe(true);
      await expectNoHorizontalScroll(page, path);
      await expectAccessible(page, path);
    }
    await page.goto(`${h.baseUrl}/planering?category=sprakcafe`);
    await screenshot(page, 'planning-grid-sv-360');
  });
});
