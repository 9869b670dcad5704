/** Request shapes the coordinator's screens share: id parameters, search and page in the query. */

/** Every coordinator list shows this many rows a page. */
export const ADMIN_PAGE_SIZE = 50;

export const text = (max: number) => ({ type: 'string', maxLength: max }) as const;

export const pageNumber = { type: 'integer', minimum: 1, maximum: 10000 } as const;

export { idParams, positiveId } from '../../web/params.js';

/** ?q=...&page=... of a searchable list. */
export const listQuery = { type: 'object', properties: { q: text(100), page: pageNumber } } as const;
