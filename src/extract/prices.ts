/**
 * Price extractor: money amounts in news text.
 *
 * Contract:
 * - `findPricesInText(text, context?)` returns every money mention in `text`, in order, as
 *   `{ amount, currency, raw, start, end }` with `text.slice(start, end) === raw`.
 * - `findPrices(doc)` runs it over the header lines, the title and the paragraphs of a
 *   ParsedDocument (in that order) and adds `location` and `sentence`; offsets are into `doc.text`.
 * - Currency words shared by several countries ("pesos", "kroner", "lei", "kopecks") are resolved
 *   by `currencyContext`, a pre-pass over the whole document that counts the countries it names;
 *   without a deciding context such a word falls back to its default currency or is skipped.
 * - `amount` is an exact canonical decimal string with magnitude and minor unit applied
 *   ("$34.6 million" → "34600000", "50 cents" → "0.5"); `currency` is an ISO 4217 code.
 *
 * Modules: prices/patterns.ts (regular expressions and conventions), prices/decimal.ts (exact
 * arithmetic), prices/units.ts (which currency a surface names), prices/candidates.ts (the
 * mentions); this file puts them together and places them in a document.
 *
 * Pure and rule-based: every table and regular expression is compiled once at module load. Amounts
 * are computed on digit strings, never floats, because "$1.2bn" must give exactly "1200000000".
 * A number is a price only when a currency is written next to it (symbol, ISO code or currency
 * word); bare numbers, years, percentages, scores and counts therefore never match, and ambiguous
 * words (pounds as weight, "won" the verb) need corroboration.
 */
import { splitSentences } from './sentences.ts';
import { upperBound } from './sorted.ts';
import type { Location, ParsedDocument, PriceFact, Span } from './types.ts';
import {
  addRangePartners,
  attachMinorUnits,
  prefixCandidates,
  resolveOverlaps,
  shareMagnitudes,
  suffixCandidates,
  wordPrefixCandidates,
  oneUnitCandidates,
} from './prices/candidates.ts';
import type { Candidate } from './prices/candidates.ts';
import { scale } from './prices/decimal.ts';
import { currencyContext } from './prices/units.ts';
import type { CurrencyContext } from './prices/units.ts';

export { currencyContext } from './prices/units.ts';
export type { CurrencyContext } from './prices/units.ts';

export interface PriceMatch {
  amount: string;
  currency: string;
  raw: string;
  start: number;
  end: number;
}

/** Every price in `text`; `context` (from `currencyContext` of the whole document) resolves shared currency words. */
export function findPricesInText(
  text: string,
  context: CurrencyContext = currencyContext(text),
): PriceMatch[] {
  const prefix: Candidate[] = [];
  prefixCandidates(text, prefix, context);
  const suffix: Candidate[] = [];
  suffixCandidates(text, suffix, context);
  wordPrefixCandidates(text, suffix, context);
  oneUnitCandidates(text, suffix, context);
  const all = [...prefix, ...suffix];
  for (const c of all) attachMinorUnits(text, c);
  let cands = resolveOverlaps(all);
  const partners = addRangePartners(text, cands, new Set(prefix));
  if (partners.length > 0)
    cands = resolveOverlaps([
      ...cands,
      ...partners.filter((p) => !cands.some((c) => p.start < c.end && c.start < p.end)),
    ]);
  shareMagnitudes(text, cands);
  return cands.map((c) => ({
    amount: scale(c.value, c.magExp + c.unitExp),
    currency: c.iso,
    raw: text.slice(c.start, c.end),
    start: c.start,
    end: c.end,
  }));
}

// ---------------------------------------------------------------------------------------------
// Documents

function pricesInSpan(
  doc: ParsedDocument,
  span: Span,
  location: Location,
  context: CurrencyContext,
  out: PriceFact[],
): void {
  if (span.end <= span.start) return;
  const text = doc.text.slice(span.start, span.end);
  let sentences: Span[] | undefined; // split once per span, only when it has a price
  for (const p of findPricesInText(text, context)) {
    sentences ??= location === 'header' ? [] : splitSentences(text);
    const sentence = location === 'header' ? text : sentenceContaining(sentences, p.start);
    out.push({
      amount: p.amount,
      currency: p.currency,
      raw: p.raw,
      start: span.start + p.start,
      end: span.start + p.end,
      location,
      sentence,
    });
  }
}

/** The sentence an offset falls in (as `sentenceAt` gives it), by binary search over the span's sentences. */
function sentenceContaining(sentences: Span[], offset: number): string {
  const at = upperBound(sentences, offset, (s) => s.end - 1);
  return (sentences[at] ?? sentences[sentences.length - 1])?.text ?? '';
}

export function findPrices(doc: ParsedDocument): PriceFact[] {
  const out: PriceFact[] = [];
  const context = currencyContext(doc.text);
  for (const line of doc.header) pricesInSpan(doc, line, 'header', context, out);
  pricesInSpan(doc, doc.title, 'title', context, out);
  for (const paragraph of doc.paragraphs) pricesInSpan(doc, paragraph, 'body', context, out);
  return out;
}
