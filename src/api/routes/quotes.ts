import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listQuotes } from '../../db/queries/quotes.ts';
import { FilterQuery, PageQuery, errorResponses, pageOf } from '../schemas.ts';
import { pageParams, toArchiveFilters } from '../filters.ts';

const quotes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/quotes',
    {
      schema: {
        summary: 'List direct quotes, newest article first',
        description:
          '`q` is a full-text query over the quote text; `speaker` the person quoted; other filters apply to the article.',
        tags: ['quotes'],
        querystring: Type.Object({ ...FilterQuery, ...PageQuery }, { additionalProperties: false }),
        response: { 200: pageOf(Type.Ref('Quote')), ...errorResponses },
      },
    },
    async (request) => {
      const { limit, cursor, ...query } = request.query;
      return listQuotes(app.db, toArchiveFilters(query), pageParams(limit, cursor));
    },
  );
};

export default quotes;
