/**
 * JSON records: a .json file holding one object or an array of objects, or JSON lines
 * (.ndjson/.jsonl, one object per line). Fields: title, body (a string with one paragraph per
 * line, or an array of paragraphs), url, publishedAt; optional header (array of strings), byline
 * and language (or lang, inLanguage).
 * A record's source is its url, else `file#L<line>` (JSON lines) or `file#<index>` (arrays).
 */
import { documentFromParts } from '../../extract/index.ts';
import type { DocumentInput } from '../ingest.ts';
import { parseDate } from './dates.ts';
import { languageCode } from './html-meta.ts';
import { fail, ok, type ReadResult } from './types.ts';

export type JsonKind = 'json' | 'ndjson';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function paragraphsOf(body: unknown): string[] | null {
  if (typeof body === 'string') return body.split(/\r\n?|\n/);
  if (Array.isArray(body) && body.every((p) => typeof p === 'string')) return body;
  return null;
}

/** The record's declared language (language, lang or inLanguage), as a lower-case tag. */
function languageOf(record: Record<string, unknown>): string | null {
  const value = [record.language, record.lang, record.inLanguage].find(
    (v) => typeof v === 'string' && v.trim(),
  );
  return typeof value === 'string' ? languageCode(value) : null;
}

/** One record to a document; `fallbackSource` names it when it has no url. */
export function recordToDocument(record: unknown, fallbackSource: string, line?: number): ReadResult {
  const where = { source: fallbackSource, ...(line !== undefined && { line }) };
  if (!isObject(record)) return fail({ ...where, reason: 'the record is not a JSON object' });
  const url = typeof record.url === 'string' && record.url.trim() !== '' ? record.url.trim() : null;
  const source = url ?? fallbackSource;
  const title = typeof record.title === 'string' ? record.title.trim() : '';
  if (!title) return fail({ ...where, source, reason: 'the record has no title' });
  const paragraphs = record.body === undefined || record.body === null ? [] : paragraphsOf(record.body);
  if (paragraphs === null)
    return fail({ ...where, source, reason: 'the record body is neither a string nor an array of strings' });
  const header = Array.isArray(record.header)
    ? record.header.filter((h): h is string => typeof h === 'string')
    : [];
  const document = documentFromParts({ header, title, paragraphs });
  const input: DocumentInput = {
    source,
    format: 'json',
    text: document.text,
    document,
    publishedAt: parseDate(record.publishedAt, typeof record.language === 'string' ? record.language : null),
    language: languageOf(record),
    byline: typeof record.byline === 'string' && record.byline.trim() !== '' ? record.byline.trim() : null,
  };
  return ok(input);
}

/** Every record of a JSON or JSON-lines text; malformed lines are reported with their line number. */
export function parseJsonRecords(text: string, file: string, kind: JsonKind): ReadResult[] {
  if (kind === 'ndjson') {
    const results: ReadResult[] = [];
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    lines.forEach((raw, i) => {
      const line = i + 1;
      if (raw.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (error) {
        results.push(
          fail({ source: `${file}#L${line}`, line, reason: `malformed JSON (${(error as Error).message})` }),
        );
        return;
      }
      results.push(recordToDocument(value, `${file}#L${line}`, line));
    });
    return results;
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return [fail({ source: file, reason: `malformed JSON (${(error as Error).message})` })];
  }
  if (Array.isArray(value)) return value.map((record, i) => recordToDocument(record, `${file}#${i}`));
  return [recordToDocument(value, file)];
}
