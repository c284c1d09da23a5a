/**
 * People extractor, stage 2: classify. `judge(tokens, piece, titles, ctx, out)` weighs the
 * evidence that a piece of a capitalised run names a human (a known given name, a person title,
 * a speech verb or "according to" next to it, a known surname, a role in apposition, a name-like
 * shape) and records how it was introduced (titled, principal, kin, former, gender).
 *
 * Contract: pushes at most one Candidate per call; `strong` means evidence of its own,
 * `standalone` that it may stand as a person with no fuller form in the article, `aliasOnly` that
 * it can only refer to someone named elsewhere.
 */
import {
  APPOSITION_BLOCKERS,
  APPOSITION_END,
  PLACE_NOUNS,
  PLACE_PREPOSITIONS,
} from '../data/people-words.ts';
import { genderOfWord } from './gender.ts';
import {
  ADVERBS,
  COMMON,
  DEMONYM,
  FIRST,
  FOLLOW_CONTEXT,
  KIN,
  NEVER,
  NOUN_SUFFIX,
  ORG,
  PERSON_TITLES,
  PLACE,
  ROLE,
  SPEECH,
  SUFFIX,
  SURNAME,
  TITLE,
  isGiven,
} from './lexicon.ts';
import { isAcronym } from './tokens.ts';
import type { Token } from './tokens.ts';
import type { Candidate, Ctx } from './types.ts';

/** A two- or three-word run that context shows is a place rather than a person. */
export function placeByContext(tokens: Token[], first: number, last: number): boolean {
  const t = tokens[last]!;
  if (/-based$/.test(t.lower)) return true;
  const after = tokens[last + 1];
  if (after !== undefined && after.kind === 'word' && PLACE_NOUNS.has(after.lower)) return true;
  const before = tokens[first - 1];
  return (
    before !== undefined && before.kind === 'word' && !before.cap && PLACE_PREPOSITIONS.has(before.lower)
  );
}

export function hasFollowingCue(tokens: Token[], end: number, speechOnly = false): boolean {
  let k = end;
  if (tokens[k]?.text === ',' && !speechOnly) k++;
  for (let n = 0; n < 3 && k < tokens.length; n++, k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word') return false;
    if (speechOnly ? SPEECH.has(t.lower) : FOLLOW_CONTEXT.has(t.lower)) return true;
    if (!ADVERBS.has(t.lower)) return false;
  }
  return false;
}

export function hasPrecedingCue(tokens: Token[], start: number): boolean {
  const a = tokens[start - 1];
  if (!a) return false;
  if (a.kind === 'word' && SPEECH.has(a.lower)) return true;
  const b = tokens[start - 2];
  if (a.lower === 'to' && b?.lower === 'according') return true;
  if (
    a.kind === 'word' &&
    (ROLE.has(a.lower) || PERSON_TITLES.has(a.lower) || a.lower === 'executive') &&
    !a.cap
  )
    return true; // "opposition leader Sviatlana Tsikhanouskaya"
  return false;
}

export function judge(
  tokens: Token[],
  idx: number[],
  titles: Token[],
  ctx: Ctx,
  out: Candidate[],
  ambiguous = false,
): void {
  // particles may not end a name; trailing suffixes are fine
  while (idx.length > 0 && !tokens[idx[idx.length - 1]!]!.cap) idx.pop();
  if (idx.length === 0) return;
  let toks = idx.map((k) => tokens[k]!);
  if (toks.length >= 3 && !isGiven(toks[0]!) && !SURNAME.has(toks[0]!.lower) && titles.length === 0) {
    const g = toks.findIndex((t, n) => n > 0 && n <= 2 && isGiven(t));
    if (g > 0 && toks.length - g >= 2) toks = toks.slice(g);
  }
  const words = toks.filter((t) => t.kind === 'word');
  if (words.length === 0) return; // initials alone
  const first = toks[0]!;
  const last = toks[toks.length - 1]!;
  const key = toks.map((t) => t.lower.replace(/\.$/, '').replace(/’/g, "'")).filter((l) => !SUFFIX.has(l));
  if (key.length === 0) return;
  const full = key.join(' ');
  if (PLACE.has(full) || DEMONYM.has(full) || NEVER.has(full)) return;
  const n = toks.length;
  const titled = titles.some((t) => PERSON_TITLES.has(t.lower));
  const given =
    isGiven(first) && !(first.kind === 'word' && COMMON.has(first.lower) && first.sentStart && n === 1);
  const known = toks.some((t) => SURNAME.has(t.lower));
  if (
    n >= 2 &&
    titles.length === 0 &&
    !isGiven(first) &&
    !known &&
    placeByContext(tokens, idx[0]!, idx[idx.length - 1]!)
  )
    return;
  const context =
    hasFollowingCue(tokens, idx[idx.length - 1]! + 1) ||
    hasPrecedingCue(tokens, titles.length > 0 ? idx[0]! - titles.length : idx[0]!);
  // name-shaped: no common word, no place ("Shou Zi Chew" needs other evidence, "Economic Research" gets none)
  const unknownShape = toks.every(
    (t) =>
      t.kind === 'initial' || (!COMMON.has(t.lower) && !PLACE.has(t.lower) && !NOUN_SUFFIX.test(t.lower)),
  );
  let strong: boolean;
  let standalone: boolean;
  if (ctx.reference) {
    strong = false;
    standalone = false;
  } else if (n >= 2) {
    strong = given || titled || known || context;
    standalone = strong || ((unknownShape || given) && !ctx.titleCase && n <= 4);
  } else {
    const lone = first.kind === 'word' && !COMMON.has(first.lower) && !PLACE.has(first.lower);
    // "Newmont said" is as common as "Lukashenko said": a lone word needs a title or a known surname
    strong = titled || (known && lone) || (context && lone && !ambiguous && !first.sentStart);
    const before = tokens[idx[0]! - 1];
    const roleBefore =
      before !== undefined &&
      before.kind === 'word' &&
      !before.cap &&
      ROLE.has(before.lower) &&
      titles.length === 0;
    // a scorer with the minute: "( Kirsten 18th , Ramelow 56th )", "Signevich 23'"
    const scorer = lone && /^\s+\d{1,3}(?:st|nd|rd|th|['’])/.test(ctx.text.slice(last.end, last.end + 8));
    // "Ayşe, a 34-year-old teacher, said", "said Marta, a nurse": a word with a role in apposition;
    // "Tomasz told reporters": a known given name saying something
    const word = first.kind === 'word' && !PLACE.has(first.lower) && !ORG.has(first.lower);
    const close = word && !isAcronym(first) ? roleAppositive(tokens, idx[idx.length - 1]! + 1) : -1;
    const saidBefore = SPEECH.has(tokens[idx[0]! - 1]?.lower ?? '') && tokens[idx[0]! - 1]!.kind === 'word';
    // a capitalised word needs the speaker slot too ("in Bangui, a government minister said" is a place)
    const appositive =
      close >= 0 &&
      (isGiven(first) ||
        (lone && (saidBefore || (tokens[close]?.text === ',' && hasFollowingCue(tokens, close + 1, true)))));
    const givenSpeaker =
      word &&
      isGiven(first) &&
      !(COMMON.has(first.lower) && first.sentStart) &&
      (hasFollowingCue(tokens, idx[idx.length - 1]! + 1, true) || saidBefore);
    standalone =
      titled ||
      (known && lone) ||
      (roleBefore && (FIRST.has(first.lower) || (lone && !ORG.has(first.lower)))) ||
      scorer ||
      (!ambiguous && (appositive || givenSpeaker));
    strong ||= standalone;
  }
  // how the name is introduced, for choosing among people who share a surname
  const lead = titles.length > 0 ? idx[0]! - titles.length : idx[0]!;
  const prev = tokens[lead - 1];
  const prevWord = prev !== undefined && prev.kind === 'word' && !prev.cap ? prev.lower : '';
  // the lower-case words just before ("his younger brother, former heavyweight champion")
  let former = titles.some((t) => t.lower === 'former' || t.lower === 'ex');
  let kin = false;
  for (let k = lead - 1; k >= 0 && lead - k <= 6; k--) {
    const t = tokens[k]!;
    if (t.text === ',' && k < lead - 1) continue;
    if (t.kind !== 'word' || t.cap) break;
    if (t.lower === 'former' || t.lower === 'late' || t.lower === 'ex') former = true;
    if (KIN.has(t.lower)) kin = true;
  }
  if (n >= 2 && kinAppositive(tokens, idx[idx.length - 1]! + 1)) kin = true;
  const principal =
    !former &&
    !kin &&
    (titled || ROLE.has(prevWord) || (n >= 2 && roleAppositive(tokens, idx[idx.length - 1]! + 1) >= 0));
  let gender: 'm' | 'f' | null = null;
  for (const t of [prev, ...titles]) {
    if (t === undefined) continue;
    gender = genderOfWord(t.lower) ?? gender;
  }
  out.push({
    tokens: toks,
    start: first.start,
    end: last.end,
    surface: ctx.text.slice(first.start, last.end),
    key,
    strong,
    standalone,
    aliasOnly: !standalone,
    ambiguous,
    titled,
    principal,
    kin,
    former,
    gender,
    titleWords: titles.map((t) => t.lower.replace(/\.$/, '')).filter((t) => ROLE.has(t) || TITLE.has(t)),
  });
}

/** ", the Republican presidential nominee's eldest daughter": an apposition naming a relative. */
export function kinAppositive(tokens: Token[], at: number): boolean {
  if (tokens[at]?.text !== ',') return false;
  for (let n = at + 1; n < tokens.length && n - at <= 8; n++) {
    const t = tokens[n]!;
    if (APPOSITION_END.has(t.text)) return false;
    if (t.kind === 'word' && KIN.has(t.lower)) return true;
  }
  return false;
}

/**
 * An apposition naming a role right after `at`: ", a 34-year-old teacher", ", 52, a nurse at the
 * clinic", ", the party's candidate". Returns the index of the token that ends it, or -1.
 */
export function roleAppositive(tokens: Token[], at: number): number {
  let k = at;
  if (tokens[k]?.text !== ',') return -1;
  const before = tokens[at - 2];
  // "in Bangui, a minister said": a name after a preposition is no speaker
  if (before !== undefined && before.kind === 'word' && !before.cap && APPOSITION_BLOCKERS.has(before.lower))
    return -1;
  k++;
  if (tokens[k]?.kind === 'num' && tokens[k + 1]?.text === ',') k += 2; // ", 52, a nurse"
  const det = tokens[k];
  if (det === undefined || !['a', 'an', 'the', 'his', 'her', 'their'].includes(det.lower)) return -1;
  let role = false;
  for (let n = k + 1; n < tokens.length && n - k <= 10; n++) {
    const t = tokens[n]!;
    if (APPOSITION_END.has(t.text)) return role ? n : -1;
    if (t.kind !== 'word') continue;
    if (t.cap && n === k + 1 && ORG.has(t.lower)) return -1;
    if (n - k <= 5 && (ROLE.has(t.lower) || t.lower.endsWith('year-old'))) role = true;
  }
  return role ? Math.min(tokens.length, k + 11) : -1;
}
