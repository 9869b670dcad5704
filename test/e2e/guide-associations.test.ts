/**
 * The guides' knowledge of associations and telling signed-up people about a changed date, in
 * Chromium on a 360 px phone, in Swedish and Arabic (right to left): a guide's organisation page
 * with its forms (errors beside the fields, nothing typed lost), the public activity page showing
 * "we are looking for volunteers", and an organiser cancelling a date with sign-ups after being told
 * how many will get an e-mail. Axe, whole words and no sideways scrolling on each.
 */
import { inject, describe, expect, it } from 'vitest';
import { NETWORK_MEETING_TITLE, THEME_LUNCH_TITLE } from '../../src/features/network/index.js';
import { checkScreen, screenshot, useBrowserHarness } from '../support/browser.js';

const skip = inject('chromiumSkip');

describe.skipIf(skip)('associations and changed dates in Chromium', () => {
  const h = useBrowserHarness();

  for (const [lang, prefix] of [
    ['sv', ''],
    ['ar', '/ar'],
  ] as const) {
    it(`lets a guide keep an association's contacts, visits and needs in ${lang}`, async () => {
      const page = await h.signedIn({ isGuide: true, name: `Lots ${lang}` }, lang);
      await page.goto(`${h.baseUrl}${prefix}/lots/foreningar`);
      await checkScreen(page, `associations list ${lang}`);
      await page.locator('a[href$="/lots/foreningar/roda-korset-orebro"]').click();
      await page.waitForLoadState();
      if (lang === 'ar') expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await page.locator('body').innerText()).toContain('Maria Lindqvist');
      await checkScreen(page, `association page ${lang}`);
      await screenshot(page, `association-${lang}-360`);

      const name = lang === 'ar' ? 'سلمى' : 'Selma';
      await page.locator('#field-name').fill(name);
      await page.locator('#field-email').fill('fel-adress');
      await page.locator('form[action$="/kontakter"] button[type="submit"]').click();
      await page.waitForLoadState();
      expect(await page.locator('#field-email-error').isVisible()).toBe(true);
      expect(await page.locator('.error-summary').isVisible()).toBe(true);
      expect(await page.locator('#field-name').inputValue()).toBe(name);
      await checkScreen(page, `association contact errors ${lang}`);
      await page.locator('#field-email').fill(`selma-${lang}@example.org`);
      await page.locator('form[action$="/kontakter"] button[type="submit"]').click();
      await page.waitForURL(/sparad=contactAdded/);
      expect(await page.locator('body').innerText()).toContain(`selma-${lang}@example.org`);

      await page.locator('#field-visitNote').fill(lang === 'ar' ? 'زيارة للمقهى' : 'Besök på caféet');
      await page.locator('#field-visitKind').selectOption('visit');
      await page.locator('form[action$="/besok"] button[type="submit"]').click();
      await page.waitForURL(/sparad=visitAdded/);
      await page.locator('#field-hasRoom input[value="no"]').check();
      await page.locator('form[action$="/behov"] button[type="submit"]').click();
      await page.waitForURL(/sparad=flags/);
      expect(await page.locator('#field-hasRoom input[value="no"]').isChecked()).toBe(true);
      await checkScreen(page, `association page saved ${lang}`);
    });

    it(`shows "we are looking for volunteers" on the public activity page in ${lang}`, async () => {
      const db = h.testApp.database.db;
      const a = await db.selectFrom('activities').select(['id', 'slug']).where('title', '=', 'Läxhjälp för barn i årskurs 1–6').executeTakeFirstOrThrow();
      const page = await h.phone(lang);
      await page.goto(`${h.baseUrl}${prefix}/aktivitet/${a.id}-${a.slug}`);
      const text = await page.locator('.public-needs').innerText();
      expect(text).toContain(lang === 'ar' ? 'نبحث عن متطوعين' : 'Vi söker volontärer');
      expect(await page.locator('.public-needs a[href*="/jag-vill-hjalpa-till/"]').count()).toBeGreaterThan(0);
      await checkScreen(page, `activity with needs ${lang}`);
      await screenshot(page, `activity-needs-${lang}-360`);
    });
  }

  for (const [lang, prefix, title] of [
    ['sv', '', NETWORK_MEETING_TITLE],
    ['ar', '/ar', THEME_LUNCH_TITLE],
  ] as const) {
    it(`lets the organiser cancel a date with sign-ups, told how many get an e-mail, in ${lang}`, async () => {
      const db = h.testApp.database.db;
      const a = await db.selectFrom('activities').select('id').where('title', '=', title).executeTakeFirstOrThrow();
      const page = await h.signedIn({ isAdmin: true }, lang);
      await page.goto(`${h.baseUrl}${prefix}/hantera/orebro-foreningsrad/aktivitet/${a.id}/installt`);
      const told = page.locator('#field-date label').filter({ hasText: lang === 'ar' ? 'بريد إلكتروني' : 'får ett mejl' }).first();
      expect(await told.count()).toBe(1);
      await checkScreen(page, `cancel a date ${lang}`);
      await screenshot(page, `cancel-date-signups-${lang}-360`);
      const date = await told.locator('input').getAttribute('value');
      const people = await db.selectFrom('eventSignups').select('id').where('activityId', '=', a.id).where('localDate', '=', date!).where('status', 'in', ['confirmed', 'waiting']).execute();
      await told.locator('input').check();
      await page.locator('#field-note').fill('Lokalen är stängd');
      await page.locator('form.panel button[type="submit"]').click();
      await page.waitForURL(/sparad=cancelled/);
      const mails = await db.selectFrom('outbox').select(['subjectRef', 'textBody']).where('purpose', '=', 'event-dateCancelled').where('subjectRef', 'in', people.map((p) => `signup:${p.id}`)).execute();
      expect(mails).toHaveLength(people.length);
      expect(mails[0]!.textBody).toContain('Lokalen är stängd');
      await checkScreen(page, `workspace after cancelling ${lang}`);
    });
  }
});
