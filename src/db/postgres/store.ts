/**
 * `ArchiveStore` on PostgreSQL, through `pg` pools (Prisma owns the schema and its migrations;
 * its client is generated for one provider, SQLite). Read-only queries go to DATABASE_READ_URL
 * when set (a streaming replica), else to the primary; each pool holds at most
 * DATABASE_POOL_SIZE connections (src/db/postgres/pool.ts).
 */
import type pg from 'pg';
import type { ArchiveStore, StoreOptions } from '../store.ts';
import { ArticleDocumentCache } from './article-document.ts';
import { exportArticles, getPerson, listArticles, listPeople, listPrices, listQuotes } from './lists.ts';
import { queryBudgetFromEnv } from '../budget.ts';
import { openPool, poolSize } from './pool.ts';
import { search } from './search.ts';
import { articleFacets, priceSeries } from './series.ts';
import { personFacets } from './person-facets.ts';
import { rows } from './sql.ts';
import { archiveStats, priceStats, searchFacets } from './stats.ts';

const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

export interface PostgresStoreOptions extends StoreOptions {
  /** A replica for the read-only queries (default: the primary). */
  readUrl?: string;
}

export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<PostgresStore> {
  const readUrl = options.readUrl ?? (process.env.DATABASE_READ_URL?.trim() || undefined);
  // Reads are bounded by QUERY_TIMEOUT_MS on the server (statement_timeout), as on SQLite.
  const timeoutMs = options.queryTimeoutMs ?? queryBudgetFromEnv().queryTimeoutMs;
  const primary = openPool(url, poolSize(), timeoutMs);
  const replica = readUrl ? openPool(readUrl, poolSize(), timeoutMs) : null;
  try {
    await (replica ?? primary).query('SELECT 1');
  } catch (error) {
    await primary.end();
    await replica?.end();
    throw error;
  }
  return new PostgresStore(primary, replica, options.articleCacheBytes ?? DEFAULT_CACHE_BYTES);
}

export class PostgresStore implements ArchiveStore {
  readonly dialect = 'postgres' as const;
  /** Where reads go: the replica when there is one. */
  readonly reads: pg.Pool;
  private readonly articleCache: ArticleDocumentCache;

  constructor(
    /** The primary: also what tests and tools use for direct checks. */
    readonly pool: pg.Pool,
    private readonly replica: pg.Pool | null,
    articleCacheBytes: number,
  ) {
    this.reads = replica ?? pool;
    this.articleCache = new ArticleDocumentCache(this.reads, articleCacheBytes);
  }

  listArticles: ArchiveStore['listArticles'] = (filters, page) => listArticles(this.reads, filters, page);
  articleDocument: ArchiveStore['articleDocument'] = (id) => this.articleCache.get(id);
  listPeople: ArchiveStore['listPeople'] = (filters, page) => listPeople(this.reads, filters, page);
  getPerson: ArchiveStore['getPerson'] = (idOrSlug) => getPerson(this.reads, idOrSlug);
  personFacets: ArchiveStore['personFacets'] = (personId, top) => personFacets(this.reads, personId, top);
  listQuotes: ArchiveStore['listQuotes'] = (filters, page) => listQuotes(this.reads, filters, page);
  listPrices: ArchiveStore['listPrices'] = (filters, page) => listPrices(this.reads, filters, page);
  priceStats: ArchiveStore['priceStats'] = (filters) => priceStats(this.reads, filters);

  articleFacets: ArchiveStore['articleFacets'] = (filters, top) => articleFacets(this.reads, filters, top);

  priceSeries: ArchiveStore['priceSeries'] = (filters, limit) => priceSeries(this.reads, filters, limit);
  archiveStats: ArchiveStore['archiveStats'] = (top) => archiveStats(this.reads, top);
  search: ArchiveStore['search'] = (filters, page, snippet) => search(this.reads, filters, page, snippet);
  searchFacets: ArchiveStore['searchFacets'] = (filters, type, top) =>
    searchFacets(this.reads, filters, type, top);
  exportArticles(...args: Parameters<ArchiveStore['exportArticles']>) {
    return exportArticles(this.reads, ...args);
  }
  countArticles: ArchiveStore['countArticles'] = async () =>
    (await rows<{ n: number }>(this.reads, 'SELECT count(*) AS n FROM "articles"'))[0]!.n;

  async close(): Promise<void> {
    await this.pool.end();
    await this.replica?.end();
  }
}
