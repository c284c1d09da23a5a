/** What a reader makes of one file (or stdin): documents ready to ingest, and what it could not use. */
import type { DocumentInput } from '../ingest.ts';

export interface ReadFailure {
  /** The file (or `file#L<line>`, `file#<index>` for one record of a JSON file). */
  source: string;
  /** 1-based line of a JSON-lines record, when the failure is about one line. */
  line?: number;
  reason: string;
}

export type ReadResult = { ok: true; input: DocumentInput } | { ok: false; failure: ReadFailure };

export const ok = (input: DocumentInput): ReadResult => ({ ok: true, input });
export const fail = (failure: ReadFailure): ReadResult => ({ ok: false, failure });

export { parseDate } from './dates.ts';
