/**
 * Turning paths into documents and documents into articles: walks folders, expands globs, reads
 * stdin, decodes files (UTF-8, or UTF-16 with a BOM), parses them with the reader their format
 * needs, and reports every file, line or record it cannot use with the reason, so that one bad
 * input never stops an import.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { PrismaClient } from '../db/client.ts';
import { EXTRACTOR_VERSION, extractDocument, parseDocument } from '../extract/index.ts';
import { InvalidDocumentError, contentHash, ingestDocument, type DocumentInput, type IngestOutcome } from './ingest.ts';
import { formatOfFile, parseDocuments, sniffFormat, type InputFormat, type ReadResult } from './readers/index.ts';
import type { ArticleWriter, PreparedDocument, WriteResult } from './writer.ts';

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
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : absolute;
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
  if (bytes.length > maxBytes) throw new UnreadableFileError(`the file is ${bytes.length} bytes, over the limit of ${maxBytes}`);
  let text: string;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const le = bytes[0] === 0xff;
    try {
      text = (le ? utf16le : utf16be).decode(bytes.subarray(2));
    } catch {
      throw new UnreadableFileError(`the file starts with a UTF-16 ${le ? 'LE' : 'BE'} byte-order mark but is not valid UTF-16`);
    }
    if (text.includes('\0')) throw new UnreadableFileError('the file is binary (it contains NUL characters)');
  } else {
    if (bytes.subarray(0, 8192).includes(0)) throw new UnreadableFileError('the file is binary (it contains NUL bytes)');
    try {
      text = utf8.decode(bytes);
    } catch {
      throw new UnreadableFileError('the file is not valid UTF-8 text');
    }
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new UnreadableFileError('the file holds only whitespace');
  return text;
}

/** Reads a file, refusing one over the size limit before reading it. */
export async function readFileBytes(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<Uint8Array> {
  const { size } = await fs.stat(file);
  if (size > maxBytes) throw new UnreadableFileError(`the file is ${size} bytes, over the limit of ${maxBytes}`);
  return fs.readFile(file);
}

/** Reads standard input to its end (at most maxBytes + 1 bytes are kept, to report the size). */
export async function readStdin(maxBytes = DEFAULT_MAX_FILE_BYTES, stream: NodeJS.ReadableStream = process.stdin): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > maxBytes) throw new UnreadableFileError(`standard input is over the limit of ${maxBytes} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export async function readTextDocument(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<DocumentInput> {
  return { source: sourceName(file), format: 'text', text: decodeText(await readFileBytes(file, maxBytes), maxBytes) };
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
  if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('E')) {
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
  /** Documents written per transaction by the bulk writer. */
  batchSize?: number;
}

/** Where documents go: a batch in, one result per document out, in order. */
export type DocumentSink = (inputs: DocumentInput[]) => Promise<WriteResult[]>;

/** Writes through `ingestDocument` (Prisma), one transaction per document. */
export function prismaSink(prisma: PrismaClient): DocumentSink {
  return async (inputs) => {
    const results: WriteResult[] = [];
    for (const input of inputs) {
      try {
        results.push(await ingestDocument(prisma, input));
      } catch (error) {
        results.push({ status: 'failed', source: input.source, reason: failureReason(error) });
      }
    }
    return results;
  };
}

/** Hashes and extracts a document outside any transaction, ready for the bulk writer. */
export function prepareDocument(input: DocumentInput): PreparedDocument {
  const document = input.document ?? parseDocument(input.text);
  if (!document.title.text) throw new InvalidDocumentError('the document has no title line');
  return { input, hash: contentHash(input.text), extraction: extractDocument(document), extractorVersion: EXTRACTOR_VERSION };
}

/** Writes through the bulk writer: extraction first, then one transaction per batch. */
export function writerSink(writer: ArticleWriter): DocumentSink {
  return async (inputs) => {
    const results: (WriteResult | null)[] = [];
    const prepared: PreparedDocument[] = [];
    for (const input of inputs) {
      try {
        // Content already stored is skipped before paying for extraction (a re-run after a crash).
        const known = writer.findByHash(contentHash(input.text));
        if (known) {
          const duplicate = known.source !== input.source ? { duplicateOf: known.source } : {};
          results.push({ status: 'unchanged', articleId: known.id, source: input.source, ...duplicate });
          continue;
        }
        prepared.push(prepareDocument(input));
        results.push(null);
      } catch (error) {
        const reason = error instanceof InvalidDocumentError ? error.message : `extraction failed (${(error as Error).message})`;
        results.push({ status: 'failed', source: input.source, reason });
      }
    }
    const written = writer.writeBatch(prepared);
    let next = 0;
    return results.map((result) => result ?? written[next++]!);
  };
}

/** Reads one input (a file or `-`) into documents and failures. */
export async function readInput(file: string, options: Pick<ImportOptions, 'maxBytes' | 'format'> = {}): Promise<ReadResult[]> {
  const source = sourceName(file);
  try {
    const bytes = file === STDIN ? await readStdin(options.maxBytes) : await readFileBytes(file, options.maxBytes);
    const text = decodeText(bytes, options.maxBytes);
    const format = options.format ?? (file === STDIN ? sniffFormat(text) : (formatOfFile(file) ?? 'text'));
    // stdin has no name: a text or HTML document from it is named by its content.
    const name = file === STDIN && (format === 'text' || format === 'html') ? `stdin:${contentHash(text).slice(0, 16)}` : source;
    return parseDocuments(text, name, format);
  } catch (error) {
    return [{ ok: false, failure: { source, reason: failureReason(error) } }];
  }
}

/**
 * Imports every document of the given files (or `-`) through a sink, in batches, reporting each
 * outcome. Memory stays flat: one file's documents and one batch are held at a time.
 */
export async function importInto(sink: DocumentSink, files: AsyncIterable<string> | Iterable<string>, options: ImportOptions = {}): Promise<ImportSummary> {
  const summary = emptySummary();
  const batchSize = options.batchSize ?? 1;
  let batch: DocumentInput[] = [];
  let batchFiles: string[] = [];
  const report = (event: ImportEvent) => {
    if (event.status === 'failed') {
      const { status: _, ...failure } = event;
      summary.failed.push(failure);
    } else {
      summary[event.status]++;
    }
    options.onResult?.(event);
  };
  const flush = async () => {
    if (batch.length > 0) for (const result of await sink(batch)) report(result);
    for (const file of batchFiles) options.onFile?.(file);
    batch = [];
    batchFiles = [];
  };
  for await (const file of files) {
    for (const result of await readInput(file, options)) {
      if (!result.ok) report({ status: 'failed', ...result.failure });
      else {
        batch.push(result.input);
        if (batch.length >= batchSize) await flush();
      }
    }
    batchFiles.push(file);
    if (batch.length === 0) await flush();
  }
  await flush();
  return summary;
}

/** Imports files through Prisma (`ingestDocument`), one transaction per document. */
export async function importFiles(prisma: PrismaClient, files: string[], options: ImportOptions = {}): Promise<ImportSummary> {
  return importInto(prismaSink(prisma), files, options);
}
