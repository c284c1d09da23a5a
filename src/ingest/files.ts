/**
 * Turning paths into documents and documents into articles: walks folders, expands globs, reads
 * stdin, decodes files in whatever encoding they are (readers/decode.ts), parses them with the
 * reader their format needs, streams WARC files record by record (readers/warc.ts), and reports
 * every entry, file, line or record it cannot use with the reason, so that one bad input never
 * stops an import. Memory: one non-WARC file (within maxBytes) or one WARC record at a time,
 * plus the batches in flight.
 */
import { constants as fsConstants, createReadStream, type Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { openWriter, type ArchiveWriter } from '../db/store.ts';
import type { PreparedDocument, WriteResult } from '../db/writer.ts';
import { defaultPreparer, inlinePreparer, type Preparer } from './extract-pool.ts';
import type { IngestOutcome } from './ingest.ts';
import { InvalidDocumentError, contentHash, type DocumentInput } from './prepare.ts';
import {
  decodeBytes,
  formatOfFile,
  isWarcFile,
  looksLikeWarc,
  readDocuments,
  readWarc,
  UndecodableError,
  type InputFormat,
  type ReadResult,
} from './readers/index.ts';

export { prepareDocument } from './prepare.ts';

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;
/** The name standing for standard input on the command line. */
export const STDIN = '-';

export class UnreadableFileError extends Error {
  override name = 'UnreadableFileError';
}

/** How a file is named in the archive: relative to the working directory when under it. */
export function sourceName(file: string, cwd = process.cwd()): string {
  if (file === STDIN) return 'stdin';
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative)
    ? relative.split(path.sep).join('/')
    : absolute;
}

async function statOrNull(entry: string) {
  try {
    return await fs.stat(entry);
  } catch {
    return null;
  }
}

/** A path the walk could not use, with the reason (reported by the import like a bad file). */
export interface WalkFailure {
  source: string;
  reason: string;
}

/** What the walk yields: a file to read, or an entry it could not use. */
export type WalkEntry = string | WalkFailure;

const SPECIAL_FILES: [keyof Stats, string][] = [
  ['isFIFO', 'a named pipe (FIFO)'],
  ['isSocket', 'a socket'],
  ['isCharacterDevice', 'a character device'],
  ['isBlockDevice', 'a block device'],
];

/** Why stat() failed on an entry, in words (a broken or looping link, a missing path, permissions). */
function statFailure(error: unknown, isLink: boolean): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return 'a symbolic link loop (the link leads back to itself)';
  if (code === 'ENOENT')
    return isLink ? 'a broken symbolic link (its target does not exist)' : 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot read the entry (${code ?? (error as Error).message})`;
}

/**
 * Every importable file under the given paths, in a stable order, one at a time: explicit files
 * whatever their extension, files in folders (recursively, hidden ones skipped) and glob matches
 * when their extension names a known format, and `-` for stdin. Streams, so that a walk over a
 * million files holds one folder listing at a time. Nothing on the way stops the walk: a missing
 * path, a broken link, a link loop, a folder reached twice through links, a FIFO or device (never
 * opened, so never blocking), an unreadable folder are yielded as failures with their reason.
 */
export async function* walkEntries(paths: string[]): AsyncGenerator<WalkEntry> {
  const seenFolders = new Set<string>();
  async function* visit(entry: string, explicit: boolean): AsyncGenerator<WalkEntry> {
    const source = sourceName(entry);
    let stat: Stats;
    let isLink = false;
    try {
      isLink = (await fs.lstat(entry)).isSymbolicLink();
      stat = await fs.stat(entry);
    } catch (error) {
      yield { source, reason: statFailure(error, isLink) };
      return;
    }
    if (stat.isDirectory()) {
      const key = `${stat.dev}:${stat.ino}`;
      if (seenFolders.has(key)) {
        yield { source, reason: 'a link to a folder already imported (a folder loop)' };
        return;
      }
      seenFolders.add(key);
      let names: string[];
      try {
        names = (await fs.readdir(entry)).filter((name) => !name.startsWith('.')).sort();
      } catch (error) {
        yield { source, reason: statFailure(error, false) };
        return;
      }
      for (const name of names) yield* visit(path.join(entry, name), false);
      seenFolders.delete(key);
      return;
    }
    const wanted = explicit || formatOfFile(entry) !== null || isWarcFile(entry);
    if (!wanted) return;
    if (stat.isFile()) {
      yield entry;
      return;
    }
    const kind = SPECIAL_FILES.find(([test]) => (stat[test] as () => boolean).call(stat))?.[1];
    yield { source, reason: `not a regular file (${kind ?? 'a special file'}); not read` };
  }
  for (const entry of paths) {
    if (entry === STDIN) {
      yield STDIN;
    } else if (isDynamicPattern(entry) && !(await statOrNull(entry))) {
      const matches = (await glob(entry, { onlyFiles: true, dot: false, expandDirectories: false })).sort();
      for (const match of matches) if (formatOfFile(match) !== null || isWarcFile(match)) yield match;
    } else {
      yield* visit(entry, true);
    }
  }
}

/** The files walkEntries finds, without the entries it could not use. */
export async function* walkFiles(paths: string[]): AsyncGenerator<string> {
  for await (const entry of walkEntries(paths)) if (typeof entry === 'string') yield entry;
}

/** Every importable file under the given paths, as a list (see walkFiles). */
export async function collectFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for await (const file of walkFiles(paths)) files.push(file);
  return files;
}

function checkSize(size: number, maxBytes: number, what = 'the file'): void {
  if (size === 0) throw new UnreadableFileError(`${what} is empty`);
  if (size > maxBytes)
    throw new UnreadableFileError(`${what} is ${size} bytes, over the limit of ${maxBytes}`);
}

/**
 * Decodes a file's bytes as text (readers/decode.ts: BOM, then valid UTF-8, then detection of a
 * legacy encoding), refusing what is empty, too big, binary or only whitespace.
 */
export function decodeText(bytes: Uint8Array, maxBytes = DEFAULT_MAX_FILE_BYTES): string {
  checkSize(bytes.length, maxBytes);
  let text: string;
  try {
    text = decodeBytes(bytes).text;
  } catch (error) {
    if (error instanceof UndecodableError) throw new UnreadableFileError(error.message);
    throw error;
  }
  if (text.replace(/^\uFEFF/, '').trim() === '')
    throw new UnreadableFileError('the file holds only whitespace');
  return text;
}

/**
 * Reads a file, refusing one over the size limit before reading it. Opened non-blocking and
 * checked to be a regular file after opening, so that a FIFO swapped in after the walk never
 * blocks the import.
 */
export async function readFileBytes(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<Uint8Array> {
  const handle = await fs.open(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new UnreadableFileError('not a regular file; not read');
    checkSize(stat.size, maxBytes);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** Reads standard input to its end (at most maxBytes + 1 bytes are kept, to report the size). */
export async function readStdin(
  maxBytes = DEFAULT_MAX_FILE_BYTES,
  stream: NodeJS.ReadableStream = process.stdin,
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > maxBytes)
      throw new UnreadableFileError(`standard input is over the limit of ${maxBytes} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export async function readTextDocument(
  file: string,
  maxBytes = DEFAULT_MAX_FILE_BYTES,
): Promise<DocumentInput> {
  return {
    source: sourceName(file),
    format: 'text',
    text: decodeText(await readFileBytes(file, maxBytes), maxBytes),
  };
}

export interface ImportFailure {
  source: string;
  /** 1-based line of a JSON-lines record. */
  line?: number;
  reason: string;
}

export interface ImportSummary {
  imported: number;
  updated: number;
  unchanged: number;
  failed: ImportFailure[];
  /** Inputs that are not articles, counted by kind (WARC request/metadata/revisit, non-HTML, non-2xx). */
  skipped: Record<string, number>;
}

export const emptySummary = (): ImportSummary => ({
  imported: 0,
  updated: 0,
  unchanged: 0,
  failed: [],
  skipped: {},
});

export function failureReason(error: unknown): string {
  if (error instanceof UnreadableFileError || error instanceof InvalidDocumentError) return error.message;
  if (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    error.code.startsWith('E')
  ) {
    return `cannot read the file (${error.code})`;
  }
  // Whatever else went wrong with one input is that input's failure, not the import's.
  return `cannot read the file (${error instanceof Error ? error.message : String(error)})`;
}

export type ImportEvent = IngestOutcome | ({ status: 'failed' } & ImportFailure);

export interface ImportOptions {
  maxBytes?: number;
  /** Read every input as this format instead of choosing by extension (stdin: by sniffing). */
  format?: InputFormat;
  onResult?: (outcome: ImportEvent) => void;
  /** Called after each input file is done (read, parsed and its documents written). */
  onFile?: (file: string) => void;
  /** Called as the bytes of the inputs are read (a WARC: as it streams; any other file: once read). */
  onBytes?: (bytes: number) => void;
  /** Called for each input that is not an article (a WARC's request record...), with its kind. */
  onSkip?: (reason: string) => void;
  /** Documents written per transaction (importInto: 1; importFiles: DEFAULT_BATCH_SIZE). */
  batchSize?: number;
  /** Batches in the sink at once (2: one extracted while the one before is written). */
  pipelineDepth?: number;
  /** importFiles: extract in a worker thread (default: when there are more than 50 files). */
  extractInWorker?: boolean;
}

/** Articles per write transaction: large enough to amortise the commit, small enough to lose little on a crash. */
export const DEFAULT_BATCH_SIZE = 100;

/** Where documents go: a batch in, one result per document out, in order. */
export type DocumentSink = (inputs: DocumentInput[]) => Promise<WriteResult[]>;

/**
 * Writes through the archive's writer: content already stored is recognised by its hash before
 * paying for extraction (a re-run after a crash), the rest is extracted by `preparer` (outside
 * any transaction, in a worker thread when it is one) and written in one transaction per batch.
 */
export function writerSink(writer: ArchiveWriter, preparer: Preparer = inlinePreparer()): DocumentSink {
  return async (inputs) => {
    const results: (WriteResult | null)[] = [];
    const toPrepare: DocumentInput[] = [];
    const knowns = await writer.matchKnownAll(
      inputs.map((input) => ({ hash: contentHash(input.text), input })),
    );
    for (const [i, input] of inputs.entries()) {
      const known = knowns[i];
      if (known) {
        results.push(known);
      } else {
        toPrepare.push(input);
        results.push(null);
      }
    }
    const preparations = await preparer.prepare(toPrepare);
    const prepared: PreparedDocument[] = [];
    const slots = preparations.map((preparation): WriteResult | null => {
      if (!preparation.ok)
        return { status: 'failed', source: preparation.source, reason: preparation.reason };
      prepared.push(preparation.document);
      return null;
    });
    const written = await writer.writeBatch(prepared);
    let nextSlot = 0;
    let nextWritten = 0;
    return results.map((result) => result ?? slots[nextSlot++] ?? written[nextWritten++]!);
  };
}

/** What reading one input yields: documents and failures, and inputs skipped as not articles. */
export type InputItem = ReadResult | { skipped: string };

/** Counts the bytes of a stream as they pass. */
async function* counted(
  stream: AsyncIterable<Uint8Array>,
  onBytes: ((bytes: number) => void) | undefined,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of stream) {
    onBytes?.(chunk.length);
    yield chunk;
  }
}

/** Standard input with its first chunk already read, to tell a WARC stream from a document. */
async function peekStdin(): Promise<{ first: Uint8Array; rest: AsyncIterable<Uint8Array> }> {
  const iterator = (process.stdin as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  const head = await iterator.next();
  const first = head.done ? new Uint8Array(0) : head.value;
  const rest = { [Symbol.asyncIterator]: () => iterator };
  return { first, rest };
}

async function* prepend(first: Uint8Array, rest: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (first.length > 0) yield first;
  yield* rest;
}

/** The records of a WARC stream as input items. */
async function* warcItems(
  stream: AsyncIterable<Uint8Array>,
  file: string,
  options: Pick<ImportOptions, 'maxBytes' | 'onBytes'>,
): AsyncGenerator<InputItem> {
  const source = sourceName(file);
  for await (const item of readWarc(counted(stream, options.onBytes), source, {
    maxBytes: options.maxBytes ?? DEFAULT_MAX_FILE_BYTES,
  })) {
    if (item.kind === 'documents') yield* item.results;
    else if (item.kind === 'skipped') yield { skipped: item.reason };
    else yield { ok: false, failure: item.failure };
  }
}

/** The documents of one whole (non-WARC) input's bytes. */
function documentItems(
  bytes: Uint8Array,
  file: string,
  options: Pick<ImportOptions, 'maxBytes' | 'format'>,
): ReadResult[] {
  checkSize(
    bytes.length,
    options.maxBytes ?? DEFAULT_MAX_FILE_BYTES,
    file === STDIN ? 'standard input' : 'the file',
  );
  const format = options.format ?? (file === STDIN ? null : (formatOfFile(file) ?? 'text'));
  // stdin has no name: a text or HTML document from it is named by its content.
  const name = (text: string, actual: InputFormat) =>
    file === STDIN && (actual === 'text' || actual === 'html')
      ? `stdin:${contentHash(text).slice(0, 16)}`
      : sourceName(file);
  return readDocuments(bytes, sourceName(file), format, {}, name);
}

/**
 * Reads one input (a file, a WARC file or `-`) into documents, failures and skipped records, one
 * at a time: a WARC streams record by record; any other input is read whole (within maxBytes).
 */
export async function* readInputItems(
  file: string,
  options: Pick<ImportOptions, 'maxBytes' | 'format' | 'onBytes'> = {},
): AsyncGenerator<InputItem> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  let items: AsyncIterable<InputItem> | Iterable<InputItem>;
  try {
    if (file === STDIN) {
      const { first, rest } = await peekStdin();
      if (options.format === undefined && looksLikeWarc(first)) {
        items = warcItems(prepend(first, rest), file, options);
      } else {
        const bytes = await readStdin(maxBytes, prepend(first, rest) as unknown as NodeJS.ReadableStream);
        options.onBytes?.(bytes.length);
        items = documentItems(bytes, file, options);
      }
    } else if (options.format === undefined && isWarcFile(file)) {
      items = warcItems(createReadStream(file, { highWaterMark: 256 * 1024 }), file, options);
    } else {
      const bytes = await readFileBytes(file, maxBytes);
      options.onBytes?.(bytes.length);
      items = documentItems(bytes, file, options);
    }
    yield* items;
  } catch (error) {
    yield { ok: false, failure: { source: sourceName(file), reason: failureReason(error) } };
  }
}

/** Reads one input (a file or `-`) into documents and failures (records skipped as not articles left out). */
export async function readInput(
  file: string,
  options: Pick<ImportOptions, 'maxBytes' | 'format'> = {},
): Promise<ReadResult[]> {
  const results: ReadResult[] = [];
  for await (const item of readInputItems(file, options)) if (!('skipped' in item)) results.push(item);
  return results;
}

/**
 * Imports every document of the given files (or `-`) through a sink, in batches, reporting each
 * outcome in order. Up to `pipelineDepth` batches are in the sink at once, so that a sink which
 * extracts in a worker extracts one batch while the previous one is written. Memory stays flat:
 * one file's documents and a few batches are held at a time.
 */
export async function importInto(
  sink: DocumentSink,
  files: AsyncIterable<WalkEntry> | Iterable<WalkEntry>,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const summary = emptySummary();
  const skip = (reason: string) => {
    summary.skipped[reason] = (summary.skipped[reason] ?? 0) + 1;
    options.onSkip?.(reason);
  };
  const batchSize = options.batchSize ?? 1;
  const depth = Math.max(1, options.pipelineDepth ?? 2);
  let batch: DocumentInput[] = [];
  let batchFiles: string[] = [];
  const inFlight: { results: Promise<WriteResult[]>; files: string[] }[] = [];
  const report = (event: ImportEvent) => {
    if (event.status === 'failed') {
      const { status: _, ...failure } = event;
      summary.failed.push(failure);
    } else {
      summary[event.status]++;
    }
    options.onResult?.(event);
  };
  const settle = async () => {
    const done = inFlight.shift()!;
    for (const result of await done.results) report(result);
    for (const file of done.files) options.onFile?.(file);
  };
  const flush = async (limit: number) => {
    if (batch.length > 0) {
      const results = sink(batch);
      // Awaited in order by settle(); until then a failure must not count as unhandled.
      results.catch(() => {});
      inFlight.push({ results, files: batchFiles });
    } else if (inFlight.length > 0) {
      inFlight.at(-1)!.files.push(...batchFiles);
    } else {
      for (const file of batchFiles) options.onFile?.(file);
    }
    batch = [];
    batchFiles = [];
    while (inFlight.length > limit) await settle();
  };
  try {
    for await (const file of files) {
      if (typeof file !== 'string') {
        // An entry the walk could not use (a broken link, a FIFO...): reported, then the next one.
        report({ status: 'failed', ...file });
        options.onFile?.(file.source);
        continue;
      }
      for await (const result of readInputItems(file, options)) {
        if ('skipped' in result) skip(result.skipped);
        else if (!result.ok) report({ status: 'failed', ...result.failure });
        else {
          batch.push(result.input);
          if (batch.length >= batchSize) await flush(depth - 1);
        }
      }
      batchFiles.push(file);
      if (batch.length === 0) await flush(depth - 1);
    }
    await flush(0);
  } finally {
    // On an error, what is already in the sink is still waited for (and its failure dropped).
    await Promise.allSettled(inFlight.map((entry) => entry.results));
  }
  return summary;
}

/**
 * Imports files into the archive at `databaseUrl` through the writer, in batches (the seed, tests,
 * scripts). Extraction runs in a worker thread when `extractInWorker` says so, or by default when
 * there are more than a few dozen files (a worker costs a few hundred ms to start).
 */
export async function importFiles(
  databaseUrl: string,
  files: WalkEntry[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const writer = await openWriter(databaseUrl);
  const preparer = (options.extractInWorker ?? files.length > 50) ? defaultPreparer() : inlinePreparer();
  try {
    return await importInto(writerSink(writer, preparer), files, {
      batchSize: DEFAULT_BATCH_SIZE,
      ...options,
    });
  } finally {
    await preparer.close();
    await writer.close();
  }
}
