/** The coordinator's view of the scheduled jobs (/admin/jobb) and "run now". */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../features/audit/index.js';
import { sendPage } from '../web/render.js';
import { pageContext } from '../web/server.js';
import { JOB_EVERY_MINUTES, JOB_NAMES, type JobName } from './jobs.js';
import { JobsPage } from './jobs.page.js';
import { listJobRuns, makeJobDue } from './runs.store.js';

export async function jobsRoutes(app: FastifyInstance): Promise<void> {
  const { db, now } = app.deps;

  const page = async (request: FastifyRequest, reply: FastifyReply, message?: string) => {
    const runs = new Map((await listJobRuns(db)).map((r) => [r.name, r]));
    const jobs = JOB_NAMES.map((name) => ({ name, everyMinutes: JOB_EVERY_MINUTES[name], run: runs.get(name) }));
    return sendPage(reply, pageContext(request), <JobsPage jobs={jobs} csrf={reply.generateCsrf()} message={message} now={now()} />);
  };

  app.get('/admin/jobb', { config: { access: 'admin' } }, (request, reply) => page(request, reply));

  app.post<{ Params: { name: JobName } }>(
    '/admin/jobb/:name/kor',
    {
      config: { access: 'admin' },
      schema: { params: { type: 'object', required: ['name'], properties: { name: { type: 'string', enum: [...JOB_NAMES] } } } },
    },
    async (request, reply) => {
      const { name } = request.params;
      await makeJobDue(db, name);
      await recordAudit(db, { actorUserId: request.viewer!.id, action: 'job.runRequested', entity: 'job', entityId: null, after: { job: name } }, now());
      const t = pageContext(request).t;
      const job = (t as unknown as (key: string) => string)(`admin.jobs.names.${name}`);
      return page(request, reply, t('admin.jobs.queued', { job }));
    },
  );
}
