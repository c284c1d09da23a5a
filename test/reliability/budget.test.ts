/**
 * Query budgets on a large archive: no query, however expensive, holds up `/health`; a query
 * over its budget is a 503 problem at once and its reader is replaced; the query classes that
 * used to take seconds (issue 9: 100 prefix terms, NEAR over 100 terms) are refused at once.
 *
 * Real HTTP on a real port (not inject), so the event loop's latency is what is measured.
 */
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { freshDatabase } from '../helpers/database.ts';
import { fillArchive } from '../helpers/large-archive.ts';

const ARTICLES = 15_000;
/** What `/health` must answer within while the worst allowed queries run (issue 9). */
const HEALTH_MS = 100;

let database: ReturnType<typeof freshDatabase>;
let worstQuery: string;
let commonWord: string;
const apps: FastifyInstance[] = [];

/** The app on the large archive, listening, with QUERY_TIMEOUT_MS as given. */
async function serve(queryTimeoutMs: number): Promise<string> {
  const previous = process.env.QUERY_TIMEOUT_MS;
  process.env.QUERY_TIMEOUT_MS = String(queryTimeoutMs);
  try {
    const app = await buildApp({ databaseUrl: database.url });
    apps.push(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  } finally {
    if (previous === undefined) delete process.env.QUERY_TIMEOUT_MS;
    else process.env.QUERY_TIMEOUT_MS = previous;
  }
}

let unhurried: Promise<string> | undefined;
/** One app with a budget no query here reaches, shared by the tests that need one. */
const unhurriedApp = () => (unhurried ??= serve(60_000));

async function timedGet(url: string) {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body,
    ms: performance.now() - started,
  };
}

/** GETs `url` until it answers 200 (readers started), at most `tries` times. */
async function untilOk(url: string, tries = 100): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if ((await timedGet(url)).status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} never answered 200`);
}

beforeAll(() => {
  database = freshDatabase();
  const { commonWords } = fillArchive(database.file, ARTICLES);
  // The most expensive query the limits allow: the commonest prefixes, as many as allowed, OR'd.
  const prefixes = [...new Set(commonWords.map((word) => word.slice(0, 3)))].slice(0, 8);
  commonWord = commonWords[0]!;
  worstQuery = prefixes.map((prefix) => `${prefix}*`).join(' OR ');
}, 120_000);

afterAll(async () => {
  for (const app of apps) await app.close();
  database.remove();
});

const searchUrl = (base: string, q: string, extra = '') =>
  `${base}/search?q=${encodeURIComponent(q)}&type=all&limit=100${extra}`;

describe('query budgets', () => {
  it(`/health answers within ${HEALTH_MS} ms while the worst allowed queries keep every reader busy`, async () => {
    const base = await unhurriedApp();
    await untilOk(`${base}/articles?limit=1`);
    // First uses (the client's connection, the server's code paths) are not what is measured.
    for (let i = 0; i < 5; i++) await timedGet(`${base}/health`);
    expect((await timedGet(searchUrl(base, commonWord, '&facets=true'))).status).toBe(200);
    let running = true;
    const slow = Promise.all(
      Array.from({ length: 2 }, () => timedGet(searchUrl(base, worstQuery, '&facets=true'))),
    ).finally(() => (running = false));
    const probes: number[] = [];
    while (running) {
      const probe = await timedGet(`${base}/health`);
      expect(probe.status).toBe(200);
      probes.push(probe.ms);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const results = await slow;
    expect(results.map((result) => result.status)).toEqual([200, 200]);
    // The queries were slow enough for a queued /health to show: they outlasted the probes' bound.
    expect(Math.max(...results.map((result) => result.ms))).toBeGreaterThan(3 * HEALTH_MS);
    expect(probes.length).toBeGreaterThan(2);
    // Within the bound; on a loaded two-core machine the OS may still preempt the main thread for
    // a probe or two (up to ~100 ms seen at load 15), so the tail is allowed 3×; a /health queued
    // behind the queries would take seconds.
    const sorted = probes.toSorted((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length * 0.95)]).toBeLessThan(HEALTH_MS);
    expect(sorted.at(-1)).toBeLessThan(3 * HEALTH_MS);
  });

  it('answers a query over its budget with a 503 problem at once, and replaces its reader', async () => {
    const budget = 100;
    const base = await serve(budget);
    await untilOk(`${base}/articles?limit=1`);
    const [over, health] = await Promise.all([
      timedGet(searchUrl(base, worstQuery)),
      new Promise((resolve) => setTimeout(resolve, budget / 2)).then(() => timedGet(`${base}/health`)),
    ]);
    expect(over.status).toBe(503);
    expect(over.type).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(over.body) as { detail: string; requestId: string };
    expect(problem.detail).toMatch(/longer than its 100 ms budget \(QUERY_TIMEOUT_MS\)/);
    expect(problem.requestId).toEqual(expect.any(String));
    expect(over.ms).toBeLessThan(budget + 1000);
    expect(health.status).toBe(200);
    expect(health.ms).toBeLessThan(HEALTH_MS);
    // Reads go on: the abandoned reader is replaced.
    await untilOk(`${base}/articles?limit=1`);

    // A burst of them, more than there are readers (and abandoned ones allowed): each is answered
    // within its budget, none waits for a runaway statement, and the pool recovers.
    const burst = await Promise.all(Array.from({ length: 6 }, () => timedGet(searchUrl(base, worstQuery))));
    expect(burst.map((response) => response.status)).toEqual(Array(6).fill(503));
    expect(Math.max(...burst.map((response) => response.ms))).toBeLessThan(budget + 1000);
    const again = await Promise.all(Array.from({ length: 2 }, () => timedGet(searchUrl(base, worstQuery))));
    expect(again.map((response) => response.status)).toEqual([503, 503]);
    expect(Math.max(...again.map((response) => response.ms))).toBeLessThan(budget + 1000);
    expect((await timedGet(`${base}/health`)).ms).toBeLessThan(HEALTH_MS);
    await untilOk(`${base}/articles?limit=1`, 400);
  });

  it.each([
    ['100 one-letter prefixes', 'a* '.repeat(100).trim()],
    ['NEAR over 100 terms, distance 1000', `NEAR(${'the '.repeat(100)}, 1000)`],
  ])('refuses %s at once with a 400 (it took seconds before)', async (_name, q) => {
    const base = await unhurriedApp();
    for (const url of [searchUrl(base, q), `${base}/articles/export?q=${encodeURIComponent(q)}`]) {
      const response = await timedGet(url);
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body).detail).toMatch(/at most|at least/);
      expect(response.ms).toBeLessThan(1000);
    }
  });

  it('stops an export over its budget on the command line with one plain sentence', async () => {
    const child = spawn(process.execPath, ['bin/news-archive.js', 'export', '--q', worstQuery], {
      // 1 ms: even one batch of the worst query (and the hop to a reader thread) takes longer on any
      // machine; 20 ms was met by a fast, idle CI machine batch by batch, and the export succeeded.
      env: { ...process.env, DATABASE_URL: database.url, QUERY_TIMEOUT_MS: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(
      /^news-archive export: The query ran longer than its 1 ms budget \(QUERY_TIMEOUT_MS\) and was stopped: [^\n]*$/,
    );
  });
});
