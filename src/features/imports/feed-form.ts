/** The form that connects a calendar: its address and the category of what it brings. Pure. */
import { isCategory, type Category } from '../taxonomy/index.js';
import { feedUrl, isLocalHostName } from './feed-fetcher.js';

export const URL_MAX = 2000;
/** Calendars one organisation may connect. */
export const MAX_FEEDS = 5;

export interface FeedForm {
  url: string;
  category: string;
}

export interface ReadFeedForm {
  form: FeedForm;
  errors: Record<string, string>;
  /** The address to store (webcal:// read as https://), when the form is valid. */
  url: string | null;
  category: Category | null;
}

export const emptyFeedForm = (): FeedForm => ({ url: '', category: '' });

/** Reads and checks the form; `allowPrivateHosts` as the fetcher will (so a refused address is said at once). */
export function readFeedForm(body: Record<string, unknown>, options: { allowPrivateHosts: boolean }): ReadFeedForm {
  const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string).trim() : '');
  const form: FeedForm = { url: str('url'), category: str('category') };
  const errors: Record<string, string> = {};
  let url: string | null = null;
  if (form.url === '') errors.url = 'imports.errors.urlRequired';
  else if (form.url.length > URL_MAX) errors.url = 'imports.errors.urlTooLong';
  else {
    const parsed = feedUrl(form.url);
    if (!parsed) errors.url = 'imports.errors.urlInvalid';
    else if (!options.allowPrivateHosts && isLocalHostName(parsed.hostname)) errors.url = 'imports.errors.privateHost';
    else url = parsed.toString();
  }
  if (!isCategory(form.category)) errors.category = 'imports.errors.categoryRequired';
  const valid = Object.keys(errors).length === 0;
  return { form, errors, url: valid ? url : null, category: valid ? (form.category as Category) : null };
}
