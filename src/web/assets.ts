/**
 * Static assets (the stylesheet, the icon sprite, the favicon): built once at start, named by
 * content hash, compressed ahead of time with gzip and brotli, and served from memory forever-cached.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { localesDir } from '../i18n/index.js';

interface Asset {
  body: Buffer;
  gzip: Buffer;
  brotli: Buffer;
  type: string;
}

/** The Lucide icons the pages use; the sprite holds only these. */
export const ICON_NAMES = [
  'coffee', 'book-open', 'graduation-cap', 'volleyball', 'trees', 'eighth-notes', 'palette', 'handshake', 'users',
  'life-buoy', 'briefcase', 'hand-heart', 'map-pin', 'clock', 'calendar-plus', 'calendar', 'globe', 'search',
  'chevron-left', 'chevron-right', 'x', 'phone', 'mail', 'external-link', 'accessibility', 'info', 'ban',
  'arrow-right', 'sliders-horizontal', 'building', 'languages', 'baby', 'banknote', 'venus', 'circle-check',
  'user-round', 'repeat', 'house', 'pencil', 'copy', 'calendar-x', 'pause', 'trash', 'eye', 'inbox',
  // Events with sign-up: sign up, attendee list, print, CSV, check-in, settings.
  'user-plus', 'clipboard-list', 'printer', 'download', 'user-check', 'settings', 'check',
] as const;
export type IconName = (typeof ICON_NAMES)[number];

type IconNode = [string, Record<string, string>][];

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function buildSprite(): string {
  const require = createRequire(import.meta.url);
  const nodes = require('lucide-static/icon-nodes.json') as Record<string, IconNode>;
  const symbols = ICON_NAMES.map((name) => {
    const node = nodes[name];
    if (!node) throw new Error(`Unknown icon ${name}`);
    const children = node
      .map(([tag, attrs]) => `<${tag} ${Object.entries(attrs).map(([k, v]) => `${k}="${escapeAttr(v)}"`).join(' ')}/>`)
      .join('');
    return `<symbol id="${name}" viewBox="0 0 24 24">${children}</symbol>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg">${symbols.join('')}</svg>`;
}

const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#005f73"/>' +
  '<circle cx="11" cy="13" r="4" fill="#fff"/><circle cx="21" cy="13" r="4" fill="#ffd166"/>' +
  '<path d="M4 27c1-5 4-7 7-7s6 2 7 7M14 27c1-5 4-7 7-7s6 2 7 7" stroke="#fff" stroke-width="2.5" fill="none"/></svg>';

function compress(body: Buffer, type: string): Asset {
  return {
    body,
    type,
    gzip: zlib.gzipSync(body, { level: 9 }),
    brotli: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
  };
}

function hashed(name: string, body: Buffer): string {
  const hash = crypto.createHash('sha256').update(body).digest('hex').slice(0, 10);
  const ext = path.extname(name);
  return `${path.basename(name, ext)}.${hash}${ext}`;
}

/** The logical names of the static assets. */
export type AssetName = 'styles.css' | 'print.css' | 'widget.css' | 'widget.js' | 'icons.svg' | 'favicon.svg';

export interface Assets {
  /** Public URL of each logical asset, e.g. url('styles.css') → '/static/styles.3fa2c1d0e9.css'. */
  url(name: AssetName): string;
  /** Uncompressed bytes of an asset, for benchmarks and size checks. */
  bytes(name: AssetName): Buffer;
}

export function buildAssets(): Assets & { files: Map<string, Asset> } {
  const srcWeb = path.join(path.dirname(path.dirname(localesDir())), 'web', 'assets');
  const sources: Record<AssetName, { body: Buffer; type: string }> = {
    'styles.css': { body: fs.readFileSync(path.join(srcWeb, 'styles.css')), type: 'text/css; charset=utf-8' },
    'icons.svg': { body: Buffer.from(buildSprite()), type: 'image/svg+xml' },
    'favicon.svg': { body: Buffer.from(FAVICON), type: 'image/svg+xml' },
    'print.css': { body: fs.readFileSync(path.join(srcWeb, 'print.css')), type: 'text/css; charset=utf-8' },
    'widget.css': { body: fs.readFileSync(path.join(srcWeb, 'widget.css')), type: 'text/css; charset=utf-8' },
    'widget.js': { body: fs.readFileSync(path.join(srcWeb, 'widget.js')), type: 'text/javascript; charset=utf-8' },
  };
  const files = new Map<string, Asset>();
  const urls = new Map<string, string>();
  for (const [name, { body, type }] of Object.entries(sources)) {
    const file = hashed(name, body);
    files.set(file, compress(body, type));
    urls.set(name, `/static/${file}`);
  }
  return {
    files,
    url: (name) => urls.get(name)!,
    bytes: (name) => sources[name]!.body,
  };
}

/** Serves /static/<hashed name>, picking brotli or gzip by Accept-Encoding. */
export function registerAssetRoutes(app: FastifyInstance, assets: ReturnType<typeof buildAssets>): void {
  app.get<{ Params: { file: string } }>(
    '/static/:file',
    { config: { access: 'public' }, schema: { params: { type: 'object', properties: { file: { type: 'string', maxLength: 100 } } } } },
    async (request, reply) => {
      const asset = assets.files.get(request.params.file);
      if (!asset) return reply.callNotFound();
      const accept = String(request.headers['accept-encoding'] ?? '');
      reply
        .header('content-type', asset.type)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('vary', 'accept-encoding');
      if (/\bbr\b/.test(accept)) return reply.header('content-encoding', 'br').send(asset.brotli);
      if (/\bgzip\b/.test(accept)) return reply.header('content-encoding', 'gzip').send(asset.gzip);
      return reply.send(asset.body);
    },
  );
}
