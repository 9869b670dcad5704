/** Schemas of route parameters that every feature shares. */

/**
 * A row id in a path: a positive 32-bit integer, the range of the id columns. A larger number would
 * reach PostgreSQL and fail there ("out of range for type integer"); here it is a 400 like any bad value.
 */
export const positiveId = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;

/** Params of a route with one `:id`. */
export const idParams = { type: 'object', required: ['id'], properties: { id: positiveId } } as const;
