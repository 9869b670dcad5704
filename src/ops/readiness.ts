/**
 * /readyz for a load balancer: 200 when this instance can serve (the database answers and has every
 * migration this code knows), 503 otherwise and while it shuts down (then Fastify answers 503 itself).
 * /healthz stays the liveness check.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { migrations } from '../db/migrations/index.js';

const LATEST = Object.keys(migrations).sort().at(-1)!;

export function registerReadiness(app: FastifyInstance): void {
  const { db } = app.deps;
  app.get('/readyz', { config: { access: 'public' } }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    try {
      const row = await sql<{ name: string }>`select name from kysely_migration where name = ${LATEST}`.execute(db);
      if (row.rows.length === 0) return reply.code(503).send({ status: 'migrating' });
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
}
