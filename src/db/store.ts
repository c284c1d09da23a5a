/**
 * The archive's storage, as one interface per concern with one implementation per database
 * dialect. Nothing outside src/db/ writes SQL: services (src/archive/), the API, the CLI and the
 * web pages hold an `ArchiveStore` for reads and an `ArchiveWriter` for writes, and never know
 * which database is behind them.
 *
 * - `file:` URLs open SQLite (src/db/sqlite/), the embedded default.
 * - `postgres:`/`postgresql:` URLs open PostgreSQL (src/db/postgres/).
 *
 * Contract shared by both implementations (the same test files run against both):
 * - Reads return the API's shapes exactly (dates as ISO 8601 UTC strings, amounts as decimal
 *   strings, ids as numbers); lists are keyset-paged with opaque cursors.
 * - A full-text query the engine cannot run raises SearchSyntaxError; a bad cursor
 *   InvalidCursorError (both src/db/); a read over its time budget QueryTimeoutError
 *   (src/db/budget.ts); every other failure is the database's own error.
 * - Writes go through `ArchiveWriter`: each article with its facts is all-or-nothing, a batch
 *   is one transaction, re-runs are idempotent (content hash), and concurrent writers never store
 *   an article or a person twice.
 */
import type { QueryBudget } from './budget.ts';
import type { Page } from './cursor.ts';
import type { ArticleSummary } from './queries/articles.ts';
import type { ExportedArticle } from './queries/export.ts';
import type { ArchiveFilters } from './queries/filters.ts';
import type { PersonDetail, PersonFacets, PersonSummary } from './queries/people.ts';
import type { PriceItem } from './queries/prices.ts';
import type { QuoteItem } from './queries/quotes.ts';
import type { SearchPage, SearchResult, SearchType, SnippetOptions } from './queries/search.ts';
import type { PriceSeries } from './queries/series.ts';
import type { ArchiveStats, FilteredFacets, PriceStats, SearchFacets } from './queries/stats.ts';
import type {
  ArticleSource,
  PreparedDocument,
  Reextraction,
  StaleArticle,
  WriteOutcome,
  WriteResult,
} from './writer.ts';
import { DatabaseFileError, inspectDatabaseFile, quickCheck } from './database-file.ts';

export type { ArchiveFilters, Page };

export interface PageRequest {
  limit: number;
  cursor?: string;
}

/**
 * A built `GET /articles/:id` document: JSON text (SQLite's stored documents come as a Buffer of
 * their UTF-8 bytes, sent as they are: no decoding to a string and encoding back) and its entity tag.
 */
export interface ArticleDocument {
  json: string | Buffer;
  etag: string;
}

export type Dialect = 'sqlite' | 'postgres';

export interface ArchiveStore {
  readonly dialect: Dialect;
  listArticles(filters: ArchiveFilters, page: PageRequest): Promise<Page<ArticleSummary>>;
  /** The article as ArticleDetail JSON, or null when no article has this id. */
  articleDocument(id: number): Promise<ArticleDocument | null>;
  listPeople(filters: ArchiveFilters & { name?: string }, page: PageRequest): Promise<Page<PersonSummary>>;
  getPerson(idOrSlug: string): Promise<PersonDetail | null>;
  /**
   * Of the articles mentioning the person: their number per month, the other people mentioned
   * in them (at most `top`) and their prices per currency (see PersonFacets). The same counts as
   * articleFacets({ person: id }) gives, the person left out of `people`.
   */
  personFacets(personId: number, top: number): Promise<PersonFacets>;
  listQuotes(filters: ArchiveFilters, page: PageRequest): Promise<Page<QuoteItem>>;
  listPrices(filters: ArchiveFilters, page: PageRequest): Promise<Page<PriceItem>>;
  priceStats(filters: ArchiveFilters): Promise<PriceStats[]>;
  archiveStats(top: number): Promise<ArchiveStats>;
  search(
    filters: ArchiveFilters & { q: string },
    page: SearchPage,
    snippet: SnippetOptions,
  ): Promise<SearchResult>;
  searchFacets(
    filters: ArchiveFilters & { q: string },
    type: SearchType,
    top?: number,
  ): Promise<SearchFacets>;
  /**
   * Facets of the articles matching `filters` (every filter as in listArticles; `q` is the full
   * text of the article) and of the quotes standing in those articles; of the whole archive when
   * `filters` is empty. As in searchFacets: `people` counts matching articles per person
   * mentioned, `speakers` quotes per speaker (quotes of the matching articles, whoever `speaker`
   * names), `currencies` price mentions and articles per currency, `months` matching articles
   * per YYYY-MM of their date (calendar order, months without articles absent). `top` (default
   * 10) bounds people and speakers, ordered by count desc, then name, then id. A large set is
   * counted on a sample of its articles and scaled (`approximate`, margins; FilteredFacets).
   */
  articleFacets(filters: ArchiveFilters, top?: number): Promise<FilteredFacets>;
  /**
   * The price mentions in `filters.currency` whose articles match the other filters (min/max
   * bound the mention itself, as in listPrices): `total` of them; `points`, the latest `limit`
   * by (article date, article id, mention id), returned oldest first; `months`, for every
   * matching mention (not only the points), per YYYY-MM of the article date in calendar order,
   * the count and the exact median amount (the mean of the two middle amounts for an even
   * count, as in priceStats). Amounts are the stored decimal strings.
   */
  priceSeries(filters: ArchiveFilters & { currency: string }, limit: number): Promise<PriceSeries>;
  /** Every matching article, newest first, read in batches (constant memory). */
  exportArticles(filters: ArchiveFilters, batchSize?: number): AsyncGenerator<ExportedArticle>;
  /** Number of stored articles: a cheap liveness probe of the database. */
  countArticles(): Promise<number>;
  close(): Promise<void>;
}

export interface ArchiveWriter {
  /**
   * Content already stored (by hash) met again from `input.source`: refreshes the article's byline,
   * date or encoding when its own source brings new ones ("updated", no revision), or records
   * `input.source` as another source of the text ("unchanged", with duplicateOf). Returns
   * undefined when the content is not stored: the document must be extracted and written.
   */
  matchKnown(hash: string, input: ArticleSource): Promise<WriteOutcome | undefined>;
  /** matchKnown for each document of a batch, in order (on a server, with one read for all). */
  matchKnownAll(documents: { hash: string; input: ArticleSource }[]): Promise<(WriteOutcome | undefined)[]>;
  /** Writes a batch in one transaction; one result per document, in order; failures isolated. */
  writeBatch(batch: PreparedDocument[]): Promise<WriteResult[]>;
  /** Replaces the facts of stored articles whose content is still the one extracted. */
  replaceExtractions(batch: Reextraction[], extractorVersion: number): Promise<number>;
  /** Stored articles whose extractor version is below `olderThan`, by id after `afterId`. */
  staleArticles(olderThan: number, afterId: number, take: number): Promise<StaleArticle[]>;
  /** Removes people no article mentions or quotes any more; returns how many. */
  deleteOrphanPeople(): Promise<number>;
  close(): Promise<void>;
}

export interface StoreOptions extends Partial<QueryBudget> {
  /** Memory budget of the article document cache in bytes (0 turns it off). */
  articleCacheBytes?: number;
  /** SQLite: run `PRAGMA quick_check` on opening archives up to this size (0: never). */
  quickCheckMaxBytes?: number;
}

/** Which implementation a database URL names; a clear error for anything else. */
export function dialectOf(url: string): Dialect {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  throw new Error(
    `DATABASE_URL must be a SQLite file URL (file:./data/archive.db) or a PostgreSQL URL (postgresql://user@host/db), got "${url}"`,
  );
}

// Each implementation is loaded only when its dialect is asked for (pg is not loaded for SQLite).
export async function openStore(url: string, options: StoreOptions = {}): Promise<ArchiveStore> {
  if (dialectOf(url) === 'postgres') {
    const { openPostgresStore } = await import('./postgres/store.ts');
    return openPostgresStore(url, options);
  }
  const { openSqliteStore } = await import('./sqlite/store.ts');
  const { databaseFile } = await import('./client.ts');
  // A damaged archive is refused in one sentence rather than failing query by query.
  quickCheck(databaseFile(url), options.quickCheckMaxBytes);
  return openSqliteStore(url, options);
}

export async function openWriter(url: string): Promise<ArchiveWriter> {
  if (dialectOf(url) === 'postgres') {
    const { PostgresWriter } = await import('./postgres/writer.ts');
    return PostgresWriter.open(url);
  }
  const { SqliteWriter } = await import('./sqlite/writer.ts');
  const { databaseFile } = await import('./client.ts');
  const state = inspectDatabaseFile(databaseFile(url));
  if (!state.writable)
    throw new DatabaseFileError(
      'read-only',
      `The archive ${state.file} is read-only: it can be searched and served, but nothing can be imported into it.`,
    );
  return new SqliteWriter(url);
}
