/** The API's OpenAPI description comes from the validating schemas; the API is rate-limited per client. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { pruneRateLimits } from '../../src/features/accounts/index.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { skipDatabase, testDialect } from '../support/db.js';

describe.skipIf(skipDatabase())(`API documentation and limits on ${testDialect}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false, env: { API_RATE_LIMIT_PER_MINUTE: '5' } });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('describes every /api/v1 route with the parameters its schema validates', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths).sort()).toEqual([
      '/api/v1/activities',
      '/api/v1/activities/{id}',
      '/api/v1/organisations',
      '/api/v1/organisations/{id}',
    ]);
    const params = spec.paths['/api/v1/activities'].get.parameters as { name: string; schema: { enum?: string[] } }[];
    expect(params.map((p) => p.name)).toEqual(expect.arrayContaining(['from', 'to', 'category', 'district', 'audience', 'age', 'women', 'free', 'language', 'limit', 'offset']));
    expect(params.find((p) => p.name === 'category')!.schema.enum).toContain('sprakcafe');
  });

  it('shows a readable documentation page without scripts', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('GET /api/v1/activities');
    expect(res.body).not.toMatch(/<script(?![^>]*type="application\/ld\+json")/);
  });

  it('answers 429 with a message once a client asks too often', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 7; i++) {
      last = await t.app.inject({ method: 'GET', url: '/api/v1/organisations', remoteAddress: '10.9.8.7' });
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses[6]).toBe(429);
    expect(last!.json().error.code).toBe('errors.tooManyRequests');
    expect(last!.headers['retry-after']).toBeDefined();
    // Another client is not affected.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/organisations', remoteAddress: '10.9.8.8' })).statusCode).toBe(200);
  });

  it('shares the count between instances that share the database', async () => {
    const second = await buildApp({ ...t.app.deps });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const app = i % 2 === 0 ? t.app : second;
        statuses.push((await app.inject({ method: 'GET', url: '/api/v1/organisations', remoteAddress: '10.1.1.1' })).statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      const rows = await t.database.db.selectFrom('rateLimits').selectAll().where('key', 'like', 'api:%').execute();
      expect(rows.map((r) => r.key)).toContain('api:10.1.1.1');
      // Old windows are forgotten; current ones stay.
      expect(await pruneRateLimits(t.database.db, new Date(t.app.deps.now().getTime() - 864e5))).toBe(0);
      expect(await pruneRateLimits(t.database.db, new Date(t.app.deps.now().getTime() + 864e5))).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  });
});
