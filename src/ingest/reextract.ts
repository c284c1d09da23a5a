/**
 * Re-running extraction over stored articles after the extractor changed. The article text is
 * never touched; the people links, quotes and prices of a batch of articles are replaced in one
 * transaction by the archive's writer (src/db/writer.ts), extraction done before it opens.
 */
import { openWriter, type ArchiveWriter } from '../db/store.ts';
import { EXTRACTOR_VERSION, extract } from '../extract/index.ts';

export interface ReextractSummary {
  articles: number;
  peopleRemoved: number;
}

/** Articles re-extracted per write transaction. */
const BATCH = 100;

export async function reextractArchive(
  database: string | ArchiveWriter,
  options: { all?: boolean; onArticle?: (id: number) => void } = {},
): Promise<ReextractSummary> {
  const writer = typeof database === 'string' ? await openWriter(database) : database;
  try {
    // --all re-runs everything, as if every stored version were older than the current one.
    const olderThan = options.all ? Number.MAX_SAFE_INTEGER : EXTRACTOR_VERSION;
    let articles = 0;
    let afterId = 0;
    for (;;) {
      const batch = await writer.staleArticles(olderThan, afterId, BATCH);
      if (batch.length === 0) break;
      const extracted = batch.map(({ id, contentHash, text }) => ({
        id,
        contentHash,
        extraction: extract(text),
      }));
      articles += await writer.replaceExtractions(extracted, EXTRACTOR_VERSION);
      for (const { id } of batch) options.onArticle?.(id);
      afterId = batch.at(-1)!.id;
      // Let other work (a server in the same process) run between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const peopleRemoved = await writer.deleteOrphanPeople();
    return { articles, peopleRemoved };
  } finally {
    if (writer !== database) await writer.close();
  }
}
