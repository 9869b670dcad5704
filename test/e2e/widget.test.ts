/**
 * The widget on someone else's website: a page served from another origin embeds it with the
 * <script> snippet and with the plain <iframe>; the frame shows our activities and takes its height.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inject, afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, ConsoleMessage, Frame, Page } from 'playwright-core';
import { expectAccessible, expectNoHorizontalScroll, screenshot, startBrowserHarness, type BrowserHarness } from '../support/browser.js';

const skip = inject('chromiumSkip');
const ORG = 'roda-korset-orebro';

/** A tiny web server for the organisation's own site: one HTML page per path. */
async function startHostSite(pages: Record<string, string>): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const body = pages[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const hostPage = (body: string) =>
  `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Föreningens sida</title><link rel="icon" href="data:,"></head><body><main><h1>Välkommen till föreningen</h1>${body}</main></body></html>`;

async function frameOf(page: Page, selector: string): Promise<Frame> {
  const handle = await page.waitForSelector(selector);
  const frame = await handle.contentFrame();
  expect(frame, selector).not.toBeNull();
  await frame!.waitForSelector('h1');
  return frame!;
}

const frameHeight = (page: Page, selector: string) => page.locator(selector).evaluate((el) => el.getBoundingClientRect().height);
const contentHeight = (frame: Frame) => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));

describe.skipIf(skip)('embeddable widget in Chromium', () => {
  let h: BrowserHarness;
  let host: { url: string; close(): Promise<void> };
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    h = await startBrowserHarness();
    const script = (attrs: string) => `<script src="${h.baseUrl}/static/widget.js" ${attrs} async></script>`;
    host = await startHostSite({
      '/script': hostPage(
        `<section id="long">${script(`data-organisation="${ORG}" data-lang="en" data-height="40" data-title="Our activities"`)}</section>` +
          `<section id="short">${script('data-lang="ar" data-category="sprakcafe" data-limit="2" data-height="40"')}</section>`,
      ),
      '/iframe': hostPage(`<iframe src="${h.baseUrl}/widget?organisation=${ORG}" title="Aktiviteter" width="100%" height="600" style="border:0"></iframe>`),
    });
    expect(new URL(host.url).origin).not.toBe(new URL(h.baseUrl).origin);
    context = await h.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'sv-SE' });
    page = await context.newPage();
    const listen = (p: Page) => {
      p.on('console', (m: ConsoleMessage) => {
        if (m.type() === 'error' || /Refused|blocked/i.test(m.text())) problems.push(m.text());
      });
      p.on('pageerror', (e) => problems.push(e.message));
    };
    listen(page);
    context.on('page', listen);
  });
  afterAll(async () => {
    await context?.close();
    await host?.close();
    await h?.close();
  });

  it('the <script> snippet puts a titled, borderless, full-width iframe after itself and sizes it to its content', async () => {
    await page.goto(`${host.url}/script`);
    const frame = await frameOf(page, '#long iframe');
    const iframe = page.locator('#long iframe');
    // Right after the script tag, with the title it was given.
    expect(await page.locator('#long script + iframe').count()).toBe(1);
    expect(await iframe.getAttribute('title')).toBe('Our activities');
    expect(await iframe.getAttribute('src')).toBe(`${h.baseUrl}/en/widget?organisation=${ORG}`);
    expect(await iframe.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('none');
    expect(await iframe.evaluate((el) => el.getBoundingClientRect().width)).toBe(await page.locator('#long').evaluate((el) => el.getBoundingClientRect().width));
    // Our activities, in English, inside the frame.
    expect(await frame.locator('html').getAttribute('lang')).toBe('en');
    const titles = await frame.locator('.tw-title').allTextContents();
    expect(titles.length).toBeGreaterThan(1);
    expect(titles).toContain('Language café in Vivalla');
    // It started 40 px tall and grew to fit everything, with no scrolling inside.
    await expect.poll(() => frameHeight(page, '#long iframe'), { timeout: 10_000 }).toBeGreaterThan(150);
    await expect.poll(async () => Math.abs((await frameHeight(page, '#long iframe')) - (await contentHeight(frame))), { timeout: 10_000 }).toBeLessThanOrEqual(1);
    // Tall enough to hold both frames: a full-page capture leaves out-of-process frames half drawn.
    await page.setViewportSize({ width: 360, height: 2000 });
    await screenshot(page, 'widget-script-360');
    await page.setViewportSize({ width: 360, height: 740 });
  });

  it('sizes each widget on a page by its own content', async () => {
    const frame = await frameOf(page, '#short iframe');
    expect(await frame.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await frame.locator('.tw-title').count()).toBe(2);
    await expect.poll(async () => Math.abs((await frameHeight(page, '#short iframe')) - (await contentHeight(frame))), { timeout: 10_000 }).toBeLessThanOrEqual(1);
    expect(await frameHeight(page, '#short iframe')).toBeLessThan(await frameHeight(page, '#long iframe'));
    // The title comes from the widget page when the snippet gives none.
    await expect.poll(() => page.locator('#short iframe').getAttribute('title')).toMatch(/Tillsammans/);
  });

  it('follows the frame when the window narrows and the rows wrap', async () => {
    const before = await frameHeight(page, '#long iframe');
    await page.setViewportSize({ width: 280, height: 740 });
    const frame = await frameOf(page, '#long iframe');
    await expect.poll(() => frameHeight(page, '#long iframe'), { timeout: 10_000 }).toBeGreaterThan(before);
    await expect.poll(async () => Math.abs((await frameHeight(page, '#long iframe')) - (await contentHeight(frame))), { timeout: 10_000 }).toBeLessThanOrEqual(1);
    await page.setViewportSize({ width: 360, height: 740 });
  });

  it('leaves no cookie and no console error behind', async () => {
    expect(await context.cookies()).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('a link in the widget opens our activity page in the whole window', async () => {
    const frame = await frameOf(page, '#long iframe');
    await frame.locator('.tw-list a').first().click();
    await page.waitForURL(new RegExp(`^${h.baseUrl}/en/aktivitet/\\d+-`));
    expect(await page.locator('h1').isVisible()).toBe(true);
  });

  it('the plain <iframe> snippet works with JavaScript turned off', async () => {
    const noJs = await h.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'sv-SE', javaScriptEnabled: false });
    const p = await noJs.newPage();
    await p.goto(`${host.url}/iframe`);
    const frame = await frameOf(p, 'iframe');
    expect(await frame.locator('h1').textContent()).toBe('Kommande aktiviteter hos Röda Korset Örebro');
    expect(await frame.locator('.tw-title').count()).toBeGreaterThan(1);
    expect(await frame.locator('.tw-more a').textContent()).toBe('Mer på Tillsammans');
    await noJs.close();
  });

  it('the widget page itself passes axe and fits a narrow frame', async () => {
    const p = await context.newPage();
    await p.setViewportSize({ width: 300, height: 600 });
    await p.goto(`${h.baseUrl}/en/widget?organisation=${ORG}`);
    await expectNoHorizontalScroll(p, 'widget');
    await expectAccessible(p, 'widget');
    await p.goto(`${h.baseUrl}/ar/widget?category=sprakcafe`);
    await expectNoHorizontalScroll(p, 'Arabic widget');
    await expectAccessible(p, 'Arabic widget');
    await p.close();
  });

  it('the settings page updates code and preview without JavaScript, and passes axe', async () => {
    const noJs = await h.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'sv-SE', javaScriptEnabled: false });
    const p = await noJs.newPage();
    await p.goto(`${h.baseUrl}/widget/installera`);
    await p.selectOption('#w-organisation', ORG);
    await p.selectOption('#w-lang', 'en');
    await p.selectOption('#w-limit', '5');
    await p.getByRole('button', { name: 'Uppdatera koden' }).click();
    await p.waitForURL(/organisation=roda-korset-orebro/);
    expect(await p.locator('#w-iframe-code').inputValue()).toContain(`/en/widget?organisation=${ORG}&amp;limit=5"`);
    expect(await p.locator('#w-script-code').inputValue()).toContain(`data-organisation="${ORG}" data-lang="en" data-limit="5"`);
    const preview = await frameOf(p, 'iframe.widget-preview-frame');
    expect(await preview.locator('.tw-title').count()).toBe(5);
    expect(await preview.locator('.tw-title').allTextContents()).toContain('Language café in Vivalla');
    const url = p.url();
    await noJs.close();
    // axe runs as a script, so it checks the same page in a window with JavaScript.
    const checked = await context.newPage();
    await checked.goto(url);
    await frameOf(checked, 'iframe.widget-preview-frame');
    await expectNoHorizontalScroll(checked, 'widget settings');
    await expectAccessible(checked, 'widget settings');
    await screenshot(checked, 'widget-settings-360');
    await checked.close();
  });
});
