/**
 * A date the organisation's own calendar moves or drops, with people signed up for it in Tillsammans:
 * the import mails them (in the language they signed up in, once), as a change in the workspace does.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportDeps, runImports, type ImportDeps } from '../../src/features/imports/index.js';
import { saveSettings, signUp, signupChangeHook } from '../../src/features/network/index.js';
import { createTestApp, FIXED_NOW, type TestApp } from '../support/app.js';
import { signedInClient } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';

let body = '';
function serve(req: http.IncomingMessage, res: http.ServerResponse) {
  if (req.url !== '/kalender.ics') return res.writeHead(404).end();
  const etag = `"${crypto.createHash('sha1').update(body).digest('hex')}"`;
  if (req.headers['if-none-match'] === etag) return res.writeHead(304, { etag }).end();
  res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', etag }).end(body);
}

const calendar = (events: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//SE', ...events, 'END:VCALENDAR'].join('\r\n');
const quiz = (start: string, end: string) =>
  ['BEGIN:VEVENT', 'UID:quiz@kalender.test', 'DTSTAMP:20261126T080000Z', `DTSTART;TZID=Europe/Stockholm:${start}`, `DTEND;TZID=Europe/Stockholm:${end}`, 'SUMMARY:Frågesport på lätt svenska', 'END:VEVENT'].join('\r\n');

describe.skipIf(skipDatabase())(`the calendar import tells those signed up on ${testDialect}`, () => {
  let t: TestApp;
  let server: http.Server;
  let deps: ImportDeps;
  let hour = 0;
  const run = () => runImports(deps, new Date(FIXED_NOW.getTime() + ++hour * 3600_000));
  const mails = (purpose: string) => t.database.db.selectFrom('outbox').selectAll().where('purpose', '=', purpose).orderBy('id').execute();
  let activityId: number;
  let signupId: number;

  beforeAll(async () => {
    server = http.createServer(serve);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kalender.ics`;
    body = calendar([quiz('20261210T180000', '20261210T200000')]);
    t = await createTestApp({ env: { IMPORT_ALLOW_PRIVATE_HOSTS: 'true' } });
    const db = t.database.db;
    deps = createImportDeps({ db, mailer: t.app.deps.mailer, config: t.app.deps.config, signups: signupChangeHook });
    const trusted = await db.selectFrom('organisations').select(['id', 'slug']).where('trusted', '=', 1).orderBy('id').executeTakeFirstOrThrow();
    const editor = await signedInClient(t, { organisationIds: [trusted.id] });
    const path = `/hantera/${trusted.slug}/kalender`;
    expect((await editor.submit(path, path, { url, category: 'sprakcafe' })).statusCode).toBe(303);
    await run();
    const activity = await db.selectFrom('activities').select(['id', 'status']).where('title', '=', 'Frågesport på lätt svenska').executeTakeFirstOrThrow();
    expect(activity.status).toBe('published');
    activityId = activity.id;
    await saveSettings(db, { activityId, date: '2026-12-10', capacity: 10, deadlineDate: null, deadlineTime: null, questions: { organisation: 'off', diet: 'off', accessibility: 'off' }, note: null }, FIXED_NOW);
    const r = await signUp(db, { activityId, date: '2026-12-10', input: { name: 'Fatima', email: 'fatima@exempel.se', phone: null, organisation: null, diet: null, accessibility: null }, language: 'ar', attendeeKey: 'key-fatima' }, FIXED_NOW);
    if (r.kind !== 'created') throw new Error(r.kind);
    signupId = r.signup.id;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('mails a new time once, in the language signed up in', async () => {
    body = calendar([quiz('20261210T190000', '20261210T210000')]);
    await run();
    const moved = await mails('event-dateMoved');
    expect(moved).toHaveLength(1);
    expect(moved[0]!.toAddress).toBe('fatima@exempel.se');
    expect(moved[0]!.subjectRef).toBe(`signup:${signupId}`);
    expect(moved[0]!.textBody).toContain('19:00');
    // Read again unchanged: nobody is told twice.
    await run();
    expect(await mails('event-dateMoved')).toHaveLength(1);
  });

  it('mails a cancellation when the organisation cancels the event in its calendar', async () => {
    body = calendar([quiz('20261210T190000', '20261210T210000').replace('END:VEVENT', 'STATUS:CANCELLED\r\nEND:VEVENT')]);
    await run();
    expect((await t.database.db.selectFrom('activities').select('status').where('id', '=', activityId).executeTakeFirstOrThrow()).status).toBe('cancelled');
    const cancelled = await mails('event-dateCancelled');
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]!.toAddress).toBe('fatima@exempel.se');
  });
});
