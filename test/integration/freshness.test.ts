/**
 * Freshness on both databases: the monthly job mails each organisation once a month with a
 * single-use link that confirms everything it listed (opening it confirms nothing; expired and used
 * links say so), the workspace's "still true" buttons and its list of clashes with other
 * organisations, the public "not confirmed since …" note, the 180-day exclusion from the week while
 * the activity's own page still works, and the coordinator's stale list with "send a reminder now".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_HIDDEN, DEMO_STALE, sendMonthlyReminders } from '../../src/features/freshness/index.js';
import { createTestApp, FIXED_NOW, type TestApp } from '../support/app.js';
import { Client, signedInClient } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';

const DAY = 86_400_000;
const visible = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');

describe.skipIf(skipDatabase())(`freshness on ${testDialect}`, () => {
  let t: TestApp;
  let clock = FIXED_NOW;
  let editor: Client;
  let editorEmail: string;
  let kompis: { id: number; slug: string };
  let hidden: { id: number; slug: string; confirmedAt: string };
  let stale: { id: number; slug: string };

  const db = () => t.database.db;
  const deps = () => ({ db: db(), mailer: t.app.deps.mailer, publicUrl: t.app.deps.config.publicUrl });
  const remindersTo = (to: string) => db().selectFrom('outbox').selectAll().where('toAddress', '=', to).where('purpose', '=', 'freshness').orderBy('id').execute();
  const confirmedAt = async (id: number) => (await db().selectFrom('activities').select('confirmedAt').where('id', '=', id).executeTakeFirstOrThrow()).confirmedAt;
  const linkIn = (text: string) => /\/bekrafta\/([A-Za-z0-9_-]+)/.exec(text)![1]!;

  beforeAll(async () => {
    t = await createTestApp({ clock: () => clock });
    kompis = await db().selectFrom('organisations').select(['id', 'slug']).where('slug', '=', 'kompisbyran-orebro').executeTakeFirstOrThrow();
    hidden = await db().selectFrom('activities').select(['id', 'slug', 'confirmedAt']).where('title', '=', DEMO_HIDDEN.title).executeTakeFirstOrThrow();
    stale = await db().selectFrom('activities').select(['id', 'slug']).where('title', '=', DEMO_STALE.title).executeTakeFirstOrThrow();
    editor = await signedInClient(t, { organisationIds: [kompis.id] });
    editorEmail = (await db().selectFrom('users').innerJoin('userOrganisations', 'userOrganisations.userId', 'users.id').select('email').where('organisationId', '=', kompis.id).executeTakeFirstOrThrow()).email;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('shows "not confirmed since" on the activity page and compactly in the week, in Swedish and Arabic', async () => {
    const page = await new Client(t).request('GET', `/aktivitet/${stale.id}-${stale.slug}`);
    expect(page.statusCode).toBe(200);
    expect(visible(page.body)).toContain('Inte bekräftad sedan 18 augusti 2026');
    const ar = await new Client(t).request('GET', `/ar/aktivitet/${stale.id}-${stale.slug}`);
    expect(visible(ar.body)).toContain('لم يتم التأكيد منذ');
    const week = await new Client(t).request('GET', '/?day=2026-11-25');
    expect(week.body).toContain(DEMO_STALE.title);
    expect(week.body).toMatch(/badge-unconfirmed[^]*Inte bekräftad sedan 18 augusti 2026/);
    // Its next date (every other Wednesday) through the start page's own per-day lists; this week's
    // Wednesday is already past, so the start page only links to that day.
    const start = await new Client(t).request('GET', '/?week=2026-W50');
    expect(start.body).toContain(DEMO_STALE.title);
    expect(start.body).toMatch(/badge-unconfirmed[^]*Inte bekräftad sedan 18 augusti 2026/);
  });

  it('leaves an activity unconfirmed for 180 days out of the week, while its page, organisation page and search keep it', async () => {
    // Its third-Sunday meeting in December is not in the day's list.
    const day = await new Client(t).request('GET', '/?day=2026-12-20');
    expect(day.statusCode).toBe(200);
    expect(day.body).not.toContain(DEMO_HIDDEN.title);
    // The whole week too, drawn day by day by the start page's own query.
    const week = await new Client(t).request('GET', '/?week=2026-W51');
    expect(week.statusCode).toBe(200);
    expect(week.body).not.toContain(DEMO_HIDDEN.title);
    const own = await new Client(t).request('GET', `/aktivitet/${hidden.id}-${hidden.slug}`);
    expect(own.statusCode).toBe(200);
    expect(visible(own.body)).toContain('Inte bekräftad sedan 10 maj 2026');
    const org = await new Client(t).request('GET', `/organisationer/${kompis.slug}`);
    expect(org.body).toContain(DEMO_HIDDEN.title);
    expect(visible(org.body)).toContain('Inte bekräftad sedan 10 maj 2026');
    const search = await new Client(t).request('GET', `/sok?q=${encodeURIComponent('Kulturkompis')}`);
    expect(search.body).toContain(DEMO_HIDDEN.title);
  });

  it('lists stale activities for the coordinator, oldest first, and counts them on the dashboard', async () => {
    const admin = await signedInClient(t, { isAdmin: true });
    const list = await admin.request('GET', '/admin/inaktuella');
    expect(list.statusCode).toBe(200);
    const text = visible(list.body);
    expect(text.indexOf(DEMO_HIDDEN.title)).toBeGreaterThan(-1);
    expect(text.indexOf(DEMO_HIDDEN.title)).toBeLessThan(text.indexOf(DEMO_STALE.title));
    expect(text).toContain('Syns inte i veckan');
    expect(text).toContain(editorEmail);
    const dashboard = await admin.request('GET', '/admin');
    expect(dashboard.body).toContain('href="/admin/inaktuella"');
    expect(visible(dashboard.body)).toContain('2 aktiviteter inte bekräftade på 90 dagar');
    expect((await editor.request('GET', '/admin/inaktuella')).statusCode).toBe(403);
  });

  it('mails each organisation once a month, to its editors, with a link whose opening confirms nothing', async () => {
    clock = new Date(FIXED_NOW.getTime() + DAY);
    await sendMonthlyReminders(deps(), clock);
    await sendMonthlyReminders(deps(), new Date(clock.getTime() + 3 * DAY));
    const mails = await remindersTo(editorEmail);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Stämmer era aktiviteter i Tillsammans?');
    expect(mails[0]!.textBody).toContain(DEMO_HIDDEN.title);
    expect(mails[0]!.textBody).toContain('10 maj 2026');
    // The organisation's address is not used while it has an editor; Sensus (no editor) gets it at its own.
    const sensus = await db().selectFrom('organisations').select('email').where('slug', '=', 'sensus-orebro').executeTakeFirstOrThrow();
    expect(await remindersTo(sensus.email!)).toHaveLength(1);

    const token = linkIn(mails[0]!.textBody);
    const before = await confirmedAt(hidden.id);
    const opened = await new Client(t).request('GET', `/bekrafta/${token}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain(DEMO_HIDDEN.title);
    expect(opened.body).toContain(`/hantera/aktivitet/${hidden.id}`);
    expect(await confirmedAt(hidden.id)).toBe(before);
  });

  it('confirms everything the link listed with one POST, once; the activity is back in the week', async () => {
    const [mail] = await remindersTo(editorEmail);
    const token = linkIn(mail!.textBody);
    const visitor = new Client(t);
    const done = await visitor.submit(`/bekrafta/${token}`, `/bekrafta/${token}`, {});
    expect(done.statusCode).toBe(200);
    expect(visible(done.body)).toContain('Tack!');
    expect(await confirmedAt(hidden.id)).toBe(clock.toISOString());
    const again = await visitor.request('POST', `/bekrafta/${token}`, { _csrf: /name="_csrf" value="([^"]+)"/.exec((await visitor.request('GET', '/logga-in')).body)?.[1] ?? '' });
    expect(again.statusCode).toBe(410);
    expect(visible((await new Client(t).request('GET', `/bekrafta/${token}`)).body)).toContain('Länken är redan använd');
    expect((await new Client(t).request('GET', '/?day=2026-12-20')).body).toContain(DEMO_HIDDEN.title);
    const audit = await db().selectFrom('auditEntries').select(['action', 'after']).where('entity', '=', 'activity').where('entityId', '=', hidden.id).where('action', '=', 'activity.confirmed').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ via: 'link' });
  });

  it('answers an expired or unknown link with a message and confirms nothing', async () => {
    const sensus = await db().selectFrom('organisations').select('email').where('slug', '=', 'sensus-orebro').executeTakeFirstOrThrow();
    const token = linkIn((await remindersTo(sensus.email!))[0]!.textBody);
    clock = new Date(clock.getTime() + 31 * DAY);
    const before = await confirmedAt(stale.id);
    const expired = await new Client(t).request('GET', `/bekrafta/${token}`);
    expect(expired.statusCode).toBe(410);
    expect(visible(expired.body)).toContain('Länken gäller inte längre');
    const unknown = await new Client(t).request('GET', `/bekrafta/${'x'.repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
    expect(await confirmedAt(stale.id)).toBe(before);
  });

  it('mails again the next month (once), listing only what is due', async () => {
    const sensus = await db().selectFrom('organisations').select('email').where('slug', '=', 'sensus-orebro').executeTakeFirstOrThrow();
    await sendMonthlyReminders(deps(), clock);
    await sendMonthlyReminders(deps(), new Date(clock.getTime() + DAY));
    expect(await remindersTo(sensus.email!)).toHaveLength(2);
    const kompisMails = await remindersTo(editorEmail);
    expect(kompisMails).toHaveLength(2);
    // Confirmed by the link five weeks ago: due again, no longer "never" or May.
    expect(kompisMails[1]!.textBody).not.toContain('10 maj 2026');
  });

  it('confirms from the workspace: one activity or all, audited; another organisation cannot', async () => {
    clock = new Date(clock.getTime() + DAY);
    editor = await signedInClient(t, { organisationIds: [kompis.id] });
    const page = await editor.request('GET', `/hantera/${kompis.slug}`);
    expect(page.statusCode).toBe(200);
    expect(visible(page.body)).toContain('Stämmer fortfarande');
    const one = await editor.submit(`/hantera/${kompis.slug}`, `/hantera/${kompis.slug}/aktivitet/${hidden.id}/bekrafta`, {});
    expect(one.statusCode).toBe(303);
    expect(await confirmedAt(hidden.id)).toBe(clock.toISOString());
    expect(visible((await editor.request('GET', `/hantera/${kompis.slug}?sparad=confirmed`)).body)).toContain('Tack! Aktiviteten är bekräftad.');

    clock = new Date(clock.getTime() + 3_600_000);
    const all = await editor.submit(`/hantera/${kompis.slug}`, `/hantera/${kompis.slug}/bekrafta`, {});
    expect(all.statusCode).toBe(303);
    const published = await db()
      .selectFrom('activities')
      .innerJoin('activityHosts', 'activityHosts.activityId', 'activities.id')
      .select(['activities.id', 'activities.confirmedAt'])
      .where('activityHosts.organisationId', '=', kompis.id)
      .where('activities.status', '=', 'published')
      .execute();
    expect(published.length).toBeGreaterThan(1);
    for (const a of published) expect(a.confirmedAt).toBe(clock.toISOString());

    const sensusId = (await db().selectFrom('organisations').select('id').where('slug', '=', 'sensus-orebro').executeTakeFirstOrThrow()).id;
    const other = await signedInClient(t, { organisationIds: [sensusId] });
    const refused = await other.submit('/hantera/sensus-orebro', `/hantera/${kompis.slug}/aktivitet/${hidden.id}/bekrafta`, {});
    expect(refused.statusCode).toBe(403);
    const foreign = await other.submit('/hantera/sensus-orebro', `/hantera/sensus-orebro/aktivitet/${hidden.id}/bekrafta`, {});
    expect(foreign.statusCode).toBe(404);
  });

  it('shows the organisation its existing clashes with other organisations, each linking to the other activity', async () => {
    const sensusEditor = await signedInClient(t, { organisationIds: [(await db().selectFrom('organisations').select('id').where('slug', '=', 'sensus-orebro').executeTakeFirstOrThrow()).id] });
    const pingst = await db().selectFrom('activities').select(['id', 'slug']).where('title', '=', 'Internationellt språkcafé i Pingstkyrkan').executeTakeFirstOrThrow();
    const page = await sensusEditor.request('GET', '/hantera/sensus-orebro');
    expect(page.statusCode).toBe(200);
    const clashes = /<section class="panel" id="clashes"[^]*?<\/section>/.exec(page.body)![0];
    expect(clashes).toContain(`href="/aktivitet/${pingst.id}-${pingst.slug}"`);
    expect(visible(clashes)).toContain('Er aktivitet: Språkcafé i Olaus Petri');
    // Its own co-hosted activities are not clashes with itself.
    expect(visible(clashes)).not.toContain('Er aktivitet: Internationellt');
    const noClash = await editor.request('GET', `/hantera/${kompis.slug}`);
    expect(visible(noClash.body)).toContain('Inga krockar med andra organisationer');
  });

  it('sends a reminder now from the stale list', async () => {
    const admin = await signedInClient(t, { isAdmin: true });
    const sensus = await db().selectFrom('organisations').select(['id', 'email']).where('slug', '=', 'sensus-orebro').executeTakeFirstOrThrow();
    const editors = await db().selectFrom('userOrganisations').innerJoin('users', 'users.id', 'userOrganisations.userId').select('email').where('organisationId', '=', sensus.id).execute();
    const sent = await admin.submit('/admin/inaktuella', `/admin/inaktuella/${sensus.id}/paminn`, {});
    expect(sent.statusCode).toBe(303);
    const after = await admin.request('GET', sent.headers.location as string);
    expect(visible(after.body)).toContain('Påminnelsen är skickad');
    expect(editors.length).toBeGreaterThan(0);
    for (const e of editors) expect(await remindersTo(e.email)).toHaveLength(1);
    const nothing = await admin.submit('/admin/inaktuella', `/admin/inaktuella/${kompis.id}/paminn`, {});
    expect(visible((await admin.request('GET', nothing.headers.location as string)).body)).toContain('har inga aktiviteter att bekräfta');
  });
});
