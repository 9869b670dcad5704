import { describe, expect, it } from 'vitest';
import { actorKind, auditValue, changedFields, shorten } from './history.js';

describe('changedFields', () => {
  it('lists only the fields that changed, in recorded order', () => {
    expect(changedFields({ name: 'Folkets hus', city: 'Örebro', stepFree: false }, { name: 'Folkets Hus', city: 'Örebro', stepFree: true })).toEqual([
      { field: 'name', before: { kind: 'text', text: 'Folkets hus' }, after: { kind: 'text', text: 'Folkets Hus' } },
      { field: 'stepFree', before: { kind: 'boolean', value: false }, after: { kind: 'boolean', value: true } },
    ]);
  });

  it('treats a missing side as empty and skips fields empty on both sides', () => {
    expect(changedFields(null, { name: 'Ny', postalCode: null, directions: '' })).toEqual([{ field: 'name', before: { kind: 'empty' }, after: { kind: 'text', text: 'Ny' } }]);
    expect(changedFields({ active: true }, null)).toEqual([{ field: 'active', before: { kind: 'boolean', value: true }, after: { kind: 'empty' } }]);
    expect(changedFields({ a: 1 }, { b: 1 })).toHaveLength(2);
  });

  it('gives one unnamed change for plain values and none for equal ones', () => {
    expect(changedFields('gammal', 'ny')).toEqual([{ field: '', before: { kind: 'text', text: 'gammal' }, after: { kind: 'text', text: 'ny' } }]);
    expect(changedFields(null, null)).toEqual([]);
    expect(changedFields({ ids: [1, 2] }, { ids: [1, 2] })).toEqual([]);
  });
});

describe('auditValue', () => {
  it('renders numbers, lists and nested objects as text', () => {
    expect(auditValue(59.27)).toEqual({ kind: 'text', text: '59.27' });
    expect(auditValue([3, 4])).toEqual({ kind: 'text', text: '3, 4' });
    expect(auditValue([])).toEqual({ kind: 'empty' });
    expect(auditValue({ x: '<b>' })).toEqual({ kind: 'text', text: '{"x":"<b>"}' });
  });
});

describe('actorKind', () => {
  it('tells users, removed users, the system and anonymous visitors apart', () => {
    expect(actorKind({ actorUserId: 1, actor: { id: 1 }, action: 'place.created' })).toBe('user');
    expect(actorKind({ actorUserId: 7, actor: null, action: 'place.created' })).toBe('removedUser');
    expect(actorKind({ actorUserId: null, actor: null, action: 'user.firstAdmin' })).toBe('system');
    expect(actorKind({ actorUserId: null, actor: null, action: 'login.failed' })).toBe('anonymous');
  });
});

describe('shorten', () => {
  it('cuts long text on code points and says so', () => {
    expect(shorten('kort', 10)).toEqual({ text: 'kort', cut: false });
    expect(shorten('😀'.repeat(5), 3)).toEqual({ text: '😀😀😀…', cut: true });
  });
});
