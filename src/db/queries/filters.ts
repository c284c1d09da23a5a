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
  /** ISO 639-1 language code (lower case). */
  lang?: string;
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
  // A UNION of four lookups, not one OR: the OR read every person with a correlated alias probe
  // (11 ms on 19,000 people); id and slug are index seeks, name and alias one plain scan each (3 ms).
  const rows = await db.$queryRawUnsafe<{ id: number }[]>(
    `SELECT "id" FROM "people" WHERE "id" = ?
     UNION SELECT "id" FROM "people" WHERE "slug" = lower(?)
     UNION SELECT "id" FROM "people" WHERE "name" = ? COLLATE NOCASE
     UNION SELECT "personId" FROM "person_aliases" WHERE "alias" = ? COLLATE NOCASE`,
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
  /**
   * Let a narrow date range drive the query too. Lists ordered by date leave this off: the
   * (sortDate, id) index already walks a date range in order. Queries driven from elsewhere (the
   * FTS index, for search) turn it on.
   */
  dateDriver?: boolean;
  /**
   * The column the driver's ids constrain (default a."id"). When given, the driver is NOT added to
   * `where`: the caller places it (search puts it on the FTS rowid).
   */
  driverColumn?: string;
}

/**
 * Below `selectiveRows` rows a filter is selective: its ids drive the query (see
 * addArticleConditions). Mutable so that tests can force either plan.
 */
export const planner = { selectiveRows: 2000 };

/** The ids of the articles one filter selects, as SQL, with a bounded estimate of their number. */
export interface ArticleIdSet {
  filter: 'q' | 'person' | 'speaker' | 'prices' | 'source' | 'lang' | 'date';
  sql: string;
  params: unknown[];
  /** Rows the set's query reads, counted up to planner.selectiveRows (a count at the bound means "many"). */
  estimate: number;
}

/** Counts what `sql` selects, up to planner.selectiveRows: cheap whatever the table size. */
export async function boundedCount(db: Db, sql: string, params: unknown[]): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(
    `SELECT count(*) AS n FROM (${sql} LIMIT ${planner.selectiveRows})`,
    ...params,
  );
  return Number(row!.n);
}

/** The greatest string starting with `prefix` compares below this (BINARY collation, UTF-8). */
const prefixEnd = (prefix: string): string => `${prefix}\u{10FFFF}`;

/**
 * Adds the article-level conditions of `filters` to `where`, for the article aliased `a`, and
 * returns the driver: the most selective filter, when one selects fewer than planner.selectiveRows rows.
 *
 * Why: SQLite cannot know how selective a MATCH, a person or a price range is, so it either walks
 * articles in date order testing each one (fast when matches are common: it stops after a page,
 * hopeless when they are rare) or starts from the matching ids and sorts them (the reverse). A
 * bounded count (at most planner.selectiveRows index entries) tells which case this is. The driver becomes
 * an indexable `a."id" IN (...)`, so SQLite starts from those few ids; every other filter is written
 * so that it can only test rows (`+a."id" IN` or a correlated EXISTS), never drive. Without a
 * selective filter the query walks the (sortDate, id) index and stops after one page.
 */
export async function addArticleConditions(
  db: Db,
  where: SqlWhere,
  filters: ArchiveFilters,
  options: ArticleConditionOptions = {},
): Promise<ArticleIdSet | null> {
  const skip = new Set(options.skip);
  const sets: (Omit<ArticleIdSet, 'estimate'> & { test: () => void })[] = [];

  if (filters.q !== undefined && !skip.has('q')) {
    const match = toFtsQuery(filters.q);
    if (match !== null) {
      const sql = `SELECT rowid FROM "articles_fts" WHERE "articles_fts" MATCH ?`;
      sets.push({ filter: 'q', sql, params: [match], test: () => where.add(`+a."id" IN (${sql})`, match) });
    }
  }
  if (filters.person !== undefined) {
    const ids = idList(await resolvePersonIds(db, filters.person));
    sets.push({
      filter: 'person',
      sql: `SELECT m."articleId" FROM "mentions" m WHERE m."personId" IN (${ids})`,
      params: [],
      test: () =>
        where.add(
          `EXISTS (SELECT 1 FROM "mentions" m WHERE m."articleId" = a."id" AND m."personId" IN (${ids}))`,
        ),
    });
  }
  if (filters.speaker !== undefined && !skip.has('speaker')) {
    const ids = idList(await resolvePersonIds(db, filters.speaker));
    sets.push({
      filter: 'speaker',
      sql: `SELECT sq."articleId" FROM "quotes" sq WHERE sq."speakerId" IN (${ids})`,
      params: [],
      test: () =>
        where.add(
          `EXISTS (SELECT 1 FROM "quotes" sq WHERE sq."articleId" = a."id" AND sq."speakerId" IN (${ids}))`,
        ),
    });
  }
  if (
    (filters.currency !== undefined || filters.min !== undefined || filters.max !== undefined) &&
    !skip.has('prices')
  ) {
    const price = new SqlWhere();
    addPriceConditions(price, filters, 'pm');
    sets.push({
      filter: 'prices',
      sql: `SELECT pm."articleId" FROM "price_mentions" pm ${price.toString()}`,
      params: price.params,
      test: () =>
        where.add(
          `EXISTS (SELECT 1 FROM "price_mentions" pm WHERE pm."articleId" = a."id" AND ${price.conditions.join(' AND ')})`,
          ...price.params,
        ),
    });
  }
  if (filters.source !== undefined) {
    const source = filters.source;
    sets.push({
      filter: 'source',
      sql: `SELECT "id" FROM "articles" WHERE "source" >= ? AND "source" < ? AND substr("source", 1, ?) = ?`,
      params: [source, prefixEnd(source), source.length, source],
      test: () => where.add(`substr(a."source", 1, ?) = ?`, source.length, source),
    });
  }
  if (filters.lang !== undefined) {
    const lang = filters.lang;
    sets.push({
      filter: 'lang',
      sql: `SELECT "id" FROM "articles" WHERE "language" = ?`,
      params: [lang],
      test: () => where.add(`a."language" = ?`, lang),
    });
  }
  const from = filters.from === undefined ? null : sqlDate(filters.from);
  const to = filters.to === undefined ? null : sqlDate(filters.to);
  if (options.dateDriver && (from !== null || to !== null)) {
    const range = new SqlWhere();
    if (from !== null) range.add(`"sortDate" >= ?`, from);
    if (to !== null) range.add(`"sortDate" <= ?`, to);
    // Dates are tested below in any case; this set only ever drives.
    sets.push({
      filter: 'date',
      sql: `SELECT "id" FROM "articles" ${range.toString()}`,
      params: range.params,
      test: () => {},
    });
  }

  let driver: ArticleIdSet | null = null;
  for (const set of sets) {
    if (driver?.estimate === 0) break;
    const estimate = await boundedCount(db, set.sql, set.params);
    if (estimate < planner.selectiveRows && (driver === null || estimate < driver.estimate)) {
      driver = { filter: set.filter, sql: set.sql, params: set.params, estimate };
    }
  }
  for (const set of sets) if (set.filter !== driver?.filter) set.test();
  if (driver && options.driverColumn === undefined) where.add(`a."id" IN (${driver.sql})`, ...driver.params);
  if (from !== null) where.add(`a."sortDate" >= ?`, from);
  if (to !== null) where.add(`a."sortDate" <= ?`, to);
  return driver;
}

export function addPriceConditions(where: SqlWhere, filters: ArchiveFilters, alias: string): void {
  if (filters.currency !== undefined) where.add(`${alias}."currency" = ?`, filters.currency.toUpperCase());
  if (filters.min !== undefined) where.add(`${alias}."amountValue" >= ?`, Number(filters.min));
  if (filters.max !== undefined) where.add(`${alias}."amountValue" <= ?`, Number(filters.max));
}
