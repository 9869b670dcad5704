/** Each imported event is written in one transaction: a failure half-way leaves nothing, and the next sync imports it once. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportDeps, syncFeed } from '../../src/features/imports/index.js';
import { createTestApp, FIXED_NOW, type TestApp } from '../support/app.js';
import { skipDatabase, testDialect } from '../support/db.js';

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Test//Test//SV',
  'BEGIN:VEVENT',
  'UID:once-only@test',
  'DTSTAMP:20261120T120000Z',
  'DTSTART;TZID=Europe/Stockholm:20261208T180000',
  'DTEND;TZID=Europe/Stockholm:20261208T200000',
  'SUMMARY:Julpyssel en gång',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe.skipIf(skipDatabase())(`calendar import, one transaction per event, on ${testDialect}`, () => {
  let t: TestApp;
  let server: http.Server;
  let feedId: number;
  beforeAll(async () => {
    t = await createTestApp({ env: { IMPORT_ALLOW_PRIVATE_HOSTS: 'true' } });
    server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/calendar' }).end(ICS));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const org = await t.database.db.selectFrom('organisations').select('id').where('trusted', '=', 1).orderBy('id').executeTakeFirstOrThrow();
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cal.ics`;
    feedId = (await t.database.db.insertInto('calendarFeeds').values({ organisationId: org.id, url, category: 'kurs', createdBy: null, createdAt: FIXED_NOW.toISOString(), lastSyncAt: null, lastSuccessAt: null, lastError: null, lastReport: null, failureMailedAt: null, etag: null, lastModified: null } as never).returning('id').executeTakeFirstOrThrow()).id;
  }, 60_000);
  afterAll(async () => {
    server?.close();
    await t?.close();
  });

  const imported = () => t.database.db.selectFrom('activities').select('id').where('title', '=', 'Julpyssel en gång').execute();

  it('keeps no activity when recording the event fails, and imports it exactly once when it works again', async () => {
    const db = t.database.db;
    // The record of the event's UID fails to be written, after its activity was.
    if (testDialect === 'postgres') {
      await sql`create function fail_import() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`.execute(db);
      await sql`create trigger fail_import before insert on imported_events for each row execute function fail_import()`.execute(db);
    } else {
      await sql`create trigger fail_import before insert on imported_events begin select raise(abort, 'disk full'); end`.execute(db);
    }
    const deps = createImportDeps({ db, mailer: t.app.deps.mailer, config: t.app.deps.config });
    await syncFeed(deps, feedId, FIXED_NOW);
    expect(await imported()).toEqual([]);
    const audits = await db.selectFrom('auditEntries').select('id').where('action', '=', 'import.created').where('actorRef', '=', String(feedId)).execute();
    expect(audits).toEqual([]);

    await sql`drop trigger fail_import${sql.raw(testDialect === 'postgres' ? ' on imported_events' : '')}`.execute(db);
    await db.updateTable('calendarFeeds').set({ etag: null, lastModified: null, lockedUntil: null } as never).where('id', '=', feedId).execute();
    await syncFeed(deps, feedId, new Date(FIXED_NOW.getTime() + 3600_000));
    await syncFeed(deps, feedId, new Date(FIXED_NOW.getTime() + 7200_000));
    expect(await imported()).toHaveLength(1);
  });
});
