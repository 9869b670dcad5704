/** What the history page shows of an audit entry: who acted, and which fields changed from what to what. */

/** A value as the page renders it: nothing, yes/no, or text (escaped when rendered, never HTML). */
export type AuditValue = { kind: 'empty' } | { kind: 'boolean'; value: boolean } | { kind: 'text'; text: string };

export interface FieldChange {
  /** The field's name in the recorded object, or '' when the entry recorded a single value. */
  field: string;
  before: AuditValue;
  after: AuditValue;
}

/** The entities that have a history page, with their URL segment (/admin/historik/<entity>/<id>). */
export const HISTORY_ENTITIES = ['organisation', 'activity', 'user', 'place'] as const;
export type HistoryEntity = (typeof HISTORY_ENTITIES)[number];

/** Values longer than this are shortened on the page, with the full text one click away. */
export const SHORT_VALUE = 120;

export function auditValue(v: unknown): AuditValue {
  if (v === null || v === undefined || v === '') return { kind: 'empty' };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  if (typeof v === 'string') return { kind: 'text', text: v };
  if (typeof v === 'number' || typeof v === 'bigint') return { kind: 'text', text: String(v) };
  if (Array.isArray(v) && v.every((x) => x === null || ['string', 'number', 'boolean'].includes(typeof x))) {
    return v.length === 0 ? { kind: 'empty' } : { kind: 'text', text: v.map(String).join(', ') };
  }
  return { kind: 'text', text: JSON.stringify(v) };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const same = (a: AuditValue, b: AuditValue) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields that differ between an entry's before and after, in the order they were recorded.
 * A missing side (a creation, a deletion) counts as empty; unchanged fields are left out. An entry
 * that recorded plain values rather than objects gives one change with field ''.
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = before ?? {};
  const a = after ?? {};
  if (!isRecord(b) || !isRecord(a)) {
    const change = { field: '', before: auditValue(before), after: auditValue(after) };
    return same(change.before, change.after) ? [] : [change];
  }
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .map((field) => ({ field, before: auditValue(b[field]), after: auditValue(a[field]) }))
    .filter((c) => !same(c.before, c.after));
}

/** Who an entry says acted: a user, the system itself (e.g. the first coordinator at start), or an anonymous visitor. */
export function actorKind(entry: { actorUserId: number | null; actor: unknown; systemActor?: { kind: string } | null; action: string }): 'user' | 'removedUser' | 'importer' | 'job' | 'system' | 'anonymous' {
  if (entry.actor) return 'user';
  if (entry.systemActor?.kind === 'importer') return 'importer';
  if (entry.systemActor?.kind === 'job') return 'job';
  if (entry.actorUserId !== null) return 'removedUser';
  return entry.action.startsWith('login') ? 'anonymous' : 'system';
}

/** The first `max` characters (whole code points) and whether anything was cut. */
export function shorten(text: string, max = SHORT_VALUE): { text: string; cut: boolean } {
  const chars = [...text];
  if (chars.length <= max) return { text, cut: false };
  return { text: `${chars.slice(0, max).join('').trimEnd()}…`, cut: true };
}
