/**
 * Generated input over every query parameter of the pages and the API: whatever arrives,
 * the answer is a page or JSON with a 2xx, 3xx, 400 or 404 status, never a 500.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { skipDatabase, testDialect } from '../support/db.js';

const PARAMS = ['category', 'district', 'audience', 'age', 'women', 'free', 'language', 'week', 'day', 'q', 'page', 'from', 'to', 'limit', 'offset'];

const VALUES = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('sprakcafe', 'vivalla', 'newcomers', 'children', 'true', 'false', '1', '0', 'ar', '2026-W48', '2026-W53', '2026-W00'),
  fc.constantFrom('2026-11-26', '2026-02-29', '2028-02-29', '0000-00-00', '9999-12-31', '-1', '1e9', 'NaN', '%', '%zz', '\u0000', '🙂', '\u202e'),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.integer({ min: -5, max: 1e7 }).map(String),
);

const PATHS = ['/', '/en/', '/kategorier', '/kategori/sprakcafe', '/organisationer', '/sok', '/api/v1/activities', '/api/v1/organisations'];

/** Encodes most values, but lets some raw (broken) percent sequences through as a browser or bot might send them. */
const encoded = fc.tuple(VALUES, fc.boolean()).map(([v, raw]) => (raw ? v.replace(/[#&\s]/g, '') : encodeURIComponent(v)));

const query = fc
  .array(fc.tuple(fc.constantFrom(...PARAMS, 'x', 'category[]', '__proto__', 'constructor'), encoded), { maxLength: 6 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));

describe.skipIf(skipDatabase())(`generated input on ${testDialect}`, () => {
  it('survives control characters in every kind of text, including NUL', async () => {
    for (const url of ['/sok?q=%00', '/sok?q=a%00b', '/api/v1/activities?category=%00', '/organisationer?district=%00', '/kalender.ics?organisation=%00']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect([200, 400, 404], url).toContain(res.statusCode);
    }
    const login = await t.app.inject({ method: 'POST', url: '/logga-in', payload: 'email=a%00%40b.se&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(login.statusCode).toBeLessThan(500);
  });

  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('never answers 500 to any query string', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATHS), query, async (path, qs) => {
        const res = await t.app.inject({ method: 'GET', url: `${path}?${qs}` });
        expect([200, 301, 302, 400, 404]).toContain(res.statusCode);
        if (path.startsWith('/api/')) {
          const body = res.json();
          if (res.statusCode === 400) expect(typeof body.error.parameter === 'string' || body.error.code === 'errors.badRequest').toBe(true);
        } else {
          expect(res.body.startsWith('<!doctype html>')).toBe(true);
        }
      }),
      { numRuns: testDialect === 'postgres' ? 150 : 400 },
    );
  }, 120_000);

  it('never answers 500 to any path segment', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/aktivitet/', '/en/aktivitet/', '/organisationer/', '/kategori/', '/api/v1/activities/', '/api/v1/organisations/'),
        fc.oneof(fc.string({ maxLength: 40 }), fc.integer({ min: -1, max: 2 ** 40 }).map(String), fc.constantFrom('%', '%E0%A4%A', '..', '1-', '0')),
        async (prefix, segment) => {
          const url = prefix + segment.replace(/[?#\s]/g, '').replace(/%(?![0-9A-Fa-f]{2})/g, '%25');
          const res = await t.app.inject({ method: 'GET', url });
          expect([200, 301, 400, 404]).toContain(res.statusCode);
        },
      ),
      { numRuns: testDialect === 'postgres' ? 150 : 400 },
    );
  }, 120_000);

  it('never answers 500 to any form body on the public forms, and never stores one that fails its checks', async () => {
    const FIELDS = [
      'title', 'description', 'category', 'audience', 'ageGroups', 'gender', 'isFree', 'costText', 'registration', 'contactPhone', 'contactEmail',
      'placeId', 'newPlace.name', 'newPlace.districtId', 'newPlace.latitude', 'languages', 'repeat', 'startDate', 'startTime', 'endTime', 'weekdays',
      'monthlyNth', 'validUntil', 'senderName', 'senderEmail', 'organisationId', 'firstName', 'phone', 'email', 'contactLanguage', 'ageGroup',
      'districtId', 'interests', 'interestText', 'freeDays', 'freeTimes', 'onBehalf', 'helperName', 'consent', 'text', 'website', '__proto__',
    ];
    const body = fc
      .array(fc.tuple(fc.constantFrom(...FIELDS), fc.oneof(VALUES, fc.constantFrom('TU', 'sprakcafe', 'new', 'weekly', '18:00', '25:61', '+46701740605'))), { maxLength: 14 })
      .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));
    // Each form with its own CSRF token (a visitor's cookie and the token from the page).
    const forms = await Promise.all(
      ['/tipsa', '/hitta-forening', '/efterfragas'].map(async (url) => {
        const page = await t.app.inject({ method: 'GET', url });
        return { url, cookie: String(page.headers['set-cookie'] ?? '').split(';')[0]!, token: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]! };
      }),
    );
    const stored = async () => Number((await t.database.db.selectFrom('guideCases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await stored();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...forms), body, async (form, payload) => {
        await t.database.db.deleteFrom('rateLimits').execute();
        const res = await t.app.inject({
          method: 'POST',
          url: form.url,
          headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: `${payload}&_csrf=${encodeURIComponent(form.token)}`,
        });
        expect([200, 303, 400, 429], `${form.url} ${payload}`).toContain(res.statusCode);
        expect(res.body.startsWith('<!doctype html>') || res.statusCode === 303).toBe(true);
      }),
      { numRuns: testDialect === 'postgres' ? 100 : 300 },
    );
    // No generated body names an age group the request form knows, so none passes its checks: nothing half-stored.
    expect(await stored()).toBe(before);
  }, 180_000);
});
