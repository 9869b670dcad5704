/** A real server on a free port plus Debian's Chromium driven by playwright-core (no browser download). */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { ensureFirstAdmin } from '../../src/features/accounts/index.js';
import type { NewUser } from '../../src/features/accounts/accounts.store.js';
import { createTestApp, FIXED_NOW, type TestApp, type TestAppOptions } from './app.js';
import { signedInClient } from './client.js';
import { CHROMIUM_ARGS } from '../../src/features/print/index.js';
import { CHROMIUM_PATH } from './environment.js';

export const ARTIFACTS = path.resolve('test-results');

export interface BrowserHarness {
  baseUrl: string;
  browser: Browser;
  testApp: TestApp;
  close(): Promise<void>;
}

export async function startBrowserHarness(options: TestAppOptions = {}): Promise<BrowserHarness> {
  const testApp = await createTestApp(options);
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = testApp.app.server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    testApp,
    async close() {
      await browser.close();
      await testApp.close();
    },
  };
}

/** Runs axe (WCAG 2.1 A and AA rules) and fails on serious or critical violations, listing them. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(summary, `axe on ${label}`).toEqual([]);
}

/** Fails when the page scrolls sideways (content wider than the viewport). */
export async function expectNoHorizontalScroll(page: Page, label: string): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, `horizontal scroll on ${label}`).toBeLessThanOrEqual(width);
}

/**
 * Fails when a word of ordinary length (2 to 16 letters) is split across two lines, as a too eager
 * `overflow-wrap` does to "Inställt" in a narrow badge. Text that may break anywhere on purpose (e-mail
 * addresses: overflow-wrap anywhere) and hyphenated text (hyphens: auto) are left out.
 */
export async function expectWholeWords(page: Page, label: string): Promise<void> {
  const broken = await page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && found.length < 10; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, .visually-hidden, .honeypot, [hidden]')) continue;
      const style = getComputedStyle(parent);
      if (style.hyphens === 'auto' || style.overflowWrap === 'anywhere' || style.display === 'none' || style.visibility === 'hidden') continue;
      for (const match of (node.textContent ?? '').matchAll(/\p{L}{2,16}/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) found.push(match[0]);
      }
    }
    return found;
  });
  expect(broken, `words broken across lines on ${label}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Signs the first coordinator in on `page` by the one-time link printed at first start, as a person would. */
export async function signInFirstCoordinator(h: BrowserHarness, page: Page): Promise<void> {
  const link = await ensureFirstAdmin(h.testApp.database.db, { email: 'samordnare@tillsammans.test', publicUrl: h.baseUrl, now: FIXED_NOW });
  await page.goto(link!);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL(/\/konto$/);
}

/** A browser context (a 360 px phone in Swedish unless told otherwise) signed in as a new user with these roles. */
export async function signedInContext(
  h: BrowserHarness,
  roles: Partial<NewUser>,
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<BrowserContext> {
  const client = await signedInClient(h.testApp, roles);
  const context = await h.browser.newContext({ viewport: options.viewport ?? { width: 360, height: 740 }, locale: options.locale ?? 'sv-SE' });
  await context.addCookies([{ name: 'sid', value: client.cookies.get('sid')!, url: h.baseUrl }]);
  return context;
}
