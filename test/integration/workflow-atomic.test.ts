/** A change from the workspace is one transaction: the activity, its revision, the audit entry and the mail, or none of them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOutbox } from '../../src/features/mail/index.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { Client, signedInClient } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';
import { activityForm } from '../support/factories.js';

const form = (title: string) => activityForm({ title, description: 'Vi träffas och pratar svenska.' });

describe.skipIf(skipDatabase())(`one transaction per workspace change on ${testDialect}`, () => {
  let t: TestApp;
  let editor: Client;
  let org: { id: number; slug: string };
  beforeAll(async () => {
    t = await createTestApp();
    org = await t.database.db.selectFrom('organisations').select(['id', 'slug']).where('slug', '=', 'traffpunkt-oxhagen').executeTakeFirstOrThrow();
    editor = await signedInClient(t, { organisationIds: [org.id] });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const traces = async (title: string) => {
    const db = t.database.db;
    const activity = await db.selectFrom('activities').select('id').where('title', '=', title).executeTakeFirst();
    const revisions = activity ? await db.selectFrom('revisions').select('id').where('entity', '=', 'activity').where('entityId', '=', activity.id).execute() : [];
    const audits = activity ? await db.selectFrom('auditEntries').select('id').where('entity', '=', 'activity').where('entityId', '=', activity.id).execute() : [];
    const mails = (await listOutbox(db, { limit: 500, offset: 0 })).filter((m) => m.text.includes(title));
    return { activity, revisions: revisions.length, audits: audits.length, mails };
  };

  it('leaves nothing behind when a step fails, not even the mail to the coordinator', async () => {
    const mailer = t.app.deps.mailer as { queue?: (...args: unknown[]) => Promise<unknown> };
    const queue = mailer.queue!;
    mailer.queue = async () => {
      throw new Error('the outbox is full');
    };
    try {
      const res = await editor.submit(`/hantera/${org.slug}/ny`, `/hantera/${org.slug}/ny`, form('Halvsparad aktivitet'));
      expect(res.statusCode).toBe(500);
    } finally {
      mailer.queue = queue;
    }
    expect(await traces('Halvsparad aktivitet')).toEqual({ activity: undefined, revisions: 0, audits: 0, mails: [] });
  });

  it('writes all of it when every step succeeds, and sends the mail after the commit', async () => {
    const res = await editor.submit(`/hantera/${org.slug}/ny`, `/hantera/${org.slug}/ny`, form('Helsparad aktivitet'));
    expect(res.statusCode).toBe(303);
    const after = await traces('Helsparad aktivitet');
    expect(after.activity).toBeDefined();
    expect(after.revisions).toBe(1);
    expect(after.audits).toBeGreaterThanOrEqual(1);
    expect(after.mails.map((m) => [m.to, m.transport])).toEqual([[t.app.deps.config.adminEmail, 'outbox']]);
  });
});
