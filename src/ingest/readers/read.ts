/**
 * Decoding an input's bytes (decode.ts) and running its reader in isolation: whatever one reader
 * throws on one input (a stack overflow on absurd nesting included) becomes a failure with its
 * reason, never an aborted import.
 */
import { decodeBytes, UndecodableError } from './decode.ts';
import { parseHtmlDocument } from './html.ts';
import { parseJsonRecords } from './json.ts';
import { parseTextDocument } from './text.ts';
import { fail, type ReadResult } from './types.ts';

export type InputFormat = 'text' | 'html' | 'json' | 'ndjson';

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
  if (/^<(?:!doctype\s+html|html|head|body|article|meta|div|p|!--)\b/i.test(start)) return 'html';
  return 'text';
}

/** What a reader knows about the input besides its bytes. */
export interface ReadContext {
  /** A charset label declared by the transport (a WARC record's HTTP Content-Type). */
  declaredCharset?: string | null;
  /** The date to use when the document declares none (a WARC record's WARC-Date). */
  fallbackDate?: Date | null;
}

/** The reader's error as one line: its class and message. */
function readerError(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return 'the page is nested too deeply to read (the reader ran out of stack)';
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `the reader failed (${message.slice(0, 200)})`;
}

/** Every document of one decoded text (or stdin), under `source`; never throws. */
export function parseDocuments(text: string, source: string, format: InputFormat): ReadResult[] {
  try {
    switch (format) {
      case 'text':
        return [parseTextDocument(text, source)];
      case 'html':
        return [parseHtmlDocument(text, source)];
      case 'json':
      case 'ndjson':
        return parseJsonRecords(text, source, format);
    }
  } catch (error) {
    return [fail({ source, reason: readerError(error) })];
  }
}

/**
 * Decodes one input's bytes and reads its documents, each stamped with the encoding used (and
 * the context's fallback date where the document has none). `format` null: sniffed from the text.
 * `name` names a text or HTML document when its source would not (stdin: by its content).
 */
export function readDocuments(
  bytes: Uint8Array,
  source: string,
  format: InputFormat | null,
  context: ReadContext = {},
  name: (text: string, format: InputFormat) => string = () => source,
): ReadResult[] {
  let decoded;
  try {
    decoded = decodeBytes(bytes, {
      html: format === 'html' || format === null,
      declared: context.declaredCharset,
    });
  } catch (error) {
    if (error instanceof UndecodableError) return [fail({ source, reason: error.message })];
    throw error;
  }
  if (decoded.text.replace(/^\uFEFF/, '').trim() === '')
    return [fail({ source, reason: 'the file holds only whitespace' })];
  const actual = format ?? sniffFormat(decoded.text);
  return parseDocuments(decoded.text, name(decoded.text, actual), actual).map((result) => {
    if (!result.ok) return result;
    const input = { ...result.input, encoding: decoded.encoding };
    if (!input.publishedAt && context.fallbackDate) input.publishedAt = context.fallbackDate;
    return { ok: true, input };
  });
}
