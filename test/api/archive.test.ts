import { FormatRegistry } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/ingest/ingest.ts';
import { ArticleDetail } from '../../src/api/schemas.ts';
import { seededApp } from '../helpers/app.ts';

// TypeBox checks formats only once told how; the API's date-times are ISO 8601 in UTC.
FormatRegistry.Set('date-time', (value) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value));

let app: FastifyInstance;
let close: () => Promise<void>;
let databaseUrl: string;

const get = async (url: string) => {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
};

const EURO_ARTICLE = [
  '€4.20',
  'Minsk cafe prices climb as Kovalenko warns of more to come',
  '',
  'Economist Olga Kovalenko said coffee in Minsk now costs 6.50 BYN a cup.',
  '“Prices will keep rising until the rouble settles,” Kovalenko told reporters.',
].join('\n');

beforeAll(async () => {
  ({ app, close, url: databaseUrl } = await seededApp());
  await ingestDocument(databaseUrl, {
    source: 'test/kovalenko.txt',
    format: 'text',
    text: EURO_ARTICLE,
    publishedAt: new Date('2024-03-15T08:00:00Z'),
  });
});
afterAll(() => close());

describe('GET /health', () => {
  it('reports the database reachable with its article count', async () => {
    expect(await get('/health')).toMatchObject({ status: 200, body: { status: 'ok', articles: 2 } });
  });
});

describe('GET /articles', () => {
  it('lists articles newest first with a null cursor on the last page', async () => {
    const { status, body } = await get('/articles');
    expect(status).toBe(200);
    expect(body.items.map((a: { title: string }) => a.title)).toHaveLength(2);
    expect(body.nextCursor).toBeNull();
  });

  it('filters by full-text query, person (by alias), currency and date', async () => {
    const seedTitle =
      'Lukashenko Discussed Soros’ Visit to Minsk and Efforts to "Separate" Belarus from Russia';
    expect((await get('/articles?q=sanctions')).body.items.map((a: { title: string }) => a.title)).toEqual([
      seedTitle,
    ]);
    expect((await get('/articles?q=%22normal%20relations%22')).body.items).toHaveLength(1);
    expect(
      (await get('/articles?person=Lukashenko')).body.items.map((a: { title: string }) => a.title),
    ).toEqual([seedTitle]);
    expect((await get('/articles?person=alexander-lukashenko')).body.items).toHaveLength(1);
    expect((await get('/articles?currency=byn')).body.items).toHaveLength(2);
    expect((await get('/articles?currency=EUR')).body.items).toHaveLength(1);
    expect((await get('/articles?from=2024-03-15&to=2024-03-15')).body.items).toHaveLength(1);
    expect((await get('/articles?from=2024-03-16&to=2024-03-20')).body.items).toHaveLength(0);
    expect((await get('/articles?person=Nobody%20Known')).body.items).toHaveLength(0);
  });

  it('walks every article once through cursors', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const { body } = await get(`/articles?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(body.items).toHaveLength(1);
      seen.push(body.items[0].id);
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(2);
  });
});

describe('GET /articles/:id', () => {
  it('returns the article with its people, quotes and prices', async () => {
    const list = await get('/articles?person=Lukashenko');
    const { status, body } = await get(`/articles/${list.body.items[0].id}`);
    expect(status).toBe(200);
    // In order of first mention: the title names Lukashenko and Soros.
    expect(body.people.map((p: { name: string }) => p.name)).toEqual([
      'Alexander Lukashenko',
      'George Soros',
      'Simon Shuster',
      'Donald Trump',
      'Joe Biden',
    ]);
    expect(body.quotes).toHaveLength(4);
    expect(body.prices.map((p: { amount: string }) => p.amount)).toEqual(['3.71', '2.99', '3.49']);
    for (const quote of body.quotes) expect(body.text.slice(quote.start, quote.end)).toBe(quote.text);
  });

  it('answers in exactly the documented ArticleDetail shape', async () => {
    // SQLite builds this response, so Fastify's serializer never sees it: check it against the schema.
    for (const article of (await get('/articles')).body.items) {
      const { body, headers } = await get(`/articles/${article.id}`);
      expect(headers['content-type']).toBe('application/json; charset=utf-8');
      expect([...Value.Errors(ArticleDetail, body)].map((e) => `${e.path}: ${e.message}`)).toEqual([]);
      expect(body.date).toBe(article.date);
      expect(body.publishedAt).toBe(article.publishedAt);
    }
  });
});

describe('GET /articles/:id caching', () => {
  it('serves a changed article as changed, with a new ETag, right after another connection writes it', async () => {
    const source = 'test/cache-probe.txt';
    const text = (title: string) => `${title}\n\nMarta Ivanova said tea now costs 4.20 BYN in Minsk.\n`;
    const { articleId } = await ingestDocument(databaseUrl, {
      source,
      format: 'text',
      text: text('Tea prices rise'),
    });
    const first = await get(`/articles/${articleId}`);
    expect(first.body.title).toBe('Tea prices rise');
    const again = await app.inject({
      method: 'GET',
      url: `/articles/${articleId}`,
      headers: { 'if-none-match': first.headers.etag },
    });
    expect(again.statusCode).toBe(304);
    await ingestDocument(databaseUrl, { source, format: 'text', text: text('Tea prices rise again') });
    const second = await get(`/articles/${articleId}`);
    expect(second.body.title).toBe('Tea prices rise again');
    expect(second.body.revisions).toHaveLength(1);
    expect(second.headers.etag).not.toBe(first.headers.etag);
  });
});

describe('GET /quotes', () => {
  it('finds the four Lukashenko quotes by speaker name, alias or slug', async () => {
    for (const speaker of ['Lukashenko', 'Alexander%20Lukashenko', 'alexander-lukashenko']) {
      const { body } = await get(`/quotes?speaker=${speaker}`);
      expect(body.items).toHaveLength(4);
      expect(new Set(body.items.map((q: { speaker: { name: string } }) => q.speaker.name))).toEqual(
        new Set(['Alexander Lukashenko']),
      );
    }
  });

  it("lists an article's quotes in document order", async () => {
    const { body } = await get('/quotes?speaker=Lukashenko');
    expect(body.items.map((q: { cue: string }) => q.cue)).toEqual(['stated', 'declared', 'said', 'shared']);
  });

  it('searches quote text', async () => {
    const { body } = await get('/quotes?q=credo');
    expect(body.items).toHaveLength(1);
    expect(body.items[0].text).toMatch(/^This is my credo/);
  });
});

describe('GET /prices', () => {
  it('lists the three BYN header prices of the seed with exact amounts', async () => {
    const { body } = await get('/prices?currency=BYN&to=2099-01-01&person=Lukashenko');
    expect(body.items.map((p: { amount: string; currency: string }) => `${p.amount} ${p.currency}`)).toEqual([
      '3.71 BYN',
      '2.99 BYN',
      '3.49 BYN',
    ]);
    expect(body.items.every((p: { location: string }) => p.location === 'header')).toBe(true);
  });

  it('bounds amounts inclusively', async () => {
    const { body } = await get('/prices?currency=BYN&min=3&max=3.71');
    expect(body.items.map((p: { amount: string }) => p.amount).sort()).toEqual(['3.49', '3.71']);
  });
});

describe('GET /people', () => {
  it('lists everyone in name order without a query', async () => {
    const { status, body } = await get('/people');
    expect(status).toBe(200);
    const names = body.items.map((p: { name: string }) => p.name);
    expect(names).toContain('Alexander Lukashenko');
    expect(names).toEqual([...names].sort());
  });

  it('searches names and aliases and counts articles and quotes', async () => {
    const { body } = await get('/people?q=lukash');
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ name: 'Alexander Lukashenko', articleCount: 1, quoteCount: 4 });
    expect(body.items[0].aliases).toContain('Lukashenko');
  });

  it('returns a person by slug or id with quotes and articles', async () => {
    const bySlug = await get('/people/alexander-lukashenko');
    expect(bySlug.status).toBe(200);
    expect(bySlug.body.quotes).toHaveLength(4);
    expect(bySlug.body.articles).toHaveLength(1);
    const byId = await get(`/people/${bySlug.body.id}`);
    expect(byId.body.name).toBe('Alexander Lukashenko');
  });
});
