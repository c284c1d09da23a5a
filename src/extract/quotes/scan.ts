/**
 * Stage 1, scan: finds the quotation-marked parts of each paragraph.
 *
 * Contract: `scanParagraph` appends to `out` one Group per quote it finds in paragraph `p`, each
 * with one Part (its marks' offsets into the document); a quote left open at the paragraph end
 * is returned so that the next paragraph, when it opens with a mark again, continues it (one
 * Group, several Parts). Marks: “…”, "…", «…», „…“, ”…” (Swedish style); ‘…’ only when it
 * cannot be an apostrophe. Nothing here decides whether a quote is speech.
 */
import { OPENERS, TURN_LABEL } from './words.ts';
import type { Span } from '../types.ts';

export interface Part {
  /** Offset of the opening mark. */
  open: number;
  /** First character inside the marks. */
  start: number;
  /** Offset of the closing mark, or the paragraph end for a quote that never closes. */
  end: number;
  closed: boolean;
  /** First offset after the closing mark. */
  after: number;
  para: number;
  single: boolean;
}

export interface Group {
  parts: Part[];
}

/** Finds the quote parts of one paragraph; `carry` is a quote left open by the previous paragraph. */
export function scanParagraph(
  p: Span,
  para: number,
  carry: Part | null,
  out: Group[],
  openGroup: Group | null,
): Group | null {
  const s = p.text;
  let i = 0;
  let group = openGroup;
  let current: Part | null = null;
  let closers = '';
  let pairClose = false;
  let depth = 0;
  if (carry && group) {
    // a multi-paragraph quote continues only when this paragraph opens with a mark again
    const c = s.charAt(0);
    // a new transcript turn ("“PENCE: Well, …") starts a new quote even after an open one
    const turn = TURN_LABEL.test(s.slice(1, 60));
    if (!turn && (c === '“' || c === '"' || c === '«' || c === '„' || (c === '‘' && carry.single))) {
      current = {
        open: p.start,
        start: p.start + 1,
        end: -1,
        closed: false,
        after: -1,
        para,
        single: carry.single,
      };
      closers = closerFor(c);
      depth = 1;
      i = 1;
    } else {
      group = null;
    }
  }
  for (; i < s.length; i++) {
    const c = s.charAt(i);
    if (current) {
      if (c === '«' && closers === '»') {
        depth++;
        continue;
      }
      // typewriter and TeX style closers of a double quote: ’’ and ''
      const paired = pairClose && (c === '’' || c === "'") && s.charAt(i + 1) === c;
      if (paired || closers.includes(c)) {
        if (c === '»' && --depth > 0) continue;
        if (current.single && !singleCloses(s, i)) continue;
        if (c === '"' && closers.length > 1 && /[\p{L}\p{N}]/u.test(s.charAt(i + 1))) continue;
        let end = i;
        if (c === '»')
          while (end > 0 && /\s/.test(s.charAt(end - 1)) && p.start + end - 1 > current.start) end--;
        current.end = p.start + end;
        current.after = p.start + i + (paired ? 2 : 1);
        current.closed = true;
        if (group) group.parts.push(current);
        else out.push({ parts: [current] });
        current = null;
        group = null;
      }
      continue;
    }
    // Swedish and Finnish style, common in scraped text: ”…” with the same mark on both sides
    const rightOpen =
      c === '”' && (i === 0 || /[\s([:—–-]/.test(s.charAt(i - 1))) && /[\p{L}\p{N}]/u.test(s.charAt(i + 1));
    const tex = c === '`' && s.charAt(i + 1) === '`' && /[\p{L}\p{N}]/u.test(s.charAt(i + 2)); // ``…''
    if (!OPENERS.has(c) && !rightOpen && !tex) continue;
    const prev = s.charAt(i - 1);
    const next = tex ? s.charAt(i + 2) : s.charAt(i + 1);
    if (next === '') continue;
    let inner = tex ? i + 2 : i + 1;
    if (/\s/.test(next)) {
      // French guillemets take a (non-breaking) space inside: « Cette réforme est nécessaire »
      if (c !== '«') continue;
      while (inner < s.length && /\s/.test(s.charAt(inner))) inner++;
    }
    if (c === '"' && /[\p{L}\p{N}]/u.test(prev)) continue; // 5'10", inch marks, stray marks
    if (c === '‘' && /[\p{L}\p{N}]/u.test(prev)) continue;
    if (c === '‹') continue;
    current = {
      open: p.start + i,
      start: p.start + inner,
      end: -1,
      closed: false,
      after: -1,
      para,
      single: c === '‘',
    };
    closers = tex ? '' : closerFor(c);
    pairClose = tex || c === '“' || c === '"';
    depth = 1;
    if (tex) i++;
  }
  if (current) {
    if (current.single) return null; // an apostrophe, most likely, not a quote
    current.end = p.end;
    current.after = p.end;
    const g: Group = group ?? { parts: [] };
    g.parts.push(current);
    if (!group) out.push(g);
    return g;
  }
  return null;
}

export function closerFor(open: string): string {
  switch (open) {
    case '”':
      return '”"';
    case '“':
      return '”"';
    case '"':
      return '"”';
    case '«':
      return '»';
    case '„':
      return '“”"';
    case '‘':
      return '’';
    default:
      return '”';
  }
}

/** A closing ’ is not an apostrophe: it follows punctuation, or precedes punctuation or the end. */
export function singleCloses(s: string, i: number): boolean {
  const prev = s.charAt(i - 1);
  const next = s.charAt(i + 1);
  if (/[\p{L}\p{N}]/u.test(next)) return false;
  if (/[,.!?…—–-]/.test(prev)) return true;
  return next === '' || /[,.;:!?)\]”"]/.test(next);
}
