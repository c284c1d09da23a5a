/**
 * The paragraphs of Readability's content: each block element's text; inside a container that
 * mixes blocks with loose text and inline elements (links, <b>, <span>), each run of loose
 * content is a paragraph too, so that text beside a link is never dropped. Captions, credits,
 * sharing bars and other furniture (data/furniture.ts) are removed, as elements and as
 * paragraphs that are only furniture.
 */
import { FURNITURE_PARAGRAPHS, FURNITURE_SELECTORS, TAIL_HEADINGS } from './data/furniture.ts';
import { clean, type El } from './html-dom.ts';

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

/** Elements that break a run of loose text without holding paragraph text of their own. */
const BREAKS = new Set(['BR', 'HR']);

/** Containers whose children are laid out as blocks (a run of inline content stops at them). */
const CONTAINERS = new Set([
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'FIGURE',
  'UL',
  'OL',
  'DL',
  'TABLE',
  'THEAD',
  'TBODY',
  'TFOOT',
  'TR',
  'FORM',
  'CENTER',
  'NAV',
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const isBlockish = (tag: string): boolean => BLOCKS.has(tag) || CONTAINERS.has(tag);

/** Whether an element holds any block or container below it (then it is walked, not read whole). */
function hasBlockDescendant(el: El): boolean {
  for (const child of Array.from(el.children)) {
    if (isBlockish(child.tagName.toUpperCase()) || hasBlockDescendant(child)) return true;
  }
  return false;
}

/** The paragraphs of readable content, in order. */
export function paragraphsOf(root: El): string[] {
  const out: string[] = [];
  let run = '';
  const endRun = () => {
    const text = clean(run);
    if (text) out.push(text);
    run = '';
  };
  const visit = (el: El): void => {
    const tag = el.tagName.toUpperCase();
    if (BLOCKS.has(tag) || !hasBlockDescendant(el)) {
      if (isBlockish(tag)) {
        endRun();
        const text = clean(el.textContent);
        if (text) out.push(text);
      } else {
        run += ` ${el.textContent ?? ''}`;
      }
      return;
    }
    if (isBlockish(tag)) endRun();
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === TEXT_NODE) run += node.textContent ?? '';
      else if (node.nodeType === ELEMENT_NODE) {
        const child = node as unknown as El;
        if (BREAKS.has(child.tagName.toUpperCase())) endRun();
        else visit(child);
      }
    }
    if (isBlockish(tag)) endRun();
  };
  visit(root);
  endRun();
  return out;
}

/** Short blocks that are (nearly) all link text: menus, section lists, "On Site.com: other story". */
const LINK_BLOCKS = 'p, li, h2, h3, h4, h5, h6, dd, dt, div, span, strong';
const MAX_LINK_BLOCK_WORDS = 12;
const MIN_LINK_SHARE = 0.8;

function isLinkBlock(el: El): boolean {
  const text = clean(el.textContent);
  if (text === '' || text.split(' ').length > MAX_LINK_BLOCK_WORDS) return false;
  const linked = Array.from(el.querySelectorAll('a'), (a) => clean(a.textContent).length).reduce(
    (a, b) => a + b,
    0,
  );
  return linked >= text.length * MIN_LINK_SHARE;
}

/** Removes captions, credits, sharing bars and link-only blocks from the readable content. */
export function removeFurnitureElements(root: El): void {
  for (const selector of FURNITURE_SELECTORS) {
    for (const el of Array.from(root.querySelectorAll(selector))) el.remove();
  }
  for (const el of Array.from(root.querySelectorAll(LINK_BLOCKS))) {
    if (!hasBlockDescendant(el) && isLinkBlock(el)) el.remove();
  }
}

/** The paragraphs before a closing "You may also like" / "More news" heading in the second half. */
export function cutTail(paragraphs: string[]): string[] {
  const at = paragraphs.findIndex(
    (p, i) => i >= paragraphs.length / 2 && TAIL_HEADINGS.some((heading) => heading.test(p)),
  );
  return at > 0 ? paragraphs.slice(0, at) : paragraphs;
}

/** Whether a paragraph is only page furniture ("Advertisement", "Read more: ...", "Photo: ..."). */
export const isFurniture = (paragraph: string): boolean =>
  FURNITURE_PARAGRAPHS.some((pattern) => pattern.test(paragraph));
