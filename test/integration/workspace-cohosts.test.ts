/**
 * Naming another organisation as co-host asks it first: until one of its editors (or the
 * coordinator) accepts, the public sees the main host alone. Declining, stepping down later and
 * every step's audit entry and e-mail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertActivity } from '../../src/features/calendar/activity.store.js';
import { listOutbox } from '../../src/features/mail/index.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { Client, csrfOf, signedInClient } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';
import { activityForm } from '../support/factories.js';
import { activityInput, scheduleInput } from '../support/factories.js';

const weekly = (overrides: Record<string, string | string[]> = {}) =>
  activityForm({ title: 'Fotboll i Vivalla', category: 'idrott', description: 'Vi spelar fotboll. Alla är välkomna.', startTime: '17:00', endTime: '18:30', ...overrides });

type Org = { id: number; slug: string; name: string };

describe.skipIf(skipDatabase())(`co-hosts are asked first on ${testDialect}`, () => {
  let t: TestApp;
  let admin: Client;
  let hostEditor: Client;
  let coHostEditor: Client;
  let trustedEditor: Client;
  let host: Org;
  let coHost: Org;
  let trusted: Org;
  const hostEmail = `host-${testDialect}@oxhagen.test`;
  const coHostEmail = `cohost-${testDialect}@ukrainska.test`;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const org = (slug: string) => db.selectFrom('organisations').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirstOrThrow();
    host = await org('traffpunkt-oxhagen');
    coHost = await org('ukrainska-foreningen');
    trusted = await db.selectFrom('organisations').select(['id', 'slug', 'name']).where('trusted', '=', 1).where('id', 'not in', [host.id, coHost.id]).orderBy('id').executeTakeFirstOrThrow();
    admin = await signedInClient(t, { isAdmin: true });
    hostEditor = await signedInClient(t, { organisationIds: [host.id], email: hostEmail });
    coHostEditor = await signedInClient(t, { organisationIds: [coHost.id], email: coHostEmail });
    trustedEditor = await signedInClient(t, { organisationIds: [trusted.id] });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const publicPage = async (id: number) => {
    const res = await t.app.inject({ method: 'GET', url: `/aktivitet/${id}` });
    return res.statusCode === 301 ? t.app.inject({ method: 'GET', url: res.headers.location as string }) : res;
  };
  const hostsOf = async (id: number) =>
    (await t.database.db.selectFrom('activityHosts').select('organisationId').where('activityId', '=', id).orderBy('position').execute()).map((h) => h.organisationId);
  const organisationPage = async (o: Org) => (await t.app.inject({ method: 'GET', url: `/organisationer/${o.slug}` })).body;
  const mailsTo = async (to: string) => (await listOutbox(t.database.db, { limit: 200, offset: 0 })).filter((m) => m.to === to);
  const actions = async (id: number) => (await t.database.db.selectFrom('auditEntries').select('action').where('entity', '=', 'activity').where('entityId', '=', id).execute()).map((a) => a.action);
  const requestOf = (id: number) =>
    t.database.db.selectFrom('revisions').select(['id', 'status', 'organisationId']).where('entity', '=', 'cohost').where('entityId', '=', id).orderBy('id', 'desc').executeTakeFirst();

  let activityId: number;

  it('shows only the main host after the coordinator approves an activity that names a co-host, and asks the co-host', async () => {
    // The preview shows what the public will see: the co-host only once it says yes.
    const preview = await hostEditor.submit(`/hantera/${host.slug}/ny`, `/hantera/${host.slug}/ny`, { ...weekly({ coHostId: String(coHost.id) }), action: 'preview' });
    const frame = /<div class="preview-frame">[\s\S]*?<\/article>/.exec(preview.body)![0];
    expect(frame).toContain(host.name);
    expect(frame).not.toContain(coHost.name);
    const res = await hostEditor.submit(`/hantera/${host.slug}/ny`, `/hantera/${host.slug}/ny`, weekly({ coHostId: String(coHost.id) }));
    expect(res.headers.location).toContain('sparad=submitted');
    activityId = (await t.database.db.selectFrom('activities').select('id').where('title', '=', 'Fotboll i Vivalla').executeTakeFirstOrThrow()).id;
    // Waiting for review, the activity is not the co-host's either: not in its workspace.
    expect(await hostsOf(activityId)).toEqual([host.id]);
    expect((await coHostEditor.request('GET', `/hantera/${coHost.slug}`)).body).not.toContain('Fotboll i Vivalla');
    expect((await coHostEditor.request('GET', `/hantera/${coHost.slug}/aktivitet/${activityId}`)).statusCode).toBe(404);

    const queue = await admin.request('GET', '/admin/granska');
    const revisionId = Number(/\/admin\/granska\/(\d+)">Fotboll i Vivalla/.exec(queue.body)![1]);
    const detail = await admin.request('GET', `/admin/granska/${revisionId}`);
    expect((await admin.request('POST', `/admin/granska/${revisionId}/godkann`, { _csrf: csrfOf(detail.body) })).headers.location).toContain('klar=approved');

    // Published under the main host alone.
    expect(await hostsOf(activityId)).toEqual([host.id]);
    const page = await publicPage(activityId);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(host.name);
    expect(page.body).not.toContain(coHost.name);
    expect(await organisationPage(coHost)).not.toContain('Fotboll i Vivalla');
    expect(await organisationPage(host)).toContain('Fotboll i Vivalla');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/activities?from=2026-12-01&to=2026-12-07&limit=500' })).body).not.toMatch(new RegExp(`Fotboll i Vivalla[^}]*${coHost.slug}`));

    // The co-host is asked: by e-mail to its editors, in its workspace, in the audit log.
    expect(await requestOf(activityId)).toEqual(expect.objectContaining({ status: 'requested', organisationId: coHost.id }));
    const [mail] = await mailsTo(coHostEmail);
    expect(mail?.subject).toContain('Fotboll i Vivalla');
    expect(mail?.text).toContain(host.name);
    expect(mail?.text).toContain(`/hantera/${coHost.slug}`);
    const workspace = await coHostEditor.request('GET', `/hantera/${coHost.slug}`);
    expect(workspace.body).toContain('id="cohost-requests"');
    expect(workspace.body).toContain('Fotboll i Vivalla');
    expect(workspace.body).toContain(`Frågan kommer från ${host.name}.`);
    // The host sees that the answer is awaited.
    expect((await hostEditor.request('GET', `/hantera/${host.slug}`)).body).toContain(`Väntar på svar från ${coHost.name}`);
    const form = await hostEditor.request('GET', `/hantera/${host.slug}/aktivitet/${activityId}`);
    expect(form.body).toContain(`${coHost.name} har fått en fråga om att ordna aktiviteten tillsammans med er.`);
    expect(form.body).toMatch(new RegExp(`<option value="${coHost.id}" selected`));
    expect(await actions(activityId)).toContain('activity.coHostRequested');
  });

  it('lets nobody but the co-host’s editors (or the coordinator) answer', async () => {
    const r = (await requestOf(activityId))!;
    const csrf = csrfOf((await hostEditor.request('GET', '/konto')).body);
    // The host cannot accept on the co-host's behalf, neither through its own workspace nor the co-host's.
    expect((await hostEditor.request('POST', `/hantera/${host.slug}/samarbete/${r.id}`, { answer: 'accept', _csrf: csrf })).statusCode).toBe(404);
    expect((await hostEditor.request('POST', `/hantera/${coHost.slug}/samarbete/${r.id}`, { answer: 'accept', _csrf: csrf })).statusCode).toBe(403);
    const other = await signedInClient(t, { organisationIds: [trusted.id] });
    const otherCsrf = csrfOf((await other.request('GET', '/konto')).body);
    expect((await other.request('POST', `/hantera/${trusted.slug}/samarbete/${r.id}`, { answer: 'accept', _csrf: otherCsrf })).statusCode).toBe(404);
    expect((await requestOf(activityId))!.status).toBe('requested');
    expect(await hostsOf(activityId)).toEqual([host.id]);
  });

  it('shows the activity under both once a co-host editor accepts; the co-host may step down later', async () => {
    const r = (await requestOf(activityId))!;
    const workspace = await coHostEditor.request('GET', `/hantera/${coHost.slug}`);
    const accepted = await coHostEditor.request('POST', `/hantera/${coHost.slug}/samarbete/${r.id}`, { answer: 'accept', _csrf: csrfOf(workspace.body) });
    expect(accepted.headers.location).toBe(`/hantera/${coHost.slug}?sparad=coHostAccepted`);
    expect(await hostsOf(activityId)).toEqual([host.id, coHost.id]);
    expect((await publicPage(activityId)).body).toContain(coHost.name);
    expect(await organisationPage(coHost)).toContain('Fotboll i Vivalla');
    expect((await requestOf(activityId))!.status).toBe('approved');
    expect((await mailsTo(hostEmail)).some((m) => m.subject.includes(coHost.name) && m.subject.includes('Fotboll i Vivalla'))).toBe(true);
    // Answering twice does nothing.
    const again = await coHostEditor.request('POST', `/hantera/${coHost.slug}/samarbete/${r.id}`, { answer: 'decline', _csrf: csrfOf(workspace.body) });
    expect(again.headers.location).toBe(`/hantera/${coHost.slug}`);
    expect(await hostsOf(activityId)).toEqual([host.id, coHost.id]);

    // Stepping down: from the co-host's workspace, with a confirmation page.
    const list = await coHostEditor.request('GET', `/hantera/${coHost.slug}`);
    expect(list.body).toContain(`/hantera/${coHost.slug}/aktivitet/${activityId}/lamna`);
    expect((await hostEditor.request('GET', `/hantera/${host.slug}`)).body).not.toContain(`/aktivitet/${activityId}/lamna`);
    expect((await hostEditor.request('GET', `/hantera/${host.slug}/aktivitet/${activityId}/lamna`)).statusCode).toBe(404);
    const confirm = await coHostEditor.request('GET', `/hantera/${coHost.slug}/aktivitet/${activityId}/lamna`);
    expect(confirm.body).toContain('Ja, lämna');
    const left = await coHostEditor.request('POST', `/hantera/${coHost.slug}/aktivitet/${activityId}/lamna`, { _csrf: csrfOf(confirm.body) });
    expect(left.headers.location).toBe(`/hantera/${coHost.slug}?sparad=coHostLeft`);
    expect(await hostsOf(activityId)).toEqual([host.id]);
    expect((await publicPage(activityId)).body).not.toContain(coHost.name);
    expect(await organisationPage(coHost)).not.toContain('Fotboll i Vivalla');
    expect(await actions(activityId)).toEqual(expect.arrayContaining(['activity.coHostRequested', 'activity.coHostAccepted', 'activity.coHostLeft']));
  });

  it('asks again when a trusted organisation names a co-host; declining keeps it off', async () => {
    const res = await trustedEditor.submit(`/hantera/${trusted.slug}/ny`, `/hantera/${trusted.slug}/ny`, weekly({ title: 'Schack på lördagar', category: 'kultur', weekdays: ['SA'], coHostId: String(coHost.id) }));
    expect(res.headers.location).toContain('sparad=published');
    const id = (await t.database.db.selectFrom('activities').select('id').where('title', '=', 'Schack på lördagar').executeTakeFirstOrThrow()).id;
    expect(await hostsOf(id)).toEqual([trusted.id]);
    expect((await publicPage(id)).body).not.toContain(coHost.name);
    const r = (await requestOf(id))!;
    expect(r.status).toBe('requested');
    // Saving again keeps asking the same organisation, without a second request.
    const form = await trustedEditor.request('GET', `/hantera/${trusted.slug}/aktivitet/${id}`);
    const version = /name="version" value="([^"]*)"/.exec(form.body)![1]!;
    await trustedEditor.request('POST', `/hantera/${trusted.slug}/aktivitet/${id}`, { ...weekly({ title: 'Schack på lördagar', category: 'kultur', weekdays: ['SA'], coHostId: String(coHost.id), description: 'Ta med ett schackbräde.' }), version, _csrf: csrfOf(form.body) });
    expect((await t.database.db.selectFrom('revisions').select('id').where('entity', '=', 'cohost').where('entityId', '=', id).execute()).length).toBe(1);

    const workspace = await coHostEditor.request('GET', `/hantera/${coHost.slug}`);
    const declined = await coHostEditor.request('POST', `/hantera/${coHost.slug}/samarbete/${r.id}`, { answer: 'decline', _csrf: csrfOf(workspace.body) });
    expect(declined.headers.location).toBe(`/hantera/${coHost.slug}?sparad=coHostDeclined`);
    expect((await requestOf(id))!.status).toBe('declined');
    expect(await hostsOf(id)).toEqual([trusted.id]);
    expect((await coHostEditor.request('GET', `/hantera/${coHost.slug}`)).body).not.toContain('id="cohost-requests"');
    expect(await actions(id)).toContain('activity.coHostDeclined');
  });

  it('lets the coordinator approve or decline a request from the review queue, and publish a co-host directly', async () => {
    const db = t.database.db;
    const id = await insertActivity(db, activityInput({ title: 'Sångkör', hostIds: [trusted.id], schedule: scheduleInput({ recurrence: { kind: 'weekly', interval: 1, weekdays: ['TH'] }, startDate: '2026-12-03' }) }), t.app.deps.now(), '2026-11-26');
    const form = await trustedEditor.request('GET', `/hantera/${trusted.slug}/aktivitet/${id}`);
    const version = /name="version" value="([^"]*)"/.exec(form.body)![1]!;
    const body = weekly({ title: 'Sångkör', category: 'kultur', startDate: '2026-12-03', weekdays: ['TH'], coHostId: String(host.id) });
    await trustedEditor.request('POST', `/hantera/${trusted.slug}/aktivitet/${id}`, { ...body, version, _csrf: csrfOf(form.body) });
    const r = (await requestOf(id))!;
    const queue = await admin.request('GET', '/admin/granska');
    expect(queue.body).toContain(`/admin/granska/${r.id}">Sångkör</a></td><td>Fråga om att ordna tillsammans`);
    const detail = await admin.request('GET', `/admin/granska/${r.id}`);
    expect(detail.body).toContain(host.name);
    expect(detail.body).toContain('Godkänn att de ordnar tillsammans');
    const approved = await admin.request('POST', `/admin/granska/${r.id}/godkann`, { _csrf: csrfOf(detail.body) });
    expect(approved.headers.location).toContain('klar=approved');
    expect(await hostsOf(id)).toEqual([trusted.id, host.id]);

    // Declined by the coordinator.
    const other = await insertActivity(db, activityInput({ title: 'Stickning', hostIds: [trusted.id] }), t.app.deps.now(), '2026-11-26');
    const form2 = await trustedEditor.request('GET', `/hantera/${trusted.slug}/aktivitet/${other}`);
    const v2 = /name="version" value="([^"]*)"/.exec(form2.body)![1]!;
    await trustedEditor.request('POST', `/hantera/${trusted.slug}/aktivitet/${other}`, { ...weekly({ title: 'Stickning', category: 'skapande', coHostId: String(host.id) }), version: v2, _csrf: csrfOf(form2.body) });
    const r2 = (await requestOf(other))!;
    const detail2 = await admin.request('GET', `/admin/granska/${r2.id}`);
    const declined = await admin.request('POST', `/admin/granska/${r2.id}/avboj`, { _csrf: csrfOf(detail2.body) });
    expect(declined.headers.location).toContain('klar=declined');
    expect(await hostsOf(other)).toEqual([trusted.id]);
    expect((await admin.request('GET', `${declined.headers.location}`)).body).toContain('Nej är sagt.');

    // The coordinator naming a co-host while saving is the coordinator's approval.
    const form3 = await admin.request('GET', `/hantera/${host.slug}/aktivitet/${activityId}`);
    const v3 = /name="version" value="([^"]*)"/.exec(form3.body)![1]!;
    const saved = await admin.request('POST', `/hantera/${host.slug}/aktivitet/${activityId}`, { ...weekly({ coHostId: String(trusted.id) }), version: v3, _csrf: csrfOf(form3.body) });
    expect(saved.headers.location).toContain('sparad=published');
    expect(await hostsOf(activityId)).toEqual([host.id, trusted.id]);
  });
});
