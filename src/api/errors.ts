/**
 * The API's one error shape: RFC 9457 problem documents (application/problem+json). Every error,
 * from schema validation to an unknown id to a bug, leaves through `problemHandler`.
 */
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  InvalidCursorError,
  InvalidInputError,
  QueryTimeoutError,
  SearchSyntaxError,
} from '../archive/errors.ts';
import { databaseFailure } from '../db/database-file.ts';

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
  408: 'Request Timeout',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
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
  // A damaged or unreadable archive is the server's state, not a bug: said plainly, as a 503.
  const failure = databaseFailure(error);
  if (failure) return { status: 503, title: TITLES[503]!, detail: failure.message };
  return {
    status: 500,
    title: TITLES[500]!,
    detail: 'The server failed to answer this request; it has been logged.',
  };
}

export function problemDocument(
  status: number,
  title: string,
  detail: string,
  instance: string,
  requestId: string,
) {
  return {
    type: status === 500 ? 'about:blank' : `https://httpwg.org/specs/rfc9110.html#status.${status}`,
    title,
    status,
    detail,
    instance,
    requestId,
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
    .send(problemDocument(status, title, detail, request.url.split('?')[0]!, request.id));
}

export function problemHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const { status, title, detail } = classify(error);
  if (databaseFailure(error)?.problem === 'corrupt') request.server.archive.noteDamage(error);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ status, detail }, 'request rejected');
  return sendProblem(request, reply, status, title, detail);
}

/** A path served by GET only, asked with another method, is a 405 naming what is allowed. */
function allowedMethods(request: FastifyRequest): string | undefined {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const url = request.url.split('?')[0]!;
  return request.server.findRoute({ method: 'GET', url }) !== null ? 'GET, HEAD' : undefined;
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  const allow = allowedMethods(request);
  if (allow !== undefined) {
    return sendProblem(
      request,
      reply.header('allow', allow),
      405,
      TITLES[405]!,
      `${request.method} is not allowed on ${request.url.split('?')[0]}; use ${allow}`,
    );
  }
  return sendProblem(
    request,
    reply,
    404,
    'Not Found',
    `No route ${request.method} ${request.url.split('?')[0]}`,
  );
}

/**
 * Errors Fastify raises before routing (a URL that does not decode, a path parameter over the
 * router's limit): through the one handler, with the request id, like every other error.
 */
export function frameworkErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  // Raised before any route: no onRequest or onSend hook runs, so these headers are set here.
  reply.header('x-request-id', request.id).header('x-content-type-options', 'nosniff');
  void problemHandler(error, request, reply);
}

const CLIENT_ERRORS: Record<string, { status: number; detail: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, detail: 'The request was not received in time' },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    detail: 'The request line and headers exceed the size the server accepts (16 KB)',
  },
};

/**
 * Requests Node's HTTP parser refuses never reach Fastify: the answer is written to the socket
 * by hand, still as a problem document with a request id (logged with the error).
 */
export function clientErrorHandler(
  this: { log: FastifyRequest['log'] },
  error: Error & { code?: string },
  socket: Duplex,
) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, detail } = CLIENT_ERRORS[error.code ?? ''] ?? {
    status: 400,
    detail: 'The request is not valid HTTP/1.1',
  };
  const requestId = randomUUID();
  this.log.info({ reqId: requestId, status, code: error.code }, 'client error');
  if (socket.writable) {
    const body = JSON.stringify(problemDocument(status, TITLES[status]!, detail, '', requestId));
    socket.write(
      `HTTP/1.1 ${status} ${TITLES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nx-request-id: ${requestId}\r\n` +
        `X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
