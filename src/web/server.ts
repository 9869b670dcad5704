/** What the Fastify instance and requests carry, shared by every feature. */
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { inTransaction, type Db, type DialectName } from '../db/index.js';
import { translator, type Language } from '../i18n/index.js';
import { splitLanguagePath } from '../i18n/languages.js';
import { localToday } from './time.js';
import type { Assets } from './assets.js';
import { makePageContext, type PageContext } from './page.js';

/** Sends one e-mail (SMTP, or the outbox when no server is configured). */
export interface MailSender {
  send(message: { to: string; subject: string; text: string; purpose: string; subjectRef?: string; headers?: Record<string, string> }): Promise<unknown>;
  /** Puts a message in the outbox queue through `db` (a transaction), to be sent once it commits. */
  queue?(db: Db, message: { to: string; subject: string; text: string; purpose: string; subjectRef?: string }): Promise<unknown>;
  /** Sends queued messages that are due; returns how many went out. */
  deliverQueued?(limit?: number): Promise<number>;
}

/**
 * A sender bound to a transaction: its mail is queued in the outbox inside it and sent once it
 * commits, or sent at once by a mailer that keeps no queue.
 */
export function mailIn(mailer: MailSender, trx: Db): MailSender {
  return { send: (message) => (mailer.queue ? mailer.queue(trx, message) : mailer.send(message)) };
}

/**
 * Runs `fn` in one transaction with its mail queued inside it, then sends what was queued. A failure
 * after the commit only delays the mail: the 'mail.deliver' job tries again.
 */
export async function withQueuedMail<D extends { db: Db; mailer: MailSender }, T>(deps: D, fn: (deps: D) => Promise<T>): Promise<T> {
  const result = await inTransaction(deps.db, (trx) => fn({ ...deps, db: trx, mailer: mailIn(deps.mailer, trx) }));
  await deps.mailer.deliverQueued?.().catch(() => 0);
  return result;
}

export interface AppDeps {
  db: Db;
  dialect: DialectName;
  config: Config;
  assets: Assets;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
  /** Waits (slowing down password guessing); tests pass one that records instead of waiting. */
  sleep: (ms: number) => Promise<void>;
  mailer: MailSender;
}

/** Who may use a route; every route must declare one (the accounts feature enforces it). */
/** 'monitor': a coordinator's session or the METRICS_TOKEN bearer token (Prometheus); others get 401. */
export type Access = 'public' | 'signedIn' | 'admin' | 'editor' | 'guide' | 'translator' | 'monitor';

/** What every page may show of the signed-in user (set by the accounts feature). */
export interface SignedInSummary {
  name: string;
  email: string;
  isAdmin: boolean;
  /** Edits at least one organisation's activities. */
  isEditor: boolean;
  isTranslator: boolean;
  isGuide: boolean;
}

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
    signedIn: SignedInSummary | null;
  }
  interface FastifyContextConfig {
    access?: Access;
    /**
     * false: no CSRF token is asked for, because a secret in the route's own path authorises the
     * request and its sender has no session (a mail client's RFC 8058 one-click unsubscribe).
     */
    csrf?: false;
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
    signedIn: request.signedIn ?? null,
  });
}
