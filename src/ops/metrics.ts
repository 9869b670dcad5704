/**
 * /metrics for Prometheus: request durations by route and status, the process (memory, event-loop
 * delay, CPU), the response cache, scheduled jobs and the mail outbox. Each app has its own registry.
 * Readable with `Authorization: Bearer <METRICS_TOKEN>` or by a signed-in coordinator (access 'monitor').
 */
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { LANGUAGES, languagePrefix } from '../i18n/index.js';
import { listJobRuns } from '../jobs/index.js';
import { weekModelCounts } from '../features/calendar/index.js';

const PREFIXES = LANGUAGES.map((l) => languagePrefix(l.code)).filter(Boolean);

/** The route pattern without its language prefix, so eight languages make one series. */
export function routeLabel(url: string | undefined): string {
  if (!url) return 'unmatched';
  for (const prefix of PREFIXES) {
    if (url === prefix) return '/';
    if (url.startsWith(`${prefix}/`)) return url.slice(prefix.length);
  }
  return url;
}

export function registerMetrics(app: FastifyInstance): void {
  const { db } = app.deps;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tillsammans_' });

  const duration = new Histogram({
    name: 'tillsammans_http_request_duration_seconds',
    help: 'Time from request to response, by route pattern, method and status class.',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const status = `${Math.floor(reply.statusCode / 100)}xx`;
    duration.observe({ route: routeLabel(request.routeOptions.url), method: request.method, status }, reply.elapsedTime / 1000);
  });

  const cacheHits = new Counter({ name: 'tillsammans_response_cache_hits_total', help: 'Public responses served from the cache.', registers: [registry] });
  const cacheMisses = new Counter({ name: 'tillsammans_response_cache_misses_total', help: 'Cacheable public responses that had to be rendered.', registers: [registry] });
  app.addHook('onSend', async (_request, reply, payload) => {
    const state = reply.getHeader('x-cache');
    if (state === 'hit' || state === 'shared') cacheHits.inc();
    else if (state === 'miss') cacheMisses.inc();
    return payload;
  });

  new Gauge({
    name: 'tillsammans_job_failures_in_row',
    help: 'How many times in a row each scheduled job has failed (0 when its last run succeeded).',
    labelNames: ['job'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const run of await listJobRuns(db)) this.set({ job: run.name }, run.failuresInRow);
    },
  });
  new Gauge({
    name: 'tillsammans_job_last_success_timestamp_seconds',
    help: 'When each scheduled job last succeeded (Unix time).',
    labelNames: ['job'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const run of await listJobRuns(db)) if (run.lastSuccessAt) this.set({ job: run.name }, Date.parse(run.lastSuccessAt) / 1000);
    },
  });
  new Gauge({
    name: 'tillsammans_week_model_reads',
    help: 'Weeks the calendar read into memory since start: whole, or brought up to date from the activities that changed.',
    labelNames: ['kind'] as const,
    registers: [registry],
    collect() {
      const counts = weekModelCounts(db);
      this.set({ kind: 'whole' }, counts.loaded);
      this.set({ kind: 'update' }, counts.updated);
    },
  });
  new Gauge({
    name: 'tillsammans_outbox_failed',
    help: 'Mail the SMTP server did not accept (kept in the outbox).',
    registers: [registry],
    async collect() {
      const row = await db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('error', 'is not', null).executeTakeFirst();
      this.set(Number(row?.n ?? 0));
    },
  });

  // The bearer token (METRICS_TOKEN) or a coordinator's session: checked with every route's access.
  app.get('/metrics', { config: { access: 'monitor' } }, async (_request, reply) => {
    reply.header('content-type', registry.contentType).header('cache-control', 'no-store');
    return registry.metrics();
  });
}
