/**
 * Counts over the archive or over a result set: facets for /search, the archive's overview for
 * /stats and price statistics per currency for /prices/stats. Everything is aggregated in SQL; no
 * query loads more rows than it returns.
 */
import type { Db } from '../client.ts';
import { facetSets } from '../sql-part.ts';
import { SqlWhere, addArticleConditions, addPriceConditions, type ArchiveFilters } from './filters.ts';
import { onlyCurrency, priceStatsFromAmounts } from './prices.ts';
import {
  articleMatchSet,
  ftsErrorsAsSyntaxErrors,
  matchExpression,
  quoteMatchSet,
  type MatchSet,
  type SearchType,
  type SqlPart,
} from './search.ts';

/** On sampled facets (SearchFacets.approximate): the 95% margin of a count, `count ± margin`. */
interface Margin {
  margin?: number;
}

export interface PersonCount extends Margin {
  id: number;
  name: string;
  slug: string;
  count: number;
}

export interface CurrencyCount extends Margin {
  currency: string;
  /** Price mentions in that currency. */
  prices: number;
  /** Articles mentioning at least one such price (the margin is of this count). */
  articles: number;
}

export interface MonthCount extends Margin {
  /** YYYY-MM (UTC) of the article date. */
  month: string;
  articles: number;
}

export interface Facets {
  /** People mentioned in the articles of the result, by the number of those articles. */
  people: PersonCount[];
  /** People quoted in the quotes of the result, by the number of those quotes. */
  speakers: PersonCount[];
  currencies: CurrencyCount[];
  months: MonthCount[];
}

/**
 * The facets of a filtered set of articles (articleFacets): exact up to facetPlanner.exactRows
 * matches; a larger set's counted on one article in every `sample.every` by id and scaled, each
 * count with its 95% margin, `approximate` true.
 */
export interface FilteredFacets extends Facets {
  approximate: boolean;
  sample?: { every: number; articles: number };
}

/** The FilteredFacets of facets counted on `sample`. */
export const filteredFacets = (facets: Facets, sample: FacetSample): FilteredFacets =>
  sample.every > 1
    ? {
        ...scaleFacets(facets, sample.every, sample.every),
        approximate: true,
        sample: { every: sample.every, articles: sample.ids.length },
      }
    : { ...facets, approximate: false };

export interface SearchFacets extends Facets {
  total: { articles: number; quotes: number };
  /** Whether `total` is an estimate (from the sample), with its 95% margins. */
  totalApproximate: boolean;
  totalMargin?: { articles: number; quotes: number };
  /** Whether the facets were counted on a sample of the matches and scaled (each count with its margin). */
  approximate: boolean;
  /** The sample: one match in `every` (by id), and how many articles and quotes it held. */
  sample?: { every: { articles: number; quotes: number }; articles: number; quotes: number };
}

/**
 * Sizes of the facet plans (mutable for tests): a result set of up to `exactRows` matches is
 * counted exactly; a larger one on a sample of about `sampleRows` of its matches (one in every
 * k by id), each count scaled by k.
 */
export const facetPlanner = { exactRows: 5000, sampleRows: 5000 };

/** A set of matches as counted for facets: exactly, or one in `every` by id. */
export interface FacetSample {
  /** One match in `every` (1: all of them). */
  every: number;
  /** The ids counted. */
  ids: number[];
  /** All matches, when counted exactly; else null (estimated from the sample). */
  total: number | null;
}

/** 95% margin of a count estimated as x · every from x sampled rows (binomial sampling). */
export const margin95 = (sampled: number, every: number): number =>
  every <= 1 ? 0 : Math.round(1.96 * every * Math.sqrt(sampled * (1 - 1 / every)));

/**
 * Facets counted on samples, scaled to the whole result set: counts of articles by the article
 * sample's rate, counts of quotes (speakers) by the quote sample's, each with its 95% margin.
 * (Price mention counts are scaled too; their margin, a cluster sample's, is not given.)
 */
export function scaleFacets(facets: Facets, articleEvery: number, quoteEvery: number): Facets {
  if (articleEvery <= 1 && quoteEvery <= 1) return facets;
  const scaled = <T extends Margin>(row: T, key: keyof T, every: number): T => {
    const sampled = row[key] as number;
    return { ...row, [key]: sampled * every, margin: margin95(sampled, every) };
  };
  return {
    people: facets.people.map((row) => scaled(row, 'count', articleEvery)),
    speakers: facets.speakers.map((row) => scaled(row, 'count', quoteEvery)),
    currencies: facets.currencies.map((row) => ({
      ...scaled(row, 'articles', articleEvery),
      prices: row.prices * articleEvery,
    })),
    months: facets.months.map((row) => scaled(row, 'articles', articleEvery)),
  };
}

/** The SearchFacets fields of two samples: totals (exact, or estimated with margins) and sampling. */
export function sampledTotals(
  articles: FacetSample,
  quotes: FacetSample,
): Omit<SearchFacets, keyof Facets | 'total'> & { total: SearchFacets['total'] } {
  const estimate = (sample: FacetSample) => sample.total ?? sample.ids.length * sample.every;
  const approximate = articles.every > 1 || quotes.every > 1;
  const totalApproximate = articles.total === null || quotes.total === null;
  return {
    total: { articles: estimate(articles), quotes: estimate(quotes) },
    totalApproximate,
    ...(totalApproximate && {
      totalMargin: {
        articles: articles.total === null ? margin95(articles.ids.length, articles.every) : 0,
        quotes: quotes.total === null ? margin95(quotes.ids.length, quotes.every) : 0,
      },
    }),
    approximate,
    ...(approximate && {
      sample: {
        every: { articles: articles.every, quotes: quotes.every },
        articles: articles.ids.length,
        quotes: quotes.ids.length,
      },
    }),
  };
}

export interface ArchiveStats extends Facets {
  totals: { articles: number; people: number; speakers: number; quotes: number; prices: number };
  range: { first: string | null; last: string | null };
}

type CountRow = { id: number | bigint; name: string; slug: string; n: number | bigint };

const toPersonCounts = (rows: CountRow[]): PersonCount[] =>
  rows.map((row) => ({ id: Number(row.id), name: row.name, slug: row.slug, count: Number(row.n) }));

/**
 * Facets of a set of articles and a set of quotes, each given as SQL selecting ids (or null for
 * the whole archive). `top` bounds the people and speaker lists.
 */
export async function facetsOf(
  db: Db,
  articles: SqlPart | null,
  quotes: SqlPart | null,
  top: number,
  /** The article set is small: read its rows for their dates rather than walk the whole date index. */
  fewArticles = false,
): Promise<Facets> {
  const articleFilter = (column: string): SqlPart =>
    articles
      ? { sql: `WHERE ${column} IN (${articles.sql})`, params: articles.params }
      : { sql: '', params: [] };
  const quoteFilter = (column: string): SqlPart =>
    quotes ? { sql: `AND ${column} IN (${quotes.sql})`, params: quotes.params } : { sql: '', params: [] };

  const mentions = articleFilter('m."articleId"');
  const people = await db.$queryRawUnsafe<CountRow[]>(
    `SELECT p."id", p."name", p."slug", c.n FROM (
       SELECT pa.personId, count(*) AS n FROM (
         -- One row per (article, person), streamed in (articleId, personId) index order.
         SELECT m."articleId", m."personId" AS personId FROM "mentions" m ${mentions.sql} GROUP BY m."articleId", m."personId"
       ) pa GROUP BY pa.personId
     ) c JOIN "people" p ON p."id" = c.personId
     ORDER BY c.n DESC, p."name", p."id" LIMIT ?`,
    ...mentions.params,
    top,
  );
  const quoted = quoteFilter('sq."id"');
  const speakers = await db.$queryRawUnsafe<CountRow[]>(
    `SELECT p."id", p."name", p."slug", c.n FROM (
       SELECT sq."speakerId" AS speakerId, count(*) AS n FROM "quotes" sq WHERE sq."speakerId" IS NOT NULL ${quoted.sql} GROUP BY sq."speakerId"
     ) c JOIN "people" p ON p."id" = c.speakerId
     ORDER BY c.n DESC, p."name", p."id" LIMIT ?`,
    ...quoted.params,
    top,
  );
  const priced = articleFilter('pm."articleId"');
  const currencies = await db.$queryRawUnsafe<
    { currency: string; prices: number | bigint; articles: number | bigint }[]
  >(
    `SELECT ac.currency, sum(ac.n) AS prices, count(*) AS articles FROM (
       -- One row per (article, currency), streamed in (articleId, currency, amountValue) index order.
       SELECT pm."articleId", pm."currency" AS currency, count(*) AS n FROM "price_mentions" pm ${priced.sql}
       GROUP BY pm."articleId", pm."currency"
     ) ac GROUP BY ac.currency ORDER BY prices DESC, ac.currency`,
    ...priced.params,
  );
  // "+": walk the (sortDate, id) index and test each id, rather than look up each matching row.
  const dated = articleFilter(fewArticles ? 'a."id"' : '+a."id"');
  const months = await db.$queryRawUnsafe<{ month: string; n: number | bigint }[]>(
    `SELECT substr(a."sortDate", 1, 7) AS month, count(*) AS n FROM "articles" a ${dated.sql} GROUP BY month ORDER BY month`,
    ...dated.params,
  );
  return {
    people: toPersonCounts(people),
    speakers: toPersonCounts(speakers),
    currencies: currencies.map((row) => ({
      currency: row.currency,
      prices: Number(row.prices),
      articles: Number(row.articles),
    })),
    months: months.map((row) => ({ month: row.month, articles: Number(row.n) })),
  };
}

const NO_MATCHES: FacetSample = { every: 1, ids: [], total: 0 };

/** The ids `part` selects (up to `limit`), aggregated in SQL: Prisma's per-row decoding costs ~10 µs a row. */
const idsOf = async (db: Db, part: SqlPart, limit = -1): Promise<number[]> => {
  const [row] = await db.$queryRawUnsafe<{ ids: string }[]>(
    `SELECT json_group_array(id) AS ids FROM (SELECT id FROM (${part.sql}) LIMIT ${limit})`,
    ...part.params,
  );
  return JSON.parse(row!.ids) as number[];
};

/**
 * The matches of a set for its facets: all of them when there are at most facetPlanner.exactRows,
 * else one in every k by id (k sized for about facetPlanner.sampleRows), tested on the FTS rowid
 * before any other condition, so that the rest of the set's tests (and every facet query) run on
 * the sample only. The total is then counted exactly when that costs a doclist walk (every
 * condition tests the rowid alone); otherwise it is estimated from the sample.
 */
export async function sampleMatches(
  db: Db,
  set: MatchSet,
  rowid: string,
  termOnly: SqlPart,
): Promise<FacetSample> {
  const select = (where: SqlWhere): SqlPart => ({
    sql: `SELECT ${rowid} AS id FROM ${set.from} ${where.toString()}`,
    params: where.params,
  });
  const first = await idsOf(db, select(set.where), facetPlanner.exactRows + 1);
  if (first.length <= facetPlanner.exactRows) return { every: 1, ids: first, total: first.length };
  const rowidOnly = !set.from.includes('JOIN');
  const total = rowidOnly ? await countOf(db, select(set.where)) : null;
  const sampleOf = async (every: number) => {
    const where = new SqlWhere();
    where.conditions.push(...set.where.conditions);
    where.params.push(...set.where.params);
    where.conditions.splice(1, 0, `${rowid} % ${every} = 0`);
    return idsOf(db, select(where));
  };
  const rate = (size: number) => Math.max(2, Math.ceil(size / facetPlanner.sampleRows));
  // Without a total, the term's own matches bound the set; a sample far below its size is taken again.
  let every = rate(total ?? (await countOf(db, termOnly)));
  let ids = await sampleOf(every);
  if (total === null && ids.length * 4 < facetPlanner.sampleRows && every > 2) {
    every = rate(Math.max(ids.length * every, facetPlanner.exactRows));
    ids = await sampleOf(every);
  }
  return { every, ids, total };
}

const countOf = async (db: Db, part: SqlPart): Promise<number> =>
  Number(
    (
      await db.$queryRawUnsafe<{ n: number | bigint }[]>(
        `SELECT count(*) AS n FROM (${part.sql})`,
        ...part.params,
      )
    )[0]!.n,
  );

export const idSet = (ids: number[]): SqlPart => ({
  sql: `SELECT "value" FROM json_each(?)`,
  params: [JSON.stringify(ids)],
});

/**
 * Facets of a search's results. The article set is the matching articles (for type=quotes: the
 * articles of the matching quotes); the quote set is the matching quotes (for type=articles: the
 * quotes of the matching articles). Totals count every hit, not just the page. A result set too
 * large to count row by row in interactive time is counted on a sample (sampleMatches) and scaled:
 * `approximate`, each count with its 95% margin.
 */
export async function searchFacets(
  db: Db,
  filters: ArchiveFilters & { q: string },
  type: SearchType,
  top = 10,
): Promise<SearchFacets> {
  const match = matchExpression(filters.q);
  return ftsErrorsAsSyntaxErrors(async () => {
    const articles =
      type === 'quotes'
        ? NO_MATCHES
        : await sampleMatches(db, await articleMatchSet(db, match, filters), '"articles_fts".rowid', {
            sql: `SELECT rowid FROM "articles_fts" WHERE "articles_fts" MATCH ?`,
            params: [match],
          });
    const quotes =
      type === 'articles'
        ? NO_MATCHES
        : await sampleMatches(db, await quoteMatchSet(db, match, filters), '"quotes_fts".rowid', {
            sql: `SELECT rowid FROM "quotes_fts" WHERE "quotes_fts" MATCH ?`,
            params: [match],
          });
    const sets = facetSets(idSet(articles.ids), idSet(quotes.ids), type);
    const articleEvery = type === 'quotes' ? quotes.every : articles.every;
    const quoteEvery = type === 'articles' ? articles.every : quotes.every;
    const counted = Math.max(articles.ids.length, quotes.ids.length);
    const facets = await facetsOf(db, sets.articles, sets.quotes, top, await fewOfArchive(db, counted));
    return { ...sampledTotals(articles, quotes), ...scaleFacets(facets, articleEvery, quoteEvery) };
  });
}

/** Whether `count` articles are few enough to read their rows rather than walk the date index. */
export async function fewOfArchive(db: Db, count: number): Promise<boolean> {
  const [row] = await db.$queryRawUnsafe<{ n: number | bigint | null }[]>(
    `SELECT (SELECT "n" FROM "archive_totals" WHERE "key" = 'articles') AS n`,
  );
  // Measured at 100k: reading a row's date costs ~70 index entries (it lies past the text, on
  // overflow pages).
  return count * 70 < Number(row?.n ?? 0);
}

/**
 * The whole archive at a glance, read from the aggregates the writer maintains
 * (src/db/sqlite/aggregates.ts): a few index entries whatever the archive's size.
 */
export async function archiveStats(db: Db, top = 10): Promise<ArchiveStats> {
  const [totals] = await db.$queryRawUnsafe<
    {
      articles: number | bigint | null;
      people: number | bigint | null;
      speakers: number | bigint;
      quotes: number | bigint | null;
      prices: number | bigint | null;
      first: string | null;
      last: string | null;
    }[]
  >(
    `SELECT (SELECT "n" FROM "archive_totals" WHERE "key" = 'articles') AS articles,
            (SELECT "n" FROM "archive_totals" WHERE "key" = 'people') AS people,
            (SELECT count(*) FROM "person_stats" WHERE "quotes" > 0) AS speakers,
            (SELECT "n" FROM "archive_totals" WHERE "key" = 'quotes') AS quotes,
            (SELECT "n" FROM "archive_totals" WHERE "key" = 'prices') AS prices,
            (SELECT min("sortDate") FROM "articles") AS first, (SELECT max("sortDate") FROM "articles") AS last`,
  );
  const ranked = (count: 'articles' | 'quotes') =>
    db.$queryRawUnsafe<CountRow[]>(
      `SELECT p."id", p."name", p."slug", s."${count}" AS n FROM "person_stats" s JOIN "people" p ON p."id" = s."personId"
       WHERE s."${count}" > 0 ORDER BY s."${count}" DESC, p."name", p."id" LIMIT ?`,
      top,
    );
  const currencies = await db.$queryRawUnsafe<
    { currency: string; prices: number | bigint; articles: number | bigint }[]
  >(`SELECT "currency", "prices", "articles" FROM "currency_stats" ORDER BY "prices" DESC, "currency"`);
  const months = await db.$queryRawUnsafe<{ month: string; n: number | bigint }[]>(
    `SELECT "month", "articles" AS n FROM "month_stats" ORDER BY "month"`,
  );
  const date = (stored: string | null) => (stored === null ? null : new Date(stored).toISOString());
  return {
    totals: {
      articles: Number(totals!.articles ?? 0),
      people: Number(totals!.people ?? 0),
      quotes: Number(totals!.quotes ?? 0),
      prices: Number(totals!.prices ?? 0),
      speakers: Number(totals!.speakers),
    },
    range: { first: date(totals!.first), last: date(totals!.last) },
    people: toPersonCounts(await ranked('articles')),
    speakers: toPersonCounts(await ranked('quotes')),
    currencies: currencies.map((row) => ({
      currency: row.currency,
      prices: Number(row.prices),
      articles: Number(row.articles),
    })),
    months: months.map((row) => ({ month: row.month, articles: Number(row.n) })),
  };
}

export interface PriceStats {
  currency: string;
  count: number;
  /** Exact decimal strings, as stored. */
  min: string;
  max: string;
  /** The middle amount; for an even count the exact mean of the two middle amounts. */
  median: string;
}

/** Exact mean of two canonical decimal strings, as a canonical decimal string. */
export function decimalMidpoint(a: string, b: string): string {
  const scale = Math.max(a.split('.')[1]?.length ?? 0, b.split('.')[1]?.length ?? 0) + 1;
  const toUnits = (value: string): bigint => {
    const negative = value.startsWith('-');
    const [whole = '0', fraction = ''] = value.replace(/^-/, '').split('.');
    const units = BigInt(whole + fraction.padEnd(scale, '0'));
    return negative ? -units : units;
  };
  const sum = toUnits(a) + toUnits(b);
  // The sum of two amounts of scale s-1 is even at scale s, so halving is exact.
  const half = sum / 2n;
  const negative = half < 0n;
  const digits = (negative ? -half : half).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, -scale);
  const fraction = digits.slice(-scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * count, min, max and median of the price mentions matching `filters`, per currency, in SQL.
 *
 * - Price conditions only (or none): per currency, the count and the first, last and middle
 *   entries of the (currency, amountValue, articleId) index, an index-only walk; the middle
 *   entries' amounts are then read by id.
 * - With article filters: one pass over the filtered prices (articles first: from the most
 *   selective filter, else in date order), ranked per currency by a window function.
 */
export async function priceStats(db: Db, filters: ArchiveFilters): Promise<PriceStats[]> {
  // No filter but the currency: the writer's distinct amounts per currency (src/db/queries/prices.ts).
  if (onlyCurrency(filters)) return priceStatsFromAmounts(db, filters.currency);
  const where = new SqlWhere();
  await addArticleConditions(db, where, filters, { skip: ['prices'], dateDriver: true });
  const price = new SqlWhere();
  addPriceConditions(price, filters, 'pm');
  return ftsErrorsAsSyntaxErrors(async () => {
    if (where.conditions.length === 0) return priceStatsByIndex(db, price);
    const rows = await db.$queryRawUnsafe<
      { currency: string; n: number | bigint; rn: number | bigint; amount: string }[]
    >(
      `WITH ranked AS (
         SELECT pm."id", pm."currency",
                row_number() OVER (PARTITION BY pm."currency" ORDER BY pm."amountValue", pm."id") AS rn,
                count(*) OVER (PARTITION BY pm."currency") AS n
         FROM "articles" a CROSS JOIN "price_mentions" pm ON pm."articleId" = a."id"
         WHERE ${[...where.conditions, ...price.conditions].join(' AND ')}
       )
       SELECT r."currency" AS currency, r.n, r.rn, p."amount" AS amount
       FROM ranked r JOIN "price_mentions" p ON p."id" = r."id"
       WHERE r.rn IN (1, r.n, (r.n + 1) / 2, (r.n + 2) / 2)
       ORDER BY r.n DESC, r."currency", r.rn`,
      ...where.params,
      ...price.params,
    );
    const stats: PriceStats[] = [];
    for (const row of rows) {
      const n = Number(row.n);
      const rn = Number(row.rn);
      let entry = stats.at(-1);
      if (entry?.currency !== row.currency) {
        entry = { currency: row.currency, count: n, min: '', max: '', median: '' };
        stats.push(entry);
      }
      const lower = Math.floor((n + 1) / 2);
      const upper = Math.floor((n + 2) / 2);
      if (rn === 1) entry.min = row.amount;
      if (rn === n) entry.max = row.amount;
      if (rn === lower) entry.median = row.amount;
      if (rn === upper && upper !== lower) entry.median = decimalMidpoint(entry.median, row.amount);
    }
    return stats;
  });
}

async function priceStatsByIndex(db: Db, price: SqlWhere): Promise<PriceStats[]> {
  const counts = await db.$queryRawUnsafe<{ currency: string; n: number | bigint }[]>(
    `SELECT pm."currency" AS currency, count(*) AS n FROM "price_mentions" pm ${price.toString()}
     GROUP BY pm."currency" ORDER BY n DESC, currency`,
    ...price.params,
  );
  const stats: PriceStats[] = [];
  for (const { currency, n } of counts) {
    const count = Number(n);
    const scoped = new SqlWhere().add(`pm."currency" = ?`, currency);
    scoped.conditions.push(...price.conditions);
    scoped.params.push(...price.params);
    // Only ids are walked (the index holds them); amounts are read for the rows picked.
    const at = async (order: 'ASC' | 'DESC', offset: number, take: number): Promise<string[]> =>
      (
        await db.$queryRawUnsafe<{ amount: string }[]>(
          `SELECT p."amount" AS amount FROM (
             SELECT pm."id", pm."amountValue" FROM "price_mentions" pm ${scoped.toString()}
             ORDER BY pm."amountValue" ${order} LIMIT ? OFFSET ?
           ) w JOIN "price_mentions" p ON p."id" = w."id" ORDER BY w."amountValue" ${order}`,
          ...scoped.params,
          take,
          offset,
        )
      ).map((row) => row.amount);
    const [min] = await at('ASC', 0, 1);
    const [max] = await at('DESC', 0, 1);
    const middle = await at('ASC', Math.floor((count - 1) / 2), count % 2 === 0 ? 2 : 1);
    const median = middle.length === 2 ? decimalMidpoint(middle[0]!, middle[1]!) : middle[0]!;
    stats.push({ currency, count, min: min!, max: max!, median });
  }
  return stats;
}
