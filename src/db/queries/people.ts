/**
 * People: the /people list, one person (GET /people/:id and the person page) and what the person
 * page shows beside their quotes (personFacets). Counts come from the aggregates the SQLite writer
 * maintains (src/db/sqlite/aggregates.ts, person-aggregates.ts): a person in 30,000 articles costs
 * a few index entries, not a count over their mentions.
 */
import type { Db } from '../client.ts';
import { decodeCursor, toPage, type Page } from '../cursor.ts';
import { ARTICLE_SUMMARY_COLUMNS, toArticleSummary, type ArticleSummary } from './articles.ts';
import { SqlWhere, addArticleConditions, type ArchiveFilters } from './filters.ts';
import { listQuotes, walkBeatsSort, type QuoteItem } from './quotes.ts';
import type { CurrencyCount, MonthCount, PersonCount } from './stats.ts';

export interface PersonSummary {
  id: number;
  name: string;
  slug: string;
  aliases: string[];
  articleCount: number;
  quoteCount: number;
}

interface PersonRow {
  id: number | bigint;
  name: string;
  slug: string;
  aliases: string | null;
  articleCount: number | bigint;
  quoteCount: number | bigint;
}

const PERSON_COLUMNS = `p."id", p."name", p."slug",
  (SELECT json_group_array(pa."alias") FROM (SELECT "alias" FROM "person_aliases" WHERE "personId" = p."id" ORDER BY "alias") pa) AS aliases,
  COALESCE((SELECT s."articles" FROM "person_stats" s WHERE s."personId" = p."id"), 0) AS articleCount,
  COALESCE((SELECT s."quotes" FROM "person_stats" s WHERE s."personId" = p."id"), 0) AS quoteCount`;

const toPersonSummary = (row: PersonRow): PersonSummary => ({
  id: Number(row.id),
  name: row.name,
  slug: row.slug,
  aliases: JSON.parse(row.aliases ?? '[]') as string[],
  articleCount: Number(row.articleCount),
  quoteCount: Number(row.quoteCount),
});

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/**
 * People in name order. `name` matches any part of the canonical name or an alias, in any case;
 * the article filters (`q`, `currency`, dates...) keep the people mentioned in matching articles.
 */
export async function listPeople(
  db: Db,
  filters: ArchiveFilters & { name?: string },
  page: { limit: number; cursor?: string },
): Promise<Page<PersonSummary>> {
  const where = new SqlWhere();
  if (filters.name !== undefined && filters.name.trim() !== '') {
    const pattern = `%${escapeLike(filters.name.trim())}%`;
    where.add(
      `(p."name" LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM "person_aliases" pa WHERE pa."personId" = p."id" AND pa."alias" LIKE ? ESCAPE '\\'))`,
      pattern,
      pattern,
    );
  }
  const articleWhere = new SqlWhere();
  const { name: _name, ...articleFilters } = filters;
  const driver = await addArticleConditions(db, articleWhere, articleFilters);
  if (driver) {
    // Few matching articles: collect their people once.
    where.add(
      `p."id" IN (SELECT m."personId" FROM "mentions" m JOIN "articles" a ON a."id" = m."articleId" ${articleWhere.toString()})`,
      ...articleWhere.params,
    );
  } else if (articleWhere.conditions.length) {
    // Many: test people in name order, each stopping at its first matching article.
    where.add(
      `EXISTS (SELECT 1 FROM "mentions" m JOIN "articles" a ON a."id" = m."articleId" WHERE m."personId" = p."id" AND ${articleWhere.conditions.join(' AND ')})`,
      ...articleWhere.params,
    );
  }
  if (page.cursor !== undefined) {
    const [name, id] = decodeCursor('/people', page.cursor, ['string', 'number']);
    where.add(`(p."name" > ? OR (p."name" = ? AND p."id" > ?))`, name, name, id);
  }
  const rows = await db.$queryRawUnsafe<PersonRow[]>(
    `SELECT ${PERSON_COLUMNS} FROM "people" p ${where.toString()} ORDER BY p."name", p."id" LIMIT ?`,
    ...where.params,
    page.limit + 1,
  );
  const { items, nextCursor } = toPage('/people', rows, page.limit, (row) => [row.name, Number(row.id)]);
  return { items: items.map(toPersonSummary), nextCursor };
}

export const PERSON_DETAIL_LIMIT = 50;

export interface PersonDetail extends PersonSummary {
  quotes: QuoteItem[];
  articles: ArticleSummary[];
}

/** A person by id or slug, with their most recent quotes and articles (the lists link to the full, paginated ones). */
export async function getPerson(db: Db, idOrSlug: string): Promise<PersonDetail | null> {
  const byId = /^\d+$/.test(idOrSlug);
  const [row] = await db.$queryRawUnsafe<PersonRow[]>(
    `SELECT ${PERSON_COLUMNS} FROM "people" p WHERE ${byId ? 'p."id" = ?' : 'p."slug" = ?'}`,
    byId ? Number(idOrSlug) : idOrSlug.toLowerCase(),
  );
  if (!row) return null;
  const person = toPersonSummary(row);
  const quotes = await listQuotes(db, { speaker: String(person.id) }, { limit: PERSON_DETAIL_LIMIT });
  const articles = await latestArticles(db, person, PERSON_DETAIL_LIMIT);
  return { ...person, quotes: quotes.items, articles };
}

/** Articles in the archive: what a walk in date order may have to pass. */
const articleTotal = async (db: Db): Promise<number> =>
  Number(
    (
      await db.$queryRawUnsafe<{ n: number | bigint | null }[]>(
        `SELECT "n" FROM "archive_totals" WHERE "key" = 'articles'`,
      )
    )[0]?.n ?? 0,
  );

/**
 * The person's latest articles, by the cheaper of two plans (walkBeatsSort): their articles
 * collected and sorted by date, or the archive walked newest first until `limit` of theirs are met.
 */
async function latestArticles(db: Db, person: PersonSummary, limit: number): Promise<ArticleSummary[]> {
  const walk = walkBeatsSort(person.articleCount, limit, await articleTotal(db));
  const rows = await db.$queryRawUnsafe<Parameters<typeof toArticleSummary>[0][]>(
    walk
      ? `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM "articles" a INDEXED BY "articles_sortDate_id_idx"
         WHERE EXISTS (SELECT 1 FROM "mentions" m WHERE m."articleId" = a."id" AND m."personId" = ?)
         ORDER BY a."sortDate" DESC, a."id" DESC LIMIT ?`
      : // Ids sorted first: a sort carries every selected column, most of them stored beyond the text.
        `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM "articles" a WHERE a."id" IN (
           SELECT a2."id" FROM "articles" a2
           WHERE a2."id" IN (SELECT m."articleId" FROM "mentions" m WHERE m."personId" = ?)
           ORDER BY a2."sortDate" DESC, a2."id" DESC LIMIT ?
         ) ORDER BY a."sortDate" DESC, a."id" DESC`,
    person.id,
    limit,
  );
  return rows.map(toArticleSummary);
}

/** What the person page shows beside the person's quotes (ArchiveStore.personFacets). */
export interface PersonFacets {
  /** Articles mentioning the person, per YYYY-MM (UTC) of the article date, in calendar order. */
  months: MonthCount[];
  /** Other people mentioned in those articles, by the number of those articles (count desc, name, id), at most `top`. */
  people: PersonCount[];
  /** Price mentions and articles per currency among those articles (prices desc, currency). */
  currencies: CurrencyCount[];
}

/** PersonFacets from the writer's per-person aggregates: index ranges of one person. */
export async function personFacets(db: Db, personId: number, top: number): Promise<PersonFacets> {
  const months = await db.$queryRawUnsafe<{ month: string; n: number | bigint }[]>(
    `SELECT "month", "articles" AS n FROM "person_months" WHERE "personId" = ? ORDER BY "month"`,
    personId,
  );
  const people = await db.$queryRawUnsafe<
    { id: number | bigint; name: string; slug: string; n: number | bigint }[]
  >(
    `SELECT p."id", p."name", p."slug", s."articles" AS n FROM "person_pairs" s JOIN "people" p ON p."id" = s."otherId"
     WHERE s."personId" = ? ORDER BY s."articles" DESC, p."name", p."id" LIMIT ?`,
    personId,
    top,
  );
  const currencies = await db.$queryRawUnsafe<
    { currency: string; prices: number | bigint; articles: number | bigint }[]
  >(
    `SELECT "currency", "prices", "articles" FROM "person_currencies" WHERE "personId" = ?
     ORDER BY "prices" DESC, "currency"`,
    personId,
  );
  return {
    months: months.map((row) => ({ month: row.month, articles: Number(row.n) })),
    people: people.map((row) => ({
      id: Number(row.id),
      name: row.name,
      slug: row.slug,
      count: Number(row.n),
    })),
    currencies: currencies.map((row) => ({
      currency: row.currency,
      prices: Number(row.prices),
      articles: Number(row.articles),
    })),
  };
}

export type { ArchiveFilters };
