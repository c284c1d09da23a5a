/**
 * Re-running extraction over stored articles after the extractor changed. The article text is
 * never touched; each article's people links, quotes and prices are replaced in one transaction.
 */
import type { PrismaClient } from '../db/client.ts';
import { findStaleArticles, replaceExtraction } from '../db/articles.ts';
import { deleteOrphanPeople } from '../db/people.ts';
import { EXTRACTOR_VERSION, extract } from '../extract/index.ts';

export interface ReextractSummary {
  articles: number;
  peopleRemoved: number;
}

export async function reextractArchive(
  prisma: PrismaClient,
  options: { all?: boolean; onArticle?: (id: number) => void } = {},
): Promise<ReextractSummary> {
  // --all re-runs everything, as if every stored version were older than the current one.
  const olderThan = options.all ? Number.MAX_SAFE_INTEGER : EXTRACTOR_VERSION;
  let articles = 0;
  let afterId = 0;
  for (;;) {
    const batch = await findStaleArticles(prisma, olderThan, afterId, 200);
    if (batch.length === 0) break;
    for (const article of batch) {
      const extraction = extract(article.text);
      await prisma.$transaction((tx) => replaceExtraction(tx, article.id, extraction, EXTRACTOR_VERSION), { timeout: 60_000 });
      articles++;
      options.onArticle?.(article.id);
    }
    afterId = batch.at(-1)!.id;
  }
  const peopleRemoved = await deleteOrphanPeople(prisma);
  return { articles, peopleRemoved };
}
