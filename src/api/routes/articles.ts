import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { notFound } from '../errors.ts';
import { FilterQuery, PageQuery, errorResponses, pageOf } from '../schemas.ts';

const articles: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/articles',
    {
      schema: {
        summary: 'List articles, newest first',
        description: 'Filters combine with AND. `q` is a full-text query over title, lead and body.',
        tags: ['articles'],
        querystring: Type.Object({ ...FilterQuery, ...PageQuery }, { additionalProperties: false }),
        response: { 200: pageOf(Type.Ref('ArticleSummary')), ...errorResponses },
      },
    },
    async (request) => app.archive.listArticles(request.query),
  );

  app.get(
    '/articles/:id',
    {
      schema: {
        summary: 'One article with its people, quotes and prices',
        tags: ['articles'],
        params: Type.Object({ id: Type.Integer({ minimum: 1, description: 'Article id' }) }),
        response: { 200: Type.Ref('ArticleDetail'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const article = await app.archive.article(request.params.id);
      if (article === null) throw notFound(`No article has id ${request.params.id}`);
      // Already JSON, built by SQLite (and its ETag computed once): sent as it is.
      return reply.header('etag', article.etag).type('application/json; charset=utf-8').send(article.json);
    },
  );
};

export default articles;
