/**
 * WARC files (crawls, web archives; .warc or .warc.gz, record-compressed or not) read as a stream
 * with warcio: one record in memory at a time, whatever the file's size. Each `response` (or
 * `resource`) record holding an HTML page with a 2xx status becomes a document named by its
 * WARC-Target-URI, decoded by the charset of its HTTP Content-Type (then the page's own), dated by
 * WARC-Date when the page declares no date. Every other record (request, metadata, revisit,
 * warcinfo, non-HTML, non-2xx) is counted as skipped by its kind; a malformed record is reported
 * with its byte offset, and the records after it are still read.
 */
import { WARCParser, type WARCRecord } from 'warcio';
import { readDocuments } from './read.ts';
import type { ReadFailure, ReadResult } from './types.ts';

/** What reading a WARC yields, record by record. */
export type WarcItem =
  | { kind: 'documents'; results: ReadResult[] }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; failure: ReadFailure };

export interface WarcOptions {
  /** Largest payload read; a bigger record is skipped and reported. */
  maxBytes: number;
}

/** A file named as a WARC (`.warc`, `.warc.gz`, `.arc`-free). */
export const isWarcFile = (file: string): boolean => /\.warc(?:\.gz)?$/i.test(file);

/** True when the bytes start like a WARC (its version line) or a gzip member (only a WARC is gzipped here). */
export function looksLikeWarc(start: Uint8Array): boolean {
  if (start[0] === 0x1f && start[1] === 0x8b) return true;
  return Buffer.from(start.subarray(0, 5)).toString('latin1') === 'WARC/';
}

const HTML_TYPE = /^\s*(?:text\/html|application\/xhtml\+xml)\b/i;

/** The charset parameter of a Content-Type header ("text/html; charset=windows-1251" → "windows-1251"). */
export function charsetOf(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match ? match[1]! : null;
}

function httpHeader(record: WARCRecord, name: string): string | null {
  const headers = record.httpHeaders?.headers;
  return headers ? (headers.get(name) ?? null) : null;
}

/** Why a well-formed record is not an article, or null when it may be one. */
function skipReason(record: WARCRecord): string | null {
  const type = record.warcType;
  if (type !== 'response' && type !== 'resource') return `${type} record`;
  if (type === 'response') {
    const status = Number(record.httpHeaders?.statusCode);
    if (!(status >= 200 && status < 300)) return 'response with a non-2xx status';
  }
  const contentType =
    type === 'response' ? httpHeader(record, 'content-type') : (record.warcContentType ?? null);
  if (contentType !== null && !HTML_TYPE.test(contentType)) return 'response that is not HTML';
  return null;
}

function warcDate(record: WARCRecord): Date | null {
  const date = new Date(record.warcDate ?? '');
  return Number.isNaN(date.getTime()) ? null : date;
}

/** One record to what the import does with it; the payload is read only for a possible article. */
async function readRecord(
  record: WARCRecord,
  offset: number,
  file: string,
  options: WarcOptions,
): Promise<WarcItem> {
  const uri = record.warcTargetURI;
  if (!record.warcType || !record.warcHeaders.protocol?.startsWith('WARC/'))
    return {
      kind: 'failed',
      failure: {
        source: `${file}@${offset}`,
        reason: `a malformed WARC record at byte ${offset} (no WARC header)`,
      },
    };
  const reason = skipReason(record);
  if (reason !== null) return { kind: 'skipped', reason };
  const source = uri || `${file}@${offset}`;
  if (record.warcContentLength > options.maxBytes + 64 * 1024)
    return {
      kind: 'failed',
      failure: {
        source,
        reason: `the record is ${record.warcContentLength} bytes, over the limit of ${options.maxBytes}`,
      },
    };
  const payload = await record.readFully(true);
  if (payload.length === 0) return { kind: 'skipped', reason: 'response with an empty body' };
  const contentType =
    record.warcType === 'response' ? httpHeader(record, 'content-type') : record.warcContentType;
  if (contentType === null && !/^\s*</.test(Buffer.from(payload.subarray(0, 256)).toString('latin1')))
    return { kind: 'skipped', reason: 'response that is not HTML' };
  const results = readDocuments(payload, source, 'html', {
    declaredCharset: charsetOf(contentType),
    fallbackDate: warcDate(record),
  });
  return { kind: 'documents', results };
}

/** readRecord, with whatever it throws (a payload cut short, a broken content encoding) as that record's failure. */
async function readRecordIsolated(
  record: WARCRecord,
  offset: number,
  file: string,
  options: WarcOptions,
): Promise<WarcItem> {
  try {
    return await readRecord(record, offset, file, options);
  } catch (error) {
    const source = record.warcTargetURI || `${file}@${offset}`;
    return {
      kind: 'failed',
      failure: {
        source,
        reason: `the record at byte ${offset} cannot be read (${(error as Error).message})`,
      },
    };
  }
}

/**
 * Every record of a WARC stream, in order, as WarcItems. A failure inside warcio (a record cut
 * short, a broken gzip member) ends the stream with a failure naming the offset where it happened.
 */
export async function* readWarc(
  stream: AsyncIterable<Uint8Array>,
  file: string,
  options: WarcOptions,
): AsyncGenerator<WarcItem> {
  const parser = new WARCParser(stream);
  let offset = 0;
  try {
    for (;;) {
      const record = await parser.parse();
      if (!record) return;
      offset = parser.offset;
      yield await readRecordIsolated(record, offset, file, options);
      // What readRecord left unread is skipped by the next parse().
    }
  } catch (error) {
    const at = Math.max(offset, parser.offset);
    yield {
      kind: 'failed',
      failure: {
        source: `${file}@${at}`,
        reason: `a malformed WARC record at byte ${at} (${(error as Error).message}); the rest of the file could not be read`,
      },
    };
  }
}
