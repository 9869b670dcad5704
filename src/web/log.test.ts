import { describe, expect, it } from 'vitest';
import { UrlRedactor } from './log.js';

describe('UrlRedactor', () => {
  const redactor = new UrlRedactor();
  for (const route of ['/svar/:token', '/en/svar/:token', '/konto/epost/:token', '/aktivitet/:id', '/hantera/:org/aktivitet/:id', '/x/:token/y/:token']) {
    redactor.addRoute(route);
  }

  it('blanks the secret segment of a path shaped like a route with a token', () => {
    expect(redactor.redact('/svar/abcDEF123_-')).toBe('/svar/[redacted]');
    expect(redactor.redact('/en/svar/abc?x=1')).toBe('/en/svar/[redacted]?x=1');
    expect(redactor.redact('/svar/abc/more')).toBe('/svar/[redacted]/more');
    expect(redactor.redact('/x/a/y/b')).toBe('/x/[redacted]/y/[redacted]');
  });

  it('leaves other paths and parameters alone', () => {
    expect(redactor.redact('/aktivitet/42-sprakcafe')).toBe('/aktivitet/42-sprakcafe');
    expect(redactor.redact('/hantera/vivalla/aktivitet/7')).toBe('/hantera/vivalla/aktivitet/7');
    expect(redactor.redact('/svar/')).toBe('/svar/');
    expect(redactor.redact('/svarx/abc')).toBe('/svarx/abc');
    expect(redactor.redact('/sok?q=svar%2Fabc')).toBe('/sok?q=svar%2Fabc');
  });

  it('blanks a token path given as a query value', () => {
    expect(redactor.redact('/logga-in?next=%2Fkonto%2Fepost%2Fabc&x=1')).toBe('/logga-in?next=%2Fkonto%2Fepost%2F%5Bredacted%5D&x=1');
    expect(redactor.redact('/logga-in?next=%E0%A4%A')).toBe('/logga-in?next=%E0%A4%A');
  });
});
