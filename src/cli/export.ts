/**
 * `news-archive export`: every article matching the filters of /articles, as NDJSON or CSV, on
 * stdout or into a file. Same rows, order and format as GET /articles/export.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Archive } from '../archive/archive.ts';
import { InvalidInputError, SearchSyntaxError } from '../archive/errors.ts';
import type { FilterQuerystring } from '../archive/filters.ts';
import { loadConfig } from '../config.ts';
import { UsageError } from './usage.ts';

export const EXPORT_FILTER_OPTIONS = [
  'q',
  'person',
  'speaker',
  'currency',
  'min',
  'max',
  'from',
  'to',
  'source',
  'lang',
] as const;

const DECIMAL = /^-?\d{1,15}(\.\d{1,10})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export async function exportCommand(values: Record<string, unknown>): Promise<number> {
  const format = typeof values.format === 'string' ? values.format : 'ndjson';
  if (format !== 'ndjson' && format !== 'csv')
    throw new UsageError(`--format must be ndjson or csv, got "${format}"`);
  const query: FilterQuerystring = {};
  for (const name of EXPORT_FILTER_OPTIONS) {
    const value = values[name];
    if (typeof value === 'string') query[name] = value;
  }
  if (query.currency !== undefined && !/^[A-Za-z]{3}$/.test(query.currency))
    throw new UsageError('--currency must be an ISO 4217 code such as EUR');
  for (const name of ['min', 'max'] as const) {
    if (query[name] !== undefined && !DECIMAL.test(query[name]))
      throw new UsageError(`--${name} must be a decimal number`);
  }
  for (const name of ['from', 'to'] as const) {
    if (query[name] !== undefined && !DATE.test(query[name]))
      throw new UsageError(`--${name} must be YYYY-MM-DD or ISO 8601`);
  }
  const { databaseUrl } = loadConfig();
  const archive = await Archive.open(databaseUrl);
  try {
    let count = 0;
    let chunks: AsyncGenerator<string>;
    try {
      chunks = await archive.export(query, format, { onArticle: () => count++ });
    } catch (error) {
      if (error instanceof InvalidInputError || error instanceof SearchSyntaxError)
        throw new UsageError(error.message);
      throw error;
    }
    const out = typeof values.out === 'string' ? fs.createWriteStream(values.out) : process.stdout;
    // pipeline() waits for the stream's buffer to drain before pulling the next batch.
    await pipeline(Readable.from(chunks), out, { end: out !== process.stdout });
    console.error(
      `Exported ${count} articles as ${format}${typeof values.out === 'string' ? ` to ${values.out}` : ''}`,
    );
    return 0;
  } finally {
    await archive.close();
  }
}
