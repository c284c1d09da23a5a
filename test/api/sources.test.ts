/**
 * What the archive keeps of where a text came from: language and encoding, other sources of an
 * identical text, and metadata refreshed when the text is unchanged (issue 10, deliverables 3–4).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { ingestDocument } from '../../src/ingest/ingest.ts';
import { freshDatabase } from '../helpers/database.ts';

const TEXT = [
  'Grodno bakery raises bread prices',
  '',
  'A loaf now costs 2.10 BYN at the Grodno bakery, its owner Anna Petrova said.',
].join('\n');

let app: FastifyInstance;
let url: string;
let remove: () => void;

const article = async (id: number) => (await app.inject(`/articles/${id}`)).json();

beforeAll(async () => {
  const database = freshDatabase();
  ({ url, remove } = database);
  app = await buildApp({ databaseUrl: url, articleCacheMb: 0 });
});
afterAll(async () => {
  await app.close();
  remove();
});

describe('re-importing an unchanged text', () => {
  let id: number;

  it('stores the declared language and the encoding of a new article', async () => {
    const first = await ingestDocument(url, {
      source: 'https://example.org/bread',
      format: 'html',
      text: TEXT,
      byline: 'Old Byline',
      publishedAt: new Date('2024-05-01T00:00:00Z'),
      language: 'en',
      encoding: 'windows-1251',
    });
    expect(first.status).toBe('imported');
    id = first.articleId;
    expect(await article(id)).toMatchObject({ language: 'en', encoding: 'windows-1251', sources: [] });
    expect((await app.inject('/articles?lang=en')).json().items).toHaveLength(1);
    expect((await app.inject('/articles?lang=de')).json().items).toHaveLength(0);
  });

  it('from its own source, refreshes a changed byline and date without a revision', async () => {
    const again = await ingestDocument(url, {
      source: 'https://example.org/bread',
      format: 'html',
      text: TEXT,
      byline: 'Anna Petrova',
      publishedAt: new Date('2024-05-02T09:30:00Z'),
    });
    expect(again).toMatchObject({ status: 'updated', articleId: id });
    expect(await article(id)).toMatchObject({
      byline: 'Anna Petrova',
      publishedAt: '2024-05-02T09:30:00.000Z',
      date: '2024-05-02T09:30:00.000Z',
      encoding: 'windows-1251',
      revisions: [],
    });
    const same = await ingestDocument(url, {
      source: 'https://example.org/bread',
      format: 'html',
      text: TEXT,
    });
    expect(same.status).toBe('unchanged');
  });

  it('from another source, records that source on the article', async () => {
    const copy = await ingestDocument(url, {
      source: 'https://mirror.example/bread',
      format: 'html',
      text: TEXT,
    });
    expect(copy).toMatchObject({
      status: 'unchanged',
      articleId: id,
      duplicateOf: 'https://example.org/bread',
    });
    const { sources } = await article(id);
    expect(sources.map((s: { source: string }) => s.source)).toEqual(['https://mirror.example/bread']);
    // Recorded once, however often it comes again.
    await ingestDocument(url, { source: 'https://mirror.example/bread', format: 'html', text: TEXT });
    expect((await article(id)).sources).toHaveLength(1);
  });

  it('a recorded other source that later brings its own text becomes an article of its own', async () => {
    const own = await ingestDocument(url, {
      source: 'https://mirror.example/bread',
      format: 'html',
      text: TEXT.replace('2.10', '2.20'),
    });
    expect(own.status).toBe('imported');
    expect((await article(id)).sources).toEqual([]);
  });
});
