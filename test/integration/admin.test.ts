/** The coordinator invites an editor by e-mail, the editor signs in with the invitation, and accounts can be turned off. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOutbox, listOutbox } from '../../src/features/mail/index.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { Client, signedInClient } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';

describe.skipIf(skipDatabase())(`administration on ${testDialect}`, () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedInClient(t, { isAdmin: true, name: 'Anette' });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('is for the coordinator only', async () => {
    expect((await new Client(t).request('GET', '/admin/anvandare')).statusCode).toBe(303);
    const guide = await signedInClient(t, { isGuide: true });
    expect((await guide.request('GET', '/admin/anvandare')).statusCode).toBe(403);
    expect((await guide.request('GET', '/admin/utkorg')).statusCode).toBe(403);
  });

  it('invites an editor of an organisation, who signs in with the link from the outbox', async () => {
    const orgs = (await t.app.inject({ method: 'GET', url: '/api/v1/organisations?category=sprakcafe' })).json().organisations;
    const org = orgs[0];
    const before = await countOutbox(t.database.db);
    const res = await admin.submit('/admin/anvandare', '/admin/anvandare/bjud-in', { email: 'Ny.Redaktor@Example.se', name: 'Ny Redaktör', organisationId: String(org.id) });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Inbjudan är skickad till ny.redaktor@example.se');
    expect(await countOutbox(t.database.db)).toBe(before + 1);
    const [mail] = await listOutbox(t.database.db, { limit: 1, offset: 0 });
    expect(mail!.to).toBe('ny.redaktor@example.se');
    expect(mail!.subject).toContain(org.name);
    expect(mail!.text).toContain('Anette har bjudit in dig');
    const path = new URL(/https?:\/\/\S+\/logga-in\/lank\/\S+/.exec(mail!.text)![0]).pathname;
    const editor = new Client(t);
    const signedIn = await editor.submit(path, path, {});
    expect(signedIn.statusCode).toBe(303);
    const account = await editor.request('GET', '/konto');
    expect(account.body).toContain('redaktör för en förening');
    expect(account.body).toContain(org.name.replace(/&/g, '&amp;'));
    // The outbox shows the message to the coordinator.
    const outbox = await admin.request('GET', '/admin/utkorg');
    expect(outbox.body).toContain('ny.redaktor@example.se');
  });

  it('keeps what was typed and explains a missing role', async () => {
    const res = await admin.submit('/admin/anvandare', '/admin/anvandare/bjud-in', { email: 'inte-en-adress', name: 'Kalle' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Skriv en e-postadress');
    expect(res.body).toContain('Välj en förening eller minst en roll');
    expect(res.body).toContain('value="inte-en-adress"');
    expect(res.body).toContain('value="Kalle"');
  });

  it('turns an account off, which signs it out at once, and on again', async () => {
    const guide = await signedInClient(t, { isGuide: true });
    const html = (await admin.request('GET', '/admin/anvandare?q=user')).body;
    const ids = [...html.matchAll(/\/admin\/anvandare\/(\d+)\/inaktivera/g)].map((m) => Number(m[1]));
    const guideId = Math.max(...ids);
    expect((await admin.submit('/admin/anvandare', `/admin/anvandare/${guideId}/inaktivera`, {})).statusCode).toBe(200);
    expect((await guide.request('GET', '/konto')).statusCode).toBe(303);
    expect((await admin.submit('/admin/anvandare', `/admin/anvandare/${guideId}/aktivera`, {})).statusCode).toBe(200);
  });
});
