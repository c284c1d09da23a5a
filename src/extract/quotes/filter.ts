/**
 * Which quoted strings are speech: quotes that stand alone as sentences, names of works, and the
 * words of signs, teasers and titles that nobody says.
 *
 * Contract: pure predicates over the document text and a quote's parts; no attribution reading.
 * `notSpeech(text, sentenceStart, first, last)` is true for sign text ("placards reading “…” and
 * “…”"), link teasers ("READ MORE: “…”") and titles of works ("a column titled “…”", "“…,” by
 * Variety's Gordon Cox").
 */
import { SIGN_NOUNS, SIGN_VERBS, TEASER_LEADS, TITLE_LEADS } from '../data/non-speech.ts';
import { blankBetween, sentenceStart } from './words.ts';
import { type Part } from './scan.ts';
import type { Span } from '../types.ts';

/** A quote that opens its sentence: “You went on television to blame thousands of” workers. */
export function opensSentence(text: string, para: Span, first: Part): boolean {
  return blankBetween(text, sentenceStart(text, para, first.open), first.open);
}

/** A quote that is a sentence of its own, not a phrase inside someone else's sentence. */
export function standsAlone(text: string, para: Span, first: Part, last: Part): boolean {
  if (!blankBetween(text, sentenceStart(text, para, first.open), first.open)) return false;
  const after = text.slice(last.after, Math.min(para.end, last.after + 2)).trim();
  return after === '' || /^[\s.,;!?)]/.test(after) || /^[“"«„]/.test(after);
}

const TITLE_MINOR_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'and',
  'or',
  'in',
  'on',
  'at',
  'to',
  'for',
  'with',
  'by',
  'from',
]);

/** Names of works and slogans ("Make America Great Again") rather than speech. */
export function isTitleLike(s: string): boolean {
  const all = s.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  if (all.length === 0) return true;
  // title case leaves short function words lower-case: "The Return of the King"
  const words = all.filter((w, i) => i === 0 || !TITLE_MINOR_WORDS.has(w.replace(/\W+$/u, '')));
  const capped = words.filter((w) => w.charAt(0) !== w.charAt(0).toLowerCase()).length;
  // a long title ("The Lord of the Rings: The Return of the King") ends without a sentence's mark
  const short = all.length <= 8 || (all.length <= 16 && !/[.,;]$/.test(s.trim()));
  return short && capped / words.length >= 0.7 && !/[!?]$/.test(s.trim());
}

const alternatives = (words: readonly string[]): string =>
  words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
/** Earlier quoted strings of the same list ("“A” and “B”"), collapsed to Q before matching. */
const QUOTED = /[“"«„][^“”"«»„]{0,200}[”"»“]/gu;
const SIGN = new RegExp(
  `\\b(?:${alternatives(SIGN_NOUNS)})\\b[^.!?]{0,60}?\\b(?:${alternatives(SIGN_VERBS)})\\b(?:\\s+(?:the\\s+)?words)?[\\s:,]*(?:Q[\\s,]*(?:and|or)?[\\s,]*)*$`,
  'iu',
);
const TEASER = new RegExp(`(?:^|[.!?|]\\s*)(?:${alternatives(TEASER_LEADS)})\\s*[:—–-]\\s*$`, 'iu');
const TITLE_LEAD = new RegExp(`\\b(?:${alternatives(TITLE_LEADS)})\\s*[:,]?\\s*$`, 'iu');
/** "“Title,” by Variety's Gordon Cox": a byline after the quote makes it the title of a work. */
const BYLINE_AFTER = /^\s*[,:]?\s*by\s+\p{Lu}/u;

export function notSpeech(text: string, sentence: number, first: Part, last: Part): boolean {
  const before = text.slice(Math.max(sentence, first.open - 240), first.open);
  if (SIGN.test(before.replace(QUOTED, 'Q'))) return true;
  if (TEASER.test(text.slice(Math.max(sentence, first.open - 30), first.open))) return true;
  if (TITLE_LEAD.test(before)) return true;
  return BYLINE_AFTER.test(text.slice(last.after, last.after + 40));
}
