/**
 * Scoring helpers for `npm run eval`: text normalisation, matching rules and P/R/F1 arithmetic.
 * Pure functions only; no I/O and no dependency on the extractor, so they can be unit-tested alone.
 *
 * Matching rules (the same ones eval/README.md documents):
 * - people: one-to-one by canonical name, `normName` (NFKC, case-folded, punctuation dropped,
 *   initials joined: "J. D. Vance" = "J.D. Vance" = "jd vance").
 * - quotes: one-to-one, greedy by similarity; a pair matches when `normQuote` texts are equal, or
 *   their Levenshtein distance is at most max(2, 3% of the longer), or their token Dice overlap
 *   (multisets of normalised words) is at least 0.9.
 * - prices: multisets of (canonical amount, ISO code), exact.
 */

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export function emptyCounts(): Counts {
  return { tp: 0, fp: 0, fn: 0 };
}

export function addCounts(into: Counts, more: Counts): Counts {
  into.tp += more.tp;
  into.fp += more.fp;
  into.fn += more.fn;
  return into;
}

/**
 * Precision, recall and F1 from counts. Empty denominators count as perfect (nothing to find and
 * nothing wrongly found), so a part with no gold and no predictions scores 1, not NaN.
 */
export function prf({ tp, fp, fn }: Counts): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Ratio with an empty denominator counted as 1 (nothing to get wrong). */
export function ratio(num: number, den: number): number {
  return den === 0 ? 1 : num / den;
}

// ---------------------------------------------------------------------------------------------
// Normalisation

const QUOTE_DOUBLE = /[“”„‟«»″〝〞＂]/g;
const QUOTE_SINGLE = /[‘’‚‛‹›′`´]/g;
const DASHES = /[‐‑‒–—―−]/g;

/** Whitespace collapsed and trimmed; also strips a BOM and turns NBSP and friends into spaces. */
export function collapseSpace(s: string): string {
  return s
    .replace(/\uFEFF/g, '')
    .replace(/[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/g, ' ')
    .trim();
}

/** Quote text for comparison: NFKC, one quote mark per kind, one dash, "..." for the ellipsis, spaces collapsed, case-folded. */
export function normQuote(s: string): string {
  let t = s.normalize('NFKC');
  t = t.replace(QUOTE_DOUBLE, '"').replace(QUOTE_SINGLE, "'").replace(DASHES, '-').replace(/…/g, '...');
  t = collapseSpace(t).toLowerCase();
  // Outer marks are not part of the text; tolerate a system that keeps or drops them.
  t = t.replace(/^["']+|["']+$/g, '').trim();
  return t;
}

/** Name for comparison: NFKC, case-folded, apostrophes and dashes unified, other punctuation dropped, initials joined. */
export function normName(s: string): string {
  let t = s.normalize('NFKC').replace(QUOTE_SINGLE, "'").replace(DASHES, '-').toLowerCase();
  t = t.replace(/['’]s$/u, '').replace(/'$/u, ''); // a stray possessive
  t = t.replace(/[^\p{L}\p{N}\s'-]/gu, ' ');
  t = collapseSpace(t);
  // "j d vance" -> "jd vance": join runs of single-letter tokens (initials).
  const out: string[] = [];
  let run = '';
  for (const tok of t.split(' ')) {
    if ([...tok].length === 1 && /\p{L}/u.test(tok)) {
      run += tok;
      continue;
    }
    if (run) out.push(run);
    run = '';
    if (tok) out.push(tok);
  }
  if (run) out.push(run);
  return out.join(' ');
}

/** Words of a text for overlap scores: normQuote, then runs of letters/digits. */
export function tokens(s: string): string[] {
  return normQuote(s).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Dice coefficient of two token multisets (2·|A∩B| / (|A|+|B|)). */
export function tokenDice(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const t of a) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of b) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      common++;
      counts.set(t, c - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/** Levenshtein distance, stopping early (returning limit+1) once it must exceed `limit`. */
export function levenshtein(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] ?? 0;
}

/** Tolerances for quote text matching. */
export const QUOTE_EDIT_RATIO = 0.03;
export const QUOTE_EDIT_MIN = 2;
export const QUOTE_DICE = 0.9;

/**
 * Similarity of two quote texts in [0, 1], or 0 when they do not match under the rule above.
 * Equal normalised texts give 1; otherwise the larger of (1 - edit ratio) and the token Dice.
 */
export function quoteSimilarity(gold: string, pred: string): number {
  const a = normQuote(gold);
  const b = normQuote(pred);
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  const limit = Math.max(QUOTE_EDIT_MIN, Math.floor(QUOTE_EDIT_RATIO * longer));
  const dist = levenshtein(a, b, limit);
  const editOk = dist <= limit;
  const dice = tokenDice(tokens(a), tokens(b));
  const diceOk = dice >= QUOTE_DICE;
  if (!editOk && !diceOk) return 0;
  return Math.max(editOk ? 1 - dist / Math.max(1, longer) : 0, diceOk ? dice : 0);
}

/**
 * One-to-one matching of gold to predicted items: every pair with a positive score is a
 * candidate, taken greedily by descending score (ties by gold then predicted order).
 * Returns the pairs [goldIndex, predIndex].
 */
export function greedyMatch<G, P>(gold: G[], pred: P[], score: (g: G, p: P) => number): [number, number][] {
  const cands: { g: number; p: number; s: number }[] = [];
  gold.forEach((g, gi) =>
    pred.forEach((p, pi) => {
      const s = score(g, p);
      if (s > 0) cands.push({ g: gi, p: pi, s });
    }),
  );
  cands.sort((x, y) => y.s - x.s || x.g - y.g || x.p - y.p);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const pairs: [number, number][] = [];
  for (const c of cands) {
    if (usedG.has(c.g) || usedP.has(c.p)) continue;
    usedG.add(c.g);
    usedP.add(c.p);
    pairs.push([c.g, c.p]);
  }
  return pairs.sort((x, y) => x[0] - y[0]);
}

/** Counts for a multiset comparison of keys (exact equality). */
export function multisetCounts(
  gold: string[],
  pred: string[],
): Counts & { missed: string[]; extra: string[] } {
  const left = new Map<string, number>();
  for (const g of gold) left.set(g, (left.get(g) ?? 0) + 1);
  let tp = 0;
  const extra: string[] = [];
  for (const p of pred) {
    const c = left.get(p) ?? 0;
    if (c > 0) {
      tp++;
      left.set(p, c - 1);
    } else extra.push(p);
  }
  const missed: string[] = [];
  for (const [k, c] of left) for (let i = 0; i < c; i++) missed.push(k);
  return { tp, fp: pred.length - tp, fn: gold.length - tp, missed, extra };
}

// ---------------------------------------------------------------------------------------------
// Amounts

/**
 * Canonical decimal string: no sign for positives, no leading zeros, no trailing fractional
 * zeros, no exponent ("034.50" -> "34.5", "1e21" -> "1000000000000000000000", 0.5 -> "0.5").
 * Returns null for anything that is not a finite decimal number.
 */
export function canonAmount(value: string | number): string | null {
  let s = typeof value === 'number' ? numberToPlain(value) : value.trim().replace(/^\+/, '');
  if (s === null) return null;
  let neg = false;
  if (s.startsWith('-')) {
    neg = true;
    s = s.slice(1);
  }
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  let [int = '', frac = ''] = s.split('.');
  int = int.replace(/^0+(?=\d)/, '');
  if (int === '') int = '0';
  frac = frac.replace(/0+$/, '');
  const out = frac ? `${int}.${frac}` : int;
  return neg && out !== '0' ? `-${out}` : out;
}

function numberToPlain(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  const s = String(n);
  if (!/e/i.test(s)) return s;
  // Expand exponent notation exactly from the shortest round-trip digits.
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/i.exec(s);
  if (!m) return null;
  const [, sign = '', d0 = '', rest = '', expStr = '0'] = m;
  const digits = d0 + rest;
  const exp = Number(expStr);
  const point = 1 + exp;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Key of a price for multiset matching. */
export function priceKey(amount: string | number, currency: string | null): string {
  return `${canonAmount(amount) ?? String(amount)} ${(currency ?? '?').toUpperCase()}`;
}

// ---------------------------------------------------------------------------------------------
// Document-level scorers used for the corpus

export interface GoldPerson {
  name: string;
  aliases: string[];
}
export interface GoldQuote {
  text: string;
  speaker: string | null;
  cue?: string | null;
}
export interface GoldPrice {
  amount: string;
  currency: string;
}
export interface Truth {
  title: string;
  people: GoldPerson[];
  quotes: GoldQuote[];
  prices: GoldPrice[];
}
export interface PredPerson {
  name: string;
  aliases: string[];
}
export interface PredQuote {
  text: string;
  speaker: string | null;
  cue: string | null;
}
export interface PredPrice {
  amount: string;
  currency: string;
}

export interface PeopleScore extends Counts {
  aliasFound: number;
  aliasTotal: number;
  missed: string[];
  extra: string[];
  aliasMissed: string[];
}

/** People of one document: one-to-one by normalised canonical name; alias recall over matched people. */
export function scorePeople(gold: GoldPerson[], pred: PredPerson[]): PeopleScore {
  const pairs = greedyMatch(gold, pred, (g, p) => (normName(g.name) === normName(p.name) ? 1 : 0));
  const matchedG = new Set(pairs.map(([g]) => g));
  const matchedP = new Set(pairs.map(([, p]) => p));
  let aliasFound = 0;
  let aliasTotal = 0;
  const aliasMissed: string[] = [];
  for (const [gi, pi] of pairs) {
    const g = gold[gi];
    const p = pred[pi];
    if (!g || !p) continue;
    const have = new Set(p.aliases.map(normName));
    for (const a of g.aliases) {
      aliasTotal++;
      if (have.has(normName(a))) aliasFound++;
      else aliasMissed.push(`${g.name}: ${a}`);
    }
  }
  // Aliases of people we did not find at all also count as not recalled.
  gold.forEach((g, gi) => {
    if (matchedG.has(gi)) return;
    aliasTotal += g.aliases.length;
    for (const a of g.aliases) aliasMissed.push(`${g.name}: ${a}`);
  });
  return {
    tp: pairs.length,
    fp: pred.length - pairs.length,
    fn: gold.length - pairs.length,
    aliasFound,
    aliasTotal,
    missed: gold.filter((_, i) => !matchedG.has(i)).map((g) => g.name),
    extra: pred.filter((_, i) => !matchedP.has(i)).map((p) => p.name),
    aliasMissed,
  };
}

export interface QuoteScore extends Counts {
  speakerRight: number;
  speakerTotal: number;
  cueRight: number;
  cueTotal: number;
  missed: string[];
  extra: string[];
  wrongSpeaker: string[];
}

/** Speakers agree when both are null or their normalised names are equal. */
export function sameSpeaker(gold: string | null, pred: string | null): boolean {
  if (gold === null || pred === null) return gold === pred;
  return normName(gold) === normName(pred);
}

/** Quotes of one document: one-to-one by `quoteSimilarity`; speaker (and, informally, cue) accuracy over matched pairs. */
export function scoreQuotes(gold: GoldQuote[], pred: PredQuote[]): QuoteScore {
  const pairs = greedyMatch(gold, pred, (g, p) => quoteSimilarity(g.text, p.text));
  const matchedG = new Set(pairs.map(([g]) => g));
  const matchedP = new Set(pairs.map(([, p]) => p));
  let speakerRight = 0;
  let cueRight = 0;
  let cueTotal = 0;
  const wrongSpeaker: string[] = [];
  for (const [gi, pi] of pairs) {
    const g = gold[gi];
    const p = pred[pi];
    if (!g || !p) continue;
    if (sameSpeaker(g.speaker, p.speaker)) speakerRight++;
    else wrongSpeaker.push(`${short(g.text)} — gold ${g.speaker ?? 'null'}, got ${p.speaker ?? 'null'}`);
    if (g.cue !== undefined) {
      cueTotal++;
      if ((g.cue ?? '').trim().toLowerCase() === (p.cue ?? '').trim().toLowerCase()) cueRight++;
    }
  }
  return {
    tp: pairs.length,
    fp: pred.length - pairs.length,
    fn: gold.length - pairs.length,
    speakerRight,
    speakerTotal: pairs.length,
    cueRight,
    cueTotal,
    missed: gold.filter((_, i) => !matchedG.has(i)).map((g) => short(g.text)),
    extra: pred.filter((_, i) => !matchedP.has(i)).map((p) => short(p.text)),
    wrongSpeaker,
  };
}

export function short(s: string, n = 70): string {
  const t = collapseSpace(s);
  return t.length <= n ? t : `${t.slice(0, n - 1)}…`;
}

/** Prices of one document: multisets of (canonical amount, currency). */
export function scorePrices(
  gold: GoldPrice[],
  pred: PredPrice[],
): Counts & { missed: string[]; extra: string[] } {
  return multisetCounts(
    gold.map((g) => priceKey(g.amount, g.currency)),
    pred.map((p) => priceKey(p.amount, p.currency)),
  );
}

// ---------------------------------------------------------------------------------------------
// Span overlap (PolNeAR)

export interface Range {
  start: number;
  end: number;
}

/** Characters shared by two half-open ranges. */
export function overlap(a: Range, b: Range): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Characters of `target` covered by the union of `ranges`. */
export function coveredBy(target: Range, ranges: Range[]): number {
  const parts = ranges
    .map((r) => ({ start: Math.max(r.start, target.start), end: Math.min(r.end, target.end) }))
    .filter((r) => r.end > r.start)
    .sort((x, y) => x.start - y.start);
  let total = 0;
  let cursor = target.start;
  for (const r of parts) {
    const s = Math.max(r.start, cursor);
    if (r.end > s) {
      total += r.end - s;
      cursor = r.end;
    }
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// PolNeAR rules

/** Quoted segments of 1–3 words are scare quotes by the extractor's rules: ignored on both sides. */
export const POLNEAR_MIN_WORDS = 4;
/** Share of a segment (gold) or of a predicted quote's span that must be covered to count. */
export const POLNEAR_OVERLAP = 0.5;

/** Gold speakers that pass the proper-name shape test but are organisations, places or groups. */
export const POLNEAR_NOT_PEOPLE = new Set(
  [
    'PolitiFact',
    'Zero Hedge',
    'Oversight Committee Republicans',
    'Democrats',
    'South Korea',
    'Japan',
    'Russia',
    'Protesters',
    'Police',
    'Demonstrators',
    'Yahoo News',
    'Reuters',
  ].map(normName),
);
const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'it', 'we', 'you', 'said', 'him', 'her', 'them']);

/**
 * A gold speaker "names a person" when it is 1–5 capitalised tokens (titles such as "Mr." or
 * "Sen." allowed, possessive allowed), not a pronoun, not starting with "The", and not in
 * POLNEAR_NOT_PEOPLE. Descriptions ("the mayor", "a source", "Rep. X (D-S.C.), head of ...") are
 * left out of speaker accuracy.
 */
export function polnearNamesPerson(speaker: string | null): boolean {
  if (!speaker) return false;
  const t = speaker.trim().replace(/[,.]+$/, '');
  if (PRONOUNS.has(t.toLowerCase()) || /^the\s/i.test(t) || POLNEAR_NOT_PEOPLE.has(normName(t))) return false;
  const toks = t.split(/\s+/);
  return toks.length >= 1 && toks.length <= 5 && toks.every((w) => /^\p{Lu}[\p{L}\p{M}.'’-]*$/u.test(w));
}

/**
 * Our speaker matches a gold proper name when, after normName, one ends the other at a word
 * boundary, for our canonical name or any of its aliases: gold "Mr. Obama" ~ "Barack Obama",
 * gold "German Chancellor Angela Merkel" ~ "Angela Merkel", gold "Trump" ~ "Donald Trump".
 */
export function speakerNameMatches(gold: string, names: string[]): boolean {
  const g = normName(gold);
  return names.some((n) => {
    const p = normName(n);
    if (!p) return false;
    return g === p || g.endsWith(` ${p}`) || p.endsWith(` ${g}`);
  });
}
