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
