/**
 * `ArchiveWriter` on SQLite: the synchronous `ArticleWriter` (src/db/writer.ts: prepared
 * better-sqlite3 statements, one transaction per batch) behind the asynchronous interface every
 * dialect shares. Callers that need the synchronous writer itself (benchmarks) use `.sync`.
 */
import { ArticleWriter, type WriterOptions } from '../writer.ts';
import type { ArchiveWriter } from '../store.ts';

export class SqliteWriter implements ArchiveWriter {
  readonly sync: ArticleWriter;

  constructor(url: string, options: WriterOptions = {}) {
    this.sync = new ArticleWriter(url, options);
  }

  matchKnown: ArchiveWriter['matchKnown'] = async (hash, input) => this.sync.matchKnown(hash, input);
  matchKnownAll: ArchiveWriter['matchKnownAll'] = async (documents) =>
    documents.map(({ hash, input }) => this.sync.matchKnown(hash, input));
  writeBatch: ArchiveWriter['writeBatch'] = async (batch) => this.sync.writeBatch(batch);
  replaceExtractions: ArchiveWriter['replaceExtractions'] = async (batch, version) =>
    this.sync.replaceExtractions(batch, version);
  staleArticles: ArchiveWriter['staleArticles'] = async (olderThan, afterId, take) =>
    this.sync.staleArticles(olderThan, afterId, take);
  deleteOrphanPeople: ArchiveWriter['deleteOrphanPeople'] = async () => this.sync.deleteOrphanPeople();

  async close(): Promise<void> {
    this.sync.close();
  }
}
