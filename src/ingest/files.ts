/**
 * Turning paths into documents and documents into articles: walks folders, expands globs, reads
 * stdin, decodes files (UTF-8, or UTF-16 with a BOM), parses them with the reader their format
 * needs, and reports every file, line or record it cannot use with the reason, so that one bad
 * input never stops an import.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { openWriter, type ArchiveWriter } from '../db/store.ts';
import type { PreparedDocument, WriteResult } from '../db/writer.ts';
import { defaultPreparer, inlinePreparer, type Preparer } from './extract-pool.ts';
import type { IngestOutcome } from './ingest.ts';
import { InvalidDocumentError, contentHash, type DocumentInput } from './prepare.ts';
import {
  formatOfFile,
  parseDocuments,
  sniffFormat,
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

/**
 * Every importable file under the given paths, in a stable order, one at a time: explicit files
 * whatever their extension, files in folders (recursively, hidden ones skipped) and glob matches
 * when their extension names a known format, and `-` for stdin. Streams, so that a walk over a
 * million files holds one folder listing at a time. Missing paths throw (ENOENT).
 */
export async function* walkFiles(paths: string[]): AsyncGenerator<string> {
  async function* visit(entry: string, explicit: boolean): AsyncGenerator<string> {
    const stat = await fs.stat(entry);
    if (stat.isDirectory()) {
      const names = (await fs.readdir(entry)).filter((name) => !name.startsWith('.')).sort();
      for (const name of names) yield* visit(path.join(entry, name), false);
    } else if (stat.isFile() && (explicit || formatOfFile(entry) !== null)) {
      yield entry;
    }
  }
  for (const entry of paths) {
    if (entry === STDIN) {
      yield STDIN;
    } else if (isDynamicPattern(entry) && !(await statOrNull(entry))) {
      const matches = (await glob(entry, { onlyFiles: true, dot: false, expandDirectories: false })).sort();
      for (const match of matches) if (formatOfFile(match) !== null) yield match;
    } else {
      yield* visit(entry, true);
    }
  }
}

/** Every importable file under the given paths, as a list (see walkFiles). */
export async function collectFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for await (const file of walkFiles(paths)) files.push(file);
  return files;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true });

/**
 * Decodes a file's bytes as text, refusing what is empty, too big, binary or in an encoding it
 * cannot tell: UTF-8 (with or without BOM), UTF-16 LE/BE when it starts with a BOM.
 */
export function decodeText(bytes: Uint8Array, maxBytes = DEFAULT_MAX_FILE_BYTES): string {
  if (bytes.length === 0) throw new UnreadableFileError('the file is empty');
  if (bytes.length > maxBytes)
    throw new UnreadableFileError(`the file is ${bytes.length} bytes, over the limit of ${maxBytes}`);
  let text: string;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const le = bytes[0] === 0xff;
    try {
      text = (le ? utf16le : utf16be).decode(bytes.subarray(2));
    } catch {
      throw new UnreadableFileError(
        `the file starts with a UTF-16 ${le ? 'LE' : 'BE'} byte-order mark but is not valid UTF-16`,
      );
    }
    if (text.includes('\0')) throw new UnreadableFileError('the file is binary (it contains NUL characters)');
  } else {
    if (bytes.subarray(0, 8192).includes(0))
      throw new UnreadableFileError('the file is binary (it contains NUL bytes)');
    try {
      text = utf8.decode(bytes);
    } catch {
      throw new UnreadableFileError('the file is not valid UTF-8 text');
    }
  }
  if (text.replace(/^\uFEFF/, '').trim() === '')
    throw new UnreadableFileError('the file holds only whitespace');
  return text;
}

/** Reads a file, refusing one over the size limit before reading it. */
export async function readFileBytes(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<Uint8Array> {
  const { size } = await fs.stat(file);
  if (size > maxBytes)
    throw new UnreadableFileError(`the file is ${size} bytes, over the limit of ${maxBytes}`);
  return fs.readFile(file);
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
}

export const emptySummary = (): ImportSummary => ({ imported: 0, updated: 0, unchanged: 0, failed: [] });

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
  throw error;
}

export type ImportEvent = IngestOutcome | ({ status: 'failed' } & ImportFailure);

export interface ImportOptions {
  maxBytes?: number;
  /** Read every input as this format instead of choosing by extension (stdin: by sniffing). */
  format?: InputFormat;
  onResult?: (outcome: ImportEvent) => void;
  /** Called after each input file is done (read, parsed and its documents written). */
  onFile?: (file: string) => void;
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
    for (const input of inputs) {
      const known = await writer.matchKnown(contentHash(input.text), input);
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

/** Reads one input (a file or `-`) into documents and failures. */
export async function readInput(
  file: string,
  options: Pick<ImportOptions, 'maxBytes' | 'format'> = {},
): Promise<ReadResult[]> {
  const source = sourceName(file);
  try {
    const bytes =
      file === STDIN ? await readStdin(options.maxBytes) : await readFileBytes(file, options.maxBytes);
    const text = decodeText(bytes, options.maxBytes);
    const format = options.format ?? (file === STDIN ? sniffFormat(text) : (formatOfFile(file) ?? 'text'));
    // stdin has no name: a text or HTML document from it is named by its content.
    const name =
      file === STDIN && (format === 'text' || format === 'html')
        ? `stdin:${contentHash(text).slice(0, 16)}`
        : source;
    return parseDocuments(text, name, format);
  } catch (error) {
    return [{ ok: false, failure: { source, reason: failureReason(error) } }];
  }
}

/**
 * Imports every document of the given files (or `-`) through a sink, in batches, reporting each
 * outcome in order. Up to `pipelineDepth` batches are in the sink at once, so that a sink which
 * extracts in a worker extracts one batch while the previous one is written. Memory stays flat:
 * one file's documents and a few batches are held at a time.
 */
export async function importInto(
  sink: DocumentSink,
  files: AsyncIterable<string> | Iterable<string>,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const summary = emptySummary();
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
      for (const result of await readInput(file, options)) {
        if (!result.ok) report({ status: 'failed', ...result.failure });
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
  files: string[],
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
