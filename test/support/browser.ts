/** A real server on a free port plus Debian's Chromium driven by playwright-core (no browser download). */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
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

/** What the tests use of a started harness. */
export type RunningBrowser = Pick<BrowserHarness, 'baseUrl' | 'browser' | 'testApp'>;

/** The phone every flow is tried on: 360 px wide. */
export const PHONE_VIEWPORT = { width: 360, height: 740 };

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
export async function signInFirstCoordinator(h: RunningBrowser, page: Page): Promise<void> {
  const link = await ensureFirstAdmin(h.testApp.database.db, { email: 'samordnare@tillsammans.test', publicUrl: h.baseUrl, now: FIXED_NOW });
  await page.goto(link!);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL(/\/konto$/);
}

/** A browser context (a 360 px phone in Swedish unless told otherwise) signed in as a new user with these roles. */
export async function signedInContext(
  h: RunningBrowser,
  roles: Partial<NewUser>,
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<BrowserContext> {
  const client = await signedInClient(h.testApp, roles);
  const context = await h.browser.newContext({ viewport: options.viewport ?? PHONE_VIEWPORT, locale: options.locale ?? 'sv-SE' });
  await context.addCookies([{ name: 'sid', value: client.cookies.get('sid')!, url: h.baseUrl }]);
  return context;
}

/** The checks every screen of a flow passes: no sideways scrolling, whole words, then axe. */
export async function checkScreen(page: Page, label: string): Promise<void> {
  await expectNoHorizontalScroll(page, label);
  await expectWholeWords(page, label);
  await expectAccessible(page, label);
}

/** A started harness for one `describe` block, and 360 px phones in it that it closes itself. */
export interface BrowserSession extends RunningBrowser {
  /** A new phone (own browser context) in this locale, signed in as nobody. */
  phone(locale: string): Promise<Page>;
  /** A new phone signed in as a new user with these roles (Swedish unless told otherwise). */
  signedIn(roles: Partial<NewUser>, locale?: string): Promise<Page>;
}

/**
 * Call inside `describe`: starts the app and Chromium before the block's tests (before the block's own
 * `beforeAll` hooks that come after this call) and closes every phone, then the harness, after them.
 */
export function useBrowserHarness(options: TestAppOptions = {}): BrowserSession {
  let started: BrowserHarness | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    started = await startBrowserHarness(options);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await started?.close();
  });
  const running = (): BrowserHarness => {
    if (!started) throw new Error('The browser harness starts in beforeAll: use it inside a test or hook.');
    return started;
  };
  const pageIn = async (context: BrowserContext) => {
    contexts.push(context);
    return context.newPage();
  };
  return {
    get baseUrl() {
      return running().baseUrl;
    },
    get browser() {
      return running().browser;
    },
    get testApp() {
      return running().testApp;
    },
    phone: async (locale) => pageIn(await running().browser.newContext({ viewport: PHONE_VIEWPORT, locale })),
    signedIn: async (roles, locale) => pageIn(await signedInContext(running(), roles, locale ? { locale } : {})),
  };
}
