import type { Db } from '../client.ts';
import { decodeCursor, toPage, type Page } from '../cursor.ts';
import { ARTICLE_SUMMARY_COLUMNS, toArticleSummary, type ArticleSummary } from './articles.ts';
import { SqlWhere, addArticleConditions, type ArchiveFilters } from './filters.ts';
import { listQuotes, type QuoteItem } from './quotes.ts';

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
  (SELECT count(DISTINCT m."articleId") FROM "mentions" m WHERE m."personId" = p."id") AS articleCount,
  (SELECT count(*) FROM "quotes" q WHERE q."speakerId" = p."id") AS quoteCount`;

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
  const articles = await db.$queryRawUnsafe<Parameters<typeof toArticleSummary>[0][]>(
    `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM "articles" a
     WHERE a."id" IN (SELECT m."articleId" FROM "mentions" m WHERE m."personId" = ?)
     ORDER BY a."sortDate" DESC, a."id" DESC LIMIT ?`,
    person.id,
    PERSON_DETAIL_LIMIT,
  );
  return { ...person, quotes: quotes.items, articles: articles.map(toArticleSummary) };
}

export type { ArchiveFilters };
