/**
 * The public side of joining the network: the form at /var-med (every language), "check your inbox",
 * and the confirmation link's page with its button. Robots meet a honeypot, a time trap (the form's
 * signed stamp, as the guide's request form has) and a rate limit per client address; an address gets
 * a few confirmation mails a day at most. The answer after sending is the same whether or not the
 * organisation or the address is known.
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sharedSecret } from '../../db/settings.js';
import { HttpError } from '../../web/errors.js';
import { formBodySchema, type FormBody } from '../../web/form.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { hashSecret, hitRateLimit } from '../accounts/index.js';
import { checkStamp, signStamp } from '../guide/index.js';
import { listDistricts } from '../places/index.js';
import { emptyJoinForm, JOIN_MAILS_PER_DAY, JOINS_PER_HOUR, readJoinForm, type JoinForm } from './joining.js';
import { JoinConfirmPage, JoinNoticePage, JoinPage } from './joining.page.js';
import { confirmJoin, submitJoinRequest, type JoiningDeps } from './joining.service.js';
import { unconfirmedExists } from './joining.store.js';

const tokenParams = { type: 'object', required: ['token'], properties: { token: { type: 'string', minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' } } } as const;

/** The rate-limit key of a recipient, hashed so the rate-limit table holds no address. */
function mailboxKey(email: string): string {
  return `join-mail:${crypto.createHash('sha256').update(email).digest('base64url')}`;
}

export async function joiningRoutes(app: FastifyInstance): Promise<void> {
  const { db, now, config } = app.deps;
  const deps: JoiningDeps = { db, mailer: app.deps.mailer, publicUrl: config.publicUrl, adminEmail: config.adminEmail };
  let keyOnce: Promise<string> | undefined;
  const stampKey = () => (keyOnce ??= sharedSecret(db, 'network.joinStampKey'));

  /** The form with what was typed; a still-good stamp is kept so fixing one field costs no time again. */
  const formPage = async (request: FastifyRequest, reply: FastifyReply, form: JoinForm, state: { errors?: Record<string, string>; notice?: string; stamp?: string | undefined; status?: number } = {}) => {
    reply.header('cache-control', 'no-store');
    const stamp = state.stamp ?? signStamp(await stampKey(), now());
    return sendPage(
      reply,
      pageContext(request),
      <JoinPage form={{ ...form, stamp }} errors={state.errors ?? {}} notice={state.notice} districts={await listDistricts(db)} csrf={reply.generateCsrf()} />,
      state.status ?? 200,
    );
  };

  app.get('/var-med', { config: { access: 'public' } }, async (request, reply) => formPage(request, reply, emptyJoinForm()));

  app.post<{ Body: FormBody }>('/var-med', { config: { access: 'public' }, schema: { body: formBodySchema } }, async (request, reply) => {
    const page = pageContext(request);
    const at = now();
    const { form, errors, input, spam } = readJoinForm(request.body ?? {});
    if (input) {
      const known = new Set((await listDistricts(db)).map((d) => d.id));
      if (!input.districtIds.every((d) => known.has(d))) errors.districtIds = 'joining.errors.choiceInvalid';
    }
    const trap = checkStamp(await stampKey(), form.stamp, at);
    const stamp = trap === 'ok' || trap === 'tooFast' ? form.stamp : undefined;
    if (!input || Object.keys(errors).length > 0) return formPage(request, reply, form, { errors, stamp, status: 400 });
    const sent = page.href('/var-med/tack');
    // A robot that filled in the hidden field is told the same as a person; nothing is stored or sent.
    if (spam) return reply.redirect(sent, 303);
    // Sent sooner than a person fills the form in, or with a stamp missing, forged or too old: try again, nothing lost.
    if (trap !== 'ok') return formPage(request, reply, form, { notice: 'joining.errors.tryAgain', stamp, status: 400 });
    const limit = await hitRateLimit(db, `join:${request.ip}`, at, 3600, JOINS_PER_HOUR);
    if (!limit.allowed) return formPage(request, reply, form, { notice: 'joining.errors.tooMany', stamp, status: 429 });
    // One address gets a few confirmation mails a day at most, whoever asks; the answer is the same either way.
    const perAddress = await hitRateLimit(db, mailboxKey(input.email), at, 86_400, JOIN_MAILS_PER_DAY);
    if (!perAddress.allowed) return reply.redirect(sent, 303);
    try {
      await submitJoinRequest(deps, input, { language: page.lang.code, actor: request.viewer?.id ?? null }, at);
    } catch {
      return formPage(request, reply, form, { notice: 'joining.errors.mailFailed', stamp, status: 503 });
    }
    return reply.redirect(sent, 303);
  });

  app.get<{ Querystring: { steg?: 'klart' } }>(
    '/var-med/tack',
    { config: { access: 'public' }, schema: { querystring: { type: 'object', properties: { steg: { type: 'string', enum: ['klart'] } } } } },
    async (request, reply) => sendPage(reply, pageContext(request), <JoinNoticePage step={request.query.steg === 'klart' ? 'done' : 'sent'} />),
  );

  app.get<{ Params: { token: string } }>('/var-med/bekrafta/:token', { config: { access: 'public' }, schema: { params: tokenParams } }, async (request, reply) => {
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    if (!(await unconfirmedExists(db, hashSecret(request.params.token), now()))) throw new HttpError(404, 'errors.linkExpired');
    // A button, not the link itself, confirms: mail scanners that follow links confirm nothing.
    return sendPage(reply, pageContext(request), <JoinConfirmPage token={request.params.token} csrf={reply.generateCsrf()} />);
  });

  app.post<{ Params: { token: string } }>('/var-med/bekrafta/:token', { config: { access: 'public' }, schema: { params: tokenParams } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const done = await confirmJoin(deps, hashSecret(request.params.token), request.viewer?.id ?? null, now());
    if (!done) throw new HttpError(404, 'errors.linkExpired');
    return reply.redirect(`${pageContext(request).href('/var-med/tack')}?steg=klart`, 303);
  });
}
