import type { Db } from '../client.ts';
import { decodeCursor, toPage, type Page } from '../cursor.ts';
import { toFtsQuery } from '../fts-query.ts';
import {
  SqlWhere,
  addArticleConditions,
  boundedCount,
  planner,
  isoDate,
  resolvePersonIds,
  type ArchiveFilters,
  storedDate,
} from './filters.ts';

export interface QuoteItem {
  id: number;
  text: string;
  cue: string | null;
  speaker: { id: number; name: string; slug: string } | null;
  article: { id: number; title: string; date: string };
  start: number;
  end: number;
}

/** The columns of a quote with its speaker and article, as /quotes and /search select them. */
export interface QuoteFieldsRow {
  id: number | bigint;
  text: string;
  cue: string | null;
  speakerId: number | bigint | null;
  speakerName: string | null;
  speakerSlug: string | null;
  articleId: number | bigint;
  title: string;
  sortDate: string;
}

interface QuoteRow extends QuoteFieldsRow {
  start: number | bigint;
  end: number | bigint;
}

/** A quote as every list shows it, offsets aside. */
export const toQuoteFields = (row: QuoteFieldsRow): Omit<QuoteItem, 'start' | 'end'> => ({
  id: Number(row.id),
  text: row.text,
  cue: row.cue,
  speaker:
    row.speakerId === null
      ? null
      : { id: Number(row.speakerId), name: row.speakerName!, slug: row.speakerSlug! },
  article: { id: Number(row.articleId), title: row.title, date: isoDate(row.sortDate)! },
});

const toQuoteItem = (row: QuoteRow): QuoteItem => ({
  ...toQuoteFields(row),
  start: Number(row.start),
  end: Number(row.end),
});

/** The archive walked newest first, each article's quotes found by the (articleId, speakerId) index. */
const QUOTES_IN_DATE_ORDER = `"articles" a INDEXED BY "articles_sortDate_id_idx" CROSS JOIN "quotes" q ON q."articleId" = a."id"`;

/**
 * Whether a page of these speakers' quotes is cheaper found by walking the archive newest first
 * than by sorting all their quotes by article date (walkBeatsSort). Counts from the writer's
 * person_stats.
 */
async function speakerWalks(db: Db, ids: number[], limit: number): Promise<boolean> {
  if (ids.length === 0) return false;
  const [row] = await db.$queryRawUnsafe<
    { quotes: number | bigint | null; articles: number | bigint | null }[]
  >(
    `SELECT (SELECT sum("quotes") FROM "person_stats" WHERE "personId" IN (${ids.join(',')})) AS quotes,
            (SELECT "n" FROM "archive_totals" WHERE "key" = 'articles') AS articles`,
  );
  return walkBeatsSort(Number(row?.quotes ?? 0), limit + 1, Number(row?.articles ?? 0));
}

/**
 * Whether `limit` of a set of `size` rows of the archive (`articles`) are found faster by walking
 * the archive newest first (limit × articles / size index steps) than by sorting the whole set by
 * article date (size rows). A step and a sorted row cost about the same (1.5–2 µs each, warm,
 * measured on the 100k benchmark archive), so either plan costs at most sqrt(limit × articles).
 */
export function walkBeatsSort(size: number, limit: number, articles: number): boolean {
  return size > 0 && size * size > limit * articles;
}

/**
 * Quotes, newest article first, each article's in document order. `q` searches the quote's own text and `speaker` its speaker; the
 * other filters apply to the article the quote stands in.
 */
export async function listQuotes(
  db: Db,
  filters: ArchiveFilters,
  page: { limit: number; cursor?: string },
): Promise<Page<QuoteItem>> {
  const where = new SqlWhere();
  await addArticleConditions(db, where, filters, { skip: ['q', 'speaker'] });
  const articleFiltered = where.conditions.length > 0;
  let selectiveText = false;
  if (filters.q !== undefined) {
    const match = toFtsQuery(filters.q);
    if (match !== null) {
      // A rare term drives (its few quotes, then sorted); a common one only tests quotes met in
      // date order, which stops after a page (see addArticleConditions).
      const sql = `SELECT rowid FROM "quotes_fts" WHERE "quotes_fts" MATCH ?`;
      const selective = (await boundedCount(db, sql, [match])) < planner.selectiveRows;
      where.add(`${selective ? '' : '+'}q."id" IN (${sql})`, match);
      selectiveText = selective;
    }
  }
  let walk = false;
  if (filters.speaker !== undefined) {
    const ids = await resolvePersonIds(db, filters.speaker);
    where.add(`q."speakerId" IN (${ids.length ? ids.join(',') : 'NULL'})`);
    walk = !articleFiltered && !selectiveText && (await speakerWalks(db, ids, page.limit));
  }
  if (page.cursor !== undefined) {
    const [date, articleId, id] = decodeCursor('/quotes', page.cursor, ['string', 'number', 'number']);
    where.add(
      `(a."sortDate" < ? OR (a."sortDate" = ? AND (a."id" < ? OR (a."id" = ? AND q."id" > ?))))`,
      date,
      date,
      articleId,
      articleId,
      id,
    );
  }
  const rows = await db.$queryRawUnsafe<QuoteRow[]>(
    `SELECT q."id", q."text", q."cue", q."start", q."end", q."speakerId", p."name" AS speakerName, p."slug" AS speakerSlug,
            a."id" AS articleId, a."title", a."sortDate"
     FROM ${walk ? QUOTES_IN_DATE_ORDER : `"quotes" q JOIN "articles" a ON a."id" = q."articleId"`}
     LEFT JOIN "people" p ON p."id" = q."speakerId"
     ${where.toString()}
     ORDER BY a."sortDate" DESC, a."id" DESC, q."id" ASC LIMIT ?`,
    ...where.params,
    page.limit + 1,
  );
  const { items, nextCursor } = toPage('/quotes', rows, page.limit, (row) => [
    storedDate(row.sortDate),
    Number(row.articleId),
    Number(row.id),
  ]);
  return { items: items.map(toQuoteItem), nextCursor };
}
