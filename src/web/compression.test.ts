import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preferredEncoding, registerCompression } from './compression.js';

describe('preferredEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(preferredEncoding('gzip, deflate, br')).toBe('br');
    expect(preferredEncoding('gzip;q=1.0, br;q=0')).toBe('gzip');
    expect(preferredEncoding('br;q=0.0, gzip;q=0')).toBeNull();
    expect(preferredEncoding('identity')).toBeNull();
    expect(preferredEncoding(undefined)).toBeNull();
    expect(preferredEncoding('BR')).toBe('br');
  });
});

describe('registerCompression', () => {
  // Multi-byte text, long enough to be compressed.
  const page = '<!doctype html><p>' + 'Språkcafé – مقهى اللغة · '.repeat(400) + '</p>';
  const app = Fastify();
  beforeAll(async () => {
    registerCompression(app);
    app.get('/page', async (_request, reply) => reply.type('text/html; charset=utf-8').header('vary', 'accept-language').send(page));
    app.get('/bytes', async (_request, reply) => reply.type('text/html; charset=utf-8').send(Buffer.from(page)));
    app.get('/json', async () => ({ items: Array.from({ length: 200 }, (_, i) => ({ i, title: 'Läxhjälp' })) }));
    app.get('/small', async (_request, reply) => reply.type('text/plain').send('kort'));
    app.get('/image', async (_request, reply) => reply.type('image/png').send(Buffer.alloc(4096, 7)));
    app.get('/stream', async (_request, reply) => reply.type('text/plain').send(Readable.from([page])));
    app.get('/encoded', async (_request, reply) => reply.type('text/html').header('content-encoding', 'gzip').send(zlib.gzipSync(page)));
    await app.ready();
  });
  afterAll(() => app.close());
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  it('sends a page as brotli, or gzip, that unpacks to the page, with the right length and Vary', async () => {
    const br = await get('/page', { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(page);
    expect(Number(br.headers['content-length'])).toBe(br.rawPayload.length);
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(page) / 5);
    expect(br.headers.vary).toBe('accept-language, accept-encoding');
    const gz = await get('/bytes', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(page);
    const json = await get('/json', { 'accept-encoding': 'gzip' });
    expect(json.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(json.rawPayload).toString()).items).toHaveLength(200);
  });

  it('leaves alone what the reader does not accept compressed, what is small, not text, a stream or already encoded', async () => {
    const variants: Record<string, string>[] = [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'gzip', 'x-no-compression': '1' }];
    for (const headers of variants) {
      const plain = await get('/page', headers);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toBe(page);
    }
    expect((await get('/page')).headers.vary).toBe('accept-language, accept-encoding');
    expect((await get('/small', { 'accept-encoding': 'br' })).headers['content-encoding']).toBeUndefined();
    expect((await get('/image', { 'accept-encoding': 'br' })).headers['content-encoding']).toBeUndefined();
    const stream = await get('/stream', { 'accept-encoding': 'br' });
    expect(stream.headers['content-encoding']).toBeUndefined();
    expect(stream.body).toBe(page);
    const encoded = await get('/encoded', { 'accept-encoding': 'br' });
    expect(encoded.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(encoded.rawPayload).toString()).toBe(page);
  });
});
