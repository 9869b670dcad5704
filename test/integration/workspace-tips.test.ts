/**
 * The public tip form (/tipsa) sends a confirmation mail to an address nobody has shown is theirs:
 * the mail carries nothing the sender typed, and one address gets only a few such mails a day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOutbox } from '../../src/features/mail/index.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { Client } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';

const tip = (overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> => ({
  title: 'Gratis iPhone! Klicka på http://bedrageri.example',
  category: 'motesplats',
  description: 'Ring 0900-123 45 67 nu och vinn. <a href="http://bedrageri.example">här</a>',
  audience: 'everyone',
  gender: 'all',
  isFree: 'true',
  registration: 'none',
  repeat: 'once',
  startDate: '2026-12-05',
  startTime: '13:00',
  endTime: '15:00',
  placeId: '',
  senderName: 'Snälla Sven http://bedrageri.example',
  senderEmail: 'offer@example.se',
  organisationId: '',
  organisationName: 'Vinstklubben http://bedrageri.example',
  ...overrides,
});

describe.skipIf(skipDatabase())(`the tip form's confirmation mail on ${testDialect}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const mailsTo = async (to: string) => (await listOutbox(t.database.db, { limit: 200, offset: 0 })).filter((m) => m.to === to);
  /** Every request here comes from one client address, whose own hourly limit has its own test. */
  const send = async (url: string, form: Record<string, string | string[]>) => {
    await t.database.db.deleteFrom('rateLimits').where('key', 'like', 'suggest:%').execute();
    return new Client(t).submit(url, url, form);
  };

  it('sends a generic text and the link only: no title, description, names or anything else typed', async () => {
    const res = await send('/tipsa', tip());
    expect(res.statusCode).toBe(200);
    const [mail] = await mailsTo('offer@example.se');
    expect(mail).toBeDefined();
    const text = `${mail!.subject}\n${mail!.text}\n${mail!.html ?? ''}`;
    for (const typed of ['iPhone', 'bedrageri', '0900', 'Sven', 'Vinstklubben', 'Klicka']) expect(text, typed).not.toContain(typed);
    expect(mail!.text).toMatch(/https?:\/\/\S+\/tipsa\/bekrafta\/[A-Za-z0-9_-]+/);
    expect(mail!.text).toContain('Någon har skickat ett tips');
    // In the sender's language, just as generic.
    await send('/en/tipsa', tip({ senderEmail: 'other@example.se' }));
    const [en] = await mailsTo('other@example.se');
    expect(en!.text).toContain('Someone sent a tip');
    expect(en!.text).toMatch(/\/en\/tipsa\/bekrafta\//);
    expect(en!.text).not.toContain('iPhone');
  });

  it('sends one address at most three confirmation mails a day; the fourth tip is refused with everything typed kept', async () => {
    const to = 'target@example.se';
    for (let i = 1; i <= 3; i++) {
      const res = await send('/tipsa', tip({ title: `Tips nummer ${i}`, senderEmail: i === 2 ? 'Target@Example.se' : to }));
      expect(res.statusCode, `tip ${i}`).toBe(200);
    }
    expect(await mailsTo(to)).toHaveLength(3);
    // A "+tag" reaches the same inbox: it counts as the same address.
    const refused = await send('/tipsa', tip({ title: 'Tips nummer 4', senderEmail: 'target+4@example.se', description: 'Min <b>beskrivning</b> finns kvar' }));
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toMatch(/<p class="notice notice-cancelled" role="alert">Vi har redan skickat flera mejl till den e-postadressen i dag\./);
    // The message sits at the top of the form, before the fields.
    expect(refused.body.indexOf('Vi har redan skickat flera mejl')).toBeLessThan(refused.body.indexOf('name="senderName"'));
    expect(refused.body).toContain('value="Tips nummer 4"');
    expect(refused.body).toContain('value="target+4@example.se"');
    expect(refused.body).toContain('Min &lt;b>beskrivning&lt;/b> finns kvar</textarea>');
    expect(refused.body).toContain('value="Vinstklubben http://bedrageri.example"');
    expect((await listOutbox(t.database.db, { limit: 200, offset: 0 })).filter((m) => m.to === 'target+4@example.se')).toHaveLength(0);
    expect(await t.database.db.selectFrom('revisions').select('id').where('submitterEmail', '=', 'target+4@example.se').execute()).toHaveLength(0);
    // In English too.
    const en = await send('/en/tipsa', tip({ senderEmail: to }));
    expect(en.statusCode).toBe(429);
    expect(en.body).toContain('We have already sent several emails to that address today.');
    // Another address is not affected.
    const other = await send('/tipsa', tip({ senderEmail: 'someone.else@example.se' }));
    expect(other.statusCode).toBe(200);
    // The rate-limit table keeps no address.
    const keys = (await t.database.db.selectFrom('rateLimits').select('key').execute()).map((r) => r.key).join(' ');
    expect(keys).not.toContain('example.se');
  });
});
