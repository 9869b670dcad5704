import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has defaults that run the demo on SQLite on port 3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, databaseUrl: undefined, seedDemo: true, publicUrl: 'http://localhost:3000', cacheTtlSeconds: 60 });
    expect(c.dataDir).toMatch(/data$/);
  });

  it('erases sign-ups 30 days after the event unless SIGNUP_RETENTION_DAYS says otherwise', () => {
    expect(loadConfig({}).signupRetentionDays).toBe(30);
    expect(loadConfig({ SIGNUP_RETENTION_DAYS: '7' }).signupRetentionDays).toBe(7);
    expect(() => loadConfig({ SIGNUP_RETENTION_DAYS: '0' })).toThrow(/SIGNUP_RETENTION_DAYS/);
  });

  it('keeps outbox copies 30 days unless OUTBOX_RETENTION_DAYS says otherwise', () => {
    expect(loadConfig({}).outboxRetentionDays).toBe(30);
    expect(loadConfig({ OUTBOX_RETENTION_DAYS: '7' }).outboxRetentionDays).toBe(7);
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
    [{ OUTBOX_RETENTION_DAYS: '0' }, /OUTBOX_RETENTION_DAYS/],
    [{ OUTBOX_RETENTION_DAYS: 'a month' }, /OUTBOX_RETENTION_DAYS/],
  ])('refuses %o with a message naming the variable', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});

describe('loadConfig: machine translation', () => {
  it('is off without MT_URL, even when other MT_ variables are set', () => {
    expect(loadConfig({}).machineTranslation).toBeUndefined();
    expect(loadConfig({ MT_PROVIDER: 'deepl', MT_API_KEY: 'k', MT_TIMEOUT_MS: '500' }).machineTranslation).toBeUndefined();
  });

  it('defaults to LibreTranslate, no key and 10 s when only MT_URL is set', () => {
    expect(loadConfig({ MT_URL: 'http://127.0.0.1:5000/' }).machineTranslation).toEqual({
      provider: 'libretranslate',
      url: 'http://127.0.0.1:5000',
      apiKey: undefined,
      timeoutMs: 10000,
    });
  });

  it('reads every MT_ variable', () => {
    const c = loadConfig({ MT_PROVIDER: 'deepl', MT_URL: 'https://api-free.deepl.com', MT_API_KEY: 'abc:fx', MT_TIMEOUT_MS: '2500' });
    expect(c.machineTranslation).toEqual({ provider: 'deepl', url: 'https://api-free.deepl.com', apiKey: 'abc:fx', timeoutMs: 2500 });
  });

  it.each(['100', '120000'])('accepts MT_TIMEOUT_MS=%s at the edge of its range', (value) => {
    expect(loadConfig({ MT_URL: 'http://mt.local', MT_TIMEOUT_MS: value }).machineTranslation?.timeoutMs).toBe(Number(value));
  });

  it.each([
    [{ MT_URL: 'mt.local:5000' }, /MT_URL/],
    [{ MT_URL: '/translate' }, /MT_URL/],
    [{ MT_URL: 'ftp://mt.local' }, /MT_URL/],
    [{ MT_URL: 'not a url' }, /MT_URL/],
    [{ MT_URL: 'http://mt.local', MT_PROVIDER: 'google' }, /MT_PROVIDER/],
    [{ MT_URL: 'https://api.deepl.com', MT_PROVIDER: 'deepl' }, /MT_API_KEY/],
    [{ MT_URL: 'http://mt.local', MT_TIMEOUT_MS: '99' }, /MT_TIMEOUT_MS/],
    [{ MT_URL: 'http://mt.local', MT_TIMEOUT_MS: '120001' }, /MT_TIMEOUT_MS/],
    [{ MT_URL: 'http://mt.local', MT_TIMEOUT_MS: '2500.5' }, /MT_TIMEOUT_MS/],
    [{ MT_URL: 'http://mt.local', MT_TIMEOUT_MS: 'soon' }, /MT_TIMEOUT_MS/],
  ])('refuses %o with a message naming the variable', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('does not repeat a bad MT_URL, which may hold credentials', () => {
    expect(() => loadConfig({ MT_URL: 'user:s3cret@mt.local' })).toThrow(/^MT_URL[^]*$/);
    expect(() => loadConfig({ MT_URL: 'user:s3cret@mt.local' })).not.toThrow(/s3cret/);
  });
});

describe('loadConfig: TRUST_PROXY', () => {
  it('believes no X-Forwarded-For by default', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
  });

  it('reads a number of proxies', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });

  it('reads a comma-separated list of addresses, networks and named ranges', () => {
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8,loopback' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses true, explaining that anyone could then choose their address', () => {
    for (const value of ['true', 'TRUE', 'yes']) {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY=true would believe X-Forwarded-For from anyone/);
    }
  });

  it.each(['10.0.0.0/33', '300.1.1.1', 'proxy.example.se', '127.0.0.1,', '10.0.0.1/8/8', '::1/129', '11', '-1', '1.5'])(
    'refuses %s with a message naming the variable and the value',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/^TRUST_PROXY/);
    },
  );
});
