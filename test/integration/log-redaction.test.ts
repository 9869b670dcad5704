/** One-time links carry their secret in the path: the request log shows those paths, never the secrets. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/features/accounts/index.js';
import { newSecret } from '../../src/features/accounts/secrets.js';
import { createTestApp, FIXED_NOW, type TestApp } from '../support/app.js';
import { Client } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';

describe.skipIf(skipDatabase())(`request log on ${testDialect}`, () => {
  let t: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ seed: false, env: { LOG_LEVEL: 'info', ADMIN_EMAIL: 'samordnare@tillsammans.test' }, logStream: { write: (line) => lines.push(line) } });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const logged = () => lines.map((l) => JSON.parse(l) as { msg: string; req?: { url: string } });
  const loggedUrls = () => logged().flatMap((l) => (l.req ? [l.req.url] : []));

  it.each([
    '/logga-in/lank/',
    '/en/logga-in/lank/',
    '/svar/',
    '/ar/svar/',
    '/tipsa/bekrafta/',
    '/uk/tipsa/bekrafta/',
    '/forslag/',
    '/fa/forslag/',
    '/konto/epost/',
    '/en/konto/epost/',
    '/anmalan/avboka/',
    '/ar/anmalan/avboka/',
  ])('logs %s<token> with the token redacted, on GET and POST', async (path) => {
    const token = newSecret().secret;
    const client = new Client(t);
    await client.request('GET', `${path}${token}`);
    await client.request('POST', `${path}${token}`, { _csrf: 'x' });
    await client.request('GET', `${path}${token}?andra=1`);
    expect(lines.join('')).not.toContain(token);
    expect(loggedUrls()).toContain(`${path}[redacted]`);
    expect(loggedUrls()).toContain(`${path}[redacted]?andra=1`);
  });

  it('redacts a token in a path no route answers (a link with something after it)', async () => {
    const token = newSecret().secret;
    const res = await new Client(t).request('GET', `/svar/${token}/mer`);
    expect(res.statusCode).toBe(404);
    expect(lines.join('')).not.toContain(token);
    expect(loggedUrls()).toContain('/svar/[redacted]/mer');
  });

  it('redacts the link a signed-out reader is sent to sign in from', async () => {
    const token = newSecret().secret;
    const client = new Client(t);
    const res = await client.request('GET', `/en/konto/epost/${token}`);
    expect(res.statusCode).toBe(303);
    await client.request('GET', res.headers.location as string);
    expect(lines.join('')).not.toContain(token);
    expect(loggedUrls()).toContain(`/en/logga-in?next=${encodeURIComponent('/en/konto/epost/[redacted]')}`);
  });

  it('keeps the token of a real sign-in out of the log, and other paths as they are', async () => {
    const link = await ensureFirstAdmin(t.database.db, { email: 'samordnare@tillsammans.test', publicUrl: 'http://tillsammans.test', now: FIXED_NOW });
    const path = new URL(link!).pathname;
    const token = path.split('/').pop()!;
    const client = new Client(t);
    const res = await client.submit(path, path, {});
    expect(res.statusCode).toBe(303);
    await client.request('GET', '/konto');
    expect(lines.join('')).not.toContain(token);
    expect(loggedUrls()).toContain('/logga-in/lank/[redacted]');
    expect(loggedUrls()).toContain('/konto');
    expect(logged().some((l) => l.msg === 'incoming request')).toBe(true);
  });
});
