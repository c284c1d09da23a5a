import type { Db } from '../client.ts';
import { decodeCursor, toPage, type Page } from '../cursor.ts';
import { SqlWhere, addArticleConditions, isoDate, type ArchiveFilters, storedDate } from './filters.ts';

export interface ArticleSummary {
  id: number;
  title: string;
  lead: string;
  source: string;
  date: string;
  publishedAt: string | null;
  importedAt: string;
  wordCount: number;
}

interface ArticleRow {
  id: number | bigint;
  title: string;
  lead: string;
  source: string;
  sortDate: string;
  publishedAt: string | null;
  importedAt: string;
  wordCount: number | bigint;
}

export const ARTICLE_SUMMARY_COLUMNS = `a."id", a."title", a."lead", a."source", a."sortDate", a."publishedAt", a."importedAt", a."wordCount"`;

export function toArticleSummary(row: ArticleRow): ArticleSummary {
  return {
    id: Number(row.id),
    title: row.title,
    lead: row.lead,
    source: row.source,
    date: isoDate(row.sortDate)!,
    publishedAt: isoDate(row.publishedAt),
    importedAt: isoDate(row.importedAt)!,
    wordCount: Number(row.wordCount),
  };
}

/** Newest first (by article date, then id), filtered by any combination of `filters`. */
export async function listArticles(
  db: Db,
  filters: ArchiveFilters,
  page: { limit: number; cursor?: string },
): Promise<Page<ArticleSummary>> {
  const where = new SqlWhere();
  await addArticleConditions(db, where, filters);
  if (page.cursor !== undefined) {
    const [date, id] = decodeCursor(page.cursor, ['string', 'number']);
    where.add(`(a."sortDate" < ? OR (a."sortDate" = ? AND a."id" < ?))`, date, date, id);
  }
  const rows = await db.$queryRawUnsafe<ArticleRow[]>(
    `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM "articles" a ${where.toString()}
     ORDER BY a."sortDate" DESC, a."id" DESC LIMIT ?`,
    ...where.params,
    page.limit + 1,
  );
  const { items, nextCursor } = toPage(rows, page.limit, (row) => [storedDate(row.sortDate), Number(row.id)]);
  return { items: items.map(toArticleSummary), nextCursor };
}

export async function getArticle(db: Db, id: number) {
  const article = await db.article.findUnique({
    where: { id },
    include: {
      mentions: { select: { personId: true, text: true, start: true, end: true }, orderBy: { start: 'asc' } },
      quotes: {
        include: { speaker: { select: { id: true, name: true, slug: true } } },
        orderBy: { start: 'asc' },
      },
      prices: { orderBy: { start: 'asc' } },
      revisions: {
        select: { id: true, contentHash: true, importedAt: true, replacedAt: true },
        orderBy: { id: 'asc' },
      },
    },
  });
  if (!article) return null;
  const personIds = [...new Set(article.mentions.map((m) => m.personId))];
  const people = await db.person.findMany({
    where: { id: { in: personIds } },
    select: {
      id: true,
      name: true,
      slug: true,
      aliases: { select: { alias: true }, orderBy: { alias: 'asc' } },
    },
  });
  const firstMention = new Map<number, number>();
  for (const m of article.mentions) if (!firstMention.has(m.personId)) firstMention.set(m.personId, m.start);
  return {
    id: article.id,
    title: article.title,
    lead: article.lead,
    body: article.body,
    text: article.text,
    source: article.source,
    format: article.format,
    byline: article.byline,
    date: article.sortDate.toISOString(),
    publishedAt: article.publishedAt?.toISOString() ?? null,
    importedAt: article.importedAt.toISOString(),
    updatedAt: article.updatedAt.toISOString(),
    wordCount: article.wordCount,
    contentHash: article.contentHash,
    extractorVersion: article.extractorVersion,
    people: people
      .sort((x, y) => firstMention.get(x.id)! - firstMention.get(y.id)!)
      .map((p) => ({
        id: p.id,
        name: p.name,
        slug: p.slug,
        aliases: p.aliases.map((a) => a.alias),
        mentions: article.mentions
          .filter((m) => m.personId === p.id)
          .map(({ text, start, end }) => ({ text, start, end })),
      })),
    quotes: article.quotes.map((q) => ({
      id: q.id,
      text: q.text,
      cue: q.cue,
      speaker: q.speaker,
      start: q.start,
      end: q.end,
    })),
    prices: article.prices.map((p) => ({
      id: p.id,
      amount: p.amount,
      currency: p.currency,
      raw: p.raw,
      location: p.location,
      sentence: p.sentence,
      start: p.start,
      end: p.end,
    })),
    revisions: article.revisions.map((r) => ({
      id: r.id,
      contentHash: r.contentHash,
      importedAt: r.importedAt.toISOString(),
      replacedAt: r.replacedAt.toISOString(),
    })),
  };
}

export type ArticleDetail = NonNullable<Awaited<ReturnType<typeof getArticle>>>;
