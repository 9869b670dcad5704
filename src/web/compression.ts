/**
 * Compression of answers. An answer held in memory (a page, JSON, a calendar file) is compressed in
 * one go on libuv's thread pool: one task per answer. Handed to @fastify/compress as a stream it was
 * cut into 16 KB chunks, each a task that waited for a turn of the event loop behind other readers'
 * pages, so a page drawn in a few milliseconds reached its reader many renders later. Streams (files)
 * are left to @fastify/compress.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Answers smaller than this go as they are (compression would not pay for itself). */
export const COMPRESSION_THRESHOLD = 1024;

/** Brotli at a quality that costs about what gzip does, with a 256 KB window (pages are far smaller). */
export const BROTLI_OPTIONS: zlib.BrotliOptions = {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_LGWIN]: 18 },
};
const GZIP_OPTIONS: zlib.ZlibOptions = { level: 6 };

/** The encoding to answer with: brotli or gzip when the request accepts it (q > 0), else none. */
export function preferredEncoding(header: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Set(
    (header ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, ...params]) => !params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p)))
      .map(([name]) => name!.trim().toLowerCase()),
  );
  return accepted.has('br') ? 'br' : accepted.has('gzip') || accepted.has('x-gzip') ? 'gzip' : null;
}

/** Compressed at once on this thread (a cached answer, compressed once and then served many times). */
export function compressSync(body: string | Buffer, encoding: 'br' | 'gzip'): Buffer {
  return encoding === 'br' ? zlib.brotliCompressSync(body, BROTLI_OPTIONS) : zlib.gzipSync(body, GZIP_OPTIONS);
}

const brotli = promisify<zlib.InputType, zlib.BrotliOptions, Buffer>(zlib.brotliCompress);
const gzip = promisify<zlib.InputType, zlib.ZlibOptions, Buffer>(zlib.gzip);

/** Compressed in one task on the thread pool. */
export function compress(body: string | Buffer, encoding: 'br' | 'gzip'): Promise<Buffer> {
  return encoding === 'br' ? brotli(body, BROTLI_OPTIONS) : gzip(body, GZIP_OPTIONS);
}

/** Types worth compressing: text, JSON, XML (as @fastify/compress decides, less raw bytes). */
const COMPRESSIBLE = /^text\/(?!event-stream)|(?:\+|\/)json(?:;|$)|(?:\+|\/)text(?:;|$)|(?:\+|\/)xml(?:;|$)/;

/** Adds accept-encoding to the answer's Vary header, keeping what is there. */
export function varyOnEncoding(reply: FastifyReply): void {
  const vary = reply.getHeader('vary');
  const list = vary === undefined ? [] : String(vary).split(',').map((v) => v.trim()).filter(Boolean);
  if (list.includes('*') || list.some((v) => v.toLowerCase() === 'accept-encoding')) return;
  reply.header('vary', [...list, 'accept-encoding'].join(', '));
}

/**
 * Compresses every answer held in memory that the reader accepts compressed (brotli first). Registered
 * after the response cache, which keeps answers as drawn, and before @fastify/compress, which then sees
 * the encoding set and leaves the answer alone.
 */
export function registerCompression(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (reply.getHeader('content-encoding') !== undefined || reply.statusCode === 206 || reply.getHeader('content-range') !== undefined) return payload;
    if (request.headers['x-no-compression'] !== undefined) return payload;
    if (!COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? 'application/json'))) return payload;
    if (Buffer.byteLength(payload) < COMPRESSION_THRESHOLD) return payload;
    const encoding = preferredEncoding(request.headers['accept-encoding']);
    // The answer differs by what the reader accepts, whether or not this one is compressed.
    varyOnEncoding(reply);
    if (!encoding) return payload;
    const body = await compress(payload, encoding);
    reply.header('content-encoding', encoding);
    return body;
  });
}
