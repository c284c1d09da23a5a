import { databaseFile } from '../db/client.ts';
import { databaseFailure } from '../db/database-file.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { openWriter } from '../db/store.ts';
import { defaultPreparer } from '../ingest/extract-pool.ts';
import {
  DEFAULT_BATCH_SIZE,
  importInto,
  walkFiles,
  writerSink,
  type ImportFailure,
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

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A name or reason as one line of the report: control characters (a newline in a file name
 * would forge report lines; an escape sequence would repaint the terminal) are shown escaped.
 */
export function printable(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f]/g,
    (c) => ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

export function describeFailure(failure: ImportFailure): string {
  const source = printable(failure.source);
  return `${source}${failure.line !== undefined && !failure.source.endsWith(`#L${failure.line}`) ? `:${failure.line}` : ''}: ${printable(failure.reason)}`;
}

export async function importCommand(paths: string[], values: Record<string, unknown>): Promise<number> {
  if (paths.length === 0) throw new UsageError('name at least one file, folder, glob or - (stdin) to import');
  const options = importOptions(values);
  const { databaseUrl } = loadConfig();
  let total = 0;
  for await (const _ of walkFiles(paths)) total++;
  // `prisma migrate deploy` fails (SocketTimeout) while another process (the API) holds the
  // database open, so it only runs when a migration is actually missing.
  await migrateDatabase(databaseUrl);
  const writer = await openWriter(databaseUrl);
  // Extraction in a worker thread while this thread reads files and writes batches.
  const preparer = defaultPreparer();
  const progress = new Progress(total, process.stderr);
  const plain = process.stderr.isTTY !== true;
  // Counted here too: when the disk fills up, the import stops and these say what was stored.
  const stored = { imported: 0, updated: 0, unchanged: 0, failed: 0 };
  try {
    const summary = await importInto(writerSink(writer, preparer), walkFiles(paths), {
      ...options,
      onResult: (result) => {
        stored[result.status]++;
        // Every later document would fail the same way: stop at the first.
        if (result.status === 'failed' && databaseFailure(new Error(result.reason))?.problem === 'full')
          throw new Error(result.reason);
        progress.document(result.status === 'failed');
        // On a terminal the bar is redrawn; failures are listed in the summary instead.
        if (result.status === 'failed' && plain) console.error(`failed    ${describeFailure(result)}`);
      },
      onFile: () => progress.file(),
    });
    progress.finish();
    console.log(
      `${summary.imported} imported, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed.length} failed (${total} files)`,
    );
    if (summary.failed.length > 0) {
      console.log('Failed:');
      for (const failure of summary.failed) console.log(`  ${describeFailure(failure)}`);
    }
    return summary.failed.length === 0 ? 0 : 1;
  } catch (error) {
    const failure = databaseFailure(
      error,
      databaseUrl.startsWith('file:') ? databaseFile(databaseUrl) : undefined,
    );
    if (failure?.problem !== 'full') throw error;
    progress.finish();
    console.error(
      `news-archive import: ${failure.message} The import stopped; stored until then: ${stored.imported} imported, ${stored.updated} updated, ${stored.unchanged} unchanged, ${stored.failed} failed.`,
    );
    return 1;
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
