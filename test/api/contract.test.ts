/**
 * The error contract at its edges: every 4xx/5xx Fastify or Node's HTTP parser raises is a
 * problem document with a request id; parameters the schemas cannot rule out are 400s.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/ingest/files.ts';
import { seededApp } from '../helpers/app.ts';

let app: FastifyInstance;
let url: string;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ app, url, close } = await seededApp());
});
afterAll(() => close());

function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; json: () => unknown },
  status: number,
  detail?: RegExp,
) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json() as { status: number; requestId: string; detail: string };
  expect(body.status).toBe(status);
  expect(body.requestId).toMatch(/\S/);
  expect(response.headers['x-request-id']).toBe(body.requestId);
  if (detail) expect(body.detail).toMatch(detail);
  return body;
}

describe('errors Fastify raises are problem documents', () => {
  it.each([
    ['GET', '/articles/%E0%A4%A', 400, /not a valid url/],
    ['GET', `/articles/${'1'.repeat(600)}`, 414, /max param length/],
    ['GET', `/articles?source=${'a'.repeat(9000)}`, 414, /at most 8192/],
    ['GET', '/no-such-route', 404, /No route GET/],
    ['POST', '/articles', 405, /POST is not allowed on \/articles; use GET, HEAD/],
    ['DELETE', '/articles/1', 405, /DELETE is not allowed/],
    ['POST', '/no-such-route', 404, /No route POST/],
  ])('%s (case %#)', async (method, url, status, detail) => {
    const response = await app.inject({ method: method as 'GET', url });
    expectProblem(response, status, detail);
    if (status === 405) expect(response.headers.allow).toBe('GET, HEAD');
  });

  it('keeps the client request id on framework errors', async () => {
    const response = await app.inject({ url: '/articles/%E0%A4%A', headers: { 'x-request-id': 'abc-123' } });
    expect(expectProblem(response, 400).requestId).toBe('abc-123');
  });

  it.each([
    ['{not json', 'application/json', 400, /not valid JSON/],
    ['x'.repeat(1_100_000), 'application/json', 413, /too large/],
  ])('a bad request body (%#)', async (payload, type, status, detail) => {
    const response = await app.inject({
      method: 'POST',
      url: '/articles',
      payload,
      headers: { 'content-type': type },
    });
    expectProblem(response, status, detail);
  });
});

describe('request ids', () => {
  it('echoes a short printable x-request-id', async () => {
    const response = await app.inject({ url: '/health', headers: { 'x-request-id': 'trace-42/a.b' } });
    expect(response.headers['x-request-id']).toBe('trace-42/a.b');
  });

  it.each([
    ['too long', 'x'.repeat(129)],
    ['with a space', 'a b'],
    ['non-ASCII', 'idé'],
  ])('replaces a client id %s with a fresh one', async (_, id) => {
    const response = await app.inject({ url: '/health', headers: { 'x-request-id': id } });
    const echoed = String(response.headers['x-request-id']);
    expect(echoed).not.toBe(id);
    expect(echoed).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('parameters the schemas cannot rule out', () => {
  const lists = ['/articles', '/people', '/quotes', '/prices', '/search?q=sanctions&'];
  const nonFinite = ['Infinity', '-Infinity', '1e400', '-1e400', 'NaN'];
  beforeAll(async () => {
    // A second article, so that /articles and /search have a second page.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-cursor-'));
    const file = path.join(dir, 'second.txt');
    fs.writeFileSync(
      file,
      'Lukashenko Meets Farmers\n\nAlexander Lukashenko met farmers in Minsk on Monday.\n\n"We will pay 5 dollars more," Lukashenko said.\n',
    );
    await importFiles(url, [file]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(lists.flatMap((list) => nonFinite.map((value) => [list, value])))(
    '%s limit=%s → 400',
    async (list, value) => {
      const url = `${list}${list.includes('?') ? '' : '?'}limit=${value}`;
      expectProblem(await app.inject({ url }), 400, /limit must be/);
    },
  );

  it.each(nonFinite)('/stats?top=%s → 400', async (value) => {
    expectProblem(await app.inject({ url: `/stats?top=${value}` }), 400, /top must be/);
  });

  it.each(['/articles/Infinity', '/articles/1e400'])('%s → 400', async (url) => {
    expectProblem(await app.inject({ url }), 400, /id must be/);
  });

  const textParams = [
    '/articles?q=',
    '/search?q=',
    '/quotes?q=',
    '/prices?q=',
    '/prices/stats?q=',
    '/people?text=',
    '/people?q=',
    '/articles/export?q=',
    '/articles?source=',
    '/articles?person=',
    '/search?q=a&markStart=',
  ];
  it.each(
    textParams.flatMap((prefix) => ['%00', '%01', '%0A', '%1B', '%7F', '%C2%85'].map((c) => [prefix, c])),
  )('%sa%sb → 400', async (prefix, control) => {
    const response = await app.inject({ url: `${prefix}a${control}b` });
    expectProblem(response, 400, /must not contain control characters \(found U\+00[0-9A-F]{2}\)/);
  });

  it('still accepts ordinary text', async () => {
    for (const url of [
      '/articles?q=Minsk',
      '/search?q=Lukashenko',
      '/people?q=Luka',
      '/articles?source=seed',
    ])
      expect((await app.inject({ url })).statusCode, url).toBe(200);
  });
});

/** Sends raw bytes to a listening server and returns what came back. */
function rawRequest(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
    socket.write(bytes);
  });
}

describe("errors from Node's HTTP parser", () => {
  let port: number;
  beforeAll(async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as net.AddressInfo).port;
  });

  it.each([
    ['a malformed request line', 'GET /articles HTTP/1.1 extra\r\n\r\n', 400],
    ['an invalid header', 'GET / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n', 400],
    ['headers over 16 KB', `GET /articles?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431],
  ])('%s → %i problem document', async (_, bytes, status) => {
    const answer = await rawRequest(port, bytes);
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expect(head).toMatch(/content-type: application\/problem\+json/i);
    const problem = JSON.parse(body!) as { status: number; requestId: string };
    expect(problem.status).toBe(status);
    expect(head).toContain(`x-request-id: ${problem.requestId}`);
  });
});

describe('cursors carry their endpoint', () => {
  const lists = ['/articles', '/people', '/quotes', '/prices', '/search?q=Lukashenko&type=articles'];
  const pathOf = (list: string) => list.split('?')[0]!;
  const withCursor = (list: string, cursor: string) =>
    `${list}${list.includes('?') ? '&' : '?'}limit=1&cursor=${encodeURIComponent(cursor)}`;

  beforeAll(async () => {
    // A second article, so that /articles and /search have a second page.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-cursor-'));
    const file = path.join(dir, 'second.txt');
    fs.writeFileSync(
      file,
      'Lukashenko Meets Farmers\n\nAlexander Lukashenko met farmers in Minsk on Monday.\n\n"We will pay 5 dollars more," Lukashenko said.\n',
    );
    await importFiles(url, [file]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(lists.flatMap((from) => lists.filter((to) => to !== from).map((to) => [from, to])))(
    'a %s cursor on %s is a 400 naming where it belongs',
    async (from, to) => {
      const first = await app.inject({ url: `${from}${from.includes('?') ? '&' : '?'}limit=1` });
      const cursor = first.json<{ nextCursor: string | null }>().nextCursor;
      expect(cursor, `${from} has a second page`).toEqual(expect.any(String));
      const misused = await app.inject({ url: withCursor(to, cursor!) });
      expectProblem(misused, 400, new RegExp(`cursor belongs to ${pathOf(from)}, not ${pathOf(to)}`));
      const ownList = await app.inject({ url: withCursor(from, cursor!) });
      expect(ownList.statusCode).toBe(200);
    },
  );
});

describe('conditional requests (RFC 9110)', () => {
  const urls = ['/articles/1', '/articles', '/stats', '/openapi.json'];
  const get = (target: string, headers: Record<string, string> = {}) => app.inject({ url: target, headers });

  it.each(urls)('%s: *, lists and weak tags match; others do not', async (target) => {
    const first = await get(target);
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers.vary).toMatch(/accept-encoding/i);
    for (const condition of ['*', etag, `W/${etag}`, `"other", ${etag}`, `W/"x,y", W/${etag} , "z"`]) {
      const again = await get(target, { 'if-none-match': condition });
      expect(again.statusCode, condition).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(etag);
    }
    for (const condition of ['"other"', `"other", W/"${etag.slice(1, -2)}"`, etag.slice(0, -1)]) {
      expect((await get(target, { 'if-none-match': condition })).statusCode, condition).toBe(200);
    }
  });

  it.each(['/articles/1', '/openapi.json'])('%s: gzip and identity have different tags', async (target) => {
    const identity = await get(target);
    const gzip = await get(target, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers.etag).not.toBe(identity.headers.etag);
    expect(gzip.headers.etag).toBe(`${(identity.headers.etag as string).slice(0, -1)}-gzip"`);
    const revalidated = await get(target, {
      'accept-encoding': 'gzip',
      'if-none-match': gzip.headers.etag as string,
    });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.headers['content-encoding']).toBeUndefined();
    // The identity tag does not validate the gzip representation, nor the reverse.
    const crossed = await get(target, {
      'accept-encoding': 'gzip',
      'if-none-match': identity.headers.etag as string,
    });
    expect(crossed.statusCode).toBe(200);
    expect((await get(target, { 'if-none-match': gzip.headers.etag as string })).statusCode).toBe(200);
  });

  it('puts no ETag on errors and answers them whatever If-None-Match says', async () => {
    const missing = await get('/articles/999999', { 'if-none-match': '*' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers.etag).toBeUndefined();
  });
});
