/**
 * Wishes and outcomes: the public "Efterfrågas" page and its anonymous form (errors, honeypot, rate
 * limit), wishes from the public waiting for the coordinator to show or hide them (a guide's shown at
 * once), the coordinator's list a page at a time, merging, splitting off, marking as offered and
 * deleting wishes, and the guide's statistics from cases with no personal field (erased ones counted).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseCase, mergeCases, submitCase, updateCase } from '../../src/features/guide/case.commands.js';
import { findCase } from '../../src/features/guide/case.store.js';
import { insertWish } from '../../src/features/guide/wish.store.js';
import { WISH_ADMIN_PAGE_SIZE } from '../../src/features/guide/wishes.routes.js';
import type { CaseRequest } from '../../src/features/guide/case.js';
import { HONEYPOT_FIELD } from '../../src/features/guide/wishes.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { Client, csrfOf, encodeForm, signedInClient } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';

/** Text of the page without tags, spaces collapsed, for asserting what a reader sees. */
const visible = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ');

/** The card (li) on the public page whose heading holds `label`. */
function card(html: string, label: string): string {
  const cards = html.split('<li').filter((c) => c.startsWith(' class="panel"')).map((c) => c.slice(0, c.indexOf('</li>')));
  const found = cards.find((c) => visible(/<h3>([\s\S]*?)<\/h3>/.exec(c)?.[1] ?? '').trim() === label);
  expect(found, `card ${label}`).toBeTruthy();
  return visible(found!);
}

function request(overrides: Partial<CaseRequest> = {}): CaseRequest {
  return {
    firstName: 'Amal',
    phone: null,
    email: null,
    contactLanguage: 'ar',
    ageGroup: 'adult',
    districtId: null,
    interests: ['idrott'],
    interestText: null,
    freeDays: [],
    freeTimes: [],
    onBehalf: false,
    helperName: null,
    ...overrides,
  };
}

describe.skipIf(skipDatabase())(`wishes and outcomes on ${testDialect}`, () => {
  let t: TestApp;
  let admin: Client;
  let visitor: Client;
  let districts: { id: number; name: string }[];
  let activity: { id: number; slug: string; title: string };

  /** Sends the wish form from an address of its own. */
  async function sendWish(form: Record<string, string>, ip = '127.0.0.1', client = visitor) {
    const token = csrfOf((await client.request('GET', '/efterfragas')).body);
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return t.app.inject({
      method: 'POST',
      url: '/efterfragas',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      remoteAddress: ip,
      payload: encodeForm({ ageGroup: 'adult', ...form, _csrf: token }),
    });
  }

  const wishCount = async () => Number((await t.database.db.selectFrom('wishes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const groupIdOf = async (text: string) => (await t.database.db.selectFrom('wishes').select('id').where('text', '=', text).orderBy('id').executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    // The demo's wishes and cases aside: these tests count from nothing.
    await db.deleteFrom('wishes').execute();
    await db.deleteFrom('guideCases').execute();
    districts = await db.selectFrom('districts').select(['id', 'name']).orderBy('name').limit(2).execute();
    activity = await db.selectFrom('activities').select(['id', 'slug', 'title']).where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
    admin = await signedInClient(t, { isAdmin: true, name: 'Anette' });
    visitor = new Client(t);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('shows an empty list and the form, with a honeypot people never meet', async () => {
    const res = await visitor.request('GET', '/efterfragas');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Efterfrågas</h1>');
    expect(res.body).toContain('Ingen har önskat något ännu.');
    expect(res.body).toContain('Jag skulle vilja …');
    expect(res.body).toMatch(/<div class="honeypot visually-hidden" aria-hidden="true"><label for="field-lamna_tomt">Lämna tomt<\/label><input id="field-lamna_tomt" name="lamna_tomt" type="text" value(="")? tabindex="-1" autocomplete="off"\/?>/);
    // No name, no e-mail, no phone.
    expect(res.body).not.toMatch(/name="(firstName|email|phone|name)"/);
    // The category choices carry their icons.
    expect(res.body).toMatch(/<input type="radio" name="category" value="idrott"\/?><svg class="icon"[^>]*><use href="[^"]+#volleyball"/);
  });

  it('shows each error beside its field and keeps what was typed', async () => {
    const res = await sendWish({ text: 'Billigt på http://spam.example', ageGroup: 'marsian', districtId: '999999' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Skriv utan länkar.');
    expect(res.body).toContain('value="Billigt på http://spam.example"');
    expect(res.body).toMatch(/id="field-ageGroup-error">Välj ett av alternativen\./);
    const empty = await sendWish({ districtId: String(districts[0]!.id) });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toMatch(/id="field-category-error">Välj en sak eller skriv vad du vill göra\./);
    expect(empty.body).toMatch(new RegExp(`<option value="${districts[0]!.id}" selected`));
    const contact = await sendWish({ text: 'Simning, ring mig 070-123 45 67' });
    expect(contact.body).toContain('Skriv inte e-post eller telefonnummer här.');
    const long = await sendWish({ text: 'x'.repeat(201) });
    expect(long.body).toContain('Skriv högst 200 tecken.');
    expect(await wishCount()).toBe(0);
  });

  it('stores wishes without anything about the sender and counts them per district and age group', async () => {
    const [a, b] = districts;
    const sent: Record<string, string>[] = [
      { text: 'Simning', ageGroup: 'adult', districtId: String(a!.id) },
      { text: 'simning ', ageGroup: 'child', districtId: String(a!.id) },
      { text: 'SIMNING!', ageGroup: 'child', districtId: String(b!.id) },
      { text: 'swimming', ageGroup: 'adult', districtId: '' },
      { category: 'idrott', ageGroup: 'youth', districtId: String(b!.id) },
      { text: 'Köp billiga klockor', ageGroup: 'adult' },
    ];
    for (const [i, form] of sent.entries()) {
      const res = await sendWish(form, `198.51.100.${i + 1}`);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/efterfragas?tack=1');
    }
    const rows = await t.database.db.selectFrom('wishes').selectAll().execute();
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.source === 'public' && r.caseId === null)).toBe(true);

    // Nothing of it is public until the coordinator has read it.
    expect(rows.every((r) => r.status === 'pending')).toBe(true);
    const waiting = await visitor.request('GET', '/efterfragas?tack=1');
    expect(waiting.body).toContain('Tack! Samordnaren läser ditt önskemål, och sedan visas det här.');
    expect(waiting.body).toContain('Ingen har önskat något ännu.');
    for (const text of ['Simning', 'SIMNING', 'swimming', 'klockor']) expect(waiting.body, text).not.toContain(text);
    for (const prefix of ['/en', '/ar']) expect((await visitor.request('GET', `${prefix}/efterfragas`)).body).not.toContain('klockor');
    const list = await admin.request('GET', '/admin/onskemal');
    expect(visible(list.body)).toContain('Väntar 6 Visas 0 Dolda 0');
    expect(visible(list.body)).toContain('Väntar (6)');
    expect(list.body).toContain('Köp billiga klockor');
    const shown = await admin.submit('/admin/onskemal', '/admin/onskemal/granska', { ids: rows.map((r) => String(r.id)), decision: 'approve' });
    expect(shown.statusCode).toBe(303);
    expect(shown.headers.location).toBe('/admin/onskemal?klart=approved');
    expect(visible((await admin.request('GET', shown.headers.location as string)).body)).toContain('Önskemålen visas nu på sidan Efterfrågas.');
    const approved = await t.database.db.selectFrom('auditEntries').selectAll().where('action', '=', 'wish.approved').executeTakeFirstOrThrow();
    expect(JSON.parse(approved.after!)).toMatchObject({ wishes: 6 });

    const page = await visitor.request('GET', '/efterfragas');
    const swim = card(page.body, 'Simning');
    expect(swim).toContain('3 önskemål');
    expect(swim).toContain('Vuxna 1 och Barn 2');
    expect(swim).toContain(`${a!.name} 2 och ${b!.name} 1`);
    expect(card(page.body, 'Idrott')).toContain(`Unga 1`);
    expect(card(page.body, 'swimming')).toContain('Inget område 1');
    // Biggest first; free text marked as written.
    expect(page.body.indexOf('>Simning<')).toBeLessThan(page.body.indexOf('>swimming<'));
    expect(page.body).toContain('<bdi lang="sv" dir="auto">Simning</bdi>');
  });

  it('hides a wish the coordinator does not want shown: it never reaches the public page, and one click shows it after all', async () => {
    expect((await sendWish({ text: 'Alla grannar är dumma' }, '198.51.100.60')).statusCode).toBe(303);
    const id = await groupIdOf('Alla grannar är dumma');
    const hidden = await admin.submit('/admin/onskemal', '/admin/onskemal/granska', { hide: String(id) });
    expect(hidden.statusCode).toBe(303);
    expect(hidden.headers.location).toBe('/admin/onskemal?klart=hidden');
    for (const prefix of ['', '/en', '/ar']) expect((await visitor.request('GET', `${prefix}/efterfragas`)).body).not.toContain('grannar');
    const list = await admin.request('GET', '/admin/onskemal');
    expect(visible(list.body)).toContain('Väntar 0 Visas 6 Dolda 1');
    expect(list.body).toContain('Inga önskemål väntar.');
    const hiddenList = await admin.request('GET', '/admin/onskemal?lista=dolda');
    expect(hiddenList.body).toContain('Alla grannar är dumma');
    expect(hiddenList.body).toContain(`name="approve" value="${id}"`);
    // The audit log names how many, never the text someone may have wanted kept out of sight.
    const audit = await t.database.db.selectFrom('auditEntries').selectAll().where('action', '=', 'wish.hidden').executeTakeFirstOrThrow();
    expect(JSON.stringify(audit)).not.toContain('grannar');
    expect((await admin.submit('/admin/onskemal', '/admin/onskemal/granska', {})).statusCode).toBe(400);
    expect((await admin.submit('/admin/onskemal?lista=dolda', '/admin/onskemal/granska', { approve: String(id) })).statusCode).toBe(303);
    expect(card((await visitor.request('GET', '/efterfragas')).body, 'Alla grannar är dumma')).toContain('1 önskemål');
    await t.database.db.deleteFrom('wishes').where('id', '=', id).execute();
  });

  it('shows a wish a guide recorded from a case at once', async () => {
    const id = await insertWish(t.database.db, { category: 'arbete', text: null, ageGroup: 'adult', districtId: null, source: 'case', caseId: null }, t.app.deps.now());
    expect((await t.database.db.selectFrom('wishes').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('approved');
    expect(card((await visitor.request('GET', '/efterfragas')).body, 'Jobb')).toContain('1 önskemål');
    await t.database.db.deleteFrom('wishes').where('id', '=', id).execute();
  });

  it('shows the list in every language, category names translated and free text as written', async () => {
    const ar = await visitor.request('GET', '/ar/efterfragas');
    expect(ar.statusCode).toBe(200);
    expect(ar.body).toMatch(/<html lang="ar" dir="rtl"/);
    expect(ar.body).toContain('<bdi lang="sv" dir="auto">Simning</bdi>');
    const en = await visitor.request('GET', '/en/efterfragas');
    expect(en.body).toContain('<h1>Asked for</h1>');
    expect(visible(en.body)).toContain('3 wishes');
    expect(en.body).toContain('action="/en/efterfragas"');
  });

  it('thanks a robot that fills in the honeypot like a person, and stores nothing', async () => {
    const before = await wishCount();
    const res = await sendWish({ text: 'Fotboll', [HONEYPOT_FIELD]: 'http://bot.example' }, '198.51.100.50');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/efterfragas?tack=1');
    expect(await wishCount()).toBe(before);
  });

  it('lets one address send ten wishes an hour, then explains why not and keeps the text', async () => {
    const ip = '203.0.113.9';
    for (let i = 0; i < 10; i++) expect((await sendWish({ category: 'kultur' }, ip)).statusCode).toBe(303);
    const res = await sendWish({ text: 'Schack' }, ip);
    expect(res.statusCode).toBe(429);
    expect(res.body).toContain('Många önskemål har skickats härifrån nyss. Vänta en timme och försök igen.');
    expect(res.body).toContain('value="Schack"');
    // Another address is not held back.
    expect((await sendWish({ text: 'Schack' }, '203.0.113.10')).statusCode).toBe(303);
    await t.database.db.deleteFrom('wishes').where('category', '=', 'kultur').execute();
    await t.database.db.deleteFrom('wishes').where('text', '=', 'Schack').execute();
  });

  it('keeps the coordinator’s wish screens from everyone else', async () => {
    const editor = await signedInClient(t, { organisationIds: [1] });
    const guide = await signedInClient(t, { isGuide: true });
    const id = await groupIdOf('Simning');
    for (const c of [editor, guide]) {
      expect((await c.request('GET', '/admin/onskemal')).statusCode).toBe(403);
      const token = csrfOf((await c.request('GET', '/konto')).body);
      expect((await c.request('POST', '/admin/onskemal/sla-ihop', { merge: [String(id)], into: String(id), _csrf: token })).statusCode).toBe(403);
      expect((await c.request('POST', `/admin/onskemal/${id}/finns`, { activityId: String(activity.id), _csrf: token })).statusCode).toBe(403);
      expect((await c.request('POST', `/admin/onskemal/${id}/ta-bort`, { _csrf: token })).statusCode).toBe(403);
    }
    expect((await new Client(t).request('GET', '/admin/onskemal')).statusCode).toBe(303);
  });

  it('merges similar wishes into one, and splits one off again, with both in the audit log', async () => {
    const list = await admin.request('GET', '/admin/onskemal');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('href="/admin/onskemal" aria-current="page"');
    const swim = await groupIdOf('Simning');
    const swimming = await groupIdOf('swimming');

    const none = await admin.submit('/admin/onskemal', '/admin/onskemal/sla-ihop', { into: String(swim) });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Välj minst ett önskemål och det du vill slå ihop dem med.');

    const merged = await admin.submit('/admin/onskemal', '/admin/onskemal/sla-ihop', { merge: [String(swim), String(swimming)], into: String(swim) });
    expect(merged.statusCode).toBe(303);
    expect(merged.headers.location).toBe('/admin/onskemal?klart=merged');
    const after = await admin.request('GET', merged.headers.location as string);
    expect(after.body).toContain('Önskemålen är ihopslagna.');
    expect(visible(after.body)).toContain('Ihopslaget med: swimming');
    const page = await visitor.request('GET', '/efterfragas');
    expect(card(page.body, 'Simning')).toContain('4 önskemål');
    expect(page.body).not.toContain('>swimming<');
    const audit = await t.database.db.selectFrom('auditEntries').selectAll().where('action', '=', 'wish.merged').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after!)).toEqual({ into: 'Simning', merged: ['swimming'], wishes: 1 });

    const split = await admin.submit(`/admin/onskemal/${swim}`, `/admin/onskemal/${swim}/dela`, { key: 't:swimming' });
    expect(split.statusCode).toBe(303);
    expect(card((await visitor.request('GET', '/efterfragas')).body, 'Simning')).toContain('3 önskemål');
    expect(await t.database.db.selectFrom('auditEntries').select('id').where('action', '=', 'wish.unmerged').execute()).toHaveLength(1);
    // Merged for good for the rest of the test.
    await admin.submit('/admin/onskemal', '/admin/onskemal/sla-ihop', { merge: [String(swimming)], into: String(swim) });
  });

  it('marks a wish as offered by a published activity: it leaves the list and links to the activity', async () => {
    const swim = await groupIdOf('Simning');
    const bad = await admin.submit(`/admin/onskemal/${swim}`, `/admin/onskemal/${swim}/finns`, { activityId: '999999' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Välj en aktivitet i listan.');

    const res = await admin.submit(`/admin/onskemal/${swim}`, `/admin/onskemal/${swim}/finns`, { activityId: String(activity.id) });
    expect(res.statusCode).toBe(303);
    const page = await visitor.request('GET', '/efterfragas');
    const open = page.body.slice(page.body.indexOf('id="wishes-open"'), page.body.indexOf('id="wishes-offered"'));
    expect(open).not.toContain('>Simning<');
    const offered = page.body.slice(page.body.indexOf('id="wishes-offered"'), page.body.indexOf('id="wish-form"'));
    expect(offered).toContain('>Simning<');
    expect(offered).toContain(`Nu finns: <a href="/aktivitet/${activity.id}-${activity.slug}">`);
    const audit = await t.database.db.selectFrom('auditEntries').selectAll().where('action', '=', 'wish.served').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after!)).toEqual({ wish: 'Simning', activity: `${activity.title} (${activity.id})` });

    // Unpublished later: the wish is back on the list.
    await t.database.db.updateTable('activities').set({ status: 'draft' }).where('id', '=', activity.id).execute();
    const back = await visitor.request('GET', '/efterfragas');
    expect(back.body).not.toContain('id="wishes-offered"');
    expect(card(back.body, 'Simning')).toContain('4 önskemål');
    await t.database.db.updateTable('activities').set({ status: 'published' }).where('id', '=', activity.id).execute();
  });

  it('deletes an abusive wish, audited', async () => {
    const id = await groupIdOf('Köp billiga klockor');
    const res = await admin.submit(`/admin/onskemal/${id}`, `/admin/onskemal/${id}/ta-bort`, {});
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/onskemal?klart=deleted');
    expect((await visitor.request('GET', '/efterfragas')).body).not.toContain('klockor');
    const audit = await t.database.db.selectFrom('auditEntries').selectAll().where('action', '=', 'wish.deleted').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before!)).toEqual({ wish: 'Köp billiga klockor', wishes: 1 });
    expect((await admin.request('GET', `/admin/onskemal/${id}`)).statusCode).toBe(404);
    // A category cannot be deleted: it was a choice the form offered.
    const idrott = (await t.database.db.selectFrom('wishes').select('id').where('category', '=', 'idrott').executeTakeFirstOrThrow()).id;
    expect((await admin.submit(`/admin/onskemal/${idrott}`, `/admin/onskemal/${idrott}/ta-bort`, {})).statusCode).toBe(404);
  });

  it('pages the coordinator’s list of wishes shown and of wishes waiting', async () => {
    const db = t.database.db;
    const now = t.app.deps.now();
    const made: number[] = [];
    for (let i = 1; i <= WISH_ADMIN_PAGE_SIZE + 5; i++) {
      made.push(await insertWish(db, { category: null, text: `Önskan nummer ${i}`, ageGroup: 'adult', districtId: null, source: 'public', caseId: null, status: 'approved' }, now));
      made.push(await insertWish(db, { category: null, text: `Väntande nummer ${i}`, ageGroup: 'adult', districtId: null, source: 'public', caseId: null }, now));
    }
    try {
      const first = await admin.request('GET', '/admin/onskemal');
      const groupRows = (html: string) => html.slice(html.indexOf('id="wish-groups"')).split('name="merge" value=').length - 1;
      const queueRows = (html: string) => html.slice(html.indexOf('id="wish-queue"'), html.indexOf('id="wish-groups"')).split('name="ids" value=').length - 1;
      expect(groupRows(first.body)).toBe(WISH_ADMIN_PAGE_SIZE);
      expect(queueRows(first.body)).toBe(WISH_ADMIN_PAGE_SIZE);
      expect(first.body).toContain('>Väntande nummer 1<');
      expect(first.body).not.toContain(`>Väntande nummer ${WISH_ADMIN_PAGE_SIZE + 1}<`);
      expect(first.body).toContain('href="/admin/onskemal?sida=2"');
      expect(first.body).toContain('href="/admin/onskemal?lsida=2"');
      const second = await admin.request('GET', '/admin/onskemal?sida=2');
      expect(groupRows(second.body)).toBeGreaterThanOrEqual(5);
      expect(second.body).toContain(`>Önskan nummer ${WISH_ADMIN_PAGE_SIZE + 5}<`);
      const queue = await admin.request('GET', '/admin/onskemal?lsida=2');
      expect(queueRows(queue.body)).toBe(5);
      expect(queue.body).toContain(`>Väntande nummer ${WISH_ADMIN_PAGE_SIZE + 5}<`);
      // Every group stays a choice to merge into, whatever page it is on.
      expect(first.body).toContain(`Önskan nummer ${WISH_ADMIN_PAGE_SIZE + 5} (1)`);
      expect((await admin.request('GET', '/admin/onskemal?sida=0')).statusCode).toBe(400);
    } finally {
      await db.deleteFrom('wishes').where('id', 'in', made).execute();
    }
  });

  it('never serves the form from the response cache: each visitor’s token works', async () => {
    const cached = await createTestApp({ cacheTtlSeconds: 60 });
    try {
      for (const [i, ip] of ['192.0.2.1', '192.0.2.2'].entries()) {
        const client = new Client(cached);
        const page = await client.request('GET', '/efterfragas');
        expect(page.headers['x-cache'], `visitor ${i}`).toBeUndefined();
        const res = await cached.app.inject({
          method: 'POST',
          url: '/efterfragas',
          headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
          remoteAddress: ip,
          payload: encodeForm({ category: 'natur', ageGroup: 'adult', _csrf: csrfOf(page.body) }),
        });
        expect(res.statusCode, `visitor ${i}`).toBe(303);
      }
    } finally {
      await cached.close();
    }
    // A second app with its own demo data: building it alone takes seconds on PostgreSQL.
  }, 60_000);

  describe('statistics', () => {
    beforeAll(async () => {
      const db = t.database.db;
      const [a, b] = districts;
      const at = (iso: string) => new Date(iso);
      // October: two cases, first contact after 2 and 4 days; one joined, one did not (and was erased).
      const joined = (await submitCase(db, request({ firstName: 'Amal', phone: '+46701111111', districtId: a!.id, interests: ['idrott'] }), at('2026-10-05T08:00:00Z'))).case;
      await updateCase(db, joined, { status: 'contacted' }, at('2026-10-07T08:00:00Z'));
      await updateCase(db, (await findCase(db, joined.id))!, { status: 'joined' }, at('2026-10-20T08:00:00Z'));
      const erased = (await submitCase(db, request({ firstName: 'Bilal', email: 'bilal@example.test', districtId: b!.id, interests: ['idrott', 'sprakcafe'] }), at('2026-10-10T08:00:00Z'))).case;
      await updateCase(db, erased, { status: 'not_joined' }, at('2026-10-14T08:00:00Z'));
      await eraseCase(db, erased.id, at('2026-11-20T08:00:00Z'));
      // November: one person asking twice (a guide merged the two into one case with two requests), not contacted yet.
      const carin = (await submitCase(db, request({ firstName: 'Carin', phone: '+46702222222', interests: [] }), at('2026-11-02T08:00:00Z'))).case;
      const again = (await submitCase(db, request({ firstName: 'Carin', phone: '+46702222222', interests: [] }), at('2026-11-03T08:00:00Z'))).case;
      expect(await mergeCases(db, carin.id, again.id, at('2026-11-04T08:00:00Z'))).toBe(true);
      // Long ago: outside the twelve months.
      await submitCase(db, request({ firstName: 'Dara', phone: '+46703333333' }), at('2025-06-01T08:00:00Z'));
    });

    /** The cells of the table row whose header is `label`, as text. */
    function row(html: string, tableId: string, label: string): string[] {
      const table = html.slice(html.indexOf(`id="${tableId}"`), html.indexOf('</table>', html.indexOf(`id="${tableId}"`)));
      const tr = table.split('<tr>').find((r) => visible(/<th scope="row">([\s\S]*?)<\/th>/.exec(r)?.[1] ?? '').trim() === label);
      expect(tr, `${tableId} row ${label}`).toBeTruthy();
      return [...tr!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => visible(m[1]!).trim());
    }

    it('counts requests per month, days to first contact and the share who joined, erased cases included', async () => {
      const guide = await signedInClient(t, { isGuide: true });
      const res = await guide.request('GET', '/lots/statistik');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<h1>Statistik för föreningslotsen</h1>');
      expect(row(res.body, 'stats-months', 'oktober 2026')).toEqual(['2', '2', '3']);
      expect(row(res.body, 'stats-months', 'november 2026')).toEqual(['1', '2', '– Inga uppgifter']);
      expect(row(res.body, 'stats-months', 'december 2025')).toEqual(['0', '0', '– Inga uppgifter']);
      expect(res.body).not.toContain('juni 2025');
      // Interest, cases, requests, median days, closed, joined, share.
      expect(row(res.body, 'stats-interests', 'Idrott')).toEqual(['2', '2', '3', '2', '1', '50 %']);
      expect(row(res.body, 'stats-interests', 'Språkcafé')).toEqual(['1', '1', '4', '1', '0', '0 %']);
      expect(row(res.body, 'stats-interests', 'Inget valt')).toEqual(['1', '2', '– Inga uppgifter', '0', '0', '– Inga uppgifter']);
      expect(row(res.body, 'stats-districts', districts[0]!.name)).toEqual(['1', '1', '2', '1', '1', '100 %']);
      expect(row(res.body, 'stats-districts', districts[1]!.name)).toEqual(['1', '1', '4', '1', '0', '0 %']);
      expect(row(res.body, 'stats-districts', 'Inget område')).toEqual(['1', '2', '– Inga uppgifter', '0', '0', '– Inga uppgifter']);
      // Nothing personal, not even of cases not yet erased.
      for (const personal of ['Amal', 'Bilal', 'Carin', '+4670', 'bilal@example.test']) expect(res.body).not.toContain(personal);
      const en = await guide.request('GET', '/en/lots/statistik');
      expect(en.body).toContain('<caption id="stats-months-caption">Requests per month');
      expect(row(en.body, 'stats-interests', 'Sport')).toEqual(['2', '2', '3', '2', '1', '50%']);
    });

    it('is for guides and coordinators only', async () => {
      expect((await admin.request('GET', '/lots/statistik')).statusCode).toBe(200);
      expect((await (await signedInClient(t, { organisationIds: [1] })).request('GET', '/lots/statistik')).statusCode).toBe(403);
      expect((await (await signedInClient(t, { isTranslator: true })).request('GET', '/lots/statistik')).statusCode).toBe(403);
      const anonymous = await new Client(t).request('GET', '/lots/statistik');
      expect(anonymous.statusCode).toBe(303);
      expect(anonymous.headers.location).toMatch(/^\/logga-in\?next=/);
    });
  });
});
