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
  START,
  decodeSearchCursor,
  encodeSearchCursor,
  fingerprint,
  rankedPage,
  renderSnippet,
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
import { QUOTE_FIELDS, toQuoteFields, type QuoteFieldsRow } from './lists.ts';
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

async function searchArticles(
  db: pg.Pool,
  query: TsQuery,
  filters: ArchiveFilters,
  position: ListPosition,
  limit: number,
  snippet: SnippetOptions,
): Promise<{ list: HitList<ArticleHit>; next: ListPosition }> {
  if (position.state === 'done') return { list: { items: [], more: false }, next: position };
  const where = await articleMatches(db, query, filters);
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
  return rankedPage(found, limit, (row) => ({
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
): Promise<{ list: HitList<QuoteHit>; next: ListPosition }> {
  if (position.state === 'done') return { list: { items: [], more: false }, next: position };
  const where = await quoteMatches(db, query, filters);
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
  return rankedPage(found, limit, (row) => ({
    ...toQuoteFields(row),
    score: -row.rank,
    snippet: renderSnippet(showMarkup(row.snippet), snippet),
  }));
}

export async function search(
  db: pg.Pool,
  filters: ArchiveFilters & { q: string },
  page: SearchPage,
  snippet: SnippetOptions,
): Promise<SearchResult> {
  const query = searchQuery(filters.q);
  const print = fingerprint(query.match, filters);
  const wantArticles = page.type !== 'quotes';
  const wantQuotes = page.type !== 'articles';
  const done = { state: 'done' } as const;
  const start =
    page.cursor !== undefined
      ? decodeSearchCursor(page.cursor, page.type, print)
      : { articles: wantArticles ? START : done, quotes: wantQuotes ? START : done };
  const result: SearchResult = {
    query: { q: filters.q, match: query.match, type: page.type },
    nextCursor: null,
  };
  let articlesNext: ListPosition = done;
  let quotesNext: ListPosition = done;
  if (wantArticles) {
    const { list, next } = await searchArticles(db, query, filters, start.articles, page.limit, snippet);
    result.articles = list;
    articlesNext = next;
  }
  if (wantQuotes) {
    const { list, next } = await searchQuotes(db, query, filters, start.quotes, page.limit, snippet);
    result.quotes = list;
    quotesNext = next;
  }
  result.nextCursor = encodeSearchCursor(page.type, print, articlesNext, quotesNext);
  return result;
}
