/**
 * The request form's time trap: the page carries the instant it was drawn, signed with a key only
 * the server knows (HMAC-SHA-256), and a request sent sooner than a person could fill the form in, or
 * with a stamp that is missing, forged or very old, is refused. A class sending many requests from one
 * school network passes: each pupil takes longer than that. Pure: the key and the clock come in.
 */
import crypto from 'node:crypto';

/** Nobody reads the form, ticks what they want and types a name and a number faster than this. */
export const MIN_FILL_SECONDS = 3;
/** A form left open longer (a tab from yesterday) is sent again from a fresh page: nothing typed is lost. */
export const MAX_FORM_AGE_SECONDS = 6 * 3600;

/** The hidden field's name. */
export const STAMP_FIELD = 'stamp';

export type StampCheck = 'ok' | 'missing' | 'forged' | 'tooFast' | 'tooOld';

function signature(key: string, ms: number): string {
  return crypto.createHmac('sha256', key).update(`guide-request:${ms}`).digest('base64url');
}

/** The stamp for a form drawn at `at`: the instant in milliseconds and its signature. */
export function signStamp(key: string, at: Date): string {
  const ms = at.getTime();
  return `${ms}.${signature(key, ms)}`;
}

/** When a stamp says the form was drawn, if it is genuine; undefined for a missing or forged one. */
export function stampTime(key: string, stamp: string): Date | undefined {
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(stamp);
  if (!m) return undefined;
  const ms = Number(m[1]);
  const expected = Buffer.from(signature(key, ms));
  const given = Buffer.from(m[2]!);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? new Date(ms) : undefined;
}

/** Whether a form with this stamp, sent at `now`, came from a person who took the time to fill it in. */
export function checkStamp(key: string, stamp: string, now: Date): StampCheck {
  if (stamp === '') return 'missing';
  const drawn = stampTime(key, stamp);
  if (!drawn) return 'forged';
  const seconds = (now.getTime() - drawn.getTime()) / 1000;
  // A stamp from the future is as forged as a bad signature (clocks of several instances agree to a second).
  if (seconds < -5) return 'forged';
  if (seconds < MIN_FILL_SECONDS) return 'tooFast';
  if (seconds > MAX_FORM_AGE_SECONDS) return 'tooOld';
  return 'ok';
}

/** A new random key for signing stamps, stored once and shared by every instance. */
export function newStampKey(): string {
  return crypto.randomBytes(32).toString('base64url');
}
