import { Readable } from 'node:stream';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EXPORT_CONTENT_TYPES } from '../../archive/export.ts';
import { databaseFailure } from '../../db/database-file.ts';
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
      const { format: exportFormat = 'ndjson', ...query } = request.query;
      // Checked and first batch read before the response starts: its errors are still a problem document.
      const body = Readable.from(await app.archive.export(query, exportFormat));
      body.on('error', (error) => {
        // Too late for a problem document; a damaged archive still turns /health to 503.
        if (databaseFailure(error)?.problem === 'corrupt') app.archive.noteDamage(error);
        request.log.error({ err: error }, 'export failed while streaming');
      });
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
