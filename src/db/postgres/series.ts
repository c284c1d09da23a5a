/**
 * The aggregates of src/db/queries/series.ts on PostgreSQL, with the same shapes: the facets of
 * any filtered set of articles, and one currency's price points over time with their monthly
 * medians. Aggregated in SQL; no query returns more rows than asked for.
 */
import type pg from 'pg';
import type { ArchiveFilters } from '../queries/filters.ts';
import type { PriceMonth, PriceSeries } from '../queries/series.ts';
import { decimalMidpoint, filteredFacets, type FilteredFacets } from '../queries/stats.ts';
import { addArticleConditions, addPriceConditions } from './filters.ts';
import { Conditions, rows, type SqlPart } from './sql.ts';
import { facetsOf, idSet, sampleMatches } from './stats.ts';

/**
 * Facets of the articles matching `filters` and of their quotes; of the archive when unfiltered.
 * As on SQLite (queries/series.ts): exact up to facetPlanner.exactRows matches, else on a sample.
 */
export async function articleFacets(db: pg.Pool, filters: ArchiveFilters, top = 10): Promise<FilteredFacets> {
  const where = new Conditions();
  await addArticleConditions(db, where, filters);
  if (where.conditions.length === 0) return { ...(await facetsOf(db, null, null, top)), approximate: false };
  const sample = await sampleMatches(db, 'a."id"', '"articles" a', where);
  const articles = idSet(sample.ids);
  const quotes: SqlPart = {
    sql: `SELECT q2."id" FROM "quotes" q2 WHERE q2."articleId" IN (${articles.sql})`,
    params: articles.params,
  };
  return filteredFacets(await facetsOf(db, articles, quotes, top), sample);
}

interface PointRow {
  id: number;
  amount: string;
  start: number;
  end: number;
  articleId: number;
  title: string;
  sortDate: Date;
}

/** Per month (UTC) of the article date, the count and the middle amounts of the matching mentions. */
async function monthlyMedians(db: pg.Pool, from: string, params: unknown[]): Promise<PriceMonth[]> {
  const ranked = await rows<{ month: string; n: number; rn: number; amount: string }>(
    db,
    `WITH ranked AS (
       SELECT to_char(a."sortDate" AT TIME ZONE 'UTC', 'YYYY-MM') AS month, pm."amount",
              row_number() OVER (PARTITION BY to_char(a."sortDate" AT TIME ZONE 'UTC', 'YYYY-MM') ORDER BY pm."amountValue", pm."id") AS rn,
              count(*) OVER (PARTITION BY to_char(a."sortDate" AT TIME ZONE 'UTC', 'YYYY-MM')) AS n
       FROM ${from}
     )
     SELECT r.month, r.n, r.rn, r."amount" FROM ranked r
     WHERE r.rn IN ((r.n + 1) / 2, (r.n + 2) / 2) ORDER BY r.month, r.rn`,
    params,
  );
  const months: PriceMonth[] = [];
  for (const row of ranked) {
    const last = months.at(-1);
    if (last?.month === row.month) last.median = decimalMidpoint(last.median, row.amount);
    else months.push({ month: row.month, count: Number(row.n), median: row.amount });
  }
  return months;
}

/** The matching price mentions of `filters.currency` as a series over time (see ArchiveStore). */
export async function priceSeries(
  db: pg.Pool,
  filters: ArchiveFilters & { currency: string },
  limit: number,
): Promise<PriceSeries> {
  const where = new Conditions();
  await addArticleConditions(db, where, filters, { skip: ['prices'] });
  addPriceConditions(where, filters, 'pm');
  const from = `"articles" a JOIN "price_mentions" pm ON pm."articleId" = a."id" ${where.where()}`;
  const points = await rows<PointRow>(
    db,
    `SELECT pm."id", pm."amount", pm."start", pm."end", a."id" AS "articleId", a."title", a."sortDate"
     FROM ${from} ORDER BY a."sortDate" DESC, a."id" DESC, pm."id" DESC LIMIT ?`,
    [...where.params, limit],
  );
  const months = await monthlyMedians(db, from, where.params);
  return {
    currency: filters.currency.toUpperCase(),
    total: months.reduce((sum, month) => sum + month.count, 0),
    points: points.reverse().map((row) => ({
      id: row.id,
      amount: row.amount,
      start: row.start,
      end: row.end,
      article: { id: row.articleId, title: row.title, date: row.sortDate.toISOString() },
    })),
    months,
  };
}
