/** The coordinator's organisation, activity, place and history screens in Chromium on a phone: axe, no sideways scroll, one place merge. */
import { inject, afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { insertActivity } from '../../src/features/calendar/activity.store.js';
import { insertPlace } from '../../src/features/places/index.js';
import { FIXED_NOW } from '../support/app.js';
import { expectAccessible, expectNoHorizontalScroll, screenshot, signInFirstCoordinator, startBrowserHarness, type BrowserHarness } from '../support/browser.js';
import { activityInput } from '../support/factories.js';

const skip = inject('chromiumSkip');

const place = (name: string, address: string) => ({
  name,
  address,
  postalCode: null,
  city: 'Örebro',
  districtId: null,
  latitude: null,
  longitude: null,
  accessibility: 'Ramp vid entrén. <b>Inte fetstil</b>',
  stepFree: true,
  directions: null,
});

describe.skipIf(skip)('coordinator lists in Chromium', () => {
  let h: BrowserHarness;
  let context: BrowserContext;
  let page: Page;
  let fromId: number;
  let intoId: number;
  let activityId: number;

  beforeAll(async () => {
    h = await startBrowserHarness();
    const db = h.testApp.database.db;
    fromId = await insertPlace(db, place('Gamla Folkets hus', 'Gamla vägen 1'), FIXED_NOW);
    intoId = await insertPlace(db, place('Nya Folkets hus', 'Nya vägen 2'), FIXED_NOW);
    activityId = await insertActivity(db, activityInput({ title: 'Flyttkören', placeId: fromId }), FIXED_NOW, '2026-11-26');
    context = await h.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'sv-SE' });
    page = await context.newPage();
    await signInFirstCoordinator(h, page);
  });
  afterAll(async () => {
    await context?.close();
    await h?.close();
  });

  it('every list and form passes axe and fits a 360 px phone', async () => {
    for (const path of [
      '/admin/organisationer',
      '/admin/aktiviteter?status=published',
      '/admin/platser',
      '/admin/platser/ny',
      `/admin/platser/${fromId}`,
      `/admin/platser/${fromId}/sla-ihop`,
    ]) {
      await page.goto(`${h.baseUrl}${path}`);
      expect(await page.locator('h1').isVisible(), path).toBe(true);
      expect(await page.locator('nav[aria-label="Administration"] a[aria-current="page"]').count(), path).toBe(1);
      await expectNoHorizontalScroll(page, path);
      await expectAccessible(page, path);
      await screenshot(page, `${path.slice(1).replace(/\?.*$/, '').replace(/[^a-z0-9]+/g, '-')}-sv-360`);
    }
  });

  it('a place form with errors keeps the input and passes axe', async () => {
    await page.goto(`${h.baseUrl}/admin/platser/ny`);
    await page.getByLabel('Gatuadress').fill('Storgatan 9');
    await page.getByLabel('Postnummer').fill('12');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#field-name-error').textContent()).toBe('Skriv platsens namn.');
    expect(await page.locator('#field-postalCode-error').textContent()).toContain('fem siffror');
    expect(await page.getByLabel('Gatuadress').inputValue()).toBe('Storgatan 9');
    await expectNoHorizontalScroll(page, 'place form with errors');
    await expectAccessible(page, 'place form with errors');
  });

  it('organisation trusted toggle from the list, then its history', async () => {
    await page.goto(`${h.baseUrl}/admin/organisationer`);
    const button = page.locator('form[action$="/betrodd"] button').first();
    await button.click();
    await page.waitForLoadState();
    expect(await page.locator('p.notice[role="status"]').textContent()).toMatch(/betrodd/);
    await page.locator('a[href^="/admin/historik/organisation/"]').first().click();
    await page.waitForLoadState();
    expect(await page.locator('h1').textContent()).toMatch(/^Historik för /);
    await expectNoHorizontalScroll(page, 'organisation history');
    await expectAccessible(page, 'organisation history');
  });

  it('merges one place into another through the form', async () => {
    await page.goto(`${h.baseUrl}/admin/platser/${fromId}/sla-ihop`);
    expect(await page.getByText('1 aktivitet flyttas.').isVisible()).toBe(true);
    await page.getByLabel('Flytta till platsen').selectOption({ label: 'Nya Folkets hus (Nya vägen 2)' });
    await page.getByRole('button', { name: 'Slå ihop platserna' }).click();
    await page.waitForLoadState();
    expect(await page.locator('p.notice[role="status"]').textContent()).toBe('1 aktivitet flyttades från Gamla Folkets hus till Nya Folkets hus.');
    expect(await page.locator('h1').textContent()).toBe('Platser');
    await expectAccessible(page, 'places after merge');

    await page.goto(`${h.baseUrl}/aktivitet/${activityId}-flyttkoren`);
    expect(await page.locator('main').textContent()).toContain('Nya Folkets hus');

    for (const id of [fromId, intoId]) {
      const path = `/admin/historik/place/${id}`;
      await page.goto(`${h.baseUrl}${path}`);
      expect(await page.locator('h2', { hasText: 'Platser slogs ihop' }).count(), path).toBe(1);
      await expectNoHorizontalScroll(page, path);
      await expectAccessible(page, path);
    }
    await screenshot(page, 'admin-place-history-sv-360');
  });
});
