/**
 * Föreningslots: the public "get help finding an association" form, and the guide's cases (queue,
 * case page with status, notes, follow-up, possible duplicates and merging, export and erasure).
 * Every page that shows a case, and every change, is logged without personal data in the log. The
 * public form only ever adds a case of its own: it never shows or changes another.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { translator } from '../../i18n/index.js';
import { notFound } from '../../web/errors.js';
import { formBodySchema, trimmed } from '../../web/form.js';
import { idParams } from '../../web/params.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { isIsoDate } from '../../web/time.js';
import { findUserById, hitRateLimit, listUsers } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import { caseSubject } from '../mail/index.js';
import { listDistricts } from '../places/index.js';
import { CASE_STATUSES, sameContact, type CaseStatus, type GuideCase } from './case.js';
import { addNote, eraseCase, mergeCases, submitCase, updateCase } from './case.commands.js';
import { countCases, findCase, listCaseHistory, listCases, listNotes, listSameContact, requestStampKey } from './case.store.js';
import { checkStamp, signStamp } from './form-stamp.js';
import { CasePage, CasesPage, RequestDonePage, RequestPage } from './guide.page.js';
import { emptyRequestForm, readRequestForm, type RequestForm } from './request-form.js';

const PAGE_SIZE = 30;
/**
 * Requests one address may send per hour: enough for an SFI teacher sending a whole class from the
 * school's network (the honeypot and the time trap keep robots out, not this).
 */
export const REQUESTS_PER_HOUR = 60;
const NOTE_MAX = 2000;

/** A case that is done: closed, merged or erased. Nothing is offered to merge with it. */
const isDone = (c: GuideCase) => c.closedAt !== null || c.erasedAt !== null || c.mergedInto !== null;

/** What an audit entry about a case may say: the action and the fields touched, never their values. */
function logCase(db: FastifyInstance['deps']['db'], actorUserId: number, action: string, caseId: number, fields: Record<string, unknown> = {}, now: Date) {
  return recordAudit(db, { actorUserId, action, entity: 'case', entityId: caseId, after: fields }, now);
}

export async function guideRoutes(app: FastifyInstance): Promise<void> {
  const { db, now, config } = app.deps;

  // --- the public request ------------------------------------------------------------------------

  let stampKey: Promise<string> | undefined;
  const key = () => (stampKey ??= requestStampKey(db));

  /**
   * The form, with what was typed. `stamp` is carried over when the one sent is still good, so a
   * person fixing one field keeps the time already spent; otherwise the page is stamped anew.
   */
  const requestPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: RequestForm,
    state: { errors?: Record<string, string>; notice?: string; stamp?: string | undefined; status?: number } = {},
  ) => {
    reply.header('cache-control', 'no-store');
    const [districts, signingKey] = await Promise.all([listDistricts(db), key()]);
    const stamp = state.stamp ?? signStamp(signingKey, now());
    return sendPage(
      reply,
      pageContext(request),
      <RequestPage
        form={{ ...form, stamp }}
        errors={state.errors ?? {}}
        notice={state.notice}
        districts={districts}
        csrf={reply.generateCsrf()}
        retentionMonths={config.guideRetentionMonths}
      />,
      state.status ?? 200,
    );
  };

  app.get('/hitta-forening', { config: { access: 'public' } }, async (request, reply) => requestPage(request, reply, emptyRequestForm(pageContext(request).lang.code)));

  app.post<{ Body: Record<string, unknown> }>('/hitta-forening', { config: { access: 'public' }, schema: { body: formBodySchema } }, async (request, reply) => {
    const page = pageContext(request);
    const { form, errors, request: caseRequest, spam } = readRequestForm(request.body ?? {});
    if (form.districtId !== '' && !errors.districtId && !(await listDistricts(db)).some((d) => String(d.id) === form.districtId)) errors.districtId = 'guide.form.errors.choiceInvalid';
    const at = now();
    const trap = checkStamp(await key(), form.stamp, at);
    const stamp = trap === 'ok' || trap === 'tooFast' ? form.stamp : undefined;
    if (Object.keys(errors).length > 0 || !caseRequest) return requestPage(request, reply, form, { errors, stamp, status: 400 });
    // Sent sooner than a person can fill the form in, or with a stamp missing, forged or too old.
    if (trap !== 'ok') return requestPage(request, reply, form, { notice: 'guide.form.errors.tryAgain', stamp, status: 400 });
    const limit = await hitRateLimit(db, `guide-request:${request.ip}`, at, 3600, REQUESTS_PER_HOUR);
    if (!limit.allowed) return requestPage(request, reply, form, { notice: 'guide.form.errors.tooMany', stamp, status: 429 });
    // A robot filled the hidden field: it gets the same answer, and nothing is stored.
    if (spam) return sendPage(reply.header('cache-control', 'no-store'), page, <RequestDonePage reference="" language={caseRequest.contactLanguage} />);
    const { case: c } = await submitCase(db, caseRequest, at);
    await recordAudit(db, { actorUserId: request.viewer?.id ?? null, action: 'case.created', entity: 'case', entityId: c.id }, at);
    const sv = translator('sv');
    await app.deps.mailer.send({
      to: config.adminEmail,
      subject: sv('guide.mail.newSubject', { reference: c.reference }),
      text: sv('guide.mail.newBody', { reference: c.reference, link: `${config.publicUrl}/lots/arende/${c.id}` }),
      purpose: 'guide',
      subjectRef: caseSubject(c.id),
    });
    return sendPage(reply.header('cache-control', 'no-store'), page, <RequestDonePage reference={c.reference} language={c.contactLanguage} />);
  });

  // --- the guide's cases -------------------------------------------------------------------------

  app.get<{ Querystring: { status?: CaseStatus; mina?: string; page?: number } }>(
    '/lots',
    {
      config: { access: 'guide' },
      schema: {
        querystring: {
          type: 'object',
          properties: { status: { type: 'string', enum: [...CASE_STATUSES] }, mina: { type: 'string', enum: ['1'] }, page: { type: 'integer', minimum: 1, maximum: 10000 } },
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const pageNo = q.page ?? 1;
      const filter = {
        statuses: q.status ? [q.status] : (['new', 'contacted', 'referred'] as CaseStatus[]),
        ...(q.mina ? { assignedTo: request.viewer!.id } : {}),
      };
      const [cases, total, districts] = await Promise.all([listCases(db, { ...filter, limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE }), countCases(db, filter), listDistricts(db)]);
      await recordAudit(db, { actorUserId: request.viewer!.id, action: 'case.listRead', entity: 'case', entityId: null, after: { count: cases.length } }, now());
      return sendPage(
        reply,
        pageContext(request),
        <CasesPage cases={cases} total={total} page={pageNo} pageSize={PAGE_SIZE} status={q.status} mine={!!q.mina} districts={districts} viewerId={request.viewer!.id} />,
      );
    },
  );

  const caseOr404 = async (id: number): Promise<GuideCase> => {
    const c = await findCase(db, id);
    if (!c) throw notFound();
    return c;
  };

  /** Draws a case page; every drawing is logged (a form sent back with an error shows the person too). */
  const casePage = async (request: FastifyRequest, reply: FastifyReply, c: GuideCase, state: { errors?: Record<string, string>; note?: string; saved?: string; status?: number } = {}) => {
    await logCase(db, request.viewer!.id, 'case.read', c.id, {}, now());
    const [notes, districts, assignee, guides, history, possible, mergedInto] = await Promise.all([
      listNotes(db, c.id),
      listDistricts(db),
      c.assignedTo === null ? Promise.resolve(undefined) : findUserById(db, c.assignedTo),
      listUsers(db, { limit: 200, offset: 0 }),
      listCaseHistory(db, c.id),
      isDone(c) ? Promise.resolve([]) : listSameContact(db, c),
      c.mergedInto === null ? Promise.resolve(undefined) : findCase(db, c.mergedInto),
    ]);
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      pageContext(request),
      <CasePage
        item={c}
        notes={notes}
        districts={districts}
        assignee={assignee ? assignee.name || assignee.email : null}
        guides={guides.filter((u) => u.active && (u.isGuide || u.isAdmin)).map((u) => ({ id: u.id, name: u.name || u.email }))}
        history={history}
        possible={possible.map((p) => ({ id: p.id, reference: p.reference, status: p.status, firstName: p.firstName, ageGroup: p.ageGroup, interests: p.interests, createdAt: p.createdAt, samePhone: p.phone !== null && p.phone === c.phone, sameEmail: p.email !== null && p.email === c.email }))}
        mergedInto={mergedInto ? { id: mergedInto.id, reference: mergedInto.reference } : null}
        viewerId={request.viewer!.id}
        csrf={reply.generateCsrf()}
        errors={state.errors ?? {}}
        note={state.note ?? ''}
        saved={state.saved}
      />,
      state.status ?? 200,
    );
  };

  app.get<{ Params: { id: number }; Querystring: { sparad?: string } }>(
    '/lots/arende/:id',
    { config: { access: 'guide' }, schema: { params: idParams, querystring: { type: 'object', properties: { sparad: { type: 'string', enum: ['status', 'note', 'assigned', 'followUp', 'erased', 'merged'] } } } } },
    async (request, reply) => casePage(request, reply, await caseOr404(request.params.id), { saved: request.query.sparad }),
  );

  app.post<{ Params: { id: number }; Body: Record<string, unknown> }>(
    '/lots/arende/:id',
    { config: { access: 'guide' }, schema: { params: idParams, body: formBodySchema } },
    async (request, reply) => {
      const page = pageContext(request);
      const c = await caseOr404(request.params.id);
      const body = request.body ?? {};
      const str = (k: string) => trimmed(body, k);
      const action = str('action');
      const at = now();
      const viewer = request.viewer!;
      if (c.mergedInto !== null) return casePage(request, reply, c, { errors: { action: 'guide.case.errors.merged' }, status: 400 });
      if (c.erasedAt && action !== 'status') return casePage(request, reply, c, { errors: { action: 'guide.case.errors.erased' }, status: 400 });
      let saved: string;
      switch (action) {
        case 'status': {
          const status = str('status');
          if (!(CASE_STATUSES as readonly string[]).includes(status)) return casePage(request, reply, c, { errors: { status: 'guide.form.errors.choiceInvalid' }, status: 400 });
          await updateCase(db, c, { status: status as CaseStatus, ...(c.assignedTo === null ? { assignedTo: viewer.id } : {}) }, at);
          await logCase(db, viewer.id, 'case.statusChanged', c.id, { from: c.status, to: status }, at);
          saved = 'status';
          break;
        }
        case 'assign': {
          const to = str('assignedTo');
          const assignedTo = to === '' ? null : /^\d{1,9}$/.test(to) ? Number(to) : NaN;
          const user = assignedTo === null || Number.isNaN(assignedTo) ? undefined : await findUserById(db, assignedTo);
          if (assignedTo !== null && (!user || !user.active || !(user.isGuide || user.isAdmin))) {
            return casePage(request, reply, c, { errors: { assignedTo: 'guide.form.errors.choiceInvalid' }, status: 400 });
          }
          await updateCase(db, c, { assignedTo }, at);
          await logCase(db, viewer.id, 'case.assigned', c.id, { assignedTo }, at);
          saved = 'assigned';
          break;
        }
        case 'followUp': {
          const date = str('followUpOn');
          if (date !== '' && !isIsoDate(date)) return casePage(request, reply, c, { errors: { followUpOn: 'guide.case.errors.dateInvalid' }, status: 400 });
          await updateCase(db, c, { followUpOn: date === '' ? null : date, ...(c.assignedTo === null ? { assignedTo: viewer.id } : {}) }, at);
          await logCase(db, viewer.id, 'case.followUpSet', c.id, { followUpOn: date || null }, at);
          saved = 'followUp';
          break;
        }
        case 'note': {
          const text = str('note');
          if (text === '') return casePage(request, reply, c, { errors: { note: 'guide.case.errors.noteRequired' }, status: 400 });
          if (text.length > NOTE_MAX) return casePage(request, reply, c, { errors: { note: 'guide.case.errors.noteTooLong' }, note: text, status: 400 });
          await addNote(db, c.id, viewer.id, text, at);
          await logCase(db, viewer.id, 'case.noteAdded', c.id, {}, at);
          saved = 'note';
          break;
        }
        default:
          return casePage(request, reply, c, { errors: { action: 'guide.form.errors.choiceInvalid' }, status: 400 });
      }
      return reply.redirect(`${page.href(`/lots/arende/${c.id}`)}?sparad=${saved}`, 303);
    },
  );

  // Two cases that may be one person (same phone or e-mail): the guide decides, and picks the one that stays.
  app.post<{ Params: { id: number }; Body: { other: number; keep: 'this' | 'other' } }>(
    '/lots/arende/:id/sla-ihop',
    {
      config: { access: 'guide' },
      schema: {
        params: idParams,
        body: { type: 'object', required: ['other', 'keep'], properties: { other: { type: 'integer', minimum: 1, maximum: 999999999 }, keep: { type: 'string', enum: ['this', 'other'] } } },
      },
    },
    async (request, reply) => {
      const page = pageContext(request);
      const c = await caseOr404(request.params.id);
      const other = await findCase(db, request.body.other);
      const refuse = (status: number) => casePage(request, reply, c, { errors: { merge: 'guide.case.errors.mergeInvalid' }, status });
      if (!other || other.id === c.id || !sameContact(c, other)) return refuse(400);
      const [keep, gone] = request.body.keep === 'this' ? [c, other] : [other, c];
      const at = now();
      if (!(await mergeCases(db, keep.id, gone.id, at))) return refuse(409);
      const viewer = request.viewer!.id;
      await logCase(db, viewer, 'case.mergedFrom', keep.id, { caseId: gone.id }, at);
      await logCase(db, viewer, 'case.mergedInto', gone.id, { caseId: keep.id }, at);
      return reply.redirect(`${page.href(`/lots/arende/${keep.id}`)}?sparad=merged`, 303);
    },
  );

  // A person's right to see and to remove what is stored about them.
  app.get<{ Params: { id: number } }>('/lots/arende/:id/export.json', { config: { access: 'guide' }, schema: { params: idParams } }, async (request, reply) => {
    const c = await caseOr404(request.params.id);
    const [notes, referrals] = await Promise.all([
      listNotes(db, c.id),
      db.selectFrom('guideReferrals as r').leftJoin('activities as a', 'a.id', 'r.activityId').select(['r.createdAt', 'r.status', 'r.answer', 'r.answeredAt', 'a.title as activity']).where('r.caseId', '=', c.id).execute(),
    ]);
    await logCase(db, request.viewer!.id, 'case.exported', c.id, {}, now());
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="tillsammans-${c.reference}.json"`)
      .header('cache-control', 'no-store')
      .send(JSON.stringify({ case: c, notes: notes.map((n) => ({ at: n.createdAt, text: n.text })), referrals }, null, 2));
  });

  app.post<{ Params: { id: number }; Body: Record<string, unknown> }>(
    '/lots/arende/:id/radera',
    { config: { access: 'guide' }, schema: { params: idParams, body: formBodySchema } },
    async (request, reply) => {
      const page = pageContext(request);
      const c = await caseOr404(request.params.id);
      if (request.body?.confirm !== 'true') return casePage(request, reply, c, { errors: { confirm: 'guide.case.errors.confirmErase' }, status: 400 });
      await eraseCase(db, c.id, now());
      if (!c.closedAt) await updateCase(db, c, { status: 'closed' }, now());
      await logCase(db, request.viewer!.id, 'case.erased', c.id, {}, now());
      return reply.redirect(`${page.href(`/lots/arende/${c.id}`)}?sparad=erased`, 303);
    },
  );
}
