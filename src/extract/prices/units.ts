/**
 * Price extractor: which currency a written symbol, code or word names, with the document's
 * country context for words several countries share (pesos, kroner, rubles, francs, marks).
 */
import {
  CODE_ALIASES,
  CONTEXTUAL_WORDS,
  COUNTRY_CUES,
  CURRENCY_WORDS,
  ISO_CODES,
  LOWERCASE_CODES,
  LOWERCASE_ONLY_WORDS,
  PREFIX_SYMBOLS,
  SUFFIX_SYMBOLS,
  normalizeCurrencyKey,
} from '../currencies.ts';
import { MILLION_CODES, byLengthDesc, escapeRe } from './patterns.ts';

export interface Unit {
  iso: string;
  /** Power of ten of the unit: -2 for cents. */
  exponent: number;
  kind: 'symbol' | 'code' | 'word';
  weak: boolean;
}

export function codeUnit(surface: string): Unit | null {
  const alias = CODE_ALIASES[surface];
  if (alias) return { iso: alias, exponent: 0, kind: 'code', weak: false };
  if (ISO_CODES.has(surface)) return { iso: surface, exponent: 0, kind: 'code', weak: false };
  if (LOWERCASE_CODES.has(surface))
    return { iso: surface.toUpperCase(), exponent: 0, kind: 'code', weak: false };
  return null;
}

/** How often the article names each currency's country: the document context of a price. */
export type CurrencyContext = ReadonlyMap<string, number>;

export const NO_CONTEXT: CurrencyContext = new Map();
export const CUE_ISO = new Map<string, string>();
for (const [iso, cues] of Object.entries(COUNTRY_CUES)) for (const cue of cues) CUE_ISO.set(cue, iso);
export const CUE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...CUE_ISO.keys()].sort(byLengthDesc).map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

/** One pass over the document: how many times each currency's country is named ("New Mexico" is not Mexico). */
export function currencyContext(text: string): CurrencyContext {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(CUE_RE)) {
    if (m[0] === 'Mexico' && text.slice(Math.max(0, m.index - 4), m.index) === 'New ') continue;
    const iso = CUE_ISO.get(m[0])!;
    counts.set(iso, (counts.get(iso) ?? 0) + 1);
  }
  return counts;
}

/** The currency a shared word means in this document, or null when the document does not say. */
export function contextualIso(
  key: string,
  context: CurrencyContext,
): { iso: string; exponent: number } | null | undefined {
  const word = CONTEXTUAL_WORDS.get(key);
  if (!word) return undefined;
  let best: string | null = null;
  let bestCount = 0;
  let tie = false;
  for (const iso of word.options) {
    const n = context.get(iso) ?? 0;
    if (n > bestCount) {
      best = iso;
      bestCount = n;
      tie = false;
    } else if (n > 0 && n === bestCount) tie = true;
  }
  const iso = best !== null && !tie ? best : word.fallback;
  return iso === null ? null : { iso, exponent: word.exponent };
}

export function wordUnit(surface: string, context: CurrencyContext = NO_CONTEXT): Unit | null {
  const key = normalizeCurrencyKey(surface);
  const shared = contextualIso(key, context);
  if (shared === null) return null;
  if (shared !== undefined) {
    if (LOWERCASE_ONLY_WORDS.has(key) && surface !== surface.toLowerCase()) return null;
    return { iso: shared.iso, exponent: shared.exponent, kind: 'word', weak: false };
  }
  const word = CURRENCY_WORDS.get(key);
  if (!word) return null;
  if (LOWERCASE_ONLY_WORDS.has(key) && surface !== surface.toLowerCase()) return null;
  return { iso: word.iso, exponent: word.exponent, kind: 'word', weak: word.weak === true };
}

export function suffixUnit(surface: string, context: CurrencyContext): Unit | null {
  if (surface === '¢') return { iso: 'USD', exponent: -2, kind: 'symbol', weak: false };
  if (surface === 'p') return { iso: 'GBP', exponent: -2, kind: 'symbol', weak: false };
  if (surface === 'c') return { iso: 'USD', exponent: -2, kind: 'symbol', weak: false };
  if (MILLION_CODES.has(surface)) return { iso: surface.slice(1), exponent: 6, kind: 'code', weak: false };
  const symbol = SUFFIX_SYMBOLS[surface];
  if (symbol === 'RON') {
    // "Lei", "LEI": Romanian or Moldovan by the article
    const shared = contextualIso('lei', context);
    if (shared) return { iso: shared.iso, exponent: 0, kind: 'symbol', weak: false };
  }
  if (symbol) return { iso: symbol, exponent: 0, kind: 'symbol', weak: false };
  return codeUnit(surface) ?? wordUnit(surface, context);
}

export function prefixUnit(surface: string): Unit | null {
  const symbol = PREFIX_SYMBOLS[surface];
  if (symbol) return { iso: symbol, exponent: 0, kind: 'symbol', weak: false };
  return codeUnit(surface);
}
