/**
 * Price extractor: exact decimal arithmetic on digit strings, never floats ("$1.2bn" must give
 * exactly "1200000000"): written numbers in every grouping, spelled-out numbers with halves and
 * quarters, magnitudes.
 */
import { MAGNITUDE_EXPONENTS, NUMBER_WORDS } from '../data/number-words.ts';

export interface Decimal {
  int: string;
  frac: string;
}

/** Reads a written number; `groupedDotIsThousands` is set where "12.500 ₫" means twelve thousand five hundred. */
export function parseNumber(written: string, groupedDotIsThousands: boolean): Decimal {
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
export function scale(d: Decimal, exp: number): string {
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
export function compareDecimal(a: Decimal, b: Decimal): number {
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
export const FRACTIONS: Readonly<Record<string, [bigint, bigint]>> = {
  half: [1n, 2n],
  'a half': [1n, 2n],
  'one half': [1n, 2n],
  quarter: [1n, 4n],
  'a quarter': [1n, 4n],
  'one quarter': [1n, 4n],
  'three quarters': [3n, 4n],
};

/** Splits a leading fraction off the number words. */
export function leadingFraction(tokens: string[]): { fraction: [bigint, bigint] | null; rest: string[] } {
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
export function parseNumberWords(words: string): Decimal | null {
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
export function exactRatio(n: bigint, d: bigint): Decimal {
  const times1000 = ((n * 1000n) / d).toString().padStart(4, '0');
  return { int: times1000.slice(0, -3), frac: times1000.slice(-3).replace(/0+$/, '') };
}

export function magnitudeExponent(mag: string | undefined): number {
  if (!mag) return 0;
  const key = mag
    .replace(/^[\s\u00a0\u202f\u2009-]+/, '')
    .replace(/\.$/, '')
    .toLowerCase();
  return MAGNITUDE_EXPONENTS[key] ?? 0;
}
