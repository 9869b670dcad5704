/** Reads and validates the environment once; every other module receives a Config. */
import net from 'node:net';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Folder for the SQLite file when DATABASE_URL is not set. */
  dataDir: string;
  /** PostgreSQL connection string; SQLite is used when absent. */
  databaseUrl: string | undefined;
  /** Load demo data on first start of an empty database. */
  seedDemo: boolean;
  /** Public origin used in absolute links (feeds, calendar files). */
  publicUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Longest a rendered public page or API answer is served again (a write makes it drawn again sooner); 0 turns the cache off. */
  cacheTtlSeconds: number;
  /** Chromium used to draw PDFs of the print pages; without it those answer 503. */
  chromiumPath: string;
  /** Requests per minute one client address may make to the JSON API. */
  apiRateLimitPerMinute: number;
  /** SMTP server for outgoing mail (SMTP_URL, smtp:// or smtps://); undefined keeps mail in the outbox and the log. */
  smtpUrl: string | undefined;
  /** The From header of outgoing mail (MAIL_FROM). */
  mailFrom: string;
  /** The first coordinator, created on start when there is none (ADMIN_EMAIL). */
  adminEmail: string;
  /**
   * Months after a föreningslots case closes, or after the last change to an open case nobody works
   * on, before its personal data is erased (GUIDE_RETENTION_MONTHS).
   */
  guideRetentionMonths: number;
  /** Days a message stays in the mail outbox table before it is deleted (OUTBOX_RETENTION_DAYS). */
  outboxRetentionDays: number;
  /** Days after an event before the personal data of its sign-ups is erased (SIGNUP_RETENTION_DAYS). */
  signupRetentionDays: number;
  /** Optional machine-translation service (MT_URL); undefined turns machine translation off. */
  machineTranslation: MachineTranslationConfig | undefined;
  /**
   * Calendar import may fetch from loopback and private-network addresses (IMPORT_ALLOW_PRIVATE_HOSTS,
   * default false): for tests and a calendar server inside the same network; off, they are refused.
   */
  importAllowPrivateHosts: boolean;
  /**
   * Whose X-Forwarded-For is believed (TRUST_PROXY): false (default) believes nobody and counts every
   * client by its socket address; a number believes that many proxies in front; a list believes
   * connections from those addresses and networks. Fastify's trustProxy takes each as it is.
   */
  trustProxy: TrustProxy;
  /** Bearer token a Prometheus server reads /metrics with (METRICS_TOKEN); without it only a signed-in coordinator can. */
  metricsToken: string | undefined;
}

export type TrustProxy = false | number | string[];

export interface MachineTranslationConfig {
  provider: 'libretranslate' | 'deepl';
  /** Absolute http(s) base URL, without a trailing slash. */
  url: string;
  apiKey: string | undefined;
  /** Longest wait for one request to the service. */
  timeoutMs: number;
}

export class ConfigError extends Error {}

function parseMetricsToken(value: string | undefined): string | undefined {
  const token = value?.trim();
  if (!token) return undefined;
  // The value is not echoed: it is a secret.
  if (token.length < 24 || /\s/.test(token)) throw new ConfigError('METRICS_TOKEN must be at least 24 characters without spaces (e.g. openssl rand -hex 24)');
  return token;
}

function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${value}"`);
  }
  return port;
}

function parseSmtpUrl(value: string | undefined): string | undefined {
  const url = value?.trim();
  if (!url) return undefined;
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  // The value is not echoed: it may carry a password.
  if (!parsed || (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') || !parsed.hostname) {
    throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtps://user:password@smtp.example.se');
  }
  return url;
}

function parseMailFrom(value: string | undefined): string {
  const from = value?.trim() || 'Tillsammans <noreply@localhost>';
  // One address, optionally with a display name; a line break would let it inject headers.
  if (/[\r\n]/.test(from) || !/^(?:[^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(from)) {
    throw new ConfigError(`MAIL_FROM must be an address such as "Tillsammans <noreply@example.se>", got ${JSON.stringify(value)}`);
  }
  return from;
}

function parseAdminEmail(value: string | undefined): string {
  const email = (value?.trim() || 'admin@tillsammans.local').toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new ConfigError(`ADMIN_EMAIL must be an e-mail address, got "${value}"`);
  return email;
}

function parseWholeNumber(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

/** Names proxy-addr knows for whole ranges, besides addresses and CIDR networks. */
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = value?.trim() ?? '';
  if (v === '' || /^(0|false|no|off)$/i.test(v)) return false;
  if (/^(true|yes|on)$/i.test(v)) {
    throw new ConfigError(
      'TRUST_PROXY=true would believe X-Forwarded-For from anyone, so every client could pick its own address and pass every rate limit. ' +
        'Give the addresses of your proxies (e.g. 127.0.0.1 or 10.0.0.0/8) or how many proxies are in front (e.g. 1)',
    );
  }
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > 10) throw new ConfigError(`TRUST_PROXY as a number of proxies must be from 1 to 10, got "${value}"`);
    return hops;
  }
  const entries = v.split(',').map((e) => e.trim());
  for (const entry of entries) {
    const [address = '', prefix, ...extra] = entry.split('/');
    const family = net.isIP(address);
    const validPrefix = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (!NAMED_RANGES.includes(entry) && (family === 0 || !validPrefix || extra.length > 0)) {
      throw new ConfigError(
        `TRUST_PROXY must be a number of proxies (e.g. 1) or a comma-separated list of proxy addresses and networks (e.g. 127.0.0.1,10.0.0.0/8); "${entry}" is neither`,
      );
    }
  }
  return entries;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const MT_PROVIDERS = ['libretranslate', 'deepl'] as const;

function parseMachineTranslation(env: Record<string, string | undefined>): MachineTranslationConfig | undefined {
  if (!env.MT_URL) return undefined;
  const provider = (env.MT_PROVIDER || 'libretranslate') as MachineTranslationConfig['provider'];
  if (!MT_PROVIDERS.includes(provider)) {
    throw new ConfigError(`MT_PROVIDER must be one of ${MT_PROVIDERS.join(', ')}, got "${env.MT_PROVIDER}"`);
  }
  const url = env.MT_URL.trim().replace(/\/+$/, '');
  const protocol = URL.canParse(url) ? new URL(url).protocol : '';
  // The value is not echoed: a URL may carry credentials.
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new ConfigError('MT_URL must be an absolute http:// or https:// URL');
  }
  const apiKey = env.MT_API_KEY || undefined;
  if (provider === 'deepl' && !apiKey) throw new ConfigError('MT_API_KEY is required when MT_PROVIDER is deepl');
  const timeoutMs = env.MT_TIMEOUT_MS === undefined || env.MT_TIMEOUT_MS === '' ? 10_000 : Number(env.MT_TIMEOUT_MS);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 120_000) {
    throw new ConfigError(`MT_TIMEOUT_MS must be a whole number from 100 to 120000, got "${env.MT_TIMEOUT_MS}"`);
  }
  return { provider, url, apiKey, timeoutMs };
}

/** Builds the configuration from an environment (process.env in production, a literal in tests). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const port = parsePort(env.PORT);
  const host = env.HOST || '0.0.0.0';
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const logLevel = (env.LOG_LEVEL || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    new URL(publicUrl);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an absolute URL, got "${env.PUBLIC_URL}"`);
  }
  const cacheTtlSeconds = env.CACHE_TTL_SECONDS === undefined || env.CACHE_TTL_SECONDS === '' ? 60 : Number(env.CACHE_TTL_SECONDS);
  if (!Number.isInteger(cacheTtlSeconds) || cacheTtlSeconds < 0 || cacheTtlSeconds > 3600) {
    throw new ConfigError(`CACHE_TTL_SECONDS must be a whole number from 0 to 3600, got "${env.CACHE_TTL_SECONDS}"`);
  }
  return {
    port,
    host,
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl,
    seedDemo: parseBoolean('SEED_DEMO', env.SEED_DEMO, true),
    publicUrl,
    logLevel,
    cacheTtlSeconds,
    machineTranslation: parseMachineTranslation(env),
    chromiumPath: env.CHROMIUM_PATH || '/usr/bin/chromium',
    smtpUrl: parseSmtpUrl(env.SMTP_URL),
    mailFrom: parseMailFrom(env.MAIL_FROM),
    adminEmail: parseAdminEmail(env.ADMIN_EMAIL),
    apiRateLimitPerMinute: parseWholeNumber('API_RATE_LIMIT_PER_MINUTE', env.API_RATE_LIMIT_PER_MINUTE, 600, 1, 1_000_000),
    importAllowPrivateHosts: parseBoolean('IMPORT_ALLOW_PRIVATE_HOSTS', env.IMPORT_ALLOW_PRIVATE_HOSTS, false),
    guideRetentionMonths: parseWholeNumber('GUIDE_RETENTION_MONTHS', env.GUIDE_RETENTION_MONTHS, 12, 1, 120),
    outboxRetentionDays: parseWholeNumber('OUTBOX_RETENTION_DAYS', env.OUTBOX_RETENTION_DAYS, 30, 1, 3650),
    signupRetentionDays: parseWholeNumber('SIGNUP_RETENTION_DAYS', env.SIGNUP_RETENTION_DAYS, 30, 1, 365),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    metricsToken: parseMetricsToken(env.METRICS_TOKEN),
  };
}
