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
 * Pure and rule-based: every table and regular expression is compiled once at module load. Amounts
 * are computed on digit strings, never floats, because "$1.2bn" must give exactly "1200000000".
 * A number is a price only when a currency is written next to it (symbol, ISO code or currency
 * word); bare numbers, years, percentages, scores and counts therefore never match, and ambiguous
 * words (pounds as weight, "won" the verb) need corroboration.
 */
import {
  CODE_ALIASES,
  CONTEXTUAL_WORDS,
  COUNTRY_CUES,
  CURRENCY_WORDS,
  ISO_CODES,
  LOWERCASE_CODES,
  LOWERCASE_ONLY_WORDS,
  MINOR_UNIT_WORDS,
  PREFIX_SYMBOLS,
  SUFFIX_SYMBOLS,
  normalizeCurrencyKey,
} from './currencies.ts';
import { MAGNITUDE_EXPONENTS, MAGNITUDE_WORDS, NUMBER_WORDS, SCALE_WORDS } from './data/number-words.ts';
import { splitSentences } from './sentences.ts';
import { upperBound } from './sorted.ts';
import type { Location, ParsedDocument, PriceFact, Span } from './types.ts';

export interface PriceMatch {
  amount: string;
  currency: string;
  raw: string;
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------
// Pattern construction (once, at module load)

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLengthDesc = (a: string, b: string): number => b.length - a.length;

/** Case-insensitive pattern for a phrase without the `i` flag, which would also loosen ISO codes and symbols. */
function ci(phrase: string): string {
  let out = '';
  for (const ch of phrase) {
    if (ch === ' ') out += '[.\\s\\u00a0]+';
    else if (ch === '-') out += '[-\\s]?';
    else if (ch.toLowerCase() !== ch.toUpperCase()) out += `[${ch.toLowerCase()}${ch.toUpperCase()}]`;
    else out += escapeRe(ch);
  }
  return out;
}

/** Horizontal space inside an amount: "5 550 Kč", "1 298,00", "€ 610". */
const SP = '[ \\u00a0\\u202f\\u2009]';

/**
 * A written number. Grouped forms come first so "1,234.50" is read whole; every branch refuses
 * to stop before a digit. Indian grouping ("12,34,567.89") has its own branch.
 */
const NUM =
  `(?:\\d{1,3}(?:(?:,\\d{3})+|(?:\\.\\d{3})+|(?:[ \\u00a0\\u202f\\u2009'’]\\d{3})+)(?:[.,]\\d+)?(?!\\d)` +
  `|\\d{1,2}(?:,\\d{2})+,\\d{3}(?:\\.\\d+)?(?!\\d)` +
  `|\\d+(?:[.,]\\d+)?(?!\\d)` +
  `|\\.\\d+(?!\\d))`;

const NW_TOKEN = `(?:${[...Object.keys(NUMBER_WORDS), ...SCALE_WORDS].sort(byLengthDesc).map(ci).join('|')})`;
const SCALE_AHEAD = `(?=${SCALE_WORDS.map(ci).join('|')})`;
/**
 * Spelled-out numbers ("five million", "twenty-five", "a billion", "two and a half million",
 * "a quarter million"); "a"/"an" only before a scale word, "and a half" only after a number.
 */
const FRACTION = `(?:(?:[aA]|${ci('one')}|${ci('three')})${SP}+)?(?:${ci('half')}|${ci('quarters')}|${ci('quarter')})`;
const NUMWORDS =
  `(?:(?:${FRACTION}${SP}+)?(?:[aA]n?${SP}+${SCALE_AHEAD})?` +
  `${NW_TOKEN}(?:(?:${SP}+|-)(?:${ci('and')}${SP}+)?(?:${NW_TOKEN}|[aA]${SP}+${ci('half')}))*)(?![\\p{L}\\p{N}])`;

const MAG_WORDS = [...new Set(MAGNITUDE_WORDS)].sort(byLengthDesc).map(ci).join('|');
/**
 * Magnitude after digits: words may be spaced or hyphenated ("$1.5-billion"), abbreviations may
 * be spaced ("5 Mio. Euro"), single letters are attached.
 */
const MAG = `(?:(?:${SP}*|-)(?:${MAG_WORDS})|${SP}?(?:bn|mn|mln|bln|trn|tn|mil|BN|MN|Bn|Mn|MLN|BLN|TN)|${SP}(?:Mio|Mrd|mio|mrd)\\.?|[mMkKbB])(?![\\p{L}\\p{N}])`;

/** "30 MUSD", "120 MEUR": a code carrying "million". */
const MILLION_CODES: ReadonlySet<string> = new Set(['MUSD', 'MEUR', 'MGBP', 'MAUD', 'MCHF']);

/**
 * Candidate currency before a number. Deliberately loose (any short word, any "..$"): the
 * surface is validated against the tables in code, which is far cheaper than a regex
 * alternation of every symbol and code tried at every position.
 */
const PREFIX_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?<cur>[\\p{L}.]{0,5}${SP}?[$¥]|[€£₤₽₴₹₩₺₪₦₱₫₸₾₼฿₭₡₮]|\\p{L}[\\p{L}.]{0,4})` +
    `(?<sp>${SP}?)(?<num>${NUM})(?<mag>${MAG})?(?:(?<sp2>${SP}+)(?<cur2>\\p{L}+)(?![\\p{L}\\p{N}]))?`,
  'gu',
);

/** Every written number; the currency after it is read by `readCurrencyAfter`. */
const SUFFIX_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?<![\\p{N}][.,])(?:(?<num>${NUM})|(?<words>${NUMWORDS}))(?<mag>${MAG})?` +
    `(?<sep>${SP}*-${SP}*|${SP}*)`,
  'gu',
);

/** "75 USD million": a magnitude after the currency. */
const MAG_AFTER_RE = new RegExp(`${SP}+(?:${MAG_WORDS})(?![\\p{L}\\p{N}])`, 'uy');

/** Suffix symbols grouped by first character, longest first, for a quick `startsWith` scan. */
const SUFFIX_KEYS_BY_FIRST: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const key of [...Object.keys(SUFFIX_SYMBOLS), '¢', 'p', ...MILLION_CODES].sort(byLengthDesc)) {
    const first = key[0]!;
    map.set(first, [...(map.get(first) ?? []), key]);
  }
  return map;
})();
/** Hyphens separate words here so "12-cent-a-share" still reads "cent"; "d-marks" is rebuilt from "d" and "marks". */
const WORD_RE = /\p{L}+(?:['’]\p{L}+)*/uy;
const WORD_GAP_RE = /[.\s\u00a0-]{1,3}/uy;

const RANGE_TAIL_RE = new RegExp(
  `(?<conn>${SP}*(?:-|–|—|${SP}to${SP}|${SP}and${SP})${SP}*)(?<num>${NUM})(?<mag>${MAG})?`,
  'uy',
);
const RANGE_HEAD_RE = new RegExp(
  `(?<![\\p{L}\\p{N}.,])(?<num>${NUM})(?<mag>${MAG})?${SP}*(?<conn>-|–|—|to|and)${SP}*$`,
  'u',
);
const RANGE_CONNECTOR_BEFORE = /(?:-|–|—|to|and)[ \u00a0]*$/u;
const NOT_MONEY_AFTER =
  /^[ \u00a0]*(?:%|percent\b|per[ \u00a0]cent\b|times\b|people\b|years?\b|percentage\b)/iu;
const YEAR_CONTEXT_BEFORE =
  /(?:\b(?:in|the|constant|real|nominal|fiscal|of|inflation-adjusted|since|from|by)\s+)$/iu;
const POUND_MONEY_CONTEXT = /£|\bsterling\b|\bpence\b|\bGBP\b|\bBank of England\b/u;
/** Words near "pounds" that make it a weight even in an article about money. */
const WEIGHT_CONTEXT =
  /\bweigh|\bweight|\blbs?\b|\bheav|\bkilo|\blost\b|\bgained\b|\bobes|\bfish|\bmeat\b|\bbeef\b|\bbaby\b/iu;
const PER_UNIT_AFTER =
  /^[ \u00a0]+(?:a|an|per|each)[ \u00a0]+(?:share|week|month|year|day|head|ticket|person|hour|annum)\b/iu;
const BETWEEN_BEFORE = /\bbetween[ \u00a0]+$/iu;
/** Video resolutions, not pence. */
const RESOLUTIONS = new Set(['144', '240', '360', '480', '576', '720', '1080', '1440', '2160', '4320']);
/** Currencies with three minor digits: "423.923 KD" is not 423,923. */
const THREE_DECIMAL = new Set(['KWD', 'BHD', 'OMR', 'JOD', 'TND', 'LYD', 'IQD']);
/**
 * Currencies whose home countries group thousands with dots: "€100.000", "1.500 zł" are thousands.
 * Dollars and pounds are not here because "$3.459 a gallon" is a decimal.
 */
const DOT_GROUPING = new Set([
  'EUR',
  'RUB',
  'BYN',
  'UAH',
  'PLN',
  'CZK',
  'HUF',
  'RON',
  'BGN',
  'TRY',
  'BRL',
  'DKK',
  'NOK',
  'SEK',
  'ISK',
  'RSD',
  'HRK',
  'ARS',
  'CLP',
  'COP',
  'CHF',
]);
/** Currencies without a minor unit in practice: "Rp 31.500" can only be thirty-one thousand five hundred. */
const NO_DECIMAL = new Set(['IDR', 'VND', 'KRW', 'CLP', 'COP', 'PYG', 'UGX', 'IRR', 'LAK', 'MNT']);
/** Dollars whose code, written after a bare "$" amount, says which dollar it is ("$1,190.00 AUD"). */
const DOLLAR_CODES = new Set([
  'USD',
  'CAD',
  'AUD',
  'NZD',
  'HKD',
  'SGD',
  'TWD',
  'MXN',
  'JMD',
  'TTD',
  'BZD',
  'ZWL',
  'NAD',
  'FJD',
  'BSD',
  'BBD',
  'LRD',
  'XCD',
  'BND',
  'SBD',
  'GYD',
  'SRD',
]);

// ---------------------------------------------------------------------------------------------
// Exact decimal arithmetic on digit strings

interface Decimal {
  int: string;
  frac: string;
}

/** Reads a written number; `groupedDotIsThousands` is set where "12.500 ₫" means twelve thousand five hundred. */
function parseNumber(written: string, groupedDotIsThousands: boolean): Decimal {
  const s = written.replace(/[ \u00a0\u202f\u2009'’]/g, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let intPart: string;
  let frac = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalAt = Math.max(lastDot, lastComma);
    intPart = s.slice(0, decimalAt).replace(/[.,]/g, '');
    frac = s.slice(decimalAt + 1);
  } else if (lastComma >= 0) {
    const groups = s.split(',');
    const tail = groups[groups.length - 1]!;
    if (groups.length > 2 || tail.length === 3) intPart = groups.join('');
    else {
      intPart = groups[0]!;
      frac = tail;
    }
  } else if (lastDot >= 0) {
    const groups = s.split('.');
    const tail = groups[groups.length - 1]!;
    const head = groups[0]!;
    if (groups.length > 2 || (groupedDotIsThousands && tail.length === 3 && head !== '0' && head !== '')) {
      intPart = groups.join('');
    } else {
      intPart = head;
      frac = tail;
    }
  } else {
    intPart = s;
  }
  return { int: intPart === '' ? '0' : intPart, frac };
}

/** Canonical decimal string of `d × 10^exp`: no leading zeros (but "0.x"), no trailing fractional zeros. */
function scale(d: Decimal, exp: number): string {
  const digits = d.int + d.frac;
  const point = d.int.length + exp;
  let intDigits: string;
  let fracDigits: string;
  if (point <= 0) {
    intDigits = '0';
    fracDigits = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    intDigits = digits + '0'.repeat(point - digits.length);
    fracDigits = '';
  } else {
    intDigits = digits.slice(0, point);
    fracDigits = digits.slice(point);
  }
  intDigits = intDigits.replace(/^0+(?=\d)/, '');
  fracDigits = fracDigits.replace(/0+$/, '');
  return fracDigits ? `${intDigits}.${fracDigits}` : intDigits;
}

/** Compares two non-negative decimals. */
function compareDecimal(a: Decimal, b: Decimal): number {
  const ai = a.int.replace(/^0+/, '');
  const bi = b.int.replace(/^0+/, '');
  if (ai.length !== bi.length) return ai.length - bi.length;
  if (ai !== bi) return ai < bi ? -1 : 1;
  const len = Math.max(a.frac.length, b.frac.length);
  const af = a.frac.padEnd(len, '0');
  const bf = b.frac.padEnd(len, '0');
  return af === bf ? 0 : af < bf ? -1 : 1;
}

/** A leading fraction ("half a million", "a quarter million", "three quarters billion") as [numerator, denominator]. */
const FRACTIONS: Readonly<Record<string, [bigint, bigint]>> = {
  half: [1n, 2n],
  'a half': [1n, 2n],
  'one half': [1n, 2n],
  quarter: [1n, 4n],
  'a quarter': [1n, 4n],
  'one quarter': [1n, 4n],
  'three quarters': [3n, 4n],
};

/** Splits a leading fraction off the number words. */
function leadingFraction(tokens: string[]): { fraction: [bigint, bigint] | null; rest: string[] } {
  for (const n of [2, 1]) {
    const fraction = FRACTIONS[tokens.slice(0, n).join(' ')];
    if (fraction && tokens.length > n) return { fraction, rest: tokens.slice(n) };
  }
  return { fraction: null, rest: tokens };
}

/**
 * Value of spelled-out numbers, exact via BigInt counted in halves ("two and a half million" is
 * 5 halves × 10^6); null when the words are no exact number on their own: "a" alone, or a bare
 * scale word ("several million dollars" reaches here as "million dollars").
 */
function parseNumberWords(words: string): Decimal | null {
  const all = words
    .toLowerCase()
    .split(/[\s\u00a0-]+/)
    .filter((t) => t !== 'and');
  const { fraction, rest: tokens } = leadingFraction(all);
  if (!fraction && tokens.length > 0 && MAGNITUDE_EXPONENTS[tokens[0]!] !== undefined) return null;
  let total = 0n;
  let current = fraction ? 2n : 0n; // in halves; "half a million" starts from one
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === 'a' || token === 'an') {
      if (tokens[i + 1] === 'half') {
        current += 1n; // "two and a half"
        i++;
      } else current = 2n; // "a million"
      continue;
    }
    const small = NUMBER_WORDS[token];
    if (small !== undefined) {
      current += BigInt(small) * 2n;
      continue;
    }
    const exp = MAGNITUDE_EXPONENTS[token];
    if (exp === undefined) return null;
    if (exp === 2) current *= 100n;
    else {
      total += current * 10n ** BigInt(exp);
      current = 0n;
    }
  }
  const halves = total + current;
  if (halves === 0n && !tokens.includes('zero')) return null;
  const [num, den] = fraction ?? [1n, 1n];
  return exactRatio(halves * num, 2n * den);
}

/** Exact n / d for a d that divides 1000 (2, 4, 8). */
function exactRatio(n: bigint, d: bigint): Decimal {
  const times1000 = ((n * 1000n) / d).toString().padStart(4, '0');
  return { int: times1000.slice(0, -3), frac: times1000.slice(-3).replace(/0+$/, '') };
}

function magnitudeExponent(mag: string | undefined): number {
  if (!mag) return 0;
  const key = mag
    .replace(/^[\s\u00a0\u202f\u2009-]+/, '')
    .replace(/\.$/, '')
    .toLowerCase();
  return MAGNITUDE_EXPONENTS[key] ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Currency resolution

interface Unit {
  iso: string;
  /** Power of ten of the unit: -2 for cents. */
  exponent: number;
  kind: 'symbol' | 'code' | 'word';
  weak: boolean;
}

function codeUnit(surface: string): Unit | null {
  const alias = CODE_ALIASES[surface];
  if (alias) return { iso: alias, exponent: 0, kind: 'code', weak: false };
  if (ISO_CODES.has(surface)) return { iso: surface, exponent: 0, kind: 'code', weak: false };
  if (LOWERCASE_CODES.has(surface))
    return { iso: surface.toUpperCase(), exponent: 0, kind: 'code', weak: false };
  return null;
}

/** How often the article names each currency's country: the document context of a price. */
export type CurrencyContext = ReadonlyMap<string, number>;

const NO_CONTEXT: CurrencyContext = new Map();
const CUE_ISO = new Map<string, string>();
for (const [iso, cues] of Object.entries(COUNTRY_CUES)) for (const cue of cues) CUE_ISO.set(cue, iso);
const CUE_RE = new RegExp(
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
function contextualIso(
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

function wordUnit(surface: string, context: CurrencyContext = NO_CONTEXT): Unit | null {
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

function suffixUnit(surface: string, context: CurrencyContext): Unit | null {
  if (surface === '¢') return { iso: 'USD', exponent: -2, kind: 'symbol', weak: false };
  if (surface === 'p') return { iso: 'GBP', exponent: -2, kind: 'symbol', weak: false };
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

function prefixUnit(surface: string): Unit | null {
  const symbol = PREFIX_SYMBOLS[surface];
  if (symbol) return { iso: symbol, exponent: 0, kind: 'symbol', weak: false };
  return codeUnit(surface);
}

// ---------------------------------------------------------------------------------------------
// Candidates

/**
 * Whether "1.500" (one dot, three digits) is 1500 rather than 1.5 for this currency and layout.
 * Before a magnitude it never is: "€2.375 billion", "1.500 million rubles" are decimals.
 */
function dotGroupsThousands(iso: string, suffixSymbol: boolean, num: string, magnitude = false): boolean {
  if (THREE_DECIMAL.has(iso) || magnitude) return false;
  if (/\.000$/.test(num)) return true; // nobody writes "$100.000" for a hundred dollars
  return suffixSymbol || NO_DECIMAL.has(iso) || DOT_GROUPING.has(iso);
}

interface Candidate {
  start: number;
  end: number;
  iso: string;
  value: Decimal;
  /** Power of ten from the magnitude word ("million" → 6). */
  magExp: number;
  /** Power of ten from the unit ("cents" → -2). */
  unitExp: number;
  /** True for a bare year-like amount: it loses any overlap. */
  weak: boolean;
}

const isYearLike = (num: string): boolean => /^(?:1[89]|20)\d\d$/.test(num);

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** The currency written at `pos` (symbol, code, or a phrase of up to four words), longest first. */
function readCurrencyAfter(
  text: string,
  pos: number,
  context: CurrencyContext,
): { surface: string; unit: Unit } | null {
  for (const key of SUFFIX_KEYS_BY_FIRST.get(text[pos] ?? '') ?? []) {
    if (!text.startsWith(key, pos)) continue;
    if (/\p{L}$/u.test(key) && isWordChar(text[pos + key.length])) continue;
    const unit = suffixUnit(key, context);
    if (unit) return { surface: key, unit };
  }
  let best: { surface: string; unit: Unit } | null = null;
  let p = pos;
  for (let k = 0; k < 4; k++) {
    WORD_RE.lastIndex = p;
    const word = WORD_RE.exec(text);
    if (!word) break;
    const end = p + word[0].length;
    if (isWordChar(text[end])) break;
    const surface = text.slice(pos, end);
    const unit = k === 0 ? (codeUnit(surface) ?? wordUnit(surface, context)) : wordUnit(surface, context);
    if (unit) best = { surface, unit };
    WORD_GAP_RE.lastIndex = end;
    const gap = WORD_GAP_RE.exec(text);
    if (!gap) break;
    p = end + gap[0].length;
  }
  return best;
}

function prefixCandidates(text: string, out: Candidate[], context: CurrencyContext): void {
  PREFIX_RE.lastIndex = 0;
  for (let m = PREFIX_RE.exec(text); m !== null; m = PREFIX_RE.exec(text)) {
    const g = m.groups!;
    let cur = g.cur!;
    const num = g.num!;
    let start = m.index;
    let unit = prefixUnit(cur);
    if (!unit) {
      // "about $5": the loose pattern took the word before the sign; "XYZ$5" stays unknown.
      const sign = cur[cur.length - 1]!;
      if ((sign !== '$' && sign !== '¥') || isWordChar(cur[cur.length - 2])) continue;
      start += cur.length - 1;
      cur = sign;
      unit = prefixUnit(sign);
      if (!unit) continue;
    }
    if (unit.kind === 'code') {
      // "EUR/USD 1.08" is an exchange rate; "CNY 2024" is a festival.
      if (text[start - 1] === '/' || text[start + cur.length] === '/') continue;
      if (!g.mag && isYearLike(num)) continue;
      if (unit.iso === 'PHP' && !g.mag && /^\d{1,2}(?:\.\d+)?$/.test(num)) continue; // "PHP 8.2" is software
    }
    let end = m.index + m[0].length;
    let iso = unit.iso;
    if (g.cur2) {
      const restated = wordUnit(g.cur2, context) ?? codeUnit(g.cur2);
      if (restated && cur === '$' && restated.exponent === 0 && DOLLAR_CODES.has(restated.iso))
        iso = restated.iso;
      else if (!restated || restated.iso !== unit.iso || restated.exponent !== 0) {
        end -= g.sp2!.length + g.cur2.length;
        PREFIX_RE.lastIndex = end; // "USD 1 EUR 2": the next currency starts the next match
      }
    }
    if (isWordChar(text[end]) && !g.cur2) continue;
    out.push({
      start,
      end,
      iso,
      value: parseNumber(num, dotGroupsThousands(iso, false, num, g.mag !== undefined)),
      magExp: magnitudeExponent(g.mag),
      unitExp: 0,
      weak: false,
    });
  }
}

function suffixCandidates(text: string, out: Candidate[], context: CurrencyContext): void {
  for (const m of text.matchAll(SUFFIX_RE)) {
    const g = m.groups!;
    const start = m.index;
    const curStart = start + m[0].length;
    const found = readCurrencyAfter(text, curStart, context);
    if (!found) continue;
    const { surface: cur, unit } = found;
    let end = curStart + cur.length;
    MAG_AFTER_RE.lastIndex = end;
    const magAfter = MAG_AFTER_RE.exec(text)?.[0];
    if (magAfter) end += magAfter.length;
    const sep = g.sep!;
    // Symbols must not start the next amount ("10 $10" is "$10").
    if (unit.kind === 'symbol' && !/\p{L}\.?$/u.test(cur) && cur !== 'p' && cur !== '¢') {
      if (/^[ \u00a0]?\d/.test(text.slice(end, end + 2))) continue;
    }
    if (sep.includes('-') && unit.kind !== 'word') continue; // "12-cent" yes, "3-USD" no
    if (cur === 'p') {
      if (sep !== '' || g.words || RESOLUTIONS.has(g.num ?? '')) continue;
    }
    if (g.words && unit.kind === 'symbol') continue; // "five €" is not how money is written
    let value: Decimal | null;
    value = g.words ? parseNumberWords(g.words) : null;
    const magExp = magnitudeExponent(g.mag) + magnitudeExponent(magAfter);
    if (!g.words)
      value = parseNumber(g.num!, dotGroupsThousands(unit.iso, unit.kind === 'symbol', g.num!, magExp > 0));
    if (!value) continue;
    if (unit.weak) {
      // Bare "pounds" is a weight unless something says money.
      const near = text.slice(Math.max(0, start - 80), end + 80);
      const money =
        magExp > 0 ||
        PER_UNIT_AFTER.test(text.slice(end, end + 30)) ||
        (POUND_MONEY_CONTEXT.test(near) && !WEIGHT_CONTEXT.test(near));
      if (!money || /^[ \u00a0]+of\b/u.test(text.slice(end, end + 5))) continue;
    }
    const num = g.num ?? '';
    if (magExp === 0 && isYearLike(num) && unit.kind !== 'symbol') {
      // "in 2021 dollars" is a price level, not a price.
      if (YEAR_CONTEXT_BEFORE.test(text.slice(Math.max(0, start - 30), start))) continue;
    }
    out.push({
      start,
      end,
      iso: unit.iso,
      value,
      magExp,
      unitExp: unit.exponent,
      weak: magExp === 0 && isYearLike(num),
    });
  }
}

const SMALL_WORDS = Object.keys(NUMBER_WORDS).sort(byLengthDesc).map(ci).join('|');
/** "3 dollars 50 cents", "$20 and 43c", "thirteen dollars and forty-five cents", "15 dollars 50". */
const MINOR_TAIL_RE = new RegExp(
  `${SP}+(?:${ci('and')}${SP}+)?(?<minor>\\d{1,2}|(?:${SMALL_WORDS})(?:[-${SP.slice(1, -1)}](?:${SMALL_WORDS}))?)` +
    `(?:${SP}?(?<unit>\\p{L}+))?(?![\\p{L}\\p{N}])`,
  'uy',
);
/** A bare two-digit minor amount ("15 dollars 50.") counts only at the end of a clause. */
const CLAUSE_END = /^[ \u00a0]*(?:[.,;:!?)\]]|$)/u;

function attachMinorUnits(text: string, c: Candidate): void {
  if (c.magExp !== 0 || c.unitExp !== 0 || c.value.frac !== '') return;
  const words = MINOR_UNIT_WORDS[c.iso];
  if (!words) return;
  MINOR_TAIL_RE.lastIndex = c.end;
  const m = MINOR_TAIL_RE.exec(text);
  if (!m) return;
  const g = m.groups!;
  const end = m.index + m[0].length;
  if (g.unit !== undefined) {
    if (!words.includes(g.unit.toLowerCase())) return;
  } else if (!/^\d\d$/.test(g.minor!) || !CLAUSE_END.test(text.slice(end, end + 3))) return;
  const minor = /^\d/.test(g.minor!) ? g.minor! : parseNumberWords(g.minor!)?.int;
  if (minor === undefined || minor.length > 2) return;
  c.value = { int: c.value.int, frac: minor.padStart(2, '0') };
  c.end = end;
}

function resolveOverlaps(cands: Candidate[]): Candidate[] {
  cands.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Candidate[] = [];
  for (const c of cands) {
    const last = kept[kept.length - 1];
    if (!last || c.start >= last.end) {
      kept.push(c);
    } else if (last.weak && !c.weak) {
      kept[kept.length - 1] = c;
    }
  }
  return kept;
}

/** "$5-10 million", "5 to 10 euros", "between 5 and 10 dollars": the bare end of a range becomes a mention too. */
function addRangePartners(text: string, cands: Candidate[], isPrefixForm: Set<Candidate>): Candidate[] {
  const extra: Candidate[] = [];
  for (const c of cands) {
    if (isPrefixForm.has(c)) {
      RANGE_TAIL_RE.lastIndex = c.end;
      const m = RANGE_TAIL_RE.exec(text);
      if (
        m &&
        !isWordChar(text[m.index + m[0].length]) &&
        !NOT_MONEY_AFTER.test(text.slice(m.index + m[0].length))
      ) {
        const conn = m.groups!.conn!.trim();
        if (conn !== 'and' || BETWEEN_BEFORE.test(text.slice(Math.max(0, c.start - 12), c.start))) {
          const num = m.groups!.num!;
          const start = m.index + m.groups!.conn!.length;
          extra.push({
            start,
            end: m.index + m[0].length,
            iso: c.iso,
            value: parseNumber(num, false),
            magExp: magnitudeExponent(m.groups!.mag),
            unitExp: c.unitExp,
            weak: false,
          });
        }
      }
    } else {
      // Cheap test first: the full head pattern is costly to try on every mention.
      if (!RANGE_CONNECTOR_BEFORE.test(text.slice(Math.max(0, c.start - 6), c.start))) continue;
      const before = text.slice(Math.max(0, c.start - 40), c.start);
      const m = RANGE_HEAD_RE.exec(before);
      if (!m) continue;
      const conn = m.groups!.conn!;
      const headStart = c.start - before.length + m.index;
      if (conn === 'and' && !BETWEEN_BEFORE.test(text.slice(Math.max(0, headStart - 12), headStart)))
        continue;
      const num = m.groups!.num!;
      if (!m.groups!.mag && isYearLike(num)) continue;
      extra.push({
        start: headStart,
        end: headStart + num.length + (m.groups!.mag?.length ?? 0),
        iso: c.iso,
        value: parseNumber(num, false),
        magExp: magnitudeExponent(m.groups!.mag),
        unitExp: c.unitExp,
        weak: false,
      });
    }
  }
  return extra;
}

/** "$5 to $10 million": the first end takes the magnitude of the second when it is not larger. */
function shareMagnitudes(text: string, cands: Candidate[]): void {
  for (let i = 0; i + 1 < cands.length; i++) {
    const a = cands[i]!;
    const b = cands[i + 1]!;
    if (a.magExp !== 0 || b.magExp === 0 || a.iso !== b.iso) continue;
    const gap = text.slice(a.end, b.start);
    const m = /^[ \u00a0]*(-|–|—|to|and)[ \u00a0]*(?:[^\p{L}\p{N}\s]{1,4}[ \u00a0]?)?$/u.exec(gap);
    if (!m) continue;
    if (m[1] === 'and' && !BETWEEN_BEFORE.test(text.slice(Math.max(0, a.start - 12), a.start))) continue;
    if (compareDecimal(a.value, b.value) > 0) continue;
    a.magExp = b.magExp;
  }
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
