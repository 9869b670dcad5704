/** Message catalogues: one i18next instance with every language loaded, a fixed `t` per request. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';
import { DEFAULT_LANGUAGE, LANGUAGES } from './languages.js';
import type sv from './locales/sv.json';

export * from './languages.js';
export type { TFunction };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof sv };
  }
}

/** The folder with the catalogues, found from this module whether run from src/ or dist/src/. */
export function localesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'src', 'i18n', 'locales');
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('Cannot find src/i18n/locales');
}

export type Catalogue = Record<string, unknown>;

export function loadCatalogue(code: string): Catalogue {
  return JSON.parse(fs.readFileSync(path.join(localesDir(), `${code}.json`), 'utf8')) as Catalogue;
}

const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES.map((l) => l.code),
  resources: Object.fromEntries(LANGUAGES.map((l) => [l.code, { translation: loadCatalogue(l.code) }])),
  // Preact escapes everything it renders; escaping here too would show &amp; to users.
  interpolation: { escapeValue: false },
  returnNull: false,
});

const fixed = new Map<string, TFunction>();

/** The translate function of a language (cached; i18next's getFixedT is not free). */
export function translator(code: string): TFunction {
  let t = fixed.get(code);
  if (!t) {
    t = instance.getFixedT(code);
    fixed.set(code, t);
  }
  return t;
}

export * from './format.js';
