/**
 * HTML pages: the metadata (title, byline, date, language: html-meta.ts) read from the page as it
 * is, then the main text through Mozilla Readability on a linkedom DOM, cut into paragraphs with
 * the furniture removed (html-body.ts). Bounded per page: nesting deeper than MAX_DEPTH is
 * collapsed into text, and Readability gives up past MAX_ELEMENTS elements, so one absurd page
 * costs seconds at most and never a stack overflow.
 */
import { Readability } from '@mozilla/readability';
import { documentFromParts } from '../../extract/index.ts';
import type { DocumentInput } from '../ingest.ts';
import { cleanByline, readsAsSentence } from './bylines.ts';
import { cutTail, isFurniture, paragraphsOf, removeFurnitureElements } from './html-body.ts';
import { boundDepth, clean, MAX_RAW_DEPTH, parsePage, rawNestingDepth, type El } from './html-dom.ts';
import { decodeEntities, languageCode, readPageMeta } from './html-meta.ts';
import { fail, ok, type ReadResult } from './types.ts';

export interface HtmlArticle {
  title: string;
  byline: string | null;
  publishedAt: Date | null;
  /** ISO 639-1 code of the declared language ("en"), as the archive stores it. */
  language: string | null;
  paragraphs: string[];
}

/**
 * Readability's minimum article length. Its default (500) measured better than 100 on the shared
 * sets: at 100 a cookie notice or a print banner passes for the article.
 */
export const CHAR_THRESHOLD = 500;
/** Elements past which Readability refuses a page (it throws; the page is then read without it). */
export const MAX_ELEMENTS = 60_000;

type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];
type Parsed = ReturnType<Readability['parse']>;

function runReadability(raw: unknown): Parsed {
  try {
    return new Readability(raw as ReadabilityDocument, {
      charThreshold: CHAR_THRESHOLD,
      maxElemsToParse: MAX_ELEMENTS,
    }).parse();
  } catch (error) {
    if (error instanceof Error && /Aborting parsing document/.test(error.message)) return null;
    throw error;
  }
}

function contentParagraphs(result: Parsed, doc: El): string[] {
  if (!result?.content) {
    return Array.from(doc.querySelectorAll('p'), (p) => clean(p.textContent)).filter(Boolean);
  }
  const content = parsePage(
    `<!doctype html><html><body><div id="readable">${result.content}</div></body></html>`,
  ).document.querySelector('#readable');
  if (!content) return [];
  removeFurnitureElements(content);
  return paragraphsOf(content);
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Drops furniture paragraphs, the list of other stories closing the page, and the lines that
 * repeat the headline or credit the byline ("By Anna Berg", "Anna Berg, Staff Writer").
 */
function articleParagraphs(paragraphs: string[], title: string, byline: string | null): string[] {
  const headline = norm(title);
  const names = (byline ?? '')
    .split(', ')
    .map(norm)
    .filter((n) => n.length > 3);
  const isCredit = (p: string): boolean => {
    const n = norm(p);
    if (headline !== '' && n === headline) return true;
    if (names.length === 0 || p.length > 160 || /[.!?]["”»]?$/.test(p)) return false;
    return names.some((name) => n === name || n.startsWith(`${name} `) || n.startsWith(`by ${name}`));
  };
  return cutTail(paragraphs.filter((p) => !isFurniture(p) && !isCredit(p)));
}

/** Readability's byline, when the metadata names nobody: labels and glued dates cut. */
function readabilityByline(result: Parsed, siteName: string): string | null {
  const byline = cleanByline(decodeEntities(clean(result?.byline)));
  if (!byline || byline.length > 120 || readsAsSentence(byline)) return null;
  return siteName && byline.toLowerCase() === siteName.toLowerCase() ? null : byline;
}

/** Reads an HTML page into its article parts; null when it holds no readable article. */
export function readHtml(html: string): HtmlArticle | null {
  const page = parsePage(html);
  const doc = page.document;
  const root = doc.documentElement;
  if (root) boundDepth(root);
  // Metadata first: Readability mutates the DOM it reads.
  const meta = readPageMeta(doc);
  const result = runReadability(page.raw);
  const title = meta.title || clean(result?.title);
  const byline = meta.bylines(readabilityByline(result, meta.siteName)).join(', ') || null;
  const paragraphs = articleParagraphs(contentParagraphs(result, doc), title, byline);
  if (!title && paragraphs.length === 0) return null;
  return {
    title,
    byline,
    publishedAt: meta.publishedAt,
    language: languageCode(meta.language ?? result?.lang),
    paragraphs,
  };
}

export function parseHtmlDocument(html: string, source: string): ReadResult {
  const depth = rawNestingDepth(html);
  if (depth > MAX_RAW_DEPTH)
    return fail({
      source,
      reason: `the page nests ${depth} levels deep, over the limit of ${MAX_RAW_DEPTH}`,
    });
  const article = readHtml(html);
  if (!article) return fail({ source, reason: 'the page holds no readable article' });
  if (!article.title) return fail({ source, reason: 'the page has no title' });
  const document = documentFromParts({ title: article.title, paragraphs: article.paragraphs });
  const input: DocumentInput = {
    source,
    format: 'html',
    text: document.text,
    document,
    publishedAt: article.publishedAt,
    byline: article.byline,
    language: article.language,
  };
  return ok(input);
}
