/**
 * /efterfragas: what newcomers ask for (wishes the coordinator has let through, and those guides
 * recorded), and the anonymous "Jag skulle vilja …" form, whose wishes wait for the coordinator;
 * /admin/onskemal: the coordinator shows or hides waiting wishes, merges, splits off, marks as offered
 * and deletes wishes.
 * The guide's statistics (/lots/statistik) are registered with them.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../web/errors.js';
import { idParams } from '../../web/params.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { hitRateLimit } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import { activityPath, findActivities, findActivity, listActivityTexts, localiseTitles } from '../calendar/index.js';
import { districtIdExists, listDistricts } from '../places/index.js';
import { CATEGORY_CODES } from '../taxonomy/index.js';
import { outcomeRoutes } from './outcomes.routes.js';
import { deleteWishes, insertWish, setWishesMergedInto, setWishesServedBy, setWishStatus } from './wish.commands.js';
import { countWishesByStatus, listWishes, listWishesWithStatus } from './wish.store.js';
import { WishAdminPage, WishesAdminPage, WishesPage, wishLabelText, type OfferedActivity } from './wishes.page.js';
import { emptyWishForm, groupWishes, readWishForm, wishesToMerge, HONEYPOT_FIELD, type WishForm, type WishGroup } from './wishes.js';

/** Wishes one address may send per hour. */
const WISHES_PER_HOUR = 10;

const text = (max: number) => ({ type: 'string', maxLength: max }) as const;
// Generous limits: a text longer than the form allows gets an error beside its field, not a bare 400.
const wishBody = {
  type: 'object',
  properties: { category: text(100), text: text(5000), ageGroup: text(20), districtId: text(20), [HONEYPOT_FIELD]: text(5000) },
} as const;
const NOTICES = ['merged', 'unmerged', 'served', 'deleted', 'approved', 'hidden'] as const;
type NoticeCode = (typeof NOTICES)[number];
const noticeQuery = { type: 'object', properties: { klart: { type: 'string', enum: [...NOTICES] } } } as const;
/** Groups, and waiting or hidden wishes, per page of the coordinator's list. */
export const WISH_ADMIN_PAGE_SIZE = 50;
const pageNumber = { type: 'integer', minimum: 1, maximum: 10000 } as const;
const QUEUES = { vantar: 'pending', dolda: 'hidden' } as const;
type QueueName = keyof typeof QUEUES;
const adminQuery = {
  type: 'object',
  properties: { klart: { type: 'string', enum: [...NOTICES] }, sida: pageNumber, lista: { type: 'string', enum: Object.keys(QUEUES) }, lsida: pageNumber },
} as const;

/** The wish pages and the guide's statistics, as one registration for the app. */
export async function wishesRoutes(app: FastifyInstance): Promise<void> {
  const { db, now } = app.deps;
  /** The groups everyone sees: wishes the coordinator approved, and those from guides' cases. */
  const loadGroups = async () => groupWishes(await listWishes(db, 'approved'));

  // --- the public page and form --------------------------------------------------------------------

  const publicPage = async (request: FastifyRequest, reply: FastifyReply, state: { form: WishForm; errors?: Record<string, string>; status?: number; thanks?: boolean }) => {
    const page = pageContext(request);
    const [groups, districts] = await Promise.all([loadGroups(), listDistricts(db)]);
    const published = await findActivities(db, groups.flatMap((g) => (g.servedByActivityId === null ? [] : [g.servedByActivityId])));
    const titles = await localiseTitles(db, [...published.values()], page.lang.code, (a) => a.id);
    const offeredBy = new Map<number, OfferedActivity>(titles.map((a) => [a.id, { path: activityPath(a), title: a.localTitle }]));
    const offered: { group: WishGroup; activity: OfferedActivity }[] = [];
    const open: WishGroup[] = [];
    for (const g of groups) {
      // An activity no longer published offers nothing: its wish goes back on the list.
      const activity = g.servedByActivityId === null ? undefined : offeredBy.get(g.servedByActivityId);
      if (activity) offered.push({ group: g, activity });
      else open.push(g);
    }
    return sendPage(
      reply,
      page,
      <WishesPage open={open} offered={offered} districts={districts} form={state.form} errors={state.errors ?? {}} csrf={reply.generateCsrf()} thanks={state.thanks ?? false} />,
      state.status ?? 200,
    );
  };

  app.get<{ Querystring: { tack?: string } }>(
    '/efterfragas',
    { config: { access: 'public' }, schema: { querystring: { type: 'object', properties: { tack: text(5) } } } },
    async (request, reply) => publicPage(request, reply, { form: emptyWishForm(), thanks: request.query.tack === '1' }),
  );

  app.post<{ Body: Record<string, unknown> }>('/efterfragas', { config: { access: 'public' }, schema: { body: wishBody } }, async (request, reply) => {
    const page = pageContext(request);
    const thanks = `${page.href('/efterfragas')}?tack=1`;
    const { form, errors, input } = readWishForm(request.body ?? {}, CATEGORY_CODES);
    // A robot that filled in the hidden field is told the same as a person, and nothing is stored.
    if (form.honeypot.trim() !== '') return reply.redirect(thanks, 303);
    if (input?.districtId != null && !(await districtIdExists(db, input.districtId))) errors.districtId = 'guide.wishes.errors.choiceInvalid';
    if (!input || Object.keys(errors).length > 0) return publicPage(request, reply, { form, errors, status: 400 });
    const at = now();
    const limit = await hitRateLimit(db, `wish:${request.ip}`, at, 3600, WISHES_PER_HOUR);
    if (!limit.allowed) return publicPage(request, reply, { form, errors: { form: 'guide.wishes.errors.tooMany' }, status: 429 });
    await insertWish(db, { ...input, source: 'public', caseId: null }, at);
    return reply.redirect(thanks, 303);
  });

  // --- the coordinator's list and merging ------------------------------------------------------------

  const noticeText = (request: FastifyRequest, code: NoticeCode | undefined) =>
    code === undefined ? undefined : (pageContext(request).t as unknown as (k: string) => string)(`guide.wishes.admin.notices.${code}`);

  /** Swedish titles of activities, published or not (the coordinator sees what a wish points at). */
  const activityTitles = async (ids: number[]) => {
    const found = await findActivities(db, ids, { includeUnpublished: true });
    return new Map([...found.values()].map((a) => [a.id, a.title]));
  };

  const adminList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    state: { message?: string; error?: string; chosen?: { merge: string[]; into: string }; status?: number; page?: number; queue?: QueueName; queuePage?: number },
  ) => {
    const page = state.page ?? 1;
    const queue = state.queue ?? 'vantar';
    const queuePage = state.queuePage ?? 1;
    const [groups, counts, waiting, districts] = await Promise.all([
      loadGroups(),
      countWishesByStatus(db),
      listWishesWithStatus(db, QUEUES[queue], { limit: WISH_ADMIN_PAGE_SIZE, offset: (queuePage - 1) * WISH_ADMIN_PAGE_SIZE }),
      listDistricts(db),
    ]);
    const shown = groups.slice((page - 1) * WISH_ADMIN_PAGE_SIZE, page * WISH_ADMIN_PAGE_SIZE);
    const titles = await activityTitles(shown.flatMap((g) => (g.servedByActivityId === null ? [] : [g.servedByActivityId])));
    return sendPage(
      reply,
      pageContext(request),
      <WishesAdminPage
        groups={groups}
        shown={shown}
        page={page}
        pages={Math.max(1, Math.ceil(groups.length / WISH_ADMIN_PAGE_SIZE))}
        counts={counts}
        queue={{ name: queue, wishes: waiting, page: queuePage, pages: Math.max(1, Math.ceil(counts[QUEUES[queue]] / WISH_ADMIN_PAGE_SIZE)) }}
        districts={districts}
        activityTitles={titles}
        csrf={reply.generateCsrf()}
        message={state.message}
        error={state.error}
        chosen={state.chosen}
      />,
      state.status ?? 200,
    );
  };

  app.get<{ Querystring: { klart?: NoticeCode; sida?: number; lista?: QueueName; lsida?: number } }>(
    '/admin/onskemal',
    { config: { access: 'admin' }, schema: { querystring: adminQuery } },
    async (request, reply) => {
      const q = request.query;
      return adminList(request, reply, { message: noticeText(request, q.klart), page: q.sida, queue: q.lista, queuePage: q.lsida });
    },
  );

  // Waiting wishes are shown or hidden, one (its own button) or all ticked at once.
  app.post<{ Body: { ids?: string[]; decision?: string; approve?: string; hide?: string } }>(
    '/admin/onskemal/granska',
    {
      config: { access: 'admin' },
      schema: {
        body: { type: 'object', properties: { ids: { type: 'array', maxItems: 1000, items: text(12) }, decision: text(10), approve: text(12), hide: text(12) } },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const one = body.approve ?? body.hide;
      const status = body.approve !== undefined || body.decision === 'approve' ? 'approved' : body.hide !== undefined || body.decision === 'hide' ? 'hidden' : undefined;
      const ids = (one !== undefined ? [one] : (body.ids ?? [])).filter((id) => /^\d{1,9}$/.test(id)).map(Number);
      if (!status || ids.length === 0) return adminList(request, reply, { error: 'guide.wishes.admin.errors.chooseWishes', status: 400 });
      const changed = await setWishStatus(db, ids, status);
      if (changed.length > 0) {
        // Ids and a count only: a hidden wish's text is what should not be shown anywhere.
        await recordAudit(db, { actorUserId: request.viewer!.id, action: status === 'approved' ? 'wish.approved' : 'wish.hidden', entity: 'wish', entityId: changed.length === 1 ? changed[0]! : null, after: { wishes: changed.length, ids: changed } }, now());
      }
      return reply.redirect(`${pageContext(request).href('/admin/onskemal')}?klart=${status}`, 303);
    },
  );

  app.post<{ Body: { merge?: string[]; into?: string } }>(
    '/admin/onskemal/sla-ihop',
    {
      config: { access: 'admin' },
      schema: { body: { type: 'object', properties: { merge: { type: 'array', maxItems: 1000, items: text(12) }, into: text(12) } } },
    },
    async (request, reply) => {
      const merge = request.body.merge ?? [];
      const into = (request.body.into ?? '').trim();
      const groups = await loadGroups();
      const target = groups.find((g) => String(g.id) === into);
      const sources = groups.filter((g) => g !== target && merge.includes(String(g.id)));
      if (!target || sources.length === 0) {
        return adminList(request, reply, { error: 'guide.wishes.admin.errors.chooseMerge', chosen: { merge, into }, status: 400 });
      }
      const ids = wishesToMerge(groups, target.id, sources.map((g) => g.id));
      const at = now();
      await setWishesMergedInto(db, ids, target.id);
      const t = pageContext(request).t;
      await recordAudit(
        db,
        {
          actorUserId: request.viewer!.id,
          action: 'wish.merged',
          entity: 'wish',
          entityId: target.id,
          after: { into: wishLabelText(t, target), merged: sources.map((g) => wishLabelText(t, g)), wishes: ids.length },
        },
        at,
      );
      return reply.redirect(`${pageContext(request).href('/admin/onskemal')}?klart=merged`, 303);
    },
  );

  // --- one wish: split off, offered by, delete ---------------------------------------------------------

  /** The group a wish counts in (any of its wishes' ids finds it). */
  const findGroup = async (id: number) => {
    const group = (await loadGroups()).find((g) => g.memberIds.includes(id));
    if (!group) throw notFound();
    return group;
  };

  const wishPage = async (request: FastifyRequest, reply: FastifyReply, group: WishGroup, state: { message?: string; error?: string; activityValue?: string; status?: number } = {}) => {
    const [districts, activities] = await Promise.all([listDistricts(db), listActivityTexts(db)]);
    const current = group.servedByActivityId === null ? undefined : await findActivity(db, group.servedByActivityId, { includeUnpublished: true });
    return sendPage(
      reply,
      pageContext(request),
      <WishAdminPage
        group={group}
        districts={districts}
        activities={activities.map((a) => ({ id: a.id, title: a.title })).sort((a, b) => a.title.localeCompare(b.title, 'sv'))}
        offeredBy={current ? { id: current.id, title: current.title } : null}
        activityValue={state.activityValue ?? (group.servedByActivityId === null ? '' : String(group.servedByActivityId))}
        csrf={reply.generateCsrf()}
        message={state.message}
        error={state.error}
      />,
      state.status ?? 200,
    );
  };

  const toWish = (request: FastifyRequest, group: WishGroup, notice: NoticeCode) => `${pageContext(request).href(`/admin/onskemal/${group.id}`)}?klart=${notice}`;

  app.get<{ Params: { id: number }; Querystring: { klart?: NoticeCode } }>(
    '/admin/onskemal/:id',
    { config: { access: 'admin' }, schema: { params: idParams, querystring: noticeQuery } },
    async (request, reply) => wishPage(request, reply, await findGroup(request.params.id), { message: noticeText(request, request.query.klart) }),
  );

  app.post<{ Params: { id: number }; Body: { key?: string } }>(
    '/admin/onskemal/:id/dela',
    { config: { access: 'admin' }, schema: { params: idParams, body: { type: 'object', properties: { key: text(500) } } } },
    async (request, reply) => {
      const group = await findGroup(request.params.id);
      const label = group.merged.find((m) => m.key === request.body.key);
      if (!label) throw notFound();
      const at = now();
      await setWishesMergedInto(db, label.ids, null);
      const t = pageContext(request).t;
      await recordAudit(
        db,
        { actorUserId: request.viewer!.id, action: 'wish.unmerged', entity: 'wish', entityId: group.id, before: { from: wishLabelText(t, group), label: wishLabelText(t, label), wishes: label.ids.length } },
        at,
      );
      return reply.redirect(toWish(request, group, 'unmerged'), 303);
    },
  );

  app.post<{ Params: { id: number }; Body: { activityId?: string } }>(
    '/admin/onskemal/:id/finns',
    { config: { access: 'admin' }, schema: { params: idParams, body: { type: 'object', properties: { activityId: text(12) } } } },
    async (request, reply) => {
      const group = await findGroup(request.params.id);
      const value = (request.body.activityId ?? '').trim();
      const activityId = value === '' ? null : /^\d{1,9}$/.test(value) ? Number(value) : undefined;
      // A published activity, or the one it already points at (which may have been unpublished since).
      const valid = activityId !== undefined && (activityId === null || activityId === group.servedByActivityId || (await findActivity(db, activityId)) !== undefined);
      if (!valid || activityId === undefined) return wishPage(request, reply, group, { error: 'guide.wishes.admin.errors.activityInvalid', activityValue: value, status: 400 });
      if (activityId !== group.servedByActivityId) {
        const at = now();
        await setWishesServedBy(db, group.rootIds, activityId);
        const titles = await activityTitles([group.servedByActivityId, activityId].filter((x): x is number => x !== null));
        const describe = (id: number | null) => (id === null ? null : `${titles.get(id) ?? ''} (${id})`);
        await recordAudit(
          db,
          {
            actorUserId: request.viewer!.id,
            action: 'wish.served',
            entity: 'wish',
            entityId: group.id,
            before: { wish: wishLabelText(pageContext(request).t, group), activity: describe(group.servedByActivityId) },
            after: { wish: wishLabelText(pageContext(request).t, group), activity: describe(activityId) },
          },
          at,
        );
      }
      return reply.redirect(toWish(request, group, 'served'), 303);
    },
  );

  app.post<{ Params: { id: number } }>('/admin/onskemal/:id/ta-bort', { config: { access: 'admin' }, schema: { params: idParams } }, async (request, reply) => {
    const group = await findGroup(request.params.id);
    // Only free text can be abusive; a category is a choice the form offered.
    if (group.text === null) throw notFound();
    // Its own wishes go; wishes merged in from other labels count under their own label again.
    const mergedIn = new Set(group.merged.flatMap((m) => m.ids));
    const own = group.memberIds.filter((id) => !mergedIn.has(id));
    const at = now();
    await deleteWishes(db, own);
    await recordAudit(db, { actorUserId: request.viewer!.id, action: 'wish.deleted', entity: 'wish', entityId: group.id, before: { wish: group.text, wishes: own.length } }, at);
    return reply.redirect(`${pageContext(request).href('/admin/onskemal')}?klart=deleted`, 303);
  });

  await outcomeRoutes(app);
}
