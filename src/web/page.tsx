/** What every page component may know about the request: language, translator, paths, today. */
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { languagePrefix, type Language, type TFunction } from '../i18n/index.js';
import type { Assets } from './assets.js';

export interface PageContext {
  lang: Language;
  t: TFunction;
  /** The current path without language prefix or query: '/organisationer'. */
  path: string;
  /** The current query string with its '?', or ''. */
  search: string;
  assets: Assets;
  /** Today's date in Stockholm. */
  today: string;
  /** Absolute origin for links that leave the site (calendar files, share links). */
  publicUrl: string;
  /** The signed-in user, or null for an anonymous visitor. */
  signedIn: { name: string; email: string; isAdmin: boolean; isEditor: boolean; isTranslator: boolean; isGuide: boolean } | null;
  /** A site path in this page's language: href('/sok') → '/en/sok'. */
  href(path: string): string;
}

export function makePageContext(init: Omit<PageContext, 'href'>): PageContext {
  const prefix = languagePrefix(init.lang.code);
  return {
    ...init,
    href: (path: string) => (prefix && path === '/' ? prefix : prefix + path),
  };
}

const Context = createContext<PageContext | null>(null);

export function PageProvider(props: { page: PageContext; children: ComponentChildren }) {
  return <Context.Provider value={props.page}>{props.children}</Context.Provider>;
}

/** The page context; only inside a rendered page. */
export function usePage(): PageContext {
  const page = useContext(Context);
  if (!page) throw new Error('usePage() outside a page');
  return page;
}
