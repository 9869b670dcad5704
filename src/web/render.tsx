/** Renders a page component to an HTML response. */
import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { PageProvider, type PageContext } from './page.js';

export function renderPage(page: PageContext, node: VNode): string {
  return '<!doctype html>' + renderToString(<PageProvider page={page}>{node}</PageProvider>);
}

/**
 * Where `preDrawn` left its HTML while sendPage draws (never produced by escaped text or attributes,
 * which cannot contain a raw `<!--`).
 */
const SLOT = '<!--pre-drawn-->';
/** The pre-drawn HTML of the page sendPage is drawing, in document order (rendering is synchronous). */
let slots: PreDrawn[] | null = null;

/** HTML drawn before the page: one string, or pieces that follow each other (rows of a list). */
export type PreDrawn = string | readonly string[];

/**
 * Marks HTML drawn before the page (a list of rows) for sendPage to put in place as bytes. A page as
 * one string of its own is over V8's 128 KB limit for ordinary strings once it holds a character
 * beyond Latin-1 (any dash or Arabic language name): every reader's copy then went to the large-object
 * space, costing a millisecond to make and full collections to free. Outside sendPage: the HTML itself.
 */
export function preDrawn(html: PreDrawn): string {
  if (!slots) return typeof html === 'string' ? html : html.join('');
  slots.push(html);
  return SLOT;
}

/**
 * The page's text with each slot replaced by its pre-drawn HTML, as UTF-8 bytes; null when the slots
 * do not match the parts in number (a part drawn into a string the page did not keep as it was).
 */
function pageBytes(page: string, drawn: readonly PreDrawn[]): Buffer | null {
  const pieces = page.split(SLOT);
  if (pieces.length !== drawn.length + 1) return null;
  // The page's pieces and the parts in document order, each written as it is (no string of them all).
  const texts: string[] = [pieces[0]!];
  drawn.forEach((html, i) => {
    if (typeof html === 'string') texts.push(html);
    else for (const piece of html) texts.push(piece);
    texts.push(pieces[i + 1]!);
  });
  let length = 0;
  for (const text of texts) length += Buffer.byteLength(text);
  const bytes = Buffer.allocUnsafe(length);
  let at = 0;
  for (const text of texts) at += bytes.write(text, at);
  return bytes;
}

export function sendPage(reply: FastifyReply, page: PageContext, node: VNode, status = 200): FastifyReply {
  const drawn: PreDrawn[] = [];
  slots = drawn;
  let html: string;
  try {
    html = renderPage(page, node);
  } finally {
    slots = null;
  }
  reply.code(status).type('text/html; charset=utf-8');
  // Drawn again as one string when the parts cannot be put in place: slower, never wrong.
  return reply.send(drawn.length === 0 ? html : (pageBytes(html, drawn) ?? renderPage(page, node)));
}
