/**
 * Freshness in Chromium on a 360 px phone, in Swedish and Arabic (right to left): the page a
 * reminder mail links to and its "Allt stämmer"; an organisation's workspace with its last
 * confirmations, "Stämmer fortfarande" and its clashes with other organisations. Axe and no
 * sideways scrolling on each.
 */
import { inject, beforeAll, describe, expect, it } from 'vitest';
import { sendMonthlyReminders } from '../../src/features/freshness/index.js';
import { FIXED_NOW } from '../support/app.js';
import { checkScreen, screenshot, useBrowserHarness } from '../support/browser.js';

const skip = inject('chromiumSkip');

describe.skipIf(skip)('freshness in Chromium', () => {
  const h = useBrowserHarness();
  /** The reminder link of each demo organisation with something to confirm. */
  const links = new Map<string, string>();
  let sensusId = 0;

  beforeAll(async () => {
    const db = h.testApp.database.db;
    await sendMonthlyReminders({ db, mailer: h.testApp.app.deps.mailer, publicUrl: '' }, FIXED_NOW);
    for (const slug of ['sensus-orebro', 'kompisbyran-orebro']) {
      const org = await db.selectFrom('organisations').select(['id', 'email']).where('slug', '=', slug).executeTakeFirstOrThrow();
      if (slug === 'sensus-orebro') sensusId = org.id;
      const mail = await db.selectFrom('outbox').select('textBody').where('toAddress', '=', org.email!).where('purpose', '=', 'freshness').executeTakeFirstOrThrow();
      links.set(slug, /\/bekrafta\/[A-Za-z0-9_-]+/.exec(mail.textBody)![0]);
    }
  });

  for (const [lang, prefix, slug] of [
    ['sv', '', 'sensus-orebro'],
    ['ar', '/ar', 'kompisbyran-orebro'],
  ] as const) {
    it(`confirms everything from the mail's link in ${lang}`, async () => {
      const page = await h.phone(lang);
      await page.goto(`${h.baseUrl}${prefix}${links.get(slug)}`);
      if (lang === 'ar') expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await page.locator('.confirm-list > li').count()).toBeGreaterThan(0);
      await checkScreen(page, `confirm page ${lang}`);
      await screenshot(page, `freshness-confirm-${lang}-360`);
      await page.locator('main form button[type="submit"]').click();
      await page.waitForLoadState();
      expect(await page.locator('.notice').isVisible()).toBe(true);
      await checkScreen(page, `confirmed ${lang}`);
      // The link is single-use: opening it again says so.
      await page.goto(`${h.baseUrl}${prefix}${links.get(slug)}`);
      expect(await page.locator('h1').textContent()).toBe(lang === 'sv' ? 'Länken är redan använd' : 'تم استخدام الرابط من قبل');
      await checkScreen(page, `used link ${lang}`);
    });

    it(`shows the workspace's confirmations and clashes in ${lang}`, async () => {
      const page = await h.signedIn({ organisationIds: [sensusId] }, lang);
      await page.goto(`${h.baseUrl}${prefix}/hantera/sensus-orebro`);
      expect(await page.locator('#freshness').isVisible()).toBe(true);
      expect(await page.locator('#clashes li a').count()).toBeGreaterThan(0);
      await checkScreen(page, `workspace freshness ${lang}`);
      await screenshot(page, `freshness-workspace-${lang}-360`);
      await page.locator('.confirm-line button[type="submit"]').first().click();
      await page.waitForLoadState();
      expect(await page.locator('.notice[role="status"]').isVisible()).toBe(true);
      await checkScreen(page, `workspace confirmed ${lang}`);
    });
  }
});
