/**
 * Price extractor: the regular expressions and conventions it reads text with, compiled once at
 * module load from the tables in currencies.ts and data/number-words.ts.
 */
import { SUFFIX_SYMBOLS } from '../currencies.ts';
import { MAGNITUDE_WORDS, NUMBER_WORDS, SCALE_WORDS } from '../data/number-words.ts';

export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const byLengthDesc = (a: string, b: string): number => b.length - a.length;

/** Case-insensitive pattern for a phrase without the `i` flag, which would also loosen ISO codes and symbols. */
export function ci(phrase: string): string {
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
export const SP = '[ \\u00a0\\u202f\\u2009]';

/**
 * A written number. Grouped forms come first so "1,234.50" is read whole; every branch refuses
 * to stop before a digit. Indian grouping ("12,34,567.89") has its own branch.
 */
export const NUM =
  `(?:\\d{1,3}(?:(?:,\\d{3})+|(?:\\.\\d{3})+|(?:[ \\u00a0\\u202f\\u2009'’]\\d{3})+)(?:[.,]\\d+)?(?!\\d)` +
  `|\\d{1,2}(?:,\\d{2})+,\\d{3}(?:\\.\\d+)?(?!\\d)` +
  `|\\d+(?:[.,]\\d+)?(?!\\d)` +
  `|\\.\\d+(?!\\d))`;

export const NW_TOKEN = `(?:${[...Object.keys(NUMBER_WORDS), ...SCALE_WORDS].sort(byLengthDesc).map(ci).join('|')})`;
export const SCALE_AHEAD = `(?=${SCALE_WORDS.map(ci).join('|')})`;
/**
 * Spelled-out numbers ("five million", "twenty-five", "a billion", "two and a half million",
 * "a quarter million"); "a"/"an" only before a scale word, "and a half" only after a number.
 */
export const FRACTION = `(?:(?:[aA]|${ci('one')}|${ci('three')})${SP}+)?(?:${ci('half')}|${ci('quarters')}|${ci('quarter')})`;
export const NUMWORDS =
  `(?:(?:${FRACTION}${SP}+)?(?:[aA]n?${SP}+${SCALE_AHEAD})?` +
  `${NW_TOKEN}(?:(?:${SP}+|-)(?:${ci('and')}${SP}+)?(?:${NW_TOKEN}|[aA]${SP}+${ci('half')}))*)(?![\\p{L}\\p{N}])`;

export const MAG_WORDS = [...new Set(MAGNITUDE_WORDS)].sort(byLengthDesc).map(ci).join('|');
/**
 * Magnitude after digits: words may be spaced or hyphenated ("$1.5-billion"), abbreviations may
 * be spaced ("5 Mio. Euro"), single letters are attached.
 */
export const MAG = `(?:(?:${SP}*|-)(?:${MAG_WORDS})|${SP}?(?:bn|mn|mln|bln|trn|tn|mil|BN|MN|Bn|Mn|MLN|BLN|TN)|${SP}(?:Mio|Mrd|mio|mrd)\\.?|[mMkKbB])(?![\\p{L}\\p{N}])`;

/** "30 MUSD", "120 MEUR": a code carrying "million". */
export const MILLION_CODES: ReadonlySet<string> = new Set(['MUSD', 'MEUR', 'MGBP', 'MAUD', 'MCHF']);

/**
 * Candidate currency before a number. Deliberately loose (any short word, any "..$"): the
 * surface is validated against the tables in code, which is far cheaper than a regex
 * alternation of every symbol and code tried at every position.
 */
export const PREFIX_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?<cur>[\\p{L}.]{0,5}${SP}?[$¥]|[€£₤₽₴₹₩₺₪₦₱₫₸₾₼฿₭₡₮]|\\p{L}[\\p{L}.]{0,4})` +
    `(?<sp>${SP}?)(?<num>${NUM})(?<mag>${MAG})?(?:(?<sp2>${SP}+)(?<cur2>\\p{L}+)(?![\\p{L}\\p{N}]))?`,
  'gu',
);

/** Every written number; the currency after it is read by `readCurrencyAfter`. */
export const SUFFIX_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?<![\\p{N}][.,])(?:(?<num>${NUM})|(?<words>${NUMWORDS}))(?<mag>${MAG})?` +
    `(?<sep>${SP}*-${SP}*|${SP}*)`,
  'gu',
);

/** "75 USD million": a magnitude after the currency. */
export const MAG_AFTER_RE = new RegExp(`${SP}+(?:${MAG_WORDS})(?![\\p{L}\\p{N}])`, 'uy');

/** Suffix symbols grouped by first character, longest first, for a quick `startsWith` scan. */
export const SUFFIX_KEYS_BY_FIRST: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const key of [...Object.keys(SUFFIX_SYMBOLS), '¢', 'p', 'c', ...MILLION_CODES].sort(byLengthDesc)) {
    const first = key[0]!;
    map.set(first, [...(map.get(first) ?? []), key]);
  }
  return map;
})();
/** Hyphens separate words here so "12-cent-a-share" still reads "cent"; "d-marks" is rebuilt from "d" and "marks". */
export const WORD_RE = /\p{L}+(?:['’]\p{L}+)*/uy;
export const WORD_GAP_RE = /[.\s\u00a0-]{1,3}/uy;

export const RANGE_TAIL_RE = new RegExp(
  `(?<conn>${SP}*(?:-|–|—|${SP}to${SP}|${SP}and${SP})${SP}*)(?<num>${NUM})(?<mag>${MAG})?`,
  'uy',
);
export const RANGE_HEAD_RE = new RegExp(
  `(?<![\\p{L}\\p{N}.,])(?<num>${NUM})(?<mag>${MAG})?${SP}*(?<conn>-|–|—|to|and)${SP}*$`,
  'u',
);
export const RANGE_CONNECTOR_BEFORE = /(?:-|–|—|to|and)[ \u00a0]*$/u;
export const NOT_MONEY_AFTER =
  /^[ \u00a0]*(?:%|percent\b|per[ \u00a0]cent\b|times\b|people\b|years?\b|percentage\b)/iu;
export const YEAR_CONTEXT_BEFORE =
  /(?:\b(?:in|the|constant|real|nominal|fiscal|of|inflation-adjusted|since|from|by)\s+)$/iu;
export const POUND_MONEY_CONTEXT = /£|\bsterling\b|\bpence\b|\bGBP\b|\bBank of England\b/u;
/** Words near "pounds" that make it a weight even in an article about money. */
export const WEIGHT_CONTEXT =
  /\bweigh|\bweight|\blbs?\b|\bheav|\bkilo|\blost\b|\bgained\b|\bobes|\bfish|\bmeat\b|\bbeef\b|\bbaby\b/iu;
export const PER_UNIT_AFTER =
  /^[ \u00a0]+(?:a|an|per|each)[ \u00a0]+(?:share|week|month|year|day|head|ticket|person|hour|annum)\b/iu;
export const BETWEEN_BEFORE = /\bbetween[ \u00a0]+$/iu;
/** Video resolutions, not pence. */
export const RESOLUTIONS = new Set([
  '144',
  '240',
  '360',
  '480',
  '576',
  '720',
  '1080',
  '1440',
  '2160',
  '4320',
]);
/** Currencies with three minor digits: "423.923 KD" is not 423,923. */
export const THREE_DECIMAL = new Set(['KWD', 'BHD', 'OMR', 'JOD', 'TND', 'LYD', 'IQD']);
/**
 * Currencies whose home countries group thousands with dots: "€100.000", "1.500 zł" are thousands.
 * Dollars and pounds are not here because "$3.459 a gallon" is a decimal.
 */
export const DOT_GROUPING = new Set([
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
export const NO_DECIMAL = new Set(['IDR', 'VND', 'KRW', 'CLP', 'COP', 'PYG', 'UGX', 'IRR', 'LAK', 'MNT']);
/** Dollars whose code, written after a bare "$" amount, says which dollar it is ("$1,190.00 AUD"). */
export const DOLLAR_CODES = new Set([
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
