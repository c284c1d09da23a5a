import { Readable } from 'node:stream';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { toFtsQuery } from '../../db/fts-query.ts';
import { EXPORT_CONTENT_TYPES, exportChunks, type ExportFormat } from '../../db/queries/export.ts';
import { ftsErrorsAsSyntaxErrors } from '../../db/queries/search.ts';
import { toArchiveFilters } from '../filters.ts';
import { FilterQuery, errorResponses } from '../schemas.ts';

const ExportRecord = Type.Object({
  id: Type.Integer(),
  date: Type.String({ format: 'date-time' }),
  publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  importedAt: Type.String({ format: 'date-time' }),
  title: Type.String(),
  source: Type.String(),
  byline: Type.Union([Type.String(), Type.Null()]),
  wordCount: Type.Integer(),
  people: Type.Array(Type.String(), { description: 'People mentioned, in order of first mention' }),
  quoteCount: Type.Integer(),
  prices: Type.Array(Type.Object({ amount: Type.String(), currency: Type.String() }), {
    description: 'In document order',
  }),
  lead: Type.String(),
  body: Type.String(),
});

const exportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/articles/export',
    {
      schema: {
        summary: 'Export every matching article as NDJSON or CSV (streamed)',
        description: [
          'Takes the filters of /articles and streams **all** matching articles, newest first, with no page limit.',
          'NDJSON: one JSON object per line (see the schema). CSV (RFC 4180, CRLF, header row): the same columns, with',
          '`people` joined by "; " and `prices` as "amount CURRENCY" pairs joined by "; ".',
        ].join('\n'),
        tags: ['articles'],
        querystring: Type.Object(
          {
            format: Type.Optional(
              Type.Union([Type.Literal('ndjson'), Type.Literal('csv')], {
                default: 'ndjson',
                description: 'Output format',
              }),
            ),
            ...FilterQuery,
          },
          { additionalProperties: false },
        ),
        response: {
          200: {
            description: 'The matching articles',
            content: {
              'application/x-ndjson': {
                schema: Type.String({
                  description: 'One record per line',
                  contentMediaType: 'application/x-ndjson',
                  'x-record': ExportRecord,
                }),
              },
              'text/csv': { schema: Type.String({ description: 'Header row then one record per article' }) },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { format = 'ndjson', ...query } = request.query;
      const filters = toArchiveFilters(query);
      if (filters.q !== undefined) toFtsQuery(filters.q); // a bad query is a 400 before anything is sent
      const exportFormat: ExportFormat = format;
      const chunks = exportChunks(app.db, filters, exportFormat);
      // The first batch is read before the response starts, so its errors still become a problem document.
      const first = await ftsErrorsAsSyntaxErrors(() => chunks.next());
      const body = Readable.from(
        (async function* () {
          if (first.done) return;
          yield first.value;
          yield* chunks;
        })(),
      );
      body.on('error', (error) => request.log.error({ err: error }, 'export failed while streaming'));
      return reply
        .type(EXPORT_CONTENT_TYPES[exportFormat])
        .header(
          'content-disposition',
          `attachment; filename="articles.${exportFormat === 'csv' ? 'csv' : 'ndjson'}"`,
        )
        .send(body);
    },
  );
};

export default exportRoutes;
