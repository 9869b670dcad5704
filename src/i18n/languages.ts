/** The interface languages. Adding one: a catalogue in locales/<code>.json and one line here. */

export interface Language {
  /** BCP 47 code, also the path prefix (/en/...). */
  code: string;
  /** The language's name in itself, as the picker shows it. */
  nativeName: string;
  dir: 'ltr' | 'rtl';
  /** Locale handed to Intl: always the Gregorian calendar, as Swedish society uses it. */
  intl: string;
  /** Locale for joining lists ("A, B and C") where ICU has no patterns of the language's own. */
  listIntl?: string;
}

export const LANGUAGES: readonly Language[] = [
  { code: 'sv', nativeName: 'Svenska', dir: 'ltr', intl: 'sv-SE' },
  { code: 'en', nativeName: 'English', dir: 'ltr', intl: 'en-GB' },
  { code: 'ar', nativeName: 'العربية', dir: 'rtl', intl: 'ar' },
  { code: 'fa', nativeName: 'فارسی / دری', dir: 'rtl', intl: 'fa' },
  { code: 'ti', nativeName: 'ትግርኛ', dir: 'ltr', intl: 'ti' },
  { code: 'so', nativeName: 'Soomaali', dir: 'ltr', intl: 'so' },
  { code: 'uk', nativeName: 'Українська', dir: 'ltr', intl: 'uk' },
  // ICU joins Sorani lists with the English "and"; the Persian pattern ("A، B و C") reads right.
  { code: 'ckb', nativeName: 'کوردی (سۆرانی)', dir: 'rtl', intl: 'ckb', listIntl: 'fa' },
];

export const DEFAULT_LANGUAGE = 'sv';

const byCode = new Map(LANGUAGES.map((l) => [l.code, l]));

export function findLanguage(code: string | undefined): Language | undefined {
  return code === undefined ? undefined : byCode.get(code);
}

export function languageOrDefault(code: string | undefined): Language {
  return findLanguage(code) ?? byCode.get(DEFAULT_LANGUAGE)!;
}

/** Path prefix for a language: '' for the default, '/en' for English. */
export function languagePrefix(code: string): string {
  return code === DEFAULT_LANGUAGE ? '' : `/${code}`;
}

/** Splits '/en/organisationer' into ('en', '/organisationer'); unprefixed paths are the default language. */
export function splitLanguagePath(pathname: string): { lang: Language; path: string } {
  const m = /^\/([a-z]{2,3})(?=\/|$)(.*)$/.exec(pathname);
  const lang = m ? findLanguage(m[1]) : undefined;
  if (m && lang && lang.code !== DEFAULT_LANGUAGE) return { lang, path: m[2] || '/' };
  return { lang: languageOrDefault(DEFAULT_LANGUAGE), path: pathname || '/' };
}
