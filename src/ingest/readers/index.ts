/** The readers, and choosing one by file extension (or by a sniff of the content, for stdin). */
import path from 'node:path';
import type { InputFormat } from './read.ts';

export type { ReadFailure, ReadResult } from './types.ts';
export { parseTextDocument } from './text.ts';
export { parseHtmlDocument, readHtml, type HtmlArticle } from './html.ts';
export { parseJsonRecords, recordToDocument } from './json.ts';
export { decodeBytes, encodingOfLabel, UndecodableError, type Decoded } from './decode.ts';

export { parseDocuments, readDocuments, sniffFormat, type InputFormat, type ReadContext } from './read.ts';
export { isWarcFile, looksLikeWarc, readWarc, charsetOf, type WarcItem } from './warc.ts';

const BY_EXTENSION: Record<string, InputFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
};

/** The format of a file by its extension; null for files an import skips in folders. */
export function formatOfFile(file: string): InputFormat | null {
  return BY_EXTENSION[path.extname(file).toLowerCase()] ?? null;
}
