/**
 * People extractor, stage 1: candidates. `candidatesIn(span, ctx, out)` finds maximal runs of
 * capitalised words, drops organisation runs (legal forms, organisation words, multi-word places),
 * splits the rest at words that cannot be inside a name, strips titles, and hands each piece to
 * `judge` (stage 2). `speakerLabels` adds the upper-case turn labels of interview transcripts.
 *
 * Contract: appends Candidates in text order; never decides whether a piece is a person on its
 * own evidence (that is classify.ts), only where a name can start and end.
 */
import { upperBound } from '../sorted.ts';
import type { ParsedDocument, Span } from '../types.ts';
import { hasFollowingCue, judge } from './classify.ts';
import {
  HONORIFICS,
  LEADING_PARTICLE,
  LEGAL_FORMS,
  LEGAL_PREFIXES,
  ORGANISATION_DESCRIPTORS,
  ORG_LINKS,
} from '../data/people-words.ts';
import {
  DEMONYM,
  DICTIONARY_COMMON,
  FIRST,
  GIVEN_CALENDAR,
  NEVER,
  NOUN_SUFFIX,
  ORG,
  PARTICLE,
  PERSON_TITLES,
  PLACE,
  ROLE,
  SPEECH,
  SURNAME,
  TITLE,
  category,
  isGiven,
  isNameSyllable,
  isUnknownWord,
} from './lexicon.ts';
import { FIRM_TAILS, VERB_CONTEXT, VERB_LIKE_DESCRIPTORS } from '../data/organisation-words.ts';
import { isNameWord, joinedBySpace, tokenize } from './tokens.ts';
import type { Token } from './tokens.ts';
import type { Candidate, Ctx } from './types.ts';

/** The lookup key of a run: its words lower case, legal forms left out. */
function runKey(tokens: Token[], i: number, j: number): string {
  return tokens
    .slice(i, j)
    .filter((t) => t.kind === 'word' && !LEGAL_FORMS.has(t.text))
    .map((t) => t.lower)
    .join(' ');
}

/**
 * "the daily Mlada Fronta Dnes", "photo agency Getty Images": a noun for an organisation just
 * before; a word that is also a verb counts only where it is no verb ("polls show Zieliński ahead").
 */
function introducedAsOrganisation(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1]!;
  if (before.kind !== 'word' || before.cap || !ORGANISATION_DESCRIPTORS.has(before.lower)) return false;
  if (!VERB_LIKE.has(before.lower)) return true;
  const subject = tokens[i - 2];
  if (subject === undefined || subject.kind !== 'word' || subject.cap) return true;
  const plural = subject.lower.endsWith('s') && !subject.lower.endsWith('ss');
  return !plural && !VERB_CONTEXT_WORDS.has(subject.lower);
}
const VERB_LIKE = new Set(VERB_LIKE_DESCRIPTORS);
const VERB_CONTEXT_WORDS = new Set(VERB_CONTEXT);
const FIRM_TAIL = new Set(FIRM_TAILS);

/** "Russ Berrie and Co", "Smith & Sons": a legal form joined to the name by "and" or "&". */
function firmTailAfter(tokens: Token[], j: number): boolean {
  const link = tokens[j];
  const tail = tokens[j + 1];
  return (
    link !== undefined &&
    (link.lower === 'and' || link.text === '&') &&
    tail !== undefined &&
    tail.cap &&
    FIRM_TAIL.has(tail.lower.replace(/\.$/, ''))
  );
}

/**
 * A run that names a firm by its form: followed (or ended) by a legal form ("Berg AS", "Müller
 * GmbH", "Torres S.A."), preceded by one ("PT Tambang Timah") or by a noun for an organisation
 * ("the daily Mlada Fronta Dnes"), or joined to another name by an ampersand ("Ernst & Young", "Marks &
 * Spencer", "Procter & Gamble").
 */
function isCompanyRun(tokens: Token[], i: number, j: number, ctx: Ctx): boolean {
  const last = tokens[j - 1]!;
  const next = tokens[j];
  if (LEGAL_FORMS.has(last.text)) return true;
  if (next !== undefined && LEGAL_FORMS.has(next.text) && joinedBySpace(ctx.text, last, next)) return true;
  const before = tokens[i - 1];
  if (before !== undefined && LEGAL_PREFIXES.has(before.text)) return true;
  if (firmTailAfter(tokens, j)) return true;
  const ampersandAfter = next?.text === '&' && tokens[j + 1]?.cap === true;
  const ampersandBefore = tokens[i - 1]?.text === '&' && tokens[i - 2]?.cap === true;
  return ampersandAfter || ampersandBefore;
}

/** A word glued to a number is a code or a model, never a name: "W100", "A320", "G7". */
function gluedToDigit(text: string, t: Token): boolean {
  const c = text.charCodeAt(t.end);
  return t.kind === 'word' && c >= 48 && c <= 57;
}

/**
 * A table line: no lower-case word of three letters or more and at least two numbers ("Lula I 85
 * 25/12 Sidi Kreir / Augusta W100 Exxon"). Its capitalised words are ships, ports and firms as
 * often as people, so only a given name or a title makes a person there.
 */
function isTableSpan(tokens: Token[]): boolean {
  let numbers = 0;
  for (const t of tokens) {
    if (t.kind === 'word' && !t.cap && t.text.length >= 3) return false;
    if (t.kind === 'num') numbers++;
  }
  return numbers >= 2;
}

/** Splits one span into name candidates. */
export function candidatesIn(span: Span, ctx: Ctx, out: Candidate[]): void {
  const tokens = tokenize(span, ctx.caps);
  ctx.table = !ctx.caps && isTableSpan(tokens);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const particleStart = t.kind === 'word' && !t.cap && LEADING_PARTICLE.has(t.lower);
    if ((!isNameWord(t, ctx.caps) || gluedToDigit(ctx.text, t)) && !particleStart) {
      i++;
      continue;
    }
    // a maximal run of name-like words joined by single spaces
    let j = i + 1;
    if (!t.poss) {
      while (j < tokens.length) {
        const u = tokens[j]!;
        const prev = tokens[j - 1]!;
        if (!joinedBySpace(ctx.text, prev, u)) break;
        const particle = u.kind === 'word' && !u.cap && PARTICLE.has(u.lower);
        if ((!isNameWord(u, ctx.caps) || gluedToDigit(ctx.text, u)) && !particle) break;
        if (particle) {
          // particles only count inside a name, directly before another name word
          const v = tokens[j + 1];
          if (
            !v ||
            !joinedBySpace(ctx.text, u, v) ||
            !(isNameWord(v, ctx.caps) || (v.kind === 'word' && PARTICLE.has(v.lower)))
          )
            break;
        }
        j++;
        if (u.poss) break;
      }
    }
    // "Centre for Economic Research", "Ministry of Foreign Affairs": the tail of an organisation name
    const link = tokens[i - 1];
    const owner = tokens[i - 2];
    const orgTail =
      link !== undefined &&
      owner !== undefined &&
      ORG_LINKS.has(link.lower) &&
      owner.cap &&
      ORG.has(owner.lower);
    if (isCompanyRun(tokens, i, j, ctx)) {
      ctx.companies.add(runKey(tokens, i, j));
      i = j;
      continue;
    }
    // "the daily Mlada Fronta Dnes" is an organisation here, but the noun before it proves less
    // than a legal form: "told the news agency Yeltsin was working" names Yeltsin, so the run is
    // only skipped where it stands, not marked a firm for the whole document
    if (i > 0 && introducedAsOrganisation(tokens, i)) {
      i = j;
      continue;
    }
    if (!orgTail) splitRun(tokens, i, j, ctx, out);
    else {
      // "… of Antimonopoly Regulation and Trade Vladimir Koltovich": a name may still follow the tail
      let k = i + 1;
      while (k < j && !FIRST.has(tokens[k]!.lower)) k++;
      if (k < j - 1) splitRun(tokens, k, j, ctx, out);
    }
    i = j;
  }
}

/** The last organisation word of a run ("Chapman Golf Club"), or -1; a final given-name-led "… Bank" is a name. */
function lastOrganisationWord(tokens: Token[], from: number, to: number): number {
  let lastOrg = -1;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (
      t.cap &&
      t.kind === 'word' &&
      ORG.has(t.lower) &&
      !(k === to - 1 && FIRST.has(tokens[k - 1]?.lower ?? ''))
    )
      lastOrg = k;
  }
  return lastOrg;
}

function breaksName(t: Token): boolean {
  const cat = category(t);
  return cat === 'common' || cat === 'never';
}

/** One run being split: the name piece so far and the titles before it. */
interface Split {
  tokens: Token[];
  from: number;
  to: number;
  ctx: Ctx;
  out: Candidate[];
  piece: number[];
  titles: Token[];
  /** An organisation word was seen: the words up to the next break are its name. */
  orgRun: boolean;
}

/** Splits a capitalised run at words that cannot be inside a name, strips titles, judges each piece. */
export function splitRun(tokens: Token[], from: number, to: number, ctx: Ctx, out: Candidate[]): void {
  const lastOrg = lastOrganisationWord(tokens, from, to);
  if (lastOrg >= 0 && ctx.caps) {
    // an all-caps headline is one long run: the organisation is only the stretch of name words
    // around its word ("LARA ENDURES ANOTHER MISERABLE DAY" still names Lara)
    let start = lastOrg;
    while (start > from && !breaksName(tokens[start - 1]!)) start--;
    if (start > from) splitRun(tokens, from, start, ctx, out);
  }
  if (lastOrg >= 0) {
    // an organisation word makes the run an organisation ("Chapman Golf Club", "State Department"),
    // unless a title follows it: "European Commission President Ursula von der Leyen"
    let k = lastOrg + 1;
    while (k < to && !(tokens[k]!.cap && TITLE.has(tokens[k]!.lower))) k++;
    if (k < to) splitRun(tokens, k, to, ctx, out);
    return;
  }
  const s: Split = { tokens, from, to, ctx, out, piece: [], titles: [], orgRun: false };
  for (let k = from; k < to; k++) {
    const place = multiWordPlace(tokens, k, to);
    if (place > 0) {
      flush(s);
      k += place - 1;
      continue;
    }
    const t = tokens[k]!;
    const cat = t.cap ? category(t) : 'name'; // lower-case particles
    if (s.piece.length >= 2 && SPEECH.has(t.lower))
      flush(s); // "Barack Obama Said": the verb ends it
    else if (cat === 'org') {
      // an organisation word makes the whole run an organisation ("State Department", "Minsk Council")
      s.orgRun = true;
      s.piece = [];
    } else if (cat === 'title' || cat === 'demonym') titleStep(s, k, cat);
    else if (cat === 'never') neverStep(s, k);
    else if (cat === 'place' || cat === 'common') commonStep(s, k, cat);
    else s.piece.push(k);
  }
  flush(s);
}

/** Judges the piece so far (unless it belongs to an organisation) and starts a new one. */
function flush(s: Split): void {
  // "Mr. King", "Dr. Major": after an honorific a title word is the surname
  const { titles } = s;
  if (
    s.piece.length === 0 &&
    titles.length >= 2 &&
    HONORIFICS.has(titles[0]!.lower) &&
    titles[titles.length - 1]!.kind === 'word'
  ) {
    const last = titles.pop()!;
    s.piece = [s.tokens.indexOf(last)];
  }
  if (s.piece.length > 0 && !s.orgRun) judge(s.tokens, s.piece, s.titles, s.ctx, s.out);
  s.piece = [];
  s.titles = [];
}

function nextIsName(s: Split, k: number): boolean {
  return k + 1 < s.to && category(s.tokens[k + 1]!) === 'name';
}

/**
 * "Mark Cairns", "Bill Jordan": a given name, then a common word that may be a family name (one
 * only the dictionary calls common, or a given name or surname that is also a word).
 */
function nextIsDictionarySurname(s: Split, k: number, given: Token): boolean {
  const next = s.tokens[k + 1];
  if (!FIRST.has(given.lower) || k + 1 >= s.to || next === undefined || s.ctx.titleCase || s.ctx.caps)
    return false;
  const l = next.lower;
  return DICTIONARY_COMMON.has(l) || FIRST.has(l) || SURNAME.has(l);
}

/** A short dictionary word next to a word no list knows, in the same run: "Ye Zhaoying", "Ong Ewe Hock". */
function syllableOfAName(s: Split, k: number): boolean {
  const t = s.tokens[k]!;
  if (!isNameSyllable(t.lower)) return false;
  const unknown = (n: number): boolean => {
    const u = s.tokens[n];
    return n >= s.from && n < s.to && u !== undefined && u.kind === 'word' && isUnknownWord(u.lower);
  };
  return unknown(k - 1) || unknown(k + 1) || (s.piece.length > 0 && s.piece.some((n) => unknown(n)));
}

const SAINT = /^(?:st|saint|ste|sainte)\.?$/;

/** A title or demonym: before a name it is stripped; after one it ends the name, unless it is a name itself. */
function titleStep(s: Split, k: number, cat: 'title' | 'demonym'): void {
  const { tokens, piece } = s;
  const t = tokens[k]!;
  if (piece.length === 0 && SAINT.test(t.lower)) {
    // "Paris St Germain", "St Pauli", "Saint-Etienne": a saint's name names a place, club or church
    s.orgRun = true;
    s.titles = [];
    return;
  }
  if (piece.length === 0) {
    const alone = cat === 'title' && !nextIsName(s, k) && !s.ctx.caps;
    // "Major" alone may still refer to John Major, and "King said" to Martin Luther King
    if (alone && ((!t.sentStart && !PERSON_TITLES.has(t.lower)) || hasFollowingCue(tokens, k + 1, true)))
      judge(tokens, [k], [], s.ctx, s.out, true);
    s.titles.push(t);
    return;
  }
  // "Alexander Lukashenko President" does not happen in prose; a title after a name ends it
  // a demonym after a given name ends it: "Roman Catholic", "Rich American"
  if (
    cat === 'title' &&
    (FIRST.has(t.lower) ||
      SURNAME.has(t.lower) ||
      (piece.length === 1 && isGiven(tokens[piece[0]!]!) && !nextIsName(s, k)))
  ) {
    piece.push(k); // "John Major", "Martin Luther King"
    return;
  }
  flush(s);
  s.titles.push(t);
}

/** A word that is never a name (a month, a weekday), except a given name that is also one ("Jan Kowalski"). */
function neverStep(s: Split, k: number): void {
  const t = s.tokens[k]!;
  if (
    s.piece.length === 0 &&
    GIVEN_CALENDAR.has(t.lower) &&
    s.tokens[k + 1]?.kind === 'word' &&
    nextIsName(s, k)
  ) {
    s.piece.push(k); // "Jan Kowalski", but "Jan. 5" and "Jan 5" stay dates
    return;
  }
  flush(s);
  s.orgRun = false;
}

const COMPOUND_ADJECTIVE = /-\p{Ll}/u;

/** A capitalised common word or a place: part of a name after name words, else a lone reference at most. */
function commonStep(s: Split, k: number, cat: 'place' | 'common'): void {
  const { tokens, piece, ctx } = s;
  const t = tokens[k]!;
  if (COMPOUND_ADJECTIVE.test(t.text)) {
    // "Pulitzer Prize-winning", "Wall Street-style", "Bush-spent": a compound that describes
    flush(s);
    s.orgRun = false;
    return;
  }
  const firstIsGiven = piece.length > 0 && isGiven(tokens[piece[0]!]!);
  // kept after a given name ("Gordon Brown", "George W. Bush", "Paris Hilton" is lost on purpose);
  // in capitals only a word that may be a name ("ROBERT DOLE", not "MICKEY KANTOR WOULD TRAVEL")
  // mid-sentence, a capitalised common word after name words is a surname ("Shou Zi Chew", "Gordon Brown")
  if (
    piece.length > 0 &&
    cat === 'common' &&
    piece.length <= 3 &&
    ((firstIsGiven && (!ctx.caps || !DICTIONARY_COMMON.has(t.lower))) ||
      (!ctx.titleCase && !ctx.caps && !t.sentStart && !NOUN_SUFFIX.test(t.lower)) ||
      syllableOfAName(s, k))
  ) {
    piece.push(k);
    return;
  }
  if (piece.length === 0 && cat === 'common' && syllableOfAName(s, k)) {
    piece.push(k); // "Ye Zhaoying", "Dong Jiong"
    return;
  }
  const before = tokens[s.from - 1];
  const roleBefore = s.titles.length > 0 || (before?.kind === 'word' && ROLE.has(before.lower));
  if (
    piece.length === 0 &&
    (FIRST.has(t.lower) || (roleBefore && k === s.from + s.titles.length)) &&
    (nextIsName(s, k) || nextIsDictionarySurname(s, k, t))
  ) {
    piece.push(k); // "Jordan Henderson", "Will Smith" mid-sentence, "Mark Cairns"
    return;
  }
  flush(s);
  s.orgRun = false;
  if (
    cat === 'common' &&
    (!t.sentStart || hasFollowingCue(tokens, k + 1) || FIRST.has(t.lower) || SURNAME.has(t.lower))
  ) {
    // a lone common word ("Brown", "Moody"): only ever a reference to a known person's surname
    judge(tokens, [k], [], ctx, s.out, true);
  }
}

/** Length of a multi-word place ("New York", "Hong Kong") starting at k, or 0. */
export function multiWordPlace(tokens: Token[], k: number, to: number): number {
  if (k + 1 >= to) return 0;
  let key = tokens[k]!.lower;
  for (let n = 2; n <= 4 && k + n <= to; n++) {
    key += ' ' + tokens[k + n - 1]!.lower;
    if (PLACE.has(key)) return n;
  }
  return 0;
}

/** An upper-case speaker label opening a transcript turn: "PENCE: Well, look", "“SEN. KAINE: We". */
export const LABEL = /^[“"”]?\s*((?:\p{Lu}[\p{Lu}'’-]*\.?\s+){0,3}\p{Lu}[\p{Lu}'’-]+)\s*:\s+\S/u;

/**
 * Interview transcripts name each turn's speaker in capitals before a colon. Two or more such
 * turns make a transcript, and each label a person ("WALLACE", "PENCE"), unless its words are
 * furniture ("UPDATE", "NOTE"), places, organisations or titles only.
 */
export function speakerLabels(spans: { span: Span; ctx: Ctx }[], out: Candidate[]): void {
  const found: Candidate[] = [];
  let turns = 0;
  for (const { span, ctx } of spans) {
    if (ctx.caps || ctx.reference) continue;
    const m = LABEL.exec(span.text);
    if (!m) continue;
    turns++;
    const from = span.start + m.index + m[0].indexOf(m[1]!);
    const toks = tokenize({ text: m[1]!, start: from, end: from + m[1]!.length }, true);
    let k = 0;
    while (k < toks.length - 1 && (TITLE.has(toks[k]!.lower) || toks[k]!.kind === 'punct')) k++;
    const name = toks.slice(k).filter((t) => t.kind === 'word');
    if (
      name.length === 0 ||
      name.length !== toks.length - k ||
      name.some(
        (t) =>
          NEVER.has(t.lower) ||
          ORG.has(t.lower) ||
          PLACE.has(t.lower) ||
          DEMONYM.has(t.lower) ||
          TITLE.has(t.lower) ||
          t.text.length < 2,
      )
    )
      continue;
    const titles = toks.slice(0, k).filter((t) => t.kind === 'word');
    const first = name[0]!;
    const last = name[name.length - 1]!;
    for (const t of name) t.sentStart = t === first;
    found.push({
      tokens: name,
      start: first.start,
      end: last.end,
      surface: spanText(spans, first.start, last.end),
      key: name.map((t) => t.lower),
      strong: true,
      standalone: true,
      aliasOnly: false,
      ambiguous: false,
      titled: titles.some((t) => PERSON_TITLES.has(t.lower)),
      principal: false,
      kin: false,
      former: false,
      gender: null,
      titleWords: titles.map((t) => t.lower),
    });
  }
  if (turns >= 2) out.push(...found);
}

export function spanText(spans: { span: Span }[], start: number, end: number): string {
  for (const { span } of spans)
    if (span.start <= start && end <= span.end) return span.text.slice(start - span.start, end - span.start);
  return '';
}

/** Whether [start, end) lies inside one of the sorted, disjoint ranges. */
export function insideRange(ranges: [number, number][], start: number, end: number): boolean {
  const r = ranges[upperBound(ranges, start, (range) => range[0]) - 1];
  return r !== undefined && end <= r[1];
}

/** Spans inside „…“ and «…» quotes, in text order. */
export function foreignQuoteRanges(doc: ParsedDocument): [number, number][] {
  const out: [number, number][] = [];
  for (const p of doc.paragraphs) {
    for (const m of p.text.matchAll(/„([^“”"]*)[“”"]|«([^»]*)»/gu))
      out.push([p.start + m.index, p.start + m.index + m[0].length]);
  }
  return out;
}
