/**
 * The archive's filters as conditions on an article row aliased `a` (the contract of
 * src/db/queries/filters.ts). PostgreSQL plans by its statistics, so each filter is written once,
 * as the condition it is (an EXISTS, an indexed range, a tsvector match), and the planner picks
 * which one drives: the bounded-count planning SQLite needs is not repeated here.
 */
import type pg from 'pg';
import type { ArchiveFilters } from '../queries/filters.ts';
import { Conditions, escapeLike, rows, type SqlPart } from './sql.ts';
import { toTsQuery } from './tsquery.ts';

/** Person ids a filter value names: id, slug, canonical name or alias (any case). */
export async function resolvePersonIds(db: pg.Pool, term: string): Promise<number[]> {
  const value = term.trim();
  const found = await rows<{ id: number }>(
    db,
    `SELECT "id" FROM "people" WHERE "id" = ?
     UNION SELECT "id" FROM "people" WHERE "slug" = lower(?)
     UNION SELECT "id" FROM "people" WHERE lower("name") = lower(?)
     UNION SELECT "personId" FROM "person_aliases" WHERE lower("alias") = lower(?)`,
    [/^\d{1,9}$/.test(value) ? Number(value) : -1, value, value, value],
  );
  return found.map((row) => row.id);
}

/** `column @@ tsquery` of a search string, or null when it has nothing searchable. */
export function matches(column: string, q: string): SqlPart | null {
  const query = toTsQuery(q);
  return query && { sql: `${column} @@ ${query.sql}`, params: query.params };
}

export function addPriceConditions(where: Conditions, filters: ArchiveFilters, alias: string): void {
  if (filters.currency !== undefined) where.add(`${alias}."currency" = ?`, filters.currency.toUpperCase());
  if (filters.min !== undefined) where.add(`${alias}."amountValue" >= ?`, Number(filters.min));
  if (filters.max !== undefined) where.add(`${alias}."amountValue" <= ?`, Number(filters.max));
}

export const hasPriceFilter = (filters: ArchiveFilters): boolean =>
  filters.currency !== undefined || filters.min !== undefined || filters.max !== undefined;

export interface ConditionOptions {
  /** Filters the caller applies to its own rows instead (e.g. /prices filters the price itself). */
  skip?: ('q' | 'speaker' | 'prices')[];
}

/** Adds the article-level conditions of `filters` on the article aliased `a`. */
export async function addArticleConditions(
  db: pg.Pool,
  where: Conditions,
  filters: ArchiveFilters,
  options: ConditionOptions = {},
): Promise<void> {
  const skip = new Set(options.skip);
  if (filters.q !== undefined && !skip.has('q')) {
    const match = matches('a."searchVector"', filters.q);
    if (match) where.addPart(match);
  }
  if (filters.person !== undefined) {
    where.add(
      `EXISTS (SELECT 1 FROM "mentions" m WHERE m."articleId" = a."id" AND m."personId" = ANY(?::int[]))`,
      await resolvePersonIds(db, filters.person),
    );
  }
  if (filters.speaker !== undefined && !skip.has('speaker')) {
    where.add(
      `EXISTS (SELECT 1 FROM "quotes" sq WHERE sq."articleId" = a."id" AND sq."speakerId" = ANY(?::int[]))`,
      await resolvePersonIds(db, filters.speaker),
    );
  }
  if (hasPriceFilter(filters) && !skip.has('prices')) {
    const price = new Conditions();
    addPriceConditions(price, filters, 'pm');
    where.add(
      `EXISTS (SELECT 1 FROM "price_mentions" pm WHERE pm."articleId" = a."id" ${price.and()})`,
      ...price.params,
    );
  }
  if (filters.source !== undefined) where.add(`a."source" LIKE ?`, `${escapeLike(filters.source)}%`);
  if (filters.lang !== undefined) where.add(`a."language" = ?`, filters.lang);
  if (filters.from !== undefined) where.add(`a."sortDate" >= ?`, filters.from);
  if (filters.to !== undefined) where.add(`a."sortDate" <= ?`, filters.to);
}
