/** What a server needs of a running instance: readiness, and metrics for Prometheus behind a token or the coordinator. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { Client, signedInClient } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';

const TOKEN = 'metrics-token-0123456789abcdef';

describe.skipIf(skipDatabase())(`operations on ${testDialect}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { METRICS_TOKEN: TOKEN }, cacheTtlSeconds: 10 });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('is ready when the database has every migration, and says so without caching', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('is not ready while the database lacks the latest migration', async () => {
    const db = t.database.db;
    const latest = await db.selectFrom('kysely_migration' as never).select('name' as never).orderBy('name' as never, 'desc').executeTakeFirstOrThrow();
    const name = (latest as { name: string }).name;
    await db.deleteFrom('kysely_migration' as never).where('name' as never, '=', name as never).execute();
    try {
      const res = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'migrating' });
    } finally {
      await db.insertInto('kysely_migration' as never).values({ name, timestamp: new Date().toISOString() } as never).execute();
    }
  });

  it('keeps metrics from anonymous readers, editors and wrong tokens', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer wrong-token-0123456789abcdef' } })).statusCode).toBe(401);
    const editor = await signedInClient(t, { isTranslator: true });
    expect((await editor.request('GET', '/metrics')).statusCode).toBe(401);
  });

  it('counts requests by route pattern without the language prefix, and the response cache', async () => {
    await t.app.inject({ method: 'GET', url: '/organisationer' });
    await t.app.inject({ method: 'GET', url: '/en/organisationer' });
    await t.app.inject({ method: 'GET', url: '/en/organisationer' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const body = res.body;
    const count = Number(/tillsammans_http_request_duration_seconds_count\{route="\/organisationer",method="GET",status="2xx"\} (\d+)/.exec(body)?.[1]);
    expect(count).toBe(3);
    expect(body).not.toContain('route="/en/organisationer"');
    expect(Number(/tillsammans_response_cache_hits_total (\d+)/.exec(body)?.[1])).toBeGreaterThanOrEqual(1);
    expect(body).toMatch(/tillsammans_process_resident_memory_bytes \d+/);
    expect(body).toContain('tillsammans_outbox_failed');
    // The start page read its week into memory (calendar/week-model.ts): counted whole.
    await t.app.inject({ method: 'GET', url: '/?category=sprakcafe' });
    const weeks = (await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).body;
    expect(Number(/tillsammans_week_model_reads\{kind="whole"\} (\d+)/.exec(weeks)?.[1])).toBeGreaterThanOrEqual(1);
    expect(weeks).toMatch(/tillsammans_week_model_reads\{kind="update"\} \d+/);
  });

  it('names every answer by its request id, taking a proxy’s id only when it is a plain token', async () => {
    const own = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(own.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const page = await t.app.inject({ method: 'GET', url: '/', headers: { 'x-request-id': 'nginx-4f2a9c01' } });
    expect(page.headers['x-request-id']).toBe('nginx-4f2a9c01');
    const forged = await t.app.inject({ method: 'GET', url: '/', headers: { 'x-request-id': 'x"}\u2028{"level":60' } });
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a metrics token too short to be secret', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(ConfigError);
    expect(loadConfig({ METRICS_TOKEN: TOKEN }).metricsToken).toBe(TOKEN);
  });

  it('shows metrics to a signed-in coordinator', async () => {
    const admin = await signedInClient(t, { isAdmin: true });
    const res = await admin.request('GET', '/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('tillsammans_http_request_duration_seconds_bucket');
  });
});
