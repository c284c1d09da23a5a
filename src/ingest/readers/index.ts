/** Choosing a reader by file extension (or by a sniff of the content, for stdin). */
import path from 'node:path';
import { parseHtmlDocument } from './html.ts';
import { parseJsonRecords } from './json.ts';
import { parseTextDocument } from './text.ts';
import type { ReadResult } from './types.ts';

export type { ReadFailure, ReadResult } from './types.ts';
export { parseTextDocument } from './text.ts';
export { parseHtmlDocument, readHtml, type HtmlArticle } from './html.ts';
export { parseJsonRecords, recordToDocument } from './json.ts';

export type InputFormat = 'text' | 'html' | 'json' | 'ndjson';

const BY_EXTENSION: Record<string, InputFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
};

/** The format of a file by its extension; null for files an import skips in folders. */
export function formatOfFile(file: string): InputFormat | null {
  return BY_EXTENSION[path.extname(file).toLowerCase()] ?? null;
}

/** The format of text whose name says nothing (stdin): JSON, JSON lines, HTML or the text format. */
export function sniffFormat(text: string): InputFormat {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('[')) return 'json';
  if (start.startsWith('{')) {
    const firstLine = start.split('\n', 1)[0]!.trim();
    try {
      JSON.parse(firstLine);
      return start.trim() === firstLine ? 'json' : 'ndjson';
    } catch {
      return 'json';
    }
  }
  if (/^<(?:!doctype\s+html|html|head|body|article|meta|div|p)\b/i.test(start)) return 'html';
  return 'text';
}

/** Every document of one decoded file (or stdin), under `source`. */
export function parseDocuments(text: string, source: string, format: InputFormat): ReadResult[] {
  switch (format) {
    case 'text':
      return [parseTextDocument(text, source)];
    case 'html':
      return [parseHtmlDocument(text, source)];
    case 'json':
    case 'ndjson':
      return parseJsonRecords(text, source, format);
  }
}
