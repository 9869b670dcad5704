import { describe, expect, it } from 'vitest';
import { HONEYPOT_FIELD, groupWishes, normaliseWishText, readWishForm, wishKey, wishRoots, wishesToMerge, wishTextProblem, type WishRecord, mergeTargetFor } from './wishes.js';

let next = 1;
function wish(overrides: Partial<WishRecord> = {}): WishRecord {
  return { id: next++, category: null, text: null, ageGroup: 'adult', districtId: null, mergedInto: null, servedByActivityId: null, ...overrides };
}

describe('wish labels', () => {
  it('groups free text regardless of case, spaces and closing punctuation', () => {
    expect(normaliseWishText('  Simma   för  Kvinnor! ')).toBe('simma för kvinnor');
    expect(wishKey({ category: null, text: 'Fotboll.' })).toBe(wishKey({ category: null, text: 'fotboll' }));
  });

  it('uses the text when a wish has both, the category when the text is blank', () => {
    expect(wishKey({ category: 'idrott', text: 'Fotboll' })).toBe('t:fotboll');
    expect(wishKey({ category: 'idrott', text: '   ' })).toBe('c:idrott');
  });
});

describe('groupWishes', () => {
  it('returns nothing for no wishes', () => {
    expect(groupWishes([])).toEqual([]);
  });

  it('counts per label, age group and district, biggest first', () => {
    const groups = groupWishes([
      wish({ category: 'idrott', ageGroup: 'child', districtId: 2 }),
      wish({ text: 'Simning', districtId: 1 }),
      wish({ text: 'simning ', ageGroup: 'youth', districtId: 2 }),
      wish({ text: 'SIMNING!', ageGroup: 'child', districtId: 2 }),
      wish({ text: 'Simning' }),
    ]);
    expect(groups.map((g) => [g.key, g.total])).toEqual([
      ['t:simning', 4],
      ['c:idrott', 1],
    ]);
    const swim = groups[0]!;
    expect(swim.text).toBe('Simning');
    expect(swim.category).toBeNull();
    expect(swim.ageGroups).toEqual({ adult: 2, youth: 1, child: 1 });
    expect(swim.districts).toEqual([
      { districtId: 2, count: 2 },
      { districtId: 1, count: 1 },
      { districtId: null, count: 1 },
    ]);
    expect(groups[1]!.category).toBe('idrott');
  });

  it('counts merged wishes under the wish they were merged into and lists their labels', () => {
    const football = wish({ text: 'Fotboll' });
    const groups = groupWishes([
      football,
      wish({ text: 'football', mergedInto: football.id, ageGroup: 'youth' }),
      wish({ text: 'Football', mergedInto: football.id }),
      wish({ text: 'fotbol', mergedInto: football.id }),
      wish({ text: 'Schack' }),
      wish({ text: 'Schack' }),
      wish({ text: 'Schack' }),
    ]);
    expect(groups.map((g) => [g.text, g.total])).toEqual([
      ['Fotboll', 4],
      ['Schack', 3],
    ]);
    expect(groups[0]!.merged.map((m) => [m.text, m.count])).toEqual([
      ['football', 2],
      ['fotbol', 1],
    ]);
    expect(groups[0]!.rootIds).toEqual([football.id]);
    expect(groups[0]!.ageGroups.youth).toBe(1);
  });

  it('follows chains of merges, and treats a merge into a deleted wish or a loop as unmerged', () => {
    const a = wish({ text: 'a' });
    const b = wish({ text: 'b', mergedInto: a.id });
    const c = wish({ text: 'c', mergedInto: b.id });
    const orphan = wish({ text: 'd', mergedInto: 99999 });
    const x = wish({ text: 'x', mergedInto: 0 });
    const y = wish({ text: 'y', mergedInto: x.id });
    x.mergedInto = y.id;
    const roots = wishRoots([a, b, c, orphan, x, y]);
    expect(roots.get(c.id)).toBe(a.id);
    expect(roots.get(orphan.id)).toBe(orphan.id);
    expect([x.id, y.id]).toContain(roots.get(x.id));
    expect(groupWishes([a, b, c, orphan]).map((g) => [g.text, g.total])).toEqual([
      ['a', 3],
      ['d', 1],
    ]);
  });

  it('marks a group served when one of its own wishes names an activity', () => {
    const groups = groupWishes([wish({ text: 'Simning' }), wish({ text: 'simning', servedByActivityId: 7 }), wish({ category: 'kultur' })]);
    expect(groups.find((g) => g.key === 't:simning')!.servedByActivityId).toBe(7);
    expect(groups.find((g) => g.key === 'c:kultur')!.servedByActivityId).toBeNull();
  });
});

describe('wishesToMerge', () => {
  it('moves every member of each chosen group straight to the target, never the target itself', () => {
    const f = wish({ text: 'Fotboll' });
    const fb = wish({ text: 'football' });
    const fb2 = wish({ text: 'futbol', mergedInto: fb.id });
    const s = wish({ text: 'Schack' });
    const groups = groupWishes([f, fb, fb2, s]);
    expect(wishesToMerge(groups, f.id, [f.id, fb.id]).sort()).toEqual([fb.id, fb2.id].sort());
    expect(wishesToMerge(groups, 424242, [fb.id])).toEqual([]);
  });
});

describe('wishTextProblem', () => {
  it('takes an ordinary wish of up to 200 characters', () => {
    expect(wishTextProblem('Simning för kvinnor, gärna på kvällen')).toBeNull();
    expect(wishTextProblem('x'.repeat(200))).toBeNull();
    expect(wishTextProblem('x'.repeat(201))).toBe('guide.wishes.errors.tooLong');
  });

  it('refuses links, e-mail addresses and phone numbers', () => {
    expect(wishTextProblem('Se http://spam.example')).toBe('guide.wishes.errors.noLinks');
    expect(wishTextProblem('www.casino.example')).toBe('guide.wishes.errors.noLinks');
    expect(wishTextProblem('köp på billigt.com')).toBe('guide.wishes.errors.noLinks');
    expect(wishTextProblem('mejla mig på a@b.se')).not.toBeNull();
    expect(wishTextProblem('ring 070-123 45 67')).toBe('guide.wishes.errors.noContact');
    expect(wishTextProblem('Fotboll för 10-12 år')).toBeNull();
  });
});

describe('readWishForm', () => {
  const categories = ['idrott', 'kultur'];

  it('takes a category, a text or both, with an age group and maybe a district', () => {
    expect(readWishForm({ category: 'idrott', ageGroup: 'child', districtId: '3' }, categories).input).toEqual({ category: 'idrott', text: null, ageGroup: 'child', districtId: 3 });
    expect(readWishForm({ text: ' Simning ', ageGroup: 'adult', districtId: '' }, categories).input).toEqual({ category: null, text: 'Simning', ageGroup: 'adult', districtId: null });
  });

  it('keeps what was typed and names each wrong field', () => {
    const r = readWishForm({ category: 'fusk', text: 'se www.spam.example', ageGroup: 'alien', districtId: 'x' }, categories);
    expect(r.input).toBeNull();
    expect(r.form.text).toBe('se www.spam.example');
    expect(r.errors).toEqual({
      category: 'guide.wishes.errors.choiceInvalid',
      text: 'guide.wishes.errors.noLinks',
      ageGroup: 'guide.wishes.errors.choiceInvalid',
      districtId: 'guide.wishes.errors.choiceInvalid',
    });
    expect(readWishForm({ ageGroup: 'adult' }, categories).errors).toEqual({ category: 'guide.wishes.errors.required' });
  });

  it('reads the honeypot without judging it (the route decides)', () => {
    const r = readWishForm({ category: 'kultur', ageGroup: 'youth', [HONEYPOT_FIELD]: 'http://bot' }, categories);
    expect(r.form.honeypot).toBe('http://bot');
    expect(r.input).not.toBeNull();
  });
});

describe('mergeTargetFor', () => {
  const w = (id: number, text: string | null, mergedInto: number | null = null, category: string | null = 'idrott') => ({
    id,
    category,
    text,
    ageGroup: 'adult',
    districtId: null,
    mergedInto,
    servedByActivityId: null,
  });

  it('sends a new wish to the group its label was merged into, following merges', () => {
    const wishes = [w(1, 'Fotboll för barn'), w(2, 'fotboll barn', 1), w(3, 'Football kids', 2)];
    expect(mergeTargetFor({ category: 'idrott', text: 'Fotboll barn!' }, wishes)).toBe(1);
    expect(mergeTargetFor({ category: 'idrott', text: 'football kids' }, wishes)).toBe(1);
  });

  it('leaves a label nobody merged, and the merge target’s own label, alone', () => {
    const wishes = [w(1, 'Fotboll för barn'), w(2, 'fotboll barn', 1)];
    expect(mergeTargetFor({ category: 'idrott', text: 'Simning' }, wishes)).toBeNull();
    expect(mergeTargetFor({ category: 'idrott', text: 'Fotboll för barn' }, wishes)).toBeNull();
  });
});
