/**
 * Cursor walks over every list, under both query plans (a selective filter driving the query, and
 * every filter only testing rows), each against a second walk with another page size and against
 * the database's own counts: every row once, in a stable order.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planner } from '../../src/db/queries/filters.ts';
import { ingestDocument } from '../../src/ingest/ingest.ts';
import { generateArticle } from '../../bench/generator.ts';
import { seededApp } from '../helpers/app.ts';

let app: FastifyInstance;
let close: () => Promise<void>;
let databaseUrl: string;
const DEFAULT_SELECTIVE_ROWS = planner.selectiveRows;

beforeAll(async () => {
  // Reads on this thread, so that the planner sizes set here are the ones the queries see.
  process.env.READER_THREADS = '0';
  ({ app, close, url: databaseUrl } = await seededApp());
  for (let i = 0; i < 30; i++) {
    const article = generateArticle(i, 7);
    // Every third article shares its date with the one before: the id must break the tie.
    const publishedAt = new Date(i % 3 === 2 ? generateArticle(i - 1, 7).publishedAt : article.publishedAt);
    await ingestDocument(databaseUrl, {
      source: `gen/${i}.txt`,
      format: 'text',
      text: article.text,
      publishedAt,
    });
  }
});
afterAll(async () => {
  planner.selectiveRows = DEFAULT_SELECTIVE_ROWS;
  await close();
});

type Body = {
  items?: { id: number }[];
  articles?: { items: { id: number }[] };
  quotes?: { items: { id: number }[] };
  nextCursor: string | null;
};

/** Follows nextCursor to the end; returns the ids of every page's items, in order. */
async function walk(url: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 1000; pages++) {
    const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const response = await app.inject({
      method: 'GET',
      url: `${url}${url.includes('?') ? '&' : '?'}limit=${limit}${after}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body: Body = response.json<Body>();
    for (const item of body.items ?? []) ids.push(`${item.id}`);
    for (const item of body.articles?.items ?? []) ids.push(`a${item.id}`);
    for (const item of body.quotes?.items ?? []) ids.push(`q${item.id}`);
    if (body.items) expect(body.items.length).toBeLessThanOrEqual(limit);
    cursor = body.nextCursor;
    if (!cursor) return ids;
  }
  throw new Error(`${url}: the walk did not end`);
}

const sorted = (ids: string[]) => [...ids].sort();

/** The archive's own count of each kind of row, as /stats reports it. */
const total = async (kind: 'articles' | 'quotes' | 'prices' | 'people'): Promise<number> =>
  (await app.inject('/stats')).json<{ totals: Record<typeof kind, number> }>().totals[kind];

describe.each([
  ['selective filters drive', DEFAULT_SELECTIVE_ROWS],
  ['filters only test rows', 0],
])('cursor walks (%s)', (_plan, selectiveRows) => {
  beforeAll(() => {
    planner.selectiveRows = selectiveRows;
  });

  it('GET /articles returns every article once', async () => {
    const ids = await walk('/articles', 4);
    expect(ids).toHaveLength(await total('articles'));
    expect(new Set(ids).size).toBe(ids.length);
    expect(await walk('/articles', 100)).toEqual(ids);
  });

  it('GET /quotes returns every quote once', async () => {
    const ids = await walk('/quotes', 9);
    expect(ids).toHaveLength(await total('quotes'));
    expect(new Set(ids).size).toBe(ids.length);
    expect(await walk('/quotes', 100)).toEqual(ids);
  });

  it('GET /prices returns every price once', async () => {
    const ids = await walk('/prices', 13);
    expect(ids).toHaveLength(await total('prices'));
    expect(new Set(ids).size).toBe(ids.length);
    expect(await walk('/prices', 100)).toEqual(ids);
  });

  it('GET /people returns every person once', async () => {
    const ids = await walk('/people?q=', 6);
    expect(ids).toHaveLength(await total('people'));
    expect(new Set(ids).size).toBe(ids.length);
    expect(await walk('/people?q=', 100)).toEqual(ids);
  });

  it('GET /search returns every hit of both lists once, best first', async () => {
    const ids = await walk('/search?q=said', 5);
    const quotes = ids.filter((id) => id.startsWith('q'));
    const articles = ids.filter((id) => id.startsWith('a'));
    const facets = (await app.inject({ method: 'GET', url: '/search?q=said&facets=true&limit=1' })).json();
    expect(articles).toHaveLength(facets.facets.total.articles);
    expect(quotes).toHaveLength(facets.facets.total.quotes);
    expect(articles.length).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
    // Pages interleave the two lists differently at another size; each list's order is the same.
    const big = await walk('/search?q=said', 100);
    expect(big.filter((id) => id.startsWith('a'))).toEqual(articles);
    expect(big.filter((id) => id.startsWith('q'))).toEqual(quotes);
    expect(sorted(big)).toEqual(sorted(ids));
  });

  it.each([
    '/articles?q=said&from=2021-01-01',
    '/articles?person=1&currency=USD',
    '/quotes?q=said&to=2024-12-31',
    '/prices?currency=BYN&min=2&q=said',
    '/people?q=&text=said&from=2020-06-01',
    '/search?q=said OR cost&from=2021-01-01&type=articles',
    '/search?q=said&currency=EUR&type=quotes',
  ])('%s walks the same rows at any page size', async (url) => {
    const small = await walk(url.replaceAll(' ', '%20'), 3);
    expect(new Set(small).size).toBe(small.length);
    expect(await walk(url.replaceAll(' ', '%20'), 100)).toEqual(small);
  });
});

describe('plans agree', () => {
  it.each([
    '/articles?q=said&from=2021-01-01&limit=100',
    '/articles?person=1&limit=100',
    '/articles?currency=USD&min=5&limit=100',
    '/quotes?q=said&limit=100',
    '/prices?currency=BYN&limit=100',
    '/people?q=&text=said&limit=100',
    '/search?q=said&from=2021-01-01&limit=100',
    '/search?q=said&person=1&speaker=1&limit=100',
    '/search?q=said&facets=true&currency=EUR&limit=100',
    '/prices/stats?from=2021-01-01',
    '/prices/stats?q=said',
  ])('%s: the same answer whichever filter drives', async (url) => {
    planner.selectiveRows = DEFAULT_SELECTIVE_ROWS;
    const driven = (await app.inject({ method: 'GET', url })).json();
    planner.selectiveRows = 0;
    const tested = (await app.inject({ method: 'GET', url })).json();
    planner.selectiveRows = DEFAULT_SELECTIVE_ROWS;
    expect(tested).toEqual(driven);
  });
});
