/**
 * People extractor, stage 0: tokens. `tokenize(span, caps)` cuts a span into words, initials,
 * numbers and marks with offsets into the document, and marks possessives ("Biden’s") and
 * sentence starts; the helpers judge capitalisation (all caps, Title Case headlines, acronyms).
 *
 * Contract: pure; `text.slice(start, end)` of every token is its surface (a possessive's "’s"
 * excluded, an abbreviated title's period included).
 */
import type { Span } from '../types.ts';
import { ABBREVIATED_TITLES, CLOSING_MARKS, HEADLINE_LOWER, SENTENCE_OPENERS } from '../data/people-words.ts';
import { SUFFIX } from './lexicon.ts';

/** Word tokens: initials ("J.D.", "W."), words with inner apostrophes or hyphens, then single marks. */
export const TOKEN =
  /\p{Lu}\.(?:\p{Lu}\.)*|[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*|\d+(?:[.,:]\d+)*|[^\s\p{L}\p{N}]/gu;
export const ARABIC_PREFIX =
  /^(?:al|el|ad|ar|as|at|an|ash|az|ud|bin|ibn|abu|d|o|l|de|di|da|du|van|von)[-'’]\p{Lu}/u;

export type Kind = 'word' | 'initial' | 'num' | 'punct';

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  kind: Kind;
  cap: boolean;
  /** Possessive marker directly after the word ("’s", "'s" or a bare "’" after s). */
  poss: boolean;
  sentStart: boolean;
}

/** Whether a matched token is a word, an initial ("J."), a number or a mark. */
function kindOf(s: string, at: number, word: string): Kind {
  const c0 = word.charCodeAt(0);
  if (word.length >= 2 && word.charCodeAt(1) === 46 && !(c0 >= 48 && c0 <= 57)) {
    // "31°C." is a unit, not an initial: an initial starts a word
    const before = at > 0 ? s.charCodeAt(at - 1) : 32;
    return isLetterOrDigit(before) || before === 176 ? 'punct' : 'initial';
  }
  if (c0 >= 48 && c0 <= 57) return 'num';
  return word.length > 1 || isLetterOrDigit(c0) ? 'word' : 'punct';
}

/** The word without a possessive "’s", and whether it had one (or a bare "’" after s or z). */
function withoutPossessive(s: string, at: number, word: string): { word: string; poss: boolean } {
  const n = word.length;
  const last = word.charCodeAt(n - 1);
  const apo = n > 2 ? word.charCodeAt(n - 2) : 0;
  if ((last === 115 || last === 83) && (apo === 39 || apo === 0x2019))
    return { word: word.slice(0, -2), poss: true };
  const next = s.charCodeAt(at + n);
  const bare =
    (next === 0x2019 || next === 39) &&
    (last === 115 || last === 122 || last === 83 || last === 90) &&
    !isLetterOrDigit(s.charCodeAt(at + n + 1));
  return { word, poss: bare };
}

/** Whether the token after `prev` starts a sentence; after a closing quote only if the quote ended one (“…,” Lee said). */
function startsSentence(s: string, spanStart: number, prev: Token | undefined): boolean {
  if (prev === undefined) return true;
  if (prev.kind !== 'punct' || !SENTENCE_OPENERS.has(prev.text)) return false;
  if (!CLOSING_MARKS.has(prev.text)) return true;
  const before = s.charAt(prev.start - spanStart - 1); // one character, not a rescan of the span
  return before === '.' || before === '!' || before === '?';
}

export function tokenize(span: Span, caps: boolean): Token[] {
  const tokens: Token[] = [];
  const s = span.text;
  TOKEN.lastIndex = 0;
  let prev: Token | undefined;
  for (let m = TOKEN.exec(s); m !== null; m = TOKEN.exec(s)) {
    const kind = kindOf(s, m.index, m[0]);
    const { word, poss } =
      kind === 'word' ? withoutPossessive(s, m.index, m[0]) : { word: m[0], poss: false };
    const start = span.start + m.index;
    let end = start + word.length;
    const lower = word.toLowerCase();
    if (kind === 'word' && s.charCodeAt(m.index + word.length) === 46 && ABBREVIATED_TITLES.has(lower)) {
      // "Mr.", "Sen.", "Gov.": the period belongs to the title, so "Mr. King" stays one run
      end++;
      TOKEN.lastIndex = m.index + word.length + 1;
    }
    const first = word.charAt(0);
    const cap =
      kind === 'initial' || (kind === 'word' && (first !== first.toLowerCase() || ARABIC_PREFIX.test(word)));
    const tok: Token = {
      text: s.slice(m.index, m.index + (end - start)),
      lower,
      start,
      end,
      kind,
      cap: cap || (caps && kind === 'word'),
      poss,
      sentStart: startsSentence(s, span.start, prev),
    };
    tokens.push(tok);
    prev = tok;
  }
  return tokens;
}

export function isLetterOrDigit(c: number): boolean {
  if (Number.isNaN(c)) return false;
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  const ch = String.fromCharCode(c);
  return ch.toLowerCase() !== ch.toUpperCase() || (c >= 0x660 && c <= 0x669);
}

export function isAllCaps(s: string): boolean {
  let upper = 0;
  let lower = 0;
  for (const ch of s) {
    if (ch >= 'a' && ch <= 'z') lower++;
    else if (ch >= 'A' && ch <= 'Z') upper++;
    else if (ch !== ch.toLowerCase()) upper++;
    else if (ch !== ch.toUpperCase()) lower++;
  }
  return upper >= 6 && lower <= upper * 0.1;
}

/** Title Case headlines capitalise verbs and nouns too, so capitalisation there is weak evidence. */
export function isTitleCase(s: string): boolean {
  if (/[()\d]/.test(s)) return false; // result lines and lists, not headings
  const words = s.split(/\s+/).filter((w) => /^[\p{L}]/u.test(w));
  let capped = 0;
  for (const w of words) {
    if (w.charAt(0) !== w.charAt(0).toLowerCase()) capped++;
    else if (!HEADLINE_LOWER.has(w.toLowerCase())) return false;
  }
  return capped >= 4 && capped / words.length >= 0.6;
}

export function isAcronym(t: Token): boolean {
  return t.kind === 'word' && t.text.length > 1 && t.text === t.text.toUpperCase() && !SUFFIX.has(t.lower);
}

export function joinedBySpace(text: string, a: Token, b: Token): boolean {
  if (b.start - a.end < 1 || b.start - a.end > 2) return b.start === a.end && a.kind === 'initial';
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 0xa0) return false;
  }
  return true;
}

export function isNameWord(t: Token, caps: boolean): boolean {
  if (t.kind === 'initial') return true;
  if (t.kind !== 'word' || !t.cap) return false;
  if (!caps && isAcronym(t)) return false;
  if (!caps && GLUED.test(t.text)) return false;
  return true;
}

/**
 * A capital inside a word after three lower-case letters ("HuffPost", "EgyptAir", "ImagesRepublican")
 * or after an acronym ("PMDonald"): a brand or words glued by a scraper, never a name ("McDonald",
 * "DiCaprio", "LeBron", "MacKenzie" have at most two letters before theirs).
 */
const GLUED = /\p{Ll}{3,}\p{Lu}|^\p{Lu}{2,}\p{Lu}\p{Ll}/u;
