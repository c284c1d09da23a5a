/**
 * HTML pages: the main text through Mozilla Readability on a linkedom DOM; title, byline and
 * publication date from the page's metadata when present (article:published_time and similar
 * meta tags, time[datetime], JSON-LD datePublished); paragraphs from the readable content.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { documentFromParts } from '../../extract/index.ts';
import type { DocumentInput } from '../ingest.ts';
import { fail, ok, parseDate, type ReadResult } from './types.ts';

/**
 * The small part of the DOM this reader uses. linkedom's own types lean on the DOM lib, which
 * this Node project does not load, so its results are given this shape once, here.
 */
const parsePage = (html: string): { document: unknown } => parseHTML(html) as { document: unknown };

/** The small part of the DOM this reader uses (linkedom's types are looser than the DOM lib's). */
interface El {
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): Iterable<El>;
  children: ArrayLike<El>;
}

export interface HtmlArticle {
  title: string;
  byline: string | null;
  publishedAt: Date | null;
  paragraphs: string[];
}

const DATE_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  'meta[property="og:published_time"]',
];

const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

function jsonLdValues(doc: El, key: string): unknown[] {
  const found: unknown[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      if (key in record) found.push(record[key]);
      if ('@graph' in record) visit(record['@graph']);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // a broken JSON-LD block is ignored, like a browser would
    }
  }
  return found;
}

function publishedAtOf(doc: El): Date | null {
  for (const selector of DATE_META) {
    const date = parseDate(doc.querySelector(selector)?.getAttribute('content'));
    if (date) return date;
  }
  for (const value of jsonLdValues(doc, 'datePublished')) {
    const date = parseDate(value);
    if (date) return date;
  }
  for (const time of doc.querySelectorAll('time[datetime]')) {
    const date = parseDate(time.getAttribute('datetime'));
    if (date) return date;
  }
  return null;
}

/** The author the page's metadata names (meta tags, JSON-LD), read before Readability strips scripts. */
function metadataByline(doc: El): string | null {
  const meta = clean(
    doc.querySelector('meta[name="author"]')?.getAttribute('content') ??
      doc.querySelector('meta[property="article:author"]')?.getAttribute('content'),
  );
  if (meta && !/^https?:/.test(meta)) return meta;
  for (const value of jsonLdValues(doc, 'author')) {
    const author: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
    const name =
      typeof author === 'string'
        ? author
        : typeof author === 'object' && author !== null
          ? (author as { name?: unknown }).name
          : null;
    if (typeof name === 'string' && clean(name)) return clean(name);
  }
  return null;
}

const BLOCKS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'FIGCAPTION',
  'DD',
  'DT',
  'TD',
  'TH',
]);

/** The paragraphs of readable content: each block element's text, or a container's own text. */
function paragraphsOf(root: El): string[] {
  const out: string[] = [];
  const visit = (el: El): void => {
    if (BLOCKS.has(el.tagName.toUpperCase())) {
      const text = clean(el.textContent);
      if (text) out.push(text);
      return;
    }
    const children = Array.from(el.children);
    if (children.length === 0) {
      const text = clean(el.textContent);
      if (text) out.push(text);
      return;
    }
    for (const child of children) visit(child);
  };
  visit(root);
  return out;
}

/** Reads an HTML page into its article parts; null when it holds no readable article. */
export function readHtml(html: string): HtmlArticle | null {
  const { document } = parsePage(html);
  const doc = document as El;
  // Metadata first: Readability mutates the DOM it reads.
  const publishedAt = publishedAtOf(doc);
  const metaTitle = clean(doc.querySelector('meta[property="og:title"]')?.getAttribute('content'));
  const h1 = clean(doc.querySelector('h1')?.textContent);
  const pageByline = metadataByline(doc);
  const result = new Readability(document as ConstructorParameters<typeof Readability>[0], {
    charThreshold: 100,
  }).parse();
  // The page's own headline (h1) beats <title>, which often carries the site's name.
  const title = h1 || metaTitle || clean(result?.title) || clean(doc.querySelector('title')?.textContent);
  let paragraphs: string[] = [];
  if (result?.content) {
    const { document: content } = parsePage(
      `<!doctype html><html><body><div id="readable">${result.content}</div></body></html>`,
    );
    const root = (content as El).querySelector('#readable');
    if (root) paragraphs = paragraphsOf(root);
  } else {
    paragraphs = Array.from(doc.querySelectorAll('p'), (p) => clean(p.textContent)).filter(Boolean);
  }
  // Readability may keep the headline inside the content; the title line already carries it.
  while (paragraphs[0] !== undefined && (paragraphs[0] === title || paragraphs[0] === h1)) paragraphs.shift();
  if (!title && paragraphs.length === 0) return null;
  return {
    title,
    byline: pageByline ?? (clean(result?.byline).replace(/^by\s+/i, '') || null),
    publishedAt,
    paragraphs,
  };
}

export function parseHtmlDocument(html: string, source: string): ReadResult {
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
  };
  return ok(input);
}
