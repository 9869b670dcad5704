/**
 * Freshness: the page a reminder's link opens (GET shows, only the POST confirms, so a mail scanner
 * following the link changes nothing), and the coordinator's stale list with "send a reminder now".
 */
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../web/errors.js';
import { idParams } from '../../web/params.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { listEditorsOf } from '../accounts/index.js';
import { freshnessCutoffs } from '../calendar/index.js';
import { findAnyOrganisation } from '../organisations/index.js';
import { ConfirmPage, ConfirmResultPage, StaleListPage } from './freshness.page.js';
import { lastRemindersOf, listStaleActivities } from './freshness.store.js';
import { confirmByLink, readLink, sendReminder, type RemindResult, type ReminderDeps } from './reminders.js';

/** Rows of the stale list on one page. */
export const STALE_PAGE_SIZE = 50;
const DONE: RemindResult[] = ['sent', 'noAddress', 'nothingDue'];

const tokenParams = { type: 'object', required: ['token'], properties: { token: { type: 'string', minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' } } } as const;

export async function freshnessRoutes(app: FastifyInstance): Promise<void> {
  const { db, now, config } = app.deps;
  const deps: ReminderDeps = { db, mailer: app.deps.mailer, publicUrl: config.publicUrl };

  app.get<{ Params: { token: string } }>('/bekrafta/:token', { config: { access: 'public' }, schema: { params: tokenParams } }, async (request, reply) => {
    const page = pageContext(request);
    reply.header('cache-control', 'no-store');
    const state = await readLink(db, request.params.token, now());
    if (state.kind !== 'open') return sendPage(reply, page, <ConfirmResultPage result={{ kind: state.kind }} />, state.kind === 'unknown' ? 404 : 410);
    return sendPage(reply, page, <ConfirmPage organisation={state.organisation.name} activities={state.activities} csrf={reply.generateCsrf()} />);
  });

  app.post<{ Params: { token: string } }>('/bekrafta/:token', { config: { access: 'public' }, schema: { params: tokenParams } }, async (request, reply) => {
    const page = pageContext(request);
    reply.header('cache-control', 'no-store');
    const result = await confirmByLink(deps, request.params.token, now());
    const status = result.kind === 'confirmed' ? 200 : result.kind === 'unknown' ? 404 : 410;
    return sendPage(reply, page, <ConfirmResultPage result={result} />, status);
  });

  app.get<{ Querystring: { sida?: number; klart?: string; org?: number } }>(
    '/admin/inaktuella',
    {
      config: { access: 'admin' },
      schema: {
        querystring: {
          type: 'object',
          properties: {
            sida: { type: 'integer', minimum: 1, maximum: 100000 },
            klart: { type: 'string', enum: DONE },
            org: { type: 'integer', minimum: 1, maximum: 2147483647 },
          },
        },
      },
    },
    async (request, reply) => {
      const page = pageContext(request);
      const at = now();
      const cutoffs = freshnessCutoffs(at);
      const current = request.query.sida ?? 1;
      const { rows, total } = await listStaleActivities(db, cutoffs.staleBefore, { limit: STALE_PAGE_SIZE, offset: (current - 1) * STALE_PAGE_SIZE });
      const orgIds = [...new Set(rows.map((r) => r.organisation.id))];
      const [editors, lastReminders, doneOrg] = await Promise.all([
        listEditorsOf(db, orgIds),
        lastRemindersOf(db, orgIds),
        request.query.klart && request.query.org ? findAnyOrganisation(db, { id: request.query.org }) : undefined,
      ]);
      const active = new Map([...editors].map(([id, list]) => [id, list.filter((e) => e.active)]));
      return sendPage(
        reply,
        page,
        <StaleListPage
          rows={rows}
          total={total}
          page={current}
          pages={Math.max(1, Math.ceil(total / STALE_PAGE_SIZE))}
          editors={active}
          lastReminders={lastReminders}
          hiddenBefore={cutoffs.hiddenBefore}
          csrf={reply.generateCsrf()}
          done={doneOrg && request.query.klart ? { result: request.query.klart, organisation: doneOrg.name } : undefined}
        />,
      );
    },
  );

  app.post<{ Params: { id: number } }>('/admin/inaktuella/:id/paminn', { config: { access: 'admin' }, schema: { params: idParams } }, async (request, reply) => {
    const organisation = await findAnyOrganisation(db, { id: request.params.id });
    if (!organisation) throw notFound();
    const result = await sendReminder(deps, organisation, { sentBy: request.viewer!.id }, now());
    const shown = result === 'alreadyThisMonth' ? 'sent' : result;
    return reply.redirect(`${pageContext(request).href('/admin/inaktuella')}?klart=${shown}&org=${organisation.id}`, 303);
  });
}
