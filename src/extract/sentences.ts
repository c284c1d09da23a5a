/**
 * Sentence splitter for news prose: the one place that decides where sentences end.
 *
 * Contract:
 * - `splitSentences(text)` returns the sentences of one paragraph as spans into `text` (trimmed,
 *   `end` exclusive, covering every non-space character in order).
 * - `sentenceBounds(text)` returns a `SentenceIndex` over those spans, computed once: `at(i)` is
 *   the sentence containing offset `i` (the nearest one when `i` falls in the space between two),
 *   `startOf(i)`/`endOf(i)` its bounds; every lookup is a binary search.
 * - `sentenceAt(text, i)` is `sentenceBounds(text).at(i)`; the index of the last text asked about
 *   is kept, so calling it once per price or per quote in one paragraph stays linear.
 * - Linear in the length of `text`; pure apart from that one-entry cache.
 *
 * A boundary is a run of `.`, `!`, `?` or `…` (plus closing quotes or brackets) followed by
 * whitespace and something that can open a sentence. It errs on the side of NOT splitting:
 * abbreviations (data/abbreviations.ts: "Dr.", "Jan."), initials ("J. Smith"), dotted acronyms
 * ("U.S.", "p.m.") and decimals ("3.71") never end a sentence, because cutting a sentence in two
 * loses the context a reader needs more than keeping two sentences together does.
 */
import { ABBREVIATIONS } from './data/abbreviations.ts';
import { upperBound } from './sorted.ts';
import type { Span } from './types.ts';

const ABBREVIATION = new Set(ABBREVIATIONS);

/** Characters that may close a sentence after its final punctuation. */
const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']', '}']);

const BOUNDARY = /[.!?…]+/g;
const OPENER = /[\p{Lu}\p{N}"'“‘«([¿¡]/u;
const WORD_BEFORE = /([\p{L}\p{N}.]*)$/u;
const SPACE = /\s/;

/** The index just after the sentence ending at [punctStart, punctEnd) (closers included), or -1. */
function isBoundary(text: string, punctStart: number, punctEnd: number): number {
  let end = punctEnd;
  while (end < text.length && CLOSERS.has(text[end]!)) end++;
  let next = end;
  while (next < text.length && SPACE.test(text[next]!)) next++;
  if (next === end) return -1; // "3.71", "U.S.-led": no space, no boundary
  if (next >= text.length) return end;
  if (!OPENER.test(text[next]!)) return -1;
  const run = text.slice(punctStart, punctEnd);
  if (run !== '.') return end; // "!", "?", "...", "…" end a sentence whenever a capital follows
  const word = WORD_BEFORE.exec(text.slice(Math.max(0, punctStart - 40), punctStart))?.[1] ?? '';
  if (word === '') return end;
  if (word.includes('.')) return -1; // "U.S.", "p.m.", "e.g."
  if (/^\p{Lu}$/u.test(word)) return -1; // an initial: "George W. Bush"
  const lower = word.toLowerCase();
  // "No. 5", "Nos. 3 and 4"; but "He said no. Then..." still ends.
  if (lower === 'no' || lower === 'nos') return /\p{N}/u.test(text[next]!) ? -1 : end;
  if (ABBREVIATION.has(lower)) return -1;
  return end;
}

export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const punctStart = match.index;
    const punctEnd = punctStart + match[0].length;
    if (punctStart < start) continue;
    const end = isBoundary(text, punctStart, punctEnd);
    if (end < 0) continue;
    pushTrimmed(text, start, end, spans);
    start = end;
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

function pushTrimmed(text: string, from: number, to: number, spans: Span[]): void {
  let s = from;
  let e = to;
  while (s < e && SPACE.test(text[s]!)) s++;
  while (e > s && SPACE.test(text[e - 1]!)) e--;
  if (e > s) spans.push({ text: text.slice(s, e), start: s, end: e });
}

export interface SentenceIndex {
  readonly sentences: readonly Span[];
  /** The sentence containing `offset`, or the nearest one before it; the first for offsets before all. */
  at(offset: number): Span;
  /** Start of the sentence containing `offset`. */
  startOf(offset: number): number;
  /** End of the sentence containing `offset`. */
  endOf(offset: number): number;
}

const EMPTY: Span = { text: '', start: 0, end: 0 };

export function sentenceBounds(text: string): SentenceIndex {
  const sentences = splitSentences(text);
  const at = (offset: number): Span => {
    // the last sentence starting at or before offset; offsets past its end but before the next
    // start (the space between) belong to the following sentence, as they did before the index
    const n = upperBound(sentences, offset, (s) => s.start) - 1;
    if (n < 0) return sentences[0] ?? EMPTY;
    const s = sentences[n]!;
    return offset < s.end || n + 1 >= sentences.length ? s : sentences[n + 1]!;
  };
  return { sentences, at, startOf: (o) => at(o).start, endOf: (o) => at(o).end };
}

let lastText: string | null = null;
let lastIndex: SentenceIndex | null = null;

/** The sentence containing `offset` (an offset into `text`); the whole trimmed text if none does. */
export function sentenceAt(text: string, offset: number): Span {
  if (lastText !== text || lastIndex === null) {
    lastText = text;
    lastIndex = sentenceBounds(text);
  }
  return lastIndex.at(offset);
}
