import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchSyntaxError } from '../../src/db/fts-query.ts';
import { ftsErrorsAsSyntaxErrors, renderSnippet } from '../../src/db/queries/search.ts';
import { ingestDocument } from '../../src/ingest/ingest.ts';
import type { SqliteStore } from '../../src/db/sqlite/store.ts';
import { seededApp } from '../helpers/app.ts';
import { testDialect } from '../helpers/database.ts';

let app: FastifyInstance;
let close: () => Promise<void>;
let databaseUrl: string;

interface Hit {
  id: number;
  title: string;
  snippet: string;
  score: number;
}
interface QuoteHit {
  id: number;
  text: string;
  snippet: string;
  score: number;
  speaker: { name: string } | null;
}
interface SearchBody {
  query: { q: string; match: string; type: string };
  articles?: { items: Hit[]; more: boolean };
  quotes?: { items: QuoteHit[]; more: boolean };
  nextCursor: string | null;
  facets?: {
    total: { articles: number; quotes: number };
    people: { name: string; count: number }[];
    speakers: { name: string; count: number }[];
    currencies: { currency: string; prices: number; articles: number }[];
    months: { month: string; articles: number }[];
  };
}

const search = async (params: Record<string, string | number | boolean>) => {
  const url = `/search?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
  const response = await app.inject({ method: 'GET', url });
  return {
    status: response.statusCode,
    body: response.json<SearchBody>(),
    type: response.headers['content-type'],
  };
};
const titles = (body: SearchBody) => body.articles!.items.map((hit) => hit.title);

const SEED = 'Lukashenko Discussed Soros’ Visit to Minsk and Efforts to "Separate" Belarus from Russia';
const POTASH = 'New Sanctions Hit Minsk Potash Exports';
const GRAIN = 'Grain Harvest Falls Short in Gomel Region';
const FESTIVAL = 'Tom & Jerry <script>alert(1)</script> Festival Opens in Brest';

const DOCUMENTS = [
  {
    source: 'https://example.com/news/1',
    publishedAt: '2024-01-10T09:00:00Z',
    text: [
      '$12.50',
      POTASH,
      '',
      'Opposition leader Sviatlana Tsikhanouskaya welcomed the measures announced on Tuesday in Vilnius.',
      '“These sanctions will stop the regime from buying more weapons,” Tsikhanouskaya said.',
      'Potash producer Belaruskali lost an estimated $4.5 million a day, analysts said.',
    ],
  },
  {
    source: 'https://example.com/news/2',
    publishedAt: '2023-11-05T12:00:00Z',
    text: [
      GRAIN,
      '',
      'Farmers in the Gomel region reported a poor harvest after a dry summer.',
      'Agriculture minister Ivan Petrovich said the shortfall was temporary. “We will import grain from Russia if we must,” Petrovich said.',
      'Bread now costs 2.10 BYN in Gomel shops, and economists blame the western sanctions for higher fertiliser costs.',
    ],
  },
  {
    source: 'files/festival.txt',
    publishedAt: '2022-06-01T18:30:00Z',
    text: [
      FESTIVAL,
      '',
      'The festival of animated films opened in Brest with a screening for children & families.',
      'Organiser Anna Kovalchuk said: “Cartoons are for everyone, <b>big</b> & small.”',
      'Tickets cost €15 for adults.',
    ],
  },
];

beforeAll(async () => {
  ({ app, close, url: databaseUrl } = await seededApp());
  for (const doc of DOCUMENTS) {
    await ingestDocument(databaseUrl, {
      source: doc.source,
      format: 'text',
      text: doc.text.join('\n'),
      publishedAt: new Date(doc.publishedAt),
    });
  }
});
afterAll(() => close());

describe('GET /search', () => {
  it('ranks articles by bm25 with the title weighted above lead and body', async () => {
    const { status, body } = await search({ q: 'sanctions' });
    expect(status).toBe(200);
    expect(body.query).toEqual({ q: 'sanctions', match: '"sanctions"', type: 'all', sort: 'relevance' });
    expect(titles(body)[0]).toBe(POTASH); // the only title hit
    expect(new Set(titles(body))).toEqual(new Set([POTASH, SEED, GRAIN]));
    const scores = body.articles!.items.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(body.articles!.more).toBe(false);
    expect(body.nextCursor).toBeNull();
  });

  it('returns quotes as a second ranked list, with highlighted snippets', async () => {
    const { body } = await search({ q: 'sanctions' });
    expect(body.quotes!.items).toHaveLength(1);
    expect(body.quotes!.items[0]).toMatchObject({ speaker: { name: 'Sviatlana Tsikhanouskaya' } });
    expect(body.quotes!.items[0]!.snippet).toContain('These <mark>sanctions</mark> will stop');
    for (const hit of body.articles!.items) expect(hit.snippet).toMatch(/<mark>sanctions<\/mark>/i);
  });

  it('returns only the list the type asks for', async () => {
    const articles = await search({ q: 'sanctions', type: 'articles' });
    expect(articles.body.articles!.items).toHaveLength(3);
    expect(articles.body.quotes).toBeUndefined();
    const quotes = await search({ q: 'sanctions', type: 'quotes' });
    expect(quotes.body.articles).toBeUndefined();
    expect(quotes.body.quotes!.items).toHaveLength(1);
    expect((await search({ q: 'sanctions', type: 'everything' })).status).toBe(400);
  });

  it('takes custom snippet markers and escapes the text for HTML unless told not to', async () => {
    const custom = await search({ q: 'sanctions', type: 'quotes', markStart: '[[', markEnd: ']]' });
    expect(custom.body.quotes!.items[0]!.snippet).toContain('These [[sanctions]] will');
    const escaped = await search({ q: 'festival', type: 'articles' });
    expect(escaped.body.articles!.items[0]!.snippet).toContain(
      'Tom &amp; Jerry &lt;script&gt;alert(1)&lt;/script&gt; <mark>Festival</mark>',
    );
    const raw = await search({ q: 'festival', type: 'articles', escape: 'none' });
    expect(raw.body.articles!.items[0]!.snippet).toContain(
      'Tom & Jerry <script>alert(1)</script> <mark>Festival</mark>',
    );
    expect(
      renderSnippet('a < \u0002b\u0003', { markStart: '<em>', markEnd: '</em>', escapeHtml: true }),
    ).toBe('a &lt; <em>b</em>');
  });

  it.each([
    ['"normal relations"', [SEED]],
    ['potas*', [POTASH]],
    ['sanctions NOT potash', [SEED, GRAIN]],
    ['harvest OR festival', [GRAIN, FESTIVAL]],
    ['sanctions AND (Gomel OR Vilnius)', [POTASH, GRAIN]],
    ['NEAR(grain Russia, 5)', [GRAIN]],
    ['U.S.', [SEED]],
    ['Belarus-U.S.', [SEED]],
    ["Tsikhanouskaya's", []],
    ['3.71', []], // header lines are not indexed
    ['2.10', [GRAIN]],
    ['“normal relations”', [SEED]],
  ])('q=%s finds the right articles', async (q, expected) => {
    const { status, body } = await search({ q, type: 'articles' });
    expect(status).toBe(200);
    expect(new Set(titles(body))).toEqual(new Set(expected));
  });

  it.each([
    ['"unclosed', /Unbalanced double quote/],
    ['(sanctions', /parenthesis/],
    ['sanctions AND', /ends with AND/],
    ['NOT sanctions', /NOT needs a search term/],
    ['NEAR(sanctions)', /NEAR/],
    ['sanc*tions', /only allowed at the end of a word/],
    ['!!! ???', /no words to search for/],
    ['', /q must NOT have fewer than 1 characters/],
    ['a'.repeat(501), /q must NOT have more than 500 characters/],
  ])('q=%s → 400 problem document', async (q, message) => {
    const { status, body, type } = await search({ q });
    expect(status).toBe(400);
    expect(type).toMatch(/^application\/problem\+json/);
    expect((body as unknown as { detail: string }).detail).toMatch(message);
  });

  it('requires q', async () => {
    const response = await app.inject({ method: 'GET', url: '/search' });
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toMatch(/required property 'q'/);
  });

  // SQLite only: PostgreSQL's tsquery is built from bound words, so it has no syntax to get wrong.
  it.skipIf(testDialect !== 'sqlite')(
    'turns an FTS5 syntax error from SQLite into a SearchSyntaxError (a 400)',
    async () => {
      const run = () =>
        (app.archive.store as SqliteStore).prisma.$queryRawUnsafe(
          'SELECT rowid FROM "articles_fts" WHERE "articles_fts" MATCH ?',
          '"a" NOT',
        );
      await expect(ftsErrorsAsSyntaxErrors(run)).rejects.toBeInstanceOf(SearchSyntaxError);
      await expect(ftsErrorsAsSyntaxErrors(run)).rejects.toThrow(
        /search engine rejected the query \(syntax error/,
      );
      await expect(
        ftsErrorsAsSyntaxErrors(() => Promise.reject(new Error('disk I/O error'))),
      ).rejects.not.toBeInstanceOf(SearchSyntaxError);
    },
  );
});

describe('GET /search filters', () => {
  it.each([
    ['person', { q: 'sanctions', person: 'Tsikhanouskaya' }, [POTASH]],
    ['person by slug', { q: 'sanctions', person: 'alexander-lukashenko' }, [SEED]],
    ['speaker', { q: 'sanctions', speaker: 'Ivan Petrovich' }, [GRAIN]],
    ['currency', { q: 'sanctions', currency: 'usd' }, [POTASH]],
    ['min', { q: 'sanctions', min: '1000' }, [POTASH]],
    ['max', { q: 'sanctions', currency: 'BYN', max: '3' }, [SEED, GRAIN]],
    ['from/to', { q: 'sanctions', from: '2024-01-01', to: '2024-01-31' }, [POTASH]],
    ['to only', { q: 'sanctions', to: '2023-12-31' }, [GRAIN]],
    ['source', { q: 'sanctions', source: 'https://example.com/' }, [POTASH, GRAIN]],
    [
      'combined',
      {
        q: 'sanctions',
        currency: 'BYN',
        from: '2023-01-01',
        to: '2023-12-31',
        source: 'https://example.com/news/',
      },
      [GRAIN],
    ],
    ['combined, nothing left', { q: 'sanctions', person: 'Tsikhanouskaya', currency: 'BYN' }, []],
    ['unknown person', { q: 'sanctions', person: 'Nobody Known' }, []],
  ])('%s', async (_name, params, expected) => {
    const { status, body } = await search({ ...params, type: 'articles' });
    expect(status).toBe(200);
    expect(new Set(titles(body))).toEqual(new Set(expected));
  });

  it('applies speaker to the quote itself and the other filters to its article', async () => {
    const bySpeaker = await search({ q: 'sanctions OR grain', type: 'quotes', speaker: 'Petrovich' });
    expect(bySpeaker.body.quotes!.items.map((hit) => hit.speaker?.name)).toEqual(['Ivan Petrovich']);
    const byDate = await search({ q: 'sanctions OR grain', type: 'quotes', from: '2024-01-01' });
    expect(byDate.body.quotes!.items.map((hit) => hit.speaker?.name)).toEqual(['Sviatlana Tsikhanouskaya']);
  });

  it('rejects filters that cannot hold', async () => {
    expect((await search({ q: 'sanctions', min: '10', max: '1' })).status).toBe(400);
    expect((await search({ q: 'sanctions', from: '2024-02-30' })).status).toBe(400);
    expect((await search({ q: 'sanctions', currency: 'EURO' })).status).toBe(400);
    expect((await search({ q: 'sanctions', unknown: 'x' })).status).toBe(400);
  });
});

describe('GET /search facets', () => {
  it('counts the whole result set: totals, people, speakers, currencies, months', async () => {
    const { body } = await search({ q: 'sanctions', facets: true, limit: 1 });
    expect(body.articles!.items).toHaveLength(1);
    expect(body.facets!.total).toEqual({ articles: 3, quotes: 1 });
    expect(body.facets!.people.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Alexander Lukashenko', 'Sviatlana Tsikhanouskaya', 'Ivan Petrovich']),
    );
    expect(body.facets!.people.every((p) => p.count === 1)).toBe(true);
    expect(body.facets!.speakers).toEqual([
      expect.objectContaining({ name: 'Sviatlana Tsikhanouskaya', count: 1 }),
    ]);
    expect(body.facets!.currencies).toEqual(
      expect.arrayContaining([
        { currency: 'BYN', prices: 4, articles: 2 },
        { currency: 'USD', prices: 2, articles: 1 },
      ]),
    );
    expect(body.facets!.months).toEqual(
      expect.arrayContaining([
        { month: '2023-11', articles: 1 },
        { month: '2024-01', articles: 1 },
      ]),
    );
    expect(body.facets!.months.reduce((n, m) => n + m.articles, 0)).toBe(3);
  });

  it('follows the filters and the type', async () => {
    const filtered = await search({ q: 'sanctions', facets: true, currency: 'BYN' });
    expect(filtered.body.facets!.total).toEqual({ articles: 2, quotes: 0 });
    const quotes = await search({ q: 'grain', type: 'quotes', facets: true });
    expect(quotes.body.facets!.total).toEqual({ articles: 0, quotes: 1 });
    expect(quotes.body.facets!.people.map((p) => p.name)).toEqual(['Ivan Petrovich']);
    expect(quotes.body.facets!.speakers.map((p) => p.name)).toEqual(['Ivan Petrovich']);
    const none = await search({ q: 'sanctions' });
    expect(none.body.facets).toBeUndefined();
  });
});

describe('GET /search cursors', () => {
  it('walks both lists page by page, every hit once, best first', async () => {
    const params = { q: 'sanctions OR grain OR festival OR relations', limit: 1 };
    const articleIds: number[] = [];
    const quoteIds: number[] = [];
    let lastArticleScore = Infinity;
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { status, body } = await search({ ...params, ...(cursor && { cursor }) });
      expect(status).toBe(200);
      for (const hit of body.articles!.items) {
        expect(hit.score).toBeLessThanOrEqual(lastArticleScore);
        lastArticleScore = hit.score;
        articleIds.push(hit.id);
      }
      quoteIds.push(...body.quotes!.items.map((hit) => hit.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    const { body } = await search({ ...params, limit: 100, facets: true });
    expect(articleIds).toEqual(body.articles!.items.map((hit) => hit.id));
    expect(quoteIds).toEqual(body.quotes!.items.map((hit) => hit.id));
    expect(articleIds).toHaveLength(body.facets!.total.articles);
    expect(quoteIds).toHaveLength(body.facets!.total.quotes);
    expect(new Set(articleIds).size).toBe(articleIds.length);
    expect(pages).toBe(Math.max(articleIds.length, quoteIds.length));
  });

  it('refuses a cursor of another search, type or list', async () => {
    const first = await search({ q: 'sanctions', limit: 1 });
    const cursor = first.body.nextCursor!;
    expect(cursor).toEqual(expect.any(String));
    expect((await search({ q: 'sanctions', limit: 1, cursor })).status).toBe(200);
    const otherQuery = await search({ q: 'grain', limit: 1, cursor });
    expect(otherQuery.status).toBe(400);
    expect((otherQuery.body as unknown as { detail: string }).detail).toMatch(/another search/);
    expect((await search({ q: 'sanctions', limit: 1, cursor, person: 'Lukashenko' })).status).toBe(400);
    expect((await search({ q: 'sanctions', limit: 1, cursor, type: 'articles' })).status).toBe(400);
    expect((await search({ q: 'sanctions', cursor: 'garbage' })).status).toBe(400);
    const articlesCursor = (await app.inject({ method: 'GET', url: '/articles?limit=1' })).json().nextCursor;
    expect((await search({ q: 'sanctions', cursor: articlesCursor })).status).toBe(400);
  });

  it('caps limit at 100', async () => {
    expect((await search({ q: 'sanctions', limit: 101 })).status).toBe(400);
    expect((await search({ q: 'sanctions', limit: 0 })).status).toBe(400);
    expect((await search({ q: 'sanctions', limit: 100 })).status).toBe(200);
  });
});
