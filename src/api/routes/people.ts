import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { notFound } from '../errors.ts';
import { FilterQuery, FiltersWithoutQ, PageQuery, errorResponses, pageOf } from '../schemas.ts';

const people: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/people',
    {
      schema: {
        summary: 'List people in name order',
        description:
          '`q` searches names and aliases (any part, any case). `text` is a full-text query over their articles; the other filters also keep the people mentioned in matching articles.',
        tags: ['people'],
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 200, description: 'Part of a name or alias' })),
            text: FilterQuery.q,
            ...FiltersWithoutQ,
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: pageOf(Type.Ref('PersonSummary')), ...errorResponses },
      },
    },
    async (request) => {
      const { q, ...query } = request.query;
      return app.archive.listPeople({ ...query, ...(q !== undefined && { name: q }) });
    },
  );

  app.get(
    '/people/:id',
    {
      schema: {
        summary: 'One person with their latest quotes and articles',
        tags: ['people'],
        params: Type.Object({
          id: Type.String({ minLength: 1, maxLength: 200, description: 'Person id or slug' }),
        }),
        response: { 200: Type.Ref('PersonDetail'), ...errorResponses },
      },
    },
    async (request) => {
      const person = await app.archive.person(request.params.id);
      if (!person) throw notFound(`No person has id or slug "${request.params.id}"`);
      return person;
    },
  );
};

export default people;
