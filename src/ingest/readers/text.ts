/** The archive's own text format (optional header lines, a title line, one paragraph per line). */
import type { DocumentInput } from '../ingest.ts';
import { parseDocument } from '../../extract/index.ts';
import { fail, ok, type ReadResult } from './types.ts';

/** One text document; refuses a document with no title line (only header furniture or nothing). */
export function parseTextDocument(text: string, source: string): ReadResult {
  const document = parseDocument(text);
  if (!document.title.text) return fail({ source, reason: 'the document has no title line' });
  const input: DocumentInput = { source, format: 'text', text, document };
  return ok(input);
}
