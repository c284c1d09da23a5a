/**
 * THE write path of the archive: every article, revision, person, mention, quote and price is
 * stored by this class, whether it comes from `news-archive import`, the seed, `ingestDocument`
 * or re-extraction. Reads (the API) go through Prisma; writes go through better-sqlite3 prepared
 * statements, because a Prisma query costs 0.2–2 ms of client overhead and an article needs
 * 15–30 statements, while a prepared statement costs ~10 µs.
 *
 * Guarantees:
 * - Each article with all its facts is all-or-nothing. A batch runs in one transaction; when an
 *   article of it fails, the batch is rolled back and written again with each article in a
 *   SAVEPOINT of its own, so the failing one is rolled back alone and the others are kept.
 * - The full-text indexes are kept in step by the triggers of the FTS migration, whichever way a
 *   row is written.
 *
 * Speed: FTS5 flushes the index data it holds in memory to a new on-disk segment at every
 * savepoint, and SQLite opens one (a statement journal) for every statement that fires a trigger
 * into an FTS table. One INSERT per article therefore meant one tiny segment per article, and
 * merging those was most of the cost of a write. So the first attempt at a batch uses no
 * SAVEPOINT and inserts the batch's new articles, mentions, quotes and prices set-wise: one
 * INSERT … SELECT FROM json_each(?) per table per batch (article ids are assigned up front, under
 * the write lock).
 * People are resolved article by article as before, in order, since each article's people can
 * merge with those of the articles before it.
 * - A batch commits atomically; a process killed at any moment (kill -9) loses at most the
 *   uncommitted batch, which a re-run writes again (content-hash dedup makes re-runs idempotent).
 * - `BEGIN IMMEDIATE` takes the write lock up front (waiting up to the busy timeout for another
 *   writer); WAL mode lets readers (the API) go on reading meanwhile.
 * - Identical content (by content hash) is stored once ("unchanged"); a known source whose content
 *   changed is updated in place, its earlier text kept as a revision ("updated").
 * - Identical content again from its own source with a different byline, publication date or
 *   encoding refreshes those fields ("updated", no revision: revisions are for text);
 *   from another source, that source is recorded in "article_sources" (shown on the article).
 *
 * People across articles: one row per human. The extractor gives each person of an article a
 * canonical name (the fullest form in that article); `resolvePeople` maps it onto the archive's
 * people, so that "Lukashenko" alone in one article and "Alexander Lukashenko" in another end up
 * as one person with both forms:
 * - a canonical name already stored is that person;
 * - a single word ("Lukashenko") is the one person known by that alias, if exactly one is;
 * - otherwise a new person is made (with a unique slug), and a full name absorbs a person known
 *   only by one of its words from an earlier article, when no one else is known by that word;
 * - every other form the article uses is added as an alias (INSERT OR IGNORE).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Extraction, PersonFact } from '../extract/types.ts';
import { databaseFile } from './client.ts';
import {
  ARTICLE_COLUMNS,
  articleRow as rowOf,
  refreshedMetadata as refreshed,
  unchanged,
} from './write-rules.ts';
import { ArchiveAggregates } from './sqlite/aggregates.ts';
import { ArticleDocuments } from './sqlite/documents.ts';
import { slugify } from './people.ts';

/** What the archive knows of a document besides its content and extraction. */
export interface ArticleSource {
  /** File path or URL; the article's identity for updates. */
  source: string;
  format: string;
  publishedAt?: Date | null;
  byline?: string | null;
  /** ISO 639-1 language the reader found declared (the extraction's detected one wins). */
  language?: string | null;
  /** Encoding the bytes were decoded from. */
  encoding?: string | null;
}

/** A stored article as a revision sees it. */
interface StoredRevisable {
  id: number;
  title: string;
  text: string;
  contentHash: string;
  importedAt: string;
  sortDate: string;
}

/** A stored article as the duplicate check sees it. */
interface KnownArticle {
  id: number;
  source: string;
  byline: string | null;
  publishedAt: string | null;
  importedAt: string;
  sortDate: string;
  language: string | null;
  encoding: string | null;
}

/** One document ready to write: extraction and hashing already done (outside the lock). */
export interface PreparedDocument {
  input: ArticleSource;
  hash: string;
  extraction: Extraction;
  extractorVersion: number;
}

export type WriteStatus = 'imported' | 'updated' | 'unchanged';

export interface WriteOutcome {
  status: WriteStatus;
  articleId: number;
  source: string;
  /** For "unchanged": the source already holding this content, when it differs. */
  duplicateOf?: string;
}

export type WriteResult = WriteOutcome | { status: 'failed'; source: string; reason: string };

/** A stored article whose facts came from an older extractor. */
export interface StaleArticle {
  id: number;
  text: string;
  contentHash: string;
}

/** New facts for a stored article, valid only while its content is still `contentHash`. */
export interface Reextraction {
  id: number;
  contentHash: string;
  extraction: Extraction;
}

export interface WriterOptions {
  /** How long to wait for another connection's write lock before failing. */
  busyTimeoutMs?: number;
}

/** Prisma stores DateTime in SQLite as ISO text with an explicit UTC offset. */
const sqlDate = (date: Date): string => date.toISOString().replace('Z', '+00:00');

/** The article's row (write-rules.ts) with SQLite's stored form of dates. */
const articleRow = (id: number, doc: PreparedDocument, now: string): Row => rowOf(id, doc, now, sqlDate);

/** refreshedMetadata (write-rules.ts) on SQLite's stored form of dates. */
function refreshedMetadata(known: KnownArticle, input: ArticleSource) {
  const next = refreshed(
    { ...known, publishedAt: known.publishedAt ? new Date(known.publishedAt) : null },
    input,
  );
  return next && { ...next, publishedAt: next.publishedAt ? sqlDate(next.publishedAt) : null };
}

const isSingleWord = (name: string): boolean => !/\s/.test(name.trim());

type Row = (string | number | null)[];

const MENTION_COLUMNS = ['articleId', 'personId', 'text', 'start', 'end'];
const QUOTE_COLUMNS = ['articleId', 'speakerId', 'text', 'cue', 'start', 'end'];
const PRICE_COLUMNS = [
  'articleId',
  'amount',
  'amountValue',
  'currency',
  'raw',
  'start',
  'end',
  'location',
  'sentence',
];
/** A row with a longer string is inserted on its own rather than inside a batch's JSON. */
const JSON_ROW_BYTES = 1_000_000;

/** Where the article's sortDate stands in its row. */
const ROW_SORT_DATE = ARTICLE_COLUMNS.indexOf('sortDate');
/** Where the person id stands in a mention row and a quote row (see the column lists). */
const PERSON_COLUMN = 1;

/** Rows collected for the batch's set-wise INSERTs, in the order they are written. */
interface Pending {
  articles: Row[];
  mentions: Row[];
  quotes: Row[];
  prices: Row[];
}

const nothingPending = (): Pending => ({ articles: [], mentions: [], quotes: [], prices: [] });

export class ArticleWriter {
  readonly db: Database.Database;
  private readonly s;
  private readonly multiRow = new Map<string, Database.Statement>();
  /** /stats's aggregates, counted as rows are inserted and deleted (src/db/sqlite/aggregates.ts). */
  private readonly aggregates: ArchiveAggregates;
  /** Built GET /articles/:id documents, rebuilt before each commit (src/db/sqlite/documents.ts). */
  private readonly documents: ArticleDocuments;
  private pending: Pending = nothingPending();

  constructor(databaseUrl: string, options: WriterOptions = {}) {
    const file = databaseFile(databaseUrl);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file, { timeout: options.busyTimeoutMs ?? 10_000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    // Checkpoint every ~40 MB of WAL rather than every 4 MB (the default, 1000 pages): the pages
    // a batch rewrites again and again (FTS structure, index interiors) are copied back into the
    // database once per checkpoint, so fewer checkpoints copy less. Measured on a 20k-article
    // archive, final checkpoint included: 1.07 → 0.88 ms per article written.
    this.db.pragma('wal_autocheckpoint = 10000');
    const db = this.db;
    this.documents = new ArticleDocuments(db);
    this.aggregates = new ArchiveAggregates(db, {
      sortDate: ROW_SORT_DATE,
      personId: PERSON_COLUMN,
      currency: PRICE_COLUMNS.indexOf('currency'),
      articleId: MENTION_COLUMNS.indexOf('articleId'),
      id: ARTICLE_COLUMNS.indexOf('id'),
      amount: PRICE_COLUMNS.indexOf('amount'),
      amountValue: PRICE_COLUMNS.indexOf('amountValue'),
    });
    this.s = {
      byHash: db.prepare<[string], KnownArticle>(
        'SELECT "id", "source", "byline", "publishedAt", "importedAt", "sortDate", "language", "encoding" FROM "articles" WHERE "contentHash" = ?',
      ),
      refreshMetadata: db.prepare(
        `UPDATE "articles" SET "byline" = @byline, "publishedAt" = @publishedAt,
           "sortDate" = COALESCE(@publishedAt, "importedAt"), "language" = @language, "encoding" = @encoding,
           "updatedAt" = @updatedAt
         WHERE "id" = @id`,
      ),
      addSource: db.prepare(
        'INSERT INTO "article_sources" ("articleId", "source", "importedAt") VALUES (?, ?, ?) ON CONFLICT ("source") DO UPDATE SET "articleId" = excluded."articleId"',
      ),
      dropSource: db
        .prepare<[string], number>('DELETE FROM "article_sources" WHERE "source" = ? RETURNING "articleId"')
        .pluck(),
      bySource: db.prepare<[string], StoredRevisable>(
        'SELECT "id", "title", "text", "contentHash", "importedAt", "sortDate" FROM "articles" WHERE "source" = ?',
      ),
      nextArticleId: db.prepare<[], { next: number }>(
        `SELECT MAX(COALESCE((SELECT "seq" FROM "sqlite_sequence" WHERE "name" = 'articles'), 0),
                    COALESCE((SELECT MAX("id") FROM "articles"), 0)) + 1 AS next`,
      ),
      updateArticle: db.prepare(
        `UPDATE "articles" SET "title" = @title, "lead" = @lead, "body" = @body, "text" = @text, "source" = @source,
           "format" = @format, "byline" = @byline, "publishedAt" = @publishedAt, "sortDate" = @sortDate,
           "contentHash" = @contentHash, "wordCount" = @wordCount, "importedAt" = @importedAt, "updatedAt" = @updatedAt,
           "extractorVersion" = @extractorVersion, "language" = @language, "encoding" = @encoding
         WHERE "id" = @id`,
      ),
      setExtractorVersion: db.prepare<[number, number, string | null, string, number, string]>(
        `UPDATE "articles" SET "extractorVersion" = ?, "wordCount" = ?, "language" = COALESCE(?, "language"), "updatedAt" = ?
         WHERE "id" = ? AND "contentHash" = ?`,
      ),
      staleArticles: db.prepare<[number, number, number], StaleArticle>(
        'SELECT "id", "text", "contentHash" FROM "articles" WHERE "extractorVersion" < ? AND "id" > ? ORDER BY "id" LIMIT ?',
      ),
      insertRevision: db.prepare(
        'INSERT INTO "article_revisions" ("articleId", "title", "text", "contentHash", "importedAt", "replacedAt") VALUES (?, ?, ?, ?, ?, ?)',
      ),
      deleteMentions: db.prepare('DELETE FROM "mentions" WHERE "articleId" = ?'),
      deleteQuotes: db.prepare('DELETE FROM "quotes" WHERE "articleId" = ?'),
      deletePrices: db.prepare('DELETE FROM "price_mentions" WHERE "articleId" = ?'),
      personByName: db.prepare<[string], { id: number }>('SELECT "id" FROM "people" WHERE "name" = ?'),
      slugTaken: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM "people" WHERE "slug" = ?'),
      insertPerson: db.prepare('INSERT INTO "people" ("name", "slug") VALUES (?, ?)'),
      deletePerson: db.prepare('DELETE FROM "people" WHERE "id" = ?'),
      insertAlias: db.prepare('INSERT OR IGNORE INTO "person_aliases" ("personId", "alias") VALUES (?, ?)'),
      aliasOwners: db.prepare<[string], { personId: number }>(
        'SELECT DISTINCT "personId" FROM "person_aliases" WHERE "alias" = ? LIMIT 2',
      ),
      aliasOwnersOtherThan: db.prepare<[string, number], { n: number }>(
        'SELECT COUNT(*) AS n FROM "person_aliases" WHERE "alias" = ? AND "personId" <> ?',
      ),
      aliasesOf: db.prepare<[number], { alias: string }>(
        'SELECT "alias" FROM "person_aliases" WHERE "personId" = ?',
      ),
      moveMentions: db.prepare('UPDATE "mentions" SET "personId" = ? WHERE "personId" = ?'),
      moveQuotes: db.prepare('UPDATE "quotes" SET "speakerId" = ? WHERE "speakerId" = ?'),
      deleteOrphanPeople: db.prepare(
        `DELETE FROM "people"
         WHERE NOT EXISTS (SELECT 1 FROM "mentions" m WHERE m."personId" = "people"."id")
           AND NOT EXISTS (SELECT 1 FROM "quotes" q WHERE q."speakerId" = "people"."id")`,
      ),
    };
  }

  /** The stored article holding this content, if any (outside any transaction: a hint only). */
  findByHash(hash: string): { id: number; source: string } | undefined {
    return this.s.byHash.get(hash);
  }

  /**
   * Content already stored (by hash), met again from `input`: refreshes the article's metadata
   * when its own source brings new metadata, or records another source of the same text. Returns
   * undefined when the content is not stored (the document must be extracted and written).
   */
  matchKnown(hash: string, input: ArticleSource): WriteOutcome | undefined {
    const seen = this.s.byHash.get(hash);
    if (!seen) return undefined;
    // The common case (a re-run): nothing to record, and no write lock taken for it.
    if (seen.source === input.source && !refreshedMetadata(seen, input)) return unchanged(input.source, seen);
    return this.transaction(() => {
      const known = this.s.byHash.get(hash);
      return known && this.recordKnown(known, input);
    }, false);
  }

  /**
   * Writes a batch in one transaction; returns one result per document, in order. Documents that
   * fail are rolled back alone and reported; the others are stored.
   */
  writeBatch(batch: PreparedDocument[]): WriteResult[] {
    if (batch.length === 0) return [];
    const fast = this.transaction(() => this.writeSetwise(batch), true);
    if (fast) return fast;
    // Some article failed: again, each in a savepoint, so that only the failing ones are lost.
    return this.transaction(
      () => batch.map((doc) => this.inSavepoint(doc.input.source, () => this.writeOne(doc))),
      false,
    )!;
  }

  /**
   * Replaces the facts of stored articles (re-extraction), in one transaction. An article whose
   * content changed since it was read is skipped (its new content was extracted when written).
   * Returns the number of articles updated.
   */
  replaceExtractions(batch: Reextraction[], extractorVersion: number): number {
    if (batch.length === 0) return 0;
    return this.transaction(() => {
      const now = sqlDate(new Date());
      let replaced = 0;
      for (const { id, contentHash, extraction } of batch) {
        const changed = this.s.setExtractorVersion.run(
          extractorVersion,
          extraction.wordCount,
          extraction.language,
          now,
          id,
          contentHash,
        ).changes;
        if (changed === 0) continue;
        this.deleteFacts(id);
        this.collectFacts(id, extraction);
        this.flushPending();
        this.documents.touch(id);
        replaced++;
      }
      return replaced;
    }, false)!;
  }

  /** Stored articles whose extractor version is below `olderThan`, by id after `afterId`. */
  staleArticles(olderThan: number, afterId: number, take: number): StaleArticle[] {
    return this.s.staleArticles.all(olderThan, afterId, take);
  }

  /** Removes people no article mentions or quotes any more; returns how many. */
  deleteOrphanPeople(): number {
    return this.transaction(() => {
      const removed = this.s.deleteOrphanPeople.run().changes;
      this.aggregates.peopleAdded(-removed);
      return removed;
    }, false)!;
  }

  close(): void {
    this.db.close();
  }

  /**
   * Runs `work` in a write transaction. With `undoOnError`, an error rolls back and returns
   * undefined (the caller retries more carefully); otherwise it rolls back and throws.
   */
  private transaction<T>(work: () => T, undoOnError: boolean): T | undefined {
    this.db.exec('BEGIN IMMEDIATE');
    let result: T;
    try {
      result = work();
      this.documents.flush();
    } catch (error) {
      this.pending = nothingPending();
      this.documents.reset();
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      if (undoOnError) return undefined;
      throw error;
    }
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
    return result;
  }

  private inSavepoint(source: string, work: () => WriteOutcome): WriteResult {
    this.db.exec('SAVEPOINT article');
    try {
      const result = work();
      this.db.exec('RELEASE article');
      return result;
    } catch (error) {
      this.pending = nothingPending();
      this.db.exec('ROLLBACK TO article');
      this.db.exec('RELEASE article');
      return { status: 'failed', source, reason: `cannot store the article (${(error as Error).message})` };
    }
  }

  /**
   * The batch with its new articles and their facts collected and inserted set-wise at the end
   * (or before a document whose source the batch already wrote, so that it sees it stored).
   */
  private writeSetwise(batch: PreparedDocument[]): WriteOutcome[] {
    const results: WriteOutcome[] = [];
    const newByHash = new Map<string, { id: number; source: string }>();
    const sources = new Set<string>();
    let nextId = this.s.nextArticleId.get()!.next;
    for (const doc of batch) {
      const sameInBatch = newByHash.get(doc.hash);
      if (sameInBatch) {
        results.push(unchanged(doc.input.source, sameInBatch));
        continue;
      }
      const known = this.s.byHash.get(doc.hash);
      if (known) {
        results.push(this.recordKnown(known, doc.input));
        continue;
      }
      if (sources.has(doc.input.source)) {
        this.flushPending();
        newByHash.clear();
        sources.clear();
      }
      sources.add(doc.input.source);
      const previous = this.s.bySource.get(doc.input.source);
      if (previous) {
        results.push(this.revise(previous, doc));
        continue;
      }
      const articleId = nextId++;
      this.dropOtherSource(doc.input.source);
      this.pending.articles.push(articleRow(articleId, doc, sqlDate(new Date())));
      this.collectFacts(articleId, doc.extraction);
      newByHash.set(doc.hash, { id: articleId, source: doc.input.source });
      this.documents.touch(articleId);
      results.push({ status: 'imported', articleId, source: doc.input.source });
    }
    this.flushPending();
    return results;
  }

  /** One document, its rows written at once (the careful path, inside a savepoint). */
  private writeOne(doc: PreparedDocument): WriteOutcome {
    const known = this.s.byHash.get(doc.hash);
    if (known) return this.recordKnown(known, doc.input);
    const previous = this.s.bySource.get(doc.input.source);
    let result: WriteOutcome;
    if (previous) {
      result = this.revise(previous, doc);
    } else {
      const articleId = this.s.nextArticleId.get()!.next;
      this.dropOtherSource(doc.input.source);
      this.pending.articles.push(articleRow(articleId, doc, sqlDate(new Date())));
      this.collectFacts(articleId, doc.extraction);
      this.documents.touch(articleId);
      result = { status: 'imported', articleId, source: doc.input.source };
    }
    this.flushPending();
    return result;
  }

  /** A source that brings a text of its own is no longer recorded as another source of an article. */
  private dropOtherSource(source: string): void {
    for (const articleId of this.s.dropSource.all(source)) this.documents.touch(articleId);
  }

  /** See matchKnown; inside the write transaction. */
  private recordKnown(known: KnownArticle, input: ArticleSource): WriteOutcome {
    if (known.source !== input.source) {
      this.s.addSource.run(known.id, input.source, sqlDate(new Date()));
      this.documents.touch(known.id);
      return unchanged(input.source, known);
    }
    const next = refreshedMetadata(known, input);
    if (!next) return unchanged(input.source, known);
    this.s.refreshMetadata.run({ ...next, id: known.id, updatedAt: sqlDate(new Date()) });
    this.aggregates.redated(known.id, known.sortDate, next.publishedAt ?? known.importedAt);
    this.documents.touch(known.id);
    return { status: 'updated', articleId: known.id, source: input.source };
  }

  /** Replaces a stored article's content and facts (facts collected), keeping its text as a revision. */
  private revise(previous: StoredRevisable, doc: PreparedDocument): WriteOutcome {
    const now = sqlDate(new Date());
    this.s.insertRevision.run(
      previous.id,
      previous.title,
      previous.text,
      previous.contentHash,
      previous.importedAt,
      now,
    );
    this.deleteFacts(previous.id);
    const [, ...row] = articleRow(previous.id, doc, now);
    this.s.updateArticle.run(
      Object.fromEntries([
        ...ARTICLE_COLUMNS.slice(1).map((column, i) => [column, row[i]]),
        ['id', previous.id],
      ]),
    );
    this.aggregates.redated(previous.id, previous.sortDate, row[ROW_SORT_DATE - 1] as string);
    this.collectFacts(previous.id, doc.extraction);
    this.documents.touch(previous.id);
    return { status: 'updated', articleId: previous.id, source: doc.input.source };
  }

  private deleteFacts(articleId: number): void {
    this.aggregates.deletingFactsOf(articleId);
    this.s.deleteMentions.run(articleId);
    this.s.deleteQuotes.run(articleId);
    this.s.deletePrices.run(articleId);
  }

  /**
   * Resolves the people of one article (which must have no facts yet) and collects its mentions,
   * quotes and prices for flushPending.
   */
  private collectFacts(articleId: number, extraction: Extraction): void {
    const personIds = this.resolvePeople(extraction.people);
    for (const person of extraction.people) {
      const personId = personIds.get(person.name)!;
      for (const m of person.mentions)
        this.pending.mentions.push([articleId, personId, m.text, m.start, m.end]);
    }
    for (const q of extraction.quotes) {
      const speakerId = q.speaker === null ? null : (personIds.get(q.speaker) ?? null);
      this.pending.quotes.push([articleId, speakerId, q.text, q.cue, q.start, q.end]);
    }
    for (const p of extraction.prices) {
      this.pending.prices.push([
        articleId,
        p.amount,
        Number(p.amount),
        p.currency,
        p.raw,
        p.start,
        p.end,
        p.location,
        p.sentence,
      ]);
    }
  }

  /** Inserts the collected rows: articles first (the facts refer to them). */
  private flushPending(): void {
    const { articles, mentions, quotes, prices } = this.pending;
    this.pending = nothingPending();
    this.aggregates.inserted({ articles, mentions, quotes, prices });
    this.insertRows('articles', ARTICLE_COLUMNS, articles);
    this.insertRows('mentions', MENTION_COLUMNS, mentions);
    this.insertRows('quotes', QUOTE_COLUMNS, quotes);
    this.insertRows('price_mentions', PRICE_COLUMNS, prices);
  }

  /**
   * Inserts rows with one statement, whatever their number: the rows go in as one JSON array
   * parameter, read back with json_each (one statement, prepared once per table).
   */
  private insertRows(table: string, columns: string[], rows: Row[]): void {
    if (rows.length === 0) return;
    // Rows over JSON_ROW_BYTES (a 50 MB article) are bound one by one: as JSON text they would be
    // copied several times over (string, SQLite's parse, each value), gigabytes for one article.
    const large = (row: Row) =>
      row.some((value) => typeof value === 'string' && value.length > JSON_ROW_BYTES);
    const small = rows.filter((row) => !large(row));
    if (small.length) this.multiRowStatement(table, columns).run(JSON.stringify(small));
    for (const row of rows) if (large(row)) this.singleRowStatement(table, columns).run(...row);
  }

  private multiRowStatement(table: string, columns: string[]): Database.Statement {
    let statement = this.multiRow.get(table);
    if (!statement) {
      statement = this.db.prepare(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')})
         SELECT ${columns.map((_, i) => `"value" ->> ${i}`).join(', ')} FROM json_each(?) ORDER BY "key"`,
      );
      this.multiRow.set(table, statement);
    }
    // (Strings reach SQLite through JSON with the same bytes as through a bound parameter.)
    return statement;
  }

  private singleRowStatement(table: string, columns: string[]): Database.Statement {
    const key = `${table}:one`;
    let statement = this.multiRow.get(key);
    if (!statement) {
      statement = this.db.prepare(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      this.multiRow.set(key, statement);
    }
    return statement;
  }

  // People (see the module comment).

  private uniqueSlug(name: string): string {
    const base = slugify(name);
    if (!this.s.slugTaken.get(base)) return base;
    for (let n = 2; ; n++) if (!this.s.slugTaken.get(`${base}-${n}`)) return `${base}-${n}`;
  }

  private addAliases(personId: number, name: string, aliases: Iterable<string>): void {
    let added = 0;
    for (const alias of new Set(aliases))
      if (alias !== name) added += this.s.insertAlias.run(personId, alias).changes;
    if (added > 0) this.documents.personChanged(personId);
  }

  /**
   * Folds a person known only by one word (from an earlier article) into the full-named person
   * this article introduces, when the word is unambiguous.
   */
  private absorbSingleWordPeople(personId: number, fact: PersonFact): void {
    for (const word of new Set([...fact.aliases.filter(isSingleWord), fact.name.split(/\s+/).at(-1)!])) {
      const other = this.s.personByName.get(word);
      if (!other || other.id === personId) continue;
      if (this.s.aliasOwnersOtherThan.get(word, personId)!.n > 0) continue;
      this.documents.personChanged(other.id);
      this.s.moveMentions.run(personId, other.id);
      this.s.moveQuotes.run(personId, other.id);
      // The batch's collected rows too (not written yet).
      for (const row of [...this.pending.mentions, ...this.pending.quotes])
        if (row[PERSON_COLUMN] === other.id) row[PERSON_COLUMN] = personId;
      const moved = this.s.aliasesOf.all(other.id).map((a) => a.alias);
      this.addAliases(personId, fact.name, [word, ...moved]);
      this.aggregates.personMerged(other.id, personId);
      this.s.deletePerson.run(other.id);
      this.aggregates.peopleAdded(-1);
    }
  }

  /** Returns person ids keyed by the article's canonical names, creating people as needed. */
  private resolvePeople(people: PersonFact[]): Map<string, number> {
    const ids = new Map<string, number>();
    for (const fact of people) {
      let id = this.s.personByName.get(fact.name)?.id ?? null;
      if (id === null && isSingleWord(fact.name)) {
        const owners = this.s.aliasOwners.all(fact.name);
        id = owners.length === 1 ? owners[0]!.personId : null;
      }
      if (id === null) {
        id = Number(this.s.insertPerson.run(fact.name, this.uniqueSlug(fact.name)).lastInsertRowid);
        this.aggregates.peopleAdded(1);
        if (!isSingleWord(fact.name)) this.absorbSingleWordPeople(id, fact);
      }
      this.addAliases(id, fact.name, fact.aliases);
      ids.set(fact.name, id);
    }
    return ids;
  }
}
