/**
 * A generated archive for the search benchmark: bench/corpus/search-<size>.db (gitignored).
 *
 * Articles come from bench/generator.ts and are stored exactly as `news-archive import` stores
 * them: the archive's migrations, its extraction (prepareDocument) and its one write path
 * (ArticleWriter, batches of 1000), so the benchmark searches what users' archives hold.
 *
 * Resumable: a database holding fewer articles is topped up; one holding `size` is reused (article
 * i of the generator is the same text for any corpus size).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateDatabase } from '../src/db/migrate.ts';
import { ArticleWriter } from '../src/db/writer.ts';
import { prepareDocument } from '../src/ingest/prepare.ts';
import { openStore, openWriter } from '../src/db/store.ts';
import { generateArticle } from './generator.ts';
import { benchDatabase, type BenchDialect } from './postgres.ts';

export const CORPUS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus');

export const corpusSource = (index: number): string => `https://news.example/articles/${index}`;

export interface CorpusOptions {
  size: number;
  /** PostgreSQL: the corpus goes into database news_archive_bench_search_<size> (bench/postgres.ts). */
  dialect?: BenchDialect;
  batch?: number;
  log?: (line: string) => void;
}

/** Builds (or tops up) the corpus database; returns its file: URL. */
export async function ensureCorpus(options: CorpusOptions): Promise<string> {
  if (options.dialect === 'postgres') return ensurePostgresCorpus(options);
  const { size, batch = 1000, log = () => {} } = options;
  fs.mkdirSync(CORPUS_DIR, { recursive: true });
  const url = `file:${path.join(CORPUS_DIR, `search-${size}.db`)}`;
  await migrateDatabase(url);
  const writer = new ArticleWriter(url);
  try {
    const start = (writer.db.prepare('SELECT count(*) AS n FROM "articles"').get() as { n: number }).n;
    if (start >= size) {
      log(`corpus: reusing ${url} (${start} articles)`);
      return url;
    }
    log(`corpus: generating articles ${start}..${size - 1} into ${url}`);
    const began = performance.now();
    for (let from = start; from < size; from += batch) {
      const documents = [];
      for (let index = from; index < Math.min(size, from + batch); index++) {
        const article = generateArticle(index);
        documents.push(
          prepareDocument({
            source: corpusSource(index),
            format: 'text',
            text: article.text,
            publishedAt: new Date(article.publishedAt),
          }),
        );
      }
      const failed = writer.writeBatch(documents).filter((result) => result.status === 'failed');
      if (failed.length) throw new Error(`corpus: ${failed.length} articles could not be stored`);
      const done = Math.min(size, from + batch);
      if (done % 5000 < batch || done === size) {
        log(
          `corpus: ${done}/${size} articles (${((done - start) / ((performance.now() - began) / 1000)).toFixed(0)}/s)`,
        );
      }
    }
    // No ANALYZE: the queries must plan well on an archive nobody has analysed.
    writer.db.pragma('wal_checkpoint(TRUNCATE)');
    return url;
  } finally {
    writer.close();
  }
}

const corpusDocument = (index: number) => {
  const article = generateArticle(index);
  return prepareDocument({
    source: corpusSource(index),
    format: 'text',
    text: article.text,
    publishedAt: new Date(article.publishedAt),
  });
};

/** The same corpus on PostgreSQL, through the archive's writer for that dialect. */
async function ensurePostgresCorpus({ size, batch = 1000, log = () => {} }: CorpusOptions): Promise<string> {
  const url = await benchDatabase(`news_archive_bench_search_${size}`);
  await migrateDatabase(url);
  const store = await openStore(url, { articleCacheBytes: 0 });
  const start = await store.countArticles();
  await store.close();
  if (start >= size) {
    log(`corpus: reusing ${url} (${start} articles)`);
    return url;
  }
  log(`corpus: generating articles ${start}..${size - 1} into ${url}`);
  const writer = await openWriter(url);
  try {
    for (let from = start; from < size; from += batch) {
      const documents = [];
      for (let index = from; index < Math.min(size, from + batch); index++)
        documents.push(corpusDocument(index));
      const failed = (await writer.writeBatch(documents)).filter((result) => result.status === 'failed');
      if (failed.length) throw new Error(`corpus: ${failed.length} articles could not be stored`);
      log(`corpus: ${Math.min(size, from + batch)}/${size} articles`);
    }
  } finally {
    await writer.close();
  }
  return url;
}
