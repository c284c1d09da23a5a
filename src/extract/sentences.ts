/**
 * Sentence locator for news prose.
 *
 * Contract: `splitSentences(text)` returns the sentences of one paragraph as spans into `text`
 * (trimmed, `end` exclusive, covering every non-space character in order); `sentenceAt(text, i)`
 * returns the one containing offset `i`. Pure, no allocation beyond the result.
 *
 * A boundary is a run of `.`, `!`, `?` or `…` (plus closing quotes or brackets) followed by
 * whitespace and something that can open a sentence. It errs on the side of NOT splitting:
 * abbreviations ("Dr.", "Jan."), initials ("J. Smith"), dotted acronyms ("U.S.", "p.m.") and
 * decimals ("3.71") never end a sentence, because cutting a sentence in two loses the context
 * a reader needs more than keeping two sentences together does.
 */
import type { Span } from './types.ts';

/** Lower-cased words that take a period without ending the sentence. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st mt ft gen col lt maj sgt capt cmdr adm gov sen rep pres supt insp ' +
    'rev fr hon messrs mme mlle esq inc co corp ltd plc llc bros dept univ assn approx vol ' +
    'vs etc al fig figs eds cf ca ie eg jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'tue tues thu thur thurs fri ave blvd rd hwy sq pp pg para sec ch km kg lb lbs oz tel ext'
  ).split(' '),
);

/** Characters that may close a sentence after its final punctuation. */
const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']', '}']);

const BOUNDARY = /[.!?…]+/g;
const OPENER = /[\p{Lu}\p{N}"'“‘«([¿¡]/u;
const WORD_BEFORE = /([\p{L}\p{N}.]*)$/u;

function isBoundary(text: string, punctStart: number, punctEnd: number): number {
  // Returns the index just after the sentence (including closers), or -1 when not a boundary.
  let end = punctEnd;
  while (end < text.length && CLOSERS.has(text[end]!)) end++;
  let next = end;
  while (next < text.length && /\s/.test(text[next]!)) next++;
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
  if (ABBREVIATIONS.has(lower)) return -1;
  // "No. 5", "Nos. 3 and 4"; but "He said no. Then..." still ends.
  if ((lower === 'no' || lower === 'nos') && /\p{N}/u.test(text[next]!)) return -1;
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
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) spans.push({ text: text.slice(s, e), start: s, end: e });
}

/** The sentence containing `offset` (an offset into `text`); the whole trimmed text if none does. */
export function sentenceAt(text: string, offset: number): Span {
  const sentences = splitSentences(text);
  for (const sentence of sentences) {
    if (offset < sentence.end) return sentence;
  }
  return sentences[sentences.length - 1] ?? { text: '', start: 0, end: 0 };
}
