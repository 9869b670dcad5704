import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { findLanguage, translator } from '../../i18n/index.js';
import { makePageContext, PageProvider, type PageContext } from '../../web/page.js';
import { CATEGORY_CODES } from '../taxonomy/index.js';
import type { OccurrenceItem } from './activity.js';
import { OccurrenceRow, rowKey } from './components.js';

const assets: PageContext['assets'] = { url: (name) => `/static/${name}`, bytes: () => Buffer.alloc(0) };
const page = (code: string) =>
  makePageContext({ lang: findLanguage(code)!, t: translator(code), path: '/', search: '', assets, today: '2026-11-26', publicUrl: 'http://tillsammans.test', signedIn: null });

const item: OccurrenceItem = {
  activityId: 7,
  slug: 'sprakcafe-vivalla',
  title: 'Språkcafé',
  category: 'sprakcafe',
  audience: 'everyone',
  gender: 'women',
  isFree: true,
  localDate: '2026-11-26',
  startTime: '18:00',
  endTime: '20:00',
  startsAt: '2026-11-26T17:00:00.000Z',
  endsAt: '2026-11-26T19:00:00.000Z',
  status: 'moved',
  originalDate: '2026-11-24',
  note: 'Ny lokal',
  place: { id: 3, name: 'Vivalla bibliotek', address: 'Vivallagatan 1', latitude: 59.29, longitude: 15.16, districtSlug: 'vivalla', districtName: 'Vivalla' },
  hosts: [{ id: 4, slug: 'rodakorset', name: 'Röda Korset' }],
  localTitle: { text: 'Language café', lang: 'en', machine: true, outdated: false },
  unconfirmedSince: '2026-08-01T10:00:00.000Z',
};

const draw = (code: string, o: OccurrenceItem) =>
  renderToString(
    <PageProvider page={page(code)}>
      <OccurrenceRow item={o} />
    </PageProvider>,
  );

/** Every way of changing one field of the item: each leaf value replaced by another of its kind. */
function variants(o: OccurrenceItem): [string, OccurrenceItem][] {
  const out: [string, OccurrenceItem][] = [];
  const other = (v: unknown): unknown[] => {
    if (typeof v === 'number') return [v + 1];
    if (typeof v === 'boolean') return [!v];
    if (v === null) return ['något'];
    if (typeof v !== 'string') return [];
    if (/^\d\d:\d\d$/.test(v)) return ['07:45'];
    if (/^\d{4}-\d\d-\d\d$/.test(v)) return ['2026-12-01'];
    if (/^\d{4}-\d\d-\d\dT/.test(v)) return ['2026-12-01T06:45:00.000Z'];
    const enums: Record<string, string> = { moved: 'cancelled', everyone: 'volunteers', women: 'all', en: 'ar' };
    return [`${v}x`, ...(enums[v] ? [enums[v]] : [])];
  };
  const walk = (value: unknown, path: (string | number)[]) => {
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, Array.isArray(value) ? Number(k) : k]);
      return;
    }
    const replacements = path[0] === 'category' ? [CATEGORY_CODES.find((c) => c !== value)] : other(value);
    for (const replacement of replacements) {
      const copy = structuredClone(o) as unknown as Record<string | number, unknown>;
      let target = copy;
      for (const step of path.slice(0, -1)) target = target[step] as Record<string | number, unknown>;
      target[path.at(-1)!] = replacement;
      out.push([`${path.join('.')} = ${String(replacement)}`, copy as unknown as OccurrenceItem]);
    }
  };
  walk(o, []);
  out.push(['no place', { ...o, place: null }], ['no translation', { ...o, localTitle: undefined }], ['two hosts', { ...o, hosts: [...o.hosts, { id: 5, slug: 'abf', name: 'ABF' }] }]);
  out.push(['confirmed', { ...o, unconfirmedSince: undefined }], ['no note', { ...o, note: null }], ['not moved', { ...o, status: 'scheduled' }]);
  return out;
}

describe('the key of a drawn row', () => {
  it('changes whenever the drawn row changes, field by field, in Swedish and Arabic', () => {
    for (const code of ['sv', 'ar']) {
      const base = draw(code, item);
      const baseKey = rowKey(code, item);
      for (const [change, changed] of variants(item)) {
        const html = draw(code, changed);
        const key = rowKey(code, changed);
        if (html !== base) expect(key, `${code}: ${change} changes the row but not its key`).not.toBe(baseKey);
      }
    }
  });

  it('differs between languages', () => {
    expect(rowKey('sv', item)).not.toBe(rowKey('ar', item));
  });
});
