import { describe, expect, it } from 'vitest';
import { checkStamp, MAX_FORM_AGE_SECONDS, MIN_FILL_SECONDS, newStampKey, signStamp, stampTime } from './form-stamp.js';

const KEY = 'test-key-that-only-the-server-knows';
const DRAWN = new Date('2026-11-26T09:00:00.000Z');
const after = (seconds: number) => new Date(DRAWN.getTime() + seconds * 1000);

describe('the request form’s time stamp', () => {
  it('tells when the form was drawn, and only to the key that signed it', () => {
    const stamp = signStamp(KEY, DRAWN);
    expect(stampTime(KEY, stamp)).toEqual(DRAWN);
    expect(stampTime('another key', stamp)).toBeUndefined();
  });

  it('takes a form filled in at a person’s pace', () => {
    const stamp = signStamp(KEY, DRAWN);
    expect(checkStamp(KEY, stamp, after(MIN_FILL_SECONDS))).toBe('ok');
    expect(checkStamp(KEY, stamp, after(120))).toBe('ok');
    expect(checkStamp(KEY, stamp, after(MAX_FORM_AGE_SECONDS))).toBe('ok');
  });

  it('refuses a form sent sooner than anyone can fill it in', () => {
    const stamp = signStamp(KEY, DRAWN);
    expect(checkStamp(KEY, stamp, DRAWN)).toBe('tooFast');
    expect(checkStamp(KEY, stamp, after(MIN_FILL_SECONDS - 0.5))).toBe('tooFast');
  });

  it('refuses a stamp that is missing, made up, changed, from the future or too old', () => {
    const stamp = signStamp(KEY, DRAWN);
    const [ms, signature] = stamp.split('.') as [string, string];
    expect(checkStamp(KEY, '', after(60))).toBe('missing');
    expect(checkStamp(KEY, 'hello', after(60))).toBe('forged');
    // An earlier instant with the signature of another: a robot cannot backdate its form.
    expect(checkStamp(KEY, `${Number(ms) - 60_000}.${signature}`, after(60))).toBe('forged');
    expect(checkStamp(KEY, `${ms}.${'A'.repeat(43)}`, after(60))).toBe('forged');
    expect(checkStamp(KEY, signStamp(KEY, after(3600)), after(60))).toBe('forged');
    expect(checkStamp(KEY, stamp, after(MAX_FORM_AGE_SECONDS + 1))).toBe('tooOld');
  });

  it('makes a new random key each time', () => {
    expect(newStampKey()).not.toBe(newStampKey());
    expect(newStampKey()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
