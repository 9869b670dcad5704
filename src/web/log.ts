/**
 * What request logging writes about a request. One-time links (sign-in, confirmations, answers) carry
 * their secret in the path; whoever reads the log must not be able to use them, so those parts go.
 */
import type { FastifyRequest } from 'fastify';

/** Route parameters that carry a one-time secret. */
const SECRET_PARAMS = new Set(['token']);

/** What the log shows instead of a secret. */
export const REDACTED = '[redacted]';

interface SecretRoute {
  /** The route's path segments, anchored at the start; a longer path (a typo, an extra slash) matches too. */
  shape: RegExp;
  /** Which path segments are secrets. */
  secretSegments: number[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Learns from the route table which paths carry a secret ('/svar/:token', '/en/svar/:token', ...)
 * and blanks those segments of any URL of that shape, whether or not a route answered it.
 */
export class UrlRedactor {
  private readonly routes = new Map<string, SecretRoute>();

  /** Takes note of a route pattern; one without a secret parameter changes nothing. */
  addRoute(url: string): void {
    const segments = url.split('/');
    const secretSegments = segments.flatMap((s, i) => (s.startsWith(':') && SECRET_PARAMS.has(s.slice(1)) ? [i] : []));
    if (secretSegments.length === 0) return;
    const source = `^${segments.map((s) => (s.startsWith(':') ? '[^/]+' : escapeRegExp(s))).join('/')}(?:/|$)`;
    this.routes.set(source, { shape: new RegExp(source), secretSegments });
  }

  /**
   * The URL with every secret segment replaced by [redacted], in the path and in query values that are
   * such a path themselves (a signed-out reader of a link is sent to /logga-in?next=<the link>).
   */
  redact(url: string): string {
    const q = url.indexOf('?');
    const path = this.redactPath(q === -1 ? url : url.slice(0, q));
    if (q === -1) return path;
    const query = url
      .slice(q + 1)
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        if (eq === -1) return pair;
        let value: string;
        try {
          value = decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' '));
        } catch {
          return pair;
        }
        const redacted = this.redact(value);
        return redacted === value ? pair : `${pair.slice(0, eq)}=${encodeURIComponent(redacted)}`;
      });
    return `${path}?${query.join('&')}`;
  }

  private redactPath(path: string): string {
    for (const route of this.routes.values()) {
      if (!route.shape.test(path)) continue;
      const segments = path.split('/');
      for (const i of route.secretSegments) segments[i] = REDACTED;
      path = segments.join('/');
    }
    return path;
  }
}

/** Fastify's request serializer, with the URL redacted. */
export function requestSerializer(redactor: UrlRedactor) {
  return (request: FastifyRequest) => ({
    method: request.method,
    url: redactor.redact(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  });
}
