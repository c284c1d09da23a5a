/**
 * Full-text search on PostgreSQL: the contract of src/db/queries/search.ts (two ranked lists,
 * articles and quotes, keyset-paged by one cursor; snippets for the page's rows only), on the
 * generated tsvector columns and their GIN indexes (migration full_text_search).
 *
 * Ranking is ts_rank_cd with the weights of SQLite's bm25 (title 1.0, lead 0.4, body 0.1). A
 * list is ordered by (rank, id) with rank = -ts_rank_cd, so that lower is better as with bm25 and
 * the cursor helpers of queries/search.ts apply unchanged; score = -rank. ts_rank_cd returns a
 * `real`, which text carries exactly, so a cursor's rank compares equal to the row it names.
 * Snippets are ts_headline with placeholder markers, rendered by the same renderSnippet.
 */
import type pg from 'pg';
import type { ArchiveFilters } from '../queries/filters.ts';
import {
  datePosition,
  fingerprint,
  rankedPage,
  renderSnippet,
  searchPage,
  searchPlanner,
  type ArticleHit,
  type HitList,
  type ListPosition,
  type QuoteHit,
  type SearchPage,
  type SearchResult,
  type SnippetOptions,
} from '../queries/search.ts';
import { SearchSyntaxError } from '../fts-query.ts';
import { addArticleConditions, resolvePersonIds } from './filters.ts';
import { QUOTE_FIELDS, listArticles, listQuotes, toQuoteFields, type QuoteFieldsRow } from './lists.ts';
import { Conditions, isoDate, rows, type SqlPart } from './sql.ts';
import { toTsQuery, type TsQuery } from './tsquery.ts';

/** ts_rank_cd weights {D, C, B, A}: body (C) 0.1, lead (B) 0.4, title (A) 1.0. */
const WEIGHTS = `'{0, 0.1, 0.4, 1.0}'::real[]`;
const OPEN = '\u0002';
const CLOSE = '\u0003';
const headlineOptions = (words: number) =>
  `'StartSel=${OPEN}, StopSel=${CLOSE}, MaxWords=${words}, MinWords=${Math.floor(words / 2)}, MaxFragments=1, FragmentDelimiter=" … "'`;

/**
 * ts_headline's parser takes `<…>` for markup and drops it, but a snippet must show the text as
 * written (escaped for HTML by renderSnippet, not stripped). So `<`, `>` and `&` go in as
 * control characters that parse as plain separators, and come back after.
 */
const HIDDEN = { '<': '\u0004', '>': '\u0005', '&': '\u0006' };
const hideMarkup = (column: string) => `translate(${column}, '<>&', E'${Object.values(HIDDEN).join('')}')`;
const showMarkup = (snippet: string) =>
  snippet.replaceAll('\u0004', '<').replaceAll('\u0005', '>').replaceAll('\u0006', '&');
/** A field short enough for a snippet comes back whole (as FTS5 returns a short column); a longer one as its best fragment. */
const WHOLE_FIELD_CHARS = 200;
const headline = (column: string, words: number) =>
  `CASE WHEN length(${column}) <= ${WHOLE_FIELD_CHARS}
     THEN ts_headline('archive', ${hideMarkup(column)}, t.tq, 'StartSel=${OPEN}, StopSel=${CLOSE}, HighlightAll=true')
     ELSE ts_headline('archive', ${hideMarkup(column)}, t.tq, ${headlineOptions(words)}) END`;

/**
 * The snippet of an article comes from its best field, as FTS5's snippet picks a column: the
 * title when it matches, else the lead, else the body (short fields come back whole).
 */
const ARTICLE_SNIPPET = `CASE
  WHEN ts_filter(a."searchVector", '{a}') @@ t.tq THEN ${headline('a."title"', 24)}
  WHEN ts_filter(a."searchVector", '{b}') @@ t.tq THEN ${headline('a."lead"', 24)}
  ELSE ${headline('a."body"', 24)} END`;

/** The tsquery of a search, or a SearchSyntaxError when there is nothing to search for. */
export function searchQuery(q: string): TsQuery {
  const query = toTsQuery(q);
  if (query === null)
    throw new SearchSyntaxError('The query has no words to search for: use letters or digits');
  return query;
}

/** Matching articles (alias `a`): every filter of `filters`, the search on the article's vector. */
export async function articleMatches(
  db: pg.Pool,
  query: TsQuery,
  filters: ArchiveFilters,
): Promise<Conditions> {
  const where = new Conditions().add(`a."searchVector" @@ ${query.sql}`, ...query.params);
  await addArticleConditions(db, where, filters, { skip: ['q'] });
  return where;
}

/** Matching quotes (alias `q`, their articles `a`): speaker on the quote, the rest on its article. */
export async function quoteMatches(
  db: pg.Pool,
  query: TsQuery,
  filters: ArchiveFilters,
): Promise<Conditions> {
  const where = new Conditions().add(`q."searchVector" @@ ${query.sql}`, ...query.params);
  if (filters.speaker !== undefined)
    where.add(`q."speakerId" = ANY(?::int[])`, await resolvePersonIds(db, filters.speaker));
  await addArticleConditions(db, where, filters, { skip: ['q', 'speaker'] });
  return where;
}

export const QUOTES_FROM = `"quotes" q JOIN "articles" a ON a."id" = q."articleId"`;

const afterKey = (where: Conditions, position: ListPosition, rank: string, id: string) => {
  if (position.state !== 'after') return;
  where.add(
    `(${rank} > ?::real OR (${rank} = ?::real AND ${id} > ?))`,
    position.rank,
    position.rank,
    position.id,
  );
};

/**
 * The candidate bound of a relevance walk, as on SQLite (queries/search.ts candidateBound): above
 * the id of the match after the searchPlanner.rankedCandidates newest, so that ranking computes
 * ts_rank_cd (which reads each row's whole tsvector) over that many rows at most; 0 when the
 * match set is no larger (every match ranked).
 */
async function candidateBound(db: pg.Pool, id: string, from: string, where: Conditions): Promise<number> {
  const [row] = await rows<{ id: number }>(
    db,
    `SELECT ${id} AS id FROM ${from} ${where.where()} ORDER BY ${id} DESC OFFSET ? LIMIT 1`,
    [...where.params, searchPlanner.rankedCandidates],
  );
  return row ? row.id + 1 : 0;
}

/** The bound a walk started with, or a new one on its first page; applied to `where`. */
async function bounded(
  db: pg.Pool,
  id: string,
  from: string,
  where: Conditions,
  position: ListPosition,
): Promise<number> {
  const bound = position.state === 'after' ? position.bound : await candidateBound(db, id, from, where);
  if (bound > 0) where.add(`${id} >= ?`, bound);
  return bound;
}

/** Ranked rows of one list: `rank` is computed once per matching row, the page cut by (rank, id). */
function rankedSql(select: string, from: string, where: Conditions, rank: SqlPart, position: ListPosition) {
  const after = new Conditions();
  afterKey(after, position, 'r.rank', 'r.id');
  return {
    sql: `WITH r AS (SELECT ${select}, ${rank.sql} AS rank FROM ${from} ${where.where()})
          SELECT r.id, r.rank FROM r ${after.where()} ORDER BY r.rank, r.id LIMIT ?`,
    params: [...rank.params, ...where.params, ...after.params],
  };
}

interface HitRow {
  id: number;
  rank: number;
  snippet: string;
}

type ListResult<Hit> = { list: HitList<Hit>; next: ListPosition };

async function searchArticles(
  db: pg.Pool,
  query: TsQuery,
  filters: ArchiveFilters,
  position: ListPosition,
  limit: number,
  snippet: SnippetOptions,
): Promise<ListResult<ArticleHit>> {
  const where = await articleMatches(db, query, filters);
  const bound = await bounded(db, 'a."id"', '"articles" a', where, position);
  const rank = { sql: `-ts_rank_cd(${WEIGHTS}, a."searchVector", ${query.sql})`, params: query.params };
  const top = rankedSql('a."id"', '"articles" a', where, rank, position);
  const found = await rows<
    HitRow & { title: string; lead: string; source: string; sortDate: Date; publishedAt: Date | null }
  >(
    db,
    `WITH top AS (${top.sql})
     SELECT top.id, top.rank, a."title", a."lead", a."source", a."sortDate", a."publishedAt", ${ARTICLE_SNIPPET} AS snippet
     FROM top JOIN "articles" a ON a."id" = top.id CROSS JOIN (SELECT ${query.sql} AS tq) t
     ORDER BY top.rank, top.id`,
    [...top.params, limit + 1, ...query.params],
  );
  return rankedPage(found, limit, bound, (row) => ({
    id: row.id,
    title: row.title,
    lead: row.lead,
    source: row.source,
    date: row.sortDate.toISOString(),
    publishedAt: isoDate(row.publishedAt),
    score: -row.rank,
    snippet: renderSnippet(showMarkup(row.snippet), snippet),
  }));
}

async function searchQuotes(
  db: pg.Pool,
  query: TsQuery,
  filters: ArchiveFilters,
  position: ListPosition,
  limit: number,
  snippet: SnippetOptions,
): Promise<ListResult<QuoteHit>> {
  const where = await quoteMatches(db, query, filters);
  const bound = await bounded(db, 'q."id"', QUOTES_FROM, where, position);
  const rank = { sql: `-ts_rank_cd(q."searchVector", ${query.sql})`, params: query.params };
  const top = rankedSql('q."id"', QUOTES_FROM, where, rank, position);
  const found = await rows<HitRow & QuoteFieldsRow>(
    db,
    `WITH top AS (${top.sql})
     SELECT top.rank, ${QUOTE_FIELDS}, ${headline('q."text"', 32)} AS snippet
     FROM top JOIN "quotes" q ON q."id" = top.id JOIN "articles" a ON a."id" = q."articleId"
       LEFT JOIN "people" p ON p."id" = q."speakerId" CROSS JOIN (SELECT ${query.sql} AS tq) t
     ORDER BY top.rank, top.id`,
    [...top.params, limit + 1, ...query.params],
  );
  return rankedPage(found, limit, bound, (row) => ({
    ...toQuoteFields(row),
    score: -row.rank,
    snippet: renderSnippet(showMarkup(row.snippet), snippet),
  }));
}

/** Snippets of a page's articles or quotes, by id (ts_headline on those rows only). */
async function snippetsOf(
  db: pg.Pool,
  kind: 'articles' | 'quotes',
  ids: number[],
  query: TsQuery,
  options: SnippetOptions,
): Promise<Map<number, string>> {
  const found = await rows<{ id: number; snippet: string }>(
    db,
    kind === 'articles'
      ? `SELECT a."id", ${ARTICLE_SNIPPET} AS snippet FROM "articles" a CROSS JOIN (SELECT ${query.sql} AS tq) t WHERE a."id" = ANY(?::int[])`
      : `SELECT q."id", ${headline('q."text"', 32)} AS snippet FROM "quotes" q CROSS JOIN (SELECT ${query.sql} AS tq) t WHERE q."id" = ANY(?::int[])`,
    [...query.params, ids],
  );
  return new Map(found.map((row) => [row.id, renderSnippet(showMarkup(row.snippet), options)]));
}

/** Matching articles newest first: the page of /articles?q=… (its plan, its cursor), with snippets. */
async function articlesByDate(
  db: pg.Pool,
  query: TsQuery,
  filters: ArchiveFilters,
  position: ListPosition,
  limit: number,
  snippet: SnippetOptions,
): Promise<ListResult<ArticleHit>> {
  const page = await listArticles(db, filters, {
    limit,
    ...(position.state === 'page' && { cursor: position.cursor }),
  });
  const snippets = await snippetsOf(
    db,
    'articles',
    page.items.map((a) => a.id),
    query,
    snippet,
  );
  return {
    list: {
      items: page.items.map((a) => ({
        id: a.id,
        title: a.title,
        lead: a.lead,
        source: a.source,
        date: a.date,
        publishedAt: a.publishedAt,
        score: null,
        snippet: snippets.get(a.id) ?? '',
      })),
      more: page.nextCursor !== null,
      bounded: false,
    },
    next: datePosition(page.nextCursor),
  };
}

/** Matching quotes, newest article first: the page of /quotes?q=…, with snippets. */
async function quotesByDate(
  db: pg.Pool,
  query: TsQuery,
  filters: ArchiveFilters,
  position: ListPosition,
  limit: number,
  snippet: SnippetOptions,
): Promise<ListResult<QuoteHit>> {
  const page = await listQuotes(db, filters, {
    limit,
    ...(position.state === 'page' && { cursor: position.cursor }),
  });
  const snippets = await snippetsOf(
    db,
    'quotes',
    page.items.map((q) => q.id),
    query,
    snippet,
  );
  return {
    list: {
      items: page.items.map(({ start: _start, end: _end, ...quote }) => ({
        ...quote,
        score: null,
        snippet: snippets.get(quote.id) ?? '',
      })),
      more: page.nextCursor !== null,
      bounded: false,
    },
    next: datePosition(page.nextCursor),
  };
}

export async function search(
  db: pg.Pool,
  filters: ArchiveFilters & { q: string },
  page: SearchPage,
  snippet: SnippetOptions,
): Promise<SearchResult> {
  const query = searchQuery(filters.q);
  const print = fingerprint(query.match, filters);
  const byDate = page.sort === 'date';
  return searchPage(filters.q, query.match, print, page, {
    articles: (position, limit) =>
      (byDate ? articlesByDate : searchArticles)(db, query, filters, position, limit, snippet),
    quotes: (position, limit) =>
      (byDate ? quotesByDate : searchQuotes)(db, query, filters, position, limit, snippet),
  });
}
