/**
 * The web pages as one Fastify plugin, registered at `/` beside the API. Every page is built from
 * the archive's services (`app.archive`), never from a query of its own; this module only turns
 * URLs into service calls and service results into pages. Each page carries its own
 * Content-Security-Policy (no inline script, no inline style); every error is a page in the
 * layout, not a JSON problem.
 */
import fs from 'node:fs';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { FilterQuery, PageQuery } from '../api/schemas.ts';
import { InvalidCursorError, InvalidInputError, SearchSyntaxError } from '../archive/errors.ts';
import { invalidParameter } from '../archive/filter-schema.ts';
import type { Html } from './html.ts';
import { CSP, errorPage } from './layout.ts';
import { articlePage, type ArticleDetail } from './pages/article.ts';
import { overviewPage } from './pages/overview.ts';
import { personPage } from './pages/person.ts';
import { currenciesPage, currencyPage } from './pages/prices.ts';
import { SEARCH_PARAMS, searchPage, type SearchParams, type SearchView } from './pages/search.ts';

const ASSETS: Record<string, { file: string; type: string }> = {
  'web.css': { file: 'web.css', type: 'text/css; charset=utf-8' },
  'web.js': { file: 'web.js', type: 'text/javascript; charset=utf-8' },
};

/** The paths of the pages (not API operations: hidden from the OpenAPI document). */
export const WEB_PATHS = [
  '/',
  '/overview',
  '/a/:id',
  '/p/:slug',
  '/currency',
  '/currency/:code',
  '/assets/:name',
] as const;

const PAGE_SIZE = 20;
/** Points drawn on a price chart: beyond a few hundred an SVG costs more to build and send than it shows. */
const CHART_POINTS = 500;
/** The article filters a currency page takes (the amount bounds are the chart's own business). */
const CURRENCY_FILTERS = ['q', 'person', 'speaker', 'from', 'to', 'source'] as const;
const TOP = 10;

/** The URL's parameters the search page knows, as single non-empty strings (the form sends empty fields). */
function pick<K extends string>(query: unknown, names: readonly K[]): Partial<Record<K, string>> {
  const picked: Partial<Record<K, string>> = {};
  const source = (query ?? {}) as Record<string, unknown>;
  for (const name of names) {
    const raw = source[name];
    const value = Array.isArray(raw) ? (raw[0] as unknown) : raw;
    if (typeof value === 'string' && value.trim() !== '') picked[name] = value.trim();
  }
  return picked;
}

/** The API's own parameter schemas, so that a filter is checked the same way on both doors. */
const ParamsSchema = Type.Object({
  ...FilterQuery,
  cursor: PageQuery.cursor,
  type: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('articles'), Type.Literal('quotes')])),
  sort: Type.Optional(Type.Union([Type.Literal('relevance'), Type.Literal('date')])),
});

const isUserError = (error: unknown) =>
  error instanceof InvalidInputError ||
  error instanceof SearchSyntaxError ||
  error instanceof InvalidCursorError;

function send(reply: FastifyReply, body: Html, status = 200) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .send(body.value);
}

/** 404 in the page layout: also the app's answer to unknown paths asked for by a browser. */
export function sendNotFound(reply: FastifyReply, detail: string) {
  return send(reply, errorPage(404, 'Not found', detail), 404);
}

/** Whether a request for an unknown path should get the HTML 404 (a browser) rather than JSON. */
export const wantsHtml = (request: FastifyRequest) =>
  request.method === 'GET' && /\btext\/html\b/.test(request.headers.accept ?? '');

async function searchView(app: FastifyInstance, params: SearchParams): Promise<SearchView> {
  const invalid = invalidParameter(ParamsSchema, params);
  if (invalid) return { kind: 'error', message: invalid };
  const { q, type, sort, cursor, ...filters } = params;
  try {
    if (q !== undefined) {
      const result = await app.archive.search({
        q,
        ...filters,
        type: (type ?? 'all') as 'all' | 'articles' | 'quotes',
        sort: (sort ?? 'relevance') as 'relevance' | 'date',
        // The facets describe the whole result set: asked for on its first page only.
        facets: cursor === undefined,
        limit: PAGE_SIZE,
        ...(cursor !== undefined && { cursor }),
      });
      return { kind: 'search', result };
    }
    const list = await app.archive.listArticles({
      ...filters,
      limit: PAGE_SIZE,
      ...(cursor !== undefined && { cursor }),
    });
    const filtered = Object.keys(filters).length > 0;
    return {
      kind: 'list',
      articles: list.items,
      nextCursor: list.nextCursor,
      facets: filtered && cursor === undefined ? await app.archive.facets(filters, TOP) : null,
    };
  } catch (error) {
    if (isUserError(error)) return { kind: 'error', message: error.message };
    throw error;
  }
}

const web: FastifyPluginAsync = async (app) => {
  const assets = new Map(
    Object.entries(ASSETS).map(([name, { file, type }]) => [
      name,
      { type, body: fs.readFileSync(new URL(`./assets/${file}`, import.meta.url)) },
    ]),
  );

  app.setErrorHandler((error, request, reply) => {
    if (isUserError(error)) return send(reply, errorPage(400, 'Bad request', error.message), 400);
    request.log.error({ err: error }, 'page failed');
    return send(
      reply,
      errorPage(500, 'Something went wrong', 'The page could not be built; the error has been logged.'),
      500,
    );
  });

  const hidden = { schema: { hide: true } };

  app.get<{ Params: { name: string } }>('/assets/:name', hidden, async (request, reply) => {
    const asset = assets.get(request.params.name);
    if (!asset) return sendNotFound(reply, `No asset ${request.params.name}`);
    return reply.type(asset.type).header('cache-control', 'public, max-age=300').send(asset.body);
  });

  app.get('/', hidden, async (request, reply) => {
    const params = pick(request.query, SEARCH_PARAMS);
    const view = await searchView(app, params);
    return send(reply, searchPage(params, view), view.kind === 'error' ? 400 : 200);
  });

  app.get('/overview', hidden, async (_request, reply) =>
    send(reply, overviewPage(await app.archive.stats(TOP))),
  );

  app.get<{ Params: { id: string } }>('/a/:id', hidden, async (request, reply) => {
    const { id } = request.params;
    const document = /^[1-9]\d{0,15}$/.test(id) ? await app.archive.article(Number(id)) : null;
    if (!document) return sendNotFound(reply, `No article with id ${id}.`);
    return send(reply, articlePage(JSON.parse(String(document.json)) as ArticleDetail));
  });

  app.get<{ Params: { slug: string } }>('/p/:slug', hidden, async (request, reply) => {
    const person = await app.archive.person(request.params.slug);
    if (!person) return sendNotFound(reply, `No person "${request.params.slug}".`);
    const params = pick(request.query, ['q', 'cursor'] as const);
    const speaker = String(person.id);
    const [quotes, facets] = await Promise.all([
      app.archive.listQuotes({ speaker, ...params, limit: PAGE_SIZE }),
      app.archive.personFacets(person.id, TOP),
    ]);
    return send(reply, personPage({ person, quotes, facets, params }));
  });

  app.get('/currency', hidden, async (_request, reply) =>
    send(reply, currenciesPage((await app.archive.priceStats({})).currencies)),
  );

  app.get<{ Params: { code: string } }>('/currency/:code', hidden, async (request, reply) => {
    const { code } = request.params;
    if (!/^[A-Za-z]{3}$/.test(code)) return sendNotFound(reply, `"${code}" is not a currency code.`);
    const currency = code.toUpperCase();
    const filters = pick(request.query, CURRENCY_FILTERS);
    const invalid = invalidParameter(ParamsSchema, filters);
    if (invalid) return send(reply, errorPage(400, 'Bad request', invalid), 400);
    const [series, stats] = await Promise.all([
      app.archive.priceSeries({ ...filters, currency, limit: CHART_POINTS }),
      app.archive.priceStats({ ...filters, currency }),
    ]);
    if (series.total === 0)
      return sendNotFound(
        reply,
        `No prices in ${currency}${Object.keys(filters).length ? ' matching these filters' : ''}.`,
      );
    return send(reply, currencyPage(series, stats.currencies[0], filters));
  });
};

export default web;
