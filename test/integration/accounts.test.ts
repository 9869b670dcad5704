/** Signing in by link and by password, sessions, CSRF, rate limits and sign-out, through the real app. */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/features/accounts/index.js';
import { createTestApp, FIXED_NOW, type TestApp } from '../support/app.js';
import { Client, signedInClient } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';

describe.skipIf(skipDatabase())(`accounts on ${testDialect}`, () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const received: { to: string; text: string; subject: string }[] = [];
  const adminEmail = 'samordnare@tillsammans.test';

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        simpleParser(stream)
          .then((mail) => {
            received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), text: mail.text ?? '', subject: mail.subject ?? '' });
            done();
          })
          .catch(done);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const port = (smtp.server.address() as AddressInfo).port;
    t = await createTestApp({ seed: false, env: { SMTP_URL: `smtp://127.0.0.1:${port}`, ADMIN_EMAIL: adminEmail } });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  });

  /** Signs the coordinator in through a fresh first-start link (demoting first, so one is made). */
  async function firstAdminClient(): Promise<Client> {
    await t.database.db.updateTable('users').set({ isAdmin: 0 }).execute();
    const link = await ensureFirstAdmin(t.database.db, { email: adminEmail, publicUrl: 'http://tillsammans.test', now: FIXED_NOW });
    const path = new URL(link!).pathname;
    const client = new Client(t);
    const res = await client.submit(path, path, {});
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/konto');
    return client;
  }

  it('creates the first coordinator once, with a link that signs in exactly once', async () => {
    const link = await ensureFirstAdmin(t.database.db, { email: adminEmail, publicUrl: 'http://tillsammans.test', now: FIXED_NOW });
    expect(link).toMatch(/^http:\/\/tillsammans\.test\/logga-in\/lank\/[A-Za-z0-9_-]{43}$/);
    expect(await ensureFirstAdmin(t.database.db, { email: adminEmail, publicUrl: 'http://x', now: FIXED_NOW })).toBeNull();
    const client = new Client(t);
    const path = new URL(link!).pathname;
    expect((await client.submit(path, path, {})).headers.location).toBe('/konto');
    expect((await client.request('GET', '/konto')).body).toContain(adminEmail);
    // Used once: opening it again shows that it no longer works.
    expect((await new Client(t).request('GET', path)).statusCode).toBe(410);
  });

  it('sends a sign-in link through SMTP that signs in once, and not by merely opening it', async () => {
    const client = new Client(t);
    const before = received.length;
    const res = await client.submit('/logga-in', '/logga-in/lank', { email: adminEmail.toUpperCase(), next: '/organisationer' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('har vi skickat en länk');
    expect(received.length).toBe(before + 1);
    const mail = received.at(-1)!;
    expect(mail.to).toBe(adminEmail);
    expect(mail.subject).toBe('Din länk till Tillsammans');
    const link = /https?:\/\/\S+\/logga-in\/lank\/[A-Za-z0-9_-]+/.exec(mail.text)![0];
    const path = new URL(link).pathname;
    // A mail scanner opening the link does not use it up.
    expect((await new Client(t).request('GET', path)).statusCode).toBe(200);
    const signedIn = await client.submit(path, path, {});
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/organisationer');
    expect((await client.request('GET', '/konto')).statusCode).toBe(200);
    // Used once: the second try fails with a clear page.
    const again = await new Client(t).request('GET', path);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('Länken fungerar inte');
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const before = received.length;
    const res = await new Client(t).submit('/logga-in', '/logga-in/lank', { email: 'nobody@example.se' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('har vi skickat en länk');
    expect(received.length).toBe(before);
  });

  it('sets a password, signs in with it, and keeps what was typed on a wrong one', async () => {
    const admin = await firstAdminClient();
    const short = await admin.submit('/konto', '/konto/losenord', { password: 'kort' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('Lösenordet är för kort');
    expect(short.body).toContain('aria-invalid="true"');
    const ok = await admin.submit('/konto', '/konto/losenord', { password: 'ett långt och bra lösenord' });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Lösenordet är sparat');

    const visitor = new Client(t);
    const wrong = await visitor.submit('/logga-in', '/logga-in', { email: adminEmail, password: 'fel lösenord' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('E-post eller lösenord stämmer inte');
    expect(wrong.body).toContain(`value="${adminEmail}"`);
    const right = await visitor.submit('/logga-in', '/logga-in', { email: adminEmail, password: 'ett långt och bra lösenord', next: '//evil.example/' });
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe('/konto');
  });

  it('gives a new session id at every sign-in and ends all sessions on request', async () => {
    const a = await firstAdminClient();
    const firstSid = a.cookies.get('sid');
    const b = new Client(t);
    await b.submit('/logga-in', '/logga-in', { email: adminEmail, password: 'ett långt och bra lösenord' });
    expect(b.cookies.get('sid')).toBeTruthy();
    expect(b.cookies.get('sid')).not.toBe(firstSid);
    const out = await a.submit('/konto', '/konto/logga-ut-overallt', {});
    expect(out.statusCode).toBe(303);
    // Both browsers are signed out now.
    expect((await b.request('GET', '/konto')).statusCode).toBe(303);
    expect((await a.request('GET', '/konto')).statusCode).toBe(303);
  });

  it('limits password attempts per account with a clear message', async () => {
    const email = 'limit@tillsammans.test';
    const visitor = new Client(t);
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 6; i++) {
      last = await visitor.submit('/logga-in', '/logga-in', { email, password: `wrong-${i}` });
      statuses.push(last.statusCode);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    expect(last!.body).toContain('För många försök');
    expect(last!.headers['retry-after']).toBeDefined();
  });

  it('refuses a form without its CSRF token', async () => {
    const res = await new Client(t).request('POST', '/logga-in', { email: adminEmail, password: 'x' });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Formuläret är för gammalt');
  });

  it('sends anonymous visitors of a signed-in page to sign in and back', async () => {
    const res = await new Client(t).request('GET', '/en/konto');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/en/logga-in?next=%2Fen%2Fkonto');
  });

  it('sets the session cookie HttpOnly and SameSite=Lax', async () => {
    const link = await (async () => {
      await t.database.db.updateTable('users').set({ isAdmin: 0 }).execute();
      return ensureFirstAdmin(t.database.db, { email: adminEmail, publicUrl: 'http://x', now: FIXED_NOW });
    })();
    const path = new URL(link!).pathname;
    const client = new Client(t);
    const html = (await client.request('GET', path)).body;
    const token = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const res = await client.request('POST', path, { _csrf: token });
    const sid = String(res.headers['set-cookie']).split(/,(?=\s*\w+=)/).find((c) => c.trim().startsWith('sid='))!;
    expect(sid).toMatch(/HttpOnly/i);
    expect(sid).toMatch(/SameSite=Lax/i);
  });

  it('changes the e-mail address only after the new address confirms it', async () => {
    const client = await signedInClient(t, { email: 'gammal@tillsammans.test', name: 'Byter' });
    const before = received.length;
    const res = await client.submit('/konto', '/konto/epost', { email: 'Ny.Adress@Tillsammans.test' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Vi har skickat en länk till ny.adress@tillsammans.test');
    expect(received.length).toBe(before + 1);
    const mail = received.at(-1)!;
    expect(mail.to).toBe('ny.adress@tillsammans.test');
    const path = new URL(/https?:\/\/\S+\/konto\/epost\/[A-Za-z0-9_-]+/.exec(mail.text)![0]).pathname;
    // Until the link is used, the old address is still the account's.
    expect((await client.request('GET', '/konto')).body).toContain('gammal@tillsammans.test');
    const done = await client.submit(path, path, {});
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Din e-postadress är nu ny.adress@tillsammans.test');
    // Used once.
    expect((await client.request('GET', path)).statusCode).toBe(410);
  });

  it('keeps what was typed when the new address is wrong or taken', async () => {
    const client = await signedInClient(t);
    const bad = await client.submit('/konto', '/konto/epost', { email: 'inte en adress' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('value="inte en adress"');
    const taken = await client.submit('/konto', '/konto/epost', { email: adminEmail });
    expect(taken.statusCode).toBe(200);
    const mail = received.at(-1)!;
    const path = new URL(/https?:\/\/\S+\/konto\/epost\/[A-Za-z0-9_-]+/.exec(mail.text)![0]).pathname;
    const res = await client.submit(path, path, {});
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('används redan');
  });
});
