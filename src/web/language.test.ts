import { describe, expect, it } from 'vitest';
import { acceptedLanguage, cookieLanguage, safeReturnPath } from './language.js';
import { LANGUAGES } from '../i18n/index.js';

const has = (code: string) => LANGUAGES.some((l) => l.code === code);

describe('acceptedLanguage', () => {
  it('picks the best language we have', () => {
    expect(acceptedLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(acceptedLanguage('sv-SE,sv;q=0.9,en;q=0.8')).toBe('sv');
    expect(acceptedLanguage('de-DE,de;q=0.9,en;q=0.5')).toBe('en');
  });

  it('gives nothing for languages we do not have, or no header', () => {
    expect(acceptedLanguage('de-DE,de;q=0.9')).toBeUndefined();
    expect(acceptedLanguage(undefined)).toBeUndefined();
    expect(acceptedLanguage('')).toBeUndefined();
    expect(acceptedLanguage(';;;,,q=x')).toBeUndefined();
  });

  it.skipIf(!has('fa'))('takes Dari (prs, fa-AF) as Persian', () => {
    expect(acceptedLanguage('prs')).toBe('fa');
    expect(acceptedLanguage('fa-AF,fa;q=0.9')).toBe('fa');
  });

  it.skipIf(!has('ar'))('takes regional Arabic as Arabic', () => {
    expect(acceptedLanguage('ar-SY,ar;q=0.9,sv;q=0.5')).toBe('ar');
  });
});

describe('cookieLanguage', () => {
  it('reads a valid language choice among other cookies', () => {
    expect(cookieLanguage('a=1; lang=en; b=2')).toBe('en');
    expect(cookieLanguage('lang=xx')).toBeUndefined();
    expect(cookieLanguage(undefined)).toBeUndefined();
    expect(cookieLanguage('mylang=en')).toBeUndefined();
  });
});

describe('safeReturnPath', () => {
  it('keeps same-site paths and refuses everything else', () => {
    expect(safeReturnPath('/organisationer?category=idrott')).toBe('/organisationer?category=idrott');
    for (const bad of ['//evil.example/', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '', undefined, 42]) {
      expect(safeReturnPath(bad)).toBe('/');
    }
  });
});
