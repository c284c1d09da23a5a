/**
 * Full-text search over articles and quotes, ranked by bm25.
 *
 * Articles and quotes are two separate rankings: bm25 scores of two FTS tables (different
 * vocabularies, document lengths and column weights) cannot be compared, so merging them into one
 * list would rank by an accident of scale. A search returns the best `limit` of each list asked
 * for (`type`: articles, quotes or all), and one opaque cursor that advances every list still
 * holding hits; a list whose hits are exhausted comes back empty on later pages.
 *
 * Each list is a keyset walk on (bm25, id): stable order, every hit exactly once. The query starts
 * from the FTS index (CROSS JOIN pins the join order), so filters only ever look at matching rows,
 * whatever they select; snippets are computed for the rows of the page only.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../client.ts';
import type { SqlPart } from '../sql-part.ts';
import { InvalidCursorError, decodeCursor, encodeCursor } from '../cursor.ts';
import { SearchSyntaxError, searchErrorFromSqlite, toFtsQuery } from '../fts-query.ts';
import { toQuoteFields, type QuoteFieldsRow, type QuoteItem } from './quotes.ts';
import {
  SqlWhere,
  addArticleConditions,
  boundedCount,
  isoDate,
  planner,
  resolvePersonIds,
  type ArchiveFilters,
} from './filters.ts';

export type SearchType = 'articles' | 'quotes' | 'all';

/** Title hits weigh most, then the lead, then the body. */
export const ARTICLE_BM25 = 'bm25("articles_fts", 10.0, 4.0, 1.0)';
export const QUOTE_BM25 = 'bm25("quotes_fts")';

export interface SnippetOptions {
  /** Inserted before each matched term. */
  markStart: string;
  /** Inserted after each matched term. */
  markEnd: string;
  /** Escape the snippet's text for HTML (not the markers), so it can be inserted as markup. */
  escapeHtml: boolean;
}

export const DEFAULT_SNIPPET: SnippetOptions = { markStart: '<mark>', markEnd: '</mark>', escapeHtml: true };

export interface ArticleHit {
  id: number;
  title: string;
  lead: string;
  source: string;
  date: string;
  publishedAt: string | null;
  /** Relevance: -bm25, higher is better. Comparable within one list of one search only. */
  score: number;
  snippet: string;
}

/** A quote as /quotes lists it (without offsets), with its relevance and snippet. */
export interface QuoteHit extends Omit<QuoteItem, 'start' | 'end'> {
  score: number;
  snippet: string;
}

export interface HitList<T> {
  items: T[];
  /** Whether later pages hold more hits of this list. */
  more: boolean;
}

export interface SearchResult {
  query: { q: string; match: string; type: SearchType };
  articles?: HitList<ArticleHit>;
  quotes?: HitList<QuoteHit>;
  nextCursor: string | null;
}

export interface SearchPage {
  type: SearchType;
  limit: number;
  cursor?: string;
}

export type { SqlPart };

// Snippet markers are placeholders first, so the text between them can be escaped safely.
const OPEN = '\u0002';
const CLOSE = '\u0003';
const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function renderSnippet(raw: string, options: SnippetOptions): string {
  const text = options.escapeHtml ? raw.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!) : raw;
  return text.replaceAll(OPEN, options.markStart).replaceAll(CLOSE, options.markEnd);
}

/** The FTS expression of a search, or a SearchSyntaxError when there is nothing to search for. */
export function matchExpression(q: string): string {
  const match = toFtsQuery(q);
  if (match === null)
    throw new SearchSyntaxError('The query has no words to search for: use letters or digits');
  return match;
}

/** Runs a query, turning SQLite's own FTS errors into the SearchSyntaxError they are. */
export async function ftsErrorsAsSyntaxErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw searchErrorFromSqlite(error) ?? error;
  }
}

/** The rows a search selects: `from` and `where` of a SELECT naming "articles_fts"/"quotes_fts" rowids. */
export interface MatchSet {
  from: string;
  where: SqlWhere;
}

const INFINITE = Number.POSITIVE_INFINITY;

/**
 * Conditions on the article's id are asked of the FTS rowid instead (the same number), so that
 * testing them needs no lookup of the article row; only conditions on other columns join it.
 */
function onRowid(where: SqlWhere, rowid: string): { where: SqlWhere; needsArticle: boolean } {
  const moved = new SqlWhere();
  for (const condition of where.conditions) moved.conditions.push(condition.replaceAll('a."id"', rowid));
  moved.params.push(...where.params);
  return { where: moved, needsArticle: moved.conditions.some((condition) => condition.includes('a."')) };
}

/**
 * Matching articles (alias `a`). Always driven from the FTS index (CROSS JOIN pins the order):
 * reading a doclist is cheap even for a common term, while looking rows up is not. The most
 * selective filter (a rare person, a narrow date range...) becomes a set of ids tested against
 * each FTS rowid before the article row is read, so a common term with a narrow filter reads only
 * the articles it returns; and bm25 is computed only for rows that pass.
 */
export async function articleMatchSet(db: Db, match: string, filters: ArchiveFilters): Promise<MatchSet> {
  const conditions = new SqlWhere().add(`"articles_fts" MATCH ?`, match);
  const driver = await addArticleConditions(db, conditions, filters, {
    skip: ['q'],
    dateDriver: true,
    driverColumn: 'a."id"',
  });
  if (driver) {
    // Right after MATCH: tested first, on the rowid alone.
    conditions.conditions.splice(1, 0, `+"articles_fts".rowid IN (${driver.sql})`);
    conditions.params.splice(1, 0, ...driver.params);
  }
  const { where, needsArticle } = onRowid(conditions, '"articles_fts".rowid');
  return {
    from: needsArticle
      ? `"articles_fts" CROSS JOIN "articles" a ON a."id" = "articles_fts".rowid`
      : `"articles_fts"`,
    where,
  };
}

/**
 * Matching quotes (alias `q`, their articles `a`): `speaker` applies to the quote, the other
 * filters to its article. Driven from the FTS index like articles; the most selective of the
 * speaker and the article filters becomes a set of quote ids tested against each FTS rowid.
 */
export async function quoteMatchSet(db: Db, match: string, filters: ArchiveFilters): Promise<MatchSet> {
  const where = new SqlWhere().add(`"quotes_fts" MATCH ?`, match);
  const driver = await addArticleConditions(db, where, filters, {
    skip: ['q', 'speaker'],
    dateDriver: true,
    driverColumn: 'a."id"',
  });
  const speakerIds =
    filters.speaker === undefined ? null : (await resolvePersonIds(db, filters.speaker)).join(',') || 'NULL';
  const speakerSql = `SELECT "id" FROM "quotes" WHERE "speakerId" IN (${speakerIds})`;
  const speakerQuotes = speakerIds === null ? INFINITE : await boundedCount(db, speakerSql, []);
  const tests: { sql: string; params: unknown[] }[] = [];
  if (
    speakerIds !== null &&
    speakerQuotes < planner.selectiveRows &&
    speakerQuotes <= (driver?.estimate ?? INFINITE)
  ) {
    tests.push({ sql: `+"quotes_fts".rowid IN (${speakerSql})`, params: [] });
  } else if (speakerIds !== null) {
    where.add(`q."speakerId" IN (${speakerIds})`);
  }
  if (driver) {
    tests.push({
      sql: `+"quotes_fts".rowid IN (SELECT dq."id" FROM "quotes" dq WHERE dq."articleId" IN (${driver.sql}))`,
      params: driver.params,
    });
  }
  where.conditions.splice(1, 0, ...tests.map((test) => test.sql));
  where.params.splice(1, 0, ...tests.flatMap((test) => test.params));
  return {
    from: `"quotes_fts" CROSS JOIN "quotes" q ON q."id" = "quotes_fts".rowid CROSS JOIN "articles" a ON a."id" = q."articleId"`,
    where,
  };
}

/** Ties a cursor to the search it came from, so a cursor of another query is refused, not misread. */
export function fingerprint(match: string, filters: ArchiveFilters): string {
  const { q: _q, ...rest } = filters;
  return createHash('sha256')
    .update(JSON.stringify([match, Object.entries(rest).sort(([a], [b]) => a.localeCompare(b))]))
    .digest('base64url')
    .slice(0, 12);
}

/** Position of one list: before its first hit, after (rank, id), or exhausted. */
export type ListPosition =
  { state: 'start' } | { state: 'after'; rank: number; id: number } | { state: 'done' };

export const START: ListPosition = { state: 'start' };
const toKey = (p: ListPosition): [number, number] =>
  p.state === 'after' ? [p.rank, p.id] : [0, p.state === 'start' ? 0 : -1];
const fromKey = (rank: number, id: number): ListPosition =>
  id === 0 ? START : id < 0 ? { state: 'done' } : { state: 'after', rank, id };

export function decodeSearchCursor(
  cursor: string,
  type: SearchType,
  print: string,
): { articles: ListPosition; quotes: ListPosition } {
  const shape: ('string' | 'number')[] =
    type === 'all'
      ? ['string', 'string', 'number', 'number', 'number', 'number']
      : ['string', 'string', 'number', 'number'];
  const [cursorType, cursorPrint, ...keys] = decodeCursor('/search', cursor, shape) as [
    string,
    string,
    ...number[],
  ];
  if (cursorType !== type)
    throw new InvalidCursorError(`cursor belongs to a search of type=${cursorType}, not type=${type}`);
  if (cursorPrint !== print)
    throw new InvalidCursorError('cursor belongs to another search: pass it with the same q and filters');
  const [r1 = 0, i1 = 0, r2 = 0, i2 = 0] = keys;
  if (type === 'quotes') return { articles: { state: 'done' }, quotes: fromKey(r1, i1) };
  return { articles: fromKey(r1, i1), quotes: type === 'all' ? fromKey(r2, i2) : { state: 'done' } };
}

export function encodeSearchCursor(
  type: SearchType,
  print: string,
  articles: ListPosition,
  quotes: ListPosition,
): string | null {
  if (articles.state === 'done' && quotes.state === 'done') return null;
  if (type === 'articles') return encodeCursor('/search', [type, print, ...toKey(articles)]);
  if (type === 'quotes') return encodeCursor('/search', [type, print, ...toKey(quotes)]);
  return encodeCursor('/search', [type, print, ...toKey(articles), ...toKey(quotes)]);
}

export interface ArticleHitRow {
  id: number | bigint;
  rank: number;
  snippet: string;
  title: string;
  lead: string;
  source: string;
  sortDate: string;
  publishedAt: string | null;
}

export interface QuoteHitRow extends QuoteFieldsRow {
  rank: number;
  snippet: string;
}

/**
 * Rows strictly after `position` in (rank, id) order. The Prisma adapter binds every JS number as
 * a REAL, which (a) rounds a bm25 score to 16 digits, so the row at the cursor would come back, and
 * (b) makes FTS5 ignore a rowid constraint. So the rank travels as its exact shortest decimal text
 * and the id is cast back to an integer.
 */
const afterKey = (where: SqlWhere, rank: string, id: string, position: ListPosition) => {
  if (position.state !== 'after') return;
  const exact = String(position.rank);
  where.add(
    `(${rank} > CAST(? AS REAL) OR (${rank} = CAST(? AS REAL) AND ${id} > CAST(? AS INTEGER)))`,
    exact,
    exact,
    position.id,
  );
};

/** One page of a ranked list fetched with limit + 1 rows, and where the next page starts. */
export function rankedPage<Row extends { id: number | bigint; rank: number }, Hit>(
  rows: Row[],
  limit: number,
  toHit: (row: Row) => Hit,
): { list: HitList<Hit>; next: ListPosition } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const more = rows.length > limit;
  return {
    list: { items: page.map(toHit), more },
    next: more && last ? { state: 'after', rank: last.rank, id: Number(last.id) } : { state: 'done' },
  };
}

async function searchArticles(
  db: Db,
  match: string,
  filters: ArchiveFilters,
  position: ListPosition,
  limit: number,
  snippet: SnippetOptions,
): Promise<{ list: HitList<ArticleHit>; next: ListPosition }> {
  if (position.state === 'done') return { list: { items: [], more: false }, next: position };
  const { where, from } = await articleMatchSet(db, match, filters);
  afterKey(where, ARTICLE_BM25, `"articles_fts".rowid`, position);
  const rows = await db.$queryRawUnsafe<ArticleHitRow[]>(
    `WITH top AS (
       SELECT "articles_fts".rowid AS id, ${ARTICLE_BM25} AS rank FROM ${from} ${where.toString()}
       ORDER BY rank, id LIMIT ?
     )
     SELECT top.id, top.rank, snippet("articles_fts", -1, '${OPEN}', '${CLOSE}', '…', 24) AS snippet,
            a."title", a."lead", a."source", a."sortDate", a."publishedAt"
     FROM top CROSS JOIN "articles_fts" ON "articles_fts".rowid = top.id CROSS JOIN "articles" a ON a."id" = top.id
     WHERE "articles_fts" MATCH ?
     ORDER BY top.rank, top.id`,
    ...where.params,
    limit + 1,
    match,
  );
  return rankedPage(rows, limit, (row) => ({
    id: Number(row.id),
    title: row.title,
    lead: row.lead,
    source: row.source,
    date: isoDate(row.sortDate)!,
    publishedAt: isoDate(row.publishedAt),
    score: -row.rank,
    snippet: renderSnippet(row.snippet, snippet),
  }));
}

async function searchQuotes(
  db: Db,
  match: string,
  filters: ArchiveFilters,
  position: ListPosition,
  limit: number,
  snippet: SnippetOptions,
): Promise<{ list: HitList<QuoteHit>; next: ListPosition }> {
  if (position.state === 'done') return { list: { items: [], more: false }, next: position };
  const { where, from } = await quoteMatchSet(db, match, filters);
  afterKey(where, QUOTE_BM25, `"quotes_fts".rowid`, position);
  const rows = await db.$queryRawUnsafe<QuoteHitRow[]>(
    `WITH top AS (
       SELECT "quotes_fts".rowid AS id, ${QUOTE_BM25} AS rank FROM ${from} ${where.toString()}
       ORDER BY rank, id LIMIT ?
     )
     SELECT top.id, top.rank, snippet("quotes_fts", 0, '${OPEN}', '${CLOSE}', '…', 32) AS snippet,
            q."text", q."cue", q."speakerId", p."name" AS speakerName, p."slug" AS speakerSlug,
            a."id" AS articleId, a."title", a."sortDate"
     FROM top CROSS JOIN "quotes_fts" ON "quotes_fts".rowid = top.id
       CROSS JOIN "quotes" q ON q."id" = top.id
       CROSS JOIN "articles" a ON a."id" = q."articleId"
       LEFT JOIN "people" p ON p."id" = q."speakerId"
     WHERE "quotes_fts" MATCH ?
     ORDER BY top.rank, top.id`,
    ...where.params,
    limit + 1,
    match,
  );
  return rankedPage(rows, limit, (row) => ({
    ...toQuoteFields(row),
    score: -row.rank,
    snippet: renderSnippet(row.snippet, snippet),
  }));
}

/** One page of a search: `filters.q` is required. */
export async function search(
  db: Db,
  filters: ArchiveFilters & { q: string },
  page: SearchPage,
  snippet: SnippetOptions = DEFAULT_SNIPPET,
): Promise<SearchResult> {
  const match = matchExpression(filters.q);
  const print = fingerprint(match, filters);
  const wantArticles = page.type !== 'quotes';
  const wantQuotes = page.type !== 'articles';
  const start =
    page.cursor !== undefined
      ? decodeSearchCursor(page.cursor, page.type, print)
      : {
          articles: wantArticles ? START : ({ state: 'done' } as const),
          quotes: wantQuotes ? START : ({ state: 'done' } as const),
        };
  return ftsErrorsAsSyntaxErrors(async () => {
    const result: SearchResult = { query: { q: filters.q, match, type: page.type }, nextCursor: null };
    let articlesNext: ListPosition = { state: 'done' };
    let quotesNext: ListPosition = { state: 'done' };
    if (wantArticles) {
      const { list, next } = await searchArticles(db, match, filters, start.articles, page.limit, snippet);
      result.articles = list;
      articlesNext = next;
    }
    if (wantQuotes) {
      const { list, next } = await searchQuotes(db, match, filters, start.quotes, page.limit, snippet);
      result.quotes = list;
      quotesNext = next;
    }
    result.nextCursor = encodeSearchCursor(page.type, print, articlesNext, quotesNext);
    return result;
  });
}
