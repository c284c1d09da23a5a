/**
 * The CPU side of storing a document: hashing and extraction, done outside any transaction (and,
 * during an import, in a worker thread: src/ingest/extract-pool.ts). No database code here, so a
 * worker loading this module loads no native database driver.
 */
import { createHash } from 'node:crypto';
import type { PreparedDocument } from '../db/writer.ts';
import { EXTRACTOR_VERSION, extractDocument, parseDocument } from '../extract/index.ts';
import type { ParsedDocument } from '../extract/types.ts';

export interface DocumentInput {
  /** File path or URL; the article's identity for updates. */
  source: string;
  format: 'text' | 'html' | 'json';
  /** The document in the archive's text format (header lines, title, paragraphs). */
  text: string;
  /** Already-parsed structure, when the reader knows it better than the text parser would. */
  document?: ParsedDocument;
  publishedAt?: Date | null;
  byline?: string | null;
  /** The language the source declares (<html lang>, metadata, a record's field), ISO 639-1. */
  language?: string | null;
  /** The encoding the bytes were decoded from ("utf-8", "windows-1251"). */
  encoding?: string | null;
}

export class InvalidDocumentError extends Error {
  override name = 'InvalidDocumentError';
}

/** Hash of the text with the differences that do not change content (BOM, line endings, padding) removed. */
export function contentHash(text: string): string {
  const normalised = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
  return createHash('sha256').update(normalised).digest('hex');
}

/** Hashes and extracts a document, ready for the writer. Throws InvalidDocumentError without a title. */
export function prepareDocument(input: DocumentInput, hash = contentHash(input.text)): PreparedDocument {
  const document = input.document ?? parseDocument(input.text);
  if (!document.title.text) throw new InvalidDocumentError('the document has no title line');
  const { source, format, publishedAt = null, byline = null, language = null, encoding = null } = input;
  return {
    input: { source, format, publishedAt, byline, language, encoding },
    hash,
    extraction: extractDocument(document, { languageHint: language }),
    extractorVersion: EXTRACTOR_VERSION,
  };
}

export type Preparation =
  { ok: true; document: PreparedDocument } | { ok: false; source: string; reason: string };

/** prepareDocument with its failure turned into a reason, as an import reports it. */
export function tryPrepareDocument(input: DocumentInput): Preparation {
  try {
    return { ok: true, document: prepareDocument(input) };
  } catch (error) {
    const reason =
      error instanceof InvalidDocumentError
        ? error.message
        : `extraction failed (${(error as Error).message})`;
    return { ok: false, source: input.source, reason };
  }
}
