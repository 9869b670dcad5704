/**
 * The mapping survey in Chromium on a 360 px phone, in Swedish and Arabic (right to left): an editor
 * fills the form, meets an error with everything typed kept, submits, and reads the public report;
 * the report's PDF holds the consented answers and none of the others; the coordinator's screens.
 * Axe and no sideways scrolling on each.
 */
import { inject, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkScreen, screenshot, useBrowserHarness } from '../support/browser.js';
import { pdfText } from '../support/pdf-text.js';

const skip = inject('chromiumSkip');

describe.skipIf(skip)('the mapping survey in Chromium', () => {
  const h = useBrowserHarness();

  async function organisationId(slug: string): Promise<number> {
    return (await h.testApp.database.db.selectFrom('organisations').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
  }

  const submit = async (page: Page, intent: 'submit' | 'draft') => {
    await page.locator(`form button[name="intent"][value="${intent}"]`).click();
    await page.waitForLoadState();
  };

  for (const [lang, prefix, slug, description] of [
    ['sv', '', 'rfsl-orebro', 'Regnbågsfika varannan söndag i centrum.'],
    ['ar', '/ar', 'radda-barnen-orebro', 'Läxhjälp och lek för barn på lördagar.'],
  ] as const) {
    it(`fills in the survey with an error first, submits and reads the report in ${lang}`, async () => {
      const page = await h.signedIn({ organisationIds: [await organisationId(slug)] }, lang);
      await page.goto(`${h.baseUrl}${prefix}/hantera/${slug}`);
      await page.locator(`a[href="${prefix}/hantera/${slug}/kartlaggning"]`).click();
      await page.waitForLoadState();
      if (lang === 'ar') expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await checkScreen(page, `survey form ${lang}`);

      await page.locator('input[name="q_activities"][value="meeting_place"]').check();
      await page.locator('input[name="q_activities"][value="other"]').check();
      await page.locator('#field-q_description').fill(description);
      await page.locator('input[name="p_description"][value="public"]').check();
      await submit(page, 'submit');
      expect(await page.locator('.error-summary').isVisible()).toBe(true);
      expect(await page.locator('#field-q_activities_other-error').isVisible()).toBe(true);
      expect(await page.locator('#field-q_plans-error').isVisible()).toBe(true);
      expect(await page.locator('#field-q_description').inputValue()).toBe(description);
      expect(await page.locator('input[name="p_description"][value="public"]').isChecked()).toBe(true);
      expect(await page.locator('input[name="q_activities"][value="meeting_place"]').isChecked()).toBe(true);
      await checkScreen(page, `survey form with errors ${lang}`);
      await screenshot(page, `survey-form-errors-${lang}-360`);

      await page.locator('#field-q_activities_other').fill('Studiecirkel');
      await page.locator('input[name="q_plans"][value="maybe"]').check();
      await page.locator('input[name="q_network"][value="yes"]').check();
      await page.locator('input[name="p_network"][value="public"]').check();
      await page.locator('#field-q_networkContact').fill('Kim, kim@example.org');
      await submit(page, 'submit');
      expect(page.url()).toMatch(/\/kartlaggning\?sparad=submitted$/);
      expect(await page.locator('.notice[role="status"]').isVisible()).toBe(true);
      await checkScreen(page, `survey form submitted ${lang}`);

      await page.goto(`${h.baseUrl}${prefix}/kartlaggning/2026`);
      await checkScreen(page, `survey report ${lang}`);
      await screenshot(page, `survey-report-${lang}-360`);
      const body = await page.locator('main').innerText();
      expect(body).toContain(description);
      expect(body).not.toContain('kim@example.org');
      expect(body).not.toContain('Simskola');
      expect(await page.locator('.survey-count').count()).toBeGreaterThan(3);
    });
  }

  it('draws the public report as a PDF with consented answers only', async () => {
    const res = await fetch(`${h.baseUrl}/kartlaggning/2026/skriv-ut.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="tillsammans-kartlaggning-2026-sv.pdf"');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    // Consented answers are there (so the reading works) ...
    expect(text).toContain('Kartläggning 2026');
    expect(text).toContain('Lördagsskola');
    // ... and answers only for the coordinator are not.
    for (const secret of ['Simskola', 'dagcenter', 'Anna Berg', 'lars.ek']) expect(text, secret).not.toContain(secret);
  });

  it('shows the coordinator’s screens on a phone', async () => {
    const page = await h.signedIn({ isAdmin: true, name: 'Maria Lind' });
    await page.goto(`${h.baseUrl}/admin/kartlaggning`);
    await checkScreen(page, 'survey admin');
    await page.locator('.card-list h3 a').first().click();
    await page.waitForLoadState();
    await checkScreen(page, 'survey round');
    await screenshot(page, 'survey-round-sv-360');
    await page.locator('a[href$="/rapport"]').click();
    await page.waitForLoadState();
    expect(await page.locator('main').innerText()).toContain('Simskola för kvinnor');
    await checkScreen(page, 'survey internal report');
  });
});
