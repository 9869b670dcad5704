/** Which activities are due a reminder, marked as unconfirmed, or left out of the week, given now. */
import { describe, expect, it } from 'vitest';
import { confirmedDate, freshnessCutoffs, freshnessOf, isUnconfirmed, publicListCutoffs } from './freshness.js';

const NOW = new Date('2026-11-26T09:00:00Z');
const daysAgo = (d: number, extraMs = 0) => new Date(NOW.getTime() - d * 86_400_000 + extraMs).toISOString();

describe('freshness of an activity', () => {
  it('is fresh within 30 days, due after 30, stale after 90 and hidden after 180', () => {
    expect(freshnessOf(daysAgo(0), NOW)).toBe('fresh');
    expect(freshnessOf(daysAgo(30, 1), NOW)).toBe('fresh');
    expect(freshnessOf(daysAgo(30, -1), NOW)).toBe('due');
    expect(freshnessOf(daysAgo(89), NOW)).toBe('due');
    expect(freshnessOf(daysAgo(90, -1), NOW)).toBe('stale');
    expect(freshnessOf(daysAgo(179), NOW)).toBe('stale');
    expect(freshnessOf(daysAgo(180, -1), NOW)).toBe('hidden');
    expect(freshnessOf(daysAgo(400), NOW)).toBe('hidden');
  });

  it('counts an activity never confirmed as hidden, and says so without a date', () => {
    expect(freshnessOf('', NOW)).toBe('hidden');
    expect(confirmedDate('')).toBeNull();
  });

  it('shows the public note from 90 days on, also once it left the week', () => {
    expect(isUnconfirmed(daysAgo(89), NOW)).toBe(false);
    expect(isUnconfirmed(daysAgo(100), NOW)).toBe(true);
    expect(isUnconfirmed(daysAgo(200), NOW)).toBe(true);
  });

  it('moves with now: the same confirmation becomes stale later', () => {
    const confirmed = daysAgo(80);
    expect(freshnessOf(confirmed, NOW)).toBe('due');
    expect(freshnessOf(confirmed, new Date(NOW.getTime() + 11 * 86_400_000))).toBe('stale');
  });

  it('gives the public lists the 180-day line to keep and the 90-day line to mark', () => {
    const c = freshnessCutoffs(NOW);
    expect(publicListCutoffs(NOW)).toEqual({ confirmedSince: c.hiddenBefore, staleBefore: c.staleBefore });
    expect(c.hiddenBefore).toBe('2026-05-30T09:00:00.000Z');
    expect(c.staleBefore).toBe('2026-08-28T09:00:00.000Z');
    expect(c.remindBefore).toBe('2026-10-27T09:00:00.000Z');
  });

  it('shows a confirmation as its date in Stockholm', () => {
    // 23:30 UTC on 31 August is 1 September in Stockholm (summer time).
    expect(confirmedDate('2026-08-31T23:30:00.000Z')).toBe('2026-09-01');
  });
});
