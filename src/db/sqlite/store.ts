/**
 * `ArchiveStore` on SQLite. The reads of src/db/queries/ run in a pool of reader threads, each
 * over its own read-only better-sqlite3 connection and within the query budget of
 * src/db/budget.ts (reader-pool.ts), so no query, however slow, holds up the event loop. The main
 * thread keeps one read-only connection for what must never queue: `/health`'s count and the
 * in-memory cache of `GET /articles/:id` documents (only misses go to the pool).
 *
 * With READER_THREADS=0 the same reads run on the main thread over Prisma's client, without a
 * budget (what the store did before the pool; kept for comparison and one-core machines).
 * FTS5's own errors leave as the SearchSyntaxError they are (the store contract).
 */
import type Database from 'better-sqlite3';
import { queryBudgetFromEnv } from '../budget.ts';
import { databaseFile, openDatabase, openReadConnection, type PrismaClient } from '../client.ts';
import { ArticleDetailCache } from '../queries/article-detail.ts';
import type { ExportPosition } from '../queries/export.ts';
import type { ArchiveStore, StoreOptions } from '../store.ts';
import { readMethods, type ReadArgs, type ReadMethod, type ReadResult } from './read-methods.ts';
import { ReaderPool } from './reader-pool.ts';

const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * The main thread's connection reads stored GET /articles/:id documents at random across the
 * archive (~11 KB each, a gigabyte at 100k articles): memory-mapped, a page is a memory access
 * rather than a read() system call. Read-only, so a mapping cannot corrupt anything.
 */
const READ_MMAP_BYTES = 8 * 1024 * 1024 * 1024;

export async function openSqliteStore(url: string, options: StoreOptions = {}): Promise<ArchiveStore> {
  const fromEnv = queryBudgetFromEnv();
  const budget = {
    readerThreads: options.readerThreads ?? fromEnv.readerThreads,
    queryTimeoutMs: options.queryTimeoutMs ?? fromEnv.queryTimeoutMs,
  };
  const db = await openDatabase(url);
  let sqlite: Database.Database;
  try {
    sqlite = openReadConnection(url);
    sqlite.pragma(`mmap_size = ${READ_MMAP_BYTES}`);
  } catch (error) {
    await db.$disconnect();
    throw error;
  }
  const pool =
    budget.readerThreads > 0
      ? new ReaderPool({
          file: databaseFile(url),
          size: budget.readerThreads,
          timeoutMs: budget.queryTimeoutMs,
        })
      : null;
  return new SqliteStore(db, sqlite, pool, options.articleCacheBytes ?? DEFAULT_CACHE_BYTES);
}

export class SqliteStore implements ArchiveStore {
  readonly dialect = 'sqlite' as const;
  private readonly articleCache: ArticleDetailCache;
  private readonly inline: ReturnType<typeof readMethods>;
  private readonly countStatement: Database.Statement<[], number>;

  constructor(
    /** Prisma's client: also what tests and tools use for direct checks. */
    readonly prisma: PrismaClient,
    private readonly sqlite: Database.Database,
    private readonly pool: ReaderPool | null,
    articleCacheBytes: number,
  ) {
    this.inline = readMethods(prisma, sqlite);
    this.articleCache = new ArticleDetailCache(sqlite, articleCacheBytes, (id) =>
      this.read('articleDetailJson', id),
    );
    this.countStatement = sqlite.prepare<[], number>('SELECT count(*) FROM "articles"').pluck();
  }

  /** Runs a read in the pool (within its budget), or on this thread when there is no pool. */
  private read<M extends ReadMethod>(method: M, ...args: ReadArgs<M>): Promise<ReadResult<M>> {
    if (this.pool) return this.pool.run(method, ...args);
    const run = this.inline[method] as (...args: unknown[]) => Promise<ReadResult<M>>;
    return run(...args);
  }

  listArticles: ArchiveStore['listArticles'] = (filters, page) => this.read('listArticles', filters, page);
  articleDocument: ArchiveStore['articleDocument'] = (id) => this.articleCache.get(id);
  listPeople: ArchiveStore['listPeople'] = (filters, page) => this.read('listPeople', filters, page);
  getPerson: ArchiveStore['getPerson'] = (idOrSlug) => this.read('getPerson', idOrSlug);
  personFacets: ArchiveStore['personFacets'] = (personId, top) => this.read('personFacets', personId, top);
  listQuotes: ArchiveStore['listQuotes'] = (filters, page) => this.read('listQuotes', filters, page);
  listPrices: ArchiveStore['listPrices'] = (filters, page) => this.read('listPrices', filters, page);
  priceStats: ArchiveStore['priceStats'] = (filters) => this.read('priceStats', filters);
  archiveStats: ArchiveStore['archiveStats'] = (top) => this.read('archiveStats', top);
  search: ArchiveStore['search'] = (filters, page, snippet) => this.read('search', filters, page, snippet);
  searchFacets: ArchiveStore['searchFacets'] = (filters, type, top) =>
    this.read('searchFacets', filters, type, top);
  articleFacets: ArchiveStore['articleFacets'] = (filters, top) => this.read('articleFacets', filters, top);
  priceSeries: ArchiveStore['priceSeries'] = (filters, limit) => this.read('priceSeries', filters, limit);

  /** Batch by batch, each batch one read with a budget of its own. */
  async *exportArticles(...[filters, batchSize]: Parameters<ArchiveStore['exportArticles']>) {
    let after: ExportPosition | null = null;
    do {
      const batch: ReadResult<'exportBatch'> = await this.read('exportBatch', filters, after, batchSize);
      yield* batch.articles;
      after = batch.next;
    } while (after !== null);
  }

  /** On the main thread's own connection: a liveness probe must not queue behind slow reads. */
  countArticles: ArchiveStore['countArticles'] = async () => this.countStatement.get()!;

  async close(): Promise<void> {
    await this.pool?.close();
    this.sqlite.close();
    await this.prisma.$disconnect();
  }
}
