/**
 * Exports as users download them: the store's article stream (newest first, constant memory)
 * formatted as NDJSON or CSV text chunks. One flow for GET /articles/export and
 * `news-archive export`.
 */
import { EXPORT_BATCH_SIZE, type ExportedArticle } from '../db/queries/export.ts';
import type { ArchiveFilters, ArchiveStore } from '../db/store.ts';

export type ExportFormat = 'ndjson' | 'csv';

export const CSV_COLUMNS = [
  'id',
  'date',
  'publishedAt',
  'importedAt',
  'title',
  'source',
  'byline',
  'wordCount',
  'people',
  'quoteCount',
  'prices',
  'lead',
  'body',
] as const;

/**
 * RFC 4180: a field holding a comma, quote or line break is quoted, its quotes doubled. Text that
 * a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe;
 * numbers stay numbers.
 */
export function csvField(value: string | number | null): string {
  const text =
    value === null ? '' : typeof value === 'number' ? String(value) : value.replace(/^[=+\-@\t\r]/, "'$&");
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record; lists are flattened with "; " (people) and "amount CURRENCY" pairs (prices). */
export function csvRecord(article: ExportedArticle): string {
  const flat: Record<(typeof CSV_COLUMNS)[number], string | number | null> = {
    ...article,
    people: article.people.join('; '),
    prices: article.prices.map((p) => `${p.amount} ${p.currency}`).join('; '),
  };
  return `${CSV_COLUMNS.map((column) => csvField(flat[column])).join(',')}\r\n`;
}

export const CSV_HEADER = `${CSV_COLUMNS.join(',')}\r\n`;

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
};

/**
 * The export as text chunks (one per batch of articles), ready for Readable.from: it reads the
 * next batch only when the consumer asks for more.
 */
export async function* exportChunks(
  store: ArchiveStore,
  filters: ArchiveFilters,
  format: ExportFormat,
  {
    batchSize = EXPORT_BATCH_SIZE,
    onArticle,
  }: { batchSize?: number; onArticle?: (article: ExportedArticle) => void } = {},
): AsyncGenerator<string> {
  // The header goes out with the first batch, so the first read of the generator runs a query.
  let chunk = format === 'csv' ? CSV_HEADER : '';
  let count = 0;
  for await (const article of store.exportArticles(filters, batchSize)) {
    chunk += format === 'csv' ? csvRecord(article) : `${JSON.stringify(article)}\n`;
    onArticle?.(article);
    if (++count % batchSize === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
