/**
 * What both dialects' queries share without depending on either: a parameterised piece of SQL,
 * and how a search's facet sets are chosen from its matches (plain SQL valid on both).
 */
import type { SearchType } from './queries/search.ts';

/** A parameterised piece of SQL. */
export interface SqlPart {
  sql: string;
  params: unknown[];
}

/**
 * The article and quote sets a search's facets count: the matching articles (for type=quotes, the
 * articles of the matching quotes) and the matching quotes (for type=articles, the quotes of the
 * matching articles).
 */
export function facetSets(
  matchingArticles: SqlPart,
  matchingQuotes: SqlPart,
  type: SearchType,
): { articles: SqlPart; quotes: SqlPart } {
  return {
    articles:
      type === 'quotes'
        ? {
            sql: `SELECT q2."articleId" FROM "quotes" q2 WHERE q2."id" IN (${matchingQuotes.sql})`,
            params: matchingQuotes.params,
          }
        : matchingArticles,
    quotes:
      type === 'articles'
        ? {
            sql: `SELECT q2."id" FROM "quotes" q2 WHERE q2."articleId" IN (${matchingArticles.sql})`,
            params: matchingArticles.params,
          }
        : matchingQuotes,
  };
}
