/**
 * `news-archive export`: every article matching the filters of /articles, as NDJSON or CSV, on
 * stdout or into a file. Same rows, order and format as GET /articles/export.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import { pipeline } from 'node:stream/promises';
import { Archive } from '../archive/archive.ts';
import { InvalidInputError, SearchSyntaxError } from '../archive/errors.ts';
import { FILTER_NAMES, FilterQuery, invalidParameter } from '../archive/filter-schema.ts';
import type { FilterQuerystring } from '../archive/filters.ts';
import { loadConfig } from '../config.ts';
import { UsageError } from './usage.ts';

export const EXPORT_FILTER_OPTIONS = FILTER_NAMES;

const FilterSchema = Type.Object(FilterQuery);

export async function exportCommand(values: Record<string, unknown>): Promise<number> {
  const format = typeof values.format === 'string' ? values.format : 'ndjson';
  if (format !== 'ndjson' && format !== 'csv')
    throw new UsageError(`--format must be ndjson or csv, got "${format}"`);
  const query: FilterQuerystring = {};
  for (const name of EXPORT_FILTER_OPTIONS) {
    const value = values[name];
    if (typeof value === 'string') query[name] = value;
  }
  const invalid = invalidParameter(FilterSchema, query, '--');
  if (invalid) throw new UsageError(invalid);
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
