import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listPrices } from '../../db/queries/prices.ts';
import { FilterQuery, PageQuery, errorResponses, pageOf } from '../schemas.ts';
import { pageParams, toArchiveFilters } from '../filters.ts';

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
    async (request) => {
      const { limit, cursor, ...query } = request.query;
      return listPrices(app.db, toArchiveFilters(query), pageParams(limit, cursor));
    },
  );
};

export default prices;
