/**
 * An organisation's address in the directory and how alike two names are. The slug comes from the
 * name ('Örebro Simsällskap' → 'orebro-simsallskap'), a number is added when it is taken, and a few
 * words the workspace's own paths use are never given out. Pure.
 */
import { foldForSearch, slugify } from '../../web/text.js';

export const SLUG_MAX = 60;
/** Words that are paths of their own under /hantera/ and /organisationer/: an organisation called so would be unreachable. */
export const RESERVED_SLUGS: readonly string[] = ['aktivitet', 'ny', 'x'];
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Whether a slug the coordinator typed can be an organisation's address (its uniqueness is the store's to check). */
export function isValidSlug(slug: string): boolean {
  return slug.length <= SLUG_MAX && SLUG.test(slug) && !RESERVED_SLUGS.includes(slug);
}

/** The slug a name gives; a name in another script (nothing left after folding) gives 'organisation'. */
export function organisationSlug(name: string): string {
  const slug = slugify(name, SLUG_MAX);
  return slug === 'x' || RESERVED_SLUGS.includes(slug) ? (slug === 'x' ? 'organisation' : `${slug}-organisation`) : slug;
}

/** The n-th candidate for a slug: the slug itself, then 'slug-2', 'slug-3', … kept within SLUG_MAX. */
export function slugCandidate(base: string, n: number): string {
  if (n <= 1) return base;
  const suffix = `-${n}`;
  return `${base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/** A name as compared: folded, letters and digits only ('Örebro  Simsällskap!' → 'orebrosimsallskap'). */
function compact(name: string): string {
  return foldForSearch(name).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Levenshtein distance, stopping early once it passes `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Whether two organisation names probably mean the same organisation: the same apart from case,
 * accents, spaces and punctuation; one holding the other (at least six letters of it); or a typo or
 * two apart (one per eight letters).
 */
export function namesLookAlike(a: string, b: string): boolean {
  const x = compact(a);
  const y = compact(b);
  if (x === '' || y === '') return false;
  if (x === y) return true;
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  if (shorter.length >= 6 && longer.includes(shorter)) return true;
  const allowed = Math.floor(longer.length / 8);
  return allowed > 0 && distance(x, y, allowed) <= allowed;
}

/** The organisations whose name looks like `name` (for warning the coordinator of a double). */
export function lookAlikes<T extends { name: string }>(name: string, organisations: readonly T[]): T[] {
  return organisations.filter((o) => namesLookAlike(name, o.name));
}
