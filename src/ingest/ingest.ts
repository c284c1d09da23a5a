/**
 * Read → extract → store for one document, idempotent and transactional.
 *
 * - Identical content (by hash of the normalised text) is never stored twice: "unchanged".
 * - A known source whose text changed is updated in place, its earlier text kept as a revision.
 * - Extraction runs before the transaction opens, so the write lock is held only for the writes.
 */
import { createHash } from 'node:crypto';
import type { PrismaClient } from '../db/client.ts';
import { createArticle, findArticleByHash, findArticleBySource, reviseArticle } from '../db/articles.ts';
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
}

export type IngestStatus = 'imported' | 'updated' | 'unchanged';

export interface IngestOutcome {
  status: IngestStatus;
  articleId: number;
  source: string;
  /** For "unchanged": the source already holding this content, when it differs. */
  duplicateOf?: string;
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

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

export async function ingestDocument(prisma: PrismaClient, input: DocumentInput): Promise<IngestOutcome> {
  const hash = contentHash(input.text);
  const known = await findArticleByHash(prisma, hash);
  if (known) return unchanged(input.source, known);

  const document = input.document ?? parseDocument(input.text);
  if (!document.title.text) throw new InvalidDocumentError('the document has no title line');
  const extraction = extractDocument(document);
  const article = {
    source: input.source,
    format: input.format,
    contentHash: hash,
    publishedAt: input.publishedAt ?? null,
    byline: input.byline ?? null,
    extractorVersion: EXTRACTOR_VERSION,
  };
  try {
    return await prisma.$transaction(
      async (tx) => {
        // Checked again inside the transaction: another importer may have written it meanwhile.
        const same = await findArticleByHash(tx, hash);
        if (same) return unchanged(input.source, same);
        const previous = await findArticleBySource(tx, input.source);
        if (previous) {
          await reviseArticle(tx, previous, article, extraction);
          return { status: 'updated' as const, articleId: previous.id, source: input.source };
        }
        return { status: 'imported' as const, articleId: await createArticle(tx, article, extraction), source: input.source };
      },
      { timeout: 60_000, maxWait: 60_000 },
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const same = await findArticleByHash(prisma, hash);
    if (same) return unchanged(input.source, same);
    throw error;
  }
}

function unchanged(source: string, known: { id: number; source: string }): IngestOutcome {
  return {
    status: 'unchanged',
    articleId: known.id,
    source,
    ...(known.source !== source ? { duplicateOf: known.source } : {}),
  };
}
