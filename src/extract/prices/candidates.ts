/**
 * Price extractor: candidate mentions. Prefix forms ("$5", "EUR 2.5m"), suffix forms ("3.71 BYN",
 * "two and a half million euros"), minor units ("3 dollars 50 cents"), overlaps, and the bare
 * ends of ranges ("$5-10 million").
 *
 * Contract: each function reads `text` left to right once; candidates carry exact Decimals and
 * powers of ten, turned into amounts by prices.ts.
 */
import { MINOR_UNIT_WORDS } from '../currencies.ts';
import { NUMBER_WORDS } from '../data/number-words.ts';
import { compareDecimal, magnitudeExponent, parseNumber, parseNumberWords } from './decimal.ts';
import type { Decimal } from './decimal.ts';
import {
  BETWEEN_BEFORE,
  DOLLAR_CODES,
  DOT_GROUPING,
  MAG,
  MAG_AFTER_RE,
  NUM,
  NOT_MONEY_AFTER,
  NO_DECIMAL,
  PER_UNIT_AFTER,
  POUND_MONEY_CONTEXT,
  PREFIX_RE,
  RANGE_CONNECTOR_BEFORE,
  RANGE_HEAD_RE,
  RANGE_TAIL_RE,
  RESOLUTIONS,
  SP,
  SUFFIX_KEYS_BY_FIRST,
  SUFFIX_RE,
  THREE_DECIMAL,
  WEIGHT_CONTEXT,
  WORD_GAP_RE,
  WORD_RE,
  YEAR_CONTEXT_BEFORE,
  byLengthDesc,
  ci,
} from './patterns.ts';
import { codeUnit, prefixUnit, suffixUnit, wordUnit } from './units.ts';
import type { CurrencyContext, Unit } from './units.ts';

/**
 * Whether "1.500" (one dot, three digits) is 1500 rather than 1.5 for this currency and layout.
 * Before a magnitude it never is: "€2.375 billion", "1.500 million rubles" are decimals.
 */
export function dotGroupsThousands(
  iso: string,
  suffixSymbol: boolean,
  num: string,
  magnitude = false,
): boolean {
  if (THREE_DECIMAL.has(iso) || magnitude) return false;
  if (/\.000$/.test(num)) return true; // nobody writes "$100.000" for a hundred dollars
  return suffixSymbol || NO_DECIMAL.has(iso) || DOT_GROUPING.has(iso);
}

export interface Candidate {
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

export const isYearLike = (num: string): boolean => /^(?:1[89]|20)\d\d$/.test(num);

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** The currency written at `pos` (symbol, code, or a phrase of up to four words), longest first. */
export function readCurrencyAfter(
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

export function prefixCandidates(text: string, out: Candidate[], context: CurrencyContext): void {
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

/** Words before "5c" that make it a label ("Article 5c", "Figure 3c"), not five cents. */
const LABEL_BEFORE_C =
  /(?:\p{Lu}\p{L}*|article|section|figure|fig\.|item|paragraph|clause|point|rule|chapter|part|table|box|room|appendix|schedule|annex|grade|class|type|category|level|stage|phase|version|step|note|page|line|row|column|exhibit|plate|unit|block|flat|apartment|suite|gate|platform|route|bus|no\.)[ \u00a0]*$/u;

/** "25c", "10 c": cents, for a whole number under a hundred that is no label and nothing joins. */
function centsByLetter(
  text: string,
  start: number,
  end: number,
  sep: string,
  g: Record<string, string | undefined>,
): boolean {
  if (sep.length > 1 || g.words || g.mag || !/^\d{1,2}$/.test(g.num ?? '')) return false;
  if (/^[-\p{L}\p{N}]/u.test(text.slice(end, end + 1))) return false;
  return !LABEL_BEFORE_C.test(text.slice(Math.max(0, start - 12), start));
}

export function suffixCandidates(text: string, out: Candidate[], context: CurrencyContext): void {
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
    // "25c", "10 c": cents, for a whole number under a hundred that nothing else follows
    if (cur === 'c' && !centsByLetter(text, start, end, sep, g)) continue;
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

/** A number after a word, for currency words written before the amount ("ringgit 42"). */
const NUMBER_AFTER_WORD_RE = new RegExp(
  `(?<=\\p{L})(?<sp>${SP}+)(?<num>${NUM})(?<mag>${MAG})?(?![\\p{L}\\p{N}])`,
  'gu',
);
const WORD_BEFORE_RE = /(?:^|[^\p{L}\p{N}])((?:\p{L}+[ \u00a0]){0,2}\p{L}+)$/u;

/**
 * A currency word before the amount, as some writers put it ("ringgit 42", "Malaysian ringgit
 * 42", "dollar 22.5 million"): the longest phrase of up to three words naming a currency in
 * its main unit. Not after "the"/"a" ("the euro 1.08 higher" is a rate), not a year ("Euro
 * 2024"), not when another currency follows ("dollar 110 yen").
 */
export function wordPrefixCandidates(text: string, out: Candidate[], context: CurrencyContext): void {
  for (const m of text.matchAll(NUMBER_AFTER_WORD_RE)) {
    const g = m.groups!;
    const before = WORD_BEFORE_RE.exec(text.slice(Math.max(0, m.index - 40), m.index))?.[1];
    if (before === undefined) continue;
    const words = before.split(/[ \u00a0]/);
    let unit: Unit | null = null;
    let phrase = '';
    for (let k = 0; k < words.length && unit === null; k++) {
      phrase = words.slice(k).join(' ');
      unit = wordUnit(phrase, context);
    }
    if (unit === null || unit.exponent !== 0 || unit.weak) continue;
    const start = m.index - phrase.length;
    if (/(?:^|[^\p{L}])(?:the|a|an|The|A|An)[ \u00a0]+$/u.test(text.slice(Math.max(0, start - 5), start)))
      continue;
    const num = g.num!;
    if (!g.mag && isYearLike(num)) continue;
    const end = m.index + m[0].length;
    if (NOT_MONEY_AFTER.test(text.slice(end, end + 12))) continue;
    const gap = /^[ \u00a0]+/.exec(text.slice(end, end + 3))?.[0].length ?? 0;
    if (gap > 0 && readCurrencyAfter(text, end + gap, context)) continue;
    const magExp = magnitudeExponent(g.mag);
    out.push({
      start,
      end,
      iso: unit.iso,
      value: parseNumber(num, dotGroupsThousands(unit.iso, false, num, magExp > 0)),
      magExp,
      unitExp: 0,
      weak: false,
    });
  }
}

const ARTICLE_RE = /(?<![\p{L}\p{N}])[aA][ \u00a0]+(?=\p{Ll})/gu;
/** What may follow "a dollar" when it is one dollar: a clause end or a rate ("a dollar a day"), not "for"/"to" ("a yen for travel"). */
const AFTER_ONE_UNIT =
  /^(?:[ \u00a0]*(?:[.,;:!?)]|$)|[ \u00a0]+(?:a|an|per|each|apiece|or|and|more|less)\b)/u;

/** "a dollar", "a euro a litre": one unit of a currency named in words. */
export function oneUnitCandidates(text: string, out: Candidate[], context: CurrencyContext): void {
  for (const m of text.matchAll(ARTICLE_RE)) {
    const at = m.index + m[0].length;
    const found = readCurrencyAfter(text, at, context);
    if (!found || found.unit.kind !== 'word' || found.unit.weak) continue;
    // "a dollars" is not English; "a yen for travel" is a longing
    if (/s$/.test(found.surface) || found.surface.toLowerCase() === 'yen') continue;
    const end = at + found.surface.length;
    if (!AFTER_ONE_UNIT.test(text.slice(end, end + 12))) continue;
    out.push({
      start: m.index,
      end,
      iso: found.unit.iso,
      value: { int: '1', frac: '' },
      magExp: 0,
      unitExp: found.unit.exponent,
      weak: false,
    });
  }
}

export const SMALL_WORDS = Object.keys(NUMBER_WORDS).sort(byLengthDesc).map(ci).join('|');
/** "3 dollars 50 cents", "$20 and 43c", "thirteen dollars and forty-five cents", "15 dollars 50". */
export const MINOR_TAIL_RE = new RegExp(
  `${SP}+(?:${ci('and')}${SP}+)?(?<minor>\\d{1,2}|(?:${SMALL_WORDS})(?:[-${SP.slice(1, -1)}](?:${SMALL_WORDS}))?)` +
    `(?:${SP}?(?<unit>\\p{L}+))?(?![\\p{L}\\p{N}])`,
  'uy',
);
/** A bare two-digit minor amount ("15 dollars 50.") counts only at the end of a clause. */
export const CLAUSE_END = /^[ \u00a0]*(?:[.,;:!?)\]]|$)/u;

export function attachMinorUnits(text: string, c: Candidate): void {
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

export function resolveOverlaps(cands: Candidate[]): Candidate[] {
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
export function addRangePartners(
  text: string,
  cands: Candidate[],
  isPrefixForm: Set<Candidate>,
): Candidate[] {
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
export function shareMagnitudes(text: string, cands: Candidate[]): void {
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
