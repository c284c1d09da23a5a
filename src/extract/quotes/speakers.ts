/**
 * Speakers the people extractor missed: a name read as the subject of a quote's own attribution.
 *
 * Contract: `SpeakerBook.speakerFor(subject)` returns a PersonFact for an attribution subject that
 * is shaped like a person's name ("said Scott Reed", "Reed said" where the article names Scott
 * Reed elsewhere, "Sen. Pat Toomey (R-Pa.) fumed") when no person of the article covers it, or
 * null. Titles are dropped; one word alone is taken only when the article also gives it after a
 * known given name (a lone "Politico" or "Reuters" is never a person); words of organisations,
 * places, demonyms, months and description heads never are. Each new person is registered in the
 * PersonIndex (so that later pronouns and surnames find it) and listed in `added`, in text order.
 * Narrow on purpose: it never runs where people extraction already named someone.
 */
import { lowerBound } from '../sorted.ts';
import { CALENDAR, NEVER_NAMES, ORG_WORDS } from '../data/lexicon.ts';
import { FIRST_NAMES } from '../data/names.ts';
import { PLACES } from '../data/places.ts';
import { genderOfGivenName } from '../people/gender.ts';
import type { PersonFact } from '../types.ts';
import type { PersonIndex } from './resolve.ts';
import {
  DEMONYM,
  DETERMINERS,
  FEMALE_GIVEN,
  MALE_GIVEN,
  NON_PERSON_HEADS,
  PRONOUNS,
  ROLE,
  TITLE,
  type Tok,
  UNNAMED_SOURCES,
  wordBeforeOffset,
} from './words.ts';

const ORG = new Set([...ORG_WORDS, ...NON_PERSON_HEADS, ...UNNAMED_SOURCES]);
const NOT_NAME_WORDS = new Set([
  ...CALENDAR,
  ...NEVER_NAMES.map((w) => w.toLowerCase()),
  ...PLACES.split('|'),
]);
const NAME_WORD =
  /^(?:\p{Lu}[\p{Ll}\p{M}]+(?:[-'’]\p{Lu}?[\p{Ll}\p{M}]+)*|\p{Lu}\.|(?:Mc|Mac|O’|O')\p{Lu}\p{Ll}+)$/u;

/** A capitalised word or an initial, as the full-name scan reads them. */
const NAME_TOKEN = /\p{Lu}[\p{Ll}\p{M}]+(?:[-'’]\p{Lu}?[\p{Ll}\p{M}]+)*|\p{Lu}\./gu;

/** The gap a quoted nickname leaves between a given name and a surname: ` “Tig” `. */
const NICKNAME_GAP = /^ +[“"‘'][\p{L}.-]+[”"’'] +$/u;

/** Every given name the project knows, gendered or not ("Grant", "Reince"): for a full form's first word. */
const ANY_GIVEN = new Set(FIRST_NAMES.split(' '));

function isGiven(word: string): boolean {
  const w = word.toLowerCase();
  return FEMALE_GIVEN.has(w) || MALE_GIVEN.has(w);
}

export class SpeakerBook {
  readonly added: PersonFact[] = [];
  private readonly byName = new Map<string, PersonFact>();
  private fullForms: Map<string, string> | null = null;

  constructor(
    private readonly text: string,
    private readonly idx: PersonIndex,
  ) {}

  speakerFor(subject: Tok[]): PersonFact | null {
    const lone = subject.length === 1 && NAME_WORD.test(subject[0]!.text) ? subject[0]! : null;
    // a surname that is also a title or role word ("said Baron", "Bishop said") when the article
    // gives it after a given name ("Post Editor-in-Chief Martin Baron")
    const titleLike = lone !== null && (TITLE.has(lone.lower) || ROLE.has(lone.lower));
    const full = titleLike ? this.fullForm(lone.text) : null;
    if (full !== null) {
      const person = this.byName.get(full) ?? this.register(full);
      this.addMention(person, lone!.start, lone!.end);
      return person;
    }
    const words = this.nameWords(subject);
    if (words === null) return null;
    const first = words[0]!;
    const last = words[words.length - 1]!;
    let name = this.text.slice(first.start, last.end);
    if (words.length === 1) {
      // "Reed" as "Scott Reed" when the article gives it in full; a known given name alone
      // ("his sister, Anna") is a person known by one name
      const full = this.fullForm(first.text);
      if (full !== null) name = full;
      else if (!isGiven(first.text) || NOT_NAME_WORDS.has(first.lower) || DEMONYM.has(first.lower))
        return null;
    }
    const person = this.byName.get(name) ?? this.register(name);
    this.addMention(person, first.start, last.end);
    return person;
  }

  /**
   * The subject's name words, or null when it holds no name: the whole subject after its titles
   * ("Sen. Pat Toomey (R-Pa.)"), else its last run that opens with a known given name ("Maricopa
   * County Recorder Helen Purcell"), else one word the article gives in full elsewhere.
   */
  private nameWords(subject: Tok[]): Tok[] | null {
    let toks = subject.filter((t) => t.text !== ',' && t.text !== '.');
    const paren = toks.findIndex((t) => t.text === '(');
    if (paren >= 0) toks = toks.slice(0, paren);
    const and = toks.findIndex((t) => t.lower === 'and');
    if (and > 0) toks = toks.slice(0, and); // "Mark Blumenthal and Jon Cohen": the first named
    while (toks.length > 0 && (TITLE.has(toks[0]!.lower.replace(/\.$/, '')) || ROLE.has(toks[0]!.lower)))
      toks = toks.slice(1);
    if (toks.length === 0 || DETERMINERS.has(toks[0]!.lower) || PRONOUNS.has(toks[0]!.lower)) return null;
    if (!toks.every((t) => NAME_WORD.test(t.text))) return null;
    if (toks.length === 1) return toks[0]!.text.length >= 3 && !toks[0]!.text.endsWith('.') ? toks : null;
    for (let i = 0; i < toks.length - 1; i++) {
      const run = toks.slice(i);
      if (run.length <= 4 && isGiven(run[0]!.text) && this.plausible(run, true)) return run;
    }
    return toks.length <= 4 && this.plausible(toks, false) ? toks : null;
  }

  /** No word of an organisation; after a known given name, place-like surnames (West, Israel) pass. */
  private plausible(run: Tok[], given: boolean): boolean {
    if (run[run.length - 1]!.text.endsWith('.')) return false; // an initial cannot end a name
    if (ORG.has(run[run.length - 1]!.lower)) return false; // "Georgia Tech", "Fox News"
    return run.every(
      (t) =>
        (given || !ORG.has(t.lower)) && // "Kathleen Hall Jamieson"
        !TITLE.has(t.lower) &&
        !ROLE.has(t.lower) &&
        (given || (!NOT_NAME_WORDS.has(t.lower) && !DEMONYM.has(t.lower))),
    );
  }

  /**
   * "Scott Reed" for "Reed": a known given name (a middle name or initials) before the surname
   * elsewhere in the text. One pass over the capitalised words; every word is tried as a surname
   * (so "Senate Minority Whip Richard J. Durbin" gives Durbin its full form), the first kept.
   */
  private fullForm(surname: string): string | null {
    if (this.fullForms === null) {
      this.fullForms = new Map();
      const run: { text: string; start: number; end: number }[] = [];
      for (const m of this.text.matchAll(NAME_TOKEN)) {
        const word = { text: m[0], start: m.index, end: m.index + m[0].length };
        const prev = run[run.length - 1];
        // a run of capitalised words separated by single spaces (never across a line or a comma);
        // a quoted nickname stays out of it: John “Tig” Tiegen is John Tiegen
        const gap = prev === undefined ? '' : this.text.slice(prev.end, word.start);
        if (/^ +[“"‘']$/.test(gap) && /^[”"’'] +\p{Lu}/u.test(this.text.slice(word.end, word.end + 3)))
          continue;
        if (prev !== undefined && !/^ +$/.test(gap) && !NICKNAME_GAP.test(gap)) run.length = 0;
        run.push(word);
        if (run.length > 6) run.shift();
        if (!word.text.endsWith('.')) this.noteFullForm(run);
      }
    }
    return this.fullForms.get(surname) ?? null;
  }

  /** Records the full form of the run's last word, from the given name (and initials) before it. */
  private noteFullForm(run: readonly { text: string; start: number }[]): void {
    const last = run[run.length - 1]!.text;
    if (this.fullForms!.has(last)) return;
    let k = run.length - 2;
    while (k >= 0 && run[k]!.text.endsWith('.') && run.length - 2 - k < 2) k--; // initials: "Pat J. Toomey"
    const given = run[k];
    if (given === undefined || given.text.endsWith('.')) return;
    const middle = run.slice(k + 1, -1).map((w) => w.text);
    // a known given name, or any first name after a title or role ("State Sen. Lee Bright")
    if (isGiven(given.text) || ANY_GIVEN.has(given.text.toLowerCase()) || this.titled(given.start))
      this.fullForms!.set(last, [given.text, ...middle, last].join(' '));
  }

  /** Whether a title or role word stands right before `at` ("Sen.", "spokeswoman"). */
  private titled(at: number): boolean {
    const w = wordBeforeOffset(this.text, at);
    return TITLE.has(w) || ROLE.has(w);
  }

  private register(name: string): PersonFact {
    const parts = name.split(' ');
    const person: PersonFact = {
      name,
      aliases: parts.length > 1 ? [parts[parts.length - 1]!] : [],
      mentions: [],
      gender: parts.length > 1 ? genderOfGivenName(parts[0]!.toLowerCase()) : null,
    };
    this.byName.set(name, person);
    this.idx.byName.set(name, person);
    this.added.push(person);
    return person;
  }

  private addMention(person: PersonFact, start: number, end: number): void {
    if (person.mentions.some((m) => m.start === start)) return;
    const mention = { text: this.text.slice(start, end), start, end };
    person.mentions.splice(
      lowerBound(person.mentions, start, (m) => m.start),
      0,
      mention,
    );
    const entry = { start, end, person };
    this.idx.all.splice(
      lowerBound(this.idx.all, start, (m) => m.start),
      0,
      entry,
    );
    const subjectEntry = { ...entry, object: false, subject: true };
    this.idx.mentions.splice(
      lowerBound(this.idx.mentions, start, (m) => m.start),
      0,
      subjectEntry,
    );
  }
}
