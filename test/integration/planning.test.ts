/** The public week grid: counts that match the activities, gaps, cell links, and bad input. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { Client, csrfOf, signedInClient } from '../support/client.js';
import { skipDatabase, testDialect } from '../support/db.js';

describe.skipIf(skipDatabase())(`week grid on ${testDialect}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  /** The table's figure for a weekday column (1–7) and an hour row. */
  function cell(html: string, weekday: number, hour: string): string {
    const row = new RegExp(`<tr><th scope="row"><bdi dir="ltr">${hour}</bdi></th>(.*?)</tr>`).exec(html)?.[1] ?? '';
    const cells = [...row.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    return cells[weekday - 1] ?? '';
  }

  it('counts the language cafés running in each slot, with an equivalent table and links', async () => {
    const res = await get('/planering?category=sprakcafe&from=2026-11-23&weeks=1');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<svg class="heatmap"');
    expect(html).toContain('<table class="grid-table">');
    // Compare one busy slot with the API: language cafés running on Thursday 26 November at 18:00–19:00.
    const api = (await get('/api/v1/activities?from=2026-11-26&to=2026-11-26&category=sprakcafe')).json();
    const at18 = new Set(
      api.occurrences
        .filter((o: any) => o.status !== 'cancelled' && o.startTime < '19:00' && (o.endTime > '18:00' || o.endTime <= o.startTime))
        .map((o: any) => o.activity.id),
    );
    expect(cell(html, 4, '18:00')).toBe(String(at18.size));
    expect(at18.size).toBeGreaterThanOrEqual(2);
    expect(html).toContain('/planering/tid?category=sprakcafe&amp;weeks=1&amp;from=2026-11-23&amp;weekday=4&amp;hour=18');
  });

  it('lists the activities of one slot', async () => {
    const res = await get('/planering/tid?category=sprakcafe&weeks=1&from=2026-11-23&weekday=4&hour=18');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('torsdag kl. 18:00');
    expect((res.body.match(/<span class="occ-title">/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });

  it('says where nothing is on', async () => {
    const res = await get('/planering?category=natur&from=2026-11-23&weeks=1');
    expect(res.body).toContain('Här finns luckor: Natur');
    expect(res.body).toMatch(/Inget alls på [^<]+\./);
    expect(res.body).toMatch(/Inget i [^<]+\./);
  });

  it('answers bad parameters with 400', async () => {
    for (const url of ['/planering?weeks=99', '/planering?from=2026-02-30', '/planering?category=x', '/planering/tid?weekday=8&hour=1', '/planering/tid?hour=3']) {
      expect((await get(url)).statusCode, url).toBe(400);
    }
  });
});

describe.skipIf(skipDatabase())(`summer and clashes on ${testDialect}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('shows each language café open or closed week by week over the summer', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/planering/sommar?category=sprakcafe&year=2027' });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('Sommaren 2027');
    // Midsummer eve 2027 is Friday 25 June (week 25); 15 August is in week 32.
    expect(html).toContain('vecka 25');
    expect(html).toContain('vecka 32');
    expect(html).not.toContain('vecka 24<');
    const rows = html.match(/<tr id="activity-\d+"><th scope="row" class="activity-cell">/g) ?? [];
    expect(rows.length).toBeGreaterThanOrEqual(8);
    // The demo gives some cafés a summer break and keeps others open: both appear.
    expect(html).toContain('class="open"');
    expect(html).toContain('class="closed"');
  });

  it('lets an organisation open one summer week of its language café right on the summer page', async () => {
    const db = t.database.db;
    const org = await db.selectFrom('organisations').select('id').where('slug', '=', 'svenska-kyrkan-olaus-petri').executeTakeFirstOrThrow();
    const activity = await db.selectFrom('activities').select('id').where('title', '=', 'Språkcafé i Olaus Petri').executeTakeFirstOrThrow();
    const editor = await signedInClient(t, { organisationIds: [org.id] });
    const page = await editor.request('GET', '/planering/sommar?category=sprakcafe&year=2027');
    // Buttons only on the organisation's own rows.
    expect(page.body).toContain(`name="activityId" value="${activity.id}"`);
    expect((page.body.match(/name="activityId"/g) ?? []).length).toBeLessThan(30);
    const week28 = '2027-07-12';
    const row = () => new RegExp(`<tr id="activity-${activity.id}">(.*?)</tr>`).exec(page.body)![1]!;
    expect(row()).not.toContain('aria-pressed="true"');
    const form = { activityId: String(activity.id), monday: week28, open: 'true', category: 'sprakcafe', year: '2027', _csrf: csrfOf(page.body) };
    const other = await signedInClient(t, { organisationIds: [1] });
    const otherPage = await other.request('GET', '/konto');
    expect((await other.request('POST', '/planering/sommar/vecka', { ...form, _csrf: csrfOf(otherPage.body) })).statusCode).toBe(403);
    expect((await new Client(t).request('POST', '/planering/sommar/vecka', form)).statusCode).toBe(401);
    expect((await editor.request('POST', '/planering/sommar/vecka', { ...form, monday: '2027-07-13' })).statusCode).toBe(400);
    const res = await editor.request('POST', '/planering/sommar/vecka', form);
    expect(res.statusCode).toBe(303);
    const after = await editor.request('GET', '/planering/sommar?category=sprakcafe&year=2027');
    const cells = new RegExp(`<tr id="activity-${activity.id}">(.*?)</tr>`).exec(after.body)![1]!;
    expect((cells.match(/aria-pressed="true"/g) ?? []).length).toBe(1);
    const occurrence = await db.selectFrom('occurrences').select('localDate').where('activityId', '=', activity.id).where('localDate', '>=', week28).where('localDate', '<=', '2027-07-18').execute();
    expect(occurrence.map((o) => o.localDate)).toEqual(['2027-07-15']);
    // And closed again.
    await editor.request('POST', '/planering/sommar/vecka', { ...form, open: 'false', _csrf: csrfOf(after.body) });
    expect(await db.selectFrom('occurrences').select('localDate').where('activityId', '=', activity.id).where('localDate', '>=', week28).where('localDate', '<=', '2027-07-18').execute()).toEqual([]);
  });

  it('lists clashes only for the coordinator, with both activities and their contacts', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/planering/krockar?category=sprakcafe' });
    expect(anonymous.statusCode).toBe(303);
    const editor = await signedInClient(t, { organisationIds: [1] });
    expect((await editor.request('GET', '/planering/krockar')).statusCode).toBe(403);
    const admin = await signedInClient(t, { isAdmin: true });
    const res = await admin.request('GET', '/planering/krockar?category=sprakcafe&district=centrum');
    expect(res.statusCode).toBe(200);
    // The demo's two Thursday-evening language cafés in Centrum clash.
    expect(res.body).toContain('Språkcafé i Olaus Petri');
    expect(res.body).toContain('Internationellt språkcafé i Pingstkyrkan');
    expect(res.body).toContain('Samma område');
    expect(res.body).toMatch(/href="mailto:[^"]+"/);
  });
});
