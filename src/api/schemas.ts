/**
 * JSON schemas of the API, shared by validation, serialisation and the OpenAPI document.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { FilterQuery } from '../archive/filter-schema.ts';

export { FilterQuery };

export const Problem = Type.Object(
  {
    type: Type.String({ description: 'A URI reference naming the kind of problem' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String({ description: 'What went wrong, for a person to read' }),
    instance: Type.String({ description: 'The request path' }),
    requestId: Type.String(),
  },
  { $id: 'Problem', description: 'An RFC 9457 problem document, served as application/problem+json' },
);
export type Problem = Static<typeof Problem>;

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Type.Ref('Problem') } },
});
export const errorResponses = {
  400: problemResponse('Bad request parameters'),
  404: problemResponse('No such resource'),
  500: problemResponse('Server error'),
  503: problemResponse(
    'The archive cannot be read (damaged, or not a database), the query ran over its time budget (QUERY_TIMEOUT_MS), or the server is busy',
  ),
} as const;

export const PageQuery = {
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Page size (at most 100)' }),
  ),
  cursor: Type.Optional(Type.String({ maxLength: 512, description: 'The nextCursor of the previous page' })),
};

/** The filters other than `q`, for routes that give `q` a meaning of their own. */
export const { q: _fullTextQuery, ...FiltersWithoutQ } = FilterQuery;

const Language = Type.Union([Type.String(), Type.Null()], {
  description: "ISO 639-1 code of the text's language; null when it cannot be told",
});

export const ArticleRef = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  date: Type.String({ format: 'date-time' }),
});
export const PersonRef = Type.Object({ id: Type.Integer(), name: Type.String(), slug: Type.String() });

export const ArticleSummary = Type.Object(
  {
    id: Type.Integer(),
    title: Type.String(),
    lead: Type.String(),
    source: Type.String(),
    date: Type.String({ format: 'date-time', description: 'Publication date, else import date' }),
    publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    importedAt: Type.String({ format: 'date-time' }),
    wordCount: Type.Integer(),
    language: Language,
  },
  { $id: 'ArticleSummary' },
);

const Span = { start: Type.Integer(), end: Type.Integer() };

export const Quote = Type.Object(
  {
    id: Type.Integer(),
    text: Type.String(),
    cue: Type.Union([Type.String(), Type.Null()]),
    speaker: Type.Union([PersonRef, Type.Null()]),
    article: ArticleRef,
    ...Span,
  },
  { $id: 'Quote' },
);

export const Price = Type.Object(
  {
    id: Type.Integer(),
    amount: Type.String({ description: 'Exact decimal amount' }),
    currency: Type.String({ description: 'ISO 4217 code' }),
    raw: Type.String(),
    location: Type.Union([Type.Literal('header'), Type.Literal('title'), Type.Literal('body')]),
    sentence: Type.String(),
    article: ArticleRef,
    ...Span,
  },
  { $id: 'Price' },
);

export const PersonSummary = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    slug: Type.String(),
    aliases: Type.Array(Type.String()),
    articleCount: Type.Integer(),
    quoteCount: Type.Integer(),
  },
  { $id: 'PersonSummary' },
);

export const PersonDetail = Type.Composite(
  [
    Type.Omit(PersonSummary, []),
    Type.Object({ quotes: Type.Array(Type.Ref('Quote')), articles: Type.Array(Type.Ref('ArticleSummary')) }),
  ],
  { $id: 'PersonDetail' },
);

export const ArticleDetail = Type.Object(
  {
    id: Type.Integer(),
    title: Type.String(),
    lead: Type.String(),
    body: Type.String(),
    text: Type.String({ description: 'The document as imported; every offset indexes into it' }),
    source: Type.String(),
    format: Type.String(),
    byline: Type.Union([Type.String(), Type.Null()]),
    date: Type.String({ format: 'date-time' }),
    publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    importedAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    wordCount: Type.Integer(),
    contentHash: Type.String(),
    extractorVersion: Type.Integer(),
    language: Language,
    encoding: Type.Union([Type.String(), Type.Null()], {
      description: 'Character encoding the document was decoded from; null when it did not come as bytes',
    }),
    sources: Type.Array(
      Type.Object({ source: Type.String(), importedAt: Type.String({ format: 'date-time' }) }),
      { description: 'Other sources that delivered the identical text' },
    ),
    people: Type.Array(
      Type.Object({
        id: Type.Integer(),
        name: Type.String(),
        slug: Type.String(),
        aliases: Type.Array(Type.String()),
        mentions: Type.Array(Type.Object({ text: Type.String(), ...Span })),
      }),
    ),
    quotes: Type.Array(
      Type.Object({
        id: Type.Integer(),
        text: Type.String(),
        cue: Type.Union([Type.String(), Type.Null()]),
        speaker: Type.Union([PersonRef, Type.Null()]),
        ...Span,
      }),
    ),
    prices: Type.Array(
      Type.Object({
        id: Type.Integer(),
        amount: Type.String(),
        currency: Type.String(),
        raw: Type.String(),
        location: Type.String(),
        sentence: Type.String(),
        ...Span,
      }),
    ),
    revisions: Type.Array(
      Type.Object({
        id: Type.Integer(),
        contentHash: Type.String(),
        importedAt: Type.String({ format: 'date-time' }),
        replacedAt: Type.String({ format: 'date-time' }),
      }),
    ),
  },
  { $id: 'ArticleDetail' },
);

export function pageOf<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as cursor for the next page; null on the last page',
    }),
  });
}

export const sharedSchemas = [
  Problem,
  ArticleSummary,
  Quote,
  Price,
  PersonSummary,
  PersonDetail,
  ArticleDetail,
];
