/**
 * `GET /articles/:id`, the archive's hottest read. SQLite builds the whole JSON document in one
 * statement (a Prisma query with includes measured 1.7 ms here against ~0.11 ms for it), and the
 * writer stores each built document at write time ("article_documents", with its ETag), so a read
 * is one primary-key lookup. A stored document is deleted whenever something it shows changes
 * (see src/db/writer.ts); a read that finds none builds the document itself.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** Stored "…+00:00" timestamps → the API's ISO 8601 UTC form ("…Z"). */
const iso = (column: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${column})`;
const isoOrNull = (column: string) => `CASE WHEN ${column} IS NULL THEN NULL ELSE ${iso(column)} END`;

/** The document of the article aliased `a`, as one SQL expression. */
const ARTICLE_DOCUMENT = `
json_object(
  'id', a."id", 'title', a."title", 'lead', a."lead", 'body', a."body", 'text', a."text",
  'source', a."source", 'format', a."format", 'byline', a."byline",
  'date', ${iso('a."sortDate"')}, 'publishedAt', ${isoOrNull('a."publishedAt"')},
  'importedAt', ${iso('a."importedAt"')}, 'updatedAt', ${iso('a."updatedAt"')},
  'wordCount', a."wordCount", 'contentHash', a."contentHash", 'extractorVersion', a."extractorVersion",
  'language', a."language", 'encoding', a."encoding",
  'people', (
    SELECT json_group_array(json(person)) FROM (
      SELECT json_object(
        'id', p."id", 'name', p."name", 'slug', p."slug",
        'aliases', (SELECT json_group_array("alias") FROM (SELECT "alias" FROM "person_aliases" WHERE "personId" = p."id" ORDER BY "alias")),
        'mentions', (SELECT json_group_array(json_object('text', m."text", 'start', m."start", 'end', m."end"))
                     FROM (SELECT * FROM "mentions" m WHERE m."articleId" = a."id" AND m."personId" = p."id" ORDER BY m."start") m)
      ) AS person
      FROM (SELECT "personId", min("start") AS first FROM "mentions" WHERE "articleId" = a."id" GROUP BY "personId") firsts
      JOIN "people" p ON p."id" = firsts."personId"
      ORDER BY firsts.first, p."id"
    )
  ),
  'quotes', (
    SELECT json_group_array(json(quote)) FROM (
      SELECT json_object(
        'id', q."id", 'text', q."text", 'cue', q."cue",
        'speaker', CASE WHEN s."id" IS NULL THEN NULL ELSE json_object('id', s."id", 'name', s."name", 'slug', s."slug") END,
        'start', q."start", 'end', q."end"
      ) AS quote
      FROM "quotes" q LEFT JOIN "people" s ON s."id" = q."speakerId"
      WHERE q."articleId" = a."id" ORDER BY q."start", q."id"
    )
  ),
  'prices', (
    SELECT json_group_array(json(price)) FROM (
      SELECT json_object(
        'id', pm."id", 'amount', pm."amount", 'currency', pm."currency", 'raw', pm."raw", 'location', pm."location",
        'sentence', pm."sentence", 'start', pm."start", 'end', pm."end"
      ) AS price
      FROM "price_mentions" pm WHERE pm."articleId" = a."id" ORDER BY pm."start", pm."id"
    )
  ),
  'sources', (
    SELECT json_group_array(json(other)) FROM (
      SELECT json_object('source', s."source", 'importedAt', ${iso('s."importedAt"')}) AS other
      FROM "article_sources" s WHERE s."articleId" = a."id" ORDER BY s."id"
    )
  ),
  'revisions', (
    SELECT json_group_array(json(revision)) FROM (
      SELECT json_object('id', r."id", 'contentHash', r."contentHash", 'importedAt', ${iso('r."importedAt"')},
                         'replacedAt', ${iso('r."replacedAt"')}) AS revision
      FROM "article_revisions" r WHERE r."articleId" = a."id" ORDER BY r."id"
    )
  )
)`;

const ARTICLE_DETAIL_SQL = `SELECT ${ARTICLE_DOCUMENT} AS json FROM "articles" a WHERE a."id" = ?`;

/**
 * Articles with a longer text get no stored document: read rarely, they are built when read,
 * rather than costing the import several copies of a document of tens of megabytes.
 */
export const STORED_DOCUMENT_MAX_CHARS = 1_000_000;

/** The SQL function the writer's connection registers to compute ETags inside a statement. */
export const ETAG_FUNCTION = 'news_archive_etag';

/**
 * Stores the built documents of the articles whose ids are the JSON array parameter (ids of
 * articles that do not exist are skipped); `${ETAG_FUNCTION}` must be registered as `etagOf`.
 */
export const STORE_DOCUMENTS_SQL = `
INSERT OR REPLACE INTO "article_documents" ("articleId", "json", "etag")
SELECT d.id, d.json, ${ETAG_FUNCTION}(d.json) FROM (
  SELECT a."id" AS id, ${ARTICLE_DOCUMENT} AS json
  FROM "articles" a WHERE a."id" IN (SELECT "value" FROM json_each(?)) AND length(a."text") <= ${STORED_DOCUMENT_MAX_CHARS}
) d`;

/** A strong entity tag of a document's JSON text. */
export const etagOf = (json: string): string => `"${createHash('sha1').update(json).digest('base64url')}"`;

const storedStatements = new WeakMap<
  Database.Database,
  Database.Statement<[number], { json: Buffer; etag: string }>
>();

/**
 * The document the writer stored for this article, or null when there is none (yet): its JSON as
 * UTF-8 bytes (CAST AS BLOB: better-sqlite3 then copies the bytes instead of decoding a string,
 * which the response would encode again; measured 93 → 51 µs per random 11 KB document under load).
 */
export function storedArticleDocument(
  sqlite: Database.Database,
  id: number,
): { json: Buffer; etag: string } | null {
  let statement = storedStatements.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare(
      'SELECT CAST("json" AS BLOB) AS "json", "etag" FROM "article_documents" WHERE "articleId" = ?',
    );
    storedStatements.set(sqlite, statement);
  }
  return statement.get(id) ?? null;
}

const statements = new WeakMap<Database.Database, Database.Statement<[number], { json: string }>>();

/** The article as the API's ArticleDetail JSON text, or null when no article has this id. */
export function articleDetailJson(sqlite: Database.Database, id: number): string | null {
  let statement = statements.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare<[number], { json: string }>(ARTICLE_DETAIL_SQL);
    statements.set(sqlite, statement);
  }
  return statement.get(id)?.json ?? null;
}

/**
 * Built article documents kept in memory, least recently used dropped first, up to a byte budget.
 * Any commit to the database by another connection (an import, a re-extraction) clears it:
 * SQLite's `PRAGMA data_version` changes exactly then, and costs a microsecond to read.
 *
 * The cache lives on the calling thread, which also reads the documents the writer stored (one
 * primary-key lookup on `sqlite`, not cached); documents not stored (yet) are built by `load`,
 * which may run elsewhere (a reader thread), and kept only if no commit happened while they were
 * being built, so a build that raced a write is never cached.
 */
export class ArticleDetailCache {
  private readonly entries = new Map<number, { json: string | Buffer; etag: string }>();
  private bytes = 0;
  private dataVersion: number;
  private readonly dataVersionStatement: Database.Statement<[], number>;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly maxBytes: number,
    private readonly load: (id: number) => Promise<string | null> = async (id) =>
      articleDetailJson(sqlite, id),
  ) {
    this.dataVersionStatement = sqlite.prepare<[], number>('PRAGMA data_version').pluck();
    this.dataVersion = this.dataVersionStatement.get()!;
  }

  /** The current data version, the cache emptied if it changed since last seen. */
  private currentVersion(): number {
    const version = this.dataVersionStatement.get()!;
    if (version !== this.dataVersion) {
      this.entries.clear();
      this.bytes = 0;
      this.dataVersion = version;
    }
    return version;
  }

  /** The article's JSON and its ETag, or null when no article has this id. */
  async get(id: number): Promise<{ json: string | Buffer; etag: string } | null> {
    const version = this.currentVersion();
    const hit = this.entries.get(id);
    if (hit) {
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit;
    }
    // A stored document is not kept: reading it again costs about what keeping it does (measured
    // on random ids over 100k articles, the cache on was slower than off: few hits, and every
    // miss evicting and the collector tracing 64 MB of buffers). What is built live is kept.
    const stored = storedArticleDocument(this.sqlite, id);
    if (stored) return stored;
    const json = await this.load(id);
    if (json === null) return null;
    const entry = { json, etag: etagOf(json) };
    if (json.length <= this.maxBytes && this.currentVersion() === version) this.remember(id, entry);
    return entry;
  }

  private remember(id: number, entry: { json: string | Buffer; etag: string }): void {
    // Two concurrent misses of one id both come back here: count its bytes once.
    this.bytes -= this.entries.get(id)?.json.length ?? 0;
    this.entries.delete(id);
    this.entries.set(id, entry);
    this.bytes += entry.json.length;
    for (const [oldest, { json: old }] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= old.length;
    }
  }
}
