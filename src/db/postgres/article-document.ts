/**
 * `GET /articles/:id` on PostgreSQL: the ArticleDetail document built by the server as JSON
 * (json_build_object keeps key order; serialized compactly by JS, as SQLite's json_object text),
 * cached per process.
 *
 * Many API processes share one database, so a cache must learn of every other process's writes:
 * each statement writing an archive table bumps the single row of "archive_version" (a trigger,
 * see the full_text_search migration), and the cache compares it with the version it was filled
 * at before every read, dropping everything when it moved. One primary-key read per request,
 * on the same connection pool (and replica) as the document itself.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { ArticleDocument } from '../store.ts';
import { iso, rows } from './sql.ts';

const isoOrNull = (column: string) => `CASE WHEN ${column} IS NULL THEN NULL ELSE ${iso(column)} END`;

const ARTICLE_DOCUMENT_SQL = `
SELECT json_build_object(
  'id', a."id", 'title', a."title", 'lead', a."lead", 'body', a."body", 'text', a."text",
  'source', a."source", 'format', a."format", 'byline', a."byline",
  'date', ${iso('a."sortDate"')}, 'publishedAt', ${isoOrNull('a."publishedAt"')},
  'importedAt', ${iso('a."importedAt"')}, 'updatedAt', ${iso('a."updatedAt"')},
  'wordCount', a."wordCount", 'contentHash', a."contentHash", 'extractorVersion', a."extractorVersion",
  'language', a."language", 'encoding', a."encoding",
  'people', coalesce((
    SELECT json_agg(json_build_object(
      'id', p."id", 'name', p."name", 'slug', p."slug",
      'aliases', coalesce((SELECT json_agg(pa."alias" ORDER BY pa."alias" COLLATE "C") FROM "person_aliases" pa WHERE pa."personId" = p."id"), '[]'),
      'mentions', (SELECT json_agg(json_build_object('text', m."text", 'start', m."start", 'end', m."end") ORDER BY m."start", m."id")
                   FROM "mentions" m WHERE m."articleId" = a."id" AND m."personId" = p."id")
    ) ORDER BY firsts.first, p."id")
    FROM (SELECT "personId", min("start") AS first FROM "mentions" WHERE "articleId" = a."id" GROUP BY "personId") firsts
    JOIN "people" p ON p."id" = firsts."personId"
  ), '[]'),
  'quotes', coalesce((
    SELECT json_agg(json_build_object(
      'id', q."id", 'text', q."text", 'cue', q."cue",
      'speaker', CASE WHEN s."id" IS NULL THEN NULL ELSE json_build_object('id', s."id", 'name', s."name", 'slug', s."slug") END,
      'start', q."start", 'end', q."end"
    ) ORDER BY q."start", q."id")
    FROM "quotes" q LEFT JOIN "people" s ON s."id" = q."speakerId" WHERE q."articleId" = a."id"
  ), '[]'),
  'prices', coalesce((
    SELECT json_agg(json_build_object(
      'id', pm."id", 'amount', pm."amount", 'currency', pm."currency", 'raw', pm."raw", 'location', pm."location",
      'sentence', pm."sentence", 'start', pm."start", 'end', pm."end"
    ) ORDER BY pm."start", pm."id")
    FROM "price_mentions" pm WHERE pm."articleId" = a."id"
  ), '[]'),
  'sources', coalesce((
    SELECT json_agg(json_build_object('source', s."source", 'importedAt', ${iso('s."importedAt"')}) ORDER BY s."id")
    FROM "article_sources" s WHERE s."articleId" = a."id"
  ), '[]'),
  'revisions', coalesce((
    SELECT json_agg(json_build_object('id', r."id", 'contentHash', r."contentHash", 'importedAt', ${iso('r."importedAt"')},
                                      'replacedAt', ${iso('r."replacedAt"')}) ORDER BY r."id")
    FROM "article_revisions" r WHERE r."articleId" = a."id"
  ), '[]')
) AS document
FROM "articles" a WHERE a."id" = ?`;

const MAX_ID = 2 ** 31 - 1;

export class ArticleDocumentCache {
  private readonly entries = new Map<number, ArticleDocument>();
  private bytes = 0;
  private version: number | null = null;

  constructor(
    private readonly db: pg.Pool,
    private readonly maxBytes: number,
  ) {}

  private async checkVersion(): Promise<void> {
    const [row] = await rows<{ version: number }>(
      this.db,
      'SELECT "version" FROM "archive_version" WHERE "id" = 1',
    );
    const version = row?.version ?? 0;
    if (version !== this.version) {
      this.entries.clear();
      this.bytes = 0;
      this.version = version;
    }
  }

  async get(id: number): Promise<ArticleDocument | null> {
    if (!Number.isInteger(id) || id < 1 || id > MAX_ID) return null;
    if (this.maxBytes > 0) await this.checkVersion();
    const hit = this.entries.get(id);
    if (hit) {
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit;
    }
    const [row] = await rows<{ document: unknown }>(this.db, ARTICLE_DOCUMENT_SQL, [id]);
    if (!row) return null;
    // Re-serialized by JS: compact, keys in build order, the same text as SQLite's json_object.
    const json = JSON.stringify(row.document);
    const entry = { json, etag: `"${createHash('sha1').update(json).digest('base64url')}"` };
    if (json.length <= this.maxBytes) this.remember(id, entry);
    return entry;
  }

  private remember(id: number, entry: ArticleDocument): void {
    this.entries.set(id, entry);
    this.bytes += entry.json.length;
    for (const [oldest, { json }] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= json.length;
    }
  }
}
