/**
 * Writing articles and their extracted facts. Callers pass a transaction client so that an
 * article and all its facts land together or not at all.
 */
import type { Extraction } from '../extract/types.ts';
import type { Db } from './client.ts';
import { resolvePeople } from './people.ts';

export interface ArticleInput {
  source: string;
  format: string;
  contentHash: string;
  publishedAt: Date | null;
  byline: string | null;
  extractorVersion: number;
}

export function findArticleByHash(db: Db, contentHash: string) {
  return db.article.findUnique({ where: { contentHash }, select: { id: true, source: true } });
}

export function findArticleBySource(db: Db, source: string) {
  return db.article.findUnique({
    where: { source },
    select: { id: true, title: true, text: true, contentHash: true, importedAt: true },
  });
}

function articleColumns(input: ArticleInput, extraction: Extraction, now: Date) {
  return {
    title: extraction.title,
    lead: extraction.lead,
    body: extraction.body,
    text: extraction.document.text,
    source: input.source,
    format: input.format,
    byline: input.byline,
    publishedAt: input.publishedAt,
    sortDate: input.publishedAt ?? now,
    contentHash: input.contentHash,
    wordCount: extraction.wordCount,
    extractorVersion: input.extractorVersion,
  };
}

/** Writes the people, mentions, quotes and prices of one article (which must have none yet). */
export async function insertFacts(db: Db, articleId: number, extraction: Extraction): Promise<void> {
  const personIds = await resolvePeople(db, extraction.people);
  const mentions = extraction.people.flatMap((person) =>
    person.mentions.map((m) => ({ articleId, personId: personIds.get(person.name)!, text: m.text, start: m.start, end: m.end })),
  );
  if (mentions.length) await db.mention.createMany({ data: mentions });
  if (extraction.quotes.length) {
    await db.quote.createMany({
      data: extraction.quotes.map((q) => ({
        articleId,
        speakerId: q.speaker === null ? null : (personIds.get(q.speaker) ?? null),
        text: q.text,
        cue: q.cue,
        start: q.start,
        end: q.end,
      })),
    });
  }
  if (extraction.prices.length) {
    await db.priceMention.createMany({
      data: extraction.prices.map((p) => ({
        articleId,
        amount: p.amount,
        amountValue: Number(p.amount),
        currency: p.currency,
        raw: p.raw,
        start: p.start,
        end: p.end,
        location: p.location,
        sentence: p.sentence,
      })),
    });
  }
}

export async function deleteFacts(db: Db, articleId: number): Promise<void> {
  await db.mention.deleteMany({ where: { articleId } });
  await db.quote.deleteMany({ where: { articleId } });
  await db.priceMention.deleteMany({ where: { articleId } });
}

export async function createArticle(db: Db, input: ArticleInput, extraction: Extraction): Promise<number> {
  const { id } = await db.article.create({ data: articleColumns(input, extraction, new Date()), select: { id: true } });
  await insertFacts(db, id, extraction);
  return id;
}

/** Replaces an article's text and facts, keeping the text it had as a revision. */
export async function reviseArticle(
  db: Db,
  previous: NonNullable<Awaited<ReturnType<typeof findArticleBySource>>>,
  input: ArticleInput,
  extraction: Extraction,
): Promise<void> {
  await db.articleRevision.create({
    data: {
      articleId: previous.id,
      title: previous.title,
      text: previous.text,
      contentHash: previous.contentHash,
      importedAt: previous.importedAt,
    },
  });
  await deleteFacts(db, previous.id);
  const now = new Date();
  await db.article.update({ where: { id: previous.id }, data: { ...articleColumns(input, extraction, now), importedAt: now } });
  await insertFacts(db, previous.id, extraction);
}

/** Articles whose facts came from an older extractor, oldest first, a batch at a time. */
export function findStaleArticles(db: Db, extractorVersion: number, afterId: number, take: number) {
  return db.article.findMany({
    where: { extractorVersion: { lt: extractorVersion }, id: { gt: afterId } },
    select: { id: true, text: true },
    orderBy: { id: 'asc' },
    take,
  });
}

export async function replaceExtraction(db: Db, articleId: number, extraction: Extraction, extractorVersion: number): Promise<void> {
  await deleteFacts(db, articleId);
  await insertFacts(db, articleId, extraction);
  await db.article.update({ where: { id: articleId }, data: { extractorVersion, wordCount: extraction.wordCount } });
}
