import { migrateDatabase } from '../db/migrate.ts';
import { openWriter } from '../db/store.ts';
import { defaultPreparer } from '../ingest/extract-pool.ts';
import fs from 'node:fs/promises';
import {
  DEFAULT_BATCH_SIZE,
  importInto,
  STDIN,
  walkEntries,
  writerSink,
  type ImportFailure,
  type ImportSummary,
} from '../ingest/files.ts';
import { Progress } from '../ingest/progress.ts';
import type { InputFormat } from '../ingest/readers/index.ts';
import { reextractArchive } from '../ingest/reextract.ts';
import { loadConfig } from '../config.ts';
import { seedArchive } from './serve.ts';
import { UsageError } from './usage.ts';

export async function seedCommand(): Promise<number> {
  const { databaseUrl } = loadConfig();
  await migrateDatabase(databaseUrl);
  return (await seedArchive(databaseUrl, (line) => console.log(line))) === 0 ? 0 : 1;
}

/** Reads `--max-bytes`, `--format` and `--batch` for `import`. */
function importOptions(values: Record<string, unknown>): {
  maxBytes?: number;
  format?: InputFormat;
  batchSize: number;
} {
  const maxBytes = values['max-bytes'] === undefined ? undefined : Number(values['max-bytes']);
  if (maxBytes !== undefined && (!Number.isInteger(maxBytes) || maxBytes <= 0))
    throw new UsageError('--max-bytes must be a positive integer');
  const format = values.format as string | undefined;
  if (format !== undefined && !FORMATS.includes(format as InputFormat))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const batchSize = values.batch === undefined ? DEFAULT_BATCH_SIZE : Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize <= 0)
    throw new UsageError('--batch must be a positive integer');
  return {
    ...(maxBytes !== undefined && { maxBytes }),
    ...(format !== undefined && { format: format as InputFormat }),
    batchSize,
  };
}

const FORMATS: InputFormat[] = ['text', 'html', 'json', 'ndjson'];

/**
 * Control characters (a newline in a file name above all) as visible escapes, so that a name can
 * never forge a line of the import report.
 */
export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this escapes
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

export function describeFailure(failure: ImportFailure): string {
  const line =
    failure.line !== undefined && !failure.source.endsWith(`#L${failure.line}`) ? `:${failure.line}` : '';
  return escapeControls(`${failure.source}${line}: ${failure.reason}`);
}

/** The skipped inputs as "3 request record, 1 response that is not HTML" (empty when none). */
function describeSkipped(summary: ImportSummary): string {
  return Object.entries(summary.skipped)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([reason, count]) => `${count} ${reason}`)
    .join(', ');
}

/** How many files the walk finds and their total size (0 when stdin is among them: unknown). */
async function measureInputs(paths: string[]): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  let unknown = false;
  for await (const entry of walkEntries(paths)) {
    files++;
    if (entry === STDIN) unknown = true;
    else if (typeof entry === 'string') bytes += (await fs.stat(entry).catch(() => ({ size: 0 }))).size;
  }
  return { files, bytes: unknown ? 0 : bytes };
}

export async function importCommand(paths: string[], values: Record<string, unknown>): Promise<number> {
  if (paths.length === 0) throw new UsageError('name at least one file, folder, glob or - (stdin) to import');
  const options = importOptions(values);
  const { databaseUrl } = loadConfig();
  const { files: total, bytes: totalBytes } = await measureInputs(paths);
  // `prisma migrate deploy` fails (SocketTimeout) while another process (the API) holds the
  // database open, so it only runs when a migration is actually missing.
  await migrateDatabase(databaseUrl);
  const writer = await openWriter(databaseUrl);
  // Extraction in a worker thread while this thread reads files and writes batches.
  const preparer = defaultPreparer();
  const progress = new Progress(total, process.stderr, { totalBytes });
  const plain = process.stderr.isTTY !== true;
  try {
    const summary = await importInto(writerSink(writer, preparer), walkEntries(paths), {
      ...options,
      onResult: (result) => {
        progress.document(result.status === 'failed');
        // On a terminal the bar is redrawn; failures are listed in the summary instead.
        if (result.status === 'failed' && plain) console.error(`failed    ${describeFailure(result)}`);
      },
      onFile: () => progress.file(),
      onBytes: (bytes) => progress.bytes(bytes),
    });
    progress.finish();
    const skipped = describeSkipped(summary);
    console.log(
      `${summary.imported} imported, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed.length} failed (${total} files)`,
    );
    if (skipped) console.log(`Skipped (not articles): ${skipped}`);
    if (summary.failed.length > 0) {
      console.log('Failed:');
      for (const failure of summary.failed) console.log(`  ${describeFailure(failure)}`);
    }
    return summary.failed.length === 0 ? 0 : 1;
  } finally {
    await preparer.close();
    await writer.close();
  }
}

export async function reextractCommand(values: Record<string, unknown>): Promise<number> {
  const { databaseUrl } = loadConfig();
  await migrateDatabase(databaseUrl);
  const summary = await reextractArchive(databaseUrl, { all: values.all === true });
  console.log(
    `Re-extracted ${summary.articles} articles; removed ${summary.peopleRemoved} people no longer mentioned`,
  );
  return 0;
}
