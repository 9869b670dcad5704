/** Signing in (password or one-time link), signing out, and the user's own account page. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { languagePrefix } from '../../i18n/index.js';
import { safeReturnPath } from '../../web/language.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { findOrganisationById } from '../organisations/index.js';
import { ConfirmLinkPage, AccountPage, SignInPage } from './accounts.page.js';
import { changeEmail, changePassword, clearRateLimit, consumeAuthToken, hitRateLimit, insertAuthToken, signOutEverywhere } from './accounts.commands.js';
import { findUserForLogin } from './accounts.queries.js';
import { peekAuthToken } from './accounts.store.js';
import { recordAudit } from '../audit/index.js';
import { dummyHash, hashPassword, hashSecret, newSecret, verifyPassword } from './secrets.js';
import { signIn, signOut } from './session.js';
import { ACCOUNT_SLOWDOWN, accountAddressKey, accountDelayMs, SIGN_IN_LIMITS } from './sign-in-limits.js';
import { isEmail, normaliseEmail, passwordProblem } from './user.js';

/** A sign-in link works this long, and once. */
export const SIGNIN_LINK_MINUTES = 30;
/** A link confirming a new e-mail address works this long, and once. */
export const EMAIL_LINK_HOURS = 24;

/**
 * Counts one attempt on every counter of this way of signing in; null when all are within their
 * limits, otherwise the translated message (with the wait) to show, after setting Retry-After.
 */
async function overLimit(request: FastifyRequest, reply: FastifyReply, kind: keyof typeof SIGN_IN_LIMITS, email: string): Promise<string | null> {
  const { db, now } = request.server.deps;
  const limit = SIGN_IN_LIMITS[kind];
  const at = now();
  const hits = await Promise.all(limit.counters(email, request.ip).map((c) => hitRateLimit(db, c.key, at, limit.windowSeconds, c.max)));
  const refused = hits.filter((h) => !h.allowed);
  if (refused.length === 0) return null;
  const wait = Math.max(...refused.map((h) => h.retryAfterSeconds));
  reply.header('retry-after', String(wait));
  return pageContext(request).t(limit.message, { minutes: minutes(wait) });
}

/** Counts a password check on the account from any address and waits as long as that count asks. */
async function slowDownAccount(request: FastifyRequest, email: string): Promise<void> {
  const { db, now, sleep } = request.server.deps;
  const hit = await hitRateLimit(db, ACCOUNT_SLOWDOWN.key(email), now(), ACCOUNT_SLOWDOWN.windowSeconds, ACCOUNT_SLOWDOWN.free);
  const delay = accountDelayMs(hit.count);
  if (delay > 0) await sleep(delay);
}

const text = (max: number) => ({ type: 'string', maxLength: max }) as const;

interface LoginBody {
  email?: string;
  password?: string;
  next?: string;
}

function minutes(seconds: number): string {
  return String(Math.max(1, Math.ceil(seconds / 60)));
}

/** Creates a sign-in link for the user and e-mails it. */
export async function sendSignInLink(request: FastifyRequest, userId: number, email: string, next: string): Promise<void> {
  const { db, now, mailer, config } = request.server.deps;
  const page = pageContext(request);
  const { secret, hash } = newSecret();
  const at = now();
  await insertAuthToken(
    db,
    { tokenHash: hash, purpose: 'signin', userId, data: JSON.stringify({ next }), expiresAt: new Date(at.getTime() + SIGNIN_LINK_MINUTES * 60_000).toISOString() },
    at,
  );
  const link = `${config.publicUrl}${languagePrefix(page.lang.code)}/logga-in/lank/${secret}`;
  await mailer.send({
    to: email,
    subject: page.t('accounts.mail.signInSubject'),
    text: page.t('accounts.mail.signInBody', { link, minutes: String(SIGNIN_LINK_MINUTES) }),
    purpose: 'signin',
  });
}

export async function accountsRoutes(app: FastifyInstance): Promise<void> {
  const { db, now } = app.deps;

  const renderSignIn = (request: FastifyRequest, reply: FastifyReply, props: Omit<Parameters<typeof SignInPage>[0], 'csrf'>, status = 200) =>
    sendPage(reply, pageContext(request), <SignInPage {...props} csrf={reply.generateCsrf()} />, status);

  app.get<{ Querystring: { next?: string } }>(
    '/logga-in',
    { config: { access: 'public' }, schema: { querystring: { type: 'object', properties: { next: text(2000) } } } },
    async (request, reply) => {
      const next = safeReturnPath(request.query.next);
      if (request.viewer) return reply.redirect(next === '/' ? pageContext(request).href('/konto') : next, 303);
      return renderSignIn(request, reply, { next, email: '', errors: {} });
    },
  );

  app.post<{ Body: LoginBody }>(
    '/logga-in',
    { config: { access: 'public' }, schema: { body: { type: 'object', properties: { email: text(254), password: text(200), next: text(2000) } } } },
    async (request, reply) => {
      const page = pageContext(request);
      const email = normaliseEmail(request.body.email ?? '');
      const password = request.body.password ?? '';
      const next = safeReturnPath(request.body.next);
      const errors: Record<string, string> = {};
      if (!isEmail(email)) errors.email = 'accounts.errors.emailInvalid';
      if (password === '') errors.password = 'accounts.errors.passwordMissing';
      if (Object.keys(errors).length > 0) return renderSignIn(request, reply, { next, email: request.body.email ?? '', errors }, 400);

      const limited = await overLimit(request, reply, 'login', email);
      if (limited) return renderSignIn(request, reply, { next, email, errors: {}, message: { kind: 'error', text: limited } }, 429);
      // Before the check, right or wrong: answering a right password sooner would give it away.
      await slowDownAccount(request, email);
      const at = now();
      const found = await findUserForLogin(db, email);
      const ok = found?.user.active ? await verifyPassword(found.passwordHash, password) : await verifyPassword(await dummyHash(), password);
      if (!found || !found.user.active || !ok) {
        await recordAudit(db, { actorUserId: found?.user.id ?? null, action: 'login.failed', entity: 'user', entityId: found?.user.id ?? null }, at);
        return renderSignIn(request, reply, { next, email, errors: { password: 'accounts.errors.wrongPassword' } }, 400);
      }
      // The owner's own mistypes from this address are forgiven; the account's count of checks from
      // everywhere is not, or an attacker would get fresh undelayed tries whenever the owner signs in.
      await clearRateLimit(db, accountAddressKey(email, request.ip));
      await signIn(request, reply, found.user.id);
      await recordAudit(db, { actorUserId: found.user.id, action: 'login', entity: 'user', entityId: found.user.id, after: { method: 'password' } }, at);
      return reply.redirect(next === '/' ? page.href('/konto') : next, 303);
    },
  );

  app.post<{ Body: LoginBody }>(
    '/logga-in/lank',
    { config: { access: 'public' }, schema: { body: { type: 'object', properties: { email: text(254), next: text(2000) } } } },
    async (request, reply) => {
      const page = pageContext(request);
      const email = normaliseEmail(request.body.email ?? '');
      const next = safeReturnPath(request.body.next);
      if (!isEmail(email)) {
        return renderSignIn(request, reply, { next, email: request.body.email ?? '', errors: { linkEmail: 'accounts.errors.emailInvalid' } }, 400);
      }
      const limited = await overLimit(request, reply, 'link', email);
      if (limited) return renderSignIn(request, reply, { next, email, errors: {}, message: { kind: 'error', text: limited } }, 429);
      const found = await findUserForLogin(db, email);
      if (found?.user.active) await sendSignInLink(request, found.user.id, email, next);
      // The same answer whether or not the address has an account, so nobody can probe for accounts.
      return renderSignIn(request, reply, { next, email, errors: {}, message: { kind: 'info', text: page.t('accounts.signIn.linkSent', { email }) } });
    },
  );

  const tokenParams = { type: 'object', properties: { token: { type: 'string', maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' } } } as const;

  app.get<{ Params: { token: string } }>(
    '/logga-in/lank/:token',
    { config: { access: 'public' }, schema: { params: tokenParams } },
    async (request, reply) => {
      const valid = !!(await peekAuthToken(db, hashSecret(request.params.token), 'signin', now()));
      const page = pageContext(request);
      reply.header('referrer-policy', 'no-referrer');
      return sendPage(
        reply,
        page,
        <ConfirmLinkPage csrf={reply.generateCsrf()} action={page.href(`/logga-in/lank/${request.params.token}`)} valid={valid} />,
        valid ? 200 : 410,
      );
    },
  );

  app.post<{ Params: { token: string } }>(
    '/logga-in/lank/:token',
    { config: { access: 'public' }, schema: { params: tokenParams } },
    async (request, reply) => {
      const page = pageContext(request);
      const at = now();
      const used = await consumeAuthToken(db, hashSecret(request.params.token), 'signin', at);
      if (!used) {
        return sendPage(reply, page, <ConfirmLinkPage csrf={reply.generateCsrf()} action="" valid={false} />, 410);
      }
      await signIn(request, reply, used.userId);
      await recordAudit(db, { actorUserId: used.userId, action: 'login', entity: 'user', entityId: used.userId, after: { method: 'link' } }, at);
      const next = safeReturnPath((JSON.parse(used.data ?? '{}') as { next?: string }).next);
      return reply.redirect(next === '/' ? page.href('/konto') : next, 303);
    },
  );

  app.post('/logga-ut', { config: { access: 'public' } }, async (request, reply) => {
    const page = pageContext(request);
    if (request.viewer) await recordAudit(db, { actorUserId: request.viewer.id, action: 'logout', entity: 'user', entityId: request.viewer.id }, now());
    await signOut(request, reply);
    return reply.redirect(page.href('/'), 303);
  });

  const accountPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: Record<string, string> = {},
    message?: { kind: 'info' | 'error'; text: string },
    status = 200,
    newEmail?: string,
  ) => {
    const user = request.viewer!;
    const organisations = (await Promise.all(user.organisationIds.map((id) => findOrganisationById(db, id)))).filter((o) => o !== undefined);
    return sendPage(
      reply,
      pageContext(request),
      <AccountPage
        user={user}
        organisations={organisations.map((o) => ({ id: o.id, name: o.name, slug: o.slug }))}
        csrf={reply.generateCsrf()}
        errors={errors}
        message={message}
        newEmail={newEmail}
      />,
      status,
    );
  };

  app.get('/konto', { config: { access: 'signedIn' } }, async (request, reply) => accountPage(request, reply));

  app.post<{ Body: { current?: string; password?: string } }>(
    '/konto/losenord',
    { config: { access: 'signedIn' }, schema: { body: { type: 'object', properties: { current: text(200), password: text(400) } } } },
    async (request, reply) => {
      const page = pageContext(request);
      const user = request.viewer!;
      const password = request.body.password ?? '';
      const errors: Record<string, string> = {};
      if (user.hasPassword) {
        const found = await findUserForLogin(db, user.email);
        if (!(await verifyPassword(found?.passwordHash ?? null, request.body.current ?? ''))) errors.current = 'accounts.errors.wrongPassword';
      }
      const problem = passwordProblem(password, user.email);
      if (problem) errors.password = problem;
      if (Object.keys(errors).length > 0) return accountPage(request, reply, errors, undefined, 400);
      // A new password ends every other session: whoever knew the old one is out.
      await changePassword(db, user.id, await hashPassword(password), now());
      await signIn(request, reply, user.id);
      request.viewer = { ...user, hasPassword: true };
      return accountPage(request, reply, {}, { kind: 'info', text: page.t('accounts.account.passwordSaved') });
    },
  );

  app.post<{ Body: { email?: string } }>(
    '/konto/epost',
    { config: { access: 'signedIn' }, schema: { body: { type: 'object', properties: { email: text(254) } } } },
    async (request, reply) => {
      const page = pageContext(request);
      const user = request.viewer!;
      const typed = request.body.email ?? '';
      const email = normaliseEmail(typed);
      if (!isEmail(email)) return accountPage(request, reply, { email: 'accounts.errors.emailInvalid' }, undefined, 400, typed);
      if (email === user.email) return accountPage(request, reply, { email: 'accounts.errors.emailSame' }, undefined, 400, typed);
      const limited = await overLimit(request, reply, 'link', email);
      if (limited) return accountPage(request, reply, {}, { kind: 'error', text: limited }, 429, typed);
      const at = now();
      const { secret, hash } = newSecret();
      await insertAuthToken(
        db,
        { tokenHash: hash, purpose: 'email', userId: user.id, data: JSON.stringify({ email }), expiresAt: new Date(at.getTime() + EMAIL_LINK_HOURS * 3600_000).toISOString() },
        at,
      );
      const link = `${request.server.deps.config.publicUrl}${languagePrefix(page.lang.code)}/konto/epost/${secret}`;
      // The link goes to the new address: only someone who reads it can make it the account's.
      await request.server.deps.mailer.send({
        to: email,
        subject: page.t('accounts.mail.emailSubject'),
        text: page.t('accounts.mail.emailBody', { link, hours: String(EMAIL_LINK_HOURS) }),
        purpose: 'email',
      });
      return accountPage(request, reply, {}, { kind: 'info', text: page.t('accounts.account.confirmationSent', { email }) });
    },
  );

  app.post<{ Params: { token: string } }>(
    '/konto/epost/:token',
    { config: { access: 'signedIn' }, schema: { params: tokenParams } },
    async (request, reply) => {
      const page = pageContext(request);
      const user = request.viewer!;
      const at = now();
      const hash = hashSecret(request.params.token);
      const pending = await peekAuthToken(db, hash, 'email', at);
      if (!pending || pending.userId !== user.id) {
        return accountPage(request, reply, {}, { kind: 'error', text: page.t('accounts.link.invalid') }, 410);
      }
      const email = normaliseEmail((JSON.parse(pending.data ?? '{}') as { email?: string }).email ?? '');
      if ((await findUserForLogin(db, email)) !== undefined) {
        return accountPage(request, reply, {}, { kind: 'error', text: page.t('accounts.errors.emailTaken') }, 409);
      }
      if (!(await consumeAuthToken(db, hash, 'email', at))) {
        return accountPage(request, reply, {}, { kind: 'error', text: page.t('accounts.link.invalid') }, 410);
      }
      await changeEmail(db, user.id, { from: user.email, to: email }, at);
      request.viewer = { ...user, email };
      return accountPage(request, reply, {}, { kind: 'info', text: page.t('accounts.account.emailChanged', { email }) });
    },
  );

  app.get<{ Params: { token: string } }>(
    '/konto/epost/:token',
    { config: { access: 'signedIn' }, schema: { params: tokenParams } },
    async (request, reply) => {
      const page = pageContext(request);
      const valid = !!(await peekAuthToken(db, hashSecret(request.params.token), 'email', now()));
      reply.header('referrer-policy', 'no-referrer');
      return sendPage(
        reply,
        page,
        <ConfirmLinkPage
          csrf={reply.generateCsrf()}
          action={page.href(`/konto/epost/${request.params.token}`)}
          valid={valid}
          title={page.t('accounts.account.changeEmail')}
          confirmText={page.t('accounts.link.confirmEmail')}
          button={page.t('accounts.link.confirmEmailButton')}
        />,
        valid ? 200 : 410,
      );
    },
  );

  app.post('/konto/logga-ut-overallt', { config: { access: 'signedIn' } }, async (request, reply) => {
    const page = pageContext(request);
    const user = request.viewer!;
    await signOutEverywhere(db, user.id, now());
    await signOut(request, reply);
    return reply.redirect(page.href('/logga-in'), 303);
  });
}
