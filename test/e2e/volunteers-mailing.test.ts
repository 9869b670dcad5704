/**
 * Volunteers and the mailing list in Chromium on a 360 px phone, in Swedish and Arabic (right to
 * left): the "Jag vill hjälpa till" list and a role's sign-up form with its errors and thanks; the
 * subscribe form with its errors, the confirmation link from the mail, the archive and leaving the
 * list; and the coordinator's and an organisation's screens. Axe and no sideways scrolling on each.
 */
import { inject, describe, expect, it } from 'vitest';
import { listOutbox } from '../../src/features/mail/index.js';
import { unsubscribeToken } from '../../src/features/network/mailing.js';
import { mailingKey } from '../../src/features/network/mailing.store.js';
import { checkScreen, screenshot, useBrowserHarness } from '../support/browser.js';

const skip = inject('chromiumSkip');

describe.skipIf(skip)('volunteers and the mailing list in Chromium', () => {
  const h = useBrowserHarness();

  /** The newest mail to an address, as the outbox holds it. */
  async function lastMailTo(to: string) {
    const mails = await listOutbox(h.testApp.database.db, { limit: 50, offset: 0 });
    return mails.find((m) => m.to === to)!;
  }

  for (const [lang, prefix] of [
    ['sv', ''],
    ['ar', '/ar'],
  ] as const) {
    it(`finds a role and signs up in ${lang}, errors first`, async () => {
      const page = await h.phone(lang);
      await page.goto(`${h.baseUrl}${prefix}/jag-vill-hjalpa-till`);
      if (lang === 'ar') expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await checkScreen(page, `volunteer roles ${lang}`);
      await screenshot(page, `volunteers-${lang}-360`);
      await page.locator('#field-typ').selectOption('homework');
      await page.locator('.inline-filters button[type="submit"]').click();
      await page.waitForLoadState();
      expect(await page.locator('.card-list > li').count()).toBe(1);
      await page.locator('.card-list h2 a').first().click();
      await page.waitForLoadState();
      await checkScreen(page, `volunteer role ${lang}`);

      await page.locator('#field-name').fill(lang === 'ar' ? 'أمل' : 'Lina');
      await page.locator('#field-email').fill('fel-adress');
      await page.locator('form button[type="submit"]').click();
      await page.waitForLoadState();
      expect(await page.locator('#field-email-error').isVisible()).toBe(true);
      expect(await page.locator('#field-consent-error').isVisible()).toBe(true);
      expect(await page.locator('.error-summary').isVisible()).toBe(true);
      expect(await page.locator('#field-name').inputValue()).toBe(lang === 'ar' ? 'أمل' : 'Lina');
      await checkScreen(page, `volunteer form with errors ${lang}`);

      await page.locator('#field-email').fill(`volontar-${lang}@example.org`);
      await page.locator('#field-message').fill('Jag har tid på tisdagar.');
      await page.locator('#field-consent-box').check();
      await page.locator('form button[type="submit"]').click();
      await page.waitForURL(/\/jag-vill-hjalpa-till\/tack$/);
      await checkScreen(page, `volunteer thanks ${lang}`);
      const confirmation = await lastMailTo(`volontar-${lang}@example.org`);
      expect(confirmation.purpose).toBe('volunteer-confirmation');
      if (lang === 'ar') expect(confirmation.text).toContain('شكرًا');
    });

    it(`subscribes with double opt-in in ${lang}, reads the archive and leaves`, async () => {
      const page = await h.phone(lang);
      await page.goto(`${h.baseUrl}${prefix}/nyhetsbrev`);
      await checkScreen(page, `subscribe ${lang}`);
      await page.locator('#field-email').fill(`prenumerant-${lang}@example.org`);
      await page.locator('form button[type="submit"]').click();
      await page.waitForLoadState();
      expect(await page.locator('#field-segments-error').isVisible()).toBe(true);
      expect(await page.locator('#field-email').inputValue()).toBe(`prenumerant-${lang}@example.org`);
      await checkScreen(page, `subscribe with errors ${lang}`);
      await page.locator('input[name="segments"]').first().check();
      await page.locator('form button[type="submit"]').click();
      await page.waitForURL(/\/nyhetsbrev\/tack$/);
      await checkScreen(page, `subscribe sent ${lang}`);

      const mail = await lastMailTo(`prenumerant-${lang}@example.org`);
      const link = /https?:\/\/\S+\/nyhetsbrev\/bekrafta\/\S+/.exec(mail.text)![0].replace(/^https?:\/\/[^/]+/, h.baseUrl);
      await page.goto(link);
      await checkScreen(page, `confirm ${lang}`);
      await page.locator('main form button[type="submit"]').click();
      await page.waitForURL(/steg=klart/);
      await checkScreen(page, `subscribed ${lang}`);

      await page.goto(`${h.baseUrl}${prefix}/nyhetsbrev/arkiv`);
      await checkScreen(page, `archive ${lang}`);
      await page.locator('.card-list h2 a').first().click();
      await page.waitForLoadState();
      await checkScreen(page, `archived message ${lang}`);

      const db = h.testApp.database.db;
      const subscriber = await db.selectFrom('mailingSubscribers').select('id').where('email', '=', `prenumerant-${lang}@example.org`).executeTakeFirstOrThrow();
      await page.goto(`${h.baseUrl}${prefix}/nyhetsbrev/avsluta/${unsubscribeToken(await mailingKey(db), subscriber.id)}`);
      await checkScreen(page, `unsubscribe ${lang}`);
      await page.locator('main form button[type="submit"]').click();
      await page.waitForLoadState();
      await checkScreen(page, `unsubscribed ${lang}`);
      expect(await db.selectFrom('mailingSubscribers').select('id').where('id', '=', subscriber.id).executeTakeFirst()).toBeUndefined();
    });
  }

  it('the coordinator’s and an organisation’s screens pass axe at 360 px', async () => {
    const db = h.testApp.database.db;
    const page = await h.signedIn({ isAdmin: true });
    const campaign = await db.selectFrom('volunteerCampaigns').select('id').executeTakeFirstOrThrow();
    const message = await db.selectFrom('mailingMessages').select('id').executeTakeFirstOrThrow();
    for (const path of ['/admin/volontarer', `/admin/volontarer/kampanjer/${campaign.id}`, '/admin/utskick', '/admin/utskick/nytt', `/admin/utskick/${message.id}`, '/admin/utskick/pausade', '/admin/utskick/segment/1', '/ar/admin/utskick']) {
      await page.goto(`${h.baseUrl}${path}`);
      await checkScreen(page, path);
    }
    const org = await db.selectFrom('organisations').select(['id', 'slug']).where('slug', '=', 'roda-korset-orebro').executeTakeFirstOrThrow();
    const ed = await h.signedIn({ organisationIds: [org.id] });
    await ed.goto(`${h.baseUrl}/hantera/${org.slug}/volontarer`);
    await checkScreen(ed, 'workspace roles');
    await ed.goto(`${h.baseUrl}/hantera/${org.slug}/volontarer/ny`);
    await ed.locator('form button[type="submit"]').first().click();
    await ed.waitForLoadState();
    expect(await ed.locator('.error-summary').isVisible()).toBe(true);
    await checkScreen(ed, 'workspace role form with errors');
  });
});
