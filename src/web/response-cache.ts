/**
 * An in-process cache of public GET responses (pages and API), so the calendar that thousands read
 * and few change is drawn once per change instead of once per reader. Keyed by today's date and the
 * full URL; bounded in bytes. An entry remembers the versions it was drawn at (its scope's, or for an
 * activity's page that activity's and what activities share: db/cache-scopes.ts) and is served only
 * while they are current: a write raises them in its transaction (triggers), and every instance, the
 * writing one included, reads the versions at most a second old. So a change shows everywhere within a
 * second, only pages of what changed are drawn again, and a busy page is drawn at most once a second
 * however many writes come in that second.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CacheScope, VersionKey } from '../db/cache-scopes.js';
import type { Db } from '../db/index.js';
import { compressSync, COMPRESSION_THRESHOLD, preferredEncoding } from './compression.js';
import { localToday } from './time.js';

interface Entry {
  expires: number;
  status: number;
  type: string;
  /** The text of the page or answer, or its UTF-8 bytes (a page sent as bytes: web/render.tsx). */
  body: string | Buffer;
  /** The versions the page was drawn at, joined ("12" or "3.7"). */
  version: string;
  /** The body compressed, made the first time a reader accepts that encoding and kept with it. */
  br?: Buffer;
  gzip?: Buffer;
}

/** Compresses a cached body once per encoding. */
function compressed(entry: Entry, encoding: 'br' | 'gzip'): Buffer {
  if (encoding === 'br') return (entry.br ??= compressSync(entry.body, 'br'));
  return (entry.gzip ??= compressSync(entry.body, 'gzip'));
}

/** The current versions (scopes, what activities share, each activity), read from the database at most `maxAgeMs` ago (one read at a time). */
export class ContentVersions {
  private versions = new Map<string, number>();
  private readAt = -Infinity;
  private reading: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly maxAgeMs = 1000,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** The versions of `keys` as one string to compare: equal while none of them changed. */
  async key(keys: readonly VersionKey[]): Promise<string> {
    if (this.clock() - this.readAt >= this.maxAgeMs) await this.read();
    return keys.length === 1 ? String(this.versions.get(keys[0]!) ?? 0) : keys.map((k) => this.versions.get(k) ?? 0).join('.');
  }

  private read(): Promise<void> {
    this.reading ??= (async () => {
      const started = this.clock();
      try {
        const rows = await this.db.selectFrom('cacheVersions').select(['scope', 'version']).execute();
        this.versions = new Map(rows.map((r) => [r.scope, Number(r.version)]));
        this.readAt = started;
      } finally {
        this.reading = undefined;
      }
    })();
    return this.reading;
  }
}

export interface ResponseCacheOptions {
  ttlMs: number;
  maxBytes: number;
}

/** What an entry holds in memory: its text at two bytes a character (leaving room for compressed copies), or its bytes twice. */
const sizeOf = (entry: Entry) => entry.body.length * 2;

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
    const size = sizeOf(entry);
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
    this.bytes -= sizeOf(entry);
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    cacheKey?: string;
    /** This request draws the page others with the same key wait for. */
    cacheLeader?: boolean;
    cacheVersion?: string;
  }
  interface FastifyContextConfig {
    /**
     * What the page is made of, when not the whole calendar: another scope (a write to the calendar
     * leaves it cached), or the versions a request's page depends on (an activity's page: its own).
     */
    cacheScope?: CacheScope | ((request: FastifyRequest) => readonly VersionKey[]);
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
export function registerResponseCache(app: FastifyInstance, cache: ResponseCache, ttlMs: number, clock: () => Date, versions: ContentVersions): void {
  /**
   * Pages being drawn, by key and version: readers asking for one meanwhile wait for it instead of
   * drawing it too (a busy page after a change is drawn once, not once per reader). Resolves with the
   * stored entry, or null when the drawing did not give a storable page (then each draws its own).
   */
  const drawing = new Map<string, { version: string; started: number; done: Promise<Entry | null>; finish: (entry: Entry | null) => void }>();
  /** Longest a reader waits for another's drawing (one that never finishes must not hold anyone). */
  const WAIT_MS = 5000;
  /** Keys whose last answer could not be stored (a form, no-store): nobody waits to share those. */
  const unshareable = new Set<string>();
  const finish = (request: FastifyRequest, entry: Entry | null) => {
    const flight = request.cacheKey ? drawing.get(request.cacheKey) : undefined;
    if (flight && request.cacheLeader) {
      // Only this request's own drawing (a later one may have taken the key over).
      if (flight.version === request.cacheVersion) drawing.delete(request.cacheKey!);
      flight.finish(entry);
    }
    request.cacheLeader = false;
  };
  // Compressed once per entry, not once per reader: a cached page costs the reader no compression.
  const serve = (request: FastifyRequest, reply: FastifyReply, entry: Entry, state: 'hit' | 'shared') => {
    reply.header('x-cache', state).header('vary', 'accept-encoding').code(entry.status).type(entry.type);
    const encoding = entry.body.length >= COMPRESSION_THRESHOLD ? preferredEncoding(request.headers['accept-encoding']) : null;
    if (!encoding) return reply.send(entry.body);
    return reply.header('content-encoding', encoding).send(compressed(entry, encoding));
  };

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!cacheable(request)) return;
    const now = clock();
    const key = `${localToday(now)}|${request.url}`;
    const scope = request.routeOptions.config.cacheScope ?? 'calendar';
    // Read before drawing: a write committed while the page is drawn makes this entry old at once.
    const version = await versions.key(typeof scope === 'function' ? scope(request) : [scope]);
    const hit = cache.get(key, now.getTime());
    if (hit && hit.version === version) return serve(request, reply, hit, 'hit');
    const flight = unshareable.has(key) ? undefined : drawing.get(key);
    const started = performance.now();
    if (unshareable.has(key)) {
      // Drawn by each reader, as it was last time.
    } else if (flight && flight.version === version && started - flight.started < WAIT_MS) {
      let timer: NodeJS.Timeout | undefined;
      const shared = await Promise.race([flight.done, new Promise<null>((r) => (timer = setTimeout(() => r(null), WAIT_MS - (started - flight.started))))]);
      clearTimeout(timer);
      if (shared) return serve(request, reply, shared, 'shared');
    } else {
      let resolve!: (entry: Entry | null) => void;
      const done = new Promise<Entry | null>((r) => (resolve = r));
      drawing.set(key, { version, started, done, finish: resolve });
      request.cacheLeader = true;
    }
    request.cacheKey = key;
    request.cacheVersion = version;
  });
  app.addHook('onResponse', async (request) => {
    // Whatever became of the drawing (an error, a client gone), nobody waits for it any longer.
    finish(request, null);
  });
  const notStorable = (request: FastifyRequest, payload: unknown) => {
    if (unshareable.size > 10_000) unshareable.clear();
    unshareable.add(request.cacheKey!);
    finish(request, null);
    return payload;
  };
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.cacheKey) return payload;
    if (reply.statusCode !== 200 || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return notStorable(request, payload);
    // A page with a form carries this visitor's CSRF token; one that asks not to be stored is theirs too.
    if (payload.includes('name="_csrf"') || /no-store|private/.test(String(reply.getHeader('cache-control') ?? ''))) return notStorable(request, payload);
    const type = String(reply.getHeader('content-type') ?? '');
    if (!/^(text\/html|application\/json|text\/calendar)/.test(type)) return notStorable(request, payload);
    unshareable.delete(request.cacheKey);
    const entry: Entry = { expires: clock().getTime() + ttlMs, status: 200, type, body: payload, version: request.cacheVersion! };
    cache.set(request.cacheKey, entry);
    finish(request, entry);
    reply.header('x-cache', 'miss');
    return payload;
  });
}
