/**
 * The keyset-paged lists of the archive on PostgreSQL (/articles, /people, /quotes, /prices and
 * the export stream), with the shapes and orders of their SQLite counterparts in
 * src/db/queries/. Text is ordered with COLLATE "C" (byte order), as SQLite's BINARY collation
 * orders it, whatever the database's collation; cursors carry ISO 8601 dates.
 */
import type pg from 'pg';
import { decodeCursor, toPage, type Page } from '../cursor.ts';
import type { ArticleSummary } from '../queries/articles.ts';
import type { ExportedArticle } from '../queries/export.ts';
import type { ArchiveFilters } from '../queries/filters.ts';
import type { PersonDetail, PersonSummary } from '../queries/people.ts';
import { PERSON_DETAIL_LIMIT } from '../queries/people.ts';
import type { PriceItem } from '../queries/prices.ts';
import type { QuoteItem } from '../queries/quotes.ts';
import type { PageRequest } from '../store.ts';
import { addArticleConditions, addPriceConditions, matches, resolvePersonIds } from './filters.ts';
import { Conditions, escapeLike, isoDate, rows } from './sql.ts';

interface ArticleRow {
  id: number;
  title: string;
  lead: string;
  source: string;
  sortDate: Date;
  publishedAt: Date | null;
  importedAt: Date;
  wordCount: number;
  language: string | null;
}

const ARTICLE_SUMMARY_COLUMNS = `a."id", a."title", a."lead", a."source", a."sortDate", a."publishedAt", a."importedAt", a."wordCount", a."language"`;

const toArticleSummary = (row: ArticleRow): ArticleSummary => ({
  id: row.id,
  title: row.title,
  lead: row.lead,
  source: row.source,
  date: row.sortDate.toISOString(),
  publishedAt: isoDate(row.publishedAt),
  importedAt: row.importedAt.toISOString(),
  wordCount: row.wordCount,
  language: row.language,
});

/** Articles strictly after (date, id) in newest-first order. */
const afterArticle = (where: Conditions, date: string | number, id: string | number) =>
  where.add(`(a."sortDate", a."id") < (?::timestamptz, ?)`, date, id);

export async function listArticles(
  db: pg.Pool,
  filters: ArchiveFilters,
  page: PageRequest,
): Promise<Page<ArticleSummary>> {
  const where = new Conditions();
  await addArticleConditions(db, where, filters);
  if (page.cursor !== undefined) {
    const [date, id] = decodeCursor('/articles', page.cursor, ['string', 'number']);
    afterArticle(where, date!, id!);
  }
  const found = await rows<ArticleRow>(
    db,
    `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM "articles" a ${where.where()}
     ORDER BY a."sortDate" DESC, a."id" DESC LIMIT ?`,
    [...where.params, page.limit + 1],
  );
  const { items, nextCursor } = toPage('/articles', found, page.limit, (row) => [
    row.sortDate.toISOString(),
    row.id,
  ]);
  return { items: items.map(toArticleSummary), nextCursor };
}

interface PersonRow {
  id: number;
  name: string;
  slug: string;
  aliases: string[];
  articleCount: number;
  quoteCount: number;
}

const PERSON_COLUMNS = `p."id", p."name", p."slug",
  coalesce((SELECT json_agg(pa."alias" ORDER BY pa."alias" COLLATE "C") FROM "person_aliases" pa WHERE pa."personId" = p."id"), '[]') AS "aliases",
  (SELECT count(DISTINCT m."articleId") FROM "mentions" m WHERE m."personId" = p."id") AS "articleCount",
  (SELECT count(*) FROM "quotes" q WHERE q."speakerId" = p."id") AS "quoteCount"`;

const toPersonSummary = (row: PersonRow): PersonSummary => ({ ...row });

export async function listPeople(
  db: pg.Pool,
  filters: ArchiveFilters & { name?: string },
  page: PageRequest,
): Promise<Page<PersonSummary>> {
  const where = new Conditions();
  if (filters.name !== undefined && filters.name.trim() !== '') {
    const pattern = `%${escapeLike(filters.name.trim())}%`;
    where.add(
      `(p."name" ILIKE ? OR EXISTS (SELECT 1 FROM "person_aliases" pa WHERE pa."personId" = p."id" AND pa."alias" ILIKE ?))`,
      pattern,
      pattern,
    );
  }
  const { name: _name, ...articleFilters } = filters;
  const articleWhere = new Conditions();
  await addArticleConditions(db, articleWhere, articleFilters);
  if (articleWhere.conditions.length) {
    where.add(
      `EXISTS (SELECT 1 FROM "mentions" m JOIN "articles" a ON a."id" = m."articleId" WHERE m."personId" = p."id" ${articleWhere.and()})`,
      ...articleWhere.params,
    );
  }
  if (page.cursor !== undefined) {
    const [name, id] = decodeCursor('/people', page.cursor, ['string', 'number']);
    where.add(`(p."name" COLLATE "C" > ? OR (p."name" = ? AND p."id" > ?))`, name, name, id);
  }
  const found = await rows<PersonRow>(
    db,
    `SELECT ${PERSON_COLUMNS} FROM "people" p ${where.where()} ORDER BY p."name" COLLATE "C", p."id" LIMIT ?`,
    [...where.params, page.limit + 1],
  );
  const { items, nextCursor } = toPage('/people', found, page.limit, (row) => [row.name, row.id]);
  return { items: items.map(toPersonSummary), nextCursor };
}

export async function getPerson(db: pg.Pool, idOrSlug: string): Promise<PersonDetail | null> {
  const byId = /^\d+$/.test(idOrSlug);
  if (byId && Number(idOrSlug) > 2 ** 31 - 1) return null;
  const [row] = await rows<PersonRow>(
    db,
    `SELECT ${PERSON_COLUMNS} FROM "people" p WHERE ${byId ? 'p."id" = ?' : 'p."slug" = ?'}`,
    [byId ? Number(idOrSlug) : idOrSlug.toLowerCase()],
  );
  if (!row) return null;
  const person = toPersonSummary(row);
  const quotes = await listQuotes(db, { speaker: String(person.id) }, { limit: PERSON_DETAIL_LIMIT });
  const articles = await rows<ArticleRow>(
    db,
    `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM "articles" a
     WHERE a."id" IN (SELECT m."articleId" FROM "mentions" m WHERE m."personId" = ?)
     ORDER BY a."sortDate" DESC, a."id" DESC LIMIT ?`,
    [person.id, PERSON_DETAIL_LIMIT],
  );
  return { ...person, quotes: quotes.items, articles: articles.map(toArticleSummary) };
}

/** The columns of a quote with its speaker and article, as /quotes and /search select them. */
export const QUOTE_FIELDS = `q."id", q."text", q."cue", q."speakerId", p."name" AS "speakerName", p."slug" AS "speakerSlug",
  a."id" AS "articleId", a."title", a."sortDate"`;

export interface QuoteFieldsRow {
  id: number;
  text: string;
  cue: string | null;
  speakerId: number | null;
  speakerName: string | null;
  speakerSlug: string | null;
  articleId: number;
  title: string;
  sortDate: Date;
}

export const toQuoteFields = (row: QuoteFieldsRow): Omit<QuoteItem, 'start' | 'end'> => ({
  id: row.id,
  text: row.text,
  cue: row.cue,
  speaker:
    row.speakerId === null ? null : { id: row.speakerId, name: row.speakerName!, slug: row.speakerSlug! },
  article: { id: row.articleId, title: row.title, date: row.sortDate.toISOString() },
});

/** Rows strictly after (date, articleId, id): newest article first, then in document order. */
const afterFact = (where: Conditions, list: '/quotes' | '/prices', alias: string, cursor: string) => {
  const [date, articleId, id] = decodeCursor(list, cursor, ['string', 'number', 'number']);
  where.add(
    `(a."sortDate" < ?::timestamptz OR (a."sortDate" = ?::timestamptz AND (a."id" < ? OR (a."id" = ? AND ${alias}."id" > ?))))`,
    date,
    date,
    articleId,
    articleId,
    id,
  );
};

export async function listQuotes(
  db: pg.Pool,
  filters: ArchiveFilters,
  page: PageRequest,
): Promise<Page<QuoteItem>> {
  const where = new Conditions();
  await addArticleConditions(db, where, filters, { skip: ['q', 'speaker'] });
  if (filters.q !== undefined) {
    const match = matches('q."searchVector"', filters.q);
    if (match) where.addPart(match);
  }
  if (filters.speaker !== undefined)
    where.add(`q."speakerId" = ANY(?::int[])`, await resolvePersonIds(db, filters.speaker));
  if (page.cursor !== undefined) afterFact(where, '/quotes', 'q', page.cursor);
  const found = await rows<QuoteFieldsRow & { start: number; end: number }>(
    db,
    `SELECT ${QUOTE_FIELDS}, q."start", q."end"
     FROM "quotes" q JOIN "articles" a ON a."id" = q."articleId" LEFT JOIN "people" p ON p."id" = q."speakerId"
     ${where.where()}
     ORDER BY a."sortDate" DESC, a."id" DESC, q."id" ASC LIMIT ?`,
    [...where.params, page.limit + 1],
  );
  const { items, nextCursor } = toPage('/quotes', found, page.limit, (row) => [
    row.sortDate.toISOString(),
    row.articleId,
    row.id,
  ]);
  return {
    items: items.map((row) => ({ ...toQuoteFields(row), start: row.start, end: row.end })),
    nextCursor,
  };
}

interface PriceRow {
  id: number;
  amount: string;
  currency: string;
  raw: string;
  location: string;
  sentence: string;
  start: number;
  end: number;
  articleId: number;
  title: string;
  sortDate: Date;
}

export async function listPrices(
  db: pg.Pool,
  filters: ArchiveFilters,
  page: PageRequest,
): Promise<Page<PriceItem>> {
  const where = new Conditions();
  await addArticleConditions(db, where, filters, { skip: ['prices'] });
  addPriceConditions(where, filters, 'pm');
  if (page.cursor !== undefined) afterFact(where, '/prices', 'pm', page.cursor);
  const found = await rows<PriceRow>(
    db,
    `SELECT pm."id", pm."amount", pm."currency", pm."raw", pm."location", pm."sentence", pm."start", pm."end",
            a."id" AS "articleId", a."title", a."sortDate"
     FROM "articles" a JOIN "price_mentions" pm ON pm."articleId" = a."id"
     ${where.where()}
     ORDER BY a."sortDate" DESC, a."id" DESC, pm."id" ASC LIMIT ?`,
    [...where.params, page.limit + 1],
  );
  const { items, nextCursor } = toPage('/prices', found, page.limit, (row) => [
    row.sortDate.toISOString(),
    row.articleId,
    row.id,
  ]);
  return {
    items: items.map(({ articleId, title, sortDate, ...price }) => ({
      ...price,
      article: { id: articleId, title, date: sortDate.toISOString() },
    })),
    nextCursor,
  };
}

interface ExportRow extends ArticleRow {
  byline: string | null;
  body: string;
  people: string[];
  quoteCount: number;
  prices: { amount: string; currency: string }[];
}

/** Every article matching `filters`, newest first, read `batchSize` at a time. */
export async function* exportArticles(
  db: pg.Pool,
  filters: ArchiveFilters,
  batchSize = 500,
): AsyncGenerator<ExportedArticle> {
  const base = new Conditions();
  await addArticleConditions(db, base, filters);
  let after: [string, number] | null = null;
  for (;;) {
    const where = new Conditions();
    where.conditions.push(...base.conditions);
    where.params.push(...base.params);
    if (after) afterArticle(where, ...after);
    const batch: ExportRow[] = await rows<ExportRow>(
      db,
      `SELECT ${ARTICLE_SUMMARY_COLUMNS}, a."byline", a."body",
         coalesce((SELECT json_agg(f."name" ORDER BY f.first, f."id") FROM (
            SELECT p."id", p."name", min(m."start") AS first FROM "mentions" m JOIN "people" p ON p."id" = m."personId"
            WHERE m."articleId" = a."id" GROUP BY p."id") f), '[]') AS "people",
         (SELECT count(*) FROM "quotes" q WHERE q."articleId" = a."id") AS "quoteCount",
         coalesce((SELECT json_agg(json_build_object('amount', pm."amount", 'currency', pm."currency") ORDER BY pm."start", pm."id")
            FROM "price_mentions" pm WHERE pm."articleId" = a."id"), '[]') AS "prices"
       FROM "articles" a ${where.where()}
       ORDER BY a."sortDate" DESC, a."id" DESC LIMIT ?`,
      [...where.params, batchSize],
    );
    for (const row of batch) {
      yield {
        id: row.id,
        date: row.sortDate.toISOString(),
        publishedAt: isoDate(row.publishedAt),
        importedAt: row.importedAt.toISOString(),
        title: row.title,
        source: row.source,
        byline: row.byline,
        wordCount: row.wordCount,
        people: row.people,
        quoteCount: row.quoteCount,
        prices: row.prices,
        lead: row.lead,
        body: row.body,
      };
    }
    if (batch.length < batchSize) return;
    const last = batch.at(-1)!;
    after = [last.sortDate.toISOString(), last.id];
  }
}
