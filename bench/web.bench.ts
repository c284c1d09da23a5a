/**
 * Server time of the web pages on a generated archive.
 *
 *   node --import tsx bench/web.bench.ts [--size 10000] [--runs 30] [--warmup 3] [--only REGEX]
 *   npm run bench:web -- --size 10000
 *
 * Builds (or reuses) bench/corpus/search-<size>.db like bench/search.bench.ts, then times every
 * page through `app.inject` (routing, the services' queries, rendering, compression off, no
 * network), one request at a time, with the page's own variety: different terms, people, ids.
 * Terms and people come from the archive's own answers (the JSON API), not from SQL. Writes
 * bench/results/web-<size>.json (with --only, web-<size>-partial.json: only the pages whose name
 * matches); the target is p95 ≤ 50 ms per page (stated for a 100k archive). A page that fails
 * (a query over its budget: 503, or 500) is counted in `failures` with its status, its time kept.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/api/app.ts';
import { ensureCorpus } from './search-corpus.ts';

const TARGET_P95_MS = 50;
const RESULTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (ms: number): number => Math.round(ms * 100) / 100;

async function json<T>(app: FastifyInstance, url: string): Promise<T> {
  const response = await app.inject({ method: 'GET', url });
  if (response.statusCode !== 200) throw new Error(`${url} → ${response.statusCode}`);
  return response.json<T>();
}

/**
 * Wraps every method of the app's Archive so that the time spent in the services (their queries)
 * is summed: page time minus service time is the web layer's own cost (routing, rendering).
 */
function timeServices(app: FastifyInstance): { spent: () => number; reset: () => void } {
  // Calls may overlap (a page awaits several at once): the time counted is when at least one runs.
  let total = 0;
  let active = 0;
  let since = 0;
  const archive = app.archive as unknown as Record<string, unknown>;
  const proto = Object.getPrototypeOf(app.archive) as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(proto)) {
    const method = proto[name];
    if (name === 'constructor' || typeof method !== 'function') continue;
    archive[name] = async (...args: unknown[]) => {
      if (active++ === 0) since = performance.now();
      try {
        return await (method as (...a: unknown[]) => Promise<unknown>).apply(app.archive, args);
      } finally {
        if (--active === 0) total += performance.now() - since;
      }
    };
  }
  return { spent: () => total, reset: () => (total = 0) };
}

/** What the pages are asked about: people by mentions, words from article titles, ids. */
async function pickInputs(app: FastifyInstance) {
  const stats = await json<{
    totals: { articles: number };
    people: { slug: string }[];
    currencies: { currency: string }[];
  }>(app, '/stats?top=20');
  const titles = await json<{ items: { id: number; title: string }[] }>(app, '/articles?limit=100');
  const words = [
    ...new Set(titles.items.flatMap((a) => a.title.toLowerCase().match(/\p{L}{6,}/gu) ?? [])),
  ].slice(0, 20);
  const people = stats.people.map((p) => p.slug);
  const ids = titles.items.map((a) => a.id);
  return {
    words,
    people,
    topPerson: people[0]!,
    rarePeople: people.slice(-5),
    ids,
    currencies: stats.currencies.map((c) => c.currency),
    articles: stats.totals.articles,
  };
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: 'string', default: '10000' },
      runs: { type: 'string', default: '30' },
      warmup: { type: 'string', default: '3' },
      only: { type: 'string' },
    },
  });
  const [size, runs, warmup] = [values.size, values.runs, values.warmup].map(Number) as [
    number,
    number,
    number,
  ];
  if (![size, runs, warmup].every((n) => Number.isInteger(n) && n >= 0) || size === 0 || runs === 0) {
    console.error('Usage: node --import tsx bench/web.bench.ts [--size N] [--runs N] [--warmup N]');
    return 2;
  }
  const url = await ensureCorpus({ size, log: (line) => console.error(line) });
  const loadBefore = os.loadavg();
  const app = await buildApp({ databaseUrl: url });
  try {
    const input = await pickInputs(app);
    const services = timeServices(app);
    const at = <T>(list: T[], i: number) => list[i % list.length]!;
    const q = encodeURIComponent;
    const pages: { name: string; url: (i: number) => string }[] = [
      { name: 'search page, no query (newest)', url: () => '/' },
      { name: 'search: title word', url: (i) => `/?q=${q(at(input.words, i))}` },
      { name: 'search: common word', url: (i) => `/?q=${at(['prices', 'said', 'sanctions'], i)}` },
      {
        name: 'search: word + top person',
        url: (i) => `/?q=${q(at(input.words, i))}&person=${input.topPerson}`,
      },
      { name: 'search: filters only (person)', url: (i) => `/?person=${at(input.rarePeople, i)}` },
      { name: 'search: filters only (currency + min)', url: () => '/?currency=USD&min=10' },
      { name: 'article', url: (i) => `/a/${at(input.ids, i)}` },
      { name: 'person: top', url: () => `/p/${input.topPerson}` },
      { name: 'person: others', url: (i) => `/p/${at(input.people, i)}` },
      { name: 'person: quotes searched', url: (i) => `/p/${input.topPerson}?q=${q(at(input.words, i))}` },
      { name: 'currency: most mentioned', url: () => `/currency/${input.currencies[0]}` },
      { name: 'currency: each', url: (i) => `/currency/${at(input.currencies, i)}` },
      { name: 'currency list', url: () => '/currency' },
      { name: 'overview', url: () => '/overview' },
    ];
    const measured = [];
    const only = values.only === undefined ? null : new RegExp(values.only);
    for (const page of pages.filter((p) => only === null || only.test(p.name))) {
      const failures: Record<number, number> = {};
      const times: number[] = [];
      const webTimes: number[] = [];
      let bytes = 0;
      for (let i = -warmup; i < runs; i++) {
        const target = page.url(Math.abs(i));
        services.reset();
        const began = performance.now();
        const response = await app.inject({ method: 'GET', url: target, headers: { accept: 'text/html' } });
        const elapsed = performance.now() - began;
        const web = elapsed - services.spent();
        if (i < 0) continue;
        if (response.statusCode !== 200)
          failures[response.statusCode] = (failures[response.statusCode] ?? 0) + 1;
        times.push(elapsed);
        webTimes.push(web);
        bytes = Math.max(bytes, response.body.length);
      }
      const sorted = [...times].sort((a, b) => a - b);
      const webSorted = [...webTimes].sort((a, b) => a - b);
      const result = {
        name: page.name,
        example: page.url(0),
        runs: times.length,
        p50: round(percentile(sorted, 50)),
        p95: round(percentile(sorted, 95)),
        max: round(sorted.at(-1)!),
        /** Page time minus the time spent in the archive's services. */
        webP50: round(percentile(webSorted, 50)),
        webP95: round(percentile(webSorted, 95)),
        largestPageBytes: bytes,
        /** Non-200 answers by status (a query over its budget, QUERY_TIMEOUT_MS). */
        failures,
      };
      measured.push(result);
      console.error(
        `${page.name.padEnd(40)} p50 ${String(result.p50).padStart(8)} ms  p95 ${String(result.p95).padStart(8)} ms  (web layer p50 ${String(result.webP50).padStart(6)}, p95 ${String(result.webP95).padStart(6)} ms)${Object.keys(failures).length ? `  failures ${JSON.stringify(failures)}` : ''}`,
      );
    }
    const worst = Math.max(...measured.map((m) => m.p95));
    const failed = measured.filter((m) => Object.keys(m.failures).length > 0).map((m) => m.name);
    const report = {
      benchmark: 'web',
      size,
      articles: input.articles,
      date: new Date().toISOString(),
      loadAverage: { before: loadBefore.map(round), after: os.loadavg().map(round) },
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version },
      method:
        'app.inject, sequential, one request at a time; warm page cache; server time in ms; web* = page time minus time in the Archive services',
      target: {
        p95Ms: TARGET_P95_MS,
        worstP95Ms: worst,
        met: worst <= TARGET_P95_MS && failed.length === 0,
        pagesWithFailures: failed,
        worstWebLayerP95Ms: Math.max(...measured.map((m) => m.webP95)),
      },
      pages: measured,
    };
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const out = path.join(RESULTS_DIR, `web-${size}${only ? '-partial' : ''}.json`);
    fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    console.error(
      `\nworst page p95 ${worst} ms (target ≤ ${TARGET_P95_MS} ms: ${report.target.met ? 'met' : 'NOT met'})`,
    );
    console.error(`wrote ${out}`);
    return 0;
  } finally {
    await app.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
