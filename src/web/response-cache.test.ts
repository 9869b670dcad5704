import { describe, expect, it } from 'vitest';
import { ResponseCache } from './response-cache.js';

const entry = (body: string, expires: number) => ({ expires, status: 200, type: 'text/html', body, version: '1' });

describe('ResponseCache', () => {
  it('serves an entry until it expires', () => {
    const cache = new ResponseCache({ ttlMs: 1000, maxBytes: 1_000_000 });
    cache.set('a', entry('hello', 2000));
    expect(cache.get('a', 1999)?.body).toBe('hello');
    expect(cache.get('a', 2000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops the oldest entries to stay within its byte budget', () => {
    // Strings count two bytes a character: five ten-character bodies fill 100 bytes exactly.
    const cache = new ResponseCache({ ttlMs: 1000, maxBytes: 100 });
    for (const key of ['a', 'b', 'c', 'd', 'e']) cache.set(key, entry(key.repeat(10), 9999));
    expect(cache.size).toBe(5);
    cache.set('f', entry('f'.repeat(10), 9999));
    expect(cache.size).toBe(5);
    expect(cache.get('a', 0)).toBeUndefined();
    expect(cache.get('b', 0)?.body).toBe('b'.repeat(10));
    expect(cache.get('f', 0)?.body).toBe('f'.repeat(10));
  });

  it('refuses entries too large to be worth keeping', () => {
    const cache = new ResponseCache({ ttlMs: 1000, maxBytes: 100 });
    cache.set('big', entry('x'.repeat(40), 9999));
    expect(cache.get('big', 0)).toBeUndefined();
  });

  it('forgets everything on clear', () => {
    const cache = new ResponseCache({ ttlMs: 1000, maxBytes: 1000 });
    cache.set('a', entry('x', 9999));
    cache.clear();
    expect(cache.get('a', 0)).toBeUndefined();
  });
});
