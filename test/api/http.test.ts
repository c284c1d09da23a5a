import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { loadConfig } from '../../src/config.ts';
import { PROJECT_ROOT } from '../../src/db/migrate.ts';
import { collectFiles, importFiles } from '../../src/ingest/files.ts';
import { SEED_DIR } from '../../src/cli/serve.ts';
import { freshDatabase } from '../helpers/database.ts';

let app: FastifyInstance;
let database: ReturnType<typeof freshDatabase>;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  database = freshDatabase();
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
        logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  app = await buildApp({
    databaseUrl: database.url,
    corsOrigin: ['https://allowed.example'],
    logger: { level: 'info', stream },
  });
  await importFiles(database.url, await collectFiles([SEED_DIR]));
});
afterAll(async () => {
  await app.close();
  database.remove();
});

describe('ETag and conditional GET', () => {
  it.each([
    '/articles',
    '/search?q=sanctions',
    '/stats',
    '/prices/stats',
    '/quotes?speaker=Lukashenko',
    '/openapi.json',
  ])('%s answers If-None-Match with 304', async (url) => {
    const first = await app.inject({ method: 'GET', url });
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"|^W\//);
    const again = await app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await app.inject({ method: 'GET', url, headers: { 'if-none-match': '"something-else"' } });
    expect(other.statusCode).toBe(200);
  });

  it('changes the ETag when the answer changes', async () => {
    const a = await app.inject({ method: 'GET', url: '/search?q=sanctions' });
    const b = await app.inject({ method: 'GET', url: '/search?q=credo' });
    expect(a.headers.etag).not.toBe(b.headers.etag);
  });
});

describe('compression', () => {
  it('gzips and brotli-compresses large JSON answers on request, and not otherwise', async () => {
    const plain = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gzip = await app.inject({
      method: 'GET',
      url: '/openapi.json',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
    expect(gzip.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    const br = await app.inject({ method: 'GET', url: '/articles/1', headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString()).id).toBe(1);
  });
});

describe('CORS', () => {
  it('allows the configured origins only', async () => {
    const allowed = await app.inject({
      method: 'GET',
      url: '/health',
      headers: { origin: 'https://allowed.example' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://allowed.example');
    const other = await app.inject({
      method: 'GET',
      url: '/health',
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/search?q=x',
      headers: { origin: 'https://allowed.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://allowed.example');
  });

  it('reads CORS_ORIGIN from the environment', () => {
    expect(loadConfig({ CORS_ORIGIN: '' }).corsOrigin).toBe(false);
    expect(loadConfig({ CORS_ORIGIN: '*' }).corsOrigin).toBe(true);
    expect(loadConfig({ CORS_ORIGIN: 'https://a.example, https://b.example' }).corsOrigin).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
  });
});

describe('request ids and logs', () => {
  it('echoes x-request-id, or makes one, in the header, the error body and every log line of the request', async () => {
    const given = await app.inject({
      method: 'GET',
      url: '/articles/999999',
      headers: { 'x-request-id': 'trace-abc' },
    });
    expect(given.headers['x-request-id']).toBe('trace-abc');
    expect(given.json()).toMatchObject({ status: 404, requestId: 'trace-abc' });
    const lines = logLines.filter((line) => line.reqId === 'trace-abc');
    expect(lines.length).toBeGreaterThanOrEqual(2); // incoming request, request completed
    expect(
      lines.every(
        (line) =>
          typeof line.level === 'number' && typeof line.time === 'number' && typeof line.msg === 'string',
      ),
    ).toBe(true);

    const made = await app.inject({ method: 'GET', url: '/search?q=%22open' });
    const id = made.headers['x-request-id'] as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.json().requestId).toBe(id);
    expect(logLines.some((line) => line.reqId === id && line.msg === 'request rejected')).toBe(true);
  });

  it('logs structured JSON lines with a request id on every request line', () => {
    const requestLines = logLines.filter((line) => 'req' in line || 'res' in line);
    expect(requestLines.length).toBeGreaterThan(0);
    expect(requestLines.every((line) => typeof line.reqId === 'string')).toBe(true);
  });
});

describe('limits', () => {
  it.each([
    ['/search?q=x&limit=101', 400],
    ['/articles?limit=1000', 400],
    [`/search?q=${'a'.repeat(501)}`, 400],
    [`/articles?q=${'a'.repeat(501)}`, 400],
    ['/search?q=x&markStart=' + 'x'.repeat(33), 400],
  ])('%s → %i', async (url, status) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('the server process', () => {
  it('serves on PORT=0, honours CORS_ORIGIN and exits cleanly on SIGTERM', async () => {
    const own = freshDatabase();
    const child: ChildProcessWithoutNullStreams = spawn(
      process.execPath,
      [path.join(PROJECT_ROOT, 'bin/news-archive.js'), 'serve', '--no-seed'],
      {
        env: {
          ...process.env,
          DATABASE_URL: own.url,
          PORT: '0',
          HOST: '127.0.0.1',
          CORS_ORIGIN: 'https://ui.example',
          LOG_LEVEL: 'info',
        },
      },
    );
    try {
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const address = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const match = /news-archive API listening on (http:\/\/\S+)/.exec(stdout);
          if (match) resolve(match[1]!);
        });
        child.on('exit', (code) => reject(new Error(`serve exited early (${code}): ${stderr}`)));
      });
      const response = await fetch(`${address}/health`, {
        headers: { origin: 'https://ui.example', 'x-request-id': 'from-test' },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', articles: 0 });
      expect(response.headers.get('access-control-allow-origin')).toBe('https://ui.example');
      expect(response.headers.get('x-request-id')).toBe('from-test');

      const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
        child.on('exit', (code, signal) => resolve({ code, signal })),
      );
      child.kill('SIGTERM');
      expect(await exited).toEqual({ code: 0, signal: null });
      const logs = stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(logs.some((line) => line.reqId === 'from-test')).toBe(true);
      expect(logs.some((line) => line.msg === 'shutting down' && line.signal === 'SIGTERM')).toBe(true);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      own.remove();
    }
  }, 60_000);
});
