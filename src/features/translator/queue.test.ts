import { describe, expect, it } from 'vitest';
import { sourceHash, type Translation } from '../translation/index.js';
import { buildQueue, stateOf, type SourceText } from './queue.js';

const tr = (swedish: string, over: Partial<Translation> = {}): Translation => ({
  entity: 'activity',
  entityId: 1,
  field: 'title',
  language: 'ar',
  text: 'نص',
  source: 'human',
  translator: 'x',
  sourceHash: sourceHash(swedish),
  updatedAt: '',
  ...over,
});

describe('translation queue', () => {
  it('names the state of a text', () => {
    expect(stateOf('Hej', undefined)).toBe('missing');
    expect(stateOf('Hej', tr('Hej', { text: '  ' }))).toBe('missing');
    expect(stateOf('Hej då', tr('Hej'))).toBe('outdated');
    expect(stateOf('Hej', tr('Hej', { source: 'machine' }))).toBe('machine');
    expect(stateOf('Hej', tr('Hej'))).toBeNull();
  });

  it('puts the most viewed first, leaves out up-to-date and empty texts', () => {
    const s = (entityId: number, views: number, swedish = 'Text'): SourceText => ({ entity: 'activity', entityId, field: 'title', label: `A${entityId}`, swedish, views });
    const translations = new Map([
      ['activity:2:title', tr('Text', { entityId: 2 })],
      ['activity:3:title', tr('Gammal', { entityId: 3 })],
    ]);
    const queue = buildQueue([s(1, 5), s(2, 100), s(3, 50), s(4, 500, '  ')], translations);
    expect(queue.map((q) => [q.entityId, q.state])).toEqual([
      [3, 'outdated'],
      [1, 'missing'],
    ]);
  });
});
