/** The print feature's rules: week parameters, weekday grouping, file names, and the PDF queue. */
import { describe, expect, it } from 'vitest';
import type { Schedule } from '../calendar/index.js';
import { Limiter, QueueFullError } from './pdf.renderer.js';
import { groupBy, listedWeekday, mondayOfWeekParam, pdfFilename, weekParam } from './print.js';
import { qrSvg } from './qr.js';

const schedule = (recurrence: Schedule['recurrence'], startDate = '2026-11-24'): Schedule => ({
  recurrence,
  startDate,
  startTime: '18:00',
  endTime: '20:00',
  validUntil: null,
  pauses: [],
  exceptions: [],
  changes: [],
});

describe('week parameters', () => {
  it('reads an ISO week as its Monday and writes it back', () => {
    expect(mondayOfWeekParam('2026-W48')).toBe('2026-11-23');
    expect(weekParam('2026-11-23')).toBe('2026-W48');
    // 2026 has 53 ISO weeks; 2027 has 52, and its week 1 starts in January.
    expect(mondayOfWeekParam('2026-W53')).toBe('2026-12-28');
    expect(weekParam('2026-12-28')).toBe('2026-W53');
    expect(weekParam('2027-01-04')).toBe('2027-W01');
  });

  it('refuses weeks a year does not have', () => {
    expect(mondayOfWeekParam('2027-W53')).toBeNull();
    expect(mondayOfWeekParam('2026-W00')).toBeNull();
    expect(mondayOfWeekParam('2026-48')).toBeNull();
  });
});

describe('listedWeekday', () => {
  it('lists a weekly activity under its first weekday, a monthly one under its weekday, a single date under its day', () => {
    expect(listedWeekday(schedule({ kind: 'weekly', interval: 1, weekdays: ['WE', 'FR'] }))).toBe(3);
    expect(listedWeekday(schedule({ kind: 'monthly', nth: -1, weekday: 'SA' }))).toBe(6);
    expect(listedWeekday(schedule({ kind: 'once' }, '2026-11-29'))).toBe(7);
  });
});

describe('groupBy', () => {
  it('keeps first-seen order, or sorts the keys when asked', () => {
    const items = [3, 1, 3, 2, 1];
    expect(groupBy(items, (n) => n)).toEqual([
      [3, [3, 3]],
      [1, [1, 1]],
      [2, [2]],
    ]);
    expect(groupBy(items, (n) => n, (a, b) => a - b).map(([k]) => k)).toEqual([1, 2, 3]);
  });
});

describe('pdfFilename', () => {
  it('names the download by what it shows and its languages, in plain ASCII', () => {
    expect(pdfFilename(['vecka', '2026-W48', 'sprakcafe', ''], 'sv', false)).toBe('tillsammans-vecka-2026-w48-sprakcafe-sv.pdf');
    expect(pdfFilename(['kategori', 'laxhjalp'], 'ar', true)).toBe('tillsammans-kategori-laxhjalp-sv-ar.pdf');
    expect(pdfFilename(['organisation', 'Café "Ö"'], 'en', false)).toBe('tillsammans-organisation-caf-en.pdf');
    // Bilingual means Swedish plus another language: a Swedish page is just Swedish.
    expect(pdfFilename(['vecka'], 'sv', true)).toBe('tillsammans-vecka-sv.pdf');
  });
});

describe('Limiter', () => {
  it('runs at most `limit` tasks at once, the rest in the order they came', async () => {
    const limiter = new Limiter(2);
    const started: number[] = [];
    const finish: (() => void)[] = [];
    const tasks = [0, 1, 2, 3].map((i) =>
      limiter.run(
        () =>
          new Promise<number>((resolve) => {
            started.push(i);
            finish[i] = () => resolve(i);
          }),
      ),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(limiter.running).toBe(2);
    expect(limiter.queued).toBe(2);
    finish[1]!();
    await tasks[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    finish[0]!();
    finish[2]!();
    await Promise.all([tasks[0], tasks[2]]);
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2, 3]);
    finish[3]!();
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3]);
    expect(limiter.running).toBe(0);
  });

  it('refuses a task at once when the queue is full', async () => {
    const limiter = new Limiter(1, 1);
    let release!: () => void;
    const running = limiter.run(() => new Promise<void>((resolve) => (release = resolve)));
    const waiting = limiter.run(async () => 'waited');
    await expect(limiter.run(async () => 'refused')).rejects.toBeInstanceOf(QueueFullError);
    release();
    await running;
    expect(await waiting).toBe('waited');
  });

  it('frees the slot when a task fails', async () => {
    const limiter = new Limiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run(async () => 'next')).toBe('next');
    expect(limiter.running).toBe(0);
  });
});

describe('qrSvg', () => {
  it('draws an SVG with only path data, the same for the same URL', async () => {
    const svg = await qrSvg('http://tillsammans.test/aktivitet/1-sprakcafe');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
    expect(svg).not.toContain('tillsammans');
    expect(await qrSvg('http://tillsammans.test/aktivitet/1-sprakcafe')).toBe(svg);
    expect(await qrSvg('http://tillsammans.test/aktivitet/2-sprakcafe')).not.toBe(svg);
  });
});
