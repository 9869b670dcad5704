/** Print pages in Chromium: the PDFs the server draws, QR codes that scan back to the activity, axe on the print pages. */
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, screenshot, startBrowserHarness, type BrowserHarness } from '../support/browser.js';

const skip = inject('chromiumSkip');

// jsqr is CommonJS whose types declare an ES default export: under NodeNext the default import is the
// module object, so its `default` (which jsqr also sets) is the function.
const jsQR = jsQRModule.default;

/** Pages in a PDF, by its page objects ("/Type /Page", not "/Type /Pages"). */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** The text a QR code in a PNG image says, or null when none is found. */
function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)?.data ?? null;
}

describe.skipIf(skip)('print pages and PDFs in Chromium', () => {
  let h: BrowserHarness;
  let context: BrowserContext;
  let page: Page;
  let phoneContext: BrowserContext;

  beforeAll(async () => {
    h = await startBrowserHarness();
    // Twice the pixels, as a phone camera sees paper: each QR module is several pixels wide.
    context = await h.browser.newContext({ viewport: { width: 1000, height: 1200 }, deviceScaleFactor: 2, locale: 'sv-SE' });
    page = await context.newPage();
    phoneContext = await h.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'sv-SE' });
  });
  afterAll(async () => {
    await phoneContext?.close();
    await context?.close();
    await h?.close();
  });

  it('downloads the week poster as an A4 PDF with pages', async () => {
    const res = await fetch(`${h.baseUrl}/skriv-ut/vecka.pdf?week=2026-W48`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="tillsammans-vecka-2026-w48-sv.pdf"');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // 64 rows of the demo week do not fit on one sheet.
    expect(pdfPageCount(pdf)).toBeGreaterThan(1);
    // Every page is A4: 210 × 297 mm, 595 × 842 points.
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
    expect(boxes).toHaveLength(pdfPageCount(pdf));
    for (const [, w, h] of boxes) expect([Math.round(Number(w)), Math.round(Number(h))]).toEqual([595, 842]);
  });

  it('downloads a bilingual leaflet and an organisation sheet, several at once', async () => {
    const urls = [
      '/ar/skriv-ut/kategori/sprakcafe.pdf?bilingual=true',
      '/en/skriv-ut/organisation/abf-orebro.pdf',
      '/skriv-ut/kategori/laxhjalp.pdf',
      '/skriv-ut/vecka.pdf?category=sprakcafe&district=vivalla',
    ];
    // More than the two the server draws at a time: the rest wait their turn rather than fail.
    const responses = await Promise.all(urls.map((u) => fetch(`${h.baseUrl}${u}`)));
    for (const [i, res] of responses.entries()) {
      expect(res.status, urls[i]).toBe(200);
      const pdf = Buffer.from(await res.arrayBuffer());
      expect(pdf.subarray(0, 5).toString('latin1'), urls[i]).toBe('%PDF-');
      expect(pdfPageCount(pdf), urls[i]).toBeGreaterThanOrEqual(1);
    }
    expect(responses[0]!.headers.get('content-disposition')).toContain('tillsammans-kategori-sprakcafe-sv-ar.pdf');
  });

  it('prints QR codes that scan back to the activity page', async () => {
    await page.goto(`${h.baseUrl}/skriv-ut/vecka?week=2026-W48&category=sprakcafe`);
    const rows = page.locator('li.print-row');
    expect(await rows.count()).toBeGreaterThan(3);
    for (const i of [0, 3]) {
      const qr = rows.nth(i).locator('a.print-qr');
      const href = await qr.getAttribute('href');
      expect(href).toMatch(/^http:\/\/tillsammans\.test\/aktivitet\/\d+-[a-z0-9-]+$/);
      expect(decodeQr(await qr.screenshot())).toBe(href);
    }
    await screenshot(page, 'print-week-sv');
  });

  it('scans in a right-to-left bilingual printout too', async () => {
    await page.goto(`${h.baseUrl}/ar/skriv-ut/kategori/sprakcafe?bilingual=true`);
    const qr = page.locator('li.print-row a.print-qr').first();
    const href = await qr.getAttribute('href');
    expect(href).toMatch(/^http:\/\/tillsammans\.test\/ar\/aktivitet\//);
    expect(decodeQr(await qr.screenshot())).toBe(href);
    await screenshot(page, 'print-category-ar-sv');
  });

  it('keeps rows whole across pages and hides the toolbar on paper', async () => {
    await page.goto(`${h.baseUrl}/skriv-ut/organisation/abf-orebro`);
    expect(await page.locator('li.print-row').first().evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
    expect(await page.locator('.print-toolbar').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.print-toolbar').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });

  for (const [path, label] of [
    ['/skriv-ut/vecka?week=2026-W48', 'week poster'],
    ['/en/skriv-ut/vecka?week=2026-W48&bilingual=true', 'bilingual week poster'],
    ['/ar/skriv-ut/kategori/sprakcafe?bilingual=true', 'Arabic bilingual leaflet'],
    ['/skriv-ut/organisation/abf-orebro', 'organisation sheet'],
  ] as const) {
    it(`${label} passes axe and fits a phone`, async () => {
      const phone = await phoneContext.newPage();
      await phone.goto(`${h.baseUrl}${path}`);
      expect(await phone.locator('h1').isVisible()).toBe(true);
      expect(await phone.locator('script').count()).toBe(0);
      await expectNoHorizontalScroll(phone, label);
      await expectAccessible(phone, label);
      await phone.close();
    });
  }
});
