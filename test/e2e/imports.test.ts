/** Calendar import pages in Chromium on a phone: axe, no sideways scroll, errors beside the fields. */
import { inject, afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { insertFeed, recordFailure, recordSuccess } from '../../src/features/imports/import.store.js';
import { FIXED_NOW } from '../support/app.js';
import { expectAccessible, expectNoHorizontalScroll, screenshot, signInFirstCoordinator, startBrowserHarness, type BrowserHarness } from '../support/browser.js';

const skip = inject('chromiumSkip');

describe.skipIf(skip)('calendar import pages in Chromium', () => {
  let h: BrowserHarness;
  let context: BrowserContext;
  let page: Page;
  let slug: string;

  beforeAll(async () => {
    h = await startBrowserHarness();
    const db = h.testApp.database.db;
    const org = await db.selectFrom('organisations').select(['id', 'slug']).where('slug', '=', 'traffpunkt-oxhagen').executeTakeFirstOrThrow();
    slug = org.slug;
    const ok = await insertFeed(db, { organisationId: org.id, url: 'https://calendar.google.com/calendar/ical/oxhagen%40group.calendar.google.com/private-0123456789abcdef/basic.ics', category: 'sprakcafe', createdBy: null }, FIXED_NOW);
    await recordSuccess(db, ok, {
      now: FIXED_NOW,
      report: {
        created: 3,
        updated: 1,
        cancelled: 0,
        unchanged: 12,
        past: 40,
        lines: [
          { code: 'imports.report.allDay', params: { title: 'Jullov – lokalen är stängd hela vägen från den tjugoförsta december till den sjunde januari' } },
          { code: 'imports.report.expandedCapped', params: { title: '<script>alert(1)</script>Promenad', count: '20', days: '120' } },
        ],
      },
    });
    const failing = await insertFeed(db, { organisationId: org.id, url: 'https://outlook.office365.com/owa/calendar/0123456789abcdef0123456789abcdef@oxhagen.se/fedcba9876543210/calendar.ics', category: 'kurs', createdBy: null }, FIXED_NOW);
    await recordFailure(db, failing, { code: 'imports.errors.http', params: { status: '500' } }, FIXED_NOW);
    context = await h.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'sv-SE' });
    page = await context.newPage();
    await signInFirstCoordinator(h, page);
  });
  afterAll(async () => {
    await context?.close();
    await h?.close();
  });

  it('the organisation’s calendars and the coordinator’s list pass axe and fit a 360 px phone', async () => {
    for (const path of [`/hantera/${slug}/kalender`, `/en/hantera/${slug}/kalender`, `/ar/hantera/${slug}/kalender`, '/admin/kalendrar']) {
      await page.goto(`${h.baseUrl}${path}`);
      expect(await page.locator('h1').isVisible(), path).toBe(true);
      await page.locator('details summary').first().click().catch(() => {});
      await expectNoHorizontalScroll(page, path);
      await expectAccessible(page, path);
      await screenshot(page, `${path.slice(1).replace(/[^a-z0-9]+/g, '-')}-360`);
    }
    await page.goto(`${h.baseUrl}/admin/kalendrar`);
    expect(await page.locator('nav[aria-label="Administration"] a[aria-current="page"]').textContent()).toBe('Kalendrar');
    expect(await page.locator('tbody tr').first().textContent()).toContain('Fungerar inte');
  });

  it('shows errors beside the fields, keeps the input and passes axe', async () => {
    await page.goto(`${h.baseUrl}/hantera/${slug}/kalender`);
    await page.getByLabel('Kalenderns adress').fill('http://192.168.1.20/kalender.ics');
    await page.getByRole('button', { name: 'Koppla kalendern' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#field-url-error').textContent()).toContain('internt nätverk');
    expect(await page.locator('#field-category-error').textContent()).toBe('Välj en kategori.');
    expect(await page.getByLabel('Kalenderns adress').inputValue()).toBe('http://192.168.1.20/kalender.ics');
    await expectNoHorizontalScroll(page, 'connect form with errors');
    await expectAccessible(page, 'connect form with errors');
  });
});
