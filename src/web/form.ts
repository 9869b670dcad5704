/**
 * Reading form bodies: the schema every form route validates its body with (each value a string, or
 * a list of strings for ticked checkboxes, each with a length limit), and readers for one field.
 */

export type FormBody = Record<string, unknown>;

/** Validates any form body: strings up to 5,000 characters, repeated fields up to 40 values of 200. */
export const formBodySchema = {
  type: 'object',
  additionalProperties: {
    anyOf: [
      { type: 'string', maxLength: 5000 },
      { type: 'array', maxItems: 40, items: { type: 'string', maxLength: 200 } },
    ],
  },
} as const;

/** One field as typed (the first, when it was sent several times), or ''. */
export function field(body: FormBody, key: string): string {
  const v = body[key];
  if (Array.isArray(v)) return typeof v[0] === 'string' ? v[0] : '';
  return typeof v === 'string' ? v : '';
}

/** One field without surrounding space. */
export function trimmed(body: FormBody, key: string): string {
  return field(body, key).trim();
}

/** Every value of a repeated field (ticked checkboxes), without empty ones or repeats. */
export function values(body: FormBody, key: string): string[] {
  const v = body[key];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return [...new Set(list.filter((x): x is string => typeof x === 'string' && x !== ''))];
}

/** Whether a checkbox was ticked. */
export function ticked(body: FormBody, key: string): boolean {
  return ['true', 'on', '1'].includes(field(body, key));
}
