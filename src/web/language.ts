/**
 * Which language a reader gets: the path prefix decides; an unprefixed (Swedish) page redirects a
 * reader who chose another language (the `lang` cookie) or whose browser asks for one on a first visit.
 * The picker's links go through /sprak/<code>, which remembers the choice and returns to the same page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import { DEFAULT_LANGUAGE, LANGUAGES, findLanguage, languagePrefix, splitLanguagePath } from '../i18n/index.js';

export const LANGUAGE_COOKIE = 'lang';
const ONE_YEAR = 365 * 24 * 60 * 60;

/** Codes a browser may send for a language we have under another code. */
const ALIASES: Record<string, string> = { prs: 'fa', 'fa-af': 'fa', ku: 'ckb', 'ku-iq': 'ckb', 'ckb-iq': 'ckb', 'ckb-ir': 'ckb' };

export function cookieLanguage(cookieHeader: string | undefined): string | undefined {
  const m = /(?:^|;\s*)lang=([a-z]{2,3})(?:;|$)/.exec(cookieHeader ?? '');
  return m && findLanguage(m[1]) ? m[1] : undefined;
}

/** The best of our languages for an Accept-Language header, or undefined when none fits. */
export function acceptedLanguage(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const normalised = header
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const alias = ALIASES[(tag ?? '').toLowerCase()];
      return [alias ?? tag, ...rest].join(';');
    })
    .join(',');
  const codes = LANGUAGES.map((l) => l.code);
  const best = new Negotiator({ headers: { 'accept-language': normalised } }).language(codes);
  return best && codes.includes(best) ? best : undefined;
}

/** A same-site path to return to; anything else (other hosts, protocol-relative URLs) becomes '/'. */
export function safeReturnPath(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.length > 2000) {
    return '/';
  }
  return next;
}

/** Pages a reader reads, as opposed to files and machine endpoints, which never redirect. */
function isPage(url: string): boolean {
  const path = url.split('?')[0]!;
  return !/^\/(api|static|sprak|widget)(\/|$)/.test(path) && !['/healthz', '/readyz', '/metrics'].includes(path) && !/\.[a-z0-9]+$/i.test(path);
}

export function registerLanguageRouting(app: FastifyInstance): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' || !isPage(request.url)) return;
    const q = request.url.indexOf('?');
    const pathname = q === -1 ? request.url : request.url.slice(0, q);
    const { lang, path } = splitLanguagePath(pathname);
    if (lang.code !== DEFAULT_LANGUAGE) return;
    reply.header('vary', 'Accept-Language, Cookie');
    const chosen = cookieLanguage(request.headers.cookie);
    const wanted = chosen ?? acceptedLanguage(request.headers['accept-language']);
    if (!wanted || wanted === DEFAULT_LANGUAGE) return;
    const target = `${languagePrefix(wanted)}${path === '/' ? '' : path}${q === -1 ? '' : request.url.slice(q)}`;
    return reply.code(302).redirect(target || '/');
  });

  app.get<{ Params: { code: string }; Querystring: { next?: string } }>(
    '/sprak/:code',
    {
      config: { access: 'public' },
      schema: {
        params: { type: 'object', properties: { code: { type: 'string', maxLength: 8 } } },
        querystring: { type: 'object', properties: { next: { type: 'string', maxLength: 2000 } } },
      },
    },
    async (request, reply) => {
      const lang = findLanguage(request.params.code);
      if (!lang) return reply.callNotFound();
      const back = safeReturnPath(request.query.next);
      const qi = back.indexOf('?');
      const next = splitLanguagePath(qi === -1 ? back : back.slice(0, qi)).path;
      const query = qi === -1 ? '' : back.slice(qi);
      const secure = request.protocol === 'https' ? '; Secure' : '';
      reply.header('set-cookie', `${LANGUAGE_COOKIE}=${lang.code}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax; HttpOnly${secure}`);
      const prefix = languagePrefix(lang.code);
      return reply.code(303).redirect(`${prefix}${next === '/' && prefix ? '' : next}${query}` || '/');
    },
  );
}
