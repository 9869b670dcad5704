import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { findLanguage, translator } from '../i18n/index.js';
import { makePageContext, type PageContext } from './page.js';
import { preDrawn, renderPage, sendPage, type PreDrawn } from './render.js';

const assets: PageContext['assets'] = { url: (name) => `/static/${name}`, bytes: () => Buffer.alloc(0) };
const page = makePageContext({ lang: findLanguage('sv')!, t: translator('sv'), path: '/', search: '', assets, today: '2026-11-26', publicUrl: 'http://tillsammans.test', signedIn: null });

/** A page with lists drawn before it, as the week's rows are; the text around them has characters beyond Latin-1. */
function Page(props: { lists: PreDrawn[] }) {
  return (
    <main>
      <h1>Vecka 48 – العربية</h1>
      {props.lists.map((html, i) => (
        <ul key={i} dangerouslySetInnerHTML={{ __html: preDrawn(html) }} />
      ))}
      <p>Slut “här”</p>
    </main>
  );
}

describe('a page sent with pre-drawn lists', () => {
  it('arrives as the same UTF-8 as the page drawn as one string, however large', async () => {
    const row = (i: number) => `<li><a href="/aktivitet/${i}">Språkcafé ${i} – ትግርኛ 😀 &amp; Українська</a></li>`;
    const lists = [Array.from({ length: 2000 }, (_, i) => row(i)), '', row(1), [], Array.from({ length: 50 }, (_, i) => row(i)).join('')];
    const app = Fastify();
    app.get('/', (_request, reply) => sendPage(reply, page, <Page lists={lists} />));
    const res = await app.inject({ method: 'GET', url: '/' });
    await app.close();
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const whole = renderPage(page, <Page lists={lists} />);
    expect(res.rawPayload.equals(Buffer.from(whole))).toBe(true);
    expect(whole.length).toBeGreaterThan(100_000);
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(whole));
  });

  it('is drawn as one string when a part ends up where the page does not keep it as it is', async () => {
    // A component that draws a list into an attribute: its slot marker is escaped, the part has no place.
    const Odd = () => <main data-x={preDrawn(['<li>x</li>'])}><ul dangerouslySetInnerHTML={{ __html: preDrawn(['<li>å</li>']) }} /></main>;
    const app = Fastify();
    app.get('/', (_request, reply) => sendPage(reply, page, <Odd />));
    const res = await app.inject({ method: 'GET', url: '/' });
    await app.close();
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(renderPage(page, <Odd />));
    expect(res.body).toContain('<ul><li>å</li></ul>');
  });

  it('leaves HTML in place when drawn outside sendPage (a PDF, a test)', () => {
    expect(renderPage(page, <Page lists={['<li>a</li>']} />)).toContain('<ul><li>a</li></ul>');
  });
});
