/**
 * The plans /search chooses by size, each checked against the plan it replaces on a small
 * archive where both can run: relevance over a bounded candidate set (the newest matches) against
 * ranking every match, date ranges tested as id sets against testing each article row, sorted by
 * date against /articles and /quotes, and facets from a sample against exact facets.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { searchPlanner } from '../../src/db/queries/search.ts';
import { facetPlanner } from '../../src/db/queries/stats.ts';
import { ingestDocument } from '../../src/ingest/ingest.ts';
import { generateArticle } from '../../bench/generator.ts';
import { seededApp } from '../helpers/app.ts';
import { testDialect } from '../helpers/database.ts';
import { planner } from '../../src/db/queries/filters.ts';

let app: FastifyInstance;
let close: () => Promise<void>;
const DEFAULTS = structuredClone(searchPlanner);
const FACET_DEFAULTS = { ...facetPlanner };
const SELECTIVE_ROWS = planner.selectiveRows;
const facetPlannerSizes = (sizes: typeof facetPlanner) => Object.assign(facetPlanner, sizes);

beforeAll(async () => {
  // Reads on this thread, so that the planner sizes set here are the ones the queries see.
  process.env.READER_THREADS = '0';
  let databaseUrl: string;
  ({ app, close, url: databaseUrl } = await seededApp());
  for (let i = 0; i < 40; i++) {
    const article = generateArticle(i, 11);
    await ingestDocument(databaseUrl, {
      source: `gen/${i}.txt`,
      format: 'text',
      text: article.text,
      publishedAt: new Date(article.publishedAt),
    });
  }
});
afterEach(() => {
  Object.assign(searchPlanner, structuredClone(DEFAULTS));
  Object.assign(facetPlanner, FACET_DEFAULTS);
});
afterAll(() => close());

interface Hit {
  id: number;
  score: number | null;
  snippet: string;
}
interface QuoteHit extends Hit {
  article: { id: number };
}
interface Body {
  query: { sort: string };
  articles?: { items: Hit[]; more: boolean; bounded: boolean };
  quotes?: { items: QuoteHit[]; more: boolean; bounded: boolean };
  nextCursor: string | null;
}

const get = async <T = Body>(url: string): Promise<T> => {
  const response = await app.inject({ method: 'GET', url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
};

/** Every page of a search; the hits of each list in order. */
async function walk(url: string, limit: number) {
  const articles: Hit[] = [];
  const quotes: QuoteHit[] = [];
  const bounded = { articles: false, quotes: false };
  let cursor: string | null = null;
  for (let pages = 0; pages < 500; pages++) {
    const body: Body = await get(
      `${url}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    articles.push(...(body.articles?.items ?? []));
    quotes.push(...(body.quotes?.items ?? []));
    bounded.articles ||= body.articles?.bounded ?? false;
    bounded.quotes ||= body.quotes?.bounded ?? false;
    cursor = body.nextCursor;
    if (!cursor) return { articles, quotes, bounded };
  }
  throw new Error(`${url}: the walk did not end`);
}

const ids = (hits: Hit[]) => hits.map((hit) => hit.id);

describe('relevance over a bounded candidate set', () => {
  it('ranks every match, unbounded, while the match set is no larger than the bound', async () => {
    const exact = await walk('/search?q=said', 7);
    expect(exact.articles.length).toBeGreaterThan(20);
    expect(exact.bounded).toEqual({ articles: false, quotes: false });
    searchPlanner.rankedCandidates = exact.articles.length;
    const atBound = await walk('/search?q=said&type=articles', 7);
    expect(ids(atBound.articles)).toEqual(ids(exact.articles));
    expect(atBound.bounded.articles).toBe(false);
  });

  it('ranks only the newest matches of a larger set, in the same order, and pages end there', async () => {
    const exact = await walk('/search?q=the', 100);
    searchPlanner.rankedCandidates = 10;
    const bounded = await walk('/search?q=the', 3);
    expect(bounded.bounded).toEqual({ articles: true, quotes: true });
    const newest = (hits: Hit[]) => new Set([...ids(hits)].sort((a, b) => b - a).slice(0, 10));
    for (const list of ['articles', 'quotes'] as const) {
      const candidates = newest(exact[list]);
      expect(bounded[list]).toHaveLength(10);
      // The exact ranking restricted to the candidates: same scores, same order.
      expect(ids(bounded[list])).toEqual(ids(exact[list]).filter((id) => candidates.has(id)));
      const scores = new Map(exact[list].map((hit) => [hit.id, hit.score]));
      for (const hit of bounded[list]) expect(hit.score).toBe(scores.get(hit.id));
    }
  });

  it('keeps the bound of its first page while the archive grows', async () => {
    searchPlanner.rankedCandidates = 5;
    const first = await get('/search?q=said&type=articles&limit=2');
    // More matches after the first page: a new bound would rank them, the cursor's does not.
    searchPlanner.rankedCandidates = 1000;
    let cursor = first.nextCursor;
    const all = ids(first.articles!.items);
    while (cursor) {
      const page: Body = await get(
        `/search?q=said&type=articles&limit=2&cursor=${encodeURIComponent(cursor)}`,
      );
      expect(page.articles!.bounded).toBe(true);
      all.push(...ids(page.articles!.items));
      cursor = page.nextCursor;
    }
    expect(all).toHaveLength(5);
    expect(new Set(all).size).toBe(5);
  });

  it('bounds a filtered match set the same way', async () => {
    const url = '/search?q=said&from=2021-01-01&type=articles';
    const exact = await walk(url, 100);
    searchPlanner.rankedCandidates = 4;
    const bounded = await walk(url, 3);
    const candidates = new Set([...ids(exact.articles)].sort((a, b) => b - a).slice(0, 4));
    expect(ids(bounded.articles)).toEqual(ids(exact.articles).filter((id) => candidates.has(id)));
  });
});

describe('date ranges', () => {
  it.each([
    '/search?q=said&from=2021-01-01&to=2023-06-30&limit=100',
    '/search?q=said OR price&from=2022-01-01&limit=100',
    '/search?q=the&to=2021-12-31&type=quotes&limit=100',
    '/search?q=said&from=2020-03-01&to=2024-12-31&currency=USD&limit=100',
    '/search?q=said&from=2020-01-01&to=2025-12-31&facets=true&limit=100',
  ])('%s: the same answer tested as an id set or on each row', async (url) => {
    const target = url.replaceAll(' ', '%20');
    // Each side forced: the id set whatever the term's count, then each row's date whatever the range's.
    searchPlanner.dateIdsPerRowTest = { articles: 1e9, quotes: 1e9 };
    const asSet = await get(target);
    searchPlanner.dateIdsPerRowTest = { articles: 1e-9, quotes: 1e-9 };
    const onRows = await get(target);
    expect(onRows).toEqual(asSet);
    expect(asSet.articles?.items.length ?? asSet.quotes?.items.length).toBeGreaterThan(0);
  });
});

describe('sort=date', () => {
  it.each([
    ['q=said', 'q=said'],
    ['q=said&from=2021-01-01&currency=USD', 'q=said&from=2021-01-01&currency=USD'],
  ])('lists every match newest first, as /articles and /quotes do (%s)', async (search, list) => {
    const byDate = await walk(`/search?${search}&sort=date`, 4);
    const articles = await get<{ items: { id: number }[] }>(`/articles?${list}&limit=100`);
    const quotes = await get<{ items: { id: number }[] }>(`/quotes?${list}&limit=100`);
    expect(ids(byDate.articles)).toEqual(articles.items.map((a) => a.id));
    expect(ids(byDate.quotes)).toEqual(quotes.items.map((q) => q.id));
    expect(byDate.articles.length).toBeGreaterThan(0);
    for (const hit of [...byDate.articles, ...byDate.quotes]) {
      expect(hit.score).toBeNull();
      expect(hit.snippet).toMatch(/<mark>said<\/mark>/i);
    }
  });

  it.each([
    '/search?q=the&sort=date',
    '/search?q=the&sort=date&from=2021-01-01&to=2023-12-31',
    '/search?q=said&sort=date&type=articles',
  ])('%s: the same pages whether the term drives, is a set, or is probed per row', async (url) => {
    const driven = await walk(url, 5);
    planner.selectiveRows = 0;
    searchPlanner.probeFactor = 1e12;
    const asSet = await walk(url, 5);
    searchPlanner.probeFactor = 0;
    const probed = await walk(url, 5);
    planner.selectiveRows = SELECTIVE_ROWS;
    expect(asSet).toEqual(driven);
    expect(probed).toEqual(driven);
    expect(driven.articles.length + driven.quotes.length).toBeGreaterThan(5);
  });

  it('says which order it used, and refuses a cursor of the other order', async () => {
    const byDate = await get('/search?q=said&sort=date&limit=2');
    expect(byDate.query.sort).toBe('date');
    const relevance = await get('/search?q=said&limit=2');
    const wrong = await app.inject({
      method: 'GET',
      url: `/search?q=said&sort=date&limit=2&cursor=${encodeURIComponent(relevance.nextCursor!)}`,
    });
    expect(wrong.statusCode).toBe(400);
    const bad = await app.inject({ method: 'GET', url: '/search?q=said&sort=newest' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('facets of a large result set', () => {
  interface Facets {
    total: { articles: number; quotes: number };
    totalApproximate: boolean;
    totalMargin?: { articles: number; quotes: number };
    approximate: boolean;
    sample?: { every: { articles: number; quotes: number }; articles: number; quotes: number };
    people: { id: number; count: number; margin?: number }[];
    speakers: { id: number; count: number; margin?: number }[];
    currencies: { currency: string; prices: number; articles: number; margin?: number }[];
    months: { month: string; articles: number; margin?: number }[];
  }
  const facets = async (url: string) => (await get<Body & { facets: Facets }>(url)).facets;

  it('are exact, and say so, up to the exact size', async () => {
    const exact = await facets('/search?q=the&facets=true');
    expect(exact.approximate).toBe(false);
    expect(exact.totalApproximate).toBe(false);
    expect(exact.sample).toBeUndefined();
    expect(exact.people.every((p) => p.margin === undefined)).toBe(true);
    expect(exact.total.articles).toBeGreaterThan(30);
  });

  it.each([
    ['/search?q=the&facets=true', true],
    ['/search?q=the&facets=true&type=articles', true],
    ['/search?q=the&facets=true&type=quotes', true],
    ['/search?q=the&facets=true&source=gen/', false],
  ])('%s: sampled above it, scaled, each count within its margin', async (url, exactTotal) => {
    const exact = await facets(url);
    facetPlannerSizes({ exactRows: 10, sampleRows: 10 });
    // No filter drives: the source prefix is tested on each article row, so SQLite cannot count
    // the total by the doclist alone (PostgreSQL always counts it).
    planner.selectiveRows = 0;
    const sampled = await facets(url);
    planner.selectiveRows = SELECTIVE_ROWS;
    expect(sampled.approximate).toBe(true);
    const every = sampled.sample!.every;
    expect(Math.max(every.articles, every.quotes)).toBeGreaterThan(1);
    expect(sampled.totalApproximate).toBe(!exactTotal && testDialect === 'sqlite');
    if (exactTotal) expect(sampled.total).toEqual(exact.total);
    for (const kind of ['articles', 'quotes'] as const) {
      const slack = sampled.totalMargin?.[kind] ?? 0;
      expect(Math.abs(sampled.total[kind] - exact.total[kind])).toBeLessThanOrEqual(Math.max(slack, 0) * 2);
    }
    // Scaled counts: multiples of the rate, with a margin, near the exact count of the same entry.
    const exactMonths = new Map(exact.months.map((m) => [m.month, m.articles]));
    for (const month of sampled.months) {
      expect(month.margin).toEqual(expect.any(Number));
      expect(Math.abs(month.articles - exactMonths.get(month.month)!)).toBeLessThanOrEqual(
        2 * month.margin! + 1,
      );
    }
    const monthSum = sampled.months.reduce((n, m) => n + m.articles, 0);
    expect(monthSum % (url.includes('type=quotes') ? every.quotes : every.articles)).toBe(0);
  });
});

describe('facets of a filtered listing (the search page without q)', () => {
  it('are exact up to the exact size, and sampled and scaled above it, each count within its margin', async () => {
    const query = { source: 'gen/' };
    const exact = await app.archive.facets(query, 10);
    expect(exact.approximate).toBe(false);
    expect(exact.sample).toBeUndefined();
    const exactArticles = exact.months.reduce((n, m) => n + m.articles, 0);
    expect(exactArticles).toBe(40);
    facetPlannerSizes({ exactRows: 10, sampleRows: 10 });
    const sampled = await app.archive.facets(query, 10);
    expect(sampled.approximate).toBe(true);
    const every = sampled.sample!.every;
    expect(every).toBeGreaterThan(1);
    expect(sampled.sample!.articles).toBeLessThan(40);
    const exactMonths = new Map(exact.months.map((m) => [m.month, m.articles]));
    for (const month of sampled.months) {
      expect(month.articles % every).toBe(0);
      expect(Math.abs(month.articles - exactMonths.get(month.month)!)).toBeLessThanOrEqual(
        2 * (month.margin ?? 0) + 1,
      );
    }
    const exactPeople = new Map(exact.people.map((p) => [p.id, p.count]));
    for (const person of sampled.people.filter((p) => exactPeople.has(p.id)))
      expect(Math.abs(person.count - exactPeople.get(person.id)!)).toBeLessThanOrEqual(
        2 * (person.margin ?? 0) + 1,
      );
  });
});
