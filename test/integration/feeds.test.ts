/** The Atom feed of new activities, sitemap.xml and robots.txt, against the real app on SQLite and PostgreSQL. */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActivityInput } from '../../src/features/calendar/index.js';
import { insertActivity } from '../../src/features/calendar/activity.store.js';
import { saveTranslation } from '../../src/features/translation/index.js';
import { LANGUAGES } from '../../src/i18n/index.js';
import { createTestApp, FIXED_NOW, type TestApp } from '../support/app.js';
import { skipDatabase, testDialect } from '../support/db.js';
import { activityInput, scheduleInput } from '../support/factories.js';

const ATOM = 'http://www.w3.org/2005/Atom';
const SITEMAP = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML = 'http://www.w3.org/1999/xhtml';
const HOSTILE = '<script>alert("x")</script> & ]]> Fika';

/** Parses XML and fails on any warning or error, so "well-formed" is part of every test. */
function parseXml(text: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => void problems.push(`${level}: ${message}`) }).parseFromString(text, 'application/xml');
  expect(problems).toEqual([]);
  return doc;
}

const children = (parent: Element | Document, ns: string, name: string) => Array.from(parent.getElementsByTagNameNS(ns, name));
const text = (parent: Element, name: string) => children(parent, ATOM, name)[0]?.textContent ?? null;

/** A one-off on 1 December 2026, 18:00–19:00, with the given overrides. */
function activity(overrides: Partial<ActivityInput>): ActivityInput {
  return activityInput({ title: 'Test', description: 'Beskrivning', schedule: scheduleInput({ startDate: '2026-12-01', endTime: '19:00' }), ...overrides });
}

describe.skipIf(skipDatabase())(`feeds on ${testDialect}`, () => {
  let t: TestApp;
  let hostileId: number;
  let draftId: number;
  let hostedId: number;
  beforeAll(async () => {
    t = await createTestApp();
    // Created after the demo data, so they are the newest. The description ends in a control character XML forbids.
    const later = new Date(FIXED_NOW.getTime() + 60_000);
    hostileId = await insertActivity(t.database.db, activity({ title: HOSTILE, description: `${HOSTILE}\u0008` }), later, '2026-11-26');
    draftId = await insertActivity(t.database.db, activity({ title: 'Utkast som inte syns', status: 'draft' }), later, '2026-11-26');
    const redCross = await t.database.db.selectFrom('organisations').select('id').where('slug', '=', 'roda-korset-orebro').executeTakeFirstOrThrow();
    hostedId = await insertActivity(
      t.database.db,
      activity({ title: 'Kvällsfika i Vivalla', category: 'sprakcafe', hostIds: [redCross.id] }),
      new Date(FIXED_NOW.getTime() + 30_000),
      '2026-11-26',
    );
    await saveTranslation(
      t.database.db,
      { entity: 'activity', entityId: hostedId, field: 'title', language: 'en', text: 'Evening coffee in Vivalla', source: 'human', translator: null, swedish: 'Kvällsfika i Vivalla' },
      later,
    );
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const published = async () =>
    t.database.db.selectFrom('activities').select(['id', 'slug']).where('status', '=', 'published').execute();

  describe('Atom feed of new activities', () => {
    it('is well-formed Atom with the 50 newest published activities, newest first', async () => {
      const res = await get('/nytt.atom');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      const doc = parseXml(res.body);
      const feed = doc.documentElement!;
      expect(feed.namespaceURI).toBe(ATOM);
      expect(feed.localName).toBe('feed');
      expect(feed.getAttribute('xml:lang')).toBe('sv');
      expect(text(feed, 'title')).toBe('Nytt i Tillsammans');
      const self = children(feed, ATOM, 'link').find((l) => l.parentNode === feed && l.getAttribute('rel') === 'self');
      expect(self?.getAttribute('href')).toBe('http://tillsammans.test/nytt.atom');
      const entries = children(feed, ATOM, 'entry');
      expect(entries).toHaveLength(Math.min(50, (await published()).length));
      const ids = entries.map((e) => text(e, 'id')!);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^tag:tillsammans\.test,2026:activity-\d+\/sv$/);
      expect(ids[0]).toBe(`tag:tillsammans.test,2026:activity-${hostileId}/sv`);
      expect(ids.join(' ')).not.toContain(`activity-${draftId}/`);
      const stamps = entries.map((e) => text(e, 'published')!);
      expect([...stamps].sort().reverse()).toEqual(stamps);
      for (const e of entries) {
        expect(text(e, 'updated')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
        expect(children(e, ATOM, 'link')[0]!.getAttribute('href')).toMatch(/^http:\/\/tillsammans\.test\/aktivitet\/\d+-[a-z0-9-]+$/);
        expect(children(e, ATOM, 'author').length).toBeGreaterThan(0);
        expect(text(e, 'summary')).toBeTruthy();
      }
    });

    it('keeps hostile text as text', async () => {
      const res = await get('/nytt.atom');
      expect(res.body).not.toContain('<script>');
      expect(res.body).not.toContain('\u0008');
      const first = children(parseXml(res.body), ATOM, 'entry')[0]!;
      expect(text(first, 'title')).toBe(HOSTILE);
      expect(text(first, 'summary')).toBe(HOSTILE);
      // An activity without a host organisation is the site's.
      expect(children(first, ATOM, 'name')[0]!.textContent).toBe('Tillsammans');
    });

    it('names the organisations as authors, linking to their pages', async () => {
      const entries = children(parseXml((await get('/nytt.atom')).body), ATOM, 'entry');
      const cafe = entries.find((e) => text(e, 'title') === 'Kvällsfika i Vivalla')!;
      expect(cafe).toBeDefined();
      const author = children(cafe, ATOM, 'author')[0]!;
      expect(text(author, 'name')).toBe('Röda Korset Örebro');
      expect(text(author, 'uri')).toBe('http://tillsammans.test/organisationer/roda-korset-orebro');
      expect(children(cafe, ATOM, 'category')[0]!.getAttribute('label')).toBe('Språkcafé');
    });

    it('comes in every language, translated where a translation exists and marked Swedish where not', async () => {
      const res = await get('/en/nytt.atom');
      expect(res.statusCode).toBe(200);
      const doc = parseXml(res.body);
      expect(doc.documentElement!.getAttribute('xml:lang')).toBe('en');
      expect(text(doc.documentElement!, 'title')).toBe('New on Tillsammans');
      const entries = children(doc, ATOM, 'entry');
      const cafe = entries.find((e) => text(e, 'title') === 'Evening coffee in Vivalla')!;
      expect(cafe).toBeDefined();
      expect(children(cafe, ATOM, 'title')[0]!.hasAttribute('xml:lang')).toBe(false);
      expect(text(cafe, 'id')).toBe(`tag:tillsammans.test,2026:activity-${hostedId}/en`);
      expect(children(cafe, ATOM, 'link')[0]!.getAttribute('href')).toMatch(/^http:\/\/tillsammans\.test\/en\/aktivitet\//);
      expect(children(cafe, ATOM, 'category')[0]!.getAttribute('label')).toBe('Language café');
      // The description has no English version: it comes in Swedish, marked so.
      expect(children(cafe, ATOM, 'summary')[0]!.getAttribute('xml:lang')).toBe('sv');
      const untranslated = entries.find((e) => text(e, 'title') === HOSTILE)!;
      expect(children(untranslated, ATOM, 'title')[0]!.getAttribute('xml:lang')).toBe('sv');
      for (const lang of LANGUAGES) expect((await get(`${lang.code === 'sv' ? '' : `/${lang.code}`}/nytt.atom`)).statusCode, lang.code).toBe(200);
    });

    it('sets no cookie', async () => {
      expect((await get('/nytt.atom')).headers['set-cookie']).toBeUndefined();
    });
  });

  describe('sitemap.xml', () => {
    it('lists the main pages, every published activity and organisation, in every language with hreflang alternates', async () => {
      const res = await get('/sitemap.xml');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
      const doc = parseXml(res.body);
      expect(doc.documentElement!.namespaceURI).toBe(SITEMAP);
      const urls = children(doc, SITEMAP, 'url');
      const locs = urls.map((u) => children(u, SITEMAP, 'loc')[0]!.textContent!);
      expect(new Set(locs).size).toBe(locs.length);
      for (const loc of ['http://tillsammans.test/', 'http://tillsammans.test/en', 'http://tillsammans.test/ar/kategorier', 'http://tillsammans.test/ckb/om']) {
        expect(locs, loc).toContain(loc);
      }
      const activities = await published();
      const organisations = await t.database.db.selectFrom('organisations').select('slug').where('published', '=', 1).execute();
      for (const lang of LANGUAGES) {
        const prefix = lang.code === 'sv' ? '' : `/${lang.code}`;
        for (const a of activities) expect(locs).toContain(`http://tillsammans.test${prefix}/aktivitet/${a.id}-${a.slug}`);
        for (const o of organisations) expect(locs).toContain(`http://tillsammans.test${prefix}/organisationer/${o.slug}`);
      }
      expect(locs.join(' ')).not.toContain(`/aktivitet/${draftId}-`);
      // Each entry names every language's version and x-default, itself included.
      for (const url of urls) {
        const loc = children(url, SITEMAP, 'loc')[0]!.textContent!;
        const alternates = children(url, XHTML, 'link');
        expect(alternates.map((l) => l.getAttribute('hreflang'))).toEqual([...LANGUAGES.map((l) => l.code), 'x-default']);
        expect(alternates.map((l) => l.getAttribute('href'))).toContain(loc);
      }
      const hostile = urls.find((u) => children(u, SITEMAP, 'loc')[0]!.textContent!.startsWith(`http://tillsammans.test/ar/aktivitet/${hostileId}-`))!;
      expect(children(hostile, XHTML, 'link').map((l) => l.getAttribute('href'))).toEqual([
        ...LANGUAGES.map((l) => `http://tillsammans.test${l.code === 'sv' ? '' : `/${l.code}`}/aktivitet/${hostileId}-script-alert-x-script-fika`),
        `http://tillsammans.test/aktivitet/${hostileId}-script-alert-x-script-fika`,
      ]);
      expect(children(hostile, SITEMAP, 'lastmod')[0]!.textContent).toMatch(/^2026-11-26T/);
    });

    it('every address in it answers', async () => {
      const locs = [...(await get('/sitemap.xml')).body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!.replace(/&amp;/g, '&')));
      // One language is enough to walk; the others differ only by prefix.
      for (const url of locs.filter((u) => u.pathname.startsWith('/uk/') || u.pathname === '/uk')) {
        expect((await get(url.pathname)).statusCode, url.pathname).toBe(200);
      }
    });

    it('exists once, at the root', async () => {
      expect((await get('/en/sitemap.xml')).statusCode).toBe(404);
    });
  });

  describe('robots.txt', () => {
    it('allows everything but the API, the language switch, embeds and print views, and points to the sitemap', async () => {
      const res = await get('/robots.txt');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      const lines = res.body.split('\n');
      expect(lines[0]).toBe('User-agent: *');
      expect(lines).toContain('Allow: /');
      for (const path of ['/api/', '/sprak/', '/widget', '/skriv-ut/', '/en/widget', '/ckb/skriv-ut/']) expect(lines).toContain(`Disallow: ${path}`);
      expect(lines.filter((l) => l.startsWith('Disallow:'))).toHaveLength(2 + 2 * LANGUAGES.length);
      expect(lines).toContain('Sitemap: http://tillsammans.test/sitemap.xml');
    });
  });

  // Known gap: web/language.ts sends unprefixed paths on to the reader's language (cookie or
  // Accept-Language), which turns /robots.txt into a 404 and a Swedish widget into another language.
  // Remove `.fails` once its isPage() leaves these paths alone.
  it('serves root files and a Swedish widget as asked, whatever the browser prefers', async () => {
    for (const url of ['/robots.txt', '/sitemap.xml', '/nytt.atom', '/widget']) {
      expect((await get(url, { 'accept-language': 'en-GB,en;q=0.9' })).statusCode, url).toBe(200);
      expect((await get(url, { cookie: 'lang=ar' })).statusCode, url).toBe(200);
    }
  });
});
