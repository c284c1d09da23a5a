/**
 * The import measurement, in a process of its own so that its RSS high-water mark is the
 * import's: warms the JIT on a few documents, imports the corpus with the same code as
 * `news-archive import` (the writer, batches, extraction in a worker thread), then runs
 * extraction alone over the same corpus (read, decode, parse, extract; no database; one thread)
 * in the same process. Prints JSON on stdout. DATABASE_URL may be SQLite (file:) or PostgreSQL.
 *
 *   node --import tsx bench/import-child.ts CORPUS_DIR DATABASE_URL [--batch N] [--inline] [--depth N]
 *
 * --inline extracts in the main thread (no worker); --depth sets the batches in flight.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { databaseFile } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { ArticleWriter } from '../src/db/writer.ts';
import { SqliteWriter } from '../src/db/sqlite/writer.ts';
import { dialectOf, openStore, openWriter, type ArchiveWriter } from '../src/db/store.ts';
import { databaseBytes } from './postgres.ts';
import { defaultPreparer, inlinePreparer } from '../src/ingest/extract-pool.ts';
import { importInto, prepareDocument, readInput, walkFiles, writerSink } from '../src/ingest/files.ts';
import type { DocumentInput } from '../src/ingest/prepare.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    batch: { type: 'string', default: '100' },
    inline: { type: 'boolean' },
    depth: { type: 'string', default: '2' },
  },
});
const [dir, url] = positionals as [string, string];

const extractHere = (inputs: DocumentInput[]): unknown => inputs.map((input) => prepareDocument(input));

async function extractOnly(
  limit = Infinity,
  extract = extractHere,
): Promise<{ documents: number; ms: number }> {
  const began = performance.now();
  let documents = 0;
  for await (const file of walkFiles([dir])) {
    const inputs = (await readInput(file)).flatMap((result) => (result.ok ? [result.input] : []));
    await extract(inputs);
    documents += inputs.length;
    if (documents >= limit) break;
  }
  return { documents, ms: performance.now() - began };
}

await migrateDatabase(url);
const postgres = dialectOf(url) === 'postgres';
const archiveWriter: ArchiveWriter = postgres ? await openWriter(url) : new SqliteWriter(url);
const preparer = values.inline ? inlinePreparer() : defaultPreparer();
// JIT warm-up of the thread that extracts during the import (the worker) and of this one, which
// extracts alone afterwards: the same 500 documents each, so both are measured warm.
if (!values.inline) await extractOnly(500, (inputs) => preparer.prepare(inputs));
await extractOnly(500);
let writeMs = 0;
if (archiveWriter instanceof SqliteWriter) {
  const writer = archiveWriter.sync;
  const writeBatch = writer.writeBatch.bind(writer);
  writer.writeBatch = (batch: Parameters<ArticleWriter['writeBatch']>[0]) => {
    const t = performance.now();
    try {
      return writeBatch(batch);
    } finally {
      writeMs += performance.now() - t;
    }
  };
} else {
  const writeBatch = archiveWriter.writeBatch.bind(archiveWriter);
  archiveWriter.writeBatch = async (batch) => {
    const t = performance.now();
    try {
      return await writeBatch(batch);
    } finally {
      writeMs += performance.now() - t;
    }
  };
}
const began = performance.now();
const summary = await importInto(writerSink(archiveWriter, preparer), walkFiles([dir]), {
  batchSize: Number(values.batch),
  pipelineDepth: Number(values.depth),
});
const importMs = performance.now() - began;
await preparer.close();
if (archiveWriter instanceof SqliteWriter) archiveWriter.sync.db.pragma('wal_checkpoint(TRUNCATE)');
await archiveWriter.close();
const store = await openStore(url, { articleCacheBytes: 0 });
const articles = await store.countArticles();
await store.close();
const maxRssBytes = process.resourceUsage().maxRSS * 1024;
const extraction = await extractOnly();
const dbBytes = postgres ? await databaseBytes(url) : fs.statSync(databaseFile(url)).size;
console.log(
  JSON.stringify({
    documents: extraction.documents,
    articles,
    failed: summary.failed.length,
    importMs,
    writeMs,
    extractMs: extraction.ms,
    importPerSecond: (1000 * articles) / importMs,
    extractPerSecond: (1000 * extraction.documents) / extraction.ms,
    ratio: extraction.ms / importMs,
    maxRssBytes,
    dbBytes,
    dbBytesPerArticle: dbBytes / articles,
  }),
);
