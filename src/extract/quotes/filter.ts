/**
 * Which quoted strings are speech: quotes that stand alone as sentences, and names of works.
 *
 * Contract: pure predicates over the document text and a quote's parts; no attribution reading.
 */
import { sentenceStart } from './words.ts';
import { type Part } from './scan.ts';
import type { Span } from '../types.ts';

/** A quote that opens its sentence: “You went on television to blame thousands of” workers. */
export function opensSentence(text: string, para: Span, first: Part): boolean {
  return text.slice(sentenceStart(text, para, first.open), first.open).trim() === '';
}

/** A quote that is a sentence of its own, not a phrase inside someone else's sentence. */
export function standsAlone(text: string, para: Span, first: Part, last: Part): boolean {
  const before = text.slice(sentenceStart(text, para, first.open), first.open).trim();
  const after = text.slice(last.after, Math.min(para.end, last.after + 2)).trim();
  return before === '' && (after === '' || /^[\s.,;!?)]/.test(after) || /^[“"«„]/.test(after));
}

/** Names of works and slogans ("Make America Great Again") rather than speech. */
export function isTitleLike(s: string): boolean {
  const words = s.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  if (words.length === 0) return true;
  const capped = words.filter((w) => w.charAt(0) !== w.charAt(0).toLowerCase()).length;
  return words.length <= 8 && capped / words.length >= 0.7 && !/[!?]$/.test(s.trim());
}
