/**
 * X-Forwarded-For counts only when it comes from a proxy named in TRUST_PROXY: otherwise a client
 * could name a new address with every request and pass every rate limit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { Client } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';

describe.skipIf(skipDatabase())(`TRUST_PROXY on ${testDialect}`, () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  /** Six wrong passwords for one account, each claiming another address; the statuses and the addresses counted. */
  async function guessWithRotatingAddresses(client: Client, forwardedFor: (i: number) => string) {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      client.headers['x-forwarded-for'] = forwardedFor(i);
      statuses.push((await client.submit('/logga-in', '/logga-in', { email: 'anna@tillsammans.test', password: `fel ${i}` })).statusCode);
    }
    const keys = await t!.database.db.selectFrom('rateLimits').select('key').where('key', 'like', 'login:address:%').orderBy('key').execute();
    return { statuses, addresses: keys.map((k) => k.key.slice('login:address:'.length)) };
  }

  it('ignores X-Forwarded-For by default: the limit counts the real address, whatever the header says', async () => {
    t = await createTestApp({ seed: false });
    const client = new Client(t, { remoteAddress: '203.0.113.5' });
    const { statuses, addresses } = await guessWithRotatingAddresses(client, (i) => `1.2.3.${i + 1}`);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    expect(addresses).toEqual(['203.0.113.5']);
  });

  it('believes X-Forwarded-For from a proxy listed in TRUST_PROXY, and from no one else', async () => {
    t = await createTestApp({ seed: false, env: { TRUST_PROXY: '127.0.0.1' } });
    const viaProxy = await guessWithRotatingAddresses(new Client(t, { remoteAddress: '127.0.0.1' }), (i) => `1.2.3.${i + 1}`);
    expect(viaProxy.statuses).toEqual([400, 400, 400, 400, 400, 400]);
    expect(viaProxy.addresses).toEqual(['1.2.3.1', '1.2.3.2', '1.2.3.3', '1.2.3.4', '1.2.3.5', '1.2.3.6']);

    // A client that reaches the app directly is counted by its own address.
    const direct = new Client(t, { remoteAddress: '203.0.113.6', headers: { 'x-forwarded-for': '1.2.3.99' } });
    await direct.submit('/logga-in', '/logga-in', { email: 'bo@tillsammans.test', password: 'fel' });
    const keys = (await t.database.db.selectFrom('rateLimits').select('key').execute()).map((r) => r.key);
    expect(keys).toContain('login:address:203.0.113.6');
    expect(keys).not.toContain('login:address:1.2.3.99');
  });

  it('takes the address the proxy added, not what the client wrote before it, with a number of proxies', async () => {
    t = await createTestApp({ seed: false, env: { TRUST_PROXY: '1' } });
    // nginx's $proxy_add_x_forwarded_for appends the address it saw to whatever the client sent.
    const { statuses, addresses } = await guessWithRotatingAddresses(new Client(t, { remoteAddress: '10.0.0.2' }), (i) => `1.2.3.${i + 1}, 198.51.100.20`);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    expect(addresses).toEqual(['198.51.100.20']);
  });
});
