/**
 * The reader threads answer exactly what Prisma's client answered on the main thread (same row
 * shapes: dates, integers, JSON columns), keep the store's error classes across the thread
 * boundary, and fail a read with the reason when a reader cannot start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type ArchiveStore } from '../../src/db/store.ts';
import { SearchSyntaxError } from '../../src/db/fts-query.ts';
import { InvalidCursorError } from '../../src/db/cursor.ts';
import { ReaderPool } from '../../src/db/sqlite/reader-pool.ts';
import { seededApp } from '../helpers/app.ts';

let seeded: Awaited<ReturnType<typeof seededApp>>;
let pooled: ArchiveStore;
let inline: ArchiveStore;

beforeAll(async () => {
  seeded = await seededApp();
  pooled = await openStore(seeded.url, { readerThreads: 2 });
  inline = await openStore(seeded.url, { readerThreads: 0 });
});

afterAll(async () => {
  await pooled.close();
  await inline.close();
  await seeded.close();
});

const everyRead = (store: ArchiveStore) =>
  Promise.all([
    store.listArticles({}, { limit: 5 }),
    store.listArticles({ q: 'sanctions', from: new Date('2000-01-01') }, { limit: 5 }),
    store.listPeople({}, { limit: 5 }),
    store.getPerson('alexander-lukashenko'),
    store.listQuotes({}, { limit: 5 }),
    store.listPrices({ currency: 'BYN' }, { limit: 5 }),
    store.priceStats({}),
    store.archiveStats(5),
    store.search(
      { q: 'sanctions' },
      { type: 'all', limit: 5 },
      { markStart: '[', markEnd: ']', escapeHtml: true },
    ),
    store.searchFacets({ q: 'sanctions' }, 'all'),
    store.articleDocument(1),
    store.countArticles(),
    (async () => {
      const all = [];
      for await (const article of store.exportArticles({}, 1)) all.push(article);
      return all;
    })(),
  ]);

describe('reader threads', () => {
  it('answer every read exactly as Prisma did on the main thread', async () => {
    const [fromPool, fromPrisma] = await Promise.all([everyRead(pooled), everyRead(inline)]);
    expect(fromPool).toEqual(fromPrisma);
    expect((fromPool[0] as { items: unknown[] }).items.length).toBeGreaterThan(0);
  });

  it('keep the store contract errors across the thread boundary', async () => {
    await expect(pooled.listArticles({ q: 'a AND' }, { limit: 1 })).rejects.toBeInstanceOf(SearchSyntaxError);
    await expect(pooled.listArticles({}, { limit: 1, cursor: 'bad' })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
  });

  it('fail a read with the reason when a reader cannot open the database', async () => {
    const pool = new ReaderPool({ file: '/nonexistent/archive.db', size: 1, timeoutMs: 10_000 });
    const started = performance.now();
    await expect(pool.run('getPerson', '1')).rejects.toThrow(/unable to open|does not exist|no such file/i);
    expect(performance.now() - started).toBeLessThan(5000);
    await pool.close();
  });
});
