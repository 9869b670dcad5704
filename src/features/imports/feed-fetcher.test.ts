import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedFetcher, DEFAULT_FETCH_OPTIONS, feedUrl, isLocalHostName, isPrivateAddress, type FetchOptions } from './feed-fetcher.js';
import { readFeedForm } from './feed-form.js';
import { ImportError } from './ics-split.js';

const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
let server: http.Server;
let base: string;
let streamed = 0;
let streamClosed = false;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/ok.ics') {
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304).end();
      return res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', etag: '"v1"', 'last-modified': 'Thu, 26 Nov 2026 08:00:00 GMT' }).end(ICS);
    }
    if (path === '/latin1.ics') return res.writeHead(200, { 'content-type': 'text/calendar; charset=iso-8859-1' }).end(Buffer.from('SUMMARY:Språkcafé', 'latin1'));
    const hops = /^\/hop\/(\d+)$/.exec(path);
    if (hops) {
      const n = Number(hops[1]);
      return res.writeHead(302, { location: n === 0 ? '/ok.ics' : `/hop/${n - 1}` }).end();
    }
    if (path === '/to-ftp') return res.writeHead(301, { location: 'ftp://example.org/x.ics' }).end();
    if (path === '/error') return res.writeHead(500).end('Internal Server Error');
    if (path === '/slow') {
      setTimeout(() => res.writeHead(200).end(ICS), 2000).unref();
      return;
    }
    if (path === '/stalls') {
      res.writeHead(200, { 'content-type': 'text/calendar' });
      res.write('BEGIN:VCALENDAR\r\n');
      return;
    }
    if (path === '/declared-huge') return res.writeHead(200, { 'content-length': String(50 * 1024 * 1024) }).end();
    if (path === '/endless') {
      // 10 MB and more, sent in pieces: the reader must stop at its limit, not at the end.
      res.writeHead(200, { 'content-type': 'text/calendar' });
      const chunk = Buffer.alloc(64 * 1024, 'X');
      streamed = 0;
      streamClosed = false;
      res.on('close', () => (streamClosed = true));
      const push = () => {
        while (streamed < 10 * 1024 * 1024 && !streamClosed) {
          streamed += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', push);
        }
        res.end();
      };
      return push();
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const options = (o: Partial<FetchOptions> = {}): FetchOptions => ({ ...DEFAULT_FETCH_OPTIONS, allowPrivateHosts: true, userAgent: 'test', ...o });
const none = { etag: null, lastModified: null };

async function failure(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected a failure');
}

describe('fetching a feed', () => {
  it('reads a calendar with its validators, and answers 304 with them', async () => {
    const fetchFeed = createFeedFetcher(options());
    const first = await fetchFeed(`${base}/ok.ics`, none);
    expect(first).toEqual({ kind: 'ok', text: ICS, etag: '"v1"', lastModified: 'Thu, 26 Nov 2026 08:00:00 GMT' });
    expect(await fetchFeed(`${base}/ok.ics`, { etag: '"v1"', lastModified: null })).toEqual({ kind: 'notModified' });
  });

  it('decodes the charset the server names', async () => {
    const result = await createFeedFetcher(options())(`${base}/latin1.ics`, none);
    expect(result.kind === 'ok' && result.text).toBe('SUMMARY:Språkcafé');
  });

  it('follows at most three redirects, each to http or https only', async () => {
    const fetchFeed = createFeedFetcher(options());
    expect((await fetchFeed(`${base}/hop/2`, none)).kind).toBe('ok');
    expect((await failure(fetchFeed(`${base}/hop/3`, none))).code).toBe('imports.errors.tooManyRedirects');
    expect((await failure(fetchFeed(`${base}/to-ftp`, none))).code).toBe('imports.errors.badUrl');
  });

  it('reports an HTTP error with its status and a server that does not answer in time', async () => {
    const fetchFeed = createFeedFetcher(options({ timeoutMs: 300 }));
    expect(await failure(fetchFeed(`${base}/error`, none))).toMatchObject({ code: 'imports.errors.http', params: { status: '500' } });
    expect((await failure(fetchFeed(`${base}/slow`, none))).code).toBe('imports.errors.timeout');
    expect((await failure(fetchFeed(`${base}/stalls`, none))).code).toBe('imports.errors.timeout');
  });

  it('stops reading a body beyond the size limit', async () => {
    const fetchFeed = createFeedFetcher(options());
    expect(await failure(fetchFeed(`${base}/declared-huge`, none))).toMatchObject({ code: 'imports.errors.tooLarge', params: { megabytes: '2' } });
    expect((await failure(fetchFeed(`${base}/endless`, none))).code).toBe('imports.errors.tooLarge');
    await expect.poll(() => streamClosed).toBe(true);
    expect(streamed).toBeLessThan(10 * 1024 * 1024);
  });

  it('refuses loopback and private addresses unless allowed', async () => {
    const strict = createFeedFetcher(options({ allowPrivateHosts: false }));
    expect((await failure(strict(`${base}/ok.ics`, none))).code).toBe('imports.errors.privateHost');
    expect((await failure(strict('http://localhost:1/x.ics', none))).code).toBe('imports.errors.privateHost');
    expect((await failure(strict('http://[::1]:1/x.ics', none))).code).toBe('imports.errors.privateHost');
    expect((await failure(strict('file:///etc/passwd', none))).code).toBe('imports.errors.badUrl');
  });
});

describe('addresses', () => {
  it('knows private, loopback and link-local addresses', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '[::1]']) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    for (const ip of ['8.8.8.8', '172.32.0.1', '193.10.1.1', '2001:4860:4860::8888', 'example.org']) expect(isPrivateAddress(ip), ip).toBe(false);
  });

  it('knows names that only mean something on a local network', () => {
    for (const h of ['localhost', 'LOCALHOST', 'api.localhost', 'printer.local', 'db.internal', 'intranet', '10.0.0.5']) expect(isLocalHostName(h), h).toBe(true);
    for (const h of ['calendar.google.com', 'outlook.office365.com', '2001:4860:4860::8888']) expect(isLocalHostName(h), h).toBe(false);
  });

  it('reads webcal:// as https:// and accepts http(s) only', () => {
    expect(feedUrl('webcal://p01-caldav.icloud.com/published/2/abc')?.toString()).toBe('https://p01-caldav.icloud.com/published/2/abc');
    expect(feedUrl(' https://calendar.google.com/calendar/ical/x/basic.ics#top ')?.toString()).toBe('https://calendar.google.com/calendar/ical/x/basic.ics');
    for (const bad of ['ftp://example.org/x.ics', 'javascript:alert(1)', 'calendar.google.com/x.ics', 'https://']) expect(feedUrl(bad), bad).toBeNull();
  });
});

describe('the connect form', () => {
  it('keeps what was typed and says what is wrong beside each field', () => {
    const empty = readFeedForm({}, { allowPrivateHosts: false });
    expect(empty.errors).toEqual({ url: 'imports.errors.urlRequired', category: 'imports.errors.categoryRequired' });
    const bad = readFeedForm({ url: 'inte en adress', category: 'sprakcafe' }, { allowPrivateHosts: false });
    expect(bad).toMatchObject({ form: { url: 'inte en adress', category: 'sprakcafe' }, errors: { url: 'imports.errors.urlInvalid' }, url: null });
    expect(readFeedForm({ url: 'http://192.168.1.10/cal.ics', category: 'kurs' }, { allowPrivateHosts: false }).errors.url).toBe('imports.errors.privateHost');
    expect(readFeedForm({ url: `https://x.se/${'a'.repeat(2000)}`, category: 'kurs' }, { allowPrivateHosts: false }).errors.url).toBe('imports.errors.urlTooLong');
    expect(readFeedForm({ url: 'https://x.se/c.ics', category: 'nope' }, { allowPrivateHosts: false }).errors.category).toBe('imports.errors.categoryRequired');
  });

  it('gives the address to store when all is well', () => {
    expect(readFeedForm({ url: 'webcal://example.org/c.ics', category: 'kurs' }, { allowPrivateHosts: false })).toMatchObject({ errors: {}, url: 'https://example.org/c.ics', category: 'kurs' });
    expect(readFeedForm({ url: 'http://127.0.0.1:8080/c.ics', category: 'kurs' }, { allowPrivateHosts: true }).url).toBe('http://127.0.0.1:8080/c.ics');
  });
});
