/** Request ids: one per request in every log line of it, taken from a proxy's X-Request-Id when it is a plain token. */
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const PLAIN = /^[A-Za-z0-9._:-]{8,64}$/;

/** The proxy's id when it is a plain token (nothing that could forge log lines), otherwise a new one. */
export function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && PLAIN.test(given) ? given : crypto.randomUUID();
}
