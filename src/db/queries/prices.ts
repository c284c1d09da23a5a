/**
 * Price mentions: the /prices list, and the statistics the price pages and /prices/stats read
 * from the writer's distinct-amount aggregates when no filter but the currency applies.
 */
import type { Db } from '../client.ts';
import { decodeCursor, toPage, type Page } from '../cursor.ts';
import {
  SqlWhere,
  addArticleConditions,
  addPriceConditions,
  boundedCount,
  planner,
  isoDate,
  type ArchiveFilters,
  storedDate,
} from './filters.ts';
import type { PriceMonth } from './series.ts';
import { decimalMidpoint, type PriceStats } from './stats.ts';

export interface PriceItem {
  id: number;
  amount: string;
  currency: string;
  raw: string;
  location: string;
  sentence: string;
  start: number;
  end: number;
  article: { id: number; title: string; date: string };
}

interface PriceRow {
  id: number | bigint;
  amount: string;
  currency: string;
  raw: string;
  location: string;
  sentence: string;
  start: number | bigint;
  end: number | bigint;
  articleId: number | bigint;
  title: string;
  sortDate: string;
}

const toPriceItem = (row: PriceRow): PriceItem => ({
  id: Number(row.id),
  amount: row.amount,
  currency: row.currency,
  raw: row.raw,
  location: row.location,
  sentence: row.sentence,
  start: Number(row.start),
  end: Number(row.end),
  article: { id: Number(row.articleId), title: row.title, date: isoDate(row.sortDate)! },
});

/** Price mentions, newest article first, then in document order; currency and amount bounds apply to the price itself. */
export async function listPrices(
  db: Db,
  filters: ArchiveFilters,
  page: { limit: number; cursor?: string },
): Promise<Page<PriceItem>> {
  const where = new SqlWhere();
  const driver = await addArticleConditions(db, where, filters, { skip: ['prices'] });
  // The price conditions may drive through the (currency, amountValue, articleId) index only when
  // they are selective and no article filter is more so; otherwise they only test (see filters.ts).
  const price = new SqlWhere();
  addPriceConditions(price, filters, 'pm');
  let drive = false;
  if (price.conditions.length) {
    const estimate = await boundedCount(
      db,
      `SELECT 1 FROM "price_mentions" pm ${price.toString()}`,
      price.params,
    );
    drive = estimate < planner.selectiveRows && (driver === null || estimate < driver.estimate);
    where.add(
      price.conditions.map((condition) => (drive ? condition : `+${condition}`)).join(' AND '),
      ...price.params,
    );
  }
  // Otherwise articles come first, in date order (or from the article driver), and the walk stops after a page.
  const from = drive
    ? `"price_mentions" pm CROSS JOIN "articles" a ON a."id" = pm."articleId"`
    : `"articles" a CROSS JOIN "price_mentions" pm ON pm."articleId" = a."id"`;
  if (page.cursor !== undefined) {
    const [date, articleId, id] = decodeCursor('/prices', page.cursor, ['string', 'number', 'number']);
    where.add(
      `(a."sortDate" < ? OR (a."sortDate" = ? AND (a."id" < ? OR (a."id" = ? AND pm."id" > ?))))`,
      date,
      date,
      articleId,
      articleId,
      id,
    );
  }
  const rows = await db.$queryRawUnsafe<PriceRow[]>(
    `SELECT pm."id", pm."amount", pm."currency", pm."raw", pm."location", pm."sentence", pm."start", pm."end",
            a."id" AS articleId, a."title", a."sortDate"
     FROM ${from}
     ${where.toString()}
     ORDER BY a."sortDate" DESC, a."id" DESC, pm."id" ASC LIMIT ?`,
    ...where.params,
    page.limit + 1,
  );
  const { items, nextCursor } = toPage('/prices', rows, page.limit, (row) => [
    storedDate(row.sortDate),
    Number(row.articleId),
    Number(row.id),
  ]);
  return { items: items.map(toPriceItem), nextCursor };
}

/** Whether the filters name nothing but (at most) a currency: what the amount aggregates answer. */
export const onlyCurrency = (filters: ArchiveFilters): boolean =>
  Object.entries(filters).every(([name, value]) => value === undefined || name === 'currency');

/** The extremes and middle of one group of ranked amounts (a currency, or a month of one). */
interface RankedGroup {
  key: string;
  count: number;
  min: string;
  max: string;
  median: string;
}

/**
 * Whether a row holding ranks first..last (SQL) holds a middle rank of `total`, or (with
 * `extremes`) rank 1 or the last.
 */
const holdsARank = (first: string, last: string, total: string, extremes: boolean) =>
  `(${extremes ? `${first} = 1 OR ${last} = ${total} OR ` : ''}(${first} <= (${total} + 1) / 2 AND ${last} >= (${total} + 1) / 2)
    OR (${first} <= (${total} + 2) / 2 AND ${last} >= (${total} + 2) / 2))`;

/**
 * count and exact median per group (each currency with its min and max, or each month of one currency),
 * from the writer's distinct amounts with their counts and the counts of their buckets
 * (src/db/sqlite/price-aggregates.ts). The running sum of the bucket counts finds the buckets
 * holding rank 1, the last rank and the middle ranks; the running sum of the distinct amounts of
 * those buckets alone finds the amounts. A group costs its buckets (tens) and a few buckets'
 * distinct amounts, whatever its number of mentions.
 */
async function rankedGroups(
  db: Db,
  level: 'currency' | 'month',
  currency: string | undefined,
): Promise<RankedGroup[]> {
  // Months need their medians only; a currency its extremes too.
  const extremes = level === 'currency';
  const [amounts, buckets, key] =
    level === 'currency'
      ? ['currency_amounts', 'currency_buckets', '"currency"']
      : ['price_month_amounts', 'price_month_buckets', '"month"'];
  const where = currency === undefined ? '' : `WHERE "currency" = ?`;
  const rows = await db.$queryRawUnsafe<
    { key: string; amount: string; first: number | bigint; last: number | bigint; total: number | bigint }[]
  >(
    `WITH b AS (
       SELECT "currency", ${key} AS key, "bucket", "n",
              sum("n") OVER (PARTITION BY ${key} ORDER BY "bucket" ROWS UNBOUNDED PRECEDING) AS upto,
              sum("n") OVER (PARTITION BY ${key}) AS total
       FROM "${buckets}" ${where}
     ), t AS (
       SELECT "currency", key, "bucket", upto - "n" AS base, total FROM b
       WHERE ${holdsARank('upto - "n" + 1', 'upto', 'total', extremes)}
     ), r AS (
       SELECT t.key, t.total, x."amount", x."n",
              t.base + sum(x."n") OVER (PARTITION BY t.key, t."bucket" ORDER BY x."amountValue", x."amount" ROWS UNBOUNDED PRECEDING) AS upto
       FROM t JOIN "${amounts}" x ON x."currency" = t."currency" AND x.${key} = t.key AND x."bucket" = t."bucket"
     )
     SELECT key, "amount" AS amount, upto - "n" + 1 AS first, upto AS last, total FROM r
     WHERE ${holdsARank('upto - "n" + 1', 'upto', 'total', extremes)}
     ORDER BY key, first`,
    ...(currency === undefined ? [] : [currency.toUpperCase()]),
  );
  const groups: RankedGroup[] = [];
  let lower = '';
  for (const row of rows) {
    const [first, last, total] = [Number(row.first), Number(row.last), Number(row.total)];
    let entry = groups.at(-1);
    if (entry?.key !== row.key) {
      entry = { key: row.key, count: total, min: '', max: '', median: '' };
      groups.push(entry);
    }
    const holds = (rank: number) => first <= rank && rank <= last;
    const [lowerRank, upperRank] = [Math.floor((total + 1) / 2), Math.floor((total + 2) / 2)];
    if (first === 1) entry.min = row.amount;
    if (last === total) entry.max = row.amount;
    if (holds(lowerRank)) lower = row.amount;
    // As priceStats: for an even count the exact mean of the two middle amounts.
    if (holds(upperRank))
      entry.median = upperRank === lowerRank ? row.amount : decimalMidpoint(lower, row.amount);
  }
  return groups;
}

/** priceStats of the whole archive (one currency, or all), from the distinct amounts per currency. */
export async function priceStatsFromAmounts(db: Db, currency: string | undefined): Promise<PriceStats[]> {
  const groups = await rankedGroups(db, 'currency', currency);
  return groups
    .map(({ key, ...stats }) => ({ currency: key, ...stats }))
    .sort((a, b) => b.count - a.count || (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}

/** Per month, the count and exact median of one currency's mentions, from the distinct amounts per month. */
export async function monthlyMediansFromAmounts(db: Db, currency: string): Promise<PriceMonth[]> {
  const groups = await rankedGroups(db, 'month', currency);
  return groups.map(({ key, count, median }) => ({ month: key, count, median }));
}
