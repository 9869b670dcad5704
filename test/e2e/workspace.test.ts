/**
 * The whole path in Chromium: the coordinator invites an editor, the editor signs in by the link in
 * the e-mail, creates a weekly activity that waits for review, the coordinator approves it and it
 * shows on the public start page. Axe checks every workspace and review page on the way.
 */
import { inject, afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { listOutbox } from '../../src/features/mail/index.js';
import { expectAccessible, expectNoHorizontalScroll, screenshot, signedInContext, signInFirstCoordinator, startBrowserHarness, type BrowserHarness } from '../support/browser.js';
import { signedInClient } from '../support/client.js';

const skip = inject('chromiumSkip');

describe.skipIf(skip)('workspace and review in Chromium', () => {
  let h: BrowserHarness;
  let coordinator: BrowserContext;
  let editor: BrowserContext;
  let admin: Page;
  let page: Page;

  beforeAll(async () => {
    h = await startBrowserHarness();
    coordinator = await h.browser.newContext({ viewport: { width: 1024, height: 900 }, locale: 'sv-SE' });
    editor = await h.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'sv-SE' });
    admin = await coordinator.newPage();
    page = await editor.newPage();
  });
  afterAll(async () => {
    await coordinator?.close();
    await editor?.close();
    await h?.close();
  });

  async function check(p: Page, label: string) {
    await expectNoHorizontalScroll(p, label);
    await expectAccessible(p, label);
  }

  it('invite → sign in by link → weekly activity → review → on the start page', async () => {
    await signInFirstCoordinator(h, admin);

    // The coordinator invites an editor of an organisation that is reviewed.
    await admin.goto(`${h.baseUrl}/admin/anvandare`);
    await admin.locator('input[name="email"]').fill('lina@oxhagen.test');
    await admin.locator('input[name="name"]').fill('Lina');
    await admin.locator('select[name="organisationId"]').selectOption({ label: 'Träffpunkt Oxhagen' });
    await admin.getByRole('button', { name: 'Skicka inbjudan' }).click();
    await admin.waitForLoadState();
    const [mail] = await listOutbox(h.testApp.database.db, { limit: 1, offset: 0 });
    expect(mail!.to).toBe('lina@oxhagen.test');
    const invite = /https?:\/\/\S+\/logga-in\/lank\/\S+/.exec(mail!.text)![0];

    // The editor signs in by the link and lands in the organisation's workspace.
    await page.goto(invite.replace(/^https?:\/\/[^/]+/, h.baseUrl));
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForLoadState();
    await page.goto(`${h.baseUrl}/hantera`);
    await page.waitForURL(/\/hantera\/traffpunkt-oxhagen$/);
    await check(page, 'workspace');

    // A weekly activity, first with a mistake: the error shows beside the field and nothing typed is lost.
    await page.getByRole('link', { name: 'Ny aktivitet' }).click();
    await check(page, 'activity form');
    await page.locator('#field-title').fill('Stickcafé på Oxhagen');
    await page.locator('#field-category').selectOption('motesplats');
    await page.locator('#field-description').fill('Vi stickar och pratar svenska. Ta med garn om du har.');
    await page.locator('#field-startDate').fill('2026-12-01');
    await page.locator('#field-startTime').fill('13:00');
    await page.locator('#field-endTime').fill('12:00');
    await page.locator('input[name="weekdays"][value="TU"]').check();
    await page.getByRole('button', { name: 'Skicka till granskning' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#field-endTime-error').textContent()).toContain('Sluttiden måste vara efter starttiden');
    expect(await page.locator('#field-title').inputValue()).toBe('Stickcafé på Oxhagen');
    expect(await page.locator('input[name="weekdays"][value="TU"]').isChecked()).toBe(true);
    await check(page, 'activity form with errors');

    await page.locator('#field-endTime').fill('15:00');
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#preview-heading').textContent()).toBe('Så här ser det ut');
    await check(page, 'activity preview');
    await screenshot(page, 'workspace-preview-sv-360');
    await page.getByRole('button', { name: 'Skicka till granskning' }).click();
    await page.waitForURL(/sparad=submitted/);
    expect(await page.locator('.workspace-list').textContent()).toContain('Väntar på granskning');
    await check(page, 'workspace with a pending activity');

    // Not public yet.
    await admin.goto(`${h.baseUrl}/?week=2026-W49`);
    expect(await admin.locator('main').textContent()).not.toContain('Stickcafé på Oxhagen');

    // The coordinator reviews and approves.
    await admin.goto(`${h.baseUrl}/admin/granska`);
    await check(admin, 'review queue');
    await admin.getByRole('link', { name: 'Stickcafé på Oxhagen' }).click();
    await check(admin, 'review detail');
    await admin.getByRole('button', { name: 'Godkänn och publicera' }).click();
    await admin.waitForURL(/klar=approved/);

    await admin.goto(`${h.baseUrl}/?week=2026-W49`);
    expect(await admin.locator('main').textContent()).toContain('Stickcafé på Oxhagen');
    await page.goto(`${h.baseUrl}/hantera/traffpunkt-oxhagen`);
    expect(await page.locator('.workspace-list').textContent()).toContain('Syns i kalendern');
  });

  it('pause, cancel a date, profile and the suggestion form pass axe and fit the phone', async () => {
    await page.goto(`${h.baseUrl}/hantera/traffpunkt-oxhagen`);
    await page.getByRole('link', { name: 'Ställ in en dag' }).first().click();
    await check(page, 'cancel a date');
    await page.locator('input[name="date"]').first().check();
    await page.locator('#field-note').fill('Ledaren är sjuk');
    await page.getByRole('button', { name: 'Ställ in dagen' }).click();
    await page.waitForURL(/sparad=cancelled/);
    await page.getByRole('link', { name: 'Pausa' }).first().click();
    await check(page, 'pause');
    await page.goto(`${h.baseUrl}/hantera/traffpunkt-oxhagen/profil`);
    await check(page, 'profile form');
    const anonymous = await h.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'sv-SE' });
    const visitor = await anonymous.newPage();
    await visitor.goto(`${h.baseUrl}/tipsa`);
    await check(visitor, 'suggestion form');
    await visitor.goto(`${h.baseUrl}/ar/tipsa`);
    expect(await visitor.locator('html').getAttribute('dir')).toBe('rtl');
    await check(visitor, 'suggestion form in Arabic');
    await anonymous.close();
  });

  it('warns an editor about a clash before saving, and saves when asked again', async () => {
    const db = h.testApp.database.db;
    const rival = await db
      .selectFrom('activities as a')
      .innerJoin('schedules as s', 's.activityId', 'a.id')
      .select(['a.title', 'a.placeId', 's.startTime', 's.endTime', 's.rrule'])
      .where('a.category', '=', 'sprakcafe')
      .where('a.status', '=', 'published')
      .where('s.rrule', 'like', 'FREQ=WEEKLY;BYDAY=%')
      .where('a.placeId', 'is not', null)
      .orderBy('a.id')
      .executeTakeFirstOrThrow();
    const day = /BYDAY=(\w\w)/.exec(rival.rrule!)![1]!;
    await page.goto(`${h.baseUrl}/hantera/traffpunkt-oxhagen/ny`);
    await page.locator('#field-title').fill('Språkcafé på Oxhagen');
    await page.locator('#field-category').selectOption('sprakcafe');
    await page.locator('#field-startDate').fill('2026-11-26');
    await page.locator('#field-startTime').fill(rival.startTime);
    await page.locator('#field-endTime').fill(rival.endTime);
    await page.locator(`input[name="weekdays"][value="${day}"]`).check();
    await page.locator('#field-placeId').selectOption(String(rival.placeId));
    await page.getByRole('button', { name: 'Skicka till granskning' }).click();
    await page.waitForLoadState();
    const warning = page.locator('#clash-warning');
    expect(await warning.isVisible()).toBe(true);
    expect(await warning.textContent()).toContain(rival.title);
    await check(page, 'clash warning');
    await screenshot(page, 'workspace-clash-sv-360');
    await page.getByRole('button', { name: 'Skicka till granskning' }).click();
    await page.waitForURL(/sparad=submitted/);
  });

  it('a note waits for review, and a co-host says yes in its workspace by a button that needs no script', async () => {
    const db = h.testApp.database.db;
    const activity = await db.selectFrom('activities').select('id').where('title', '=', 'Stickcafé på Oxhagen').executeTakeFirstOrThrow();
    // The note Lina wrote on a cancelled date (above) waits: she sees so, the public does not see it.
    await page.goto(`${h.baseUrl}/hantera/traffpunkt-oxhagen/aktivitet/${activity.id}/installt`);
    expect(await page.locator('main').textContent()).toContain('Meddelandet väntar på granskning:');
    await check(page, 'cancel a date with a note waiting');
    await admin.goto(`${h.baseUrl}/aktivitet/${activity.id}`);
    expect(await admin.locator('main').textContent()).not.toContain('Ledaren är sjuk');

    // The coordinator reviews the note in the queue and approves it.
    await admin.goto(`${h.baseUrl}/admin/granska`);
    await admin.locator('tr', { hasText: 'Meddelande om inställd dag' }).getByRole('link').first().click();
    expect(await admin.locator('main').textContent()).toContain('Ledaren är sjuk');
    await check(admin, 'review of a note');
    await admin.getByRole('button', { name: 'Godkänn och publicera' }).click();
    await admin.waitForURL(/klar=approved/);

    // Lina names another organisation as co-host of her published activity; the change is reviewed.
    const ukrainska = await db.selectFrom('organisations').select(['id', 'name']).where('slug', '=', 'ukrainska-foreningen').executeTakeFirstOrThrow();
    await page.goto(`${h.baseUrl}/hantera/traffpunkt-oxhagen/aktivitet/${activity.id}`);
    await page.locator('#field-coHostId').selectOption(String(ukrainska.id));
    await page.getByRole('button', { name: 'Skicka till granskning' }).click();
    await page.waitForURL(/sparad=submitted/);
    await admin.goto(`${h.baseUrl}/admin/granska`);
    await admin.locator('tr', { hasText: 'Stickcafé på Oxhagen' }).getByRole('link').first().click();
    expect(await admin.locator('table.changes').textContent()).toContain(ukrainska.name);
    await admin.getByRole('button', { name: 'Godkänn och publicera' }).click();
    await admin.waitForURL(/klar=approved/);
    await admin.goto(`${h.baseUrl}/aktivitet/${activity.id}`);
    expect(await admin.locator('main').textContent()).not.toContain(ukrainska.name);

    // Its editor finds the request, in Swedish and in Arabic, on a phone.
    const coHostContext = await signedInContext(h, { organisationIds: [ukrainska.id] });
    const coHost = await coHostContext.newPage();
    await coHost.goto(`${h.baseUrl}/hantera/ukrainska-foreningen`);
    expect(await coHost.locator('#cohost-requests').textContent()).toContain('Stickcafé på Oxhagen');
    await check(coHost, 'co-host request');
    await screenshot(coHost, 'workspace-cohost-request-sv-360');
    await coHost.goto(`${h.baseUrl}/ar/hantera/ukrainska-foreningen`);
    expect(await coHost.locator('html').getAttribute('dir')).toBe('rtl');
    await check(coHost, 'co-host request in Arabic');
    await screenshot(coHost, 'workspace-cohost-request-ar-360');
    await coHostContext.close();

    // Saying yes is a plain form: it works with script turned off.
    const client = await signedInClient(h.testApp, { organisationIds: [ukrainska.id] });
    const noScript = await h.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'sv-SE', javaScriptEnabled: false });
    await noScript.addCookies([{ name: 'sid', value: client.cookies.get('sid')!, url: h.baseUrl }]);
    const plain = await noScript.newPage();
    await plain.goto(`${h.baseUrl}/hantera/ukrainska-foreningen`);
    await plain.getByRole('button', { name: 'Ja, vi ordnar den tillsammans' }).click();
    await plain.waitForURL(/sparad=coHostAccepted/);
    expect(await plain.locator('main').textContent()).toContain('Ni ordnar nu aktiviteten tillsammans.');
    await noScript.close();
    await admin.goto(`${h.baseUrl}/aktivitet/${activity.id}`);
    expect(await admin.locator('main').textContent()).toContain(ukrainska.name);
  });
});
