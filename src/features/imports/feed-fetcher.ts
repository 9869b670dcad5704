/**
 * Fetching a calendar feed: Node's fetch with a deadline, a size cap (reading stops beyond it),
 * http and https only, at most a few redirects (each checked like the first URL), and conditional
 * requests (ETag, Last-Modified). In production addresses on the local network are refused: the
 * server must not be a door into it. Hosts are checked by name and by what DNS answers; a name
 * that resolves differently between the check and the request is not caught (we accept that).
 * Tests and local setups allow them with IMPORT_ALLOW_PRIVATE_HOSTS.
 */
import dns from 'node:dns/promises';
import net from 'node:net';
import { ImportError } from './ics-split.js';

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Allow loopback and private addresses (tests, a calendar server on the same network). */
  allowPrivateHosts: boolean;
  userAgent: string;
}

export const DEFAULT_FETCH_OPTIONS: Omit<FetchOptions, 'allowPrivateHosts' | 'userAgent'> = {
  timeoutMs: 15_000,
  maxBytes: 2 * 1024 * 1024,
  maxRedirects: 3,
};

export type FetchResult = { kind: 'notModified' } | { kind: 'ok'; text: string; etag: string | null; lastModified: string | null };

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

/** Fetches a feed; throws an ImportError with a catalogue code (no URL, no secret in it). */
export type FeedFetcher = (url: string, validators: Validators) => Promise<FetchResult>;

function ipv4Private(ip: string): boolean {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  return (
    a === 0 || a === 10 || a === 127 || a >= 224 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 198 && (b === 18 || b === 19))
  );
}

/** Loopback, private, link-local, shared, multicast and unspecified addresses (IPv4 and IPv6). */
export function isPrivateAddress(ip: string): boolean {
  const address = ip.replace(/^\[|\]$/g, '').toLowerCase();
  if (net.isIPv4(address)) return ipv4Private(address);
  if (!net.isIPv6(address)) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return ipv4Private(mapped[1]!);
  if (address === '::' || address === '::1') return true;
  return /^f[cd]/.test(address) || /^fe[89ab]/.test(address) || /^ff/.test(address) || address.startsWith('::ffff:');
}

/** Names that only mean something on a local network. */
export function isLocalHostName(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (net.isIP(h)) return isPrivateAddress(h);
  return h === 'localhost' || /\.(localhost|local|internal|lan|home\.arpa)$/.test(h) || !h.includes('.');
}

/** The URL a feed address is read from: webcal:// as https://, only http(s); null when it is none. */
export function feedUrl(input: string): URL | null {
  const text = input.trim().replace(/^webcals?:\/\//i, 'https://');
  if (!URL.canParse(text)) return null;
  const url = new URL(text);
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return null;
  url.hash = '';
  return url;
}

async function checkHost(url: URL, options: FetchOptions): Promise<void> {
  if (options.allowPrivateHosts) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isLocalHostName(host)) throw new ImportError('imports.errors.privateHost');
  if (net.isIP(host)) return;
  let addresses: { address: string }[];
  try {
    addresses = await dns.lookup(host, { all: true });
  } catch {
    throw new ImportError('imports.errors.unknownHost');
  }
  if (addresses.some((a) => isPrivateAddress(a.address))) throw new ImportError('imports.errors.privateHost');
}

function charsetOf(contentType: string | null): string {
  const m = /charset\s*=\s*"?([\w-]+)"?/i.exec(contentType ?? '');
  const label = m?.[1] ?? 'utf-8';
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return 'utf-8';
  }
}

/** The body, read until it ends or passes `maxBytes` (then the transfer is cut and ImportError thrown). */
async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? 'NaN');
  if (declared > maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw new ImportError('imports.errors.tooLarge', { megabytes: String(Math.round(maxBytes / 1024 / 1024)) });
  }
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new ImportError('imports.errors.tooLarge', { megabytes: String(Math.round(maxBytes / 1024 / 1024)) });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

function failure(error: unknown, signal: AbortSignal): ImportError {
  if (error instanceof ImportError) return error;
  if (signal.aborted) return new ImportError('imports.errors.timeout');
  return new ImportError('imports.errors.network');
}

/** A fetcher with these limits. */
export function createFeedFetcher(options: FetchOptions): FeedFetcher {
  return async (address, validators) => {
    const signal = AbortSignal.timeout(options.timeoutMs);
    let url = feedUrl(address);
    for (let hop = 0; ; hop++) {
      if (!url) throw new ImportError('imports.errors.badUrl');
      await checkHost(url, options);
      const headers: Record<string, string> = {
        accept: 'text/calendar, text/plain;q=0.8, */*;q=0.1',
        'user-agent': options.userAgent,
      };
      if (validators.etag) headers['if-none-match'] = validators.etag;
      if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
      try {
        const res = await fetch(url, { redirect: 'manual', signal, headers });
        if ([301, 302, 303, 307, 308].includes(res.status)) {
          await res.body?.cancel().catch(() => {});
          if (hop >= options.maxRedirects) throw new ImportError('imports.errors.tooManyRedirects');
          const location = res.headers.get('location');
          url = location && URL.canParse(location, url) ? feedUrl(new URL(location, url).toString()) : null;
          continue;
        }
        if (res.status === 304) {
          await res.body?.cancel().catch(() => {});
          return { kind: 'notModified' };
        }
        if (!res.ok) {
          await res.body?.cancel().catch(() => {});
          throw new ImportError('imports.errors.http', { status: String(res.status) });
        }
        const bytes = await readCapped(res, options.maxBytes);
        return {
          kind: 'ok',
          text: new TextDecoder(charsetOf(res.headers.get('content-type'))).decode(bytes),
          etag: res.headers.get('etag'),
          lastModified: res.headers.get('last-modified'),
        };
      } catch (error) {
        throw failure(error, signal);
      }
    }
  };
}
