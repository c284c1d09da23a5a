/**
 * `ArchiveStore` on SQLite: Prisma's client (over the better-sqlite3 adapter) for the list and
 * search queries of src/db/queries/, and one read-only better-sqlite3 connection for the hottest
 * read, `GET /articles/:id` (built by SQLite as JSON, cached; see queries/article-detail.ts).
 * FTS5's own errors leave as the SearchSyntaxError they are (the store contract).
 */
import type Database from 'better-sqlite3';
import { openDatabase, openReadConnection, type PrismaClient } from '../client.ts';
import { ArticleDetailCache } from '../queries/article-detail.ts';
import { listArticles } from '../queries/articles.ts';
import { exportArticles } from '../queries/export.ts';
import { getPerson, listPeople } from '../queries/people.ts';
import { listPrices } from '../queries/prices.ts';
import { listQuotes } from '../queries/quotes.ts';
import { ftsErrorsAsSyntaxErrors as fts, search } from '../queries/search.ts';
import { articleFacets, priceSeries } from '../queries/series.ts';
import { archiveStats, priceStats, searchFacets } from '../queries/stats.ts';
import type { ArchiveStore, StoreOptions } from '../store.ts';

const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

export async function openSqliteStore(url: string, options: StoreOptions = {}): Promise<ArchiveStore> {
  const db = await openDatabase(url);
  let sqlite: Database.Database;
  try {
    sqlite = openReadConnection(url);
  } catch (error) {
    await db.$disconnect();
    throw error;
  }
  return new SqliteStore(db, sqlite, options.articleCacheBytes ?? DEFAULT_CACHE_BYTES);
}

export class SqliteStore implements ArchiveStore {
  readonly dialect = 'sqlite' as const;
  private readonly articleCache: ArticleDetailCache;

  constructor(
    /** Prisma's client: also what tests and tools use for direct checks. */
    readonly prisma: PrismaClient,
    private readonly sqlite: Database.Database,
    articleCacheBytes: number,
  ) {
    this.articleCache = new ArticleDetailCache(sqlite, articleCacheBytes);
  }

  listArticles: ArchiveStore['listArticles'] = (filters, page) =>
    fts(() => listArticles(this.prisma, filters, page));
  articleDocument: ArchiveStore['articleDocument'] = async (id) => this.articleCache.get(id);
  listPeople: ArchiveStore['listPeople'] = (filters, page) =>
    fts(() => listPeople(this.prisma, filters, page));
  getPerson: ArchiveStore['getPerson'] = (idOrSlug) => getPerson(this.prisma, idOrSlug);
  listQuotes: ArchiveStore['listQuotes'] = (filters, page) =>
    fts(() => listQuotes(this.prisma, filters, page));
  listPrices: ArchiveStore['listPrices'] = (filters, page) =>
    fts(() => listPrices(this.prisma, filters, page));
  priceStats: ArchiveStore['priceStats'] = (filters) => fts(() => priceStats(this.prisma, filters));
  archiveStats: ArchiveStore['archiveStats'] = (top) => archiveStats(this.prisma, top);
  search: ArchiveStore['search'] = (filters, page, snippet) =>
    fts(() => search(this.prisma, filters, page, snippet));
  searchFacets: ArchiveStore['searchFacets'] = (filters, type, top) =>
    fts(() => searchFacets(this.prisma, filters, type, top));
  articleFacets: ArchiveStore['articleFacets'] = (filters, top) =>
    fts(() => articleFacets(this.prisma, filters, top));
  priceSeries: ArchiveStore['priceSeries'] = (filters, limit) =>
    fts(() => priceSeries(this.prisma, filters, limit));
  async *exportArticles(...args: Parameters<ArchiveStore['exportArticles']>) {
    const articles = exportArticles(this.prisma, ...args);
    for (;;) {
      const next = await fts(() => articles.next());
      if (next.done) return;
      yield next.value;
    }
  }
  countArticles: ArchiveStore['countArticles'] = () => this.prisma.article.count();

  async close(): Promise<void> {
    this.sqlite.close();
    await this.prisma.$disconnect();
  }
}
