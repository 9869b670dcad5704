/**
 * Wishes counted for associations to see: grouped by what was asked for, merged wishes under the
 * wish they were merged into, with counts per age group and district. Pure, and knows no person.
 */
import { CASE_AGE_GROUPS, type CaseAgeGroup } from './case.js';

/** The longest free-text wish the public form takes. */
export const WISH_TEXT_MAX = 200;

/** What aggregation needs of a stored wish: no case, no date, nothing about who asked. */
export interface WishRecord {
  id: number;
  category: string | null;
  text: string | null;
  ageGroup: string;
  districtId: number | null;
  mergedInto: number | null;
  servedByActivityId: number | null;
}

/** A label merged into a group from another label, as the coordinator sees it. */
export interface MergedLabel {
  key: string;
  category: string | null;
  text: string | null;
  count: number;
  /** The wishes carrying this label; unmerging frees them. */
  ids: number[];
}

/** All wishes for one thing: "Fotboll" asked 7 times, 4 adults, 3 children, most in Vivalla. */
export interface WishGroup {
  /** The wish the others count under (the oldest unmerged wish with this label). */
  id: number;
  key: string;
  /** The category code for a category wish; null for free text. */
  category: string | null;
  /** The free text as first written; null for a category wish. */
  text: string | null;
  total: number;
  ageGroups: Record<CaseAgeGroup, number>;
  /** Biggest first; `districtId` null for wishes without a district, listed last among equals. */
  districts: { districtId: number | null; count: number }[];
  /** The activity that now offers it, when the coordinator has said so. */
  servedByActivityId: number | null;
  /** Unmerged wishes with the group's own label: what serving the group marks. */
  rootIds: number[];
  /** Every wish counted in the group. */
  memberIds: number[];
  /** Other labels merged into this group, biggest first. */
  merged: MergedLabel[];
}

/** Free text compared the way a reader would: spaces, case and closing punctuation do not matter. */
export function normaliseWishText(text: string): string {
  return text
    .normalize('NFC')
    .trim()
    .replace(/\s+/gu, ' ')
    .replace(/[.!?…,;:]+$/u, '')
    .toLocaleLowerCase('sv');
}

/** The label a wish is grouped by: its free text when it has one, otherwise its category. */
export function wishKey(w: Pick<WishRecord, 'category' | 'text'>): string {
  const text = w.text === null ? '' : normaliseWishText(w.text);
  return text !== '' ? `t:${text}` : `c:${w.category ?? ''}`;
}

/** The wish each wish counts under, following merges; a merge into a wish that is gone, or a loop, ends the walk. */
export function wishRoots(wishes: readonly WishRecord[]): Map<number, number> {
  const byId = new Map(wishes.map((w) => [w.id, w]));
  const roots = new Map<number, number>();
  for (const w of wishes) {
    let current = w;
    const seen = new Set<number>([w.id]);
    while (current.mergedInto !== null) {
      const next = byId.get(current.mergedInto);
      if (!next || seen.has(next.id)) break;
      seen.add(next.id);
      current = next;
    }
    roots.set(w.id, current.id);
  }
  return roots;
}

/**
 * The wish a new one joins: when the coordinator has merged wishes with the same label into another
 * group, a new wish with that label counts there too (so merging once is enough). Null otherwise.
 */
export function mergeTargetFor(w: Pick<WishRecord, 'category' | 'text'>, wishes: readonly WishRecord[]): number | null {
  const key = wishKey(w);
  const roots = wishRoots(wishes);
  const merged = wishes.find((x) => x.mergedInto !== null && wishKey(x) === key);
  return merged ? (roots.get(merged.id) ?? null) : null;
}

const emptyAges = (): Record<CaseAgeGroup, number> => Object.fromEntries(CASE_AGE_GROUPS.map((g) => [g, 0])) as Record<CaseAgeGroup, number>;

/**
 * Groups wishes by the label of the wish they count under, biggest group first (then oldest).
 * A group is served when one of its unmerged wishes names an activity.
 */
export function groupWishes(wishes: readonly WishRecord[]): WishGroup[] {
  const roots = wishRoots(wishes);
  const byId = new Map(wishes.map((w) => [w.id, w]));
  const ordered = [...wishes].sort((a, b) => a.id - b.id);
  const groups = new Map<string, WishGroup>();
  for (const w of ordered) {
    const root = byId.get(roots.get(w.id)!)!;
    const key = wishKey(root);
    let g = groups.get(key);
    if (!g) {
      g = { id: root.id, key, category: null, text: null, total: 0, ageGroups: emptyAges(), districts: [], servedByActivityId: null, rootIds: [], memberIds: [], merged: [] };
      groups.set(key, g);
    }
    g.id = Math.min(g.id, root.id);
    g.total++;
    g.memberIds.push(w.id);
    if ((CASE_AGE_GROUPS as readonly string[]).includes(w.ageGroup)) g.ageGroups[w.ageGroup as CaseAgeGroup]++;
    const d = g.districts.find((x) => x.districtId === w.districtId);
    if (d) d.count++;
    else g.districts.push({ districtId: w.districtId, count: 1 });
    const own = wishKey(w);
    if (root.id === w.id) {
      g.rootIds.push(w.id);
      if (g.servedByActivityId === null && w.servedByActivityId !== null) g.servedByActivityId = w.servedByActivityId;
    } else if (own !== key) {
      const m = g.merged.find((x) => x.key === own);
      if (m) {
        m.count++;
        m.ids.push(w.id);
      } else g.merged.push({ key: own, category: own.startsWith('c:') ? w.category : null, text: own.startsWith('t:') ? w.text!.trim() : null, count: 1, ids: [w.id] });
    }
  }
  const out = [...groups.values()];
  for (const g of out) {
    const first = byId.get(g.id)!;
    if (g.key.startsWith('t:')) g.text = first.text!.trim();
    else g.category = first.category;
    g.districts.sort((a, b) => b.count - a.count || (a.districtId === null ? 1 : 0) - (b.districtId === null ? 1 : 0) || (a.districtId ?? 0) - (b.districtId ?? 0));
    g.merged.sort((a, b) => b.count - a.count || a.ids[0]! - b.ids[0]!);
  }
  return out.sort((a, b) => b.total - a.total || a.id - b.id);
}

/**
 * The wishes that move when groups are merged into `target`: every member of each source group.
 * They point straight at the target's wish, so no chain of merges builds up.
 */
export function wishesToMerge(groups: readonly WishGroup[], targetId: number, sourceIds: readonly number[]): number[] {
  const target = groups.find((g) => g.id === targetId);
  if (!target) return [];
  return groups.filter((g) => g.id !== target.id && sourceIds.includes(g.id)).flatMap((g) => g.memberIds);
}

/** Why a free text cannot be a public wish, as a catalogue key, or null when it can. */
export function wishTextProblem(text: string): string | null {
  if (text.length > WISH_TEXT_MAX) return 'guide.wishes.errors.tooLong';
  if (/https?:|www\.|\b[a-z0-9-]+\.(?:com|se|nu|net|org|info|ru|xyz)\b/iu.test(text)) return 'guide.wishes.errors.noLinks';
  // A wish is shown to everyone: an address or a phone number in it would be personal data on a public page.
  if (/[^\s@]+@[^\s@]+/u.test(text) || /(?:\d[\s\-()]*){7,}/u.test(text)) return 'guide.wishes.errors.noContact';
  return null;
}

/** The public wish form as typed. */
export interface WishForm {
  category: string;
  text: string;
  ageGroup: string;
  districtId: string;
  /** The honeypot: hidden from people, so anything in it came from a robot. */
  honeypot: string;
}

/** The form's field names; the honeypot's is one no browser fills in by itself. */
export const HONEYPOT_FIELD = 'lamna_tomt';

export function emptyWishForm(): WishForm {
  return { category: '', text: '', ageGroup: 'adult', districtId: '', honeypot: '' };
}

/** What a valid form becomes (the district still to be checked against the database). */
export interface WishInput {
  category: string | null;
  text: string | null;
  ageGroup: CaseAgeGroup;
  districtId: number | null;
}

const field = (body: Record<string, unknown>, key: string): string => {
  const v = body[key];
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
};

/** Reads and checks the public wish form: a category or a text (or both), an age group, maybe a district. */
export function readWishForm(body: Record<string, unknown>, categories: readonly string[]): { form: WishForm; errors: Record<string, string>; input: WishInput | null } {
  const form: WishForm = {
    category: field(body, 'category').trim(),
    text: field(body, 'text').trim(),
    ageGroup: field(body, 'ageGroup').trim(),
    districtId: field(body, 'districtId').trim(),
    honeypot: field(body, HONEYPOT_FIELD),
  };
  const errors: Record<string, string> = {};
  if (form.category !== '' && !categories.includes(form.category)) errors.category = 'guide.wishes.errors.choiceInvalid';
  else if (form.category === '' && form.text === '') errors.category = 'guide.wishes.errors.required';
  const textProblem = form.text === '' ? null : wishTextProblem(form.text);
  if (textProblem) errors.text = textProblem;
  if (!(CASE_AGE_GROUPS as readonly string[]).includes(form.ageGroup)) errors.ageGroup = 'guide.wishes.errors.choiceInvalid';
  if (form.districtId !== '' && !/^\d{1,9}$/.test(form.districtId)) errors.districtId = 'guide.wishes.errors.choiceInvalid';
  if (Object.keys(errors).length > 0) return { form, errors, input: null };
  return {
    form,
    errors,
    input: {
      category: form.category === '' ? null : form.category,
      text: form.text === '' ? null : form.text,
      ageGroup: form.ageGroup as CaseAgeGroup,
      districtId: form.districtId === '' ? null : Number(form.districtId),
    },
  };
}
