/** Renders a page component to an HTML response. */
import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { PageProvider, type PageContext } from './page.js';

export function renderPage(page: PageContext, node: VNode): string {
  return '<!doctype html>' + renderToString(<PageProvider page={page}>{node}</PageProvider>);
}

export function sendPage(reply: FastifyReply, page: PageContext, node: VNode, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(renderPage(page, node));
}
