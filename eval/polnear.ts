/**
 * PolNeAR quote scoring with the REFERENCE rules of ../shared/eval/scorers/polnear.py, in-process.
 *
 * Contract: `polnearText(record)` builds the document text exactly as the reference scorer writes
 * it (first line, a blank line, the other non-blank lines); `scorePolnearDoc(record, extraction)`
 * pairs predictions with gold the same way (quotes of ≥ 4 tokens, gold coverage ≥ 0.5, token F1
 * ≥ 0.9, greedy one to one, best pairs first; predictions matching a left-out fragment count
 * neither way) and says, for every pair and every miss, what happened, so that eval/run.ts and
 * eval/polnear-errors.ts report the same figures as the reference scorer.
 * Pure; no I/O.
 */

export interface PolnearQuote {
  quote: string;
  speaker: string | null;
  quote_start: number;
  quote_end: number;
  content_coverage?: number;
}

export interface PolnearRecord {
  id: string;
  text: string;
  quotes: PolnearQuote[];
}

interface PredQuote {
  text: string;
  speaker: string | null;
  cue: string | null;
  start: number;
  end: number;
}

interface PredPerson {
  name: string;
  aliases: string[];
}

export interface PolnearPair {
  gold: PolnearQuote;
  pred: PredQuote;
  /** The scorer's name key for the gold speaker, or null when the gold speaker is not a name. */
  key: string | null;
  speakerRight: boolean;
}

export interface PolnearDocScore {
  tp: number;
  fp: number;
  fn: number;
  ignored: number;
  speakerRight: number;
  speakerTotal: number;
  pairs: PolnearPair[];
  missed: PolnearQuote[];
  extra: PredQuote[];
}

const QUOTE_DOUBLE = /[“”„‟«»"〝〞＂]/g;
const QUOTE_SINGLE = /[‘’‚‛‹›'＇`]/g;
const DASHES = /[‐‑‒–—―−]/g;

/** score.py `norm`: NFKC, marks and dashes unified, lower case, spaces collapsed, ends stripped. */
export function norm(s: string): string {
  const t = s
    .normalize('NFKC')
    .replace(QUOTE_DOUBLE, '"')
    .replace(QUOTE_SINGLE, "'")
    .replace(DASHES, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  return t.replace(/^[ .,;:!?"'-]+|[ .,;:!?"'-]+$/g, '');
}

/** Python's `\w+` over the normalised text. */
export function refTokens(s: string): string[] {
  return norm(s).match(/[\p{L}\p{N}\p{M}_]+/gu) ?? [];
}

export function tokenF1(a: string, b: string): number {
  const ta = refTokens(a);
  const tb = refTokens(b);
  if (ta.length === 0 || tb.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const t of tb) pool.set(t, (pool.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of ta) {
    const n = pool.get(t) ?? 0;
    if (n > 0) {
      pool.set(t, n - 1);
      common++;
    }
  }
  if (common === 0) return 0;
  const p = common / ta.length;
  const r = common / tb.length;
  return (2 * p * r) / (p + r);
}

const TITLES = new Set(
  'rep. sen. mr. mrs. ms. dr. gov. representative senator president gen. lt. col.'.split(' '),
);
const NOT_NAMES = new Set(
  'he she they the i we it his her a an their our its some many most only'.split(' '),
);

/** polnear.py `gold_name_key`: the last word of the gold speaker's name, or null for a non-name. */
export function goldNameKey(speaker: string | null): string | null {
  const cut = (speaker ?? '')
    .split(/,|\(| who | of | and /)[0]!
    .trim()
    .replace(/[’']s$/, '');
  const words = cut.split(/\s+/).filter((w) => w !== '' && !TITLES.has(w.toLowerCase()));
  if (words.length === 0 || NOT_NAMES.has(words[0]!.toLowerCase())) return null;
  if (!words.every((w) => isUpperStart(w))) return null;
  while (words.length > 1 && ['ii', 'iii', 'jr', 'sr'].includes(stripDots(words[words.length - 1]!)))
    words.pop();
  return stripDots(words[words.length - 1]!).replace(/’/g, "'");
}

function stripDots(w: string): string {
  return w.replace(/^[.,]+|[.,]+$/g, '').toLowerCase();
}

/** Python's `w[:1].isupper()`: the first character is a cased upper-case letter. */
function isUpperStart(w: string): boolean {
  const c = w.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

export function polnearText(record: PolnearRecord): string {
  const lines = record.text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return [...lines.slice(0, 1), '', ...lines.slice(1)].join('\n') + '\n';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function scorePolnearDoc(
  record: PolnearRecord,
  extraction: { quotes: PredQuote[]; people: PredPerson[] },
): PolnearDocScore {
  const gold = record.quotes.filter(
    (q) => (q.content_coverage ?? 1) >= 0.5 && refTokens(q.quote).length >= 4,
  );
  const leftOut = record.quotes.filter((q) => !gold.includes(q));
  const aliases = new Map(extraction.people.map((p) => [p.name, p.aliases]));
  const pred = extraction.quotes.filter((q) => refTokens(q.text).length >= 4);
  const candidates: [number, number, number][] = [];
  pred.forEach((p, i) =>
    gold.forEach((g, j) => {
      const f = tokenF1(p.text, g.quote);
      if (f >= 0.9) candidates.push([f, i, j]);
    }),
  );
  // Python sorts the tuples descending: by F1, then by the larger index
  candidates.sort((a, b) => b[0] - a[0] || b[1] - a[1] || b[2] - a[2]);
  const usedPred = new Set<number>();
  const usedGold = new Set<number>();
  const pairs: PolnearPair[] = [];
  let speakerRight = 0;
  let speakerTotal = 0;
  for (const [, i, j] of candidates) {
    if (usedPred.has(i) || usedGold.has(j)) continue;
    usedPred.add(i);
    usedGold.add(j);
    const key = goldNameKey(gold[j]!.speaker);
    let right = false;
    if (key) {
      speakerTotal++;
      const ps = pred[i]!.speaker ?? '';
      const names = ps ? [ps, ...(aliases.get(ps) ?? [])].join(' | ').toLowerCase().replace(/’/g, "'") : '';
      right = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(key)}(?![\\p{L}\\p{N}_])`, 'u').test(names);
      if (right) speakerRight++;
    }
    pairs.push({ gold: gold[j]!, pred: pred[i]!, key, speakerRight: right });
  }
  const extraIdx = pred.map((_, i) => i).filter((i) => !usedPred.has(i));
  const skipped = extraIdx.filter((i) => leftOut.some((g) => tokenF1(pred[i]!.text, g.quote) >= 0.9));
  return {
    tp: usedPred.size,
    fp: extraIdx.length - skipped.length,
    fn: gold.length - usedGold.size,
    ignored: skipped.length,
    speakerRight,
    speakerTotal,
    pairs,
    missed: gold.filter((_, j) => !usedGold.has(j)),
    extra: extraIdx.filter((i) => !skipped.includes(i)).map((i) => pred[i]!),
  };
}
