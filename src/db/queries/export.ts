/**
 * Complete, streamed exports of the articles a filter selects (formatted in src/archive/export.ts).
 *
 * The rows are read in keyset batches in the order of /articles (newest first), so memory stays
 * constant whatever the archive's size, and a consumer that reads slowly (the HTTP client, a pipe)
 * simply pauses the generator: nothing is read ahead of what it has taken.
 */
import type { Db } from '../client.ts';
import { SqlWhere, addArticleConditions, isoDate, type ArchiveFilters, storedDate } from './filters.ts';

export interface ExportedArticle {
  id: number;
  date: string;
  publishedAt: string | null;
  importedAt: string;
  title: string;
  source: string;
  byline: string | null;
  wordCount: number;
  /** Canonical names of the people mentioned, in order of first mention. */
  people: string[];
  quoteCount: number;
  /** Prices mentioned, in document order. */
  prices: { amount: string; currency: string }[];
  lead: string;
  body: string;
}

interface ExportRow {
  id: number | bigint;
  sortDate: string;
  publishedAt: string | null;
  importedAt: string;
  title: string;
  source: string;
  byline: string | null;
  wordCount: number | bigint;
  people: string | null;
  quoteCount: number | bigint;
  prices: string | null;
  lead: string;
  body: string;
}

export const EXPORT_BATCH_SIZE = 500;

/** Where an export stands: the (stored sortDate, id) of the last article it returned. */
export type ExportPosition = [string, number];

/**
 * One batch of the export: up to `batchSize` articles after `after` (from the start when null),
 * and where the next batch starts (null when this was the last). Each batch is a query of its
 * own, so a reader thread answers it without holding any state between batches.
 */
export async function exportBatch(
  db: Db,
  filters: ArchiveFilters,
  after: ExportPosition | null,
  batchSize = EXPORT_BATCH_SIZE,
): Promise<{ articles: ExportedArticle[]; next: ExportPosition | null }> {
  const where = new SqlWhere();
  await addArticleConditions(db, where, filters);
  if (after)
    where.add(`(a."sortDate" < ? OR (a."sortDate" = ? AND a."id" < ?))`, after[0], after[0], after[1]);
  const rows: ExportRow[] = await db.$queryRawUnsafe<ExportRow[]>(
    `SELECT a."id", a."sortDate", a."publishedAt", a."importedAt", a."title", a."source", a."byline", a."wordCount", a."lead", a."body",
       (SELECT json_group_array(name) FROM (
          SELECT p."name" AS name FROM "mentions" m JOIN "people" p ON p."id" = m."personId"
          WHERE m."articleId" = a."id" GROUP BY p."id" ORDER BY min(m."start"))) AS people,
       (SELECT count(*) FROM "quotes" q WHERE q."articleId" = a."id") AS quoteCount,
       (SELECT json_group_array(json_object('amount', pr."amount", 'currency', pr."currency")) FROM (
          SELECT pm."amount", pm."currency" FROM "price_mentions" pm WHERE pm."articleId" = a."id" ORDER BY pm."start", pm."id") pr) AS prices
     FROM "articles" a ${where.toString()}
     ORDER BY a."sortDate" DESC, a."id" DESC LIMIT ?`,
    ...where.params,
    batchSize,
  );
  const last = rows.at(-1);
  return {
    articles: rows.map(toExportedArticle),
    next: rows.length < batchSize || !last ? null : [storedDate(last.sortDate), Number(last.id)],
  };
}

const toExportedArticle = (row: ExportRow): ExportedArticle => ({
  id: Number(row.id),
  date: isoDate(row.sortDate)!,
  publishedAt: isoDate(row.publishedAt),
  importedAt: isoDate(row.importedAt)!,
  title: row.title,
  source: row.source,
  byline: row.byline,
  wordCount: Number(row.wordCount),
  people: JSON.parse(row.people ?? '[]') as string[],
  quoteCount: Number(row.quoteCount),
  prices: JSON.parse(row.prices ?? '[]') as { amount: string; currency: string }[],
  lead: row.lead,
  body: row.body,
});

/** Every article matching `filters`, newest first, read `batchSize` at a time. */
export async function* exportArticles(
  db: Db,
  filters: ArchiveFilters,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<ExportedArticle> {
  let after: ExportPosition | null = null;
  do {
    const batch: Awaited<ReturnType<typeof exportBatch>> = await exportBatch(db, filters, after, batchSize);
    yield* batch.articles;
    after = batch.next;
  } while (after !== null);
}
