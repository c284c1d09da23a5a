/**
 * What the writers of every dialect decide the same way, without SQL: an article's row, the
 * outcome of meeting a stored text again, and which metadata a re-import of unchanged text refreshes.
 */
import type { ArticleSource, PreparedDocument, WriteOutcome } from './writer.ts';

/** The metadata of a stored article that a re-import of the same text may refresh. */
export interface StoredMetadata {
  byline: string | null;
  publishedAt: Date | null;
  language: string | null;
  encoding: string | null;
}

/** "unchanged", naming the source already holding the text when it is another one. */
export function unchanged(source: string, known: { id: number; source: string }): WriteOutcome {
  return {
    status: 'unchanged',
    articleId: known.id,
    source,
    ...(known.source !== source ? { duplicateOf: known.source } : {}),
  };
}

/**
 * The metadata a re-import of unchanged text brings, or null when nothing changes. New values
 * replace old ones; a value the new import lacks keeps the stored one. The stored language was
 * detected from the text (which has not changed), so the declared one only fills a gap.
 */
export function refreshedMetadata(known: StoredMetadata, input: ArticleSource): StoredMetadata | null {
  const next = {
    byline: input.byline ?? known.byline,
    publishedAt: input.publishedAt ? new Date(input.publishedAt) : known.publishedAt,
    language: known.language ?? input.language ?? null,
    encoding: input.encoding ?? known.encoding,
  };
  const same =
    next.byline === known.byline &&
    next.publishedAt?.getTime() === known.publishedAt?.getTime() &&
    next.language === known.language &&
    next.encoding === known.encoding;
  return same ? null : next;
}

/** The "articles" columns every writer inserts, in the order of `articleRow`. */
export const ARTICLE_COLUMNS = [
  'id',
  'title',
  'lead',
  'body',
  'text',
  'source',
  'format',
  'byline',
  'publishedAt',
  'sortDate',
  'contentHash',
  'wordCount',
  'importedAt',
  'updatedAt',
  'extractorVersion',
  'language',
  'encoding',
];

/**
 * The article's row in ARTICLE_COLUMNS order, dates as the dialect stores them (`date` maps a
 * Date to that form; `now` is already in it).
 */
export function articleRow<D>(
  id: number,
  { input, hash, extraction, extractorVersion }: PreparedDocument,
  now: D,
  date: (value: Date) => D,
): (string | number | D | null)[] {
  const publishedAt = input.publishedAt ? date(input.publishedAt) : null;
  return [
    id,
    extraction.title,
    extraction.lead,
    extraction.body,
    extraction.document.text,
    input.source,
    input.format,
    input.byline ?? null,
    publishedAt,
    publishedAt ?? now,
    hash,
    extraction.wordCount,
    now,
    now,
    extractorVersion,
    extraction.language ?? input.language ?? null,
    input.encoding ?? null,
  ];
}
