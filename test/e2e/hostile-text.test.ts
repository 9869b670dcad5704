/**
 * Text nobody planned for: very long words, URLs, emoji, mixed scripts, zero-width and bidi control
 * characters. On a 360 px phone, in Swedish and Arabic, the layout holds and nothing reorders around it.
 */
import { inject, afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { insertActivity } from '../../src/features/calendar/activity.store.js';
import { FIXED_NOW } from '../support/app.js';
import { activityInput } from '../support/factories.js';
import { expectNoHorizontalScroll, screenshot, startBrowserHarness, type BrowserHarness } from '../support/browser.js';

const skip = inject('chromiumSkip');

const TITLE =
  'Donaudampfschifffahrtsgesellschaftskapitänsmützenhersteller\u202e!tsrif siht daer\u202c 🧕🏽👨‍👩‍👧 عربي مختلط Språkcafé https://example.org/en/mycket/lang/adress/som/inte/tar/slut?x=1&y=2';
const DESCRIPTION = `${'Ord'.repeat(120)} \u2067مرحبا\u2069 zero\u200bwidth ${'😀'.repeat(40)}`;

describe.skipIf(skip)('hostile text at 360 px', () => {
  let h: BrowserHarness;
  let context: BrowserContext;
  let page: Page;
  let path: string;

  beforeAll(async () => {
    h = await startBrowserHarness();
    const id = await insertActivity(
      h.testApp.database.db,
      activityInput({ title: TITLE, description: DESCRIPTION, contactName: '\u202eevil', contactPhone: '070-174 06 99' }),
      FIXED_NOW,
      '2026-11-26',
    );
    const api = await (await fetch(`${h.baseUrl}/api/v1/activities/${id}`)).json();
    path = new URL(api.url).pathname;
    context = await h.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'sv-SE' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await h?.close();
  });

  for (const prefix of ['', '/ar']) {
    it(`${prefix || '/sv'}: the activity page and the day list hold their layout`, async () => {
      await page.goto(`${h.baseUrl}${prefix}${path}`);
      await expectNoHorizontalScroll(page, `${prefix} activity`);
      // The override character was removed on the way in, so the heading reads as typed.
      const heading = await page.locator('h1').textContent();
      expect(heading).toContain('!tsrif siht daer');
      expect(heading).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      await screenshot(page, `hostile${prefix.replace('/', '-') || '-sv'}-activity-360`);
      await page.goto(`${h.baseUrl}${prefix}/?day=2026-11-27`);
      await expectNoHorizontalScroll(page, `${prefix} day list`);
      // The rows after the hostile one still show their times in order.
      const starts = (await page.locator('li.occurrence .time').allTextContents()).map((t) => t.slice(0, 5));
      expect(starts.length).toBeGreaterThan(1);
      expect(starts).toEqual([...starts].sort());
    });
  }
});
