/**
 * The translator's workspace: the queue per language (most read first), the side-by-side editor with
 * the glossary, machine drafts from a LibreTranslate-compatible server labelled until approved, and
 * searching translated titles.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator as translatorFor } from '../../src/i18n/index.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { Client, csrfOf, signedInClient } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';

/** A LibreTranslate-compatible server on 127.0.0.1 that answers "ar:<text>", or fails when told to. */
async function fakeLibreTranslate(): Promise<{ url: string; fail: { next: boolean }; close: () => Promise<void> }> {
  const fail = { next: false };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (fail.next) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'Internal error' }));
        return;
      }
      const { q, target } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { q: string[]; target: string };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ translatedText: q.map((t) => `${target}:${t}`) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    fail,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe.skipIf(skipDatabase())(`translator workspace on ${testDialect}`, () => {
  let t: TestApp;
  let mt: Awaited<ReturnType<typeof fakeLibreTranslate>>;
  let translator: Client;
  let cafe: { id: number; slug: string; title: string };

  beforeAll(async () => {
    mt = await fakeLibreTranslate();
    t = await createTestApp({ env: { MT_URL: mt.url, MT_PROVIDER: 'libretranslate' } });
    translator = await signedInClient(t, { isTranslator: true, name: 'Layla' });
    cafe = await t.database.db
      .selectFrom('activities')
      .select(['id', 'slug', 'title'])
      .where('category', '=', 'sprakcafe')
      .where('status', '=', 'published')
      .where('title', 'like', 'Språkcafé%')
      .orderBy('id')
      .executeTakeFirstOrThrow();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await mt?.close();
  });

  it('is for translators and the coordinator only', async () => {
    expect((await new Client(t).request('GET', '/oversatt/ar')).statusCode).toBe(303);
    const editor = await signedInClient(t, { organisationIds: [1] });
    expect((await editor.request('GET', '/oversatt/ar')).statusCode).toBe(403);
    expect((await translator.request('GET', '/oversatt/ar')).statusCode).toBe(200);
    expect((await translator.request('GET', '/oversatt/sv')).statusCode).toBe(400);
    expect((await translator.request('GET', '/oversatt')).headers.location).toBe('/oversatt/ar');
    expect((await translator.request('GET', '/en/oversatt')).headers.location).toBe('/en/oversatt/en');
  });

  it('lists what is missing, the most read first, with the catalogue’s review status', async () => {
    for (let i = 0; i < 3; i++) await t.app.inject({ method: 'GET', url: `/aktivitet/${cafe.id}-${cafe.slug}` });
    const queue = await translator.request('GET', '/oversatt/ti');
    expect(queue.body).toContain('Ingen med språket som modersmål har granskat');
    const firstRow = /<tbody><tr><td><a href="([^"]+)"/.exec(queue.body)![1];
    expect(firstRow).toMatch(new RegExp(`/oversatt/ti/activity/${cafe.id}/(title|description)`));
  });

  it('shows the Swedish beside the box with the glossary’s terms, and saves a person’s translation', async () => {
    const url = `/oversatt/ar/activity/${cafe.id}/title`;
    const editor = await translator.request('GET', url);
    expect(editor.statusCode).toBe(200);
    expect(editor.body).toContain(`lang="sv" dir="ltr"><p>${cafe.title}`);
    expect(editor.body).toContain('مقهى اللغة');
    const empty = await translator.request('POST', url, { text: '  ', action: 'save', _csrf: csrfOf(editor.body) });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Skriv en översättning.');
    const saved = await translator.request('POST', url, { text: 'مقهى اللغة للجميع', action: 'save', _csrf: csrfOf(editor.body) });
    expect(saved.statusCode).toBe(303);
    const page = await t.app.inject({ method: 'GET', url: `/ar/aktivitet/${cafe.id}-${cafe.slug}` });
    expect(page.body).toContain('مقهى اللغة للجميع');
    const row = await t.database.db.selectFrom('translations').selectAll().where('entity', '=', 'activity').where('entityId', '=', cafe.id).where('language', '=', 'ar').where('field', '=', 'title').executeTakeFirstOrThrow();
    expect(row.source).toBe('human');
    expect(row.translator).toBe('Layla');
    // Searching in Arabic finds the activity by its Arabic title.
    const search = await t.app.inject({ method: 'GET', url: `/ar/sok?q=${encodeURIComponent('للجميع')}` });
    expect(search.body).toContain(`/ar/aktivitet/${cafe.id}-${cafe.slug}`);
    expect((await t.app.inject({ method: 'GET', url: `/sok?q=${encodeURIComponent('للجميع')}` })).body).not.toContain(`/aktivitet/${cafe.id}-`);
  });

  it('drafts by machine, labels it on the public page until a person approves it', async () => {
    const url = `/oversatt/ar/activity/${cafe.id}/description`;
    const editor = await translator.request('GET', url);
    mt.fail.next = true;
    const failed = await translator.request('POST', url, { text: 'mitt utkast', action: 'machine', _csrf: csrfOf(editor.body) });
    expect(failed.statusCode).toBe(502);
    expect(failed.body).toContain('mitt utkast');
    mt.fail.next = false;
    const drafted = await translator.request('POST', url, { text: '', action: 'machine', _csrf: csrfOf(editor.body) });
    expect(drafted.statusCode).toBe(200);
    expect(drafted.body).toContain('Maskinens förslag är sparat');
    expect(drafted.body).toMatch(/>ar:[^<]+<\/textarea>/);
    const labelled = await t.app.inject({ method: 'GET', url: `/ar/aktivitet/${cafe.id}-${cafe.slug}` });
    expect(labelled.body).toContain('ar:');
    const machineLabel = translatorFor('ar')('content.machineTranslated');
    expect(labelled.body).toContain(machineLabel);
    const queue = await translator.request('GET', '/oversatt/ar');
    expect(queue.body).toContain(`/oversatt/ar/activity/${cafe.id}/description`);
    const approve = await translator.request('POST', url, { text: /<textarea[^>]*>([^<]*)<\/textarea>/.exec(drafted.body)![1]!, action: 'approve', _csrf: csrfOf(drafted.body) });
    expect(approve.statusCode).toBe(303);
    const row = await t.database.db.selectFrom('translations').select(['source']).where('entity', '=', 'activity').where('entityId', '=', cafe.id).where('language', '=', 'ar').where('field', '=', 'description').executeTakeFirstOrThrow();
    expect(row.source).toBe('human');
    const after = await t.app.inject({ method: 'GET', url: `/ar/aktivitet/${cafe.id}-${cafe.slug}` });
    expect(after.body).not.toContain(machineLabel);
    expect((await translator.request('GET', '/oversatt/ar')).body).not.toContain(`/oversatt/ar/activity/${cafe.id}/description"`);
  });

  it('keeps the glossary per language, editable, with errors beside the fields', async () => {
    const page = await translator.request('GET', '/oversatt/so/ordlista');
    expect(page.body).toContain('kafeega luqadda');
    const bad = await translator.request('POST', '/oversatt/so/ordlista', { term: '', translation: 'x', _csrf: csrfOf(page.body) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Skriv ordet på svenska.');
    expect(bad.body).toContain('value="x"');
    await translator.request('POST', '/oversatt/so/ordlista', { term: 'språkcafé', translation: 'kafeeyada luqadda', note: 'Ku heshiisay 2026', _csrf: csrfOf(page.body) });
    const after = await translator.request('GET', '/oversatt/so/ordlista');
    expect(after.body).toContain('kafeeyada luqadda');
    expect(after.body).not.toContain('kafeega luqadda');
  });

  it('lets an organisation’s editor translate its own activity in the workspace, and nobody else’s', async () => {
    const db = t.database.db;
    const host = await db.selectFrom('activityHosts as h').innerJoin('organisations as o', 'o.id', 'h.organisationId').select(['o.id', 'o.slug']).where('h.activityId', '=', cafe.id).executeTakeFirstOrThrow();
    const editor = await signedInClient(t, { organisationIds: [host.id], name: 'Hodan' });
    const form = await editor.request('GET', `/hantera/${host.slug}/aktivitet/${cafe.id}`);
    expect(form.body).toContain('id="translations"');
    expect(form.body).toContain(`/hantera/${host.slug}/oversatt/so/activity/${cafe.id}/title`);
    const url = `/hantera/${host.slug}/oversatt/so/activity/${cafe.id}/title`;
    const page = await editor.request('GET', url);
    expect(page.statusCode).toBe(200);
    const saved = await editor.request('POST', url, { text: 'Kafeega luqadda', action: 'save', _csrf: csrfOf(page.body) });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/hantera/${host.slug}/aktivitet/${cafe.id}?oversatt=1#translations`);
    expect((await t.app.inject({ method: 'GET', url: `/so/aktivitet/${cafe.id}-${cafe.slug}` })).body).toContain('Kafeega luqadda');
    const other = await db.selectFrom('organisations').select(['id', 'slug']).where('id', '!=', host.id).orderBy('id').executeTakeFirstOrThrow();
    const stranger = await signedInClient(t, { organisationIds: [other.id] });
    expect((await stranger.request('GET', url)).statusCode).toBe(403);
    expect((await stranger.request('GET', `/hantera/${other.slug}/oversatt/so/activity/${cafe.id}/title`)).statusCode).toBe(404);
    expect((await editor.request('GET', `/hantera/${host.slug}/oversatt/so/place/1/directions`)).statusCode).toBe(404);
  });
});
