/**
 * `npm run bench`: import and API benchmarks on a generated corpus (bench/generator.ts).
 *
 *   npm run bench                      10k articles (and 2k for the memory/size comparison)
 *   npm run bench -- --size 100000     100k (and 20k)
 *   npm run bench -- --large           1M (and 200k)
 *   npm run bench -- --db postgres     the same on PostgreSQL (bench/postgres.ts: BENCH_POSTGRES_URL)
 *   npm run bench -- --database URL    only the API runs, on an existing archive (no import), e.g.
 *                                      file:bench/corpus/search-100000.db from npm run bench:search
 *   options: --name NAME (results file), --duration S (autocannon, default 10), --skip-api
 *
 * On PostgreSQL the API runs are the app (cached, one hot article, cache off) and the app in two
 * processes against the one database (load split over both); the bare-statement and Prisma
 * servers are SQLite's.
 *
 * Import: bench/import-child.ts in a process of its own (its RSS high-water mark is the import's),
 * reporting import throughput as a ratio to extraction alone in the same process (target ≥ 0.75).
 * The import extracts in a worker thread while the main thread writes (as `news-archive import`
 * does), so its database writes overlap extraction; extraction alone runs on one thread.
 * API: servers (bench/servers.ts) pinned to core 0, autocannon (bench/load.ts) to core 1 when
 * `taskset` exists; GET /articles/:id through the app, through its statement on a bare Fastify and
 * through Prisma's client, as ratios to a bare Fastify hello-world (target ≥ 0.25 for the app). Results: bench/results/<name>.json.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './generator.ts';
import { benchDatabase, benchDialect } from './postgres.ts';
import { openStore } from '../src/db/store.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    size: { type: 'string' },
    large: { type: 'boolean' },
    name: { type: 'string' },
    duration: { type: 'string', default: '10' },
    'skip-api': { type: 'boolean' },
    db: { type: 'string' },
    database: { type: 'string' },
  },
});
const dialect = benchDialect(values.db);
const size = values.large ? 1_000_000 : Number(values.size ?? 10_000);
const small = Math.max(1000, Math.round(size / 5));
const name = values.name ?? `bench-${dialect === 'postgres' ? 'postgres-' : ''}${size}`;
const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
const pin = (core: number, command: string[]) =>
  hasTaskset ? ['taskset', '-c', String(core), ...command] : command;
const NODE_TSX = [process.execPath, '--import', 'tsx'];

function corpus(count: number): string {
  const dir = path.join(os.tmpdir(), `news-archive-bench-corpus-1-${count}`);
  if (!fs.existsSync(path.join(dir, '.complete'))) {
    fs.rmSync(dir, { recursive: true, force: true });
    console.error(`generating ${count} articles in ${dir}`);
    writeCorpus({ count, out: dir });
    fs.writeFileSync(path.join(dir, '.complete'), '');
  }
  return dir;
}

interface ImportResult {
  articles: number;
  failed: number;
  importMs: number;
  writeMs: number;
  extractMs: number;
  importPerSecond: number;
  extractPerSecond: number;
  ratio: number;
  maxRssBytes: number;
  dbBytes: number;
  dbBytesPerArticle: number;
}

async function measureImport(count: number, dbDir: string): Promise<ImportResult> {
  const url =
    dialect === 'postgres'
      ? await benchDatabase(`news_archive_bench_import_${count}`, { fresh: true })
      : `file:${path.join(dbDir, `import-${count}.db`)}`;
  console.error(`importing ${count} articles`);
  const out = execFileSync(
    NODE_TSX[0]!,
    [...NODE_TSX.slice(1), path.join(HERE, 'import-child.ts'), corpus(count), url],
    {
      cwd: path.resolve(HERE, '..'),
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  return { ...(JSON.parse(out.trim().split('\n').at(-1)!) as ImportResult), url } as ImportResult & {
    url: string;
  };
}

/** An existing archive to run the API on (--database): its URL and number of articles. */
async function existingArchive(url: string): Promise<{ url: string; articles: number }> {
  const store = await openStore(url);
  try {
    return { url, articles: await store.countArticles() };
  } finally {
    await store.close();
  }
}

async function startServer(kind: string, url?: string): Promise<{ port: number; stop: () => void }> {
  const command = pin(0, [...NODE_TSX, path.join(HERE, 'servers.ts'), kind, ...(url ? [url] : [])]);
  const child = spawn(command[0]!, command.slice(1), {
    cwd: path.resolve(HERE, '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = /listening (\d+)/.exec(buffered);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`server ${kind} exited with ${code}`)));
  });
  return { port, stop: () => child.kill('SIGTERM') };
}

interface LoadResult {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  non2xx: number;
  errors: number;
}

/** The load generator (on core 1) against `route` of the server on `port`; random ids up to `ids` when given. */
const loadCommand = (port: number, route: string, ids: number): string[] =>
  pin(1, [
    ...NODE_TSX,
    path.join(HERE, 'load.ts'),
    `http://127.0.0.1:${port}${route}`,
    '--duration',
    values.duration,
    ...(ids ? ['--ids', String(ids)] : []),
  ]);

async function load(kind: string, url: string | undefined, route: string, ids: number): Promise<LoadResult> {
  const server = await startServer(kind, url);
  try {
    const command = loadCommand(server.port, route, ids);
    const out = execFileSync(command[0]!, command.slice(1), {
      cwd: path.resolve(HERE, '..'),
      encoding: 'utf8',
    });
    return JSON.parse(out.trim().split('\n').at(-1)!) as LoadResult;
  } finally {
    server.stop();
  }
}

/** Two servers of `kind` on one database, each loaded by its own client at once; rates summed. */
async function loadSplit(kind: string, url: string, route: string, ids: number): Promise<LoadResult> {
  const servers = [await startServer(kind, url), await startServer(kind, url)];
  try {
    const runs = servers.map(
      (server) =>
        new Promise<LoadResult>((resolve, reject) => {
          const command = loadCommand(server.port, route, ids);
          const child = spawn(command[0]!, command.slice(1), {
            cwd: path.resolve(HERE, '..'),
            stdio: ['ignore', 'pipe', 'inherit'],
          });
          let out = '';
          child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
          child.on('exit', (code) =>
            code === 0
              ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as LoadResult)
              : reject(new Error(`load exited ${code}`)),
          );
        }),
    );
    const [a, b] = await Promise.all(runs);
    return {
      requestsPerSecond: a!.requestsPerSecond + b!.requestsPerSecond,
      latencyP50Ms: Math.max(a!.latencyP50Ms, b!.latencyP50Ms),
      latencyP99Ms: Math.max(a!.latencyP99Ms, b!.latencyP99Ms),
      non2xx: a!.non2xx + b!.non2xx,
      errors: a!.errors + b!.errors,
    };
  } finally {
    for (const server of servers) server.stop();
  }
}

/** A result as committed: the database URL without its password. */
function withoutPassword<T extends object>(result: T): T {
  if (!('url' in result) || typeof result.url !== 'string' || !URL.canParse(result.url)) return result;
  const url = new URL(result.url);
  if (url.password) url.password = '***';
  return { ...result, url: url.toString() };
}

/** The import measures as report rows. */
function importRows(smallRun: ImportResult, mainRun: ImportResult): [string, string, string][] {
  return [
    [`import ${size}: throughput ratio to extraction alone`, mainRun.ratio.toFixed(2), '≥ 0.75'],
    [
      `import ${size}: articles/s (extraction alone)`,
      `${mainRun.importPerSecond.toFixed(0)} (${mainRun.extractPerSecond.toFixed(0)})`,
      '',
    ],
    // The writes run on the main thread while the worker extracts the next batch: this is their
    // share of the import's wall time, most of it overlapped with extraction.
    [
      `import ${size}: database writes, share of wall time (ms/article)`,
      `${((100 * mainRun.writeMs) / mainRun.importMs).toFixed(0)}% (${(mainRun.writeMs / mainRun.articles).toFixed(2)})`,
      '≤ 25%',
    ],
    [
      `import ${small}: throughput ratio (articles/s)`,
      `${smallRun.ratio.toFixed(2)} (${smallRun.importPerSecond.toFixed(0)})`,
      '≥ 0.75',
    ],
    [
      `database size per article (${small} / ${size})`,
      `${kb(smallRun.dbBytesPerArticle)} / ${kb(mainRun.dbBytesPerArticle)} KB`,
      'flat',
    ],
    [
      `import peak RSS (${small} / ${size})`,
      `${mb(smallRun.maxRssBytes)} / ${mb(mainRun.maxRssBytes)} MB`,
      'flat',
    ],
  ];
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-archive-bench-db-'));
try {
  const began = new Date();
  // With --database, the API runs on that archive and nothing is imported.
  const existing = values.database ? await existingArchive(values.database) : null;
  const smallRun = existing ? null : await measureImport(small, dbDir);
  const mainRun = existing ? null : ((await measureImport(size, dbDir)) as ImportResult & { url: string });
  const target = existing ?? mainRun!;
  let api: {
    hello: LoadResult;
    app: LoadResult;
    raw: LoadResult | null;
    prisma: LoadResult | null;
    appCold: LoadResult;
    appHot: LoadResult;
    appTwoProcesses: LoadResult | null;
  } | null = null;
  if (!values['skip-api']) {
    console.error('API: hello-world, app, bare statement, Prisma client');
    const sqliteOnly = (kind: string) =>
      dialect === 'sqlite' ? load(kind, target.url, '/articles/1', target.articles) : Promise.resolve(null);
    api = {
      hello: await load('hello', undefined, '/', 0),
      app: await load('app', target.url, '/articles/1', target.articles),
      // Every request for one article: the cache's best case, beside the random-id runs.
      appHot: await load('app', target.url, '/articles/1', 0),
      appCold: await load('app-cold', target.url, '/articles/1', target.articles),
      raw: await sqliteOnly('raw'),
      prisma: await sqliteOnly('prisma'),
      // Many API processes on one server database: two apps, the load split between them.
      appTwoProcesses:
        dialect === 'postgres' ? await loadSplit('app', target.url, '/articles/1', target.articles) : null,
    };
  }
  const results = {
    name,
    date: began.toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      node: process.version,
      loadavg: os.loadavg(),
      taskset: hasTaskset,
    },
    size,
    dialect,
    import:
      smallRun && mainRun ? { [small]: withoutPassword(smallRun), [size]: withoutPassword(mainRun) } : null,
    archive: withoutPassword({ url: target.url, articles: target.articles }),
    api: api && {
      ...api,
      appToHello: api.app.requestsPerSecond / api.hello.requestsPerSecond,
      rawToHello: api.raw && api.raw.requestsPerSecond / api.hello.requestsPerSecond,
      appColdToHello: api.appCold.requestsPerSecond / api.hello.requestsPerSecond,
      appHotToHello: api.appHot.requestsPerSecond / api.hello.requestsPerSecond,
      appColdToRaw: api.raw && api.appCold.requestsPerSecond / api.raw.requestsPerSecond,
      prismaToHello: api.prisma && api.prisma.requestsPerSecond / api.hello.requestsPerSecond,
    },
  };
  fs.mkdirSync(path.join(HERE, 'results'), { recursive: true });
  fs.writeFileSync(path.join(HERE, 'results', `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);

  const rows: [string, string, string][] = [];
  if (smallRun && mainRun) rows.push(...importRows(smallRun, mainRun));
  if (results.api) {
    const a = results.api;
    rows.push(
      ['hello-world req/s', a.hello.requestsPerSecond.toFixed(0), ''],
      [
        'GET /articles/:id (app, random ids, 64 MB cache) req/s, ratio to hello',
        `${a.app.requestsPerSecond.toFixed(0)} (${a.appToHello.toFixed(2)})`,
        '≥ 0.25',
      ],
      [
        'GET /articles/:id (app, one hot article, cached) req/s, ratio',
        `${a.appHot.requestsPerSecond.toFixed(0)} (${a.appHotToHello.toFixed(2)})`,
        '',
      ],
      [
        'GET /articles/:id (app, cache off: every request built) req/s, ratio',
        `${a.appCold.requestsPerSecond.toFixed(0)} (${a.appColdToHello.toFixed(2)})`,
        '',
      ],
    );
    if (a.raw && a.prisma) {
      rows.push(
        [
          'GET /articles/:id (statement, bare Fastify) req/s, ratio to hello',
          `${a.raw.requestsPerSecond.toFixed(0)} (${a.rawToHello!.toFixed(2)})`,
          '',
        ],
        [
          'GET /articles/:id (Prisma client) req/s, ratio to hello',
          `${a.prisma.requestsPerSecond.toFixed(0)} (${a.prismaToHello!.toFixed(2)})`,
          '',
        ],
        ['app cache off / bare statement (what the app plugins cost)', a.appColdToRaw!.toFixed(2), ''],
      );
    }
    if (a.appTwoProcesses) {
      rows.push([
        'GET /articles/:id (two app processes, one database) req/s, p99 ms',
        `${a.appTwoProcesses.requestsPerSecond.toFixed(0)}, ${a.appTwoProcesses.latencyP99Ms}`,
        '',
      ]);
    }
    rows.push(['app latency p50 / p99 ms', `${a.app.latencyP50Ms} / ${a.app.latencyP99Ms}`, '']);
  }
  const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
  console.log(`\n| ${'measure'.padEnd(w[0]!)} | ${'result'.padEnd(w[1]!)} | target |`);
  console.log(`|${'-'.repeat(w[0]! + 2)}|${'-'.repeat(w[1]! + 2)}|--------|`);
  for (const [label, value, target] of rows)
    console.log(`| ${label.padEnd(w[0]!)} | ${value.padEnd(w[1]!)} | ${target.padEnd(6)} |`);
  console.log(
    `\nresults: bench/results/${name}.json (load average during the run: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
} finally {
  fs.rmSync(dbDir, { recursive: true, force: true });
}
