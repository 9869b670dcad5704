/**
 * The coordinator's mailing list (/admin/utskick): segments, inviting an organisation's editors (a
 * confirmation mail each: nobody is added without confirming), composing in Swedish and other
 * languages, the preview and the send (deliveries queued here, sent by the mailing.send job in
 * batches), paused addresses, and looking up whether an address is on the list or left it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LANGUAGES } from '../../i18n/index.js';
import { notFound } from '../../web/errors.js';
import { formBodySchema, trimmed, type FormBody } from '../../web/form.js';
import { idParams } from '../../web/params.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { hitRateLimit, isEmail, listOrganisationEditors, normaliseEmail } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import { deleteOutboxAbout } from '../mail/index.js';
import { findAnyOrganisation, listOrganisationNames } from '../organisations/index.js';
import { ComposePage, MailingAdminPage, MessageAdminPage, PausedPage, SegmentAdminPage, type Lookup } from './mailing.admin.page.js';
import { CONFIRMATIONS_PER_DAY, requestSubscription } from './mailing.routes.js';
import { eraseSubscriber, insertMessage, insertSegment, queueMessage, resumeSubscriber, updateDraft, updateSegment } from './mailing.commands.js';
import {
  countMessages,
  countPaused,
  countRecipients,
  deliveryCounts,
  findMessage,
  findSubscriber,
  findSuppression,
  isMember,
  listMessages,
  listPaused,
  listSegments,
  mailingKey,
} from './mailing.store.js';
import { addressHash, emptySegmentForm, messageFormOf, readMessageForm, readSegmentForm, segmentFormOf, subscriberSubject, type MessageForm, type SegmentForm } from './mailing.js';
import type { Translate } from './volunteers.js';

const MESSAGES_PAGE_SIZE = 20;
const NOTICES = ['segmentCreated', 'segmentSaved', 'queued', 'resumed', 'removed'] as const;
type NoticeCode = (typeof NOTICES)[number];
const CODES = LANGUAGES.map((l) => l.code);
/** A message may be long in every language: each field may be long, the whole form up to a megabyte. */
const composeSchema = {
  type: 'object',
  additionalProperties: { anyOf: [{ type: 'string', maxLength: 50_000 }, { type: 'array', maxItems: 40, items: { type: 'string', maxLength: 200 } }] },
} as const;

export async function mailingAdminRoutes(app: FastifyInstance): Promise<void> {
  const { db, now } = app.deps;
  let keyOnce: Promise<string> | undefined;
  const key = () => (keyOnce ??= mailingKey(db));
  const notice = (code: NoticeCode) => `network.mailing.admin.notices.${code}`;

  const overview = async (
    request: FastifyRequest,
    reply: FastifyReply,
    state: { page?: number; notice?: NoticeCode | undefined; segmentForm?: SegmentForm; segmentErrors?: Record<string, string>; lookup?: Lookup; lookupError?: string; lookupValue?: string; status?: number } = {},
  ) => {
    const page = state.page ?? 1;
    const [messages, total, segments, paused] = await Promise.all([listMessages(db, { limit: MESSAGES_PAGE_SIZE, offset: (page - 1) * MESSAGES_PAGE_SIZE }), countMessages(db), listSegments(db), countPaused(db)]);
    const rows = await Promise.all(messages.map(async (m) => ({ ...m, sent: m.status === 'sending' ? ((await deliveryCounts(db, m.id)).sent ?? 0) : m.recipients })));
    return sendPage(
      reply,
      pageContext(request),
      <MailingAdminPage
        messages={rows}
        page={page}
        pages={Math.max(1, Math.ceil(total / MESSAGES_PAGE_SIZE))}
        segments={segments}
        paused={paused}
        segmentForm={state.segmentForm ?? emptySegmentForm()}
        segmentErrors={state.segmentErrors ?? {}}
        lookup={state.lookup}
        lookupError={state.lookupError}
        lookupValue={state.lookupValue ?? ''}
        notice={state.notice ? notice(state.notice) : undefined}
        csrf={reply.generateCsrf()}
      />,
      state.status ?? 200,
    );
  };
  const back = (request: FastifyRequest, path: string, code: NoticeCode) => `${pageContext(request).href(path)}?klart=${code}`;

  app.get<{ Querystring: { sida?: number; klart?: NoticeCode } }>(
    '/admin/utskick',
    { config: { access: 'admin' }, schema: { querystring: { type: 'object', properties: { sida: { type: 'integer', minimum: 1, maximum: 10000 }, klart: { type: 'string', enum: [...NOTICES] } } } } },
    async (request, reply) => overview(request, reply, { page: request.query.sida, notice: request.query.klart }),
  );

  // --- segments ----------------------------------------------------------------------------------

  app.post<{ Body: FormBody }>('/admin/utskick/segment', { config: { access: 'admin' }, schema: { body: formBodySchema } }, async (request, reply) => {
    const { form, errors, input } = readSegmentForm(request.body ?? {});
    if (!input) return overview(request, reply, { segmentForm: form, segmentErrors: errors, status: 400 });
    const at = now();
    const id = await insertSegment(db, input, at);
    await recordAudit(db, { actorUserId: request.viewer!.id, action: 'mailing.segmentCreated', entity: 'mailingSegment', entityId: id, after: input }, at);
    return reply.redirect(back(request, '/admin/utskick', 'segmentCreated'), 303);
  });

  const segmentOr404 = async (id: number) => {
    const segment = (await listSegments(db)).find((s) => s.id === id);
    if (!segment) throw notFound();
    return segment;
  };

  const segmentPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    state: { form?: SegmentForm; errors?: Record<string, string>; organisationValue?: string; organisationError?: string; notice?: string; status?: number } = {},
  ) => {
    const segment = await segmentOr404(id);
    return sendPage(
      reply,
      pageContext(request),
      <SegmentAdminPage
        segment={segment}
        form={state.form ?? segmentFormOf(segment)}
        errors={state.errors ?? {}}
        organisations={await listOrganisationNames(db)}
        organisationValue={state.organisationValue ?? ''}
        organisationError={state.organisationError}
        notice={state.notice}
        csrf={reply.generateCsrf()}
      />,
      state.status ?? 200,
    );
  };

  app.get<{ Params: { id: number }; Querystring: { klart?: NoticeCode } }>(
    '/admin/utskick/segment/:id',
    { config: { access: 'admin' }, schema: { params: idParams, querystring: { type: 'object', properties: { klart: { type: 'string', enum: [...NOTICES] } } } } },
    async (request, reply) => {
      const code = request.query.klart;
      return segmentPage(request, reply, request.params.id, code ? { notice: (pageContext(request).t as unknown as Translate)(notice(code)) } : {});
    },
  );

  app.post<{ Params: { id: number }; Body: FormBody }>('/admin/utskick/segment/:id', { config: { access: 'admin' }, schema: { params: idParams, body: formBodySchema } }, async (request, reply) => {
    const segment = await segmentOr404(request.params.id);
    const { form, errors, input } = readSegmentForm(request.body ?? {});
    if (!input) return segmentPage(request, reply, segment.id, { form, errors, status: 400 });
    const at = now();
    await updateSegment(db, segment.id, input, at);
    await recordAudit(db, { actorUserId: request.viewer!.id, action: 'mailing.segmentChanged', entity: 'mailingSegment', entityId: segment.id, before: segmentFormOf(segment), after: input }, at);
    return reply.redirect(back(request, `/admin/utskick/segment/${segment.id}`, 'segmentSaved'), 303);
  });

  // Each editor gets a confirmation mail; addresses that left the list, and members already, are passed over.
  app.post<{ Params: { id: number }; Body: FormBody }>(
    '/admin/utskick/segment/:id/redaktorer',
    { config: { access: 'admin' }, schema: { params: idParams, body: formBodySchema } },
    async (request, reply) => {
      const segment = await segmentOr404(request.params.id);
      const value = trimmed(request.body ?? {}, 'organisationId');
      const organisation = /^\d{1,9}$/.test(value) ? await findAnyOrganisation(db, { id: Number(value) }) : undefined;
      if (!organisation) return segmentPage(request, reply, segment.id, { organisationValue: value, organisationError: 'network.mailing.errors.chooseOrganisation', status: 400 });
      const at = now();
      const k = await key();
      let invited = 0;
      let skipped = 0;
      for (const editor of await listOrganisationEditors(db, organisation.id)) {
        const email = normaliseEmail(editor.email);
        const hash = addressHash(k, email);
        const fresh = !(await findSuppression(db, hash)) && !(await isMember(db, email, segment.id));
        if (!fresh || !(await hitRateLimit(db, `mailing-address:${hash}`, at, 86_400, CONFIRMATIONS_PER_DAY)).allowed) {
          skipped++;
          continue;
        }
        try {
          await requestSubscription(app, { email, name: editor.name || null, language: 'sv', segments: [segment], source: 'editor' }, at);
          invited++;
        } catch {
          skipped++;
        }
      }
      await recordAudit(db, { actorUserId: request.viewer!.id, action: 'mailing.editorsInvited', entity: 'mailingSegment', entityId: segment.id, after: { organisationId: organisation.id, invited, skipped } }, at);
      const t = pageContext(request).t as unknown as Translate;
      return segmentPage(request, reply, segment.id, { notice: t('network.mailing.admin.invite.done', { invited, skipped, organisation: organisation.name }) });
    },
  );

  // --- looking an address up -----------------------------------------------------------------------

  app.post<{ Body: FormBody }>('/admin/utskick/sok-adress', { config: { access: 'admin' }, schema: { body: formBodySchema } }, async (request, reply) => {
    const email = normaliseEmail(trimmed(request.body ?? {}, 'email'));
    if (!isEmail(email)) return overview(request, reply, { lookupValue: email, lookupError: 'network.mailing.errors.emailInvalid', status: 400 });
    const subscriber = await findSubscriber(db, { email });
    const leftAt = subscriber ? undefined : await findSuppression(db, addressHash(await key(), email));
    const lookup: Lookup = subscriber
      ? { email, state: subscriber.status, at: subscriber.status === 'paused' ? subscriber.pausedAt : subscriber.confirmedAt }
      : leftAt
        ? { email, state: 'left', at: leftAt }
        : { email, state: 'unknown', at: null };
    await recordAudit(db, { actorUserId: request.viewer!.id, action: 'mailing.lookedUp', entity: 'mailingSubscriber', entityId: subscriber?.id ?? null, after: { found: lookup.state } }, now());
    return overview(request, reply, { lookup, lookupValue: email });
  });

  // --- composing and sending -----------------------------------------------------------------------

  const composePage = async (request: FastifyRequest, reply: FastifyReply, state: { messageId?: number; form: MessageForm; errors?: Record<string, string>; status?: number }) =>
    sendPage(
      reply,
      pageContext(request),
      <ComposePage {...(state.messageId ? { messageId: state.messageId } : {})} form={state.form} errors={state.errors ?? {}} segments={await listSegments(db)} csrf={reply.generateCsrf()} />,
      state.status ?? 200,
    );

  /** The form read, with its segment checked to exist. */
  const readCompose = async (body: FormBody) => {
    const read = readMessageForm(body, CODES);
    if (read.input && !(await listSegments(db)).some((s) => s.id === read.input!.segmentId)) {
      read.errors.segmentId = 'network.mailing.errors.chooseSegment';
      read.input = null;
    }
    return read;
  };

  app.get('/admin/utskick/nytt', { config: { access: 'admin' } }, async (request, reply) => composePage(request, reply, { form: messageFormOf(null, {}, CODES) }));

  app.post<{ Body: FormBody }>('/admin/utskick/nytt', { config: { access: 'admin' }, bodyLimit: 1_048_576, schema: { body: composeSchema } }, async (request, reply) => {
    const { form, errors, input } = await readCompose(request.body ?? {});
    if (!input) return composePage(request, reply, { form, errors, status: 400 });
    const at = now();
    const id = await insertMessage(db, { ...input, createdBy: request.viewer!.id }, at);
    await recordAudit(db, { actorUserId: request.viewer!.id, action: 'mailing.drafted', entity: 'mailingMessage', entityId: id, after: { segmentId: input.segmentId, languages: Object.keys(input.texts) } }, at);
    return reply.redirect(pageContext(request).href(`/admin/utskick/${id}`), 303);
  });

  const messageOr404 = async (id: number) => {
    const message = await findMessage(db, id);
    if (!message) throw notFound();
    return message;
  };

  app.get<{ Params: { id: number }; Querystring: { klart?: NoticeCode } }>(
    '/admin/utskick/:id',
    { config: { access: 'admin' }, schema: { params: idParams, querystring: { type: 'object', properties: { klart: { type: 'string', enum: [...NOTICES] } } } } },
    async (request, reply) => {
      const message = await messageOr404(request.params.id);
      const segment = (await listSegments(db)).find((s) => s.id === message.segmentId);
      const [counts, recipients] = await Promise.all([deliveryCounts(db, message.id), segment ? countRecipients(db, segment.id) : Promise.resolve(0)]);
      const code = request.query.klart;
      return sendPage(
        reply,
        pageContext(request),
        <MessageAdminPage message={message} segment={segment} counts={counts} recipients={recipients} notice={code ? notice(code) : undefined} csrf={reply.generateCsrf()} />,
      );
    },
  );

  const draftOr404 = async (id: number) => {
    const message = await messageOr404(id);
    if (message.status !== 'draft') throw notFound();
    return message;
  };

  app.get<{ Params: { id: number } }>('/admin/utskick/:id/andra', { config: { access: 'admin' }, schema: { params: idParams } }, async (request, reply) => {
    const message = await draftOr404(request.params.id);
    return composePage(request, reply, { messageId: message.id, form: messageFormOf(message.segmentId, message.texts, CODES) });
  });

  app.post<{ Params: { id: number }; Body: FormBody }>(
    '/admin/utskick/:id/andra',
    { config: { access: 'admin' }, bodyLimit: 1_048_576, schema: { params: idParams, body: composeSchema } },
    async (request, reply) => {
      const message = await draftOr404(request.params.id);
      const { form, errors, input } = await readCompose(request.body ?? {});
      if (!input) return composePage(request, reply, { messageId: message.id, form, errors, status: 400 });
      const at = now();
      if (!(await updateDraft(db, message.id, input, at))) throw notFound();
      await recordAudit(db, { actorUserId: request.viewer!.id, action: 'mailing.draftChanged', entity: 'mailingMessage', entityId: message.id, after: { segmentId: input.segmentId, languages: Object.keys(input.texts) } }, at);
      return reply.redirect(pageContext(request).href(`/admin/utskick/${message.id}`), 303);
    },
  );

  app.post<{ Params: { id: number } }>('/admin/utskick/:id/skicka', { config: { access: 'admin' }, schema: { params: idParams } }, async (request, reply) => {
    const message = await messageOr404(request.params.id);
    const at = now();
    const recipients = message.status === 'draft' ? await queueMessage(db, message.id, at) : undefined;
    // Sent already (a second click, another tab): the page shows how far it got.
    if (recipients !== undefined) {
      await recordAudit(db, { actorUserId: request.viewer!.id, action: 'mailing.queued', entity: 'mailingMessage', entityId: message.id, after: { segmentId: message.segmentId, recipients } }, at);
    }
    return reply.redirect(back(request, `/admin/utskick/${message.id}`, 'queued'), 303);
  });

  // --- paused addresses ----------------------------------------------------------------------------

  const pausedPage = async (request: FastifyRequest, reply: FastifyReply, code?: NoticeCode) =>
    sendPage(reply, pageContext(request), <PausedPage paused={await listPaused(db)} notice={code ? notice(code) : undefined} csrf={reply.generateCsrf()} />);

  app.get<{ Querystring: { klart?: NoticeCode } }>(
    '/admin/utskick/pausade',
    { config: { access: 'admin' }, schema: { querystring: { type: 'object', properties: { klart: { type: 'string', enum: [...NOTICES] } } } } },
    async (request, reply) => pausedPage(request, reply, request.query.klart),
  );

  app.post<{ Params: { id: number }; Body: { action?: string } }>(
    '/admin/utskick/pausade/:id',
    { config: { access: 'admin' }, schema: { params: idParams, body: { type: 'object', properties: { action: { type: 'string', maxLength: 10 } } } } },
    async (request, reply) => {
      const subscriber = await findSubscriber(db, { id: request.params.id });
      if (!subscriber || subscriber.status !== 'paused') throw notFound();
      const at = now();
      const action = request.body.action;
      if (action === 'resume') {
        await resumeSubscriber(db, subscriber.id);
      } else if (action === 'remove') {
        await eraseSubscriber(db, subscriber.id, addressHash(await key(), subscriber.email), at);
        await deleteOutboxAbout(db, subscriberSubject(subscriber.id));
      } else {
        return reply.redirect(pageContext(request).href('/admin/utskick/pausade'), 303);
      }
      await recordAudit(db, { actorUserId: request.viewer!.id, action: action === 'resume' ? 'mailing.resumed' : 'mailing.removed', entity: 'mailingSubscriber', entityId: subscriber.id }, at);
      return reply.redirect(back(request, '/admin/utskick/pausade', action === 'resume' ? 'resumed' : 'removed'), 303);
    },
  );
}
