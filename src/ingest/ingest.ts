/**
 * Read → extract → store for one document, idempotent and transactional, through the archive's
 * one write path (`ArchiveWriter`, src/db/store.ts).
 *
 * - Identical content (by hash of the normalised text) is never stored twice: "unchanged".
 * - A known source whose text changed is updated in place, its earlier text kept as a revision.
 * - Extraction runs before the transaction opens, so the write lock is held only for the writes.
 */
import { openWriter, type ArchiveWriter } from '../db/store.ts';
import type { WriteOutcome, WriteStatus } from '../db/writer.ts';
import { contentHash, prepareDocument, type DocumentInput } from './prepare.ts';

export { InvalidDocumentError, contentHash, prepareDocument, type DocumentInput } from './prepare.ts';

export type IngestStatus = WriteStatus;
export type IngestOutcome = WriteOutcome;

/**
 * Stores one document. `database` is a database URL (a writer is opened for the call) or an open
 * `ArchiveWriter` (for many calls). Throws InvalidDocumentError for a document without a title.
 */
export async function ingestDocument(
  database: string | ArchiveWriter,
  input: DocumentInput,
): Promise<IngestOutcome> {
  const writer = typeof database === 'string' ? await openWriter(database) : database;
  try {
    const hash = contentHash(input.text);
    // Content already stored is recognised before paying for extraction (checked again when written).
    const known = await writer.matchKnown(hash, input);
    if (known) return known;
    const result = (await writer.writeBatch([prepareDocument(input, hash)]))[0]!;
    if (result.status === 'failed') throw new Error(`${result.source}: ${result.reason}`);
    return result;
  } finally {
    if (writer !== database) await writer.close();
  }
}
