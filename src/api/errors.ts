/**
 * The API's one error shape: RFC 9457 problem documents (application/problem+json). Every error,
 * from schema validation to an unknown id to a bug, leaves through `problemHandler`.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  InvalidCursorError,
  InvalidInputError,
  QueryTimeoutError,
  SearchSyntaxError,
} from '../archive/errors.ts';

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
  ) {
    super(detail);
  }
}

export const badRequest = (detail: string) => new HttpProblem(400, 'Bad Request', detail);
export const notFound = (detail: string) => new HttpProblem(404, 'Not Found', detail);

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function classify(error: FastifyError | Error): { status: number; title: string; detail: string } {
  if (error instanceof HttpProblem)
    return { status: error.status, title: error.title, detail: error.message };
  if (error instanceof SearchSyntaxError)
    return { status: 400, title: 'Invalid search query', detail: error.message };
  if (error instanceof InvalidInputError) return { status: 400, title: 'Bad Request', detail: error.message };
  if (error instanceof InvalidCursorError)
    return { status: 400, title: 'Invalid cursor', detail: error.message };
  if (error instanceof QueryTimeoutError)
    return { status: 503, title: 'Query over its time budget', detail: error.message };
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    return { status: 400, title: 'Invalid request parameters', detail: fastifyError.message };
  }
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return { status, title: TITLES[status] ?? 'Client Error', detail: fastifyError.message };
  }
  return {
    status: 500,
    title: TITLES[500]!,
    detail: 'The server failed to answer this request; it has been logged.',
  };
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  title: string,
  detail: string,
) {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({
      type: status === 500 ? 'about:blank' : `https://httpwg.org/specs/rfc9110.html#status.${status}`,
      title,
      status,
      detail,
      instance: request.url.split('?')[0],
      requestId: request.id,
    });
}

export function problemHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const { status, title, detail } = classify(error);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ status, detail }, 'request rejected');
  return sendProblem(request, reply, status, title, detail);
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return sendProblem(
    request,
    reply,
    404,
    'Not Found',
    `No route ${request.method} ${request.url.split('?')[0]}`,
  );
}
