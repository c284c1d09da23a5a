/**
 * People extractor, stage 3: cluster. Groups candidates into people: full names first (longest
 * first, so shorter forms find the fullest), then bare surnames, given names and headline words,
 * each joining the most plausible compatible person (honorific gender, matching title, recency,
 * prominence), and turns each group into a PersonFact.
 *
 * Contract: `toFact` gives the fullest surface as `name` and one spelling per other surface as
 * aliases; `compatible` says whether a shorter form can refer to a longer one.
 */
import { countBefore, insertSorted } from '../sorted.ts';
import type { Mention, PersonFact } from '../types.ts';
import { HONORIFICS } from '../data/people-words.ts';
import { genderOfGivenName } from './gender.ts';
import { COMMON, FIRST, PARTICLE, SURNAME } from './lexicon.ts';
import type { Candidate, Cluster } from './types.ts';

/** Kept incrementally, so that choosing among namesakes costs a binary search, not a scan. */
export function newCluster(c: Candidate): Cluster {
  const given = c.key.length >= 2 ? c.key[0]! : '';
  const cl: Cluster = {
    key: c.key,
    mentions: [],
    anchors: [],
    starts: [],
    firstAt: Infinity,
    titled: false,
    principal: false,
    kin: false,
    former: false,
    gender: genderOfGivenName(given),
    fulls: [],
    titleWords: new Set(),
  };
  addMention(cl, c);
  return cl;
}

export function addMention(cl: Cluster, c: Candidate): void {
  cl.mentions.push(c);
  insertSorted(cl.starts, c.start);
  if (c.key.length >= 2 || c.standalone) insertSorted(cl.anchors, c.start);
  if (c.key.length >= 2) insertSorted(cl.fulls, c.start);
  for (const t of c.titleWords) if (!HONORIFICS.has(t) && t !== 'former' && t !== 'ex') cl.titleWords.add(t);
  if (!c.aliasOnly && c.start < cl.firstAt) cl.firstAt = c.start;
  if (c.strong && c.titled) cl.titled = true;
  if (c.strong && c.principal) cl.principal = true;
  if (c.key.length >= 2 && c.kin) cl.kin = true;
  if (c.key.length >= 2 && c.former) cl.former = true;
  if (cl.gender === null && c.gender !== null && (c.titled || c.key.length >= 2)) cl.gender = c.gender;
}

/** The last value < at in a sorted array, or -1; the first value > at, or Infinity. */
export function around(xs: number[], at: number): [number, number] {
  const lo = countBefore(xs, at);
  let after = lo;
  while (after < xs.length && xs[after]! <= at) after++;
  return [lo > 0 ? xs[lo - 1]! : -1, after < xs.length ? xs[after]! : Infinity];
}

export function isSubsequence(short: string[], long: string[]): boolean {
  let j = 0;
  for (const w of long) if (j < short.length && sameWord(short[j]!, w)) j++;
  return j === short.length;
}

export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  // an initial matches a word with that first letter ("J." ~ "John", "j.d" ~ "jd")
  const ia = isInitialKey(a);
  const ib = isInitialKey(b);
  if (ia !== ib) return a.charCodeAt(0) === b.charCodeAt(0);
  if (a.indexOf('.') < 0 && b.indexOf('.') < 0) return false;
  return a.replace(/\./g, '') === b.replace(/\./g, '');
}

/** Keys drop the final period, so an initial is one letter or letters with inner periods ("j.d"). */
export function isInitialKey(s: string): boolean {
  return s.length === 1 || (s.length >= 3 && s.charCodeAt(1) === 46 && s.length <= 7);
}

/** A family name without its Arabic article ("el-sisi" → "sisi", "al-assad" → "assad"). */
function withoutArticle(word: string): string {
  return word.replace(ARTICLE_PREFIX, '');
}
const ARTICLE_PREFIX = /^(?:al|el|ad|ar|as|at|an|ash|az|ud)[-'’]/;

/** Whether a shorter form can refer to the person with the longer form. */
export function compatible(short: string[], long: string[]): boolean {
  if (short.length === 1) {
    if (sameWord(short[0]!, long[long.length - 1]!)) return true;
    // a whole word may be the given name, but not an initial's guess ("CRICKET" is not "C. Spearman")
    if (sameWord(short[0]!, long[0]!) && (isInitialKey(short[0]!) || !isInitialKey(long[0]!))) return true;
    // "Sisi" is "Abdel Fattah el-Sisi", "Assad" is "Bashar al-Assad"
    if (withoutArticle(short[0]!) === withoutArticle(long[long.length - 1]!)) return true;
    // two surnames or a particle ("Kauã Ribeiro de Almeida" is also "Ribeiro", "María Fernanda
    // Ospina de la Cruz" is "Ospina"): any inner word that is not a particle
    return (
      long.length >= 3 &&
      !PARTICLE.has(short[0]!) &&
      !isInitialKey(short[0]!) &&
      long.slice(1, -1).some((w) => !PARTICLE.has(w) && w === short[0])
    );
  }
  // "Ní Bhriain", "Mac Giolla Phádraig", "Ospina de la Cruz": the family name that ends the full name
  if (short.length < long.length && short.every((w, n) => w === long[long.length - short.length + n]))
    return true;
  // "von der Leyen", "Van Kerkhove": a particle-led family name ends the full name
  if (PARTICLE.has(short[0]!) && short.length < long.length)
    return short.every((w, n) => sameWord(w, long[long.length - short.length + n]!));
  // a multi-word form must keep the family name and a subsequence of the rest
  return (
    sameWord(short[short.length - 1]!, long[long.length - 1]!) &&
    sameWord(short[0]!, long[0]!) &&
    isSubsequence(short, long)
  );
}

/** The longest sub-run of a reference candidate that names a known person. */
export function knownPart(
  c: Candidate,
  clusters: Cluster[],
): { cluster: Cluster; candidate: Candidate } | null {
  const n = c.tokens.length;
  for (let len = n - 1; len >= 1; len--) {
    for (let i = 0; i + len <= n; i++) {
      const toks = c.tokens.slice(i, i + len);
      if (!toks.some((t) => t.kind === 'word')) continue;
      const key = toks.map((t) => t.lower.replace(/\.$/, '').replace(/’/g, "'"));
      // one word: a family name, or a leading one that is no common word ("Xi" of "Xi Jinping")
      const options = clusters.filter((cl) =>
        len === 1
          ? sameWord(key[0]!, cl.key[cl.key.length - 1]!) ||
            (FIRST.has(key[0]!) && !COMMON.has(key[0]!) && sameWord(key[0]!, cl.key[0]!))
          : compatible(key, cl.key),
      );
      if (options.length === 0) continue;
      const first = toks[0]!;
      const last = toks[toks.length - 1]!;
      const candidate: Candidate = {
        ...c,
        tokens: toks,
        key,
        start: first.start,
        end: last.end,
        surface: c.surface.slice(first.start - c.start, last.end - c.start),
      };
      return { cluster: nearest(options, c.start) ?? options[0]!, candidate };
    }
  }
  return null;
}

/**
 * Of several people sharing a surname, the one a bare surname means. An honorific settles it
 * ("Mrs. Clinton" is not Bill). Otherwise each candidate scores a point for being the most recently
 * named, for being introduced first, for being introduced as the principal (a current title or a
 * role: "President Joe Biden", "nominee Hillary Clinton", not "former President Bill Clinton"),
 * and for having been named in full most often so far, and loses one for being introduced as
 * somebody's relative ("his son Hunter Biden", "daughter Chelsea Clinton"); ties go to the most
 * recent. That is how news refers to its principal.
 */
export function mostPlausible(options: Cluster[], c: Candidate): Cluster | undefined {
  const at = c.start;
  let pool = options;
  if (c.gender !== null) {
    const same = options.filter((cl) => cl.gender === null || cl.gender === c.gender);
    if (same.length > 0) pool = same;
  }
  // "Mayor Klitschko" is the one introduced as mayor
  const titled = pool.filter((cl) => c.titleWords.some((t) => cl.titleWords.has(t)));
  if (titled.length === 1) return titled[0];
  if (pool.length === 1) return pool[0];
  const recent = nearest(pool, at);
  let best = recent;
  let bestScore = -Infinity;
  const earliest = Math.min(...pool.map((cl) => cl.firstAt));
  const named = pool.map((cl) => countBefore(cl.fulls, at));
  const most = Math.max(...named);
  const leaders = named.filter((x) => x === most).length;
  pool.forEach((cl, n) => {
    const score =
      (cl === recent ? 1 : 0) +
      (cl.firstAt === earliest && cl.firstAt < at ? 1 : 0) +
      (cl.principal ? 1 : 0) +
      (most > 0 && leaders === 1 && named[n] === most ? 1 : 0) -
      (cl.kin && !cl.principal ? 2 : 0) -
      (cl.former && !cl.principal ? 1 : 0);
    if (score > bestScore || (score === bestScore && cl === recent)) {
      bestScore = score;
      best = cl;
    }
  });
  return best;
}

export function nearest(pool: Cluster[], at: number): Cluster | undefined {
  let best: Cluster | undefined;
  let bestBefore = -1;
  let bestAfter = Infinity;
  for (const cl of pool) {
    const [before] = around(cl.anchors, at);
    if (before > bestBefore) {
      bestBefore = before;
      best = cl;
    }
  }
  if (best) return best;
  for (const cl of pool) {
    const [, after] = around(cl.starts, at);
    if (after < bestAfter) {
      bestAfter = after;
      best = cl;
    }
  }
  return best;
}

export function toFact(cl: Cluster): PersonFact {
  const mentions = [...cl.mentions].sort((a, b) => a.start - b.start);
  let canonical = mentions[0]!;
  for (const m of mentions) {
    const better =
      m.key.length > canonical.key.length ||
      (m.key.length === canonical.key.length && isUpper(canonical.surface) && !isUpper(m.surface)) ||
      (m.key.length === canonical.key.length &&
        m.surface.length > canonical.surface.length &&
        !isUpper(m.surface));
    if (better) canonical = m;
  }
  canonical = withoutPatronymic(canonical, mentions);
  const name = canonical.surface;
  // one spelling per alias: mixed case before a headline's "LUKASHENKO", "von der Leyen" before a
  // sentence-initial "Von der Leyen"; aliases in order of first appearance
  const rank = (m: Candidate): number =>
    Number(isUpper(m.surface)) * 2 + Number(m.tokens[0]!.sentStart && m.tokens[0]!.cap);
  const best = new Map<string, { surface: string; rank: number; first: number }>();
  for (const m of mentions) {
    const k = m.surface.toLowerCase();
    if (k === name.toLowerCase()) continue;
    const b = best.get(k);
    if (!b) best.set(k, { surface: m.surface, rank: rank(m), first: m.start });
    else if (rank(m) < b.rank) best.set(k, { surface: m.surface, rank: rank(m), first: b.first });
  }
  const aliases = [...best.values()].sort((a, b) => a.first - b.first).map((b) => b.surface);
  const out: Mention[] = mentions.map((m) => ({ text: m.surface, start: m.start, end: m.end }));
  return { name, aliases, mentions: out, gender: cl.gender };
}

/** A Russian or Belarusian patronymic: "Grigoryevich", "Sergeyevna", "Ilyich", "Nikitichna". */
const PATRONYMIC = /(?:ovich|evich|yevich|ich|ovna|evna|yevna|ichna|inichna)$/;

/**
 * "Alexander Grigoryevich Lukashenko" with "Alexander Lukashenko" in the same article: news (and
 * the archive's convention) names the person by given name and surname, the patronymic form is
 * an alias. With no two-word form the full one stays the name.
 */
function withoutPatronymic(canonical: Candidate, mentions: Candidate[]): Candidate {
  const k = canonical.key;
  if (k.length !== 3 || !PATRONYMIC.test(k[1]!)) return canonical;
  const short = mentions.filter((m) => m.key.length === 2 && m.key[0] === k[0] && m.key[1] === k[2]);
  return short.find((m) => !isUpper(m.surface)) ?? short[0] ?? canonical;
}

export function isUpper(s: string): boolean {
  return s.length > 1 && s === s.toUpperCase() && s !== s.toLowerCase();
}

/** Full names first, longest first, so that shorter forms find the fullest one. */
function clusterFullNames(all: Candidate[]): Cluster[] {
  const clusters: Cluster[] = [];
  const multi = all
    .filter((c) => c.key.length >= 2 && c.standalone)
    .sort((a, b) => b.key.length - a.key.length || a.start - b.start);
  for (const c of multi) {
    const home = clusters.find((cl) => compatible(c.key, cl.key) || c.key.join(' ') === cl.key.join(' '));
    if (home) addMention(home, c);
    else clusters.push(newCluster(c));
  }
  return clusters;
}

/**
 * "Trump Train", "Obama Speech": a known person's family name (of a full name, or a word that
 * stands as a person alone) and a common word name a thing of theirs, not a second person (the
 * first word is no given name, the second no name at all).
 */
function withoutNamedThings(clusters: Cluster[], all: Candidate[]): Cluster[] {
  const families = new Set(
    clusters.filter((cl) => cl.key.length >= 2).map((cl) => cl.key[cl.key.length - 1]!),
  );
  for (const c of all) if (c.key.length === 1 && c.standalone) families.add(c.key[0]!);
  return clusters.filter((cl) => {
    if (cl.key.length !== 2 || cl.titled) return true;
    const [head, tail] = cl.key as [string, string];
    const thing = COMMON.has(tail) && !SURNAME.has(tail) && !FIRST.has(tail) && !FIRST.has(head);
    return !(thing && families.has(head));
  });
}

/** The person a shorter form refers to, if any: a common word only stands for a family name or its given name. */
function referent(c: Candidate, clusters: Cluster[]): Cluster | undefined {
  const options = clusters.filter((cl) =>
    c.ambiguous
      ? c.key.length === 1 &&
        (sameWord(c.key[0]!, cl.key[cl.key.length - 1]!) ||
          (FIRST.has(c.key[0]!) && !c.tokens[0]!.sentStart && sameWord(c.key[0]!, cl.key[0]!)))
      : compatible(c.key, cl.key),
  );
  if (options.length <= 1) return options[0];
  // prefer a family-name match, then the most plausible of those
  const bySurname = options.filter((cl) => sameWord(c.key[c.key.length - 1]!, cl.key[cl.key.length - 1]!));
  return mostPlausible(bySurname.length > 0 ? bySurname : options, c);
}

/**
 * Stage 3: every candidate into a person. Shorter references (bare surnames, given names,
 * headline words) join a full name in text order; those that join none form single-word people,
 * kept only if some mention of theirs may stand alone.
 */
export function clusterCandidates(all: Candidate[]): Cluster[] {
  const clusters = withoutNamedThings(clusterFullNames(all), all);
  const rest = all.filter((c) => !(c.key.length >= 2 && c.standalone)).sort((a, b) => a.start - b.start);
  const singleByKey = new Map<string, Cluster>();
  for (const c of rest) {
    const home = referent(c, clusters);
    if (home) {
      addMention(home, c);
      continue;
    }
    // a headline run ("Hillary Clinton Return", "Vance Breaks Tie"): keep the part that names someone
    const part = c.aliasOnly && c.tokens.length >= 2 ? knownPart(c, clusters) : null;
    if (part) {
      addMention(part.cluster, part.candidate);
      continue;
    }
    const key = c.key.join(' ');
    const same = singleByKey.get(key);
    if (same) addMention(same, c);
    else singleByKey.set(key, newCluster(c));
  }
  const singles = [...singleByKey.values()].filter((s) => s.mentions.some((m) => m.standalone));
  return [...clusters, ...singles];
}
