/** Reads and validates the environment once; every other module receives a Config. */
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
  /** How long a rendered public page or API answer may be served again; 0 turns the cache off. */
  cacheTtlSeconds: number;
}

export class ConfigError extends Error {}

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

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

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
  const cacheTtlSeconds = env.CACHE_TTL_SECONDS === undefined || env.CACHE_TTL_SECONDS === '' ? 10 : Number(env.CACHE_TTL_SECONDS);
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
  };
}
