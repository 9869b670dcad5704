/**
 * Joining the network in Chromium on a 360 px phone, in Swedish and Arabic (right to left): the
 * "Vill er förening vara med?" form reached from the directory, sent with errors first (each shown
 * beside its field, nothing typed lost), then sent; the confirmation link's page and its button; and
 * the coordinator approving the request, after which the contact's invitation signs them into the new
 * organisation's workspace. Axe and no sideways scrolling on every screen.
 */
import { inject, describe, expect, it } from 'vitest';
import { listOutbox } from '../../src/features/mail/index.js';
import { FIXED_NOW } from '../support/app.js';
import { checkScreen, screenshot, useBrowserHarness } from '../support/browser.js';

const skip = inject('chromiumSkip');

describe.skipIf(skip)('organisations joining the network in Chromium', () => {
  let clock = FIXED_NOW;
  const h = useBrowserHarness({ clock: () => clock });
  /** Time passing on the server's clock, as it does while a person fills the form in. */
  const tick = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };

  /** The link in the newest mail to an address, pointed at the test server. */
  async function linkTo(to: string, pattern: RegExp): Promise<string> {
    const mails = await listOutbox(h.testApp.database.db, { limit: 100, offset: 0 });
    const mail = mails.find((m) => m.to === to)!;
    return pattern.exec(mail.text)![0].replace(/^https?:\/\/[^/]+/, h.baseUrl);
  }

  for (const [lang, prefix] of [
    ['sv', ''],
    ['ar', '/ar'],
  ] as const) {
    it(`asks to join in ${lang}: errors first, then sent and confirmed`, async () => {
      const page = await h.phone(lang);
      await page.goto(`${h.baseUrl}${prefix}/organisationer`);
      await page.locator(`main a[href="${prefix}/var-med"]`).click();
      await page.waitForURL(/\/var-med$/);
      if (lang === 'ar') expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await checkScreen(page, `join form ${lang}`);
      await screenshot(page, `joining-${lang}-360`);

      const name = lang === 'ar' ? 'جمعية النساء العربيات' : 'Vivalla Sykafé';
      await page.locator('#field-name').fill(name);
      await page.locator('#field-email').fill('inte-en-adress');
      await page.locator('#field-phone').fill('123');
      tick(30);
      await page.locator('main form button[type="submit"]').click();
      await page.waitForLoadState();
      expect(await page.locator('.error-summary').isVisible()).toBe(true);
      for (const f of ['kind', 'description', 'contactName', 'email', 'phone']) expect(await page.locator(`#field-${f}-error`).isVisible(), f).toBe(true);
      expect(await page.locator('#field-consent-error').isVisible()).toBe(true);
      expect(await page.locator('#field-name').inputValue()).toBe(name);
      expect(await page.locator('#field-email').inputValue()).toBe('inte-en-adress');
      await checkScreen(page, `join form with errors ${lang}`);

      await page.locator('#field-kind').selectOption('association');
      await page.locator('#field-description').fill('Vi syr och pratar svenska varje torsdag.');
      await page.locator('#field-contactName').fill(lang === 'ar' ? 'سلمى' : 'Sara Ek');
      await page.locator('#field-email').fill(`kontakt-${lang}@sykafe.example.org`);
      await page.locator('#field-phone').fill('070-174 06 05');
      await page.locator('input[name="districtIds"]').first().check();
      await page.locator('#field-showInDirectory').check();
      await page.locator('#field-consent-box').check();
      tick(30);
      await page.locator('main form button[type="submit"]').click();
      await page.waitForURL(/\/var-med\/tack$/);
      await checkScreen(page, `join sent ${lang}`);

      await page.goto(await linkTo(`kontakt-${lang}@sykafe.example.org`, /https?:\/\/\S+\/var-med\/bekrafta\/[A-Za-z0-9_-]+/));
      await checkScreen(page, `join confirm ${lang}`);
      await page.locator('main form button[type="submit"]').click();
      await page.waitForURL(/steg=klart/);
      await checkScreen(page, `join confirmed ${lang}`);
    });
  }

  it('is approved by the coordinator, and the invitation opens the new workspace', async () => {
    const page = await h.signedIn({ isAdmin: true, name: 'Samordnaren' });
    await page.goto(`${h.baseUrl}/admin`);
    await page.locator('a.stat-card[href="/admin/nya-foreningar"]').click();
    await page.waitForURL(/\/admin\/nya-foreningar$/);
    await checkScreen(page, 'join queue');
    await page.getByRole('link', { name: 'Vivalla Sykafé' }).click();
    await page.waitForLoadState();
    await checkScreen(page, 'join request');
    await screenshot(page, 'joining-admin-360');
    await page.locator('#field-slug').fill('Fel Adress!');
    await page.getByRole('button', { name: 'Godkänn och bjud in' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#field-slug-error').isVisible()).toBe(true);
    await checkScreen(page, 'join approve with error');
    await page.locator('#field-slug').fill('');
    await page.getByRole('button', { name: 'Godkänn och bjud in' }).click();
    await page.waitForURL(/klar=approved/);
    await checkScreen(page, 'join approved');

    const contact = await h.phone('sv');
    await contact.goto(await linkTo('kontakt-sv@sykafe.example.org', /https?:\/\/\S+\/logga-in\/lank\/[A-Za-z0-9_-]+/));
    await contact.getByRole('button', { name: 'Logga in' }).click();
    await contact.waitForURL(/\/hantera\/vivalla-sykafe$/);
    expect(await contact.locator('h1').textContent()).toContain('Vivalla Sykafé');
    await checkScreen(contact, 'new workspace');
  });
});
