/**
 * One archive, two databases: the same documents imported into SQLite and into PostgreSQL give
 * the same API answers. Runs in the postgres project only (it needs both). Import times differ
 * between the two imports, and relevance scores and snippets are each engine's own (bm25 and
 * FTS5's snippet, ts_rank_cd and ts_headline), so those (and request ids) are compared for
 * presence, not value.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { SEED_DIR } from '../../src/cli/serve.ts';
import { collectFiles, importFiles } from '../../src/ingest/files.ts';
import { ingestDocument } from '../../src/ingest/ingest.ts';
import { freshPostgres, freshSqlite, testDialect, type TestDatabase } from '../helpers/database.ts';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const MONTH = /^\d{4}-\d\d$/;
const IGNORED = new Set(['score', 'snippet', 'nextCursor', 'requestId']);

/** The answer with instants, months of import, scores and snippets replaced by their kind. */
function comparable(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => comparable(item));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v, k)]));
  if (IGNORED.has(key)) return value === null ? null : typeof value;
  if (typeof value === 'string' && (ISO.test(value) || MONTH.test(value))) return '<date>';
  return value;
}

const DOCUMENTS = [
  [
    'grain.txt',
    'Grain exports to Russia grow\n\nIvan Petrovich said grain costs 210.50 USD a tonne.\n“The harvest was good,” Petrovich said.\n',
  ],
  [
    'potash.txt',
    'Potash sanctions bite in Minsk\n\nSviatlana Tsikhanouskaya said sanctions on potash work.\n“These sanctions will stop the money,” Tsikhanouskaya said. Salt costs 2.10 BYN.\n',
  ],
];

const URLS = [
  '/articles',
  '/articles?q=sanctions',
  '/articles?person=lukashenko',
  '/articles/1',
  '/articles/2',
  '/people',
  '/people/alexander-lukashenko',
  '/quotes',
  '/quotes?speaker=Tsikhanouskaya',
  '/prices?currency=BYN',
  '/prices/stats',
  '/stats',
  '/search?q=sanctions',
  '/search?q=sanctions&facets=true',
  '/search?q=grain%20OR%20potash&type=articles',
  '/search?q=%22normal%20relations%22',
  '/search?q=NOT%20x',
];

describe.skipIf(testDialect !== 'postgres')('SQLite and PostgreSQL', () => {
  const apps: { db: TestDatabase; app: FastifyInstance }[] = [];

  beforeAll(async () => {
    for (const db of [freshSqlite(), freshPostgres()]) {
      await importFiles(db.url, await collectFiles([SEED_DIR]));
      for (const [source, text] of DOCUMENTS)
        await ingestDocument(db.url, { source: source!, format: 'text', text: text! });
      apps.push({ db, app: await buildApp({ databaseUrl: db.url }) });
    }
  });
  afterAll(async () => {
    for (const { db, app } of apps) {
      await app.close();
      db.remove();
    }
  });

  it.each(URLS)('answer %s alike', async (url) => {
    const [sqlite, postgres] = await Promise.all(apps.map(({ app }) => app.inject({ method: 'GET', url })));
    expect(postgres!.statusCode).toBe(sqlite!.statusCode);
    expect(comparable(postgres!.json())).toEqual(comparable(sqlite!.json()));
  });
});
