/**
 * Turning paths into documents: walks folders, reads and decodes files, and reports every file it
 * cannot use with the reason, so that one bad file never stops an import.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PrismaClient } from '../db/client.ts';
import { InvalidDocumentError, ingestDocument, type DocumentInput, type IngestOutcome } from './ingest.ts';

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Extensions read as the scraped text format. */
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '']);

export class UnreadableFileError extends Error {
  override name = 'UnreadableFileError';
}

/** How a file is named in the archive: relative to the working directory when under it. */
export function sourceName(file: string, cwd = process.cwd()): string {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : absolute;
}

/** Every importable file under the given paths, in a stable (sorted) order. */
export async function collectFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  async function visit(entry: string, explicit: boolean): Promise<void> {
    const stat = await fs.stat(entry);
    if (stat.isDirectory()) {
      const names = (await fs.readdir(entry)).filter((name) => !name.startsWith('.')).sort();
      for (const name of names) await visit(path.join(entry, name), false);
    } else if (stat.isFile() && (explicit || TEXT_EXTENSIONS.has(path.extname(entry).toLowerCase()))) {
      files.push(entry);
    }
  }
  for (const entry of paths) await visit(entry, true);
  return files;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a file's bytes as UTF-8 text, refusing what is empty, binary or not UTF-8. */
export function decodeText(bytes: Uint8Array, maxBytes = DEFAULT_MAX_FILE_BYTES): string {
  if (bytes.length === 0) throw new UnreadableFileError('the file is empty');
  if (bytes.length > maxBytes) throw new UnreadableFileError(`the file is ${bytes.length} bytes, over the limit of ${maxBytes}`);
  if (bytes.subarray(0, 8192).includes(0)) throw new UnreadableFileError('the file is binary (it contains NUL bytes)');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new UnreadableFileError('the file is not valid UTF-8 text');
  }
  if (text.trim() === '') throw new UnreadableFileError('the file holds only whitespace');
  return text;
}

export async function readTextDocument(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<DocumentInput> {
  return { source: sourceName(file), format: 'text', text: decodeText(await fs.readFile(file), maxBytes) };
}

export interface ImportFailure {
  source: string;
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

export interface ImportOptions {
  maxBytes?: number;
  onResult?: (outcome: IngestOutcome | ({ status: 'failed' } & ImportFailure)) => void;
}

export async function importFiles(prisma: PrismaClient, files: string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const summary = emptySummary();
  for (const file of files) {
    try {
      const outcome = await ingestDocument(prisma, await readTextDocument(file, options.maxBytes));
      summary[outcome.status]++;
      options.onResult?.(outcome);
    } catch (error) {
      const failure = { source: sourceName(file), reason: failureReason(error) };
      summary.failed.push(failure);
      options.onResult?.({ status: 'failed', ...failure });
    }
  }
  return summary;
}
