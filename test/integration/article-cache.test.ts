/**
 * The `GET /articles/:id` document cache holds nothing stale when another process writes: a
 * store that cached a document sees the change another writer commits (SQLite: data_version;
 * PostgreSQL: the archive_version row every write bumps).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, openWriter } from '../../src/db/store.ts';
import { ingestDocument } from '../../src/ingest/ingest.ts';
import { freshDatabase } from '../helpers/database.ts';

const database = freshDatabase();
afterAll(() => database.remove());

const text = (title: string) => `${title}\n\nOlga Kovalenko said bread costs 2.50 BYN.\n`;

describe('the article document cache', () => {
  it('is invalidated by a write from another connection', async () => {
    const writer = await openWriter(database.url);
    const source = 'cache/one.txt';
    const { articleId } = await ingestDocument(writer, {
      source,
      format: 'text',
      text: text('Bread prices in Minsk'),
    });
    const reader = await openStore(database.url);
    const other = await openStore(database.url);
    try {
      const first = await reader.articleDocument(articleId);
      expect(JSON.parse(String(first!.json))).toMatchObject({ title: 'Bread prices in Minsk' });
      expect((await reader.articleDocument(articleId))!.etag).toBe(first!.etag);
      await ingestDocument(writer, { source, format: 'text', text: text('Bread prices rise in Minsk') });
      const second = await reader.articleDocument(articleId);
      expect(JSON.parse(String(second!.json))).toMatchObject({ title: 'Bread prices rise in Minsk' });
      expect(second!.etag).not.toBe(first!.etag);
      // Every process builds the same document for the same rows.
      expect(String((await other.articleDocument(articleId))!.json)).toBe(String(second!.json));
    } finally {
      await reader.close();
      await other.close();
      await writer.close();
    }
  });
});
