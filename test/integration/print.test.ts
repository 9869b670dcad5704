/** Print pages (week poster, category leaflet, organisation sheet) on SQLite and PostgreSQL, with the demo data. */
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { skipDatabase, testDialect } from '../support/db.js';

const PUBLIC_URL = 'http://tillsammans.test';

interface PrintedRow {
  html: string;
  href: string;
  qrSvgs: string[];
}

/** The rows of a print page, each with its QR link and the SVG elements inside its QR code. */
function rowsOf(html: string): PrintedRow[] {
  return [...html.matchAll(/<li class="print-row[^"]*">([\s\S]*?)<\/li>/g)].map((m) => {
    const row = m[1]!;
    const qr = /<a class="print-qr" href="([^"]+)"><span class="qr-code"[^>]*>([\s\S]*?)<\/span><\/a>/.exec(row);
    return { html: row, href: qr?.[1] ?? '', qrSvgs: qr ? [...qr[2]!.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((s) => s[0]) : [] };
  });
}

/** What the same library draws for a URL: a row's code must be exactly this. */
const expectedQr = (url: string) => QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });

function text(html: string): string {
  return html.replace(/<[^>]+>/g, '').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');
}

describe.skipIf(skipDatabase())(`print pages on ${testDialect}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    // These tests never draw a PDF: with no Chromium to find, the PDF routes must answer 503.
    t = await createTestApp({ chromiumPath: '/nonexistent/chromium' });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  async function expectRowsWithQrCodes(html: string, langPrefix = ''): Promise<PrintedRow[]> {
    const rows = rowsOf(html);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.qrSvgs, row.html.slice(0, 200)).toHaveLength(1);
      expect(row.href).toMatch(new RegExp(`^${PUBLIC_URL}${langPrefix}/aktivitet/\\d+-[a-z0-9-]+$`));
      expect(row.qrSvgs[0]).toBe((await expectedQr(row.href)).trim());
    }
    return rows;
  }

  describe('the week poster', () => {
    it('lists the week by day, each row with time, title, place, organiser and one QR code to the activity', async () => {
      const res = await get('/skriv-ut/vecka?week=2026-W48');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      const html = res.body;
      expect(html).toMatch(/<html lang="sv" dir="ltr">/);
      expect(html).toContain('Det här händer i Örebro vecka 48');
      const rows = await expectRowsWithQrCodes(html);
      const api = (await get('/api/v1/activities?from=2026-11-23&to=2026-11-29&limit=2000')).json() as { occurrences: unknown[] };
      expect(rows).toHaveLength(api.occurrences.length);
      const first = rows[0]!.html;
      expect(first).toMatch(/<bdi class="print-time" dir="ltr">\d\d:\d\d–\d\d:\d\d<\/bdi>/);
      expect(first).toMatch(/<p class="print-row-title">[^<]+/);
      expect(first).toContain('class="print-place"');
      expect(first).toContain('class="print-host"');
      // Days in order, Monday to Sunday.
      const days = [...html.matchAll(/<h2 class="print-group-head"><span class="print-voice-line">([^<]+)/g)].map((m) => m[1]);
      expect(days[0]).toBe('måndag 23 november');
      expect(days.at(-1)).toBe('söndag 29 november');
      // A cancelled date is printed as cancelled, not left out.
      const swim = rows.find((r) => r.html.includes('Simning för kvinnor') && r.html.includes('Inställt'));
      expect(swim).toBeDefined();
    });

    it('is this week without a week parameter, and any week with one', async () => {
      expect((await get('/skriv-ut/vecka')).body).toContain('vecka 48');
      const next = await get('/skriv-ut/vecka?week=2026-W49');
      expect(next.statusCode).toBe(200);
      expect(next.body).toContain('Det här händer i Örebro vecka 49');
      expect(next.body).toContain('30 november–6 december 2026');
    });

    it('filters by category and district and says so under the heading', async () => {
      const res = await get('/skriv-ut/vecka?week=2026-W48&category=sprakcafe');
      const rows = await expectRowsWithQrCodes(res.body);
      for (const row of rows) expect(row.html).toContain('<p class="print-row-sub">Språkcafé</p>');
      expect(res.body).toMatch(/<span class="print-filters"> · Språkcafé<\/span>/);
      const vivalla = await get('/skriv-ut/vecka?week=2026-W48&district=vivalla');
      expect(vivalla.statusCode).toBe(200);
      const vRows = await expectRowsWithQrCodes(vivalla.body);
      for (const row of vRows) expect(row.html).toContain('<bdi>Vivalla</bdi>');
      expect(vivalla.body).toContain('Område: Vivalla');
    });

    it('answers bad parameters with a translated 400 page naming the parameter', async () => {
      for (const [url, parameter] of [
        ['/skriv-ut/vecka?week=2026-48', 'week'],
        ['/skriv-ut/vecka?week=2026-W77', 'week'],
        ['/skriv-ut/vecka?category=korvgrillning', 'category'],
        ['/skriv-ut/vecka?district=atlantis', 'district'],
        ['/skriv-ut/vecka?bilingual=kanske', 'bilingual'],
        ['/skriv-ut/vecka.pdf?week=2026-W77', 'week'],
      ] as const) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(400);
        expect(res.body, url).toContain(`”${parameter}”`);
      }
      const en = await get('/en/skriv-ut/vecka?week=2026-W00');
      expect(en.statusCode).toBe(400);
      expect(en.body).toMatch(/<html lang="en"/);
    });
  });

  describe('the category leaflet', () => {
    it('lists the category’s regular activities by weekday with how often, each with a QR code', async () => {
      const res = await get('/skriv-ut/kategori/sprakcafe');
      expect(res.statusCode).toBe(200);
      const html = res.body;
      expect(html).toContain('Språkcafé i Örebro');
      const rows = await expectRowsWithQrCodes(html);
      const page = (await get('/kategori/sprakcafe')).body;
      const onSite = new Set([...page.matchAll(/<ul class="regular-list">[\s\S]*?<\/ul>/g)].flatMap((m) => [...m[0].matchAll(/<a href="([^"]+)"/g)].map((h) => h[1])));
      expect(new Set(rows.map((r) => new URL(r.href).pathname))).toEqual(onSite);
      expect(html).toMatch(/<p class="print-row-sub">Varje (måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)/);
      const weekdays = [...html.matchAll(/<h2 class="print-group-head"><span class="print-voice-line">([^<]+)/g)].map((m) => m[1]);
      expect(weekdays[0]).toBe('måndag');
    });

    it('answers an unknown category with 404, as a page and as a PDF', async () => {
      expect((await get('/skriv-ut/kategori/korvgrillning')).statusCode).toBe(404);
      expect((await get('/skriv-ut/kategori/korvgrillning.pdf')).statusCode).toBe(404);
      expect((await get('/en/skriv-ut/kategori/korvgrillning')).body).toMatch(/<html lang="en"/);
    });
  });

  describe('the organisation sheet', () => {
    it('shows the organisation’s contacts and its activities, each with a QR code', async () => {
      const res = await get('/skriv-ut/organisation/abf-orebro');
      expect(res.statusCode).toBe(200);
      const html = res.body;
      expect(html).toContain('ABF Örebro län');
      expect(html).toContain('070-174 06 18');
      expect(html).toContain('orebro@abf.se');
      const rows = await expectRowsWithQrCodes(html);
      const page = (await get('/organisationer/abf-orebro')).body;
      const onSite = [...page.matchAll(/<ul class="regular-list">([\s\S]*?)<\/ul>/g)].flatMap((m) => [...m[1]!.matchAll(/<a href="([^"]+)"/g)].map((h) => h[1]));
      expect(rows.map((r) => new URL(r.href).pathname).sort()).toEqual(onSite.sort());
    });

    it('answers an unknown organisation with 404', async () => {
      expect((await get('/skriv-ut/organisation/finns-inte')).statusCode).toBe(404);
      expect((await get('/skriv-ut/organisation/finns-inte.pdf')).statusCode).toBe(404);
    });
  });

  describe('bilingual printouts', () => {
    it('show Swedish and the chosen language side by side, headings included', async () => {
      const res = await get('/en/skriv-ut/vecka?week=2026-W48&category=sprakcafe&bilingual=true');
      expect(res.statusCode).toBe(200);
      const html = res.body;
      expect(html).toMatch(/<html lang="en" dir="ltr">/);
      expect(html).toContain('<span class="print-voice-line" lang="sv" dir="ltr">Det här händer i Örebro vecka 48</span>');
      expect(text(html)).toContain("What's on in Örebro in week 48");
      expect(html).toContain('måndag 23 november');
      expect(html).toContain('Monday 23 November');
      const rows = await expectRowsWithQrCodes(html, '/en');
      const vivalla = rows.find((r) => r.html.includes('Language café in Vivalla'));
      expect(vivalla?.html).toContain('Språkcafé i Vivalla');
      for (const row of rows) {
        expect(row.html).toMatch(/<div class="print-voices is-bilingual"><div class="print-voice" lang="sv" dir="ltr">/);
        expect(row.html.match(/<div class="print-voice"/g)).toHaveLength(2);
      }
    });

    it('print one language unless asked, and Swedish pages only Swedish', async () => {
      const en = (await get('/en/skriv-ut/vecka?week=2026-W48&category=sprakcafe')).body;
      expect(en).not.toContain('Det här händer i Örebro');
      expect(en).not.toContain('is-bilingual');
      const sv = (await get('/skriv-ut/vecka?week=2026-W48&bilingual=true')).body;
      expect(sv).not.toContain('is-bilingual');
    });

    it('set the page right to left in Arabic with Swedish beside it', async () => {
      const res = await get('/ar/skriv-ut/kategori/sprakcafe?bilingual=true');
      expect(res.statusCode).toBe(200);
      expect(res.body).toMatch(/<html lang="ar" dir="rtl">/);
      expect(res.body).toContain('<div class="print-voice" lang="sv" dir="ltr">');
      await expectRowsWithQrCodes(res.body, '/ar');
    });

    it('print the organisation sheet in both languages', async () => {
      const res = await get('/en/skriv-ut/organisation/abf-orebro?bilingual=true');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Telefon');
      expect(res.body).toContain('Phone');
      await expectRowsWithQrCodes(res.body, '/en');
    });
  });

  describe('the print document', () => {
    it('links the site and print stylesheets, ships no inline style or script, and keeps the CSP', async () => {
      const res = await get('/skriv-ut/vecka');
      expect(res.body).toMatch(/<link rel="stylesheet" href="\/static\/styles\.[0-9a-f]+\.css"\/>/);
      const print = /<link rel="stylesheet" href="(\/static\/print\.[0-9a-f]+\.css)"\/>/.exec(res.body);
      expect(print).not.toBeNull();
      const css = await get(print![1]!);
      expect(css.statusCode).toBe(200);
      expect(css.body).toContain('@page');
      expect(res.body).not.toMatch(/<style|<script|style="/);
      expect(String(res.headers['content-security-policy'])).toContain("style-src 'self'");
    });

    it('offers the PDF, the other languages and the bilingual switch on screen', async () => {
      const html = (await get('/en/skriv-ut/kategori/sprakcafe')).body;
      expect(html).toContain('href="/en/skriv-ut/kategori/sprakcafe.pdf"');
      expect(html).toContain('href="/en/skriv-ut/kategori/sprakcafe?bilingual=true"');
      // Through /sprak like the site's picker, so a remembered language cannot redirect the link.
      expect(html).toContain('href="/sprak/ar?next=%2Fskriv-ut%2Fkategori%2Fsprakcafe"');
      const sv = await get('/sprak/sv?next=%2Fskriv-ut%2Fkategori%2Fsprakcafe%3Fbilingual%3Dtrue');
      expect(sv.statusCode).toBe(303);
      expect(sv.headers.location).toBe('/skriv-ut/kategori/sprakcafe?bilingual=true');
      expect(html).toContain('rel="nofollow"');
    });
  });

  describe('PDF without Chromium', () => {
    it('answers 503 with a translated page pointing to the print page and "Save as PDF"', async () => {
      const res = await get('/skriv-ut/vecka.pdf?week=2026-W48&category=sprakcafe');
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('Spara som PDF');
      expect(res.body).toContain('href="/skriv-ut/vecka?week=2026-W48&amp;category=sprakcafe"');
      const en = await get('/en/skriv-ut/organisation/abf-orebro.pdf');
      expect(en.statusCode).toBe(503);
      expect(en.body).toMatch(/<html lang="en"/);
      expect(en.body).toContain('Save as PDF');
      expect(en.body).toContain('href="/en/skriv-ut/organisation/abf-orebro"');
    });
  });
});
