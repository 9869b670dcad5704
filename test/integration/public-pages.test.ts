/** The public pages and the JSON API against the real app on SQLite and PostgreSQL, with the demo data. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertActivity } from '../../src/features/calendar/activity.store.js';
import { createTestApp, FIXED_NOW, type TestApp } from '../support/app.js';
import { activityInput } from '../support/factories.js';
import { skipDatabase, testDialect } from '../support/db.js';

describe.skipIf(skipDatabase())(`public pages on ${testDialect}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const api = async (url: string) => {
    const res = await get(url);
    return { status: res.statusCode, body: res.json() as any };
  };

  it('serves this week in Swedish with today first and highlighted', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const html = res.body;
    expect(html).toMatch(/<html lang="sv" dir="ltr">/);
    expect(html).toContain('vecka 48');
    // FIXED_NOW is Thursday 26 November: the first day section is today's.
    const firstDay = html.indexOf('<section class="day');
    expect(html.slice(firstDay, firstDay + 200)).toContain('is-today');
    expect(html.indexOf('torsdag 26 november')).toBeLessThan(html.indexOf('fredag 27 november'));
    // Monday to Wednesday come after, under "earlier this week".
    expect(html.indexOf('Tidigare den här veckan')).toBeGreaterThan(html.indexOf('söndag 29 november'));
  });

  it('links to the days of this week already past instead of listing their rows', async () => {
    const html = (await get('/')).body;
    const start = html.indexOf('<details class="earlier"');
    expect(start).toBeGreaterThan(0);
    const earlier = html.slice(start, html.indexOf('</details>', start));
    // Monday to Wednesday, each a link to its own full list with its count; none of their rows.
    for (const [date, name] of [['2026-11-23', 'måndag 23 november'], ['2026-11-24', 'tisdag 24 november'], ['2026-11-25', 'onsdag 25 november']]) {
      expect(earlier).toMatch(new RegExp(`href="/\\?day=${date}">Visa (alla )?\\d+ aktivitet(er)? på ${name}<`));
    }
    expect(earlier).not.toContain('class="occurrence');
    const monday = await get('/?day=2026-11-23');
    expect(monday.statusCode).toBe(200);
    expect(monday.body).toContain('class="occurrence');
  });

  it('sends a Content-Security-Policy that forbids inline script', async () => {
    const res = await get('/');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)/);
  });

  it('filters by category with a plain GET parameter', async () => {
    const res = await get('/?category=sprakcafe');
    expect(res.statusCode).toBe(200);
    const titles = [...res.body.matchAll(/<span class="occ-meta">([^<·]+)/g)].map((m) => m[1]!.trim());
    expect(titles.length).toBeGreaterThan(3);
    expect(new Set(titles)).toEqual(new Set(['Språkcafé']));
  });

  it('answers a bad filter value with a translated 400 page naming the parameter', async () => {
    const res = await get('/?category=korvgrillning');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('”category”');
    const en = await get('/en/?week=2026-W77');
    expect(en.statusCode).toBe(400);
    expect(en.body).toMatch(/<html lang="en"/);
    expect(en.body).toContain('“week”');
    expect((await get('/?day=2026-02-30')).statusCode).toBe(400);
    expect((await get('/?district=atlantis')).statusCode).toBe(400);
  });

  it('ignores unknown parameters such as tracking tags', async () => {
    expect((await get('/?utm_source=sfi')).statusCode).toBe(200);
  });

  it('shows one whole day when asked for it', async () => {
    const res = await get('/?day=2026-11-28');
    expect(res.statusCode).toBe(200);
    const headings = [...res.body.matchAll(/<span class="day-name">([^<]+)/g)].map((m) => m[1]);
    expect(headings).toEqual(['lördag 28 november']);
  });

  it('moves between weeks with week numbers', async () => {
    const res = await get('/?week=2026-W49');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('vecka 49');
    expect(res.body).toContain('30 november–6 december 2026');
    expect(res.body).toContain('?week=2026-W50');
    expect(res.body).toContain('?week=2026-W48');
  });

  it('serves the same week in English under /en', async () => {
    const res = await get('/en');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<html lang="en" dir="ltr">/);
    expect(res.body).toContain('week 48');
    expect(res.body).toContain('Thursday 26 November');
    expect(res.body).not.toContain('Veckan');
  });

  it('shows an activity with every fact, OpenStreetMap, tel: and mailto: links', async () => {
    const list = await api('/api/v1/activities?from=2026-11-23&to=2026-11-29&category=sprakcafe');
    const first = list.body.occurrences[0];
    const res = await get(new URL(first.activity.url).pathname);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(first.activity.title.replace(/&/g, '&amp;'));
    expect(res.body).toContain('https://www.openstreetmap.org/?mlat=');
    expect(res.body).toMatch(/href="tel:\+?\d+"/);
    expect(res.body).toMatch(/href="mailto:[^"]+@[^"]+"/);
    expect(res.body).toContain('kalender.ics');
  });

  it('redirects an activity link with an old slug to the canonical one', async () => {
    const list = await api('/api/v1/activities?from=2026-11-23&to=2026-11-29');
    const id = list.body.occurrences[0].activity.id;
    const res = await get(`/en/aktivitet/${id}`);
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toMatch(new RegExp(`^/en/aktivitet/${id}-[a-z0-9-]+$`));
  });

  it('marks a cancelled occurrence on the week, the activity page and in the API', async () => {
    const list = await api('/api/v1/activities?from=2026-11-26&to=2027-01-31&limit=2000');
    const cancelled = list.body.occurrences.find((o: any) => o.status === 'cancelled');
    expect(cancelled).toBeDefined();
    expect(cancelled.note).toBeTruthy();
    const page = await get(new URL(cancelled.activity.url).pathname);
    expect(page.body).toContain('badge-cancelled');
    expect(page.body).toContain(cancelled.note);
  });

  it('answers unknown ids and slugs with a 404 page in the page language', async () => {
    for (const url of ['/aktivitet/999999', '/aktivitet/abc', '/organisationer/finns-inte', '/kategori/okand', '/nope']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('Sidan finns inte');
    }
    const en = await get('/en/nope');
    expect(en.statusCode).toBe(404);
    expect(en.body).toMatch(/<html lang="en"/);
  });

  it('gives the activity as an iCalendar file in Europe/Stockholm', async () => {
    const list = await api('/api/v1/activities?from=2026-11-23&to=2026-11-29&category=sprakcafe');
    const path = new URL(list.body.occurrences[0].activity.url).pathname;
    const res = await get(`${path}/kalender.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(res.body).toContain('BEGIN:VTIMEZONE');
    expect(res.body).toContain('TZID:Europe/Stockholm');
    expect(res.body).toMatch(/DTSTART;TZID=Europe\/Stockholm:\d{8}T\d{6}/);
    expect(res.body).toContain('RRULE:FREQ=');
  });

  it('lists all language cafés with their regular times on the category page', async () => {
    const res = await get('/kategori/sprakcafe');
    expect(res.statusCode).toBe(200);
    const rows = res.body.match(/<span class="occ-title">/g) ?? [];
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(res.body).toMatch(/Varje (måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)/);
  });

  it('filters the organisation directory by category and district', async () => {
    const all = await get('/organisationer');
    const sport = await get('/organisationer?category=idrott');
    const count = (html: string) => (html.match(/<li class="card">/g) ?? []).length;
    expect(count(all.body)).toBeGreaterThanOrEqual(30);
    expect(count(sport.body)).toBeGreaterThan(0);
    expect(count(sport.body)).toBeLessThan(count(all.body));
    const vivalla = await get('/organisationer?district=vivalla');
    expect(count(vivalla.body)).toBeGreaterThan(0);
    expect(count(vivalla.body)).toBeLessThan(count(all.body));
  });

  it('shows an organisation with its contacts and upcoming activities', async () => {
    const orgs = await api('/api/v1/organisations?category=sprakcafe');
    const org = orgs.body.organisations[0];
    const res = await get(`/organisationer/${org.slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(org.name.replace(/&/g, '&amp;'));
    expect(res.body).toContain('regular-list');
  });

  it('searches without caring about case or diacritics', async () => {
    const res = await get('/sok?q=SPRAKCAFE');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Språkcafé');
    const orgs = await get('/sok?q=radda%20barnen');
    expect(orgs.body).toContain('Rädda Barnen');
    const none = await get('/sok?q=%25_%25');
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain('Vi hittade inget');
  });

  it('has about, privacy and accessibility pages linked from every footer', async () => {
    const home = await get('/');
    for (const path of ['/om', '/integritet', '/tillganglighet']) {
      expect(home.body).toContain(`href="${path}"`);
      expect((await get(path)).statusCode).toBe(200);
    }
    const statement = await get('/tillganglighet');
    expect(statement.body).toContain('WCAG 2.1');
    expect(statement.body).toContain('https://www.digg.se/');
  });

  it('describes every public page to search engines and link previews, in the page language', async () => {
    const described = ['/', '/organisationer', '/sok', '/sok?q=kaffe', '/kategorier', '/kategori/sprakcafe', '/om', '/integritet', '/tillganglighet', '/organisationer/roda-korset-orebro', '/efterfragas', '/planering'];
    for (const prefix of ['', '/en', '/ar']) {
      for (const path of described) {
        const res = await get(`${prefix}${path}`);
        const content = /<meta name="description" content="([^"]*)"/.exec(res.body)?.[1];
        expect(content, `${prefix}${path}`).toBeTruthy();
        expect(res.body, `${prefix}${path}`).toContain(`<meta property="og:description" content="${content}"`);
      }
    }
  });

  it('keeps the page when switching language, and remembers the choice', async () => {
    const res = await get('/organisationer?category=idrott');
    expect(res.body).toContain('href="/sprak/en?next=%2Forganisationer%3Fcategory%3Didrott"');
    expect(res.body).toContain('hreflang="en" href="http://tillsammans.test/en/organisationer?category=idrott"');
    const choose = await get('/sprak/en?next=%2Forganisationer%3Fcategory%3Didrott');
    expect(choose.statusCode).toBe(303);
    expect(choose.headers.location).toBe('/en/organisationer?category=idrott');
    expect(String(choose.headers['set-cookie'])).toMatch(/^lang=en; Path=\/; Max-Age=\d+; SameSite=Lax; HttpOnly/);
    // Back to Swedish from an English page: the prefix goes.
    const back = await get('/sprak/sv?next=%2Fen%2Forganisationer');
    expect(back.headers.location).toBe('/organisationer');
    expect(String(back.headers['set-cookie'])).toContain('lang=sv');
  });

  it('sends a reader who chose a language, or whose browser asks for one, to that language', async () => {
    const chosen = await get('/kategorier', { cookie: 'lang=en' });
    expect(chosen.statusCode).toBe(302);
    expect(chosen.headers.location).toBe('/en/kategorier');
    const browser = await get('/?week=2026-W49', { 'accept-language': 'en-US,en;q=0.9' });
    expect(browser.headers.location).toBe('/en?week=2026-W49');
    // A reader who chose Swedish stays, whatever the browser says.
    expect((await get('/', { cookie: 'lang=sv', 'accept-language': 'en' })).statusCode).toBe(200);
    // No preference, or one we cannot serve: Swedish.
    expect((await get('/', { 'accept-language': 'de' })).statusCode).toBe(200);
    expect((await get('/')).headers.vary).toContain('Accept-Language');
  });

  it('never redirects the language choice to another site', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const res = await get(`/sprak/en?next=${encodeURIComponent(next)}`);
      expect(res.headers.location, next).toBe('/en');
    }
    expect((await get('/sprak/xx?next=/')).statusCode).toBe(404);
  });

  it('answers health checks', async () => {
    const res = await get('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  describe('JSON API', () => {
    it('returns occurrences with activity, place and organisations', async () => {
      const { status, body } = await api('/api/v1/activities?from=2026-11-23&to=2026-11-29');
      expect(status).toBe(200);
      expect(body.from).toBe('2026-11-23');
      expect(body.total).toBe(body.occurrences.length);
      expect(body.total).toBeGreaterThan(40);
      const o = body.occurrences[0];
      expect(o).toMatchObject({ date: expect.stringMatching(/^2026-11-2\d$/), startTime: expect.stringMatching(/^\d\d:\d\d$/) });
      expect(o.activity.url).toMatch(/^http:\/\/tillsammans\.test\/aktivitet\/\d+-/);
      expect(o.organisations.length).toBeGreaterThan(0);
      const dates = body.occurrences.map((x: any) => x.startsAt);
      expect([...dates].sort()).toEqual(dates);
    });

    it('applies every filter', async () => {
      const base = '/api/v1/activities?from=2026-11-23&to=2026-12-20';
      const all = (await api(base)).body.occurrences as any[];
      const women = (await api(`${base}&women=true`)).body.occurrences as any[];
      expect(women.length).toBeGreaterThan(0);
      expect(women.every((o) => o.activity.gender === 'women')).toBe(true);
      const free = (await api(`${base}&free=true`)).body.occurrences as any[];
      expect(free.every((o) => o.activity.isFree)).toBe(true);
      expect(free.length).toBeLessThan(all.length);
      const volunteers = (await api(`${base}&audience=volunteers`)).body.occurrences as any[];
      expect(volunteers.length).toBeGreaterThan(0);
      expect(volunteers.every((o) => o.activity.audience === 'volunteers')).toBe(true);
      const vivalla = (await api(`${base}&district=vivalla`)).body.occurrences as any[];
      expect(vivalla.length).toBeGreaterThan(0);
      expect(vivalla.every((o) => o.place.districtSlug === 'vivalla')).toBe(true);
      const children = (await api(`${base}&age=children`)).body.occurrences as any[];
      expect(children.length).toBeGreaterThan(0);
      for (const o of children.slice(0, 5)) {
        const detail = await api(`/api/v1/activities/${o.activity.id}`);
        expect(detail.body.ageGroups).toContain('children');
      }
      const arabic = (await api(`${base}&language=ar`)).body.occurrences as any[];
      expect(arabic.length).toBeGreaterThan(0);
      const detail = await api(`/api/v1/activities/${arabic[0].activity.id}`);
      expect(detail.body.languages).toContain('ar');
    });

    it('refuses bad parameters with 400 naming the parameter', async () => {
      const cases: [string, string][] = [
        ['/api/v1/activities?from=2026-13-01', 'from'],
        ['/api/v1/activities?from=yesterday', 'from'],
        ['/api/v1/activities?from=2026-01-01&to=2027-06-01', 'to'],
        ['/api/v1/activities?from=2026-02-01&to=2026-01-01', 'to'],
        ['/api/v1/activities?category=unknown', 'category'],
        ['/api/v1/activities?limit=0', 'limit'],
        ['/api/v1/activities?district=atlantis', 'district'],
      ];
      for (const [url, parameter] of cases) {
        const { status, body } = await api(url);
        expect(status, url).toBe(400);
        expect(body.error.parameter, url).toBe(parameter);
        expect(body.error.message, url).toBeTruthy();
      }
    });

    it('allows a range of exactly 366 days', async () => {
      const { status } = await api('/api/v1/activities?from=2026-11-01&to=2027-11-02&limit=1');
      expect(status).toBe(200);
    });

    it('returns one activity and 404 for an unknown one', async () => {
      const list = await api('/api/v1/activities?from=2026-11-23&to=2026-11-29');
      const id = list.body.occurrences[0].activity.id;
      const one = await api(`/api/v1/activities/${id}`);
      expect(one.status).toBe(200);
      expect(one.body.schedule.timeZone).toBe('Europe/Stockholm');
      expect(one.body.nextOccurrences.length).toBeGreaterThan(0);
      expect((await api('/api/v1/activities/987654')).status).toBe(404);
    });

    it('lists organisations and returns one by id or slug', async () => {
      const list = await api('/api/v1/organisations');
      expect(list.body.total).toBeGreaterThanOrEqual(30);
      const org = list.body.organisations[0];
      expect((await api(`/api/v1/organisations/${org.id}`)).body.slug).toBe(org.slug);
      expect((await api(`/api/v1/organisations/${org.slug}`)).body.id).toBe(org.id);
      expect((await api('/api/v1/organisations/999999')).status).toBe(404);
    });

    it('allows reading from other origins', async () => {
      const res = await get('/api/v1/organisations');
      expect(res.headers['access-control-allow-origin']).toBe('*');
    });
  });

  describe('user text', () => {
    it('is escaped on every page', async () => {
      const payload = '<script>alert("x")</script><img src=x onerror=alert(1)>';
      const id = await insertActivity(
        t.database.db,
        activityInput({ title: `Test ${payload}`, description: payload, isFree: false, costText: payload, contactName: payload }),
        FIXED_NOW,
        '2026-11-26',
      );
      for (const url of [`/aktivitet/${id}-test-script-alert-x-script-img-src-x-onerror-alert-1`, '/', '/kategori/kultur', '/sok?q=alert']) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(200);
        expect(res.body, url).not.toContain('<script>alert');
        expect(res.body, url).not.toContain('<img src=x');
        expect(res.body, url).toContain('&lt;script>alert');
      }
    });
  });
});
