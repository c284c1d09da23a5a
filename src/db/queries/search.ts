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
import { InvalidCursorError, decodeCursor, encodeCursor, toPage } from '../cursor.ts';
import { SearchSyntaxError, searchErrorFromSqlite, toFtsQuery } from '../fts-query.ts';
import { toQuoteFields, type QuoteFieldsRow, type QuoteItem } from './quotes.ts';
import {
  SqlWhere,
  addArticleConditions,
  boundedCount,
  isoDate,
  planner,
  resolvePersonIds,
  sqlDate,
  storedDate,
  type ArchiveFilters,
} from './filters.ts';

export type SearchType = 'articles' | 'quotes' | 'all';
/** relevance: best first (bm25); date: newest article first, as /articles and /quotes list them. */
export type SearchSort = 'relevance' | 'date';

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
  /** Relevance: -bm25, higher is better. Comparable within one list of one search only; null with sort=date. */
  score: number | null;
  snippet: string;
}

/** A quote as /quotes lists it (without offsets), with its relevance and snippet. */
export interface QuoteHit extends Omit<QuoteItem, 'start' | 'end'> {
  /** As ArticleHit's. */
  score: number | null;
  snippet: string;
}

export interface HitList<T> {
  items: T[];
  /** Whether later pages hold more hits of this list. */
  more: boolean;
  /**
   * Relevance was computed over the newest planner.rankedCandidates matches only (by id: the most
   * recently imported), because the query matches more; sort=date lists every match.
   */
  bounded: boolean;
}

export interface SearchResult {
  query: { q: string; match: string; type: SearchType; sort: SearchSort };
  articles?: HitList<ArticleHit>;
  quotes?: HitList<QuoteHit>;
  nextCursor: string | null;
}

export interface SearchPage {
  type: SearchType;
  limit: number;
  cursor?: string;
  /** Default relevance. */
  sort?: SearchSort;
}

export type { SqlPart };

/**
 * Sizes that choose a search's plan. Mutable so that tests can force either side of each.
 * - rankedCandidates: a relevance walk ranks at most this many matches (the newest), see candidateBound.
 * - dateTestRows, dateIdsPerRowTest: how a date range is tested, see datePlan.
 * - probeFactor: when a date-ordered walk probes the FTS index per row, see termTest.
 */
export const searchPlanner = {
  rankedCandidates: 5000,
  dateTestRows: { articles: 300_000, quotes: 20_000 },
  dateIdsPerRowTest: { articles: 20, quotes: 1 },
  probeFactor: 300,
};

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
  /** A bound on the set's size known from planning (an id set it is tested against), else Infinity. */
  atMost: number;
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
  return { where: moved, needsArticle: moved.conditions.some((condition) => ARTICLE_COLUMN.test(condition)) };
}

/** A column of the article `a` or the quote `q` (not of subqueries' own aliases: sq, dq...). */
const ARTICLE_COLUMN = /(^|[^\w])a\."/;
const QUOTE_COLUMN = /(^|[^\w])q\."/;

/** Counts what `sql` selects, up to `cap`. */
async function countUpTo(db: Db, part: SqlPart, cap: number): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(
    `SELECT count(*) AS n FROM (${part.sql} LIMIT ${Math.max(0, Math.floor(cap))})`,
    ...part.params,
  );
  return Number(row!.n);
}

/** Inserts a rowid test right after MATCH, so that it is tested first, on the rowid alone. */
function testFirst(where: SqlWhere, test: SqlPart): void {
  where.conditions.splice(1, 0, test.sql);
  where.params.splice(1, 0, ...test.params);
}

/**
 * How a search tests `from`/`to`, chosen by the sizes of both sides. The range is either a set of
 * ids read from the (sortDate, id) index alone and tested against each FTS rowid (`ids`: costs
 * the range's size to build, then nothing per match), or a test of each matching row's date
 * (`row`: costs a row read per match that passes the other tests). Measured at 100k articles: a
 * row read costs ~7 µs for an article (its date lies after the text, on overflow pages), an id of
 * the range ~0.3 µs for articles and ~6 µs for quotes (the range's quotes, looked up per article).
 * So the set is built when the range holds at most `perRowTest` articles per matching row
 * (searchPlanner.dateIdsPerRowTest) and no more than searchPlanner.dateTestRows articles (a
 * quote set holds ~6 quotes per article, hence a smaller bound).
 *
 * Why not probe the FTS index per article of the range: a probe costs 40-90 µs (a seek in every
 * segment's doclist; bm25 even rescans the term's doclist on every probe), against 40 ns a row for
 * walking a doclist, so it is never the cheaper side at these sizes.
 */
async function datePlan(
  db: Db,
  filters: ArchiveFilters,
  matches: SqlPart,
  perRowTest: number,
  /** The largest range (in articles) worth a set. */
  largest: number,
  /** A bound on the matches from another filter's id set (a rare person...). */
  atMost: number,
): Promise<
  { kind: 'none' } | { kind: 'ids'; ids: SqlPart; size: number } | { kind: 'row'; where: SqlWhere }
> {
  const range = new SqlWhere();
  if (filters.from !== undefined) range.add(`"sortDate" >= ?`, sqlDate(filters.from));
  if (filters.to !== undefined) range.add(`"sortDate" <= ?`, sqlDate(filters.to));
  if (range.conditions.length === 0) return { kind: 'none' };
  const ids = { sql: `SELECT "id" FROM "articles" ${range.toString()}`, params: range.params };
  // Each side is counted only as far as the decision needs: the term's matches up to what pays
  // for the largest set allowed, then the range up to what those matches pay for.
  const most = Math.ceil(largest / perRowTest);
  const matched = Math.min(atMost, await countUpTo(db, matches, most));
  const paid = matched >= most ? largest : matched * perRowTest;
  const dates = await countUpTo(db, ids, paid + 1);
  if (dates <= paid) return { kind: 'ids', ids, size: dates };
  const where = new SqlWhere();
  if (filters.from !== undefined) where.add(`a."sortDate" >= ?`, sqlDate(filters.from));
  if (filters.to !== undefined) where.add(`a."sortDate" <= ?`, sqlDate(filters.to));
  return { kind: 'row', where };
}

const withoutDates = ({ from: _from, to: _to, ...rest }: ArchiveFilters): ArchiveFilters => rest;

/**
 * Matching articles (alias `a`). Always driven from the FTS index (CROSS JOIN pins the order):
 * reading a doclist is cheap even for a common term, while looking rows up is not. The most
 * selective filter (a rare person...) and a date range (datePlan) become sets of ids tested
 * against each FTS rowid before the article row is read, so a common term with a narrow filter
 * reads only the articles it returns; and bm25 is computed only for rows that pass.
 */
export async function articleMatchSet(db: Db, match: string, filters: ArchiveFilters): Promise<MatchSet> {
  const conditions = new SqlWhere().add(`"articles_fts" MATCH ?`, match);
  const driver = await addArticleConditions(db, conditions, withoutDates(filters), {
    skip: ['q'],
    driverColumn: 'a."id"',
  });
  if (driver) testFirst(conditions, { sql: `+a."id" IN (${driver.sql})`, params: driver.params });
  const dates = await datePlan(
    db,
    filters,
    { sql: `SELECT rowid FROM "articles_fts" WHERE "articles_fts" MATCH ?`, params: [match] },
    searchPlanner.dateIdsPerRowTest.articles,
    searchPlanner.dateTestRows.articles,
    driver?.estimate ?? INFINITE,
  );
  if (dates.kind === 'ids')
    testFirst(conditions, { sql: `+a."id" IN (${dates.ids.sql})`, params: dates.ids.params });
  if (dates.kind === 'row') {
    conditions.conditions.push(...dates.where.conditions);
    conditions.params.push(...dates.where.params);
  }
  const { where, needsArticle } = onRowid(conditions, '"articles_fts".rowid');
  return {
    from: needsArticle
      ? `"articles_fts" CROSS JOIN "articles" a ON a."id" = "articles_fts".rowid`
      : `"articles_fts"`,
    where,
    atMost: Math.min(driver?.estimate ?? INFINITE, dates.kind === 'ids' ? dates.size : INFINITE),
  };
}

/**
 * Matching quotes (alias `q`, their articles `a`): `speaker` applies to the quote, the other
 * filters to its article. Driven from the FTS index like articles; the most selective of the
 * speaker and the article filters, and a date range, become sets of quote ids tested against
 * each FTS rowid. The quote and article rows are joined only when a condition needs them.
 */
export async function quoteMatchSet(db: Db, match: string, filters: ArchiveFilters): Promise<MatchSet> {
  const where = new SqlWhere().add(`"quotes_fts" MATCH ?`, match);
  const driver = await addArticleConditions(db, where, withoutDates(filters), {
    skip: ['q', 'speaker'],
    driverColumn: 'a."id"',
  });
  const speakerIds =
    filters.speaker === undefined ? null : (await resolvePersonIds(db, filters.speaker)).join(',') || 'NULL';
  const speakerSql = `SELECT "id" FROM "quotes" WHERE "speakerId" IN (${speakerIds})`;
  const speakerQuotes = speakerIds === null ? INFINITE : await boundedCount(db, speakerSql, []);
  const quotesOf = (articles: SqlPart): SqlPart => ({
    sql: `+"quotes_fts".rowid IN (SELECT dq."id" FROM "quotes" dq WHERE dq."articleId" IN (${articles.sql}))`,
    params: articles.params,
  });
  if (driver) testFirst(where, quotesOf(driver));
  const speakerTested =
    speakerIds !== null &&
    speakerQuotes < planner.selectiveRows &&
    speakerQuotes <= (driver?.estimate ?? INFINITE);
  if (speakerTested) {
    testFirst(where, { sql: `+"quotes_fts".rowid IN (${speakerSql})`, params: [] });
  } else if (speakerIds !== null) {
    where.add(`q."speakerId" IN (${speakerIds})`);
  }
  const dates = await datePlan(
    db,
    filters,
    { sql: `SELECT rowid FROM "quotes_fts" WHERE "quotes_fts" MATCH ?`, params: [match] },
    searchPlanner.dateIdsPerRowTest.quotes,
    searchPlanner.dateTestRows.quotes,
    speakerTested ? speakerQuotes : INFINITE,
  );
  if (dates.kind === 'ids') testFirst(where, quotesOf(dates.ids));
  if (dates.kind === 'row') {
    where.conditions.push(...dates.where.conditions);
    where.params.push(...dates.where.params);
  }
  // The article's id is the quote's articleId: no article row needed to test it.
  for (let i = 0; i < where.conditions.length; i++)
    where.conditions[i] = where.conditions[i]!.replaceAll('a."id"', 'q."articleId"');
  const needsArticle = where.conditions.some((condition) => ARTICLE_COLUMN.test(condition));
  const needsQuote = needsArticle || where.conditions.some((condition) => QUOTE_COLUMN.test(condition));
  return {
    from: [
      `"quotes_fts"`,
      ...(needsQuote ? [`CROSS JOIN "quotes" q ON q."id" = "quotes_fts".rowid`] : []),
      ...(needsArticle ? [`CROSS JOIN "articles" a ON a."id" = q."articleId"`] : []),
    ].join(' '),
    where,
    // Quotes per article are not bounded: only a speaker set bounds the quote count.
    atMost: speakerTested ? speakerQuotes : INFINITE,
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

/**
 * Position of one list: before its first hit, after (rank, id) of a relevance walk (with the
 * candidate bound that walk started with, 0 for none), at a date-ordered page (the cursor of the
 * /articles or /quotes walk behind it), or exhausted.
 */
export type ListPosition =
  | { state: 'start' }
  | { state: 'after'; rank: number; id: number; bound: number }
  | { state: 'page'; cursor: string }
  | { state: 'done' };

export const START: ListPosition = { state: 'start' };
const DONE: ListPosition = { state: 'done' };

// Relevance keys: [rank, id, bound]; id 0 is the start, id -1 the end.
const toRankKey = (p: ListPosition): [number, number, number] =>
  p.state === 'after' ? [p.rank, p.id, p.bound] : [0, p.state === 'done' ? -1 : 0, 0];
const fromRankKey = (rank: number, id: number, bound: number): ListPosition =>
  id === 0 ? START : id < 0 ? DONE : { state: 'after', rank, id, bound };
// Date keys: the inner list's cursor, or one of two words no cursor can be (cursors encode a JSON array).
const toDateKey = (p: ListPosition): string =>
  p.state === 'page' ? p.cursor : p.state === 'done' ? 'done' : 'start';
const fromDateKey = (key: string): ListPosition =>
  key === 'start' ? START : key === 'done' ? DONE : { state: 'page', cursor: key };

export function decodeSearchCursor(
  cursor: string,
  type: SearchType,
  print: string,
  sort: SearchSort = 'relevance',
): { articles: ListPosition; quotes: ListPosition } {
  const lists = type === 'all' ? 2 : 1;
  const keyShape: ('string' | 'number')[] = sort === 'date' ? ['string'] : ['number', 'number', 'number'];
  const shape: ('string' | 'number')[] = ['string', 'string', 'string'];
  for (let i = 0; i < lists; i++) shape.push(...keyShape);
  const [cursorType, cursorSort, cursorPrint, ...keys] = decodeCursor('/search', cursor, shape) as [
    string,
    string,
    string,
    ...(string | number)[],
  ];
  if (cursorType !== type)
    throw new InvalidCursorError(`cursor belongs to a search of type=${cursorType}, not type=${type}`);
  if (cursorSort !== sort)
    throw new InvalidCursorError(`cursor belongs to a search of sort=${cursorSort}, not sort=${sort}`);
  if (cursorPrint !== print)
    throw new InvalidCursorError('cursor belongs to another search: pass it with the same q and filters');
  const positions: ListPosition[] = [];
  for (let i = 0; i < lists; i++) {
    const at = i * keyShape.length;
    positions.push(
      sort === 'date'
        ? fromDateKey(keys[at] as string)
        : fromRankKey(keys[at] as number, keys[at + 1] as number, keys[at + 2] as number),
    );
  }
  if (type === 'quotes') return { articles: DONE, quotes: positions[0]! };
  return { articles: positions[0]!, quotes: type === 'all' ? positions[1]! : DONE };
}

export function encodeSearchCursor(
  type: SearchType,
  print: string,
  articles: ListPosition,
  quotes: ListPosition,
  sort: SearchSort = 'relevance',
): string | null {
  if (articles.state === 'done' && quotes.state === 'done') return null;
  const lists = type === 'articles' ? [articles] : type === 'quotes' ? [quotes] : [articles, quotes];
  const keys = lists.flatMap((p): (string | number)[] => (sort === 'date' ? [toDateKey(p)] : toRankKey(p)));
  return encodeCursor('/search', [type, sort, print, ...keys]);
}

/** What one dialect runs for one list of a search: the page after `position`, and where the next starts. */
export type ListSearch<Hit> = (
  position: ListPosition,
  limit: number,
) => Promise<{ list: HitList<Hit>; next: ListPosition }>;

const EMPTY = { list: { items: [], more: false, bounded: false }, next: DONE };

/**
 * One page of a search, whatever the dialect: decodes the cursor, runs the lists asked for
 * (each only while it has hits), and encodes where the next page starts.
 */
export async function searchPage(
  q: string,
  match: string,
  print: string,
  page: SearchPage,
  lists: { articles: ListSearch<ArticleHit>; quotes: ListSearch<QuoteHit> },
): Promise<SearchResult> {
  const sort = page.sort ?? 'relevance';
  const start =
    page.cursor !== undefined
      ? decodeSearchCursor(page.cursor, page.type, print, sort)
      : {
          articles: page.type !== 'quotes' ? START : DONE,
          quotes: page.type !== 'articles' ? START : DONE,
        };
  const result: SearchResult = { query: { q, match, type: page.type, sort }, nextCursor: null };
  let articlesNext = DONE;
  let quotesNext = DONE;
  if (page.type !== 'quotes') {
    const { list, next } =
      start.articles.state === 'done' ? EMPTY : await lists.articles(start.articles, page.limit);
    result.articles = list;
    articlesNext = next;
  }
  if (page.type !== 'articles') {
    const { list, next } =
      start.quotes.state === 'done' ? EMPTY : await lists.quotes(start.quotes, page.limit);
    result.quotes = list;
    quotesNext = next;
  }
  result.nextCursor = encodeSearchCursor(page.type, print, articlesNext, quotesNext, sort);
  return result;
}

/** A date-ordered page of /articles or /quotes as the list position after it. */
export const datePosition = (nextCursor: string | null): ListPosition =>
  nextCursor === null ? DONE : { state: 'page', cursor: nextCursor };

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
  bound: number,
  toHit: (row: Row) => Hit,
): { list: HitList<Hit>; next: ListPosition } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const more = rows.length > limit;
  return {
    list: { items: page.map(toHit), more, bounded: bound > 0 },
    next: more && last ? { state: 'after', rank: last.rank, id: Number(last.id), bound } : DONE,
  };
}

const ARTICLES_ROWID = '"articles_fts".rowid';
const QUOTES_ROWID = '"quotes_fts".rowid';

/**
 * The candidate bound of a relevance walk. A match set of more than searchPlanner.rankedCandidates
 * rows is ranked over its newest rankedCandidates rows only (by rowid, which FTS5 walks backwards
 * without sorting): those above the rowid of the next one. 0 when the set is no larger: every
 * match is ranked, the exact bm25 order.
 */
async function candidateBound(db: Db, set: MatchSet, rowid: string): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ id: number | bigint }[]>(
    `SELECT ${rowid} AS id FROM ${set.from} ${set.where.toString()} ORDER BY ${rowid} DESC LIMIT 1 OFFSET ?`,
    ...set.where.params,
    searchPlanner.rankedCandidates,
  );
  return row ? Number(row.id) + 1 : 0;
}

/** Where a relevance walk ranks: the bound it started with, or a new one for a first page. */
async function boundedSet(db: Db, set: MatchSet, rowid: string, position: ListPosition): Promise<number> {
  const bound =
    position.state === 'after'
      ? position.bound
      : set.atMost <= searchPlanner.rankedCandidates
        ? 0
        : await candidateBound(db, set, rowid);
  if (bound > 0) set.where.add(`${rowid} >= CAST(? AS INTEGER)`, bound);
  afterKey(set.where, rowid === ARTICLES_ROWID ? ARTICLE_BM25 : QUOTE_BM25, rowid, position);
  return bound;
}

type ListResult<Hit> = { list: HitList<Hit>; next: ListPosition };

async function searchArticles(
  db: Db,
  match: string,
  filters: ArchiveFilters,
  position: ListPosition,
  limit: number,
  snippet: SnippetOptions,
): Promise<ListResult<ArticleHit>> {
  const set = await articleMatchSet(db, match, filters);
  const bound = await boundedSet(db, set, ARTICLES_ROWID, position);
  const rows = await db.$queryRawUnsafe<ArticleHitRow[]>(
    `WITH top AS (
       SELECT "articles_fts".rowid AS id, ${ARTICLE_BM25} AS rank FROM ${set.from} ${set.where.toString()}
       ORDER BY rank, id LIMIT ?
     )
     SELECT top.id, top.rank, snippet("articles_fts", -1, '${OPEN}', '${CLOSE}', '…', 24) AS snippet,
            a."title", a."lead", a."source", a."sortDate", a."publishedAt"
     FROM top CROSS JOIN "articles_fts" ON "articles_fts".rowid = top.id CROSS JOIN "articles" a ON a."id" = top.id
     WHERE "articles_fts" MATCH ?
     ORDER BY top.rank, top.id`,
    ...set.where.params,
    limit + 1,
    match,
  );
  return rankedPage(rows, limit, bound, (row) => ({
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
): Promise<ListResult<QuoteHit>> {
  const set = await quoteMatchSet(db, match, filters);
  const bound = await boundedSet(db, set, QUOTES_ROWID, position);
  const rows = await db.$queryRawUnsafe<QuoteHitRow[]>(
    `WITH top AS (
       SELECT "quotes_fts".rowid AS id, ${QUOTE_BM25} AS rank FROM ${set.from} ${set.where.toString()}
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
    ...set.where.params,
    limit + 1,
    match,
  );
  return rankedPage(rows, limit, bound, (row) => ({
    ...toQuoteFields(row),
    score: -row.rank,
    snippet: renderSnippet(row.snippet, snippet),
  }));
}

/**
 * Snippets of the given rows of one FTS table, by id. One probe of the index per row (a page's
 * worth): snippet() reads the row's own positions only, unlike bm25, which rescans the term's
 * doclist on every probe (hence no score on date-ordered pages).
 */
async function snippetsOf(
  db: Db,
  table: 'articles_fts' | 'quotes_fts',
  ids: number[],
  match: string,
  options: SnippetOptions,
): Promise<Map<number, string>> {
  const column = table === 'articles_fts' ? -1 : 0;
  const tokens = table === 'articles_fts' ? 24 : 32;
  const rows = await db.$queryRawUnsafe<{ id: number | bigint; snippet: string }[]>(
    `SELECT "${table}".rowid AS id, snippet("${table}", ${column}, '${OPEN}', '${CLOSE}', '…', ${tokens}) AS snippet
     FROM json_each(?) j CROSS JOIN "${table}" ON "${table}".rowid = j."value"
     WHERE "${table}" MATCH ?`,
    JSON.stringify(ids),
    match,
  );
  return new Map(rows.map((row) => [Number(row.id), renderSnippet(row.snippet, options)]));
}

/**
 * How a date-ordered walk tests the term: a rare term drives (its few ids, then sorted); a common
 * one is tested on each row met in date order, which stops after a page. The test is a set of
 * every match (built once: ~0.3 µs a match) or, for a term so common that a page is found within
 * a few probes, a probe of the FTS index per row (~40-90 µs, measured at 100k): the probe wins
 * when matches² > probeFactor (300) · page · archive size.
 */
async function termTest(
  db: Db,
  table: 'articles_fts' | 'quotes_fts',
  column: string,
  match: string,
  limit: number,
  rows: number,
): Promise<SqlPart> {
  const sql = `SELECT rowid FROM "${table}" WHERE "${table}" MATCH ?`;
  const probeFrom = Math.ceil(Math.sqrt(searchPlanner.probeFactor * (limit + 1) * rows));
  const matches = await countUpTo(db, { sql, params: [match] }, Math.max(planner.selectiveRows, probeFrom));
  if (matches < planner.selectiveRows) return { sql: `${column} IN (${sql})`, params: [match] };
  if (matches >= probeFrom)
    return {
      sql: `EXISTS (SELECT 1 FROM "${table}" WHERE "${table}" MATCH ? AND "${table}".rowid = ${column})`,
      params: [match],
    };
  return { sql: `+${column} IN (${sql})`, params: [match] };
}

/** Rows of a table, from the writer's totals (0 when unknown). */
async function tableRows(db: Db, key: 'articles' | 'quotes'): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ n: number | bigint | null }[]>(
    `SELECT (SELECT "n" FROM "archive_totals" WHERE "key" = ?) AS n`,
    key,
  );
  return Number(row?.n ?? 0);
}

/** A date-ordered page and where the next starts, keyed like /articles and /quotes. */
function datePage<Row extends { sortDate: string }>(
  list: '/articles' | '/quotes',
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => (string | number)[],
): { items: Row[]; next: ListPosition } {
  const page = toPage(list, rows, limit, (row) => [storedDate(row.sortDate), ...keyOf(row)]);
  return { items: page.items, next: datePosition(page.nextCursor) };
}

/** Matching articles newest first, in the order (and with the cursors) of /articles?q=…, with snippets. */
async function articlesByDate(
  db: Db,
  match: string,
  filters: ArchiveFilters,
  position: ListPosition,
  limit: number,
  snippet: SnippetOptions,
): Promise<ListResult<ArticleHit>> {
  const { q: _q, ...rest } = filters;
  const where = new SqlWhere();
  const driver = await addArticleConditions(db, where, rest);
  const term = driver
    ? { sql: `+a."id" IN (SELECT rowid FROM "articles_fts" WHERE "articles_fts" MATCH ?)`, params: [match] }
    : await termTest(db, 'articles_fts', 'a."id"', match, limit, await tableRows(db, 'articles'));
  where.add(term.sql, ...term.params);
  if (position.state === 'page') {
    const [date, id] = decodeCursor('/articles', position.cursor, ['string', 'number']);
    where.add(`(a."sortDate" < ? OR (a."sortDate" = ? AND a."id" < ?))`, date, date, id);
  }
  const rows = await db.$queryRawUnsafe<ArticleHitRow[]>(
    `SELECT a."id", a."title", a."lead", a."source", a."sortDate", a."publishedAt" FROM "articles" a
     ${where.toString()} ORDER BY a."sortDate" DESC, a."id" DESC LIMIT ?`,
    ...where.params,
    limit + 1,
  );
  const { items, next } = datePage('/articles', rows, limit, (row) => [Number(row.id)]);
  const snippets = await snippetsOf(
    db,
    'articles_fts',
    items.map((a) => Number(a.id)),
    match,
    snippet,
  );
  return {
    list: {
      items: items.map((a) => ({
        id: Number(a.id),
        title: a.title,
        lead: a.lead,
        source: a.source,
        date: isoDate(a.sortDate)!,
        publishedAt: isoDate(a.publishedAt),
        score: null,
        snippet: snippets.get(Number(a.id)) ?? '',
      })),
      more: next.state !== 'done',
      bounded: false,
    },
    next,
  };
}

/**
 * Matching quotes, newest article first and each article's in document order (the order and
 * cursors of /quotes?q=…), with snippets. Walks articles in date order (CROSS JOIN pins it) and
 * their quotes by the articleId index, so that a common term stops after a page instead of
 * sorting every match.
 */
async function quotesByDate(
  db: Db,
  match: string,
  filters: ArchiveFilters,
  position: ListPosition,
  limit: number,
  snippet: SnippetOptions,
): Promise<ListResult<QuoteHit>> {
  const { q: _q, speaker, ...rest } = filters;
  const where = new SqlWhere();
  const driver = await addArticleConditions(db, where, rest);
  const term = await termTest(db, 'quotes_fts', 'q."id"', match, limit, await tableRows(db, 'quotes'));
  // A rare term drives from its quotes; otherwise the walk goes in date order and tests.
  const driven = !driver && !term.sql.startsWith('+') && !term.sql.startsWith('EXISTS');
  where.add(term.sql, ...term.params);
  if (speaker !== undefined) {
    const ids = await resolvePersonIds(db, speaker);
    where.add(`q."speakerId" IN (${ids.length ? ids.join(',') : 'NULL'})`);
  }
  if (position.state === 'page') {
    const [date, articleId, id] = decodeCursor('/quotes', position.cursor, ['string', 'number', 'number']);
    where.add(
      `(a."sortDate" < ? OR (a."sortDate" = ? AND (a."id" < ? OR (a."id" = ? AND q."id" > ?))))`,
      date,
      date,
      articleId,
      articleId,
      id,
    );
  }
  const from = driven
    ? `"quotes" q JOIN "articles" a ON a."id" = q."articleId"`
    : `"articles" a CROSS JOIN "quotes" q ON q."articleId" = a."id"`;
  const rows = await db.$queryRawUnsafe<QuoteFieldsRow[]>(
    `SELECT q."id", q."text", q."cue", q."speakerId", p."name" AS speakerName, p."slug" AS speakerSlug,
            a."id" AS articleId, a."title", a."sortDate"
     FROM ${from} LEFT JOIN "people" p ON p."id" = q."speakerId"
     ${where.toString()}
     ORDER BY a."sortDate" DESC, a."id" DESC, q."id" ASC LIMIT ?`,
    ...where.params,
    limit + 1,
  );
  const { items, next } = datePage('/quotes', rows, limit, (row) => [Number(row.articleId), Number(row.id)]);
  const snippets = await snippetsOf(
    db,
    'quotes_fts',
    items.map((q) => Number(q.id)),
    match,
    snippet,
  );
  return {
    list: {
      items: items.map((row) => ({
        ...toQuoteFields(row),
        score: null,
        snippet: snippets.get(Number(row.id)) ?? '',
      })),
      more: next.state !== 'done',
      bounded: false,
    },
    next,
  };
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
  const byDate = page.sort === 'date';
  return ftsErrorsAsSyntaxErrors(() =>
    searchPage(filters.q, match, print, page, {
      articles: (position, limit) =>
        (byDate ? articlesByDate : searchArticles)(db, match, filters, position, limit, snippet),
      quotes: (position, limit) =>
        (byDate ? quotesByDate : searchQuotes)(db, match, filters, position, limit, snippet),
    }),
  );
}
