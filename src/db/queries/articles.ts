import type { Db } from '../client.ts';
import { decodeCursor, toPage, type Page } from '../cursor.ts';
import { SqlWhere, addArticleConditions, isoDate, type ArchiveFilters, storedDate } from './filters.ts';

export interface ArticleSummary {
  id: number;
  title: string;
  lead: string;
  source: string;
  date: string;
  publishedAt: string | null;
  importedAt: string;
  wordCount: number;
  language: string | null;
}

interface ArticleRow {
  id: number | bigint;
  title: string;
  lead: string;
  source: string;
  sortDate: string;
  publishedAt: string | null;
  importedAt: string;
  wordCount: number | bigint;
  language: string | null;
}

export const ARTICLE_SUMMARY_COLUMNS = `a."id", a."title", a."lead", a."source", a."sortDate", a."publishedAt", a."importedAt", a."wordCount", a."language"`;

export function toArticleSummary(row: ArticleRow): ArticleSummary {
  return {
    id: Number(row.id),
    title: row.title,
    lead: row.lead,
    source: row.source,
    date: isoDate(row.sortDate)!,
    publishedAt: isoDate(row.publishedAt),
    importedAt: isoDate(row.importedAt)!,
    wordCount: Number(row.wordCount),
    language: row.language,
  };
}

/** Newest first (by article date, then id), filtered by any combination of `filters`. */
export async function listArticles(
  db: Db,
  filters: ArchiveFilters,
  page: { limit: number; cursor?: string },
): Promise<Page<ArticleSummary>> {
  const where = new SqlWhere();
  await addArticleConditions(db, where, filters);
  if (page.cursor !== undefined) {
    const [date, id] = decodeCursor('/articles', page.cursor, ['string', 'number']);
    where.add(`(a."sortDate" < ? OR (a."sortDate" = ? AND a."id" < ?))`, date, date, id);
  }
  const rows = await db.$queryRawUnsafe<ArticleRow[]>(
    `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM "articles" a ${where.toString()}
     ORDER BY a."sortDate" DESC, a."id" DESC LIMIT ?`,
    ...where.params,
    page.limit + 1,
  );
  const { items, nextCursor } = toPage('/articles', rows, page.limit, (row) => [
    storedDate(row.sortDate),
    Number(row.id),
  ]);
  return { items: items.map(toArticleSummary), nextCursor };
}
