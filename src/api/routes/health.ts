import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../schemas.ts';

const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        summary: 'Liveness and database reachability',
        tags: ['meta'],
        response: {
          200: Type.Object({ status: Type.Literal('ok'), articles: Type.Integer() }),
          ...errorResponses,
        },
      },
    },
    async () => app.archive.health(),
  );
};

export default health;
