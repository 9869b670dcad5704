import { describe, expect, it } from 'vitest';
import { accountAddressKey, accountDelayMs, SIGN_IN_LIMITS } from './sign-in-limits.js';

describe('accountDelayMs', () => {
  it('lets the first five checks of an account through at once, then doubles the wait up to 10 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 50, 10_000].map(accountDelayMs)).toEqual([0, 0, 0, 0, 0, 500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });
});

describe('SIGN_IN_LIMITS', () => {
  it('counts passwords per account and address, and per address, never per account alone', () => {
    expect(SIGN_IN_LIMITS.login.counters('anna@example.se', '192.0.2.1')).toEqual([
      { key: 'login:account-address:anna@example.se|192.0.2.1', max: 5 },
      { key: 'login:address:192.0.2.1', max: 30 },
    ]);
  });

  it('names an IPv6 address whole in the key', () => {
    expect(accountAddressKey('anna@example.se', '2001:db8::1')).toBe('login:account-address:anna@example.se|2001:db8::1');
  });

  it('counts links per account (each one reaches the owner) and per address', () => {
    expect(SIGN_IN_LIMITS.link.counters('anna@example.se', '192.0.2.1').map((c) => c.key)).toEqual(['link:account:anna@example.se', 'link:address:192.0.2.1']);
  });
});
