import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { FilterQuery, errorResponses } from '../schemas.ts';

/** On sampled facets (/search with approximate: true) only. */
const margin = {
  margin: Type.Optional(
    Type.Integer({ description: 'Sampled facets only: 95% margin of the count (count ± margin)' }),
  ),
};

const PersonCount = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  slug: Type.String(),
  count: Type.Integer(),
  ...margin,
});

export const FacetsSchema = Type.Object({
  people: Type.Array(PersonCount, { description: 'People mentioned, by number of articles' }),
  speakers: Type.Array(PersonCount, { description: 'People quoted, by number of quotes' }),
  currencies: Type.Array(
    Type.Object({
      currency: Type.String({ description: 'ISO 4217 code' }),
      prices: Type.Integer({ description: 'Price mentions in this currency' }),
      articles: Type.Integer({ description: 'Articles with at least one such price' }),
      ...margin,
    }),
    { description: 'By number of price mentions' },
  ),
  months: Type.Array(
    Type.Object({
      month: Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'YYYY-MM (UTC)' }),
      articles: Type.Integer(),
      ...margin,
    }),
    { description: 'Articles per month of their date, in calendar order' },
  ),
});

const ArchiveStats = Type.Composite([
  Type.Object({
    totals: Type.Object({
      articles: Type.Integer(),
      people: Type.Integer(),
      speakers: Type.Integer({ description: 'People quoted at least once' }),
      quotes: Type.Integer(),
      prices: Type.Integer({ description: 'Price mentions' }),
    }),
    range: Type.Object({
      first: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
        description: 'Earliest article date',
      }),
      last: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
        description: 'Latest article date',
      }),
    }),
  }),
  FacetsSchema,
]);

const Decimal = (description: string) => Type.String({ pattern: '^-?\\d+(\\.\\d+)?$', description });

const PriceStats = Type.Object({
  currencies: Type.Array(
    Type.Object({
      currency: Type.String({ description: 'ISO 4217 code' }),
      count: Type.Integer({ description: 'Price mentions' }),
      min: Decimal('Smallest amount, exact'),
      max: Decimal('Largest amount, exact'),
      median: Decimal('Middle amount; for an even count the exact mean of the two middle amounts'),
    }),
    { description: 'One entry per currency, most mentioned first' },
  ),
});

const { q, person, speaker, currency, min, max, from, to, source, lang } = FilterQuery;

const stats: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/stats',
    {
      schema: {
        summary: 'Totals, top people and speakers, currencies and articles per month of the whole archive',
        tags: ['meta'],
        querystring: Type.Object(
          {
            top: Type.Optional(
              Type.Integer({
                minimum: 1,
                maximum: 100,
                default: 10,
                description: 'Length of the people and speaker lists',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: ArchiveStats, ...errorResponses },
      },
    },
    async (request) => app.archive.stats(request.query.top),
  );

  app.get(
    '/prices/stats',
    {
      schema: {
        summary: 'Price statistics per currency: count, min, max and median (exact decimals)',
        description:
          'Takes the filters of /prices: `currency`, `min` and `max` apply to the price itself, the others to its article.',
        tags: ['prices'],
        querystring: Type.Object(
          {
            q: Type.Optional(q),
            person: Type.Optional(person),
            speaker: Type.Optional(speaker),
            currency: Type.Optional(currency),
            min: Type.Optional(min),
            max: Type.Optional(max),
            from: Type.Optional(from),
            to: Type.Optional(to),
            source: Type.Optional(source),
            lang: Type.Optional(lang),
          },
          { additionalProperties: false },
        ),
        response: { 200: PriceStats, ...errorResponses },
      },
    },
    async (request) => app.archive.priceStats(request.query),
  );
};

export default stats;
