import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MAX_QUERY_LENGTH } from '../../db/fts-query.ts';
import { searchPlanner } from '../../db/queries/search.ts';
import { facetPlanner } from '../../db/queries/stats.ts';
import {
  ArticleRef,
  FilterQuery,
  FiltersWithoutQ,
  PageQuery,
  PersonRef,
  errorResponses,
} from '../schemas.ts';
import { FacetsSchema } from './stats.ts';

const Marker = (name: string, fallback: string) =>
  Type.Optional(
    Type.String({
      maxLength: 32,
      default: fallback,
      description: `Inserted ${name} each matched term in snippets`,
    }),
  );

const RANKED = searchPlanner.rankedCandidates.toLocaleString('en');
const EXACT = facetPlanner.exactRows.toLocaleString('en');

const Score = Type.Union([Type.Number(), Type.Null()], {
  description:
    'Relevance (-bm25): higher is better; comparable within one list of one search only. null with sort=date (no ranking is computed)',
});
const Snippet = Type.String({ description: 'The best-matching passage, matched terms between the markers' });

export const ArticleHit = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  lead: Type.String(),
  source: Type.String(),
  date: Type.String({ format: 'date-time', description: 'Publication date, else import date' }),
  publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  score: Score,
  snippet: Snippet,
});

export const QuoteHit = Type.Object({
  id: Type.Integer(),
  text: Type.String(),
  cue: Type.Union([Type.String(), Type.Null()]),
  speaker: Type.Union([PersonRef, Type.Null()]),
  article: ArticleRef,
  score: Score,
  snippet: Snippet,
});

const hitList = <T extends typeof ArticleHit | typeof QuoteHit>(item: T, what: string) =>
  Type.Optional(
    Type.Object(
      {
        items: Type.Array(item, { description: `This page of ${what}, in the order of sort` }),
        more: Type.Boolean({ description: `Whether later pages hold more ${what}` }),
        bounded: Type.Boolean({
          description: `true when the query matches more ${what} than relevance ranks (the newest ${RANKED} by id, i.e. the most recently imported, are ranked; pages end there): sort=date lists every match`,
        }),
      },
      { description: `Present when type is ${what} or all` },
    ),
  );

export const SearchResponse = Type.Object({
  query: Type.Object({
    q: Type.String(),
    match: Type.String({ description: 'The FTS5 expression the query was translated to' }),
    type: Type.Union([Type.Literal('articles'), Type.Literal('quotes'), Type.Literal('all')]),
    sort: Type.Union([Type.Literal('relevance'), Type.Literal('date')]),
  }),
  articles: hitList(ArticleHit, 'articles'),
  quotes: hitList(QuoteHit, 'quotes'),
  nextCursor: Type.Union([Type.String(), Type.Null()], {
    description:
      'Pass as cursor (with the same q, type and filters) for the next page of every list; null when all are exhausted',
  }),
  facets: Type.Optional(
    Type.Composite([
      Type.Object({
        total: Type.Object({
          articles: Type.Integer({ description: 'Matching articles (0 for type=quotes)' }),
          quotes: Type.Integer({ description: 'Matching quotes (0 for type=articles)' }),
        }),
        totalApproximate: Type.Boolean({
          description:
            'true when `total` is estimated from the sample (a large result set with filters that read article rows); see totalMargin',
        }),
        totalMargin: Type.Optional(
          Type.Object(
            { articles: Type.Integer(), quotes: Type.Integer() },
            { description: '95% margins of an estimated total: the true count lies within total ± margin' },
          ),
        ),
        approximate: Type.Boolean({
          description: `true when the result set is larger than ${EXACT} matches: the facets were counted on a sample of one match in every k (by id) and scaled by k; each count then carries its 95% margin`,
        }),
        sample: Type.Optional(
          Type.Object(
            {
              every: Type.Object(
                { articles: Type.Integer(), quotes: Type.Integer() },
                { description: 'k of each sample' },
              ),
              articles: Type.Integer({ description: 'Articles in the sample' }),
              quotes: Type.Integer({ description: 'Quotes in the sample' }),
            },
            { description: 'Present when approximate' },
          ),
        ),
      }),
      FacetsSchema,
    ]),
  ),
});

const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/search',
    {
      schema: {
        summary: 'Full-text search over articles and quotes, ranked by relevance',
        description: [
          'Ranks articles by bm25 with title hits weighted 10, lead 4 and body 1, and quotes by bm25 over their text.',
          'The two rankings are returned as **two lists** (`articles`, `quotes`) rather than merged, because bm25 scores of',
          'different indexes are not comparable. `type` picks the lists; each holds up to `limit` hits per page, and one',
          '`nextCursor` advances every list that has more (an exhausted list comes back empty).',
          '',
          'Query syntax: words (punctuation is fine: `O\'Brien`, `U.S.`, `3.71`), `"exact phrases"`, `prefix*`,',
          '`AND` / `OR` / `NOT` (upper case), `NEAR(a b, 5)` and parentheses. Words without operators must all match.',
          'A query the search engine cannot run is a 400 with an explanation.',
          '',
          `\`sort=relevance\` (the default) ranks every match when a list has fewer than ${RANKED}; a query matching more (a`,
          `common word) is ranked over its ${RANKED} newest matches (by id: the most recently imported), so the answer stays`,
          'fast at any archive size, and that list says `bounded: true`. `sort=date` lists every match, newest article first',
          '(as /articles and /quotes), with `score: null`.',
          '',
          'Filters combine with AND: `person` (mentioned in the article), `speaker` (for quotes: who said it; for',
          'articles: someone quoted in it), `currency`/`min`/`max` (a price in the article), `from`/`to`, `source`.',
          '`facets=true` adds the total hit counts and people, speakers, currencies and articles per month of the result set;',
          `above ${EXACT} matches they are counted on a deterministic sample and scaled (\`approximate: true\`, each count`,
          'with its 95% `margin`).',
        ].join('\n'),
        tags: ['search'],
        querystring: Type.Object(
          {
            q: Type.String({
              minLength: 1,
              maxLength: MAX_QUERY_LENGTH,
              description: FilterQuery.q.description,
            }),
            type: Type.Optional(
              Type.Union([Type.Literal('all'), Type.Literal('articles'), Type.Literal('quotes')], {
                default: 'all',
                description: 'Which lists to return',
              }),
            ),
            sort: Type.Optional(
              Type.Union([Type.Literal('relevance'), Type.Literal('date')], {
                default: 'relevance',
                description: `relevance: best first (bm25; over the newest ${RANKED} matches when there are more, see \`bounded\`); date: newest article first, every match, as /articles and /quotes order them`,
              }),
            ),
            ...FiltersWithoutQ,
            facets: Type.Optional(
              Type.Boolean({
                default: false,
                description: 'Include totals and facet counts of the whole result set',
              }),
            ),
            markStart: Marker('before', '<mark>'),
            markEnd: Marker('after', '</mark>'),
            escape: Type.Optional(
              Type.Union([Type.Literal('html'), Type.Literal('none')], {
                default: 'html',
                description:
                  'html: the snippet text is HTML-escaped (the markers are not), safe to insert as markup',
              }),
            ),
            limit: Type.Optional(PageQuery.limit),
            cursor: Type.Optional(PageQuery.cursor),
          },
          { additionalProperties: false },
        ),
        response: { 200: SearchResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { markStart = '<mark>', markEnd = '</mark>', escape, ...query } = request.query;
      return app.archive.search({ ...query, snippet: { markStart, markEnd, escapeHtml: escape !== 'none' } });
    },
  );
};

export default searchRoutes;
