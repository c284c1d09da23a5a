/**
 * Shared vocabulary of the quote stages: the word sets, the tokenizer of attribution windows and
 * the sentence bounds the stages read around a quote.
 *
 * Contract: `tokens(text, from, to)` gives words, numbers and single punctuation marks with their
 * offsets into `text` (a sentence-final period split from its word, kept on initials and
 * abbreviations); `sentenceStart`/`sentenceEnd` give the sentence bounds around an offset inside
 * one paragraph. Pure; every set is built once at module load.
 */
import {
  ADVERBS as ADVERB_WORDS,
  FEMALE_ROLES as FEMALE_ROLE_WORDS,
  MALE_ROLES as MALE_ROLE_WORDS,
} from '../data/function-words.ts';
import { lowerBound, upperBound } from '../sorted.ts';
import { MINED_CUE_VERBS } from '../data/cue-verbs.ts';
import * as W from '../data/quote-words.ts';
import { ROLE_NOUNS, SPEECH_VERBS, TITLES } from '../data/lexicon.ts';
import { FEMALE_NAMES, MALE_NAMES } from '../data/names.ts';
import { DEMONYMS } from '../data/places.ts';
import type { Span } from '../types.ts';

/** Verbs of speech: the shared lexicon's and those mined from annotated news (data/cue-verbs.ts). */
export const SPEECH = new Set([...SPEECH_VERBS, ...MINED_CUE_VERBS]);
export const ROLE = new Set(ROLE_NOUNS);
export const TITLE = new Set(TITLES);
export const DEMONYM = new Set(DEMONYMS.split('|'));
export const PARTICLE_VERBS = W.PARTICLE_VERBS;
export const ROLE_SYNONYMS = W.ROLE_SYNONYMS;
/** Cues that are verbs of speech only with a quote right after them ("called it “…”" is not an attribution). */
export const WEAK_CUES = new Set(W.WEAK_CUES);
export const ADVERBS = new Set(ADVERB_WORDS);
export const FEMALE_ROLES = new Set(FEMALE_ROLE_WORDS);
export const MALE_ROLES = new Set(MALE_ROLE_WORDS);
export const FEMALE_GIVEN = new Set(FEMALE_NAMES.split(' '));
export const MALE_GIVEN = new Set(MALE_NAMES.split(' '));
export const MALE = new Set(['he', 'him', 'his', 'himself']);
export const FEMALE = new Set(['she', 'her', 'hers', 'herself']);
export const PRONOUNS = new Set([...MALE, ...FEMALE, 'they', 'we', 'i', 'it', 'you']);
export const DETERMINERS = new Set(W.DETERMINERS);
export const PREPOSITIONS = new Set(W.PREPOSITIONS);
/** Heads of descriptions that name the head of a state or government, "the leader" included. */
export const LEADER_WORDS = new Set(W.LEADER_WORDS);

export const SUBORDINATORS = new Set(W.SUBORDINATORS);
/** Words that open an adverbial before a sentence's subject ("During the debate, Clinton …"). */
export const INTRODUCERS = new Set(W.INTRODUCERS);
/** Descriptions of whoever puts the questions: "the moderator asked" is never the last answer's speaker. */
export const ASKERS = new Set(W.ASKERS);
export const ASKER_VERBS = W.ASKER_VERBS;
/** Verbs that attribute a partial quote inside a paraphrase ("Trump attacked “the hateful ideology”"). */
export const STANCE_VERBS = new Set(W.STANCE_VERBS);
/** Heads of descriptions that usually stand for an unnamed source, never guessed from context. */
export const UNNAMED_SOURCES = new Set(W.UNNAMED_SOURCES);
/** Heads of definite descriptions that are institutions or things, never a person. */
export const NON_PERSON_HEADS = new Set(W.NON_PERSON_HEADS);
/** Nouns ending in -ly, which are not adverbs: "told the assembly". */
export const LY_NOUNS = new Set(W.LY_NOUNS);
/** Words that end the listener of "told": "told reporters in Minsk that …". */
export const TOLD_STOP = new Set(W.TOLD_STOP);
export const OPENERS = new Set(['“', '"', '«', '„', '‘', '‹']);
/** A transcript turn's speaker label: "PENCE: ", "SEN. KAINE: ", "Mr. Obama: ". */
export const TURN_LABEL =
  /^\s*(?:(?:\p{Lu}[\p{Lu}'’-]*\.?\s+){0,3}\p{Lu}[\p{Lu}'’-]+|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+\p{Lu}[\p{L}'’-]+)\s*:\s+\S/u;
export const WORD = /[\p{L}\p{M}]+(?:['’.-][\p{L}\p{M}]+)*\.?|\d+(?:[.,:]\d+)*|[^\s\p{L}\p{N}]/gu;

export interface Tok {
  text: string;
  lower: string;
  start: number;
  end: number;
}

export function tokens(text: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  const s = text.slice(from, to);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(s); m !== null; m = WORD.exec(s)) {
    let w = m[0];
    // keep sentence-final periods apart from words, but not from initials and abbreviations
    if (
      w.length > 2 &&
      w.endsWith('.') &&
      !/^(?:\p{L}\.)+$/u.test(w) &&
      !/^(?:mr|mrs|ms|dr|sen|rep|del|gov|gen|lt|col|maj|capt|cmdr|adm|sgt|st|prof|jr|sr|rev|hon|amb|atty)\.$/i.test(
        w,
      ) &&
      !/(?:^|-)\p{Lu}\p{L}{0,2}\.$/u.test(w)
    ) {
      w = w.slice(0, -1);
      out.push({ text: w, lower: w.toLowerCase(), start: from + m.index, end: from + m.index + w.length });
      out.push({
        text: '.',
        lower: '.',
        start: from + m.index + w.length,
        end: from + m.index + w.length + 1,
      });
      continue;
    }
    out.push({ text: w, lower: w.toLowerCase(), start: from + m.index, end: from + m.index + w.length });
  }
  return out;
}

export function isWord(t: Tok | undefined): boolean {
  return t !== undefined && /^[\p{L}\p{N}]/u.test(t.text);
}

export function isCap(t: Tok): boolean {
  const c = t.text.charAt(0);
  return c !== c.toLowerCase();
}

/** The lower-case word that ends before `pos` (skipping spaces and punctuation), or ''. */
export function wordBeforeOffset(text: string, pos: number): string {
  let e = pos;
  const floor = Math.max(0, pos - 40);
  while (e > floor && !isLetter(text.charCodeAt(e - 1))) e--;
  let s = e;
  while (s > floor && isLetter(text.charCodeAt(s - 1))) s--;
  return text.slice(s, e).toLowerCase();
}

export function isLetter(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c > 127 && String.fromCharCode(c).toLowerCase() !== String.fromCharCode(c).toUpperCase())
  );
}

export function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export const ABBREVIATION =
  /(?:(?:^|[\s(.])\p{Lu}|(?:^|[\s(])(?:mr|mrs|ms|dr|sen|rep|reps|del|gov|gen|lt|col|maj|capt|cmdr|adm|sgt|supt|insp|det|atty|amb|pres|sec|dep|fr|mt|ft|st|jr|sr|prof|rev|hon|esq|no|vol|vs|etc|inc|corp|co|ltd|jan|feb|aug|sept?|oct|nov|dec|u\.s|u\.k|d-[\p{L}.]+|r-[\p{L}.]+))$/iu;

/** A period that ends an abbreviation or an initial rather than a sentence. */
export function isAbbreviation(text: string, i: number): boolean {
  return ABBREVIATION.test(text.slice(Math.max(0, i - 12), i));
}

/**
 * The positions the quote stages' sentence bounds are made of, found in one pass over the text:
 * `stops` are sentence-final marks (".", "!", "?", not after an abbreviation or an initial),
 * `breaks` those of them followed by a space, `opens` opening quotation marks. Lookups are binary
 * searches, so a paragraph of many quotes costs no rescans.
 */
interface Marks {
  stops: number[];
  breaks: number[];
  opens: number[];
}

let marksText: string | null = null;
let marks: Marks | null = null;

function marksOf(text: string): Marks {
  if (marksText === text && marks !== null) return marks;
  const found: Marks = { stops: [], breaks: [], opens: [] };
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (OPENERS.has(c)) found.opens.push(i);
    if (c !== '.' && c !== '!' && c !== '?') continue;
    if (c === '.' && isAbbreviation(text, i)) continue;
    found.stops.push(i);
    if (/\s/.test(text.charAt(i + 1))) found.breaks.push(i);
  }
  marksText = text;
  marks = found;
  return found;
}

/** Sentence boundary before `pos` inside the paragraph (or the paragraph start). */
export function sentenceStart(text: string, para: Span, pos: number): number {
  const { breaks } = marksOf(text);
  const n = upperBound(breaks, pos - 1, (x) => x) - 1;
  return n >= 0 && breaks[n]! > para.start ? breaks[n]! + 1 : para.start;
}

/** Sentence end after `pos` (or the next opening mark, or the paragraph end). */
export function sentenceEnd(text: string, para: Span, pos: number): number {
  const { stops, opens } = marksOf(text);
  let end = para.end;
  const s = lowerBound(stops, pos, (x) => x);
  if (s < stops.length && stops[s]! < end) end = stops[s]! + 1;
  const o = upperBound(opens, pos, (x) => x);
  if (o < opens.length && opens[o]! < end) end = Math.min(end, opens[o]!);
  return end;
}

/**
 * How far before a quote the stages read its sentence: attributions sit within a few words of the
 * quote, and a cap keeps a paragraph-long "sentence" (no full stops at all) from being re-read per quote.
 */
export const WINDOW = 600;

/** Whether text[from, to) is only whitespace, read backwards from `to` (so usually one character). */
export function blankBetween(text: string, from: number, to: number): boolean {
  for (let i = to - 1; i >= from; i--) if (!/\s/.test(text.charAt(i))) return false;
  return true;
}

/** Whether text[from, to) holds one sentence: no sentence end before its last character. */
export function oneSentence(text: string, from: number, to: number): boolean {
  const s = text.slice(from, to).trimEnd();
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charAt(i);
    if (
      (c === '.' || c === '!' || c === '?') &&
      /\s/.test(s.charAt(i + 1)) &&
      !isAbbreviation(text, from + i)
    )
      return false;
    if (c === '\n') return false;
  }
  return true;
}
