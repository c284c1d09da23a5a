/**
 * Facets, archive statistics and price statistics on PostgreSQL, with the shapes of
 * src/db/queries/stats.ts. Sets of articles and quotes are SQL selecting ids; everything is
 * aggregated in SQL, and no query loads more rows than it returns.
 */
import type pg from 'pg';
import type { ArchiveFilters } from '../queries/filters.ts';
import type { SearchType } from '../queries/search.ts';
import {
  decimalMidpoint,
  facetPlanner,
  sampledTotals,
  scaleFacets,
  type ArchiveStats,
  type FacetSample,
  type Facets,
  type PersonCount,
  type PriceStats,
  type SearchFacets,
} from '../queries/stats.ts';
import { addArticleConditions, addPriceConditions } from './filters.ts';
import { QUOTES_FROM, articleMatches, quoteMatches, searchQuery } from './search.ts';
import { facetSets } from '../sql-part.ts';
import { Conditions, rows, type SqlPart } from './sql.ts';

const ORDER_BY_COUNT = `ORDER BY c.n DESC, p."name" COLLATE "C", p."id"`;

const inSet = (column: string, set: SqlPart | null, keyword: 'WHERE' | 'AND'): SqlPart =>
  set ? { sql: `${keyword} ${column} IN (${set.sql})`, params: set.params } : { sql: '', params: [] };

export async function facetsOf(
  db: pg.Pool,
  articles: SqlPart | null,
  quotes: SqlPart | null,
  top: number,
): Promise<Facets> {
  const mentions = inSet('m."articleId"', articles, 'WHERE');
  const people = await rows<PersonCount & { n: number }>(
    db,
    `SELECT p."id", p."name", p."slug", c.n FROM (
       SELECT m."personId", count(DISTINCT m."articleId") AS n FROM "mentions" m ${mentions.sql} GROUP BY m."personId"
     ) c JOIN "people" p ON p."id" = c."personId" ${ORDER_BY_COUNT} LIMIT ?`,
    [...mentions.params, top],
  );
  const quoted = inSet('sq."id"', quotes, 'AND');
  const speakers = await rows<PersonCount & { n: number }>(
    db,
    `SELECT p."id", p."name", p."slug", c.n FROM (
       SELECT sq."speakerId", count(*) AS n FROM "quotes" sq WHERE sq."speakerId" IS NOT NULL ${quoted.sql} GROUP BY sq."speakerId"
     ) c JOIN "people" p ON p."id" = c."speakerId" ${ORDER_BY_COUNT} LIMIT ?`,
    [...quoted.params, top],
  );
  const priced = inSet('pm."articleId"', articles, 'WHERE');
  const currencies = await rows<{ currency: string; prices: number; articles: number }>(
    db,
    `SELECT pm."currency", count(*) AS prices, count(DISTINCT pm."articleId") AS articles
     FROM "price_mentions" pm ${priced.sql} GROUP BY pm."currency" ORDER BY prices DESC, pm."currency" COLLATE "C"`,
    priced.params,
  );
  const dated = inSet('a."id"', articles, 'WHERE');
  const months = await rows<{ month: string; articles: number }>(
    db,
    `SELECT to_char(a."sortDate" AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*) AS articles
     FROM "articles" a ${dated.sql} GROUP BY month ORDER BY month`,
    dated.params,
  );
  const counts = (list: (PersonCount & { n: number })[]) =>
    list.map(({ id, name, slug, n }) => ({ id, name, slug, count: n }));
  return { people: counts(people), speakers: counts(speakers), currencies, months };
}

const NO_MATCHES: FacetSample = { every: 1, ids: [], total: 0 };

/**
 * The matches of a set for its facets, as on SQLite (queries/stats.ts sampleMatches): all of them
 * up to facetPlanner.exactRows, else one in every k by id for about facetPlanner.sampleRows. The
 * total is always counted here (the planner's own plan, from the GIN index).
 */
export async function sampleMatches(
  db: pg.Pool,
  id: string,
  from: string,
  where: Conditions,
): Promise<FacetSample> {
  const select = (extra: string) => `SELECT ${id} AS id FROM ${from} ${where.where()} ${extra}`;
  const ids = async (sql: string, params: unknown[]) =>
    (await rows<{ id: number }>(db, sql, params)).map((row) => row.id);
  const first = await ids(select('LIMIT ?'), [...where.params, facetPlanner.exactRows + 1]);
  if (first.length <= facetPlanner.exactRows) return { every: 1, ids: first, total: first.length };
  const [counted] = await rows<{ n: number }>(
    db,
    `SELECT count(*)::int AS n FROM (${select('')}) s`,
    where.params,
  );
  const total = counted!.n;
  const every = Math.max(2, Math.ceil(total / facetPlanner.sampleRows));
  const sampled = `SELECT s.id FROM (${select('')}) s WHERE s.id % ? = 0`;
  return { every, ids: await ids(sampled, [...where.params, every]), total };
}

export const idSet = (ids: number[]): SqlPart => ({ sql: `SELECT unnest(?::int[])`, params: [ids] });

/** Facets of a search's results; a large result set's on a sample, scaled (see SearchFacets). */
export async function searchFacets(
  db: pg.Pool,
  filters: ArchiveFilters & { q: string },
  type: SearchType,
  top = 10,
): Promise<SearchFacets> {
  const query = searchQuery(filters.q);
  const articles =
    type === 'quotes'
      ? NO_MATCHES
      : await sampleMatches(db, 'a."id"', '"articles" a', await articleMatches(db, query, filters));
  const quotes =
    type === 'articles'
      ? NO_MATCHES
      : await sampleMatches(db, 'q."id"', QUOTES_FROM, await quoteMatches(db, query, filters));
  const sets = facetSets(idSet(articles.ids), idSet(quotes.ids), type);
  const facets = await facetsOf(db, sets.articles, sets.quotes, top);
  return {
    ...sampledTotals(articles, quotes),
    ...scaleFacets(
      facets,
      type === 'quotes' ? quotes.every : articles.every,
      type === 'articles' ? articles.every : quotes.every,
    ),
  };
}

export async function archiveStats(db: pg.Pool, top = 10): Promise<ArchiveStats> {
  const [totals] = await rows<{
    articles: number;
    people: number;
    speakers: number;
    quotes: number;
    prices: number;
    first: Date | null;
    last: Date | null;
  }>(
    db,
    `SELECT (SELECT count(*) FROM "articles") AS articles, (SELECT count(*) FROM "people") AS people,
            (SELECT count(DISTINCT "speakerId") FROM "quotes") AS speakers,
            (SELECT count(*) FROM "quotes") AS quotes, (SELECT count(*) FROM "price_mentions") AS prices,
            (SELECT min("sortDate") FROM "articles") AS first, (SELECT max("sortDate") FROM "articles") AS last`,
  );
  const { first, last, ...counts } = totals!;
  return {
    totals: {
      articles: counts.articles,
      people: counts.people,
      quotes: counts.quotes,
      prices: counts.prices,
      speakers: counts.speakers,
    },
    range: { first: first?.toISOString() ?? null, last: last?.toISOString() ?? null },
    ...(await facetsOf(db, null, null, top)),
  };
}

/** count, min, max and median per currency of the price mentions matching `filters`, in one pass. */
export async function priceStats(db: pg.Pool, filters: ArchiveFilters): Promise<PriceStats[]> {
  const where = new Conditions();
  await addArticleConditions(db, where, filters, { skip: ['prices'] });
  addPriceConditions(where, filters, 'pm');
  const ranked = await rows<{ currency: string; n: number; rn: number; amount: string }>(
    db,
    `WITH ranked AS (
       SELECT pm."amount", pm."currency",
              row_number() OVER (PARTITION BY pm."currency" ORDER BY pm."amountValue", pm."id") AS rn,
              count(*) OVER (PARTITION BY pm."currency") AS n
       FROM "articles" a JOIN "price_mentions" pm ON pm."articleId" = a."id" ${where.where()}
     )
     SELECT r."currency", r.n, r.rn, r."amount" FROM ranked r
     WHERE r.rn IN (1, r.n, (r.n + 1) / 2, (r.n + 2) / 2)
     ORDER BY r.n DESC, r."currency" COLLATE "C", r.rn`,
    where.params,
  );
  return foldStats(ranked);
}

/** Per currency, the ranked rows 1, n and the middle ones as min, max and median. */
function foldStats(ranked: { currency: string; n: number; rn: number; amount: string }[]): PriceStats[] {
  const stats: PriceStats[] = [];
  for (const { currency, n, rn, amount } of ranked) {
    let entry = stats.at(-1);
    if (entry?.currency !== currency) {
      entry = { currency, count: n, min: '', max: '', median: '' };
      stats.push(entry);
    }
    const lower = Math.floor((n + 1) / 2);
    const upper = Math.floor((n + 2) / 2);
    if (rn === 1) entry.min = amount;
    if (rn === n) entry.max = amount;
    if (rn === lower) entry.median = amount;
    if (rn === upper && upper !== lower) entry.median = decimalMidpoint(entry.median, amount);
  }
  return stats;
}
