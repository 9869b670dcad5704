import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has defaults that run the demo on SQLite on port 3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, databaseUrl: undefined, seedDemo: true, publicUrl: 'http://localhost:3000', cacheTtlSeconds: 10 });
    expect(c.dataDir).toMatch(/data$/);
  });

  it('reads every variable', () => {
    const c = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@h/db',
      SEED_DEMO: 'false',
      PUBLIC_URL: 'https://tillsammans.example/',
      LOG_LEVEL: 'warn',
      CACHE_TTL_SECONDS: '0',
    });
    expect(c).toMatchObject({ port: 8080, databaseUrl: 'postgres://u@h/db', seedDemo: false, publicUrl: 'https://tillsammans.example', logLevel: 'warn', cacheTtlSeconds: 0 });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ SEED_DEMO: 'maybe' }, /SEED_DEMO/],
    [{ PUBLIC_URL: 'not a url' }, /PUBLIC_URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ CACHE_TTL_SECONDS: '-1' }, /CACHE_TTL_SECONDS/],
  ])('refuses %o with a message naming the variable', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
