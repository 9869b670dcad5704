/**
 * The coordinator's comparison of a change (/admin/granska/<id>) lists only the fields whose values
 * differ, each as the public page shows it in the reader's language; and the workspace index tells
 * the coordinator where all organisations are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertActivity } from '../../src/features/calendar/activity.store.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { Client, csrfOf, signedInClient } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';
import { activityInput, scheduleInput } from '../support/factories.js';

const decode = (s: string) =>
  s.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot);/gi, (m, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );

/** Every field of the first form after `marker` as a browser would send it unchanged. */
function formFields(html: string, marker: string): Record<string, string | string[]> {
  const start = html.indexOf(marker);
  const form = html.slice(start, html.indexOf('</form>', start));
  const out: Record<string, string[]> = {};
  const add = (name: string, value: string) => (out[name] ??= []).push(decode(value));
  const attrs = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map((m) => [m[1]!, m[2] ?? '']));
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const a = attrs(tag);
    if (!a.name || a.type === 'submit') continue;
    if ((a.type === 'checkbox' || a.type === 'radio') && !('checked' in a)) continue;
    add(a.name, a.value ?? '');
  }
  for (const m of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) add(attrs(m[1]!).name!, m[2]!);
  for (const m of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const options = [...m[2]!.matchAll(/<option\b[^>]*>/g)].map(([tag]) => attrs(tag));
    add(attrs(m[1]!).name!, (options.find((o) => 'selected' in o) ?? options[0])?.value ?? '');
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.length === 1 ? v[0]! : v]));
}

/** The rows of the comparison table: field, published value, new value, as text. */
function changeRows(html: string): string[][] {
  const table = /<table class="changes">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => decode(c[1]!.replace(/<[^>]+>/g, '')).trim()));
}

describe.skipIf(skipDatabase())(`review comparisons and the workspace index on ${testDialect}`, () => {
  let t: TestApp;
  let admin: Client;
  let editor: Client;
  let org: { id: number; slug: string };

  beforeAll(async () => {
    t = await createTestApp();
    org = await t.database.db.selectFrom('organisations').select(['id', 'slug']).where('slug', '=', 'traffpunkt-oxhagen').where('trusted', '=', 0).executeTakeFirstOrThrow();
    admin = await signedInClient(t, { isAdmin: true });
    editor = await signedInClient(t, { organisationIds: [org.id] });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  /** Saves an activity form, confirming once when saving stops to show a clash with a similar activity. */
  const save = async (url: string, form: Record<string, string | string[]>) => {
    const res = await editor.request('POST', url, form);
    const seen = /name="clashesSeen" value="([^"]+)"/.exec(res.body)?.[1];
    return seen ? editor.request('POST', url, { ...form, clashesSeen: seen, _csrf: csrfOf(res.body) }) : res;
  };

  const revisionOf = async (entity: string, entityId: number) =>
    (await t.database.db.selectFrom('revisions').select('id').where('entity', '=', entity).where('entityId', '=', entityId).where('status', '=', 'pending').executeTakeFirstOrThrow()).id;

  it('lists only the profile field that was changed, not districts, categories or the web address saved the same', async () => {
    const form = await editor.request('GET', `/hantera/${org.slug}/profil`);
    const fields = formFields(form.body, `action="/hantera/${org.slug}/profil"`);
    expect(fields.districtIds, 'the organisation has districts').toBeDefined();
    const res = await editor.request('POST', `/hantera/${org.slug}/profil`, { ...fields, description: 'Vi har öppet varje dag.', action: 'save' });
    expect(res.headers.location).toContain('sparad=submitted');
    const detail = await admin.request('GET', `/admin/granska/${await revisionOf('organisation', org.id)}`);
    expect(changeRows(detail.body).map((r) => r[0])).toEqual(['Beskrivning']);
  });

  it('lists only the activity fields that differ, with labels, weekdays, dates and times as the public page shows them, in Swedish and English', async () => {
    const id = await insertActivity(
      t.database.db,
      activityInput({
        title: 'Språkcafé på Oxhagen',
        category: 'sprakcafe',
        audience: 'newcomers',
        hostIds: [org.id],
        // Stored in another order than the form sends them: the same choices all the same.
        languages: ['ti', 'ar', 'en'],
        ageGroups: ['adults', 'youth'],
        schedule: scheduleInput({ recurrence: { kind: 'weekly', interval: 1, weekdays: ['TU'] }, startDate: '2026-12-01', startTime: '18:00', endTime: '20:00' }),
      }),
      t.app.deps.now(),
      '2026-11-26',
    );
    const form = await editor.request('GET', `/hantera/${org.slug}/aktivitet/${id}`);
    const fields = formFields(form.body, `action="/hantera/${org.slug}/aktivitet/${id}"`);
    expect(fields.languages).toEqual(expect.arrayContaining(['ar', 'en', 'ti']));
    const res = await save(`/hantera/${org.slug}/aktivitet/${id}`, {
      ...fields,
      category: 'laxhjalp',
      weekdays: ['WE'],
      startDate: '2026-12-02',
      startTime: '17:00',
      endTime: '19:00',
      isFree: 'false',
      action: 'save',
      _csrf: csrfOf(form.body),
    });
    expect(res.headers.location).toContain('sparad=submitted');
    const revisionId = await revisionOf('activity', id);

    const sv = changeRows((await admin.request('GET', `/admin/granska/${revisionId}`)).body);
    expect(sv).toEqual([
      ['Typ', 'Språkcafé', 'Läxhjälp'],
      ['Gratis', 'Ja', 'Nej'],
      ['Upprepning', 'Varje tisdag', 'Varje onsdag'],
      ['Första datum', '1 december 2026', '2 december 2026'],
      ['Tid', '18:00–20:00', '17:00–19:00'],
    ]);
    const en = changeRows((await admin.request('GET', `/en/admin/granska/${revisionId}`)).body);
    expect(en).toEqual([
      ['Kind', 'Language café', 'Homework help'],
      ['Free', 'Yes', 'No'],
      ['Repeats', 'Every Tuesday', 'Every Wednesday'],
      ['First date', '1 December 2026', '2 December 2026'],
      ['Time', '18:00–20:00', '17:00–19:00'],
    ]);
    for (const html of [JSON.stringify(sv), JSON.stringify(en)]) expect(html).not.toMatch(/sprakcafe|laxhjalp|FREQ=|BYDAY|true|false|2026-12-0/);
  });

  it('names places and organisations instead of numbering them', async () => {
    const place = await t.database.db.selectFrom('places').select(['id', 'name']).orderBy('id').executeTakeFirstOrThrow();
    const id = await insertActivity(t.database.db, activityInput({ title: 'Läxhjälp utan plats', hostIds: [org.id] }), t.app.deps.now(), '2026-11-26');
    const form = await editor.request('GET', `/hantera/${org.slug}/aktivitet/${id}`);
    const fields = formFields(form.body, `action="/hantera/${org.slug}/aktivitet/${id}"`);
    await save(`/hantera/${org.slug}/aktivitet/${id}`, { ...fields, placeId: String(place.id), action: 'save', _csrf: csrfOf(form.body) });
    const rows = changeRows((await admin.request('GET', `/admin/granska/${await revisionOf('activity', id)}`)).body);
    expect(rows).toHaveLength(1);
    expect(rows[0]![0]).toBe('Plats');
    expect(rows[0]![1]).toBe('—');
    expect(rows[0]![2]).toContain(place.name);
  });

  it('shows the coordinator without organisations of their own the way to all organisations, not "ask the coordinator"', async () => {
    const coordinator = await signedInClient(t, { isAdmin: true });
    const home = await coordinator.request('GET', '/hantera');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('href="/admin/organisationer"');
    expect(home.body).not.toContain('Be samordnaren bjuda in dig');
    const en = await coordinator.request('GET', '/en/hantera');
    expect(en.body).toContain('href="/en/admin/organisationer"');
    expect(en.body).not.toContain('Ask the coordinator');
    // A coordinator who also edits an organisation sees it, and the way to all the others.
    const both = await signedInClient(t, { isAdmin: true, organisationIds: [org.id] });
    const list = await both.request('GET', '/hantera');
    expect(list.body).toContain(`href="/hantera/${org.slug}"`);
    expect(list.body).toContain('href="/admin/organisationer"');
  });
});
