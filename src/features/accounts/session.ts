import crypto from 'node:crypto';
/**
 * Sessions: an HttpOnly cookie holding a random secret whose hash is the session row. Loads the
 * viewer on every request, enforces each route's declared access, and checks CSRF tokens on forms.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import fp from 'fastify-plugin';
import { decideAccess } from './access.js';
import { endSession, extendSession, startSession } from './accounts.commands.js';
import { findUserById } from './accounts.queries.js';
import { findSession } from './accounts.store.js';
import { hashSecret, newSecret } from './secrets.js';
import type { Viewer } from './user.js';

export const SESSION_COOKIE = 'sid';
/** A session lasts this long after the last visit. */
const SESSION_DAYS = 30;
/** Last-seen is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 10 * 60 * 1000;

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer;
    sessionHash: string | null;
  }
}

/** Whether an Authorization header carries `token` as its bearer token (compared in constant time). */
function bearerMatches(header: string | undefined, token: string | undefined): boolean {
  const given = /^Bearer (.+)$/i.exec(header ?? '')?.[1];
  if (!token || !given) return false;
  return crypto.timingSafeEqual(crypto.createHash('sha256').update(given).digest(), crypto.createHash('sha256').update(token).digest());
}

function expiry(now: Date): string {
  return new Date(now.getTime() + SESSION_DAYS * 864e5).toISOString();
}

function cookieOptions(request: FastifyRequest) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: request.protocol === 'https',
    maxAge: SESSION_DAYS * 24 * 60 * 60,
  };
}

/** Starts a fresh session for the user (a new id every sign-in) and ends the one the browser had. */
export async function signIn(request: FastifyRequest, reply: FastifyReply, userId: number): Promise<void> {
  const { db, now } = request.server.deps;
  const { secret, hash } = newSecret();
  const at = now();
  await startSession(db, { replaces: request.sessionHash, idHash: hash, userId, expiresAt: expiry(at), userAgent: (request.headers['user-agent'] ?? '').slice(0, 200) || null }, at);
  request.sessionHash = hash;
  reply.setCookie(SESSION_COOKIE, secret, cookieOptions(request));
}

export async function signOut(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.sessionHash) await endSession(request.server.deps.db, request.sessionHash);
  request.sessionHash = null;
  request.viewer = null;
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Where an anonymous visitor goes to sign in, returning afterwards. */
export function signInPath(prefix: string, next: string): string {
  return `${prefix}/logga-in?next=${encodeURIComponent(next)}`;
}

export const sessionPlugin = fp(async (app: FastifyInstance) => {
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 100_000 });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', signed: false },
  });
  app.decorateRequest('viewer', null);
  app.decorateRequest('sessionHash', null);

  app.addHook('onRequest', async (request) => {
    const secret = request.cookies[SESSION_COOKIE];
    // Static files are the same for everyone: no session lookup for each stylesheet and icon.
    if (!secret || secret.length > 100 || request.url.startsWith('/static/')) return;
    const { db, now } = request.server.deps;
    const hash = hashSecret(secret);
    const at = now();
    const session = await findSession(db, hash, at);
    if (!session) return;
    const user = await findUserById(db, session.userId);
    if (!user || !user.active) return;
    request.viewer = user;
    request.sessionHash = hash;
    request.signedIn = { name: user.name || user.email, email: user.email, isAdmin: user.isAdmin, isEditor: user.organisationIds.length > 0, isTranslator: user.isTranslator, isGuide: user.isGuide };
    if (at.getTime() - new Date(session.lastSeenAt).getTime() > TOUCH_EVERY_MS) await extendSession(db, hash, expiry(at), at);
  });

  // Every route declares its access; this is where the declaration is enforced.
  app.addHook('preValidation', async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (!access || access === 'public') return;
    if (access === 'monitor') {
      // A monitoring server signs in with a bearer token, never through the sign-in page.
      if ((request.viewer?.isAdmin && request.viewer.active) || bearerMatches(request.headers.authorization, app.deps.config.metricsToken)) return;
      return reply.code(401).header('www-authenticate', 'Bearer').header('cache-control', 'no-store').send('Unauthorized\n');
    }
    const decision = decideAccess(access, request.viewer);
    if (decision === 'allow') return;
    const api = request.url.startsWith('/api/');
    if (decision === 'signIn') {
      if (api || request.method !== 'GET') return reply.code(401).send({ error: { code: 'errors.signInRequired' } });
      const prefix = /^\/([a-z]{2,3})\//.exec(request.url)?.[1];
      return reply.redirect(signInPath(prefix && prefix !== 'sv' ? `/${prefix}` : '', request.url), 303);
    }
    const error = new Error('forbidden') as Error & { statusCode: number };
    error.statusCode = 403;
    throw error;
  });

  // Forms that change something carry a CSRF token (checked once the body is parsed).
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return done();
    if (request.routeOptions.config.csrf === false) return done();
    app.csrfProtection(request, reply, done);
  });
});
