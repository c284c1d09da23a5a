/**
 * People extractor, shared lexicon: the Sets built once from src/extract/data and the word-level
 * judgements every stage uses (`category` of a capitalised word, `isGiven`).
 *
 * Contract: pure lookups, no state; everything lower case.
 */
import { CITY_NAMES, CITY_WORDS } from '../data/cities.ts';
import { COMMON_WORDS } from '../data/common-words.ts';
import { dictionaryCommonWords } from '../data/english-words.ts';
import { ADVERBS as ADVERB_WORDS, KIN_WORDS } from '../data/function-words.ts';
import {
  CALENDAR,
  CALENDAR_GIVEN,
  NEVER_NAMES,
  ORG_WORDS,
  PARTICLES,
  ROLE_NOUNS,
  SPEECH_VERBS,
  SUFFIXES,
  TITLES,
} from '../data/lexicon.ts';
import { FIRST_NAMES, SURNAMES } from '../data/names.ts';
import { EXTRA_DEMONYMS, EXTRA_ORG_WORDS } from '../data/organisation-words.ts';
import { DEMONYMS, PLACES } from '../data/places.ts';
import { ARABIC_PREFIX } from './tokens.ts';
import type { Token } from './tokens.ts';

export const FIRST = new Set([...FIRST_NAMES.split(' '), ...CALENDAR_GIVEN]);
export const KIN = new Set(KIN_WORDS);
export const GIVEN_CALENDAR = new Set(CALENDAR_GIVEN);
export const SURNAME = new Set(SURNAMES.split(' '));
/**
 * Words the English dictionary knows only in lower case ("economic", "shark", "heavyweights"),
 * less the given names and surnames of the name lists.
 */
export const DICTIONARY_COMMON = new Set(
  dictionaryCommonWords().filter((w) => !FIRST.has(w) && !SURNAME.has(w)),
);
/**
 * A dictionary word of four letters or fewer, which is as often a syllable of an Asian or African
 * name ("Ye Zhaoying", "Dong Jiong", "Ong Ewe Hock") when a word no dictionary knows stands next to it.
 */
export function isNameSyllable(lower: string): boolean {
  return lower.length <= 4 && DICTIONARY_COMMON.has(lower) && !COMMON_HAND.has(lower);
}
/** A word neither list knows: "Zhaoying", "Jiong", not "Tank" or "Research". */
export function isUnknownWord(lower: string): boolean {
  return !COMMON.has(lower) && !FIRST.has(lower) && !SURNAME.has(lower);
}
const COMMON_HAND = new Set(COMMON_WORDS.split(' '));
/** Common words: the hand list and the dictionary's. */
export const COMMON = new Set([...COMMON_HAND, ...DICTIONARY_COMMON]);
/**
 * Multi-word town names ("Palo Alto", "Santa Monica") are places, never people, except those
 * shaped like a person's name, which are usually named after one ("Benito Juárez", "Miguel Hidalgo").
 */
function townIsNotAName(town: string): boolean {
  const words = town
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .split(' ');
  return !(FIRST.has(words[0]!) && SURNAME.has(words[words.length - 1]!));
}
export const PLACE = new Set([...PLACES.split('|'), ...CITY_NAMES.split('|').filter(townIsNotAName)]);
export const DEMONYM = new Set([...DEMONYMS.split('|'), ...EXTRA_DEMONYMS]);
export const TITLE = new Set(TITLES);
export const ROLE = new Set(ROLE_NOUNS);
export const ORG = new Set([...ORG_WORDS, ...EXTRA_ORG_WORDS]);
/** Big single-word cities that are no given name, surname or common word: "Bologna", "Tilburg", "Galati". */
export const CITY_WORD = new Set(
  CITY_WORDS.split('|')
    .map((w) => w.normalize('NFD').replace(/\p{M}+/gu, ''))
    .filter((w) => !FIRST.has(w) && !SURNAME.has(w) && !COMMON.has(w)),
);
/** Every single-word city, including those that are also words ("Buffalo"), for "Buffalo Sabres". */
export const ANY_CITY_WORD = new Set(
  CITY_WORDS.split('|').map((w) => w.normalize('NFD').replace(/\p{M}+/gu, '')),
);
export const NEVER = new Set([...NEVER_NAMES, ...CALENDAR]);
export const PARTICLE = new Set(PARTICLES);
export const SUFFIX = new Set(SUFFIXES);
export const SPEECH = new Set(SPEECH_VERBS);
/** Titles that by themselves show the next words name a human ("Mr", "President"), unlike "State" or "Foreign". */
export const PERSON_TITLES = new Set(
  [...TITLES].filter(
    (t) =>
      ROLE.has(t) ||
      /^(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|lord|lady|madam|madame|mme|mlle|monsieur|herr|frau|señor|senor|señora|senora|doña|comrade|sen|rep|gov|lt|gen|col|maj|capt|cmdr|sgt|adm|brig|cpl|pvt|rev|reverend|hon|emir|sultan|sheikh|shaikh|sheik|ayatollah|imam|pope|premier|chancellor|congressman|congresswoman|senator|governor|mayor|saint|st|duke|duchess|baron|baroness|countess|emperor|empress|prince|princess|king|queen|father)$/.test(
        t,
      ),
  ),
);
export const FOLLOW_CONTEXT = new Set(['who', 'whose', 'himself', 'herself', ...SPEECH]);
/** Adverbs between a name and its verb; "told" too, for "X told reporters" after a name. */
export const ADVERBS = new Set([...ADVERB_WORDS, 'told']);
/** Abstract-noun endings: a capitalised "Cooperation" or "Development" is part of an organisation name. */
export const NOUN_SUFFIX = /(?:tion|sion|ness|ities|ity|ism|isms|ology|ship|ments)$/;

export function category(t: Token): 'title' | 'demonym' | 'never' | 'org' | 'place' | 'common' | 'name' {
  const l = t.lower;
  if (t.kind === 'initial')
    return l === 'u.s.' || l === 'u.k.' || l === 'u.n.' || l === 'e.u.' ? 'title' : 'name';
  if (NEVER.has(l)) return 'never';
  if (TITLE.has(l)) return 'title';
  if (DEMONYM.has(l)) return 'demonym';
  if (ORG.has(l)) return 'org';
  if (PLACE.has(l)) return 'place';
  const parts = l.split('-');
  if (parts.length > 1) {
    if (parts.some((p) => TITLE.has(p))) return 'title'; // "Secretary-General", "ex-President"
    if (parts.some((p) => PLACE.has(p) || DEMONYM.has(p))) return 'place';
    // "Third-stringer", "In-form", "Top-seeded" describe; "Lee Jae-myung" names (short syllables, no words)
    if (/-\p{Ll}/u.test(t.text) && !ARABIC_PREFIX.test(t.text)) {
      const syllables = parts.every((p) => p.length <= 5 && !COMMON_HAND.has(p));
      if (!syllables) return 'common';
    }
  }
  if (l.length > 6 && NOUN_SUFFIX.test(l) && !FIRST.has(l) && !SURNAME.has(l)) return 'common';
  if (COMMON.has(l) && !SURNAME.has(l) && !FIRST.has(l)) return 'common';
  if (COMMON.has(l)) return 'common';
  return 'name';
}

export function isGiven(t: Token): boolean {
  return t.kind === 'initial' || FIRST.has(t.lower) || FIRST.has(fold(t.lower));
}

/** Without accents: "maría" → "maria", "josé" → "jose". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '');
}
