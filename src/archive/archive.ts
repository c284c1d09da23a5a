/**
 * The archive's services: what a user can ask of it, whatever the door (the HTTP API, the
 * command line, the web pages). Inputs are plain values as users give them (filters as strings,
 * already checked against the schemas where there are schemas); outputs are the API's shapes.
 * No HTTP and no SQL here: queries belong to the store (src/db/), presentation to the callers.
 */
import { toFtsQuery } from '../db/fts-query.ts';
import {
  openStore,
  openWriter,
  type ArchiveStore,
  type ArchiveWriter,
  type StoreOptions,
} from '../db/store.ts';
import {
  DEFAULT_SNIPPET,
  type SearchSort,
  type SearchType,
  type SnippetOptions,
} from '../db/queries/search.ts';
import type { ExportedArticle } from '../db/queries/export.ts';
import { exportChunks, type ExportFormat } from './export.ts';
import { countParam, pageParams, toArchiveFilters, type FilterQuerystring } from './filters.ts';

export interface PageQuery {
  limit?: number;
  cursor?: string;
}

export type ListQuery = FilterQuerystring & PageQuery;

export interface PeopleQuery extends Omit<FilterQuerystring, 'q'>, PageQuery {
  /** Part of a name or alias. */
  name?: string;
  /** Full-text query over the articles the people are mentioned in. */
  text?: string;
}

export interface SearchQuery extends Omit<FilterQuerystring, 'q'>, PageQuery {
  q: string;
  type?: SearchType;
  sort?: SearchSort;
  facets?: boolean;
  snippet?: SnippetOptions;
}

export const DEFAULT_SEARCH_LIMIT = 20;
export const DEFAULT_TOP = 10;
export const DEFAULT_SERIES_POINTS = 2000;

export class Archive {
  /** The first sign of a damaged database seen by any request: /health reports it from then on. */
  private damage: Error | undefined;

  constructor(readonly store: ArchiveStore) {}

  noteDamage(error: Error): void {
    this.damage ??= error;
  }

  static async open(databaseUrl: string, options: StoreOptions = {}): Promise<Archive> {
    return new Archive(await openStore(databaseUrl, options));
  }

  listArticles({ limit, cursor, ...query }: ListQuery) {
    return this.store.listArticles(toArchiveFilters(query), pageParams(limit, cursor));
  }

  /** The article's ArticleDetail JSON and ETag, or null when no article has this id. */
  article(id: number) {
    return this.store.articleDocument(id);
  }

  listPeople({ limit, cursor, name, text, ...query }: PeopleQuery) {
    const filters = toArchiveFilters({ ...query, ...(text !== undefined && { q: text }) });
    return this.store.listPeople(
      { ...filters, ...(name !== undefined && { name }) },
      pageParams(limit, cursor),
    );
  }

  person(idOrSlug: string) {
    return this.store.getPerson(idOrSlug);
  }

  /** Of the person's articles: per month, the people mentioned with them, the currencies. */
  personFacets(personId: number, top = DEFAULT_TOP) {
    return this.store.personFacets(personId, countParam('top', top, DEFAULT_TOP));
  }

  listQuotes({ limit, cursor, ...query }: ListQuery) {
    return this.store.listQuotes(toArchiveFilters(query), pageParams(limit, cursor));
  }

  listPrices({ limit, cursor, ...query }: ListQuery) {
    return this.store.listPrices(toArchiveFilters(query), pageParams(limit, cursor));
  }

  async priceStats(query: FilterQuerystring) {
    return { currencies: await this.store.priceStats(toArchiveFilters(query)) };
  }

  stats(top?: number) {
    return this.store.archiveStats(countParam('top', top, DEFAULT_TOP));
  }

  /** Facets (people, speakers, currencies, months) of the articles matching the filters. */
  facets(query: FilterQuerystring, top = DEFAULT_TOP) {
    return this.store.articleFacets(toArchiveFilters(query), top);
  }

  /** One currency's price mentions over time: the latest `limit` points and every month's median. */
  priceSeries({
    limit = DEFAULT_SERIES_POINTS,
    ...query
  }: FilterQuerystring & { currency: string; limit?: number }) {
    const filters = toArchiveFilters(query);
    return this.store.priceSeries({ ...filters, currency: filters.currency! }, limit);
  }

  /** One page of ranked hits; with `facets`, the totals and facet counts of the whole result set. */
  async search({
    q,
    type = 'all',
    sort = 'relevance',
    facets,
    snippet = DEFAULT_SNIPPET,
    limit,
    cursor,
    ...query
  }: SearchQuery) {
    const filters = { ...toArchiveFilters(query), q };
    const page = {
      type,
      sort,
      limit: countParam('limit', limit, DEFAULT_SEARCH_LIMIT),
      ...(cursor !== undefined && { cursor }),
    };
    const result = await this.store.search(filters, page, snippet);
    return facets ? { ...result, facets: await this.store.searchFacets(filters, type) } : result;
  }

  /**
   * The export as text chunks. The query is checked and the first batch read before anything is
   * returned, so a bad query or a failing database is an error the caller can still report
   * cleanly (a 400, a usage message) rather than a stream cut short.
   */
  async export(
    query: FilterQuerystring,
    format: ExportFormat,
    options: { batchSize?: number; onArticle?: (article: ExportedArticle) => void } = {},
  ): Promise<AsyncGenerator<string>> {
    const filters = toArchiveFilters(query);
    if (filters.q !== undefined) toFtsQuery(filters.q);
    const chunks = exportChunks(this.store, filters, format, options);
    const first = await chunks.next();
    return (async function* () {
      if (first.done) return;
      yield first.value;
      yield* chunks;
    })();
  }

  async health() {
    if (this.damage) throw this.damage;
    return { status: 'ok' as const, articles: await this.store.countArticles() };
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

/** A writer for the same database (imports, seeding, re-extraction). */
export function openArchiveWriter(databaseUrl: string): Promise<ArchiveWriter> {
  return openWriter(databaseUrl);
}
