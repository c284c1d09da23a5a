/**
 * Search and list latency on a generated archive.
 *
 *   node --import tsx bench/search.bench.ts [--size 100000] [--runs 40] [--warmup 3] [--only "search: selective"] [--db postgres]
 *     [--baseline DIR]
 *
 * Builds (or reuses) bench/corpus/search-<size>.db with bench/generator.ts and the archive's
 * extraction (see search-corpus.ts), then times requests through `app.inject` (the whole Fastify
 * stack: validation, query, serialisation, ETag, no network) one at a time, for selective and
 * common terms, with and without filters, and the other lists, facets and statistics. Terms are
 * picked from the corpus's own FTS vocabulary by document frequency. Writes
 * bench/results/search-<size>.json; the target is p99 <= 50 ms for selective searches.
 *
 * --baseline DIR: also times the same requests on another checkout of the project (e.g. the
 * commit before a change, extracted with `git archive`, its node_modules and src/db/generated in
 * place) over the same database, alternating request by request, so that both columns see the
 * same machine load (the machine is shared). Scenarios the baseline does not know are skipped there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { buildApp } from '../src/api/app.ts';
import { databaseFile } from '../src/db/client.ts';
import { benchDialect } from './postgres.ts';
import { ensureCorpus } from './search-corpus.ts';

const TARGET_P99_MS = 50;
const RESULTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');

interface Scenario {
  name: string;
  /** Counted against the p99 target. */
  selective: boolean;
  url: (i: number) => string;
  runs?: number;
  /** Uses a parameter older versions reject: not timed on a baseline. */
  added?: boolean;
}

interface Timing {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

interface Measured {
  name: string;
  selective: boolean;
  example: string;
  runs: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  /** Hits (or rows) of the example request's first page. */
  rows: number;
  /** The same requests on the baseline checkout, alternating with these (--baseline). */
  baseline?: Timing;
}

function timing(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1)!),
    mean: round(times.reduce((a, b) => a + b, 0) / times.length),
  };
}

type App = Awaited<ReturnType<typeof buildApp>>;

/** The app of another checkout of the project (--baseline), over the same database. */
async function baselineApp(dir: string, databaseUrl: string): Promise<App> {
  const module = (await import(path.resolve(dir, 'src/api/app.ts'))) as { buildApp: typeof buildApp };
  return module.buildApp({ databaseUrl });
}

/** Hits (or rows) of a response's first page. */
function rowsOf(body: {
  items?: unknown[];
  articles?: { items: unknown[] };
  quotes?: { items: unknown[] };
  currencies?: unknown[];
}): number {
  return (
    (body.items?.length ?? 0) +
    (body.articles?.items.length ?? 0) +
    (body.quotes?.items.length ?? 0) +
    (body.currencies?.length ?? 0)
  );
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (ms: number): number => Math.round(ms * 100) / 100;

/** Terms of the corpus by document frequency, read from the FTS index itself. */
function pickTerms(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    db.exec(`CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, 'articles_fts', 'row')`);
    const words = (min: number, max: number, limit: number): string[] =>
      db
        .prepare(
          `SELECT term FROM temp.vocab WHERE doc BETWEEN ? AND ? AND length(term) >= 5 AND term NOT GLOB '*[^a-z]*'
           ORDER BY doc, term LIMIT ?`,
        )
        .pluck()
        .all(min, max, limit) as string[];
    const rare = words(1, 200, 20);
    const medium = words(300, 3000, 10);
    const common = ['sanctions', 'prices', 'said'];
    const person = (having: string) =>
      db
        .prepare(
          `SELECT p."name" FROM "people" p JOIN "mentions" m ON m."personId" = p."id" GROUP BY p."id" HAVING ${having} LIMIT 1`,
        )
        .pluck()
        .get() as string | undefined;
    const topPerson = db
      .prepare(
        `SELECT p."name" FROM "people" p JOIN "mentions" m ON m."personId" = p."id" GROUP BY p."id" ORDER BY count(*) DESC LIMIT 1`,
      )
      .pluck()
      .get() as string;
    const rarePerson = person('count(DISTINCT m."articleId") BETWEEN 2 AND 10') ?? topPerson;
    const counts = db
      .prepare(
        `SELECT (SELECT count(*) FROM "articles") AS articles, (SELECT count(*) FROM "quotes") AS quotes,
                (SELECT count(*) FROM "price_mentions") AS prices, (SELECT count(*) FROM "people") AS people`,
      )
      .get() as Record<string, number>;
    return {
      rare: rare.length ? rare : words(1, 1e9, 20),
      medium: medium.length ? medium : rare,
      common,
      topPerson,
      rarePerson,
      counts,
    };
  } finally {
    db.close();
  }
}

/** The same picks on PostgreSQL: document frequencies from ts_stat over the search vectors. */
async function pickPostgresTerms(url: string): Promise<ReturnType<typeof pickTerms>> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const one = async <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
      (await client.query(sql, params)).rows as T[];
    const words = async (min: number, max: number, limit: number) =>
      (
        await one<{ word: string }>(
          `SELECT word FROM ts_stat('SELECT "searchVector" FROM "articles"')
           WHERE ndoc BETWEEN $1 AND $2 AND word ~ '^[a-z]{5,}$' ORDER BY ndoc, word LIMIT $3`,
          [min, max, limit],
        )
      ).map((row) => row.word);
    const personBy = async (having: string, order = '') =>
      (
        await one<{ name: string }>(
          `SELECT p."name" FROM "people" p JOIN "mentions" m ON m."personId" = p."id" GROUP BY p."id" ${having} ${order} LIMIT 1`,
        )
      )[0]?.name;
    const rare = await words(1, 200, 20);
    const medium = await words(300, 3000, 10);
    const topPerson = (await personBy('', 'ORDER BY count(*) DESC'))!;
    const [counts] = await one<Record<string, number>>(
      `SELECT (SELECT count(*) FROM "articles")::int AS articles, (SELECT count(*) FROM "quotes")::int AS quotes,
              (SELECT count(*) FROM "price_mentions")::int AS prices, (SELECT count(*) FROM "people")::int AS people`,
    );
    return {
      rare: rare.length ? rare : await words(1, 1e9, 20),
      medium: medium.length ? medium : rare,
      common: ['sanctions', 'prices', 'said'],
      topPerson,
      rarePerson: (await personBy('HAVING count(DISTINCT m."articleId") BETWEEN 2 AND 10')) ?? topPerson,
      counts: counts!,
    };
  } finally {
    await client.end();
  }
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: 'string', default: '100000' },
      runs: { type: 'string', default: '40' },
      warmup: { type: 'string', default: '3' },
      only: { type: 'string' },
      db: { type: 'string' },
      baseline: { type: 'string' },
    },
  });
  const dialect = benchDialect(values.db);
  const size = Number(values.size);
  const runs = Number(values.runs);
  const warmup = Number(values.warmup);
  if (![size, runs, warmup].every((n) => Number.isInteger(n) && n >= 0) || size === 0 || runs === 0) {
    console.error('Usage: node --import tsx bench/search.bench.ts [--size N] [--runs N] [--warmup N]');
    return 2;
  }

  const url = await ensureCorpus({ size, dialect, log: (line) => console.error(line) });
  const terms = dialect === 'postgres' ? await pickPostgresTerms(url) : pickTerms(databaseFile(url));
  console.error(
    `terms: rare ${terms.rare.slice(0, 5).join(', ')}…; medium ${terms.medium.slice(0, 3).join(', ')}…; people: ${terms.rarePerson} (rare), ${terms.topPerson} (top)`,
  );

  const rare = (i: number) => terms.rare[i % terms.rare.length]!;
  const medium = (i: number) => terms.medium[i % terms.medium.length]!;
  const common = (i: number) => terms.common[i % terms.common.length]!;
  const q = (term: string) => encodeURIComponent(term);
  const month = (i: number) =>
    `from=${2020 + (i % 6)}-0${1 + (i % 9)}-01&to=${2020 + (i % 6)}-0${1 + (i % 9)}-28`;
  const year = (i: number) => `from=${2020 + (i % 6)}-01-01&to=${2020 + (i % 6)}-12-31`;
  const week = (i: number) => `from=2022-0${1 + (i % 9)}-01&to=2022-0${1 + (i % 9)}-07`;
  const top = encodeURIComponent(terms.topPerson);
  const rarePerson = encodeURIComponent(terms.rarePerson);

  const scenarios: Scenario[] = [
    { name: 'search: selective term', selective: true, url: (i) => `/search?q=${q(rare(i))}` },
    {
      name: 'search: selective term, type=articles',
      selective: true,
      url: (i) => `/search?q=${q(rare(i))}&type=articles`,
    },
    {
      name: 'search: selective term + year',
      selective: true,
      url: (i) => `/search?q=${q(rare(i))}&${year(i)}`,
    },
    {
      name: 'search: selective term + top person',
      selective: true,
      url: (i) => `/search?q=${q(rare(i))}&person=${top}`,
    },
    {
      name: 'search: selective term + currency + min',
      selective: true,
      url: (i) => `/search?q=${q(rare(i))}&currency=USD&min=10`,
    },
    { name: 'search: selective prefix', selective: true, url: (i) => `/search?q=${q(`${rare(i)}*`)}` },
    {
      name: 'search: selective OR medium',
      selective: true,
      url: (i) => `/search?q=${q(`${rare(i)} OR ${medium(i)}`)}`,
    },
    { name: 'search: medium term', selective: true, url: (i) => `/search?q=${q(medium(i))}` },
    {
      name: 'search: common term + rare person',
      selective: false,
      url: (i) => `/search?q=${common(i)}&person=${rarePerson}`,
    },
    { name: 'search: common term + week', selective: false, url: (i) => `/search?q=${common(i)}&${week(i)}` },
    {
      name: 'search: selective term, facets',
      selective: true,
      url: (i) => `/search?q=${q(rare(i))}&facets=true`,
    },
    { name: 'search: common term', selective: false, url: (i) => `/search?q=${common(i)}` },
    {
      name: 'search: common term + month',
      selective: false,
      url: (i) => `/search?q=${common(i)}&${month(i)}`,
    },
    { name: 'search: common phrase', selective: false, url: () => `/search?q=${q('"energy supplies"')}` },
    {
      name: 'search: common term, page 2',
      selective: false,
      url: (i) => `/search?q=${common(i)}&type=articles&cursor=CURSOR`,
    },
    {
      name: 'search: common term, facets',
      selective: false,
      url: (i) => `/search?q=${common(i)}&facets=true`,
      runs: 5,
    },
    {
      name: 'search: common term + week, facets',
      selective: false,
      url: (i) => `/search?q=${common(i)}&${week(i)}&facets=true`,
      runs: 10,
    },
    {
      name: 'search: common term, sort=date',
      selective: false,
      url: (i) => `/search?q=${common(i)}&sort=date`,
      added: true,
    },
    {
      name: 'search: common term + month, sort=date',
      selective: false,
      url: (i) => `/search?q=${common(i)}&${month(i)}&sort=date`,
      added: true,
    },
    { name: 'articles: selective q', selective: true, url: (i) => `/articles?q=${q(rare(i))}` },
    {
      name: 'articles: common q + year',
      selective: false,
      url: (i) => `/articles?q=${common(i)}&${year(i)}`,
    },
    { name: 'articles: rare person', selective: false, url: () => `/articles?person=${rarePerson}` },
    {
      name: 'articles: top person + month',
      selective: false,
      url: (i) => `/articles?person=${top}&${month(i)}`,
    },
    {
      name: 'articles: currency + min (rare prices)',
      selective: false,
      url: () => `/articles?currency=GBP&min=99`,
    },
    {
      name: 'articles: source prefix',
      selective: false,
      url: (i) => `/articles?source=${q(`https://news.example/articles/${1000 + i}`)}`,
    },
    { name: 'quotes: selective q', selective: true, url: (i) => `/quotes?q=${q(rare(i))}` },
    { name: 'quotes: common q', selective: false, url: (i) => `/quotes?q=${common(i)}` },
    { name: 'quotes: rare speaker', selective: false, url: () => `/quotes?speaker=${rarePerson}` },
    { name: 'prices: currency (common)', selective: false, url: () => `/prices?currency=USD` },
    { name: 'prices: currency + min (rare)', selective: false, url: () => `/prices?currency=GBP&min=99.9` },
    { name: 'people: text=selective', selective: false, url: (i) => `/people?q=&text=${q(rare(i))}` },
    { name: 'people: name part', selective: false, url: () => `/people?q=han` },
    { name: 'prices/stats: whole archive', selective: false, url: () => `/prices/stats`, runs: 5 },
    { name: 'prices/stats: month', selective: false, url: (i) => `/prices/stats?${month(i)}`, runs: 5 },
    { name: 'stats', selective: false, url: () => `/stats`, runs: 5 },
  ];

  const only = values.only;
  const chosen = only === undefined ? scenarios : scenarios.filter((s) => s.name.includes(only));
  const loadBefore = os.loadavg();
  const app = await buildApp({ databaseUrl: url });
  const baseline = values.baseline === undefined ? null : await baselineApp(values.baseline, url);
  const measured: Measured[] = [];
  try {
    // Page 2 of a common search needs a real cursor per term (each version its own).
    const cursorsOf = async (target: App) => {
      const cursors = new Map<string, string>();
      for (const term of terms.common) {
        const first = await target.inject({ method: 'GET', url: `/search?q=${term}&type=articles` });
        cursors.set(term, first.json<{ nextCursor: string }>().nextCursor);
      }
      return cursors;
    };
    const cursors = new Map<App, Map<string, string>>([[app, await cursorsOf(app)]]);
    if (baseline) cursors.set(baseline, await cursorsOf(baseline));
    for (const scenario of chosen) {
      const count = Math.min(runs, scenario.runs ?? runs);
      const targets = baseline && !scenario.added ? [app, baseline] : [app];
      const times = new Map<App, number[]>(targets.map((target) => [target, []]));
      let rows = 0;
      let example = '';
      for (let i = -warmup; i < count; i++) {
        // Alternate which version goes first, so neither always meets a warmer cache.
        for (const target of i % 2 === 0 ? targets : [...targets].reverse()) {
          let request = scenario.url(Math.abs(i));
          if (request.includes('CURSOR'))
            request = request.replace('CURSOR', cursors.get(target)!.get(common(Math.abs(i)))!);
          const began = performance.now();
          const response = await target.inject({ method: 'GET', url: request });
          const elapsed = performance.now() - began;
          if (response.statusCode !== 200)
            throw new Error(`${request} → ${response.statusCode}: ${response.body.slice(0, 300)}`);
          if (i < 0) continue;
          times.get(target)!.push(elapsed);
          if (i === 0 && target === app) {
            example = request.length > 160 ? `${request.slice(0, 160)}…` : request;
            rows = rowsOf(response.json());
          }
        }
      }
      const result: Measured = {
        name: scenario.name,
        selective: scenario.selective,
        example,
        runs: times.get(app)!.length,
        ...timing(times.get(app)!),
        rows,
        ...(baseline && times.has(baseline) && { baseline: timing(times.get(baseline)!) }),
      };
      measured.push(result);
      const was = result.baseline
        ? `   baseline p50 ${String(result.baseline.p50).padStart(8)} ms  p99 ${String(result.baseline.p99).padStart(8)} ms`
        : '';
      console.error(
        `${scenario.name.padEnd(44)} p50 ${String(result.p50).padStart(8)} ms  p99 ${String(result.p99).padStart(8)} ms  (${result.runs} runs)${was}`,
      );
    }
  } finally {
    await app.close();
    await baseline?.close();
  }

  const selective = measured.filter((m) => m.selective);
  const worst = Math.max(...selective.map((m) => m.p99));
  const report = {
    benchmark: 'search',
    size,
    corpus: terms.counts,
    date: new Date().toISOString(),
    loadAverage: { before: loadBefore.map(round), after: os.loadavg().map(round) },
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    method: 'app.inject, sequential, one request at a time; warm page cache; latencies in ms',
    ...(values.baseline !== undefined && {
      baseline: `${values.baseline}: the same requests alternating with these, over the same database`,
    }),
    terms: {
      rare: terms.rare,
      medium: terms.medium,
      common: terms.common,
      rarePerson: terms.rarePerson,
      topPerson: terms.topPerson,
    },
    target: { selectiveP99Ms: TARGET_P99_MS, worstSelectiveP99Ms: worst, met: worst <= TARGET_P99_MS },
    scenarios: measured,
  };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const out = path.join(
    RESULTS_DIR,
    `search-${dialect === 'postgres' ? 'postgres-' : ''}${size}${only === undefined ? '' : '-partial'}.json`,
  );
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.error(
    `\nselective searches: worst p99 ${worst} ms (target ≤ ${TARGET_P99_MS} ms: ${report.target.met ? 'met' : 'NOT met'})`,
  );
  console.error(`wrote ${out}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
