import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { FilterQuery, PageQuery, errorResponses, pageOf } from '../schemas.ts';

const prices: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/prices',
    {
      schema: {
        summary: 'List price mentions, newest article first',
        description: '`currency`, `min` and `max` apply to the price itself; other filters to its article.',
        tags: ['prices'],
        querystring: Type.Object({ ...FilterQuery, ...PageQuery }, { additionalProperties: false }),
        response: { 200: pageOf(Type.Ref('Price')), ...errorResponses },
      },
    },
    async (request) => app.archive.listPrices(request.query),
  );
};

export default prices;
