import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { FilterQuery, PageQuery, errorResponses, pageOf } from '../schemas.ts';

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
    async (request) => app.archive.listQuotes(request.query),
  );
};

export default quotes;
