/**
 * Stage 4, resolve: turns an attribution's subject into a person of the article.
 *
 * Contract: `indexPeople` builds, once per document, the mentions outside quotes (with their
 * subject/object role), descriptors ("the Belarusian leader") and genders; `resolve(subject, at,
 * index, lastSpeaker)` returns a PersonFact.name or null: a name inside the subject directly, a
 * pronoun to the nearest person of matching gender in subject position, a description to the
 * person described so. Never invents a name that people extraction did not find.
 */
import { lowerBound } from '../sorted.ts';
import {
  ABBREVIATION,
  ASKERS,
  ASKER_VERBS,
  DEMONYM,
  DETERMINERS,
  FEMALE,
  LEADER_WORDS,
  MALE,
  NON_PERSON_HEADS,
  PREPOSITIONS,
  PRONOUNS,
  ROLE,
  SPEECH,
  TITLE,
  type Tok,
  UNNAMED_SOURCES,
  ROLE_SYNONYMS,
  isWord,
  wordBeforeOffset,
  FEMALE_ROLES,
  MALE_ROLES,
} from './words.ts';
import type { ParsedDocument, PersonFact } from '../types.ts';

export const SUBJECT_LEAD =
  /(?:^|[.!?:;]\s+|["“”«»]\s*)(?:(?:the|a|an|former|then|late|opposition|acting|interim|deputy|\p{Lu}[\p{L}.'’-]*|[\p{Ll}-]+(?:man|woman|er|or|ist|ent|ant|ian))\s+){0,5}$/u;
/** "His sister, Kim Yo Jong, rejected …": a name in apposition to the sentence's opening phrase. */
export const APPOSITION_LEAD = /(?:^|[.!?]\s+)(?:[\p{L}’'-]+\s+){0,3}[\p{L}’'-]+,\s*$/u;
export const SPEECH_AFTER =
  /^(?:['’]s?\s)?,?\s*(?:\d+,\s*)?(?:(?:also|then|later|has|had|was|is|once|again|previously|recently|firmly)\s+)?([\p{Ll}]+)/u;

/** "the spokeswoman for Downing Street, " right before a name: the role words, then "for/of/at" and its organisation. */
const ROLE_BEFORE =
  /(?:^|[.!?]\s+|\b(?:the|a|an|its|his|her|their|[\p{L}]+['’]s?)\s+)((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)\s+(?:for|of|at|to|with)\s+[^,.;:!?]{2,50},\s*$/iu;

/** A mention in subject position: opening its sentence (after titles) or saying something. */
export function isSubject(text: string, start: number, end: number): boolean {
  const after = SPEECH_AFTER.exec(text.slice(end, end + 40));
  if (after && SPEECH.has(after[1]!)) return true;
  const before = text.slice(Math.max(0, start - 80), start);
  if (SPEECH.has(wordBeforeOffset(text, start))) return true; // "said Smith"
  return SUBJECT_LEAD.test(before) || APPOSITION_LEAD.test(before);
}

export interface PersonIndex {
  /** Mentions outside quotes, by position, with the person they belong to. */
  mentions: { start: number; end: number; person: PersonFact; object: boolean; subject: boolean }[];
  /** All mentions including those inside quotes. */
  all: { start: number; end: number; person: PersonFact }[];
  descriptors: Map<PersonFact, Set<string>>;
  main: PersonFact | null;
  /** Each person by canonical name. */
  byName: Map<string, PersonFact>;
  /** Each person by the last word of the name and by one-word aliases, lower case; null when two people share it. */
  bySurname: Map<string, PersonFact | null>;
  /** How many distinct people have mentions outside quotes. */
  people: number;
  /** Gender shown by a role word next to a mention ("his sister", "Mrs."), when the given name does not show it. */
  gender: Map<PersonFact, 'm' | 'f'>;
}

export function indexPeople(
  doc: ParsedDocument,
  people: PersonFact[],
  inQuote: (pos: number) => boolean,
): PersonIndex {
  const text = doc.text;
  const all = people.flatMap((person) =>
    person.mentions.map((m) => ({ start: m.start, end: m.end, person })),
  );
  all.sort((a, b) => a.start - b.start);
  const mentions = all
    .filter((m) => !inQuote(m.start))
    .map((m) => {
      const prevWord = wordBeforeOffset(text, m.start);
      const possessive = /^['’]s?\b|^['’](?!\p{L})/u.test(text.slice(m.end, m.end + 2));
      return {
        ...m,
        object: PREPOSITIONS.has(prevWord) || possessive,
        subject: isSubject(text, m.start, m.end),
      };
    });
  const descriptors = new Map<PersonFact, Set<string>>();
  for (const m of all) {
    let set = descriptors.get(m.person);
    if (!set) descriptors.set(m.person, (set = new Set()));
    // the words right before a mention: "Belarusian President", "opposition leader", "the minister"
    // within the mention's own sentence: "asked the moderator.\n\nLis" does not make Lis one
    const window = text.slice(Math.max(0, m.start - 60), m.start);
    const before = window.slice(afterLastSeparator(window));
    const words = before
      .split(/[^\p{L}.'’-]+/u)
      .filter(Boolean)
      .slice(-4);
    for (let n = words.length - 1; n >= 0; n--) {
      const w = words[n]!.toLowerCase().replace(/[.’']+$/, '');
      if (n < words.length - 1 && words[n]!.endsWith('.') && !ABBREVIATION.test(words[n]!.slice(0, -1)))
        break;
      if (TITLE.has(w) || ROLE.has(w) || DEMONYM.has(w)) set.add(w);
      else break;
    }
    // a role before the name, with its organisation: "The spokeswoman for Downing Street, Jane
    // Smith," / "the company's chief executive, Ben van Beurden,"
    const lead = text.slice(Math.max(0, m.start - 80), m.start);
    const role = /,\s*$/.test(lead) ? ROLE_BEFORE.exec(lead) : null; // (the cheap test first)
    if (role)
      for (const w of role[1]!.toLowerCase().split(/\s+/)) if (ROLE.has(w) || TITLE.has(w)) set.add(w);
    const by = /\b(\p{Ll}+)\s+by\s+$/u.exec(before);
    if (by && ASKER_VERBS[by[1]!]) set.add(ASKER_VERBS[by[1]!]!); // "the debate was moderated by X"
    // an appositive right after: "Lukashenko, the Belarusian leader," / ", a spokesman for"
    const after = /^,\s+(?:the|a|an|his|her)\s+([^,.;:]{2,60})/u.exec(text.slice(m.end, m.end + 80));
    if (after)
      for (const w of after[1]!.toLowerCase().split(/\s+/))
        if (ROLE.has(w) || DEMONYM.has(w) || TITLE.has(w)) set.add(w);
  }
  const gender = new Map<PersonFact, 'm' | 'f'>();
  for (const m of all) {
    // "his sister, Kim Yo Jong", "Mrs. May", "the spokeswoman Jen Psaki": words that tell the gender
    const before = text
      .slice(Math.max(0, m.start - 30), m.start)
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter(Boolean)
      .slice(-3);
    for (const w of before) {
      if (FEMALE_ROLES.has(w)) gender.set(m.person, 'f');
      else if (MALE_ROLES.has(w)) gender.set(m.person, 'm');
    }
  }
  for (const set of descriptors.values()) {
    if ([...set].some((w) => LEADER_WORDS.has(w))) set.add('leader');
    if (set.has('prime') || set.has('minister')) set.add('minister');
  }
  const counts = people.map((p) => p.mentions.length).sort((a, b) => b - a);
  const top = people.find((p) => p.mentions.length === counts[0]);
  const main = top && (counts.length === 1 || counts[0]! >= 2 * (counts[1] ?? 0)) ? top : null;
  const people_ = new Set(mentions.map((m) => m.person)).size;
  return {
    mentions,
    all,
    descriptors,
    main,
    gender,
    people: people_,
    byName: new Map(people.map((p) => [p.name, p])),
    bySurname: surnames(people),
  };
}

/** "fiorina" → Carly Fiorina: the one-word forms a person goes by; ambiguous ones map to null. */
function surnames(people: PersonFact[]): Map<string, PersonFact | null> {
  const out = new Map<string, PersonFact | null>();
  for (const p of people) {
    const parts = p.name.split(/\s+/);
    if (parts.length < 2) continue; // a one-word "person" is too often a word of something else
    const forms = new Set([parts[parts.length - 1]!, ...p.aliases.filter((a) => !/\s/.test(a))]);
    for (const f of forms) {
      const key = f.toLowerCase();
      out.set(key, out.has(key) && out.get(key) !== p ? null : p);
    }
  }
  return out;
}

/** Resolves an attribution subject to a person's canonical name, or null. */
export function resolve(
  subject: Tok[],
  at: number,
  idx: PersonIndex,
  lastSpeaker: string | null,
): string | null {
  if (subject.length === 0) return null;
  const from = subject[0]!.start;
  const to = subject[subject.length - 1]!.end;
  // a named person inside the subject; the one nearest the verb wins ("Trump spokeswoman Hope Hicks")
  const named: PersonIndex['all'] = [];
  // a mention that starts in the subject counts even when the subject was cut inside the name
  // ("Ben van Beurden was quoted as saying": a clause subject stops at the lower-case particle)
  for (let n = lowerBound(idx.all, from, (m) => m.start); n < idx.all.length && idx.all[n]!.start < to; n++)
    named.push(idx.all[n]!);
  if (named.length > 0) {
    // "Smith, a spokesman for Jones," and "Smith and Jones": the first named leads
    const tail = subject.length > 1 && subject.some((t) => t.text === ',' || t.lower === 'and');
    return (tail ? named[0]! : named[named.length - 1]!).person.name;
  }
  // a surname the people extraction knows but did not mark here: "Fiorina, speaking to Iowans, said"
  const capital = subject.filter(
    (t) => isWord(t) && /^\p{Lu}/u.test(t.text) && !TITLE.has(t.lower.replace(/\.$/, '')),
  );
  if (capital.length === 1 && capital[0] === subject.filter(isWord).at(-1)) {
    const person = idx.bySurname.get(capital[0]!.lower);
    if (person) return person.name;
  }
  // "He’s claiming", "she’d said": a contracted auxiliary leaves the pronoun
  const words = subject.filter(isWord).map((t) => t.lower.replace(/['’](?:s|d|ll|re|ve)$/, ''));
  if (words.length === 1 && PRONOUNS.has(words[0]!)) {
    const w = words[0]!;
    if (!MALE.has(w) && !FEMALE.has(w)) return null; // "they", "we", "I": a group or the author
    return pronoun(at, idx, lastSpeaker, MALE.has(w) ? 'm' : 'f');
  }
  // a description: "the Belarusian leader", "the president", "the minister", "Trump’s spokeswoman"
  const det = words[0] !== undefined && DETERMINERS.has(words[0]);
  let head = [...words]
    .reverse()
    .find((w) => ROLE.has(w) || TITLE.has(w) || DEMONYM.has(w) || /(?:man|woman)$/.test(w));
  if (head === undefined) {
    // "the Luxembourger said", "the 72-year-old added": a definite description of the last person named
    const last = words[words.length - 1];
    if (
      words[0] !== 'the' ||
      words.length > 4 ||
      last === undefined ||
      UNNAMED_SOURCES.has(last) ||
      NON_PERSON_HEADS.has(last)
    )
      return null;
    head = last;
  }
  if (words[0] === 'a' || words[0] === 'an' || words[0] === 'one' || words[0] === 'another') return null; // an unnamed source
  const mods = words.filter((w) => w !== head && (DEMONYM.has(w) || TITLE.has(w) || ROLE.has(w)));
  let best: PersonFact | null = null;
  let bestScore = 0;
  const seen = new Set<PersonFact>();
  // latest mention before the quote first, so that ties go to the person named most recently;
  // every person is scored once, at their mention nearest before (or else after) the quote
  const pivot = lowerBound(idx.mentions, at, (m) => m.start);
  const total = idx.people;
  for (let n = pivot - 1, k = pivot; seen.size < total && (n >= 0 || k < idx.mentions.length);) {
    const m = n >= 0 ? idx.mentions[n--]! : idx.mentions[k++]!;
    if (seen.has(m.person)) continue;
    seen.add(m.person);
    const set = idx.descriptors.get(m.person);
    if (!set || !(set.has(head) || ROLE_SYNONYMS[head]?.some((w) => set.has(w)))) continue;
    const score = 2 + mods.filter((w) => set.has(w)).length + (m.start < at ? 1 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = m.person;
    }
  }
  if (best) return best.name;
  // a nationality nobody of the article is described with ("the Chinese guest" at a Belarusian
  // meeting) names someone else, unnamed
  const nationality = words.filter((w) => DEMONYM.has(w));
  const fits = (p: PersonFact): boolean => nationality.every((w) => idx.descriptors.get(p)?.has(w));
  if (det && LEADER_WORDS.has(head) && idx.main && fits(idx.main)) return idx.main.name;
  if (det && !UNNAMED_SOURCES.has(head) && (nationality.length === 0 || head !== nationality.at(-1))) {
    // "the two-time Olympic champion said" right after the champion was named
    const recent = recentSubject(at, idx);
    // but the moderator who asks is not the candidate who answered
    if (recent && recent.near && !(ASKERS.has(head) && recent.person.name === lastSpeaker))
      return recent.person.name;
  }
  return null;
}

/** The last person named in subject position before `at`, and whether that was close by. */
export function recentSubject(at: number, idx: PersonIndex): { person: PersonFact; near: boolean } | null {
  for (let n = lowerBound(idx.mentions, at, (m) => m.start) - 1; n >= 0; n--) {
    const m = idx.mentions[n]!;
    if (m.object) continue;
    return { person: m.person, near: at - m.end < 400 };
  }
  return null;
}

/** The most recent person in subject position before `at`, outside quotes, of a compatible gender. */
export function pronoun(
  at: number,
  idx: PersonIndex,
  lastSpeaker: string | null,
  gender: 'm' | 'f',
): string | null {
  let nonObject: string | null = null;
  let any: string | null = null;
  let seen = 0;
  for (let n = lowerBound(idx.mentions, at, (m) => m.start) - 1; n >= 0; n--) {
    const m = idx.mentions[n]!;
    const known = genderOf(m.person, idx.gender);
    if (known !== null && known !== gender) continue;
    if (m.subject) return m.person.name;
    if (!m.object) nonObject ??= m.person.name;
    // the object of a preposition ("championed by Priti Patel") only with a gender that matches
    else if (known === gender) any ??= m.person.name;
    // far back, salience fades: settle for the nearest plausible referent
    if (++seen >= 4 && (nonObject ?? any) !== null) break;
  }
  return nonObject ?? lastSpeaker ?? any;
}

/**
 * A person's gender as the article shows it next to a quote (a role word), else as people
 * extraction inferred it (src/extract/people/gender.ts, the one place gender is inferred).
 */
export function genderOf(person: PersonFact, shown: ReadonlyMap<PersonFact, 'm' | 'f'>): 'm' | 'f' | null {
  return shown.get(person) ?? person.gender;
}

const SEPARATORS = new Set(['\n', '!', '?', ';', ':', '“', '”', '"', '«', '»']);

/** The offset just after the last clause separator in `s` (0 when there is none). */
function afterLastSeparator(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) if (SEPARATORS.has(s.charAt(i))) return i + 1;
  return 0;
}
