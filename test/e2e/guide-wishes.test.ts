/**
 * "Efterfrågas" in Swedish and right-to-left Arabic, the wish form with its errors (a new wish waits
 * for the coordinator), the coordinator showing waiting wishes, and the guide's statistics at 360 px,
 * with axe.
 */
import { inject, afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { eraseCase, submitCase, updateCase } from '../../src/features/guide/case.commands.js';
import { insertWish, setWishStatus } from '../../src/features/guide/wish.store.js';
import { expectAccessible, expectNoHorizontalScroll, screenshot, signedInContext, startBrowserHarness, type BrowserHarness } from '../support/browser.js';

const skip = inject('chromiumSkip');

describe.skipIf(skip)('wishes and the guide’s statistics in Chromium', () => {
  let h: BrowserHarness;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    h = await startBrowserHarness();
    const db = h.testApp.database.db;
    // The demo's wishes and cases aside: this test counts from nothing.
    await db.deleteFrom('wishes').execute();
    await db.deleteFrom('guideCases').execute();
    const now = h.testApp.app.deps.now();
    const district = (await db.selectFrom('districts').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    // A long word and Arabic free text must wrap and keep their own direction at 360 px.
    for (const text of ['Simning för kvinnor på kvällen', 'Vattengymnastikochsimskolaförvuxnasomaldrigharsimmatförut', 'كرة القدم للبنات']) {
      await insertWish(db, { category: null, text, ageGroup: 'adult', districtId: district, source: 'public', caseId: null, status: 'approved' }, now);
    }
    await insertWish(db, { category: 'idrott', text: null, ageGroup: 'child', districtId: null, source: 'case', caseId: null }, now);
    const base = { phone: null, email: null, contactLanguage: 'ar', ageGroup: 'adult' as const, interestText: null, freeDays: [], freeTimes: [], onBehalf: false, helperName: null };
    const a = (await submitCase(db, { ...base, firstName: 'Amal', phone: '+46701111111', districtId: district, interests: ['idrott', 'sprakcafe'] }, new Date('2026-10-05T08:00:00Z'))).case;
    await updateCase(db, a, { status: 'joined' }, new Date('2026-10-08T08:00:00Z'));
    await eraseCase(db, a.id, new Date('2026-11-20T08:00:00Z'));
    await submitCase(db, { ...base, firstName: 'Bilal', phone: '+46702222222', districtId: null, interests: [] }, new Date('2026-11-02T08:00:00Z'));

    context = await signedInContext(h, { isGuide: true, name: 'Samira' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await h?.close();
  });

  it('lists wishes and takes a new one in Swedish and in Arabic, errors beside the fields', async () => {
    for (const prefix of ['', '/ar']) {
      await page.goto(`${h.baseUrl}${prefix}/efterfragas`);
      expect(await page.locator('html').getAttribute('dir')).toBe(prefix ? 'rtl' : 'ltr');
      await expectNoHorizontalScroll(page, `wishes ${prefix}`);
      await expectAccessible(page, `wishes ${prefix}`);
      // The honeypot is there for robots, out of sight and out of the tab order for people.
      const box = await page.locator('#wish-form .honeypot').boundingBox();
      expect(box!.width * box!.height).toBeLessThanOrEqual(1);
      expect(await page.locator('#field-lamna_tomt').getAttribute('tabindex')).toBe('-1');

      await page.locator('#field-text').fill('Läs mer på http://spam.example');
      await page.locator('#wish-form button[type="submit"]').click();
      await page.waitForLoadState();
      await expect.poll(() => page.locator('#field-text-error').isVisible()).toBe(true);
      expect(await page.locator('#field-text').inputValue()).toBe('Läs mer på http://spam.example');
      await expectNoHorizontalScroll(page, `wish errors ${prefix}`);
      await expectAccessible(page, `wish errors ${prefix}`);

      await page.locator('#field-text').fill('');
      await page.locator('label.wish-tile', { has: page.locator('input[value="natur"]') }).click();
      await page.locator('input[name="ageGroup"][value="child"]').check();
      await page.locator('#wish-form button[type="submit"]').click();
      await page.waitForURL(/tack=1/);
      expect(await page.locator('.notice[role="status"]').count()).toBe(1);
      await expectAccessible(page, `wish thanks ${prefix}`);
      await screenshot(page, `wishes${prefix.replace('/', '-') || '-sv'}-360`);
    }
    // Both wait for the coordinator: nothing about them is on the public page yet.
    await page.goto(`${h.baseUrl}/efterfragas`);
    expect(await page.locator('#wishes-open + ul li', { hasText: 'Natur' }).count()).toBe(0);
    const db = h.testApp.database.db;
    const natur = await db.selectFrom('wishes').select('id').where('category', '=', 'natur').where('status', '=', 'pending').execute();
    expect(natur).toHaveLength(2);
    await setWishStatus(db, natur.map((w) => w.id), 'approved');
    await page.reload();
    expect(await page.locator('#wishes-open + ul li', { hasText: 'Natur' }).textContent()).toContain('2 önskemål');
  });

  it('lets the coordinator show or hide waiting wishes on a phone', async () => {
    const db = h.testApp.database.db;
    await insertWish(db, { category: null, text: 'Schack för unga på lördagar', ageGroup: 'youth', districtId: null, source: 'public', caseId: null }, h.testApp.app.deps.now());
    const coordinator = await signedInContext(h, { isAdmin: true, name: 'Anette' });
    try {
      const admin = await coordinator.newPage();
      for (const prefix of ['', '/ar']) {
        await admin.goto(`${h.baseUrl}${prefix}/admin/onskemal`);
        expect(await admin.locator('#wish-queue').count()).toBe(1);
        await expectNoHorizontalScroll(admin, `wish queue ${prefix}`);
        await expectAccessible(admin, `wish queue ${prefix}`);
      }
      await screenshot(admin, 'wish-queue-ar-360');
      await admin.goto(`${h.baseUrl}/admin/onskemal`);
      const row = admin.locator('tr', { hasText: 'Schack för unga på lördagar' });
      await row.getByRole('button', { name: /^Visa/ }).click();
      await admin.waitForURL(/klart=approved/);
      expect(await admin.locator('.notice[role="status"]').textContent()).toContain('visas nu');
      await expectAccessible(admin, 'wish queue after showing');
      await page.goto(`${h.baseUrl}/efterfragas`);
      expect(await page.locator('main').textContent()).toContain('Schack för unga på lördagar');
    } finally {
      await coordinator.close();
    }
  });

  it('shows the guide’s statistics as tables that fit a phone', async () => {
    for (const prefix of ['', '/ar']) {
      await page.goto(`${h.baseUrl}${prefix}/lots/statistik`);
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.locator('table caption').count()).toBe(3);
      await expectNoHorizontalScroll(page, `statistics ${prefix}`);
      await expectAccessible(page, `statistics ${prefix}`);
      await screenshot(page, `guide-statistics${prefix.replace('/', '-') || '-sv'}-360`);
    }
    const body = await page.locator('main').textContent();
    for (const personal of ['Amal', 'Bilal', '+4670']) expect(body).not.toContain(personal);
  });
});
