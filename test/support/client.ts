/** A browser in miniature for integration tests: keeps cookies, submits forms with their CSRF token, signs in. */
import { expect } from 'vitest';
import { insertUser } from '../../src/features/accounts/accounts.commands.js';
import { insertSession, type NewUser } from '../../src/features/accounts/accounts.store.js';
import { newSecret } from '../../src/features/accounts/secrets.js';
import type { TestApp } from './app.js';

export class Client {
  cookies = new Map<string, string>();
  /** The address the requests come from (the socket's) and headers sent with each, e.g. X-Forwarded-For. */
  remoteAddress: string | undefined;
  headers: Record<string, string>;
  constructor(
    private readonly t: TestApp,
    from: { remoteAddress?: string; headers?: Record<string, string> } = {},
  ) {
    this.remoteAddress = from.remoteAddress;
    this.headers = from.headers ?? {};
  }

  private header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(method: 'GET' | 'POST', url: string, form?: Record<string, string | string[]>) {
    const res = await this.t.app.inject({
      method,
      url,
      headers: { ...this.headers, cookie: this.header(), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      payload: form ? encodeForm(form) : undefined,
      ...(this.remoteAddress ? { remoteAddress: this.remoteAddress } : {}),
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  /** GET a page with a form and POST to `action` with its CSRF token. */
  async submit(page: string, action: string, form: Record<string, string | string[]>) {
    const html = (await this.request('GET', page)).body;
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    expect(token, `csrf token on ${page}`).toBeTruthy();
    return this.request('POST', action, { ...form, _csrf: token! });
  }
}

/** A form body as a browser sends it: repeated names for several ticked checkboxes. */
export function encodeForm(form: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const value of Array.isArray(v) ? v : [v]) params.append(k, value);
  return params.toString();
}

/** The CSRF token of a rendered form. */
export function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  expect(token, 'csrf token').toBeTruthy();
  return token!;
}

let counter = 0;

/** A client already signed in as a new user with the given roles. */
export async function signedInClient(t: TestApp, roles: Partial<NewUser> = {}): Promise<Client> {
  const now = t.app.deps.now();
  const userId = await insertUser(
    t.database.db,
    {
      email: `user${++counter}-${Date.now()}@tillsammans.test`,
      name: 'Test',
      passwordHash: null,
      isAdmin: false,
      isGuide: false,
      isTranslator: false,
      organisationIds: [],
      ...roles,
    },
    now,
  );
  const { secret, hash } = newSecret();
  await insertSession(t.database.db, { idHash: hash, userId, expiresAt: new Date(now.getTime() + 864e5).toISOString(), userAgent: null }, now);
  const client = new Client(t);
  client.cookies.set('sid', secret);
  return client;
}
