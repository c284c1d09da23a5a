/**
 * Filters shared by every list: each becomes an SQL condition on an article row (alias `a`), so
 * any combination composes by AND. Person and speaker names resolve to ids first, through the
 * people table (name, slug or alias, any case), which keeps the main query on integer indexes.
 */
import type { Db } from '../client.ts';
import { toFtsQuery } from '../fts-query.ts';

export interface ArchiveFilters {
  /** Full-text query (see fts-query.ts). */
  q?: string;
  /** Person mentioned: id, slug, canonical name or alias. */
  person?: string;
  /** Person quoted: id, slug, canonical name or alias. */
  speaker?: string;
  /** ISO 4217 code of a price mentioned. */
  currency?: string;
  /** Price amount bounds (decimal strings), on the same price as `currency` when both are given. */
  min?: string;
  max?: string;
  /** Article date (publication date, else import date) bounds, inclusive. */
  from?: Date;
  to?: Date;
  /** Source path or URL prefix. */
  source?: string;
}

export class SqlWhere {
  readonly conditions: string[] = [];
  readonly params: unknown[] = [];

  add(condition: string, ...params: unknown[]): this {
    this.conditions.push(condition);
    this.params.push(...params);
    return this;
  }

  toString(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

/** Dates are stored by the Prisma adapter as ISO 8601 text with an explicit +00:00 offset. */
export const sqlDate = (date: Date): string => date.toISOString().replace('Z', '+00:00');

/**
 * Raw queries return DATETIME columns re-formatted ("…Z"), not as stored ("…+00:00"); a keyset
 * cursor must compare in the stored form, or the row it names compares as before itself.
 */
export const storedDate = (returned: string): string => sqlDate(new Date(returned));

/** Stored dates come back as text; the API speaks ISO 8601 in UTC. */
export const isoDate = (stored: string | null): string | null =>
  stored === null ? null : new Date(stored).toISOString();

export async function resolvePersonIds(db: Db, term: string): Promise<number[]> {
  const value = term.trim();
  const rows = await db.$queryRawUnsafe<{ id: number }[]>(
    `SELECT p."id" AS id FROM "people" p
     WHERE p."id" = ? OR p."slug" = lower(?) OR p."name" = ? COLLATE NOCASE
        OR EXISTS (SELECT 1 FROM "person_aliases" pa WHERE pa."personId" = p."id" AND pa."alias" = ? COLLATE NOCASE)`,
    /^\d+$/.test(value) ? Number(value) : -1,
    value,
    value,
    value,
  );
  return rows.map((row) => Number(row.id));
}

const idList = (ids: number[]): string => (ids.length ? ids.join(',') : 'NULL');

export interface ArticleConditionOptions {
  /** Conditions the caller applies to its own rows instead (e.g. /prices filters the price itself). */
  skip?: ('q' | 'speaker' | 'prices')[];
}

/** Adds the article-level conditions of `filters` to `where`, for the article aliased `a`. */
export async function addArticleConditions(
  db: Db,
  where: SqlWhere,
  filters: ArchiveFilters,
  options: ArticleConditionOptions = {},
): Promise<void> {
  const skip = new Set(options.skip);
  if (filters.q !== undefined && !skip.has('q')) {
    const match = toFtsQuery(filters.q);
    if (match !== null)
      where.add(`a."id" IN (SELECT rowid FROM "articles_fts" WHERE "articles_fts" MATCH ?)`, match);
  }
  if (filters.person !== undefined) {
    const ids = await resolvePersonIds(db, filters.person);
    where.add(
      `EXISTS (SELECT 1 FROM "mentions" m WHERE m."articleId" = a."id" AND m."personId" IN (${idList(ids)}))`,
    );
  }
  if (filters.speaker !== undefined && !skip.has('speaker')) {
    const ids = await resolvePersonIds(db, filters.speaker);
    where.add(
      `EXISTS (SELECT 1 FROM "quotes" sq WHERE sq."articleId" = a."id" AND sq."speakerId" IN (${idList(ids)}))`,
    );
  }
  if (
    (filters.currency !== undefined || filters.min !== undefined || filters.max !== undefined) &&
    !skip.has('prices')
  ) {
    const price = new SqlWhere().add(`pm."articleId" = a."id"`);
    addPriceConditions(price, filters, 'pm');
    where.add(`EXISTS (SELECT 1 FROM "price_mentions" pm ${price.toString()})`, ...price.params);
  }
  if (filters.from !== undefined) where.add(`a."sortDate" >= ?`, sqlDate(filters.from));
  if (filters.to !== undefined) where.add(`a."sortDate" <= ?`, sqlDate(filters.to));
  if (filters.source !== undefined)
    where.add(`substr(a."source", 1, ?) = ?`, filters.source.length, filters.source);
}

export function addPriceConditions(where: SqlWhere, filters: ArchiveFilters, alias: string): void {
  if (filters.currency !== undefined) where.add(`${alias}."currency" = ?`, filters.currency.toUpperCase());
  if (filters.min !== undefined) where.add(`${alias}."amountValue" >= ?`, Number(filters.min));
  if (filters.max !== undefined) where.add(`${alias}."amountValue" <= ?`, Number(filters.max));
}
