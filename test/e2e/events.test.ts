/**
 * Events with sign-up on a 360 px phone in Swedish and right-to-left Arabic, with axe: from the
 * activity page to the form, the confirmation mail in the outbox, and cancelling by its link (a page
 * with a button); then the organiser's check-in with big tap targets.
 */
import { inject, afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { listOutbox } from '../../src/features/mail/index.js';
import { NETWORK_MEETING_TITLE } from '../../src/features/network/index.js';
import { expectAccessible, expectNoHorizontalScroll, expectWholeWords, screenshot, signedInContext, startBrowserHarness, type BrowserHarness } from '../support/browser.js';

const skip = inject('chromiumSkip');

describe.skipIf(skip)('events with sign-up in Chromium', () => {
  let h: BrowserHarness;
  let context: BrowserContext;
  let page: Page;
  let meetingId: number;

  beforeAll(async () => {
    h = await startBrowserHarness();
    meetingId = (await h.testApp.database.db.selectFrom('activities').select('id').where('title', '=', NETWORK_MEETING_TITLE).executeTakeFirstOrThrow()).id;
    context = await h.browser.newContext({ viewport: { width: 360, height: 740 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await h?.close();
  });

  const check = async (label: string) => {
    await expectNoHorizontalScroll(page, label);
    await expectWholeWords(page, label);
    await expectAccessible(page, label);
  };

  for (const [prefix, lang, email] of [
    ['', 'sv', 'sara.e2e@exempel.se'],
    ['/ar', 'ar', 'amal.e2e@exempel.se'],
  ] as const) {
    it(`signs up from the activity page, gets the mail and cancels by its link (${lang})`, async () => {
      await page.goto(`${h.baseUrl}${prefix}/aktivitet/${meetingId}`);
      expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      await expect.poll(() => page.locator('#signup-heading').isVisible()).toBe(true);
      await check(`activity ${lang}`);
      await page.locator('.signup-dates a.button').first().click();
      await page.waitForURL(/\/anmalan\/\d+\/\d{4}-\d{2}-\d{2}$/);
      await check(`sign-up form ${lang}`);
      // The honeypot is there for robots, out of sight and out of the tab order for people.
      const box = await page.locator('#signup-form .honeypot').boundingBox();
      expect(box!.width * box!.height).toBeLessThanOrEqual(1);

      // Sent without answers: errors beside the fields, in the page's language.
      await page.locator('#signup-form button[type="submit"]').click();
      await expect.poll(() => page.locator('#field-name-error').isVisible()).toBe(true);
      await check(`sign-up errors ${lang}`);

      await page.locator('#field-name').fill(lang === 'ar' ? 'أمل حسن' : 'Sara Ek');
      await page.locator('#field-email').fill(email);
      await page.locator('#field-organisation').fill(lang === 'ar' ? 'جمعية النساء' : 'Kvinnojouren');
      await page.locator('#field-consent-box').check();
      await screenshot(page, `events-form-${lang}-360`);
      await page.locator('#signup-form button[type="submit"]').click();
      await page.waitForURL(/\/klart/);
      await check(`sign-up done ${lang}`);

      const mail = (await listOutbox(h.testApp.database.db, { limit: 100, offset: 0 })).find((m) => m.to === email && m.purpose === 'event-confirmed');
      expect(mail, `confirmation to ${email}`).toBeTruthy();
      const path = /http:\/\/tillsammans\.test(\/[^\s]*\/anmalan\/avboka\/[A-Za-z0-9_-]+)/.exec(mail!.text)?.[1] ?? /http:\/\/tillsammans\.test(\/anmalan\/avboka\/[A-Za-z0-9_-]+)/.exec(mail!.text)?.[1];
      expect(path).toBeTruthy();
      await page.goto(`${h.baseUrl}${path}`);
      await check(`cancel ${lang}`);
      const row = () => h.testApp.database.db.selectFrom('eventSignups').select('status').where('email', '=', email).executeTakeFirstOrThrow();
      expect((await row()).status).toBe('confirmed');
      await page.locator('main form button[type="submit"]').click();
      await expect.poll(async () => (await row()).status).toBe('cancelled');
      await expect.poll(() => page.locator('.notice[role="status"]').isVisible()).toBe(true);
      await check(`cancelled ${lang}`);
      await screenshot(page, `events-cancelled-${lang}-360`);
    });
  }

  it('checks people in at the door with big buttons, without script', async () => {
    const db = h.testApp.database.db;
    const org = await db.selectFrom('organisations').select(['id', 'slug']).where('slug', '=', 'orebro-foreningsrad').executeTakeFirstOrThrow();
    const date = (await db.selectFrom('eventSettings').select('localDate').where('activityId', '=', meetingId).orderBy('localDate', 'desc').executeTakeFirstOrThrow()).localDate;
    const editor = await signedInContext(h, { organisationIds: [org.id] }, { viewport: { width: 360, height: 740 } });
    const phone = await editor.newPage();
    try {
      await phone.goto(`${h.baseUrl}/hantera/${org.slug}/aktivitet/${meetingId}/anmalan/${date}/incheckning`);
      const first = phone.locator('.checkin-button').first();
      const size = await first.boundingBox();
      expect(size!.height).toBeGreaterThanOrEqual(48);
      expect(await first.getAttribute('aria-pressed')).toBe('false');
      await first.click();
      await phone.waitForLoadState();
      await expect.poll(() => phone.locator('.checkin-button').first().getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => phone.locator('.checkin-count').textContent()).toMatch(/^1 av \d+ har kommit$/);
      await expectNoHorizontalScroll(phone, 'check-in');
      await expectAccessible(phone, 'check-in');
      await screenshot(phone, 'events-checkin-sv-360');
      await phone.goto(`${h.baseUrl}/hantera/${org.slug}/aktivitet/${meetingId}/anmalan`);
      await expectNoHorizontalScroll(phone, 'organiser overview');
      await expectAccessible(phone, 'organiser overview');
      await screenshot(phone, 'events-overview-sv-360');
      await phone.goto(`${h.baseUrl}/hantera/${org.slug}/aktivitet/${meetingId}/anmalan/${date}`);
      await expectAccessible(phone, 'attendee list');
      await screenshot(phone, 'events-attendees-sv-360');
    } finally {
      await editor.close();
    }
  });
});
