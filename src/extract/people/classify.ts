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
  EMPLOYEE_NOUNS,
  FIRM_NOUNS_AFTER,
  MATCH_VERBS,
  NAMED_AFTER_NOUNS,
  PLACE_PREFIXES,
  PLACE_NOUNS,
  SHARE_MOVES,
  PLACE_PREPOSITIONS,
  VENUE_NOUNS,
} from '../data/people-words.ts';
import { FIRM_POSSESSIONS, FOREIGN_ARTICLES, MEDIA_NOUNS_AFTER } from '../data/organisation-words.ts';
import { genderOfWord } from './gender.ts';
import {
  ADVERBS,
  ANY_CITY_WORD,
  COMMON,
  DEMONYM,
  DICTIONARY_COMMON,
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
  isNameSyllable,
  isUnknownWord,
  CITY_WORD,
  fold,
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

/** A piece of a capitalised run under judgement, with the facts every test needs. */
interface Piece {
  tokens: Token[];
  /** Token indices of the name words in `tokens`. */
  idx: number[];
  titles: Token[];
  ctx: Ctx;
  toks: Token[];
  key: string[];
  first: Token;
  last: Token;
  ambiguous: boolean;
  /** Introduced with a person title ("President", "Dr."). */
  titled: boolean;
  /** Some word is a known surname. */
  known: boolean;
}

/** "Kinder Bologna", "Partizan Belgrade", "Willem II Tilburg": a city after a word that is no given name. */
function clubOrFirmOfACity(toks: Token[]): boolean {
  if (toks.length < 2) return false;
  const last = toks[toks.length - 1]!;
  return CITY_WORD.has(fold(last.lower)) && !isGiven(toks[toks.length - 2]!);
}

const DOTTED_ABBREVIATION = /^(?:\p{L}\.)+\p{L}?\.?$/u;

/** The name words of a piece, trimmed of trailing particles and leading non-names; null when none are left. */
function namePiece(
  tokens: Token[],
  idx: number[],
  titles: Token[],
  ctx: Ctx,
  ambiguous: boolean,
): Piece | null {
  // particles may not end a name; trailing suffixes are fine
  while (idx.length > 0 && !tokens[idx[idx.length - 1]!]!.cap) idx.pop();
  if (idx.length === 0) return null;
  let toks = idx.map((k) => tokens[k]!);
  if (toks.length >= 3 && !isGiven(toks[0]!) && !SURNAME.has(toks[0]!.lower) && titles.length === 0) {
    const g = toks.findIndex((t, n) => n > 0 && n <= 2 && isGiven(t));
    if (g > 0 && toks.length - g >= 2) toks = toks.slice(g);
  }
  if (!toks.some((t) => t.kind === 'word')) return null; // initials alone
  // "U.S", "U.N." at a sentence end are abbreviations, not initials
  if (DOTTED_ABBREVIATION.test(ctx.text.slice(toks[0]!.start, toks[toks.length - 1]!.end))) return null;
  const key = toks.map((t) => t.lower.replace(/\.$/, '').replace(/’/g, "'")).filter((l) => !SUFFIX.has(l));
  // a single letter is an abbreviation's or a model's ("AT&T", "F-35", "vitamin D"), never a name
  if (key.length === 0 || (key.length === 1 && key[0]!.length === 1)) return null;
  const full = key.join(' ');
  if (PLACE.has(full) || DEMONYM.has(full) || NEVER.has(full)) return null;
  if (clubOrFirmOfACity(toks)) return null;
  return {
    tokens,
    idx,
    titles,
    ctx,
    toks,
    key,
    first: toks[0]!,
    last: toks[toks.length - 1]!,
    ambiguous,
    titled: titles.some((t) => PERSON_TITLES.has(t.lower)),
    known: toks.some((t) => SURNAME.has(t.lower)),
  };
}

const firstIndex = (p: Piece): number => p.idx[0]!;
const endIndex = (p: Piece): number => p.idx[p.idx.length - 1]! + 1;

/** A speech verb, "according to", "who" or a role next to the name. */
function cueNearby(p: Piece): boolean {
  return (
    hasFollowingCue(p.tokens, endIndex(p)) ||
    hasPrecedingCue(p.tokens, p.titles.length > 0 ? firstIndex(p) - p.titles.length : firstIndex(p))
  );
}

/** Evidence for two or more words: a given name, a title, a known surname, a cue, or a name-like shape. */
function multiWordEvidence(p: Piece): { strong: boolean; standalone: boolean } {
  const given = isGiven(p.first);
  // name-shaped: no common word, no place ("Shou Zi Chew" needs other evidence, "Economic Research" gets none)
  const someUnknown = p.toks.some((t) => t.kind === 'word' && isUnknownWord(t.lower));
  const unknownShape = p.toks.every(
    (t) =>
      t.kind === 'initial' ||
      (someUnknown && isNameSyllable(t.lower)) ||
      (!COMMON.has(t.lower) && !PLACE.has(t.lower) && !NOUN_SUFFIX.test(t.lower)),
  );
  const strong = given || p.titled || p.known || cueNearby(p);
  const standalone = strong || ((unknownShape || given) && !p.ctx.titleCase && p.toks.length <= 4);
  return { strong, standalone };
}

/**
 * Evidence for one word, which "Newmont said" has as often as "Lukashenko said": a title, a known
 * surname, a role before it, a scorer's minute after it, a role in apposition, or a known given
 * name in the speaker slot.
 */
function singleWordEvidence(p: Piece): { strong: boolean; standalone: boolean } {
  const { tokens, first, ambiguous } = p;
  const lone = first.kind === 'word' && !COMMON.has(first.lower) && !PLACE.has(first.lower);
  let strong = p.titled || (p.known && lone) || (cueNearby(p) && lone && !ambiguous && !first.sentStart);
  const before = tokens[firstIndex(p) - 1];
  const roleBefore =
    before?.kind === 'word' && !before.cap && ROLE.has(before.lower) && p.titles.length === 0;
  // a scorer with the minute: "( Kirsten 18th , Ramelow 56th )", "Signevich 23'"
  // or a bare minute inside a result row's parentheses: "( Starbuck 76 , Konterman 45 )"
  const after = p.ctx.text.slice(p.last.end, p.last.end + 8);
  const scorer =
    lone &&
    (/^\s+\d{1,3}(?:st|nd|rd|th|['’])/.test(after) ||
      (/^\s+\d{1,3}\s*(?:[,)]|$)/.test(after) && insideParentheses(p.ctx.text, p.first.start)));
  // "Ayşe, a 34-year-old teacher, said", "said Marta, a nurse": a word with a role in apposition;
  // "Tomasz told reporters": a known given name saying something
  const word = first.kind === 'word' && !PLACE.has(first.lower) && !ORG.has(first.lower);
  const close = word && !isAcronym(first) ? roleAppositive(tokens, endIndex(p)) : -1;
  const saidBefore = before?.kind === 'word' && SPEECH.has(before.lower);
  // a capitalised word needs the speaker slot too ("in Bangui, a government minister said" is a place)
  const appositive =
    close >= 0 &&
    (isGiven(first) ||
      (lone && (saidBefore || (tokens[close]?.text === ',' && hasFollowingCue(tokens, close + 1, true)))));
  const givenSpeaker =
    word &&
    isGiven(first) &&
    !(COMMON.has(first.lower) && first.sentStart) &&
    (hasFollowingCue(tokens, endIndex(p), true) || saidBefore);
  const aged = lone && ageAppositive(tokens, endIndex(p));
  // "…, said Dofora and other witnesses": the reporting verb before a word that ends the clause;
  // firms are said to say ("Newmont said"), seldom inverted after the verb
  const afterName = tokens[endIndex(p)];
  const verbAt = firstIndex(p) - 1;
  const clauseEnd = tokens[verbAt - 1]?.text ?? '';
  const inverted =
    lone &&
    saidBefore &&
    p.titles.length === 0 &&
    INVERSION_VERBS.has(tokens[verbAt]!.lower) &&
    (clauseEnd === ',' || CLOSING_QUOTES.has(clauseEnd)) &&
    !ORG.has(first.lower) &&
    !ANY_CITY_WORD.has(fold(first.lower)) &&
    !isAcronym(first) &&
    (afterName === undefined || INVERSION_END.has(afterName.lower));
  const standalone =
    p.titled ||
    inverted ||
    (p.known && lone && !p.ctx.table) ||
    aged ||
    (roleBefore && (FIRST.has(first.lower) || (lone && !ORG.has(first.lower)))) ||
    scorer ||
    (!ambiguous && (appositive || givenSpeaker));
  strong ||= standalone;
  return { strong, standalone };
}

/** ", 65 ," after a name: an age in apposition ("Yeltsin, 65, was shown on television"). */
function ageAppositive(tokens: Token[], end: number): boolean {
  if (tokens[end]?.text !== ',' || tokens[end + 2]?.text !== ',') return false;
  const age = tokens[end + 1]!;
  if (age.kind !== 'num' || !/^\d{2,3}$/.test(age.text)) return false;
  const years = Number(age.text);
  return years >= 16 && years <= 110;
}

/**
 * Evidence in a document written in capitals, where every word looks like a name: a known given
 * name or a person title before two or more words, a title or a known surname with a speech verb
 * for one ("KANTOR SAID"). Shape proves nothing there.
 */
function capitalsEvidence(p: Piece): { strong: boolean; standalone: boolean } {
  const multi = p.toks.length >= 2;
  // a word the dictionary knows only in lower case is never a name ("DOLE" may be, "TRAVEL" not)
  const lastIsName = !DICTIONARY_COMMON.has(p.last.lower);
  const standalone = multi
    ? (isGiven(p.first) && !COMMON.has(p.first.lower) && lastIsName) || (p.titled && lastIsName)
    : p.titled || (p.known && hasFollowingCue(p.tokens, endIndex(p), true));
  return { strong: standalone, standalone };
}

/** What may follow a speaker named after its verb: the end of the clause or a coordinated speaker. */
const INVERSION_VERBS = new Set(['said', 'says', 'added', 'adds', 'explained', 'recalled']);
const CLOSING_QUOTES = new Set(['"', '”', '’', "'", '»']);
const INVERSION_END = new Set([',', '.', ';', ':', 'and', 'in', 'on', 'at', 'after', 'when', 'who', 'as']);

/** How the name is introduced, for choosing among people who share a surname. */
function introduction(p: Piece): Pick<Candidate, 'former' | 'kin' | 'principal' | 'gender'> {
  const { tokens, titles } = p;
  const lead = titles.length > 0 ? firstIndex(p) - titles.length : firstIndex(p);
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
  const multi = p.toks.length >= 2;
  if (multi && kinAppositive(tokens, endIndex(p))) kin = true;
  const principal =
    !former &&
    !kin &&
    (p.titled || ROLE.has(prevWord) || (multi && roleAppositive(tokens, endIndex(p)) >= 0));
  let gender: 'm' | 'f' | null = null;
  for (const t of [prev, ...titles]) if (t !== undefined) gender = genderOfWord(t.lower) ?? gender;
  return { former, kin, principal, gender };
}

/**
 * Table rows (results, standings) are short lines: a longer line is never one, and looking no
 * further than this around a name keeps every check below bounded (a 1 MB paragraph of prose
 * made them quadratic when they scanned back to the start of the line).
 */
const MAX_ROW_CHARS = 400;

/**
 * The line of `text` around `at`, with parenthesised asides blanked (offsets kept), or null when
 * the line is longer than MAX_ROW_CHARS on either side of `at`.
 */
function lineAround(text: string, at: number): { line: string; start: number } | null {
  const from = Math.max(0, at - MAX_ROW_CHARS);
  const back = text.slice(from, at).lastIndexOf('\n');
  if (back < 0 && from > 0) return null;
  const start = back < 0 ? 0 : from + back + 1;
  const ahead = text.slice(at, at + MAX_ROW_CHARS);
  const forward = ahead.indexOf('\n');
  if (forward < 0 && at + ahead.length < text.length) return null;
  const end = forward < 0 ? text.length : at + forward;
  // an aside may also run over a line break ("… Tilburg 2 ( Konterman 45 ," / "Vegt 87 ) …")
  const line = text.slice(start, end).replace(/\([^()]*\)|\([^()]*$|^[^()]*\)/g, (m) => ' '.repeat(m.length));
  return { line, start };
}

/** Whether `at` is inside an open parenthesis on its line ("… 2 ( Konterman 45 ," counts). */
function insideParentheses(text: string, at: number): boolean {
  const from = Math.max(0, at - MAX_ROW_CHARS);
  const before = text.slice(from, at + 1);
  const lineStart = before.lastIndexOf('\n') + 1;
  const open = before.lastIndexOf('(');
  return open >= lineStart && before.lastIndexOf(')') < open;
}

// a standings row: a name and six or more figures ("Willem II Tilburg 18 5 4 9 19 31 19")
const STANDINGS_ROW = /^\s*(?:\d+\s*[.)]?\s+)?\p{Lu}[^\d]*?(?:\s+-?\d+){6,}\s*$/u;
// a result row: two sides with a score each ("RKC Waalwijk 1 ( Starbuck 76 ) Willem II Tilburg 2")
const RESULT_ROW = /^\s*(\p{Lu}[^\d]*?)\s+\d{1,3}\s+(\p{Lu}[^\d]*?)\s+\d{1,3}\s*\.?\s*$/u;
const ROW_PARTICLE = /^(?:de|van|der|den|la|le|du|di|da|von|del|dos|das|y|al|el|w)$/;

/**
 * A sports table row names teams, not people: the piece is a side of a result row or the name
 * of a standings row (scorers in parentheses are blanked first, so they stay people).
 */
export function teamInTableRow(text: string, start: number, end: number): boolean {
  const around = lineAround(text, start);
  if (around === null) return false;
  const { line, start: lineStart } = around;
  const own = line.slice(start - lineStart, end - lineStart);
  if (own.trim() === '') return false; // inside parentheses
  if (STANDINGS_ROW.test(line)) return true;
  const m = RESULT_ROW.exec(line);
  if (m === null) return false;
  const words = `${m[1]!} ${m[2]!}`.split(/\s+/).filter((w) => /^\p{Ll}/u.test(w));
  return words.every((w) => ROW_PARTICLE.test(w));
}

/** "Buffalo Sabres", "Leeds Rhinos": a city that is no given name, then a plural nickname. */
function cityTeam(p: Piece): boolean {
  if (p.toks.length < 2 || isGiven(p.first) || p.known) return false;
  const last = p.last.lower;
  return ANY_CITY_WORD.has(fold(p.first.lower)) && /[^s]s$/.test(last);
}

/**
 * "Dow Jones industrial average", "Dean Witter shares fell": a firm or index named after people;
 * "the Helms Burton law", "the Carter Baxter report": a full name before what was named after it.
 */
function firmBeforeItsNoun(tokens: Token[], end: number, multi: boolean): boolean {
  const after = tokens[end];
  if (after?.kind !== 'word' || after.cap) return false;
  if (FIRM_NOUNS_AFTER.has(after.lower) || (multi && NAMED_AFTER_NOUNS.has(after.lower))) return true;
  const next = tokens[end + 1];
  // "the Itar-Tass news agency", "the O Globo newspaper"
  if (MEDIA_NOUNS.has(after.lower) || (after.lower === 'news' && MEDIA_NOUNS.has(next?.lower ?? '')))
    return true;
  return after.lower === 'shares' && next?.kind === 'word' && SHARE_MOVES.has(next.lower);
}

/**
 * Words after a name that only a firm takes, which make it a firm in the whole article:
 * "Newmont's shares", "Newmont 's profit" (a possessive written apart), "Newmont said its",
 * "Harlan Voss, which makes toys" (a person is no "it").
 */
function firmByItsWords(tokens: Token[], end: number, poss: boolean): boolean {
  const t = tokens[end];
  const apart = t?.text === "'" || t?.text === '’';
  if (apart && tokens[end + 1]?.lower === 's') return firmPossession(tokens[end + 2]);
  if (poss && firmPossession(t)) return true;
  if (t?.text === ',' && tokens[end + 1]?.lower === 'which') return true;
  return t !== undefined && SPEECH.has(t.lower) && tokens[end + 1]?.lower === 'its';
}

const MEDIA_NOUNS = new Set(MEDIA_NOUNS_AFTER);
const POSSESSIONS = new Set(FIRM_POSSESSIONS);

function firmPossession(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'word' && !t.cap && POSSESSIONS.has(t.lower);
}
const FOREIGN_ARTICLE = new Set(FOREIGN_ARTICLES);

/**
 * "O Globo said", "Le Monde reported", "Die Zeit": two words opened by a foreign article name a
 * newspaper or a work; they may still refer to a person the article names in full ("Marine Le Pen").
 */
function articleLed(p: Piece): boolean {
  if (p.toks.length !== 2 || p.titles.length > 0) return false;
  const second = p.last.lower;
  return FOREIGN_ARTICLE.has(p.first.lower) && !FIRST.has(second) && !SURNAME.has(second);
}

/**
 * A full name that employs someone: "Jardine Fleming analyst Peter Churchouse" (a job, then a
 * name), "analysts at Merrill Lynch", "an economist with Warburg Pincus" (a job, then at/with).
 * One word is left alone: "Clinton spokesman Mike McCurry" names Clinton.
 */
function employer(p: Piece): boolean {
  if (p.toks.length < 2) return false;
  const { tokens } = p;
  const end = endIndex(p);
  const job = tokens[end];
  const next = tokens[end + 1];
  if (job?.kind === 'word' && !job.cap && EMPLOYEE_NOUNS.has(job.lower) && next?.cap === true) return true;
  const at = tokens[firstIndex(p) - 1];
  if (at === undefined || (at.lower !== 'at' && at.lower !== 'with')) return false;
  if (tokens[end]?.text === "'s" || tokens[end]?.text === '’s') return false; // "at John Smith's home"
  for (const back of [2, 3]) {
    const w = tokens[firstIndex(p) - back];
    if (w?.kind === 'word' && (!w.cap || w.sentStart) && EMPLOYEE_NOUNS.has(w.lower)) return true;
  }
  return false;
}

/** Whether a capitalised word is a place, a city or an organisation word (a side that is no person). */
function clubLike(t: Token | undefined): boolean {
  if (t?.kind !== 'word' || !t.cap) return false;
  return PLACE.has(t.lower) || ANY_CITY_WORD.has(fold(t.lower)) || ORG.has(t.lower);
}

/**
 * One word on one side of a match whose other side is a town or club: "Chester lost to
 * Lincoln", "Preston beat Burnley" make Lincoln and Preston teams ("Sampras beat Agassi" stays).
 */
function teamInAMatch(p: Piece): boolean {
  if (p.toks.length !== 1) return false;
  const { tokens } = p;
  const start = firstIndex(p);
  const end = endIndex(p);
  for (const verb of MATCH_VERBS) {
    const after = verb.every((w, n) => tokens[end + n]?.lower === w);
    if (after && clubLike(tokens[end + verb.length])) return true;
    const before = verb.every((w, n) => tokens[start - verb.length + n]?.lower === w);
    if (before && clubLike(tokens[start - verb.length - 1])) return true;
  }
  return false;
}

/** Judges one piece of a capitalised run and records it as a candidate (see the module header). */
export function judge(
  tokens: Token[],
  idx: number[],
  titles: Token[],
  ctx: Ctx,
  out: Candidate[],
  ambiguous = false,
): void {
  const p = namePiece(tokens, idx, titles, ctx, ambiguous);
  if (p === null) return;
  const after = tokens[endIndex(p)];
  if (after?.kind === 'word' && !after.cap && VENUE_NOUNS.has(after.lower)) return;
  if (teamInTableRow(ctx.text, p.first.start, p.last.end)) return;
  if (titles.length === 0 && firmByItsWords(p.tokens, endIndex(p), p.last.poss)) {
    ctx.companies.add(p.key.join(' '));
    return;
  }
  if (
    titles.length === 0 &&
    (cityTeam(p) ||
      firmBeforeItsNoun(p.tokens, endIndex(p), p.toks.length >= 2) ||
      employer(p) ||
      teamInAMatch(p))
  )
    return;
  if (titles.length === 0 && p.toks.length >= 2 && PLACE_PREFIXES.has(p.first.lower.replace(/\.$/, '')))
    return;
  const multi = p.toks.length >= 2;
  if (
    multi &&
    titles.length === 0 &&
    !isGiven(p.first) &&
    !p.known &&
    placeByContext(tokens, firstIndex(p), endIndex(p) - 1)
  )
    return;
  const evidence =
    ctx.reference || articleLed(p)
      ? { strong: false, standalone: false }
      : ctx.caps
        ? capitalsEvidence(p)
        : multi
          ? multiWordEvidence(p)
          : singleWordEvidence(p);
  out.push({
    tokens: p.toks,
    start: p.first.start,
    end: p.last.end,
    surface: ctx.text.slice(p.first.start, p.last.end),
    key: p.key,
    ...evidence,
    aliasOnly: !evidence.standalone,
    ambiguous,
    titled: p.titled,
    ...introduction(p),
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
