/**
 * The archive's filters as users give them (query parameters, command-line options: strings), as
 * TypeBox properties: the API validates and documents them with these, and the service layer's
 * `FilterQuerystring` type is derived from them, so a filter is declared once.
 */
import { Type, type Static, type TObject } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { MAX_QUERY_LENGTH, QUERY_LIMITS } from '../db/fts-query.ts';

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})?)?$';
const DECIMAL_PATTERN = '^-?\\d{1,15}(\\.\\d{1,10})?$';

const L = QUERY_LIMITS;
const QUERY_DESCRIPTION =
  'Full-text query: words, "exact phrases", prefix*, AND/OR/NOT, NEAR(a b, 5), parentheses. ' +
  `Limits (400 beyond them): at most ${MAX_QUERY_LENGTH} characters, ${L.terms} words, ${L.prefixTerms} prefix* ` +
  `terms of at least ${L.prefixLength} letters or digits each, ${L.nearTerms} terms and a distance of ${L.nearDistance} ` +
  `per NEAR, ${L.operators} operators and parenthesised groups, ${L.depth} levels of parentheses. A query still ` +
  'running after the time budget (QUERY_TIMEOUT_MS, default 5 s) is stopped with a 503.';

export const FilterQuery = {
  q: Type.Optional(
    Type.String({
      maxLength: MAX_QUERY_LENGTH,
      description: QUERY_DESCRIPTION,
    }),
  ),
  person: Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: 'Person mentioned: id, slug, name or alias' }),
  ),
  speaker: Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: 'Person quoted: id, slug, name or alias' }),
  ),
  currency: Type.Optional(
    Type.String({ pattern: '^[A-Za-z]{3}$', description: 'ISO 4217 code of a price mentioned' }),
  ),
  min: Type.Optional(
    Type.String({ pattern: DECIMAL_PATTERN, description: 'Smallest price amount (decimal)' }),
  ),
  max: Type.Optional(
    Type.String({ pattern: DECIMAL_PATTERN, description: 'Largest price amount (decimal)' }),
  ),
  from: Type.Optional(
    Type.String({
      pattern: DATE_PATTERN,
      description: 'Earliest article date (YYYY-MM-DD or ISO 8601), inclusive',
    }),
  ),
  to: Type.Optional(
    Type.String({
      pattern: DATE_PATTERN,
      description: 'Latest article date (YYYY-MM-DD or ISO 8601), inclusive',
    }),
  ),
  source: Type.Optional(
    Type.String({ minLength: 1, maxLength: 1000, description: 'Source path or URL prefix' }),
  ),
  lang: Type.Optional(
    Type.String({
      pattern: '^[A-Za-z]{2,3}$',
      description: 'Language of the article (ISO 639-1 code, e.g. en, ru)',
    }),
  ),
};

/** The filters as given, before `toArchiveFilters` checks and converts them. */
export type FilterQuerystring = Static<TObject<typeof FilterQuery>>;

/** The filters' names, for the command line's options. */
export const FILTER_NAMES = Object.keys(FilterQuery) as (keyof typeof FilterQuery)[];

/**
 * The first parameter of `params` that breaks its schema, said for a person (what the parameter
 * is, from its description, and the value given); null when all are fine. For the doors whose
 * errors are not the API's 400s: the web pages and the command line (`prefix` "--").
 */
export function invalidParameter(schema: TObject, params: object, prefix = ''): string | null {
  const error = Value.Errors(schema, params).First();
  if (!error) return null;
  const name = error.path.replace(/^\//, '');
  const property = schema.properties[name] as { description?: string } | undefined;
  return `${prefix}${name}: ${property?.description ?? error.message} (got "${String(error.value)}")`;
}
