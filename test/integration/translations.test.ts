/** Content in the reader's language: human translations, machine drafts, outdated ones and the Swedish fallback. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { skipDatabase, testDialect } from '../support/db.js';

describe.skipIf(skipDatabase())(`content translations on ${testDialect}`, () => {
  let t: TestApp;
  let paths: Map<string, string>;
  beforeAll(async () => {
    t = await createTestApp();
    const body = (await t.app.inject({ method: 'GET', url: '/api/v1/activities?from=2026-11-23&to=2026-12-13&limit=2000' })).json();
    paths = new Map(body.occurrences.map((o: any) => [o.activity.title, new URL(o.activity.url).pathname]));
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const page = async (url: string) => (await t.app.inject({ method: 'GET', url })).body;

  it('shows a human translation without a note', async () => {
    const html = await page(`/en${paths.get('Språkcafé i Vivalla')}`);
    expect(html).toContain('<h1>Language café in Vivalla</h1>');
    expect(html).toContain('We sit in small groups');
    expect(html).not.toContain('class="translation-note"');
  });

  it('falls back to Swedish marked lang="sv" with a note in the reader\'s language', async () => {
    const html = await page(`/en${paths.get('Språkcafé i Olaus Petri')}`);
    expect(html).toMatch(/<h1><bdi lang="sv">Språkcafé i Olaus Petri<\/bdi><\/h1>/);
    expect(html).toMatch(/<div class="user-text" lang="sv" dir="auto">/);
    expect(html).toContain('This text is only in Swedish.');
  });

  it('says when the Swedish text changed after the translation was made', async () => {
    const html = await page(`/en${paths.get('Simning för kvinnor')}`);
    expect(html).toContain('<h1>Swimming for women</h1>');
    expect(html).toContain('The Swedish text has changed.');
  });

  it('uses translated titles in the week list', async () => {
    const html = await page('/en/?category=sprakcafe&week=2026-W49');
    expect(html).toContain('Language café in Vivalla');
    expect(html).toContain('Language café at the City Library');
  });

  it('translates an organisation description', async () => {
    const html = await page('/en/organisationer/roda-korset-orebro');
    expect(html).toContain('The Red Cross runs language cafés');
  });

  it('keeps Swedish pages in Swedish', async () => {
    const html = await page(paths.get('Språkcafé i Vivalla')!);
    expect(html).toContain('<h1>Språkcafé i Vivalla</h1>');
    expect(html).not.toContain('translation-note');
  });
});
