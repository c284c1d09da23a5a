/**
 * Checks every request passes before a route sees it, whatever the route: a bounded request id,
 * a bounded URL, and parameter values the schemas cannot rule out (JSON Schema has no "finite"
 * and Ajv's coercion lets `Infinity` past `maximum`; control characters break full-text queries).
 * Each failure is an HttpProblem, so it leaves as a problem document like any other error.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import { HttpProblem } from './errors.ts';

/** A client's x-request-id is kept only when it is short, visible ASCII: it goes into logs and headers. */
export const REQUEST_ID_PATTERN = /^[\x21-\x7e]{1,128}$/;

export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
}

/** Far above any valid query (each parameter has a maxLength), far below Node's 16 KB header limit. */
export const MAX_URL_LENGTH = 8192;

export async function refuseLongUrls(request: FastifyRequest) {
  if (request.url.length > MAX_URL_LENGTH) {
    throw new HttpProblem(
      414,
      'URI Too Long',
      `The URL has ${request.url.length} characters; at most ${MAX_URL_LENGTH} are accepted`,
    );
  }
}

// C0 controls, DEL and C1 controls: never part of a search word, a name or a path prefix.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

function unsafeValueProblem(where: string, name: string, value: unknown): HttpProblem | undefined {
  if (typeof value === 'number' && !Number.isFinite(value))
    return new HttpProblem(400, 'Invalid request parameters', `${where}/${name} must be a finite number`);
  if (typeof value === 'string') {
    const control = CONTROL_CHARACTER.exec(value)?.[0];
    if (control !== undefined) {
      const code = `U+${control.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      return new HttpProblem(
        400,
        'Invalid request parameters',
        `${where}/${name} must not contain control characters (found ${code})`,
      );
    }
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = unsafeValueProblem(where, name, item);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** A preHandler: runs after schema validation and coercion, so numbers are numbers here. */
export async function refuseUnsafeValues(request: FastifyRequest) {
  for (const [where, values] of [
    ['querystring', request.query],
    ['params', request.params],
  ] as const) {
    if (values === null || typeof values !== 'object') continue;
    for (const [name, value] of Object.entries(values)) {
      const problem = unsafeValueProblem(where, name, value);
      if (problem) throw problem;
    }
  }
}
