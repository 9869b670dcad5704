/** A real server on a free port plus Debian's Chromium driven by playwright-core (no browser download). */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { createTestApp, type TestApp } from './app.js';
import { CHROMIUM_ARGS } from '../../src/features/print/index.js';
import { CHROMIUM_PATH } from './environment.js';

export const ARTIFACTS = path.resolve('test-results');

export interface BrowserHarness {
  baseUrl: string;
  browser: Browser;
  testApp: TestApp;
  close(): Promise<void>;
}

export async function startBrowserHarness(): Promise<BrowserHarness> {
  const testApp = await createTestApp();
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

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}
