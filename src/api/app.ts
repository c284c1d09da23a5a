/**
 * The archive's HTTP API as one Fastify plugin tree. `buildApp` is the only way the app is made:
 * the server, the tests and the benchmarks all call it.
 */
import { randomUUID } from 'node:crypto';
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import etag from '@fastify/etag';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import database from './plugins/database.ts';
import { notFoundHandler, problemHandler } from './errors.ts';
import articles from './routes/articles.ts';
import articleExport from './routes/export.ts';
import health from './routes/health.ts';
import people from './routes/people.ts';
import prices from './routes/prices.ts';
import quotes from './routes/quotes.ts';
import search from './routes/search.ts';
import stats from './routes/stats.ts';
import { sharedSchemas } from './schemas.ts';
import web, { sendNotFound, wantsHtml } from '../web/plugin.ts';

export interface AppOptions {
  databaseUrl: string;
  logger?: FastifyServerOptions['logger'];
  /** Allowed CORS origins: true for any, false for none, or a list. */
  corsOrigin?: boolean | string[];
  /** Memory budget of the GET /articles/:id cache in MB (default 64; 0 turns it off). */
  articleCacheMb?: number;
}

export const API_VERSION = '0.1.0';

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // Long queries are refused by the schemas; this bounds the whole URL before parsing.
    routerOptions: { maxParamLength: 500 },
    // Errors Fastify raises before routing (a bad URL encoding) are problems like any other.
    // (The onSend hook below does not run for them: the request id header is set here.)
    frameworkErrors: (error, request, reply) => {
      void problemHandler(error, request, reply.header('x-request-id', request.id));
    },
    ajv: {
      // Unknown parameters are a mistake worth a 400, not something to drop silently.
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler(problemHandler);
  // Browsers get the web pages' 404 page; API clients the problem document.
  app.setNotFoundHandler((request, reply) =>
    wantsHtml(request)
      ? sendNotFound(reply, `Nothing at ${request.url.split('?')[0]}.`)
      : notFoundHandler(request, reply),
  );
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  for (const schema of sharedSchemas) app.addSchema(schema);

  await app.register(database, {
    databaseUrl: options.databaseUrl,
    articleCacheBytes: (options.articleCacheMb ?? 64) * 1024 * 1024,
  });
  await app.register(cors, { origin: options.corsOrigin ?? false });
  await app.register(compress, { threshold: 1024 });
  await app.register(etag);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'news-archive API',
        version: API_VERSION,
        description: 'People, direct quotes and prices extracted from news articles, with full-text search.',
      },
      tags: [
        { name: 'search', description: 'Full-text search with snippets and facets' },
        { name: 'articles' },
        { name: 'people' },
        { name: 'quotes' },
        { name: 'prices' },
        { name: 'meta' },
      ],
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(health);
  await app.register(articles);
  await app.register(people);
  await app.register(quotes);
  await app.register(prices);
  await app.register(search);
  await app.register(stats);
  await app.register(articleExport);
  // The web pages (src/web/), at / beside the API's paths.
  await app.register(web);
  return app;
}
