/**
 * The part of the DOM the HTML reader uses, over linkedom, and the bound on nesting: a page whose
 * elements nest deeper than MAX_DEPTH has each too-deep subtree collapsed into its text, so that
 * recursive code (Readability, serialisation) never runs out of stack or into quadratic time.
 */
import { parseHTML } from 'linkedom';

/** An element as the reader sees it (linkedom's types lean on the DOM lib, which this project does not load). */
export interface El {
  tagName: string;
  nodeType: number;
  textContent: string | null;
  parentElement: El | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): Iterable<El>;
  closest(selector: string): El | null;
  children: ArrayLike<El>;
  childNodes: ArrayLike<{ nodeType: number; textContent: string | null; tagName?: string }>;
  remove(): void;
}

export interface Page {
  document: El & { documentElement: El | null; body: El | null };
  /** The `document` as Readability's constructor takes it. */
  raw: unknown;
}

/** Deeper than any real page (they stay under ~60); Readability slows quadratically with depth. */
export const MAX_DEPTH = 200;

/**
 * Past this raw nesting the page is refused before parsing: the parser itself slows down with
 * depth (50,000 levels take seconds), and no real page comes near it.
 */
export const MAX_RAW_DEPTH = 20_000;

/** Elements that never hold others, or whose end tag is optional: they do not nest in the count. */
const NON_NESTING = new Set(
  'area base br col embed hr img input link meta param source track wbr p li dt dd tr td th option colgroup caption thead tbody tfoot rt rp'.split(
    ' ',
  ),
);

/** How deep the page's open tags nest, by a linear scan of the markup (a cheap upper bound of the DOM's depth). */
export function rawNestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (selfClosing || NON_NESTING.has(name!.toLowerCase())) continue;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) max = depth;
  }
  return max;
}

export const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

export function parsePage(html: string): Page {
  const { document } = parseHTML(html) as { document: unknown };
  return { document: document as Page['document'], raw: document };
}

/** Collapses every subtree that starts at MAX_DEPTH into its text (iteratively: no recursion). Returns whether it did. */
export function boundDepth(root: El): boolean {
  let collapsed = false;
  const stack: [El, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    if (depth >= MAX_DEPTH) {
      const text = el.textContent;
      el.textContent = text;
      collapsed = true;
      continue;
    }
    const children = el.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1]);
  }
  return collapsed;
}

/** The attribute `name` of the first element matching one of the selectors, cleaned; '' when none. */
export function firstContent(doc: El, selectors: string[], attribute = 'content'): string {
  for (const selector of selectors) {
    const value = clean(doc.querySelector(selector)?.getAttribute(attribute));
    if (value) return value;
  }
  return '';
}
