/**
 * `ArchiveWriter` on PostgreSQL: the guarantees of src/db/writer.ts (the SQLite writer), on a
 * server that many importers share.
 *
 * - A batch is one transaction. Its first attempt collects the new articles and their facts and
 *   inserts them set-wise (one INSERT … SELECT FROM unnest(…) per table); when an article of it
 *   fails, the batch is rolled back and written again with each article in a SAVEPOINT of its
 *   own, so the failing one is reported alone and the others are kept.
 * - Every write transaction first takes the archive's write lock, a transaction-scoped advisory
 *   lock (pg_advisory_xact_lock): writers take turns per batch, as SQLite's BEGIN IMMEDIATE makes
 *   them, while extraction (outside) runs in parallel. Under the lock the content-hash and source
 *   checks and people resolution see every committed write of other importers, so two importers
 *   on overlapping folders store each article and each person once; the unique constraints on
 *   source, contentHash, people.name and people.slug hold whatever a bug would try.
 * - kill -9 at any moment: the server rolls back the open transaction (and releases its lock);
 *   a re-run writes the batch again (content-hash dedup makes re-runs idempotent).
 */
import { refreshedMetadata, unchanged } from '../write-rules.ts';
import type pg from 'pg';
import type { ArchiveWriter } from '../store.ts';
import type { ArticleSource, PreparedDocument, WriteOutcome, WriteResult } from '../writer.ts';
import { PeopleResolver } from './people.ts';
import { openPool } from './pool.ts';
import { ARTICLES, articleRow, collectFacts, flushPending, nothingPending, type Pending } from './rows.ts';

/** The advisory lock key every archive writer takes (any fixed 64-bit number; "news" in ASCII). */
export const WRITE_LOCK = 0x6e657773;

interface StoredSource {
  id: number;
  title: string;
  text: string;
  contentHash: string;
  importedAt: Date;
}

/** A stored article as a re-import of its content sees it. */
interface KnownArticle {
  id: number;
  source: string;
  byline: string | null;
  publishedAt: Date | null;
  language: string | null;
  encoding: string | null;
}

const KNOWN_COLUMNS = `"id", "source", "byline", "publishedAt", "language", "encoding"`;

/** One write transaction on one connection: the batch's state lives here, not in the writer. */
class WriteTransaction {
  pending: Pending = nothingPending();
  readonly people: PeopleResolver;

  constructor(readonly client: pg.PoolClient) {
    this.people = new PeopleResolver(client, () => this.pending);
  }

  /**
   * The batch's stored articles by content hash and by source, read with one query each when the
   * batch starts. Valid while this transaction has changed no stored article: a revision or a
   * flush before a repeated source turns it off, and lookups go back to one query each.
   */
  private known: {
    byHash: Map<string, KnownArticle>;
    bySource: Map<string, StoredSource>;
  } | null = null;

  async prefetch(batch: PreparedDocument[]): Promise<void> {
    const stored = await this.client.query<StoredSource & KnownArticle>(
      `SELECT "title", "text", "contentHash", "importedAt", ${KNOWN_COLUMNS} FROM "articles"
       WHERE "contentHash" = ANY($1::text[]) OR "source" = ANY($2::text[])`,
      [batch.map((doc) => doc.hash), batch.map((doc) => doc.input.source)],
    );
    this.known = { byHash: new Map(), bySource: new Map() };
    for (const row of stored.rows) {
      this.known.byHash.set(row.contentHash, row);
      this.known.bySource.set(row.source, row);
    }
    await this.people.prefetch(batch.flatMap((doc) => doc.extraction.people));
  }

  /** Stored articles changed: the prefetched view is no longer the database's. */
  invalidate(): void {
    this.known = null;
  }

  async byHash(hash: string): Promise<KnownArticle | undefined> {
    if (this.known) return this.known.byHash.get(hash);
    return (
      await this.client.query<KnownArticle>(
        `SELECT ${KNOWN_COLUMNS} FROM "articles" WHERE "contentHash" = $1`,
        [hash],
      )
    ).rows[0];
  }

  async bySource(source: string): Promise<StoredSource | undefined> {
    if (this.known) return this.known.bySource.get(source);
    return (
      await this.client.query<StoredSource>(
        'SELECT "id", "title", "text", "contentHash", "importedAt" FROM "articles" WHERE "source" = $1',
        [source],
      )
    ).rows[0];
  }

  /** See ArchiveWriter.matchKnown; inside the write transaction. */
  async recordKnown(known: KnownArticle, input: ArticleSource): Promise<WriteOutcome> {
    if (known.source !== input.source) {
      // Recorded again below (the upsert replaces the row a pending drop would have deleted).
      this.pending.droppedSources.delete(input.source);
      await this.client.query(
        `INSERT INTO "article_sources" ("articleId", "source", "importedAt") VALUES ($1, $2, $3)
         ON CONFLICT ("source") DO UPDATE SET "articleId" = excluded."articleId"`,
        [known.id, input.source, new Date()],
      );
      return unchanged(input.source, known);
    }
    const next = refreshedMetadata(known, input);
    if (!next) return unchanged(input.source, known);
    this.invalidate();
    await this.client.query(
      `UPDATE "articles" SET "byline" = $1, "publishedAt" = $2, "sortDate" = COALESCE($2, "importedAt"),
         "language" = $3, "encoding" = $4, "updatedAt" = $5
       WHERE "id" = $6`,
      [next.byline, next.publishedAt, next.language, next.encoding, new Date(), known.id],
    );
    return { status: 'updated', articleId: known.id, source: input.source };
  }

  /** `count` fresh article ids, in order. */
  async articleIds(count: number): Promise<number[]> {
    const { rows } = await this.client.query<{ id: number }>(
      `SELECT nextval(pg_get_serial_sequence('"articles"', 'id'))::int AS id FROM generate_series(1, $1)`,
      [count],
    );
    return rows.map((row) => row.id);
  }

  /** Writes what the transaction collected: people first (the facts refer to them), then the rows. */
  async flush(): Promise<void> {
    await this.people.flush();
    const pending = this.pending;
    this.pending = nothingPending();
    await flushPending(this.client, pending);
  }

  async deleteFacts(articleId: number): Promise<void> {
    for (const table of ['mentions', 'quotes', 'price_mentions'])
      await this.client.query(`DELETE FROM "${table}" WHERE "articleId" = $1`, [articleId]);
  }

  async collect(articleId: number, doc: PreparedDocument['extraction']): Promise<void> {
    const personIds = await this.people.resolve(doc.people);
    collectFacts(this.pending, articleId, doc, personIds);
  }

  /** Replaces a stored article's content and facts, keeping its text as a revision. */
  async revise(previous: StoredSource, doc: PreparedDocument): Promise<WriteOutcome> {
    this.invalidate();
    const now = new Date();
    await this.client.query(
      `INSERT INTO "article_revisions" ("articleId", "title", "text", "contentHash", "importedAt", "replacedAt")
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [previous.id, previous.title, previous.text, previous.contentHash, previous.importedAt, now],
    );
    await this.deleteFacts(previous.id);
    const [, ...row] = articleRow(previous.id, doc, now);
    const sets = ARTICLES.columns.slice(1).map((column, i) => `"${column}" = $${i + 2}`);
    await this.client.query(`UPDATE "articles" SET ${sets.join(', ')} WHERE "id" = $1`, [
      previous.id,
      ...row,
    ]);
    await this.collect(previous.id, doc.extraction);
    return { status: 'updated', articleId: previous.id, source: doc.input.source };
  }

  /** A new article: its row and facts collected for the next flush. */
  async add(articleId: number, doc: PreparedDocument): Promise<WriteOutcome> {
    this.pending.droppedSources.add(doc.input.source);
    this.pending.articles.push(articleRow(articleId, doc, new Date()));
    await this.collect(articleId, doc.extraction);
    return { status: 'imported', articleId, source: doc.input.source };
  }
}

export class PostgresWriter implements ArchiveWriter {
  constructor(private readonly pool: pg.Pool) {}

  static open(url: string): PostgresWriter {
    return new PostgresWriter(openPool(url));
  }

  matchKnown: ArchiveWriter['matchKnown'] = async (hash, input) => {
    const seen = (
      await this.pool.query<KnownArticle>(
        `SELECT ${KNOWN_COLUMNS} FROM "articles" WHERE "contentHash" = $1`,
        [hash],
      )
    ).rows[0];
    return this.matchSeen(seen, hash, input);
  };

  /**
   * One read for the batch (a round trip per document was most of an import's time on a busy
   * server), then each document in order as matchKnown would. A document whose content an
   * earlier one of the batch wrote to reads it again, so the outcome is the sequential one.
   */
  matchKnownAll: ArchiveWriter['matchKnownAll'] = async (documents) => {
    if (documents.length === 0) return [];
    const { rows } = await this.pool.query<KnownArticle & { contentHash: string }>(
      `SELECT ${KNOWN_COLUMNS}, "contentHash" FROM "articles" WHERE "contentHash" = ANY($1::text[])`,
      [documents.map((doc) => doc.hash)],
    );
    const stored = new Map(rows.map((row) => [row.contentHash, row]));
    const written = new Set<string>();
    const outcomes: (WriteOutcome | undefined)[] = [];
    for (const { hash, input } of documents) {
      const outcome = written.has(hash)
        ? await this.matchKnown(hash, input)
        : await this.matchSeen(stored.get(hash), hash, input);
      if (outcome?.status === 'updated' || (outcome && stored.get(hash)?.source !== input.source))
        written.add(hash);
      outcomes.push(outcome);
    }
    return outcomes;
  };

  private async matchSeen(
    seen: KnownArticle | undefined,
    hash: string,
    input: ArticleSource,
  ): Promise<WriteOutcome | undefined> {
    if (!seen) return undefined;
    // The common case (a re-run): nothing to record, and no write lock taken for it.
    if (seen.source === input.source && !refreshedMetadata(seen, input)) return unchanged(input.source, seen);
    return this.transaction(async (tx) => {
      const known = (
        await tx.client.query<KnownArticle>(
          `SELECT ${KNOWN_COLUMNS} FROM "articles" WHERE "contentHash" = $1`,
          [hash],
        )
      ).rows[0];
      return known && tx.recordKnown(known, input);
    }, false);
  }

  async writeBatch(batch: PreparedDocument[]): Promise<WriteResult[]> {
    if (batch.length === 0) return [];
    const results =
      (await this.transaction((tx) => this.writeSetwise(tx, batch), true)) ??
      // Some article failed: again, each in a savepoint, so that only the failing ones are lost.
      (await this.transaction(async (tx) => {
        const careful: WriteResult[] = [];
        for (const doc of batch) careful.push(await this.inSavepoint(tx, doc));
        return careful;
      }, false))!;
    await this.cleanSearchIndexes();
    return results;
  }

  /**
   * Moves the entries this write left in the GIN indexes' pending lists into the indexes. With
   * fastupdate (the default) new entries wait in a pending list of up to 4 MB that every search
   * reads whole and the planner prices: after importing 20k articles a search for a word in 5 of
   * them planned a sequential scan (1 s, each tsvector read from TOAST) instead of an index scan
   * (0.1 ms once the list was empty). Autovacuum empties it only now and then. After the commit,
   * without the write lock; best effort: a role that may not clean (or a concurrent cleaner) does
   * not fail the batch, and autovacuum still does it.
   */
  private async cleanSearchIndexes(): Promise<void> {
    try {
      await this.pool.query(
        `SELECT gin_clean_pending_list('"articles_searchVector_idx"'::regclass),
                gin_clean_pending_list('"quotes_searchVector_idx"'::regclass)`,
      );
    } catch {
      // See above: the batch is committed; the list waits for autovacuum.
    }
  }

  replaceExtractions: ArchiveWriter['replaceExtractions'] = async (batch, extractorVersion) => {
    if (batch.length === 0) return 0;
    const replaced = (await this.transaction(async (tx) => {
      let replaced = 0;
      for (const { id, contentHash, extraction } of batch) {
        const { rowCount } = await tx.client.query(
          `UPDATE "articles" SET "extractorVersion" = $1, "wordCount" = $2, "updatedAt" = $3,
             "language" = COALESCE($6, "language")
           WHERE "id" = $4 AND "contentHash" = $5`,
          [extractorVersion, extraction.wordCount, new Date(), id, contentHash, extraction.language ?? null],
        );
        if (!rowCount) continue;
        await tx.deleteFacts(id);
        await tx.collect(id, extraction);
        await tx.flush();
        replaced++;
      }
      return replaced;
    }, false))!;
    await this.cleanSearchIndexes();
    return replaced;
  };

  staleArticles: ArchiveWriter['staleArticles'] = async (olderThan, afterId, take) =>
    (
      await this.pool.query<{ id: number; text: string; contentHash: string }>(
        `SELECT "id", "text", "contentHash" FROM "articles" WHERE "extractorVersion" < $1 AND "id" > $2
         ORDER BY "id" LIMIT $3`,
        [olderThan, afterId, take],
      )
    ).rows;

  deleteOrphanPeople: ArchiveWriter['deleteOrphanPeople'] = async () =>
    (await this.transaction(
      async (tx) =>
        (
          await tx.client.query(
            `DELETE FROM "people" p
             WHERE NOT EXISTS (SELECT 1 FROM "mentions" m WHERE m."personId" = p."id")
               AND NOT EXISTS (SELECT 1 FROM "quotes" q WHERE q."speakerId" = p."id")`,
          )
        ).rowCount ?? 0,
      false,
    ))!;

  async close(): Promise<void> {
    await this.pool.end();
  }

  /**
   * Runs `work` in a write transaction holding the write lock. With `undoOnError`, an error rolls
   * back and returns undefined (the caller retries more carefully); otherwise it rolls back and throws.
   */
  private async transaction<T>(
    work: (tx: WriteTransaction) => Promise<T>,
    undoOnError: boolean,
  ): Promise<T | undefined> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      // One round trip for both (a simple query may hold several statements).
      await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${WRITE_LOCK})`);
      const result = await work(new WriteTransaction(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      if (undoOnError) return undefined;
      throw error;
    } finally {
      client.release(broken);
    }
  }

  private async inSavepoint(tx: WriteTransaction, doc: PreparedDocument): Promise<WriteResult> {
    await tx.client.query('SAVEPOINT article');
    try {
      const result = await this.writeOne(tx, doc);
      await tx.client.query('RELEASE SAVEPOINT article');
      return result;
    } catch (error) {
      tx.pending = nothingPending();
      tx.people.forget();
      await tx.client.query('ROLLBACK TO SAVEPOINT article');
      await tx.client.query('RELEASE SAVEPOINT article');
      return {
        status: 'failed',
        source: doc.input.source,
        reason: `cannot store the article (${(error as Error).message})`,
      };
    }
  }

  /**
   * The batch with its new articles and their facts collected and inserted set-wise at the end
   * (or before a document whose source the batch already wrote, so that it sees it stored).
   */
  private async writeSetwise(tx: WriteTransaction, batch: PreparedDocument[]): Promise<WriteOutcome[]> {
    const results: WriteOutcome[] = [];
    const newByHash = new Map<string, { id: number; source: string }>();
    const sources = new Set<string>();
    const ids = await tx.articleIds(batch.length);
    await tx.prefetch(batch);
    for (const doc of batch) {
      const sameInBatch = newByHash.get(doc.hash);
      if (sameInBatch) {
        results.push(unchanged(doc.input.source, sameInBatch));
        continue;
      }
      const known = await tx.byHash(doc.hash);
      if (known) {
        results.push(await tx.recordKnown(known, doc.input));
        continue;
      }
      if (sources.has(doc.input.source)) {
        tx.invalidate();
        await tx.flush();
        newByHash.clear();
        sources.clear();
      }
      sources.add(doc.input.source);
      const previous = await tx.bySource(doc.input.source);
      if (previous) {
        results.push(await tx.revise(previous, doc));
        continue;
      }
      const outcome = await tx.add(ids.shift()!, doc);
      newByHash.set(doc.hash, { id: outcome.articleId, source: doc.input.source });
      results.push(outcome);
    }
    await tx.flush();
    return results;
  }

  /** One document, its rows written at once (the careful path, inside a savepoint). */
  private async writeOne(tx: WriteTransaction, doc: PreparedDocument): Promise<WriteOutcome> {
    const known = await tx.byHash(doc.hash);
    if (known) return tx.recordKnown(known, doc.input);
    const previous = await tx.bySource(doc.input.source);
    const result = previous
      ? await tx.revise(previous, doc)
      : await tx.add((await tx.articleIds(1))[0]!, doc);
    await tx.flush();
    return result;
  }
}
