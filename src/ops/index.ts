/** Operations: what a server, a load balancer and Prometheus need of a running instance. */
import type { FastifyInstance } from 'fastify';
import { registerMetrics } from './metrics.js';
import { registerReadiness } from './readiness.js';

export { routeLabel } from './metrics.js';
export { requestId } from './request-id.js';

export function registerOperations(app: FastifyInstance): void {
  // Each answer names its request, so a report ("it failed at 10:14") finds its log lines.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerReadiness(app);
  registerMetrics(app);
}
