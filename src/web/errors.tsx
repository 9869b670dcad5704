/**
 * Errors with a stable code that is also their translation key, and the one handler that turns any
 * error into a translated page (or JSON under /api). Users never see a stack trace.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Layout } from './layout.js';
import { usePage, type PageContext } from './page.js';
import { sendPage } from './render.js';
import { pageContext } from './server.js';

export type ErrorCode =
  | 'errors.notFound'
  | 'errors.badRequest'
  | 'errors.badParameter'
  | 'errors.rangeTooLong'
  | 'errors.rangeReversed'
  | 'errors.tooManyRequests'
  | 'errors.csrf'
  | 'errors.forbidden'
  | 'errors.linkExpired'
  | 'errors.changedMeanwhile'
  | 'errors.server';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly params: Record<string, string> = {},
  ) {
    super(code);
  }
}

export const notFound = () => new HttpError(404, 'errors.notFound');
export const badParameter = (parameter: string) => new HttpError(400, 'errors.badParameter', { parameter });

/** Translates an error code; codes are catalogue keys, checked by the ErrorCode union. */
export function errorMessage(t: PageContext['t'], code: ErrorCode, params: Record<string, string>): string {
  return (t as unknown as (key: string, options: Record<string, string>) => string)(code, params);
}

function ErrorPage(props: { status: number; code: ErrorCode; params: Record<string, string> }) {
  const { t, href } = usePage();
  const title =
    props.status === 404
      ? t('errors.notFoundTitle')
      : props.status === 403
        ? t('errors.forbiddenTitle')
        : props.status < 500
          ? t('errors.badRequestTitle')
          : t('errors.serverTitle');
  return (
    <Layout title={title}>
      <section class="error-page">
        <h1>{title}</h1>
        <p>{errorMessage(t, props.code, props.params)}</p>
        <p>
          <a class="button" href={href('/')}>
            {t('errors.backToCalendar')}
          </a>
        </p>
      </section>
    </Layout>
  );
}

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

/** Turns an ajv validation error into the name of the offending parameter. */
function parameterOf(error: FastifyError): string {
  const v = error.validation?.[0];
  if (!v) return 'query';
  const missing = (v.params as { missingProperty?: string }).missingProperty;
  if (missing) return missing;
  const fromPath = v.instancePath.replace(/^\//, '').split('/')[0];
  return fromPath || error.validationContext || 'query';
}

function sendError(request: FastifyRequest, reply: FastifyReply, status: number, code: ErrorCode, params: Record<string, string>) {
  const page = pageContext(request);
  if (isApi(request)) {
    return reply.code(status).send({ error: { code, message: errorMessage(page.t, code, params), ...params } });
  }
  return sendPage(reply, page, <ErrorPage status={status} code={code} params={params} />, status);
}

export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) return sendError(request, reply, error.status, error.code, error.params);
    if (error.validation) {
      return sendError(request, reply, 400, 'errors.badParameter', { parameter: parameterOf(error) });
    }
    const status = error.statusCode ?? 500;
    if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
      return sendError(request, reply, 403, 'errors.csrf', {});
    }
    if (status === 403) return sendError(request, reply, 403, 'errors.forbidden', {});
    if (status === 429) {
      return sendError(request, reply, 429, 'errors.tooManyRequests', {});
    }
    if (status >= 400 && status < 500) {
      return sendError(request, reply, status === 404 ? 404 : 400, status === 404 ? 'errors.notFound' : 'errors.badRequest', {});
    }
    request.log.error({ err: error }, 'request failed');
    return sendError(request, reply, 500, 'errors.server', {});
  });
  app.setNotFoundHandler({}, (request, reply) => sendError(request, reply, 404, 'errors.notFound', {}));
}
