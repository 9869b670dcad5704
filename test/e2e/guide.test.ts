/**
 * The föreningslots loop in Chromium: a newcomer asks for help in Arabic (too quick a send is asked
 * again, above the form), a guide (in Swedish) takes the case, sees ranked suggestions, refers, the
 * organisation answers from the link in its e-mail (which names nobody), the case closes, and after
 * the retention period (injected clock) the personal data is gone while the statistics still count
 * the case. A guide merges two cases that are one person. Axe on every page on the way.
 */
import { inject, afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { eraseExpired, submitCase } from '../../src/features/guide/index.js';
import { listOutbox } from '../../src/features/mail/index.js';
import { FIXED_NOW } from '../support/app.js';
import { expectAccessible, expectNoHorizontalScroll, screenshot, signedInContext, startBrowserHarness, type BrowserHarness } from '../support/browser.js';

const skip = inject('chromiumSkip');

describe.skipIf(skip)('föreningslots in Chromium', () => {
  let h: BrowserHarness;
  let newcomer: BrowserContext;
  let guideContext: BrowserContext;
  let organisation: BrowserContext;
  let person: Page;
  let guide: Page;
  let clock = FIXED_NOW;
  /** Time passing on the server's clock, as it does while a person fills the form in. */
  const wait = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };

  beforeAll(async () => {
    h = await startBrowserHarness({ clock: () => clock });
    newcomer = await h.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'ar' });
    guideContext = await signedInContext(h, { isGuide: true, name: 'Nadia' }, { viewport: { width: 390, height: 800 } });
    organisation = await h.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'sv-SE' });
    person = await newcomer.newPage();
    guide = await guideContext.newPage();
  });
  afterAll(async () => {
    await Promise.all([newcomer?.close(), guideContext?.close(), organisation?.close()]);
    await h?.close();
  });

  async function check(page: Page, label: string) {
    await expectNoHorizontalScroll(page, label);
    await expectAccessible(page, label);
  }

  it('request in Arabic → guide → suggestion → referral → answer → joined → erased, still counted', async () => {
    const db = h.testApp.database.db;
    // A language café to be found: its district and weekday.
    const cafe = await db
      .selectFrom('activities as a')
      .innerJoin('places as p', 'p.id', 'a.placeId')
      .innerJoin('schedules as s', 's.activityId', 'a.id')
      .select(['a.id', 'a.title', 'p.districtId', 's.rrule', 's.startTime'])
      .where('a.category', '=', 'sprakcafe')
      .where('a.status', '=', 'published')
      .where('s.rrule', 'like', 'FREQ=WEEKLY;BYDAY=%')
      .orderBy('a.id')
      .executeTakeFirstOrThrow();
    const day = /BYDAY=(\w\w)/.exec(cafe.rrule!)![1]!;

    // The request, in Arabic, right to left, on a phone.
    await person.goto(`${h.baseUrl}/ar/hitta-forening`);
    expect(await person.locator('html').getAttribute('dir')).toBe('rtl');
    await check(person, 'request form ar');
    await person.locator('input[name="interests"][value="sprakcafe"]').check();
    await person.locator('#field-firstName').fill('أمل');
    await person.locator('#field-phone').fill('070-174 06 05');
    await person.locator('#field-contactLanguage').selectOption('ar');
    if (cafe.districtId !== null) await person.locator('#field-districtId').selectOption(String(cafe.districtId));
    await person.locator(`input[name="freeDays"][value="${day}"]`).check();
    await person.locator(`input[name="freeTimes"][value="${cafe.startTime >= '17:00' ? 'evening' : 'daytime'}"]`).check();
    // Forgetting the consent keeps everything typed.
    await person.locator('form.request-form button[type="submit"]').click();
    await person.waitForLoadState();
    expect(await person.locator('#field-consent-error').isVisible()).toBe(true);
    expect(await person.locator('#field-firstName').inputValue()).toBe('أمل');
    await check(person, 'request form ar with errors');
    await person.locator('#field-consent-box').check();
    // Sent within a second of opening the form (the server's clock stands still): asked again, above the form.
    await person.locator('form.request-form button[type="submit"]').click();
    await person.waitForLoadState();
    const notice = person.locator('form.request-form .notice[role="alert"]');
    expect(await notice.textContent()).toContain('إرسال مرة أخرى');
    expect(await person.locator('#field-firstName').inputValue()).toBe('أمل');
    expect(await person.locator('#field-consent-box').isChecked()).toBe(true);
    await check(person, 'request form ar sent too fast');
    await screenshot(person, 'guide-request-too-fast-ar-360');
    wait(40);
    await person.locator('form.request-form button[type="submit"]').click();
    await person.waitForLoadState();
    const reference = (await person.locator('.reference strong').textContent())!.trim();
    expect(reference).toMatch(/^[2-9A-Z]{2}-[2-9A-Z]{4}$/);
    await check(person, 'request done ar');
    await screenshot(person, 'guide-request-done-ar-360');

    // The guide, in Swedish, finds the case and takes it.
    await guide.goto(`${h.baseUrl}/lots`);
    await check(guide, 'cases');
    await guide.getByRole('link', { name: reference }).click();
    await check(guide, 'case');
    expect(await guide.locator('main').textContent()).toContain('أمل');
    await guide.locator('#field-status').selectOption('contacted');
    await guide.getByRole('button', { name: 'Spara läget' }).click();
    await guide.waitForURL(/sparad=status/);

    // Ranked suggestions, with reasons; the language café is among the first.
    await guide.getByRole('link', { name: 'Förslag och hänvisningar' }).click();
    await check(guide, 'suggestions');
    const titles = await guide.locator('main h3').allTextContents();
    expect(titles.slice(0, 5).join('|')).toContain(cafe.title);
    const card = guide.locator('li', { has: guide.locator('h3', { hasText: cafe.title }) }).first();
    await card.getByRole('button', { name: 'Hänvisa' }).click();
    await guide.waitForLoadState();
    const mail = (await listOutbox(db, { limit: 5, offset: 0 })).find((m) => m.text.includes(reference) && /\/svar\//.test(m.text))!;
    // The mail names nobody: the organisation sees who is coming behind the link.
    expect(mail.text).not.toContain('أمل');
    expect(mail.text).not.toContain('46701740605');
    const answerLink = /https?:\/\/\S+\/svar\/\S+/.exec(mail.text)![0].replace(/^https?:\/\/[^/]+/, h.baseUrl);

    // The organisation answers from the link in its e-mail, without an account.
    const org = await organisation.newPage();
    await org.goto(answerLink);
    await check(org, 'referral answer');
    expect(await org.locator('main').textContent()).toContain('أمل');
    await org.locator('textarea').fill('Välkommen på torsdag kl 18!');
    await org.getByRole('button', { name: 'Välkommen!' }).click();
    await org.waitForLoadState();
    expect(await org.locator('h1').textContent()).toContain('Tack');
    expect(await org.locator('main').textContent()).toContain('+46701740605');
    await check(org, 'referral answered, how to reach the person');

    // The guide sees the answer and closes the case as joined.
    await guide.reload();
    expect(await guide.locator('main').textContent()).toContain('Välkommen på torsdag');
    const caseId = Number(/\/lots\/arende\/(\d+)/.exec(guide.url())![1]);
    await guide.goto(`${h.baseUrl}/lots/arende/${caseId}`);
    await guide.locator('#field-status').selectOption('joined');
    await guide.getByRole('button', { name: 'Spara läget' }).click();
    await guide.waitForURL(/sparad=status/);

    // A year later the personal data is gone; the statistics still count the case.
    const closedAt = (await db.selectFrom('guideCases').select('closedAt').where('id', '=', caseId).executeTakeFirstOrThrow()).closedAt!;
    const later = new Date(new Date(closedAt).getTime() + 366 * 864e5);
    expect(await eraseExpired(db, later, 12)).toBeGreaterThanOrEqual(1);
    await guide.goto(`${h.baseUrl}/lots/arende/${caseId}`);
    const text = (await guide.locator('main').textContent())!;
    expect(text).not.toContain('أمل');
    expect(text).not.toContain('46701740605');
    await check(guide, 'erased case');
    await guide.goto(`${h.baseUrl}/lots/statistik`);
    await check(guide, 'statistics');
    expect(await guide.locator('main').textContent()).toMatch(/1/);
  });

  it('shows a guide two cases that may be one person and merges them with one click', async () => {
    const db = h.testApp.database.db;
    // A mother and her son who share a phone: two requests, two cases, each with its own reference.
    const base = { phone: '+46707654321', email: null, contactLanguage: 'ar', districtId: null, interestText: null, freeDays: [], freeTimes: [], onBehalf: false, helperName: null };
    await submitCase(db, { ...base, firstName: 'Amal', ageGroup: 'adult', interests: ['sprakcafe'] }, clock);
    await submitCase(db, { ...base, firstName: 'Omar', ageGroup: 'youth', interests: ['idrott'] }, clock);
    const shared = await db.selectFrom('guideCases').select(['id', 'reference', 'firstName']).where('phone', '=', '+46707654321').orderBy('id').execute();
    expect(shared.map((c) => c.firstName)).toEqual(['Amal', 'Omar']);
    const [amal, omar] = shared as [(typeof shared)[number], (typeof shared)[number]];
    await guide.goto(`${h.baseUrl}/lots/arende/${amal.id}`);
    const section = guide.locator('section', { has: guide.locator('#same-person-heading') });
    expect(await section.textContent()).toContain(omar.reference);
    expect(await section.textContent()).toContain('Samma telefon');
    await check(guide, 'case with maybe the same person');
    await screenshot(guide, 'guide-same-person-390');
    await section.getByRole('button', { name: `Slå ihop och behåll ${amal.reference}` }).click();
    await guide.waitForURL(/sparad=merged/);
    expect(await guide.locator('.notice[role="status"]').textContent()).toContain('Ärendena är ihopslagna');
    expect(await guide.locator('#same-person-heading').count()).toBe(0);
    await check(guide, 'merged case');
    await guide.goto(`${h.baseUrl}/ar/lots/arende/${omar.id}`);
    expect(await guide.locator('main').textContent()).not.toContain('Omar');
    await check(guide, 'merged-away case ar');
  });
});
