/** What the Fastify instance and requests carry, shared by every feature. */
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Db, DialectName } from '../db/index.js';
import { translator, type Language } from '../i18n/index.js';
import { splitLanguagePath } from '../i18n/languages.js';
import { localToday } from './time.js';
import type { Assets } from './assets.js';
import { makePageContext, type PageContext } from './page.js';

export interface AppDeps {
  db: Db;
  dialect: DialectName;
  config: Config;
  assets: Assets;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
}

/** Who may use a route. Later roles extend this union; every route must declare one. */
export type Access = 'public';

/** One registered route and its declared access, as the app records them. */
export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    /** Rendered public responses; clear it after a write so readers see the change at once. */
    responseCache: import('./response-cache.js').ResponseCache;
    /** Every route with the access it declares; tests walk it with every role. */
    routeTable: RouteEntry[];
  }
  interface FastifyRequest {
    lang: Language;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

/** The page context of a request: its language from the path prefix, today, assets. */
export function pageContext(request: FastifyRequest): PageContext {
  const { deps } = request.server;
  const url = request.url;
  const q = url.indexOf('?');
  const pathname = q === -1 ? url : url.slice(0, q);
  const { lang, path } = splitLanguagePath(pathname);
  return makePageContext({
    lang,
    t: translator(lang.code),
    path,
    search: q === -1 ? '' : url.slice(q),
    assets: deps.assets,
    today: localToday(deps.now()),
    publicUrl: deps.config.publicUrl,
  });
}
