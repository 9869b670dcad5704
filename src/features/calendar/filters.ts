/**
 * The filter parameters shared by the week view, the category page and the API: their JSON schema
 * (so Fastify validates them) and their conversion to and from OccurrenceFilters and links.
 */
import { AGE_GROUPS, AUDIENCES, CATEGORY_CODES, SPOKEN_LANGUAGES } from '../taxonomy/index.js';
import type { OccurrenceFilters } from './activity.js';

export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** JSON-schema properties of the filter parameters. Unknown parameters are dropped, not refused. */
export const filterProperties = {
  category: { type: 'string', enum: CATEGORY_CODES },
  district: { type: 'string', pattern: '^[a-z0-9-]{1,60}$' },
  audience: { type: 'string', enum: [...AUDIENCES] },
  age: { type: 'string', enum: [...AGE_GROUPS] },
  women: { type: 'boolean' },
  free: { type: 'boolean' },
  language: { type: 'string', enum: [...SPOKEN_LANGUAGES] },
} as const;

export interface FilterQuery {
  category?: OccurrenceFilters['category'];
  district?: string;
  audience?: OccurrenceFilters['audience'];
  age?: OccurrenceFilters['ageGroup'];
  women?: boolean;
  free?: boolean;
  language?: string;
}

export function toFilters(q: FilterQuery): OccurrenceFilters {
  const f: OccurrenceFilters = {};
  if (q.category) f.category = q.category;
  if (q.district) f.district = q.district;
  if (q.audience) f.audience = q.audience;
  if (q.age) f.ageGroup = q.age;
  if (q.women) f.womenOnly = true;
  if (q.free) f.free = true;
  if (q.language) f.language = q.language;
  return f;
}

/** The query parameters that reproduce the filters (for links that keep them). */
export function filterParams(f: OccurrenceFilters): Record<string, string> {
  const p: Record<string, string> = {};
  if (f.category) p.category = f.category;
  if (f.district) p.district = f.district;
  if (f.audience) p.audience = f.audience;
  if (f.ageGroup) p.age = f.ageGroup;
  if (f.womenOnly) p.women = 'true';
  if (f.free) p.free = 'true';
  if (f.language) p.language = f.language;
  return p;
}

export function hasFilters(f: OccurrenceFilters): boolean {
  return Object.keys(filterParams(f)).length > 0;
}

/** A path with query parameters; undefined values are left out. */
export function withQuery(path: string, params: Record<string, string | undefined>): string {
  const entries = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '');
  if (entries.length === 0) return path;
  return `${path}?${new URLSearchParams(entries).toString()}`;
}
