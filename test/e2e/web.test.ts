/**
 * The web pages over HTTP (no browser): each page renders from the seeded archive, every string
 * from an article is escaped, every page carries the CSP, errors and unknown ids are pages.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApp } from '../helpers/app.ts';
import { XSS_BYLINE, XSS_TITLE, addXssArticle } from './web-fixtures.ts';

let app: FastifyInstance;
let close: () => Promise<void>;
let xssId: number;

const get = async (url: string, accept = 'text/html') => {
  const response = await app.inject({ method: 'GET', url, headers: { accept } });
  return { status: response.statusCode, body: response.body, headers: response.headers };
};

/** No markup from an article survives: the only script is ours, no event handler attribute. */
const expectNoInjectedMarkup = (body: string) => {
  expect(body).not.toMatch(/<script>alert|<img[^>]*onerror/i);
  expect(body.match(/<script\b[^>]*>/g)).toEqual(['<script src="/assets/web.js" defer>']);
  expect(body).not.toMatch(/<[^>]*\son[a-z]+=/i);
  expect(body).not.toMatch(/\sstyle=|<style/);
};

const seedArticleId = async () => {
  const { body } = await get('/articles?person=Lukashenko', 'application/json');
  return (JSON.parse(body) as { items: { id: number }[] }).items[0]!.id;
};

beforeAll(async () => {
  const seeded = await seededApp();
  ({ app, close } = seeded);
  xssId = await addXssArticle(seeded.url);
});
afterAll(() => close());

describe('search page', () => {
  it('serves / with the CSP, labelled form and skip link', async () => {
    const { status, body, headers } = await get('/');
    expect(status).toBe(200);
    expect(headers['content-type']).toMatch(/^text\/html/);
    expect(headers['content-security-policy']).toMatch(
      /default-src 'self'; script-src 'self'; style-src 'self'/,
    );
    expectNoInjectedMarkup(body);
    expect(body).toContain('<label for="q">');
    for (const name of ['person', 'speaker', 'currency', 'min', 'max', 'from', 'to', 'source']) {
      expect(body).toContain(`<label for="f-${name}">`);
    }
    expect(body).toContain('href="#main"');
  });

  it('shows ranked hits with snippets, facets that add a filter and a month histogram', async () => {
    const { status, body } = await get('/?q=relations');
    expect(status).toBe(200);
    expect(body).toMatch(/<mark>relations<\/mark>/i);
    expect(body).toContain('href="/?q=relations&amp;person=alexander-lukashenko"');
    expect(body).toContain('href="/?q=relations&amp;speaker=alexander-lukashenko"');
    expect(body).toMatch(
      /<svg class="histogram"[\s\S]*<a href="\/\?q=relations&amp;from=\d{4}-\d{2}-01&amp;to=\d{4}-\d{2}-\d{2}"/,
    );
  });

  it('escapes snippets from the search service once, never twice', async () => {
    const { body } = await get('/?q=policy');
    expectNoInjectedMarkup(body);
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).not.toContain('&amp;lt;');
  });

  it('reports a bad query or filter on the page with a 400, the form kept', async () => {
    const bad = await get('/?q=%22unclosed');
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('role="alert"');
    expect(bad.body).toContain('value="&quot;unclosed"');
    const badCurrency = await get('/?currency=dollars');
    expect(badCurrency.status).toBe(400);
    expect(badCurrency.body).toMatch(/currency: ISO 4217/);
    expect((await get('/?q=x&cursor=garbage')).status).toBe(400);
  });

  it('lists the newest articles matching filters when there is no query, with their facets', async () => {
    const { status, body } = await get('/?person=Lukashenko&min=&max=');
    expect(status).toBe(200);
    expect(body).toContain('Matching articles, newest first');
    expect(body).toContain('Lukashenko Discussed Soros');
    expect(body).toContain('Remove filter Person mentioned');
  });
});

describe('article page', () => {
  it('marks the four Lukashenko quotes, the mentions and the prices in place, with a fact list', async () => {
    const { status, body } = await get(`/a/${await seedArticleId()}`);
    expect(status).toBe(200);
    const quotes = [
      ...body.matchAll(/<span class="fact quote" id="(quote-\d+)" data-speaker="Alexander Lukashenko">/g),
    ];
    expect(quotes).toHaveLength(4);
    for (const [, id] of quotes) expect(body).toContain(`href="#${id}"`);
    expect(body.match(/<mark class="fact price" id="price-\d+" title="[\d.]+ BYN">/g)).toHaveLength(3);
    expect(body).toMatch(/<a class="fact person" id="mention-\d+-0" href="\/p\/alexander-lukashenko"/);
    expect(body).toContain('<span class="source-path">');
  });

  it('shows every field of an article that tries to inject markup as text', async () => {
    const { status, body } = await get(`/a/${xssId}`);
    expect(status).toBe(200);
    expectNoInjectedMarkup(body);
    expect(body).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; Minsk &lt;img src=x onerror=alert(1)&gt; report',
    );
    expect(body).toContain(
      `<span class="byline">${XSS_BYLINE.replace('<', '&lt;').replace('>', '&gt;')}</span>`,
    );
    expect(XSS_TITLE).toContain('<script>');
  });

  it('answers unknown or malformed ids with the 404 page', async () => {
    for (const url of ['/a/999999', '/a/abc', '/p/nobody-at-all', '/currency/XYZ', '/currency/toolong']) {
      const { status, body, headers } = await get(url);
      expect(status, url).toBe(404);
      expect(headers['content-type']).toMatch(/^text\/html/);
      expect(body).toContain('<h1>Not found</h1>');
    }
  });

  it('gives browsers the 404 page for unknown paths and API clients the problem document', async () => {
    expect((await get('/no/such/page')).body).toContain('<h1>Not found</h1>');
    const api = await get('/no/such/page', 'application/json');
    expect(api.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});

describe('person, prices and overview pages', () => {
  it('shows a person with their quotes (searchable), timeline and co-mentioned people', async () => {
    const { status, body } = await get('/p/alexander-lukashenko');
    expect(status).toBe(200);
    expect(body).toContain('<h1>Alexander Lukashenko</h1>');
    expect(body.match(/<li>\s*<blockquote>/g)).toHaveLength(4);
    expect(body).toMatch(/<svg class="histogram"/);
    expect(body).toContain('People in the same articles');
    const searched = await get('/p/alexander-lukashenko?q=credo');
    expect(searched.body.match(/<li>\s*<blockquote>/g)).toHaveLength(1);
  });

  it('charts a currency: one linked point per mention, the median line and the statistics', async () => {
    const { status, body } = await get('/currency/byn');
    expect(status).toBe(200);
    const points = body.match(/<a href="\/a\/\d+#price-\d+" class="point"/g) ?? [];
    expect(points).toHaveLength(4); // the seed's three and the fixture's 2.40 BYN
    expect(body).toContain('<polyline class="median"');
    expect(body).toMatch(
      /<th scope="row"><a href="\/currency\/BYN">BYN<\/a><\/th>\s*<td>4<\/td>\s*<td>2.4<\/td>/,
    );
  });

  it('lists every currency and the overview totals', async () => {
    expect((await get('/currency')).body).toContain('href="/currency/BYN"');
    const { status, body } = await get('/overview');
    expect(status).toBe(200);
    expect(body).toMatch(/<dt>Articles<\/dt>\s*<dd>2<\/dd>/);
    expect(body).toContain('Most quoted speakers');
  });

  it('serves its assets with their types', async () => {
    expect((await get('/assets/web.css')).headers['content-type']).toMatch(/^text\/css/);
    expect((await get('/assets/web.js')).headers['content-type']).toMatch(/^text\/javascript/);
    expect((await get('/assets/nope.js')).status).toBe(404);
  });
});

describe('search paging', () => {
  it('follows the next link to page 2, which keeps the query and leaves the counts to page 1', async () => {
    const first = await get('/?q=relations&type=quotes&cursor=');
    expect(first.status, first.body.match(/role="alert">([^<]*)/)?.[1]).toBe(200);
    // Fewer than a page of hits in the seed: no next link.
    expect(first.body).not.toContain('rel="next"');
    const search = await app.inject({ method: 'GET', url: '/search?q=relations&type=quotes&limit=1' });
    expect(search.statusCode, search.body).toBe(200);
    const cursor = (JSON.parse(search.body) as { nextCursor: string }).nextCursor;
    const second = await get(`/?q=relations&type=quotes&cursor=${encodeURIComponent(cursor)}`);
    expect(second.status, second.body.match(/role="alert">([^<]*)/)?.[1]).toBe(200);
    expect(second.body).toContain('Counts and the histogram are on the');
    expect(second.body).toContain('href="/?q=relations&amp;type=quotes"');
  });
});

describe('failures', () => {
  it('shows a failing service as an error page in the layout, not JSON, and logs it', async () => {
    const stats = app.archive.stats.bind(app.archive);
    app.archive.stats = () => Promise.reject(new Error('disk on fire'));
    try {
      const { status, body, headers } = await get('/overview');
      expect(status).toBe(500);
      expect(headers['content-type']).toMatch(/^text\/html/);
      expect(headers['content-security-policy']).toContain("script-src 'self'");
      expect(body).toContain('<h1>Something went wrong</h1>');
      expect(body).not.toContain('disk on fire');
    } finally {
      app.archive.stats = stats;
    }
  });
});
