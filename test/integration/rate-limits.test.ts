/**
 * Rate limits hold under truly parallel attempts from two instances on one database, and password
 * guessing from elsewhere never locks the owner out of their account.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hitRateLimit, insertUser } from '../../src/features/accounts/accounts.commands.js';
import { hashPassword } from '../../src/features/accounts/secrets.js';
import type { OpenDatabase } from '../../src/db/index.js';
import { createTestApp, FIXED_NOW, type TestApp } from '../support/app.js';
import { Client, csrfOf } from '../support/client.js';
import { createTestDatabase, skipDatabase, testDialect, type TestDatabase } from '../support/db.js';

const PASSWORD = 'ett långt och hemligt lösenord';

describe.skipIf(skipDatabase())(`rate limits on ${testDialect}`, () => {
  let database: TestDatabase;
  let other: OpenDatabase;
  let first: TestApp;
  let second: TestApp;
  /** Every wait the app asked for, instead of waiting. */
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
  };

  beforeAll(async () => {
    // Two instances, each with its own connections (pool or SQLite file handle), on one database.
    database = await createTestDatabase({ shared: true });
    other = database.openAnother();
    first = await createTestApp({ database, sleep });
    second = await createTestApp({ database: other, sleep });
  }, 60_000);
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await database?.dispose();
  });

  let users = 0;
  async function newAccount(): Promise<string> {
    const email = `konto${++users}@tillsammans.test`;
    await insertUser(
      database.db,
      { email, name: 'Ägare', passwordHash: await hashPassword(PASSWORD), isAdmin: false, isGuide: false, isTranslator: false, organisationIds: [] },
      FIXED_NOW,
    );
    return email;
  }

  it('counts parallel hits from two connections exactly: with a limit of N, N are allowed', async () => {
    const max = 7;
    const hits = await Promise.all(
      Array.from({ length: 60 }, (_, i) => hitRateLimit(i % 2 === 0 ? database.db : other.db, 'test:parallel', FIXED_NOW, 60, max)),
    );
    expect(hits.filter((h) => h.allowed)).toHaveLength(max);
    expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(hits.filter((h) => !h.allowed).every((h) => h.retryAfterSeconds === 60)).toBe(true);
  });

  it('starts a new window once the old one has ended', async () => {
    await hitRateLimit(database.db, 'test:window', FIXED_NOW, 60, 1);
    expect((await hitRateLimit(other.db, 'test:window', new Date(FIXED_NOW.getTime() + 30_000), 60, 1)).allowed).toBe(false);
    const later = await hitRateLimit(other.db, 'test:window', new Date(FIXED_NOW.getTime() + 60_000), 60, 1);
    expect(later).toMatchObject({ allowed: true, count: 1 });
  });

  it('lets exactly 5 of 30 parallel wrong passwords through, spread over two instances', async () => {
    const email = await newAccount();
    const visitor = new Client(first, { remoteAddress: '198.51.100.7' });
    const token = csrfOf((await visitor.request('GET', '/logga-in')).body);
    const cookie = [...visitor.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const body = new URLSearchParams({ email, password: 'fel', _csrf: token }).toString();
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (i % 2 === 0 ? first : second).app.inject({
          method: 'POST',
          url: '/logga-in',
          remoteAddress: '198.51.100.7',
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: body,
        }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 400)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
  });

  it('does not stop the owner signing in from another address after many failures from one', async () => {
    const email = await newAccount();
    const attacker = new Client(first, { remoteAddress: '203.0.113.9' });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attacker.submit('/logga-in', '/logga-in', { email, password: `gissning ${i}` })).statusCode);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429, 429, 429, 429, 429, 429]);

    const owner = new Client(second, { remoteAddress: '192.0.2.44' });
    const res = await owner.submit('/logga-in', '/logga-in', { email, password: PASSWORD });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/konto');
    expect((await owner.request('GET', '/konto')).body).toContain(email);
  });

  it('stops one address beyond the limit with a translated message at the top of the form, the e-mail kept', async () => {
    const email = await newAccount();
    const visitor = new Client(first, { remoteAddress: '203.0.113.10' });
    for (let i = 0; i < 5; i++) await visitor.submit('/en/logga-in', '/en/logga-in', { email, password: `fel ${i}` });
    const res = await visitor.submit('/en/logga-in', '/en/logga-in', { email, password: PASSWORD });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    const notice = res.body.indexOf('Too many attempts. Wait 15 minutes.');
    expect(notice).toBeGreaterThan(-1);
    // Above both forms, and the address is still in the field.
    expect(notice).toBeLessThan(res.body.indexOf('<form'));
    expect(res.body).toContain(`value="${email}"`);
    // In Swedish too.
    const sv = await visitor.submit('/logga-in', '/logga-in', { email, password: PASSWORD });
    expect(sv.statusCode).toBe(429);
    expect(sv.body).toContain('För många försök. Vänta 15 minuter.');
  });

  it('slows down guessing on one account from many addresses, more with each guess, but never locks the owner out', async () => {
    const email = await newAccount();
    waits.length = 0;
    for (let i = 0; i < 10; i++) {
      const res = await new Client(i % 2 === 0 ? first : second, { remoteAddress: `198.18.0.${i + 1}` }).submit('/logga-in', '/logga-in', {
        email,
        password: `gissning ${i}`,
      });
      expect(res.statusCode).toBe(400);
    }
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000]);
    const owner = new Client(first, { remoteAddress: '192.0.2.45' });
    const res = await owner.submit('/logga-in', '/logga-in', { email, password: PASSWORD });
    expect(res.statusCode).toBe(303);
    expect(waits.at(-1)).toBe(10_000);
  });

  it('counts sign-in link requests per account and per address', async () => {
    const email = await newAccount();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await new Client(first, { remoteAddress: `198.18.1.${i + 1}` }).submit('/logga-in', '/logga-in/lank', { email })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const keys = (await database.db.selectFrom('rateLimits').select('key').where('key', 'like', 'link:%').execute()).map((r) => r.key);
    expect(keys).toContain(`link:account:${email}`);
    expect(keys).toContain('link:address:198.18.1.1');
  });
});
