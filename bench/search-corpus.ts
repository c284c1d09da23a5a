/**
 * A generated archive for the search benchmark: bench/corpus/search-<size>.db (gitignored).
 *
 * Articles come from bench/generator.ts and go through the archive's own extraction
 * (parseDocument + extractDocument) and migrations; the rows are then written in bulk with one
 * prepared statement per table and one transaction per batch. That writes exactly the columns
 * createArticle/insertFacts write (the FTS triggers index them the same way), about 4x faster than
 * the Prisma path. The one simplification: people are resolved by canonical name only (no folding
 * of single-word people into full names, which generated articles do not need).
 *
 * Resumable: a database holding fewer articles is topped up; one holding `size` is reused (article
 * i of the generator is the same text for any corpus size).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { databaseFile } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { slugify } from '../src/db/people.ts';
import { EXTRACTOR_VERSION, extractDocument, parseDocument } from '../src/extract/index.ts';
import { contentHash } from '../src/ingest/ingest.ts';
import { generateArticle } from './generator.ts';

export const CORPUS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus');

export const corpusSource = (index: number): string => `https://news.example/articles/${index}`;

/** As the Prisma adapter stores DateTime: ISO 8601 text with an explicit +00:00 offset. */
const stored = (date: Date): string => date.toISOString().replace('Z', '+00:00');

export interface CorpusOptions {
  size: number;
  batch?: number;
  log?: (line: string) => void;
}

/** Builds (or tops up) the corpus database; returns its file: URL. */
export async function ensureCorpus({ size, batch = 1000, log = () => {} }: CorpusOptions): Promise<string> {
  fs.mkdirSync(CORPUS_DIR, { recursive: true });
  const url = `file:${path.join(CORPUS_DIR, `search-${size}.db`)}`;
  await migrateDatabase(url);
  const db = new Database(databaseFile(url));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const start = (db.prepare('SELECT count(*) AS n FROM "articles"').get() as { n: number }).n;
    if (start >= size) {
      log(`corpus: reusing ${url} (${start} articles)`);
      return url;
    }
    log(`corpus: generating articles ${start}..${size - 1} into ${url}`);
    const insertArticle = db.prepare(
      `INSERT INTO "articles" ("title", "lead", "body", "text", "source", "format", "byline", "publishedAt", "sortDate",
         "contentHash", "wordCount", "importedAt", "updatedAt", "extractorVersion")
       VALUES (?, ?, ?, ?, ?, 'text', NULL, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const findPerson = db.prepare('SELECT "id" FROM "people" WHERE "name" = ?').pluck();
    const slugTaken = db.prepare('SELECT 1 FROM "people" WHERE "slug" = ?').pluck();
    const insertPerson = db.prepare('INSERT INTO "people" ("name", "slug") VALUES (?, ?)');
    const insertAlias = db.prepare(
      'INSERT OR IGNORE INTO "person_aliases" ("personId", "alias") VALUES (?, ?)',
    );
    const insertMention = db.prepare(
      'INSERT INTO "mentions" ("articleId", "personId", "text", "start", "end") VALUES (?, ?, ?, ?, ?)',
    );
    const insertQuote = db.prepare(
      'INSERT INTO "quotes" ("articleId", "speakerId", "text", "cue", "start", "end") VALUES (?, ?, ?, ?, ?, ?)',
    );
    const insertPrice = db.prepare(
      `INSERT INTO "price_mentions" ("articleId", "amount", "amountValue", "currency", "raw", "start", "end", "location", "sentence")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const personId = (name: string): number => {
      const known = findPerson.get(name) as number | undefined;
      if (known !== undefined) return known;
      const base = slugify(name);
      let slug = base;
      for (let n = 2; slugTaken.get(slug) !== undefined; n++) slug = `${base}-${n}`;
      return Number(insertPerson.run(name, slug).lastInsertRowid);
    };
    type Prepared = {
      index: number;
      hash: string;
      publishedAt: string;
      extraction: ReturnType<typeof extractDocument>;
    };
    const write = db.transaction((rows: Prepared[]) => {
      const now = stored(new Date());
      for (const { index, hash, publishedAt, extraction: x } of rows) {
        const articleId = Number(
          insertArticle.run(
            x.title,
            x.lead,
            x.body,
            x.document.text,
            corpusSource(index),
            publishedAt,
            publishedAt,
            hash,
            x.wordCount,
            now,
            now,
            EXTRACTOR_VERSION,
          ).lastInsertRowid,
        );
        const ids = new Map<string, number>();
        for (const person of x.people) {
          const id = personId(person.name);
          ids.set(person.name, id);
          for (const alias of new Set(person.aliases)) if (alias !== person.name) insertAlias.run(id, alias);
          for (const m of person.mentions) insertMention.run(articleId, id, m.text, m.start, m.end);
        }
        for (const q of x.quotes)
          insertQuote.run(
            articleId,
            q.speaker === null ? null : (ids.get(q.speaker) ?? null),
            q.text,
            q.cue,
            q.start,
            q.end,
          );
        for (const p of x.prices)
          insertPrice.run(
            articleId,
            p.amount,
            Number(p.amount),
            p.currency,
            p.raw,
            p.start,
            p.end,
            p.location,
            p.sentence,
          );
      }
    });
    const began = performance.now();
    for (let from = start; from < size; from += batch) {
      const rows: Prepared[] = [];
      for (let index = from; index < Math.min(size, from + batch); index++) {
        const article = generateArticle(index);
        rows.push({
          index,
          hash: contentHash(article.text),
          publishedAt: stored(new Date(article.publishedAt)),
          extraction: extractDocument(parseDocument(article.text)),
        });
      }
      write(rows);
      const done = Math.min(size, from + batch);
      if (done % 5000 < batch || done === size) {
        log(
          `corpus: ${done}/${size} articles (${((done - start) / ((performance.now() - began) / 1000)).toFixed(0)}/s)`,
        );
      }
    }
    // No ANALYZE: the queries must plan well on an archive nobody has analysed.
    db.pragma('wal_checkpoint(TRUNCATE)');
    return url;
  } finally {
    db.close();
  }
}
