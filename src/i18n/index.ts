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

/**
 * The catalogues folder in the source tree, found by walking up to the package root, so the same
 * files serve whether the code runs from src/ (tsx) or dist/src/ (compiled).
 */
export function localesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'src', 'i18n', 'locales');
    dir = path.dirname(dir);
  }
  throw new Error('Cannot find the package root (package.json) above ' + fileURLToPath(import.meta.url));
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
const MEMO_MAX = 20_000;

/**
 * Messages are fixed once the catalogues are loaded, so a message asked for with the same key and the
 * same plain values (a count, a date already formatted) is the same text: it is looked up once. i18next
 * resolves, nests and interpolates on every call, and a page asks for hundreds of messages.
 */
function remembering(t: TFunction): TFunction {
  const memo = new Map<string, string>();
  const remembered = (key: unknown, options?: unknown) => {
    if (typeof key !== 'string' || (options !== undefined && (typeof options !== 'object' || options === null))) return (t as any)(key, options);
    let id = key;
    if (options !== undefined) {
      for (const [name, value] of Object.entries(options)) {
        if (typeof value === 'object' && value !== null) return (t as any)(key, options);
        id += `\u0000${name}\u0001${typeof value}${String(value)}`;
      }
    }
    let text = memo.get(id);
    if (text === undefined) {
      text = (t as any)(key, options) as string;
      if (memo.size >= MEMO_MAX) memo.clear();
      memo.set(id, text);
    }
    return text;
  };
  return remembered as unknown as TFunction;
}

/** The translate function of a language (one per language: i18next's getFixedT is not free). */
export function translator(code: string): TFunction {
  let t = fixed.get(code);
  if (!t) {
    t = remembering(instance.getFixedT(code));
    fixed.set(code, t);
  }
  return t;
}

export * from './format.js';
