/**
 * How often signing in may be tried: the rate-limit counters of each way of signing in, and the
 * growing delay for an account that many addresses try passwords on. Pure: the routes count.
 */

/** One counter: its key in the rate_limits table and how many attempts it allows in the window. */
export interface SignInCounter {
  key: string;
  max: number;
}

export interface SignInLimit {
  windowSeconds: number;
  /** The catalogue key of the message shown when a counter is over its limit. */
  message: 'accounts.errors.tooManyAttempts' | 'accounts.errors.tooManyLinks';
  counters(email: string, address: string): SignInCounter[];
}

/** The counter of password attempts on one account from one address (cleared when the password is right). */
export function accountAddressKey(email: string, address: string): string {
  // '|' cannot be in an address, so the pair is unambiguous whatever the e-mail holds.
  return `login:account-address:${email}|${address}`;
}

/**
 * Passwords are counted per account *and* address, so failures from elsewhere never lock the owner
 * out; and per address overall, so one address cannot try many accounts. Links are counted per
 * account (each request mails the owner a working link, so others' requests lock nobody out: they
 * fill the owner's inbox, which this bounds) and per address.
 */
export const SIGN_IN_LIMITS = {
  login: {
    windowSeconds: 15 * 60,
    message: 'accounts.errors.tooManyAttempts',
    counters: (email, address) => [
      { key: accountAddressKey(email, address), max: 5 },
      { key: `login:address:${address}`, max: 30 },
    ],
  },
  link: {
    windowSeconds: 60 * 60,
    message: 'accounts.errors.tooManyLinks',
    counters: (email, address) => [
      { key: `link:account:${email}`, max: 5 },
      { key: `link:address:${address}`, max: 20 },
    ],
  },
} as const satisfies Record<string, SignInLimit>;

/**
 * Password checks on one account from all addresses together: never a lock, which anyone could
 * impose on anyone, but a delay before every check that doubles with each attempt beyond `free`.
 */
export const ACCOUNT_SLOWDOWN = {
  key: (email: string) => `login:account:${email}`,
  windowSeconds: 15 * 60,
  free: 5,
  firstDelayMs: 500,
  maxDelayMs: 10_000,
} as const;

/** The wait before checking the password of an account's `attempt`-th password check in the window. */
export function accountDelayMs(attempt: number): number {
  const { free, firstDelayMs, maxDelayMs } = ACCOUNT_SLOWDOWN;
  if (attempt <= free) return 0;
  return Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(attempt - free - 1, 30));
}
