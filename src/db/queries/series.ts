/**
 * Aggregates the web pages need beyond /search and /stats: the facets of any filtered set of
 * articles (a person's co-mentions and timeline are the facets of `person=X`), and one
 * currency's price points over time with their monthly medians (the price chart). Aggregated in
 * SQL like stats.ts; no query returns more rows than asked for.
 */
import type { Db } from '../client.ts';
import {
  SqlWhere,
  addArticleConditions,
  addPriceConditions,
  boundedCount,
  planner,
  isoDate,
  type ArchiveFilters,
} from './filters.ts';
import type { SqlPart } from './search.ts';
import {
  decimalMidpoint,
  facetsOf,
  fewOfArchive,
  filteredFacets,
  idSet,
  sampleMatches,
  type FilteredFacets,
} from './stats.ts';
import { monthlyMediansFromAmounts, onlyCurrency } from './prices.ts';

/**
 * Facets of the articles matching `filters` (q: full text of the article, as in /articles) and
 * of the quotes in those articles; of the whole archive when no filter is given (from the
 * aggregates). The matching articles are counted exactly up to facetPlanner.exactRows, else on
 * one in every k by id, scaled (FilteredFacets): a filter that many articles meet (a currency, a
 * common source) costs a pass over its matches and facets of a few thousand articles, not four
 * aggregations over all of them.
 */
export async function articleFacets(db: Db, filters: ArchiveFilters, top = 10): Promise<FilteredFacets> {
  const where = new SqlWhere();
  await addArticleConditions(db, where, filters);
  if (where.conditions.length === 0) return { ...(await facetsOf(db, null, null, top)), approximate: false };
  const none: SqlPart = { sql: '', params: [] };
  const sample = await sampleMatches(db, { from: '"articles" a', where, atMost: Infinity }, 'a."id"', none);
  const articles = idSet(sample.ids);
  const quotes: SqlPart = {
    sql: `SELECT q2."id" FROM "quotes" q2 WHERE q2."articleId" IN (${articles.sql})`,
    params: articles.params,
  };
  const facets = await facetsOf(db, articles, quotes, top, await fewOfArchive(db, sample.ids.length));
  return filteredFacets(facets, sample);
}

export interface PricePoint {
  id: number;
  /** Exact decimal string, as stored. */
  amount: string;
  start: number;
  end: number;
  article: { id: number; title: string; date: string };
}

export interface PriceMonth {
  /** YYYY-MM (UTC) of the article date. */
  month: string;
  count: number;
  /** The middle amount; for an even count the exact mean of the two middle amounts. */
  median: string;
}

export interface PriceSeries {
  currency: string;
  /** Every matching price mention. */
  total: number;
  /** The latest `limit` of them, oldest first (by article date, article id, mention id). */
  points: PricePoint[];
  /** Per month of every matching mention (not only the points returned), in calendar order. */
  months: PriceMonth[];
}

type PointRow = {
  id: number | bigint;
  amount: string;
  start: number | bigint;
  end: number | bigint;
  articleId: number | bigint;
  title: string;
  sortDate: string;
};

/**
 * The matching price mentions of one currency (`filters.currency`), as a series over time.
 *
 * Plan: few mentions of the currency (below planner.selectiveRows) are read from the
 * (currency, amountValue, articleId) index and sorted. Many are reached from the articles
 * instead, walking the (sortDate, id) index newest first, which needs no sort for the points and
 * stops after `limit`. The monthly medians of a currency with no other filter come from the
 * writer's distinct amounts per month (prices.ts: a walk of distinct amounts, not of mentions);
 * with filters, the matching mentions are ranked per month, reading only index entries (article
 * dates, amount values, ids), and the amounts of the middle mentions alone from their rows.
 */
export async function priceSeries(
  db: Db,
  filters: ArchiveFilters & { currency: string },
  limit: number,
): Promise<PriceSeries> {
  const where = new SqlWhere();
  await addArticleConditions(db, where, filters, { skip: ['prices'], dateDriver: true });
  const price = new SqlWhere();
  addPriceConditions(price, filters, 'pm');
  const mentions = await boundedCount(
    db,
    `SELECT 1 FROM "price_mentions" pm ${price.toString()}`,
    price.params,
  );
  const pricesFirst = mentions < planner.selectiveRows;
  const join = pricesFirst
    ? `"price_mentions" pm CROSS JOIN "articles" a ON a."id" = pm."articleId"`
    : `"articles" a CROSS JOIN "price_mentions" pm ON pm."articleId" = a."id"`;
  const conditions = new SqlWhere();
  conditions.conditions.push(...where.conditions, ...price.conditions);
  conditions.params.push(...where.params, ...price.params);
  const from = `${join} ${conditions.toString()}`;
  const rows = await db.$queryRawUnsafe<PointRow[]>(
    `SELECT pm."id", pm."amount", pm."start", pm."end", a."id" AS articleId, a."title", a."sortDate"
     FROM ${from} ORDER BY a."sortDate" DESC, a."id" DESC, pm."id" DESC LIMIT ?`,
    ...conditions.params,
    limit,
  );
  const months = onlyCurrency(filters)
    ? await monthlyMediansFromAmounts(db, filters.currency)
    : await rankedMonths(db, from, conditions.params);
  return {
    currency: filters.currency.toUpperCase(),
    total: months.reduce((sum, month) => sum + month.count, 0),
    points: rows.reverse().map((row) => ({
      id: Number(row.id),
      amount: row.amount,
      start: Number(row.start),
      end: Number(row.end),
      article: { id: Number(row.articleId), title: row.title, date: isoDate(row.sortDate)! },
    })),
    months,
  };
}

/** Per month of the mentions selected by `from` (with its params), the count and exact median. */
async function rankedMonths(db: Db, from: string, params: unknown[]): Promise<PriceMonth[]> {
  const ranked = await db.$queryRawUnsafe<
    { month: string; n: number | bigint; rn: number | bigint; amount: string }[]
  >(
    `WITH ranked AS (
       SELECT substr(a."sortDate", 1, 7) AS month, pm."id" AS id,
              row_number() OVER (PARTITION BY substr(a."sortDate", 1, 7) ORDER BY pm."amountValue", pm."id") AS rn,
              count(*) OVER (PARTITION BY substr(a."sortDate", 1, 7)) AS n
       FROM ${from}
     )
     SELECT r.month, r.n, r.rn, p."amount" AS amount
     FROM ranked r JOIN "price_mentions" p ON p."id" = r.id
     WHERE r.rn IN ((r.n + 1) / 2, (r.n + 2) / 2) ORDER BY r.month, r.rn`,
    ...params,
  );
  const months: PriceMonth[] = [];
  for (const row of ranked) {
    const last = months.at(-1);
    if (last?.month === row.month) last.median = decimalMidpoint(last.median, row.amount);
    else months.push({ month: row.month, count: Number(row.n), median: row.amount });
  }
  return months;
}
