/**
 * A short-lived in-process cache of public GET responses (pages and API), so the calendar that
 * thousands read and few change is rendered once every few seconds instead of once per reader.
 * Keyed by today's date and the full URL; a response is kept `ttlMs` and the cache is bounded in bytes.
 * Writes through this process call `clear()`; other instances catch up within the TTL.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { localToday } from './time.js';

interface Entry {
  expires: number;
  status: number;
  type: string;
  body: string;
}

export interface ResponseCacheOptions {
  ttlMs: number;
  maxBytes: number;
}

export class ResponseCache {
  private entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly options: ResponseCacheOptions) {}

  get(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= now) {
      this.delete(key, entry);
      return undefined;
    }
    return entry;
  }

  set(key: string, entry: Entry): void {
    const old = this.entries.get(key);
    if (old) this.delete(key, old);
    const size = entry.body.length * 2;
    if (size > this.options.maxBytes / 4) return;
    while (this.bytes + size > this.options.maxBytes) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value, this.entries.get(oldest.value)!);
    }
    this.entries.set(key, entry);
    this.bytes += size;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  private delete(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.body.length * 2;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    cacheKey?: string;
  }
}

/** True when the request carries a cookie other than the language choice (which the URL already reflects). */
function hasPersonalCookie(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(';').some((c) => c.trim() !== '' && !/^lang=/.test(c.trim()));
}

function cacheable(request: FastifyRequest): boolean {
  return (
    request.method === 'GET' &&
    !hasPersonalCookie(request.headers.cookie) &&
    !request.headers.authorization &&
    !request.url.startsWith('/static/') &&
    request.routeOptions.config.access === 'public'
  );
}

/** Serves cached responses before routing work and stores fresh 200 responses after it. */
export function registerResponseCache(app: FastifyInstance, cache: ResponseCache, ttlMs: number, clock: () => Date): void {
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!cacheable(request)) return;
    const now = clock();
    const key = `${localToday(now)}|${request.url}`;
    const hit = cache.get(key, now.getTime());
    if (hit) {
      reply.header('x-cache', 'hit').code(hit.status).type(hit.type);
      return reply.send(hit.body);
    }
    request.cacheKey = key;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.cacheKey || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    // A page with a form carries this visitor's CSRF token; one that asks not to be stored is theirs too.
    if (payload.includes('name="_csrf"') || /no-store|private/.test(String(reply.getHeader('cache-control') ?? ''))) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!/^(text\/html|application\/json|text\/calendar)/.test(type)) return payload;
    cache.set(request.cacheKey, { expires: clock().getTime() + ttlMs, status: 200, type, body: payload });
    reply.header('x-cache', 'miss');
    return payload;
  });
}
