/**
 * The mailing list's public side: subscribe with double opt-in (a single-use link, stored only as its
 * hash, valid 48 hours; nothing else is sent before it is used), confirm, unsubscribe (a page with a
 * button, and RFC 8058 one-click: a POST to the same link from a mail client, without session or
 * CSRF token: the keyed token in the path is the authority), and the archive of messages to public
 * segments. Leaving erases the subscriber; only a keyed hash of the address stays (mailing.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { languagePrefix, translator } from '../../i18n/index.js';
import { HttpError, notFound } from '../../web/errors.js';
import { formBodySchema, type FormBody } from '../../web/form.js';
import { idParams } from '../../web/params.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { hashSecret, hitRateLimit, newSecret } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import { deleteOutboxAbout } from '../mail/index.js';
import { ArchiveMessagePage, ArchivePage, ConfirmPage, SubscribeNoticePage, SubscribePage, UnsubscribePage } from './mailing.page.js';
import { confirmRequest, eraseSubscriber, insertRequest } from './mailing.commands.js';
import { countArchive, findMessage, findRequest, findSegment, findSubscriber, listArchive, listSegments, mailingKey, segmentsOf } from './mailing.store.js';
import {
  addressHash,
  confirmationMail,
  CONFIRM_HOURS,
  emptySubscribeForm,
  readSubscribeForm,
  requestSubject,
  segmentLabel,
  subscriberOfToken,
  subscriberSubject,
  type Segment,
  type SubscribeForm,
} from './mailing.js';
import type { Translate } from './volunteers.js';

/** Subscribe forms one network address may send per hour, and confirmation mails one address may get per day. */
export const SUBSCRIBES_PER_HOUR = 20;
export const CONFIRMATIONS_PER_DAY = 3;
/** Archive entries per page. */
const ARCHIVE_PAGE_SIZE = 20;

const tokenParams = { type: 'object', required: ['token'], properties: { token: { type: 'string', maxLength: 80, pattern: '^[A-Za-z0-9_.-]+$' } } } as const;

/** Sends a confirmation mail for a new request; the caller has checked the address and segments. */
export async function requestSubscription(
  app: FastifyInstance,
  r: { email: string; name: string | null; language: string; segments: Segment[]; source: 'form' | 'editor' },
  now: Date,
): Promise<number> {
  const { db, config } = app.deps;
  const { secret, hash } = newSecret();
  const id = await insertRequest(
    db,
    { email: r.email, name: r.name, language: r.language, segmentIds: r.segments.map((s) => s.id), source: r.source, tokenHash: hash, expiresAt: new Date(now.getTime() + CONFIRM_HOURS * 3600_000).toISOString() },
    now,
  );
  const t = translator(r.language) as unknown as Translate;
  const prefix = languagePrefix(r.language);
  const mail = confirmationMail(t, { segments: r.segments.map((s) => segmentLabel(t, s)), link: `${config.publicUrl}${prefix}/nyhetsbrev/bekrafta/${secret}`, invited: r.source === 'editor' });
  await app.deps.mailer.send({ to: r.email, ...mail, purpose: 'mailing-confirm', subjectRef: requestSubject(id) });
  return id;
}

export async function mailingRoutes(app: FastifyInstance): Promise<void> {
  const { db, now } = app.deps;
  let keyOnce: Promise<string> | undefined;
  const key = () => (keyOnce ??= mailingKey(db));

  // A mail client's one-click unsubscribe may come as multipart/form-data; only its arrival matters, not its body.
  app.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 10_000 }, (_request, _body, done) => done(null, {}));

  // --- subscribing -------------------------------------------------------------------------------

  const openSegments = async () => (await listSegments(db)).filter((s) => s.openSignup);

  const subscribePage = async (request: FastifyRequest, reply: FastifyReply, form: SubscribeForm, state: { errors?: Record<string, string>; notice?: string; status?: number } = {}) =>
    sendPage(reply, pageContext(request), <SubscribePage segments={await openSegments()} form={form} errors={state.errors ?? {}} notice={state.notice} csrf={reply.generateCsrf()} />, state.status ?? 200);

  app.get('/nyhetsbrev', { config: { access: 'public', cacheScope: 'mailing' } }, async (request, reply) => subscribePage(request, reply, emptySubscribeForm()));

  app.post<{ Body: FormBody }>('/nyhetsbrev', { config: { access: 'public' }, schema: { body: formBodySchema } }, async (request, reply) => {
    const page = pageContext(request);
    const segments = await openSegments();
    const { form, errors, input, spam } = readSubscribeForm(request.body ?? {}, segments.map((s) => s.id));
    if (!input) return subscribePage(request, reply, form, { errors, status: 400 });
    const sent = page.href('/nyhetsbrev/tack');
    if (spam) return reply.redirect(sent, 303);
    const at = now();
    const limit = await hitRateLimit(db, `mailing-subscribe:${request.ip}`, at, 3600, SUBSCRIBES_PER_HOUR);
    if (!limit.allowed) return subscribePage(request, reply, form, { notice: 'network.mailing.errors.tooMany', status: 429 });
    // One address gets a few confirmation mails a day at most, whoever asks: the answer is the same either way.
    const perAddress = await hitRateLimit(db, `mailing-address:${addressHash(await key(), input.email)}`, at, 86_400, CONFIRMATIONS_PER_DAY);
    if (!perAddress.allowed) return reply.redirect(sent, 303);
    try {
      const id = await requestSubscription(app, { email: input.email, name: input.name, language: page.lang.code, segments: segments.filter((s) => input.segmentIds.includes(s.id)), source: 'form' }, at);
      await recordAudit(db, { actorUserId: request.viewer?.id ?? null, action: 'mailing.requested', entity: 'mailingRequest', entityId: id, after: { segments: input.segmentIds } }, at);
    } catch {
      return subscribePage(request, reply, form, { notice: 'network.mailing.errors.mailFailed', status: 503 });
    }
    return reply.redirect(sent, 303);
  });

  app.get<{ Querystring: { steg?: 'klart' } }>(
    '/nyhetsbrev/tack',
    { config: { access: 'public' }, schema: { querystring: { type: 'object', properties: { steg: { type: 'string', enum: ['klart'] } } } } },
    async (request, reply) => sendPage(reply, pageContext(request), <SubscribeNoticePage step={request.query.steg === 'klart' ? 'done' : 'sent'} />),
  );

  const requestOr404 = async (token: string) => {
    const found = await findRequest(db, hashSecret(token), now());
    if (!found) throw new HttpError(404, 'errors.linkExpired');
    return found;
  };

  app.get<{ Params: { token: string } }>('/nyhetsbrev/bekrafta/:token', { config: { access: 'public' }, schema: { params: tokenParams } }, async (request, reply) => {
    const found = await requestOr404(request.params.token);
    const segments = (await Promise.all(found.segmentIds.map((id) => findSegment(db, id)))).filter((s): s is Segment => s !== undefined);
    reply.header('cache-control', 'no-store');
    return sendPage(reply, pageContext(request), <ConfirmPage segments={segments} action={`/nyhetsbrev/bekrafta/${request.params.token}`} csrf={reply.generateCsrf()} />);
  });

  app.post<{ Params: { token: string } }>('/nyhetsbrev/bekrafta/:token', { config: { access: 'public' }, schema: { params: tokenParams } }, async (request, reply) => {
    const at = now();
    const k = await key();
    const done = await confirmRequest(db, hashSecret(request.params.token), (email) => addressHash(k, email), at);
    if (!done) throw new HttpError(404, 'errors.linkExpired');
    // The confirmation mail's copy holds a link that no longer works, and the address: it goes.
    await deleteOutboxAbout(db, requestSubject(done.requestId));
    await recordAudit(db, { actorUserId: request.viewer?.id ?? null, action: 'mailing.subscribed', entity: 'mailingSubscriber', entityId: done.subscriberId, after: { segments: done.segmentIds } }, at);
    return reply.redirect(`${pageContext(request).href('/nyhetsbrev/tack')}?steg=klart`, 303);
  });

  // --- leaving -----------------------------------------------------------------------------------

  const subscriberOr404 = async (token: string) => {
    const id = subscriberOfToken(await key(), token);
    if (id === undefined) throw notFound();
    return { id, subscriber: await findSubscriber(db, { id }) };
  };

  app.get<{ Params: { token: string } }>('/nyhetsbrev/avsluta/:token', { config: { access: 'public' }, schema: { params: tokenParams } }, async (request, reply) => {
    const { id, subscriber } = await subscriberOr404(request.params.token);
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      pageContext(request),
      <UnsubscribePage state={subscriber ? 'ask' : 'notSubscribed'} segments={subscriber ? await segmentsOf(db, id) : []} action={`/nyhetsbrev/avsluta/${request.params.token}`} csrf={reply.generateCsrf()} />,
    );
  });

  // The button on the page and a mail client's one-click POST (List-Unsubscribe-Post) both end here.
  app.post<{ Params: { token: string } }>('/nyhetsbrev/avsluta/:token', { config: { access: 'public', csrf: false }, schema: { params: tokenParams } }, async (request, reply) => {
    const { id, subscriber } = await subscriberOr404(request.params.token);
    const at = now();
    if (subscriber) {
      await eraseSubscriber(db, id, addressHash(await key(), subscriber.email), at);
      await deleteOutboxAbout(db, subscriberSubject(id));
      const oneClick = typeof request.body === 'object' && request.body !== null && (request.body as Record<string, unknown>)['List-Unsubscribe'] === 'One-Click';
      await recordAudit(db, { actorUserId: null, action: 'mailing.unsubscribed', entity: 'mailingSubscriber', entityId: id, after: { oneClick } }, at);
    }
    reply.header('cache-control', 'no-store');
    return sendPage(reply, pageContext(request), <UnsubscribePage state={subscriber ? 'left' : 'notSubscribed'} segments={[]} action="" csrf="" />);
  });

  // --- the archive -------------------------------------------------------------------------------

  app.get<{ Querystring: { sida?: number } }>(
    '/nyhetsbrev/arkiv',
    { config: { access: 'public', cacheScope: 'mailing' }, schema: { querystring: { type: 'object', properties: { sida: { type: 'integer', minimum: 1, maximum: 10000 } } } } },
    async (request, reply) => {
      const page = request.query.sida ?? 1;
      const [messages, total] = await Promise.all([listArchive(db, { limit: ARCHIVE_PAGE_SIZE, offset: (page - 1) * ARCHIVE_PAGE_SIZE }), countArchive(db)]);
      return sendPage(reply, pageContext(request), <ArchivePage messages={messages} page={page} pages={Math.max(1, Math.ceil(total / ARCHIVE_PAGE_SIZE))} />);
    },
  );

  app.get<{ Params: { id: number } }>('/nyhetsbrev/arkiv/:id', { config: { access: 'public', cacheScope: 'mailing' }, schema: { params: idParams } }, async (request, reply) => {
    const message = await findMessage(db, request.params.id);
    const segment = message?.segmentId == null ? undefined : await findSegment(db, message.segmentId);
    if (!message || !segment || !segment.publicArchive || message.status === 'draft') throw notFound();
    return sendPage(reply, pageContext(request), <ArchiveMessagePage message={{ ...message, segment }} />);
  });
}
