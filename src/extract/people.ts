/**
 * People extractor: finds the named humans of one article and merges their surface forms.
 *
 * Contract (`findPeople(doc)`):
 * - Pure and rule based; every table is built once at module load.
 * - Returns one PersonFact per human, ordered by first mention. `name` is the fullest form the
 *   article gives ("Alexander Lukashenko"), `aliases` every other surface form seen (a bare
 *   surname, a bare given name), never with a title, a possessive or punctuation.
 * - `mentions` holds every occurrence with offsets into `doc.text`, alias occurrences included,
 *   sorted by position; `doc.text.slice(start, end) === text` always holds.
 * - Header furniture is never searched. Names inside quotes count: a quoted person is mentioned.
 *
 * Why it is built this way: capitalisation alone finds names and also every sentence start,
 * place and organisation, so each capitalised run is split at common words, stripped of titles
 * and judged on combined evidence: a known given name, a title or role word, a speech verb or
 * "according to" next to it, a known surname, a name-like shape. Bare surnames and given names
 * need no evidence of their own once the full name is known; they join the nearest compatible
 * full name so that two people sharing a surname stay apart.
 */
import { countBefore, insertSorted, upperBound } from './sorted.ts';
import { COMMON_WORDS } from './data/common-words.ts';
import { ADVERBS as ADVERB_WORDS, FEMALE_ROLES, KIN_WORDS, MALE_ROLES } from './data/function-words.ts';
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
} from './data/lexicon.ts';
import { FEMALE_NAMES, FIRST_NAMES, MALE_NAMES, SURNAMES } from './data/names.ts';
import { DEMONYMS, PLACES } from './data/places.ts';
import type { Mention, ParsedDocument, PersonFact, Span } from './types.ts';

const FIRST = new Set([...FIRST_NAMES.split(' '), ...CALENDAR_GIVEN]);
const FEMALE_GIVEN = new Set(FEMALE_NAMES.split(' '));
const MALE_GIVEN = new Set(MALE_NAMES.split(' '));
const FEMALE_WORD = new Set(FEMALE_ROLES);
const MALE_WORD = new Set(MALE_ROLES);
const KIN = new Set(KIN_WORDS);
const GIVEN_CALENDAR = new Set(CALENDAR_GIVEN);
const SURNAME = new Set(SURNAMES.split(' '));
const COMMON = new Set(COMMON_WORDS.split(' '));
const PLACE = new Set(PLACES.split('|'));
const DEMONYM = new Set(DEMONYMS.split('|'));
const TITLE = new Set(TITLES);
const ROLE = new Set(ROLE_NOUNS);
const ORG = new Set(ORG_WORDS);
const NEVER = new Set([...NEVER_NAMES, ...CALENDAR]);
const PARTICLE = new Set(PARTICLES);
const SUFFIX = new Set(SUFFIXES);
const SPEECH = new Set(SPEECH_VERBS);
/** Titles that by themselves show the next words name a human ("Mr", "President"), unlike "State" or "Foreign". */
const PERSON_TITLES = new Set(
  [...TITLES].filter(
    (t) =>
      ROLE.has(t) ||
      /^(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|lord|lady|madam|madame|mme|mlle|monsieur|herr|frau|señor|senor|señora|senora|doña|comrade|sen|rep|gov|lt|gen|col|maj|capt|cmdr|sgt|adm|brig|cpl|pvt|rev|reverend|hon|emir|sultan|sheikh|shaikh|sheik|ayatollah|imam|pope|premier|chancellor|congressman|congresswoman|senator|governor|mayor|saint|st|duke|duchess|baron|baroness|countess|emperor|empress|prince|princess|king|queen|father)$/.test(
        t,
      ),
  ),
);
/** Particles that can open a name without a given name before them ("de Gaulle", "von der Leyen", "al-Assad"). */
const LEADING_PARTICLE = new Set([
  'von',
  'van',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'le',
  'la',
  'bin',
  'ibn',
  'al',
  'el',
  'abu',
  'ter',
  'ten',
  'dos',
  'das',
]);
const FOLLOW_CONTEXT = new Set(['who', 'whose', 'himself', 'herself', ...SPEECH]);
/** Adverbs between a name and its verb; "told" too, for "X told reporters" after a name. */
const ADVERBS = new Set([...ADVERB_WORDS, 'told']);

/** Word tokens: initials ("J.D.", "W."), words with inner apostrophes or hyphens, then single marks. */
const TOKEN = /\p{Lu}\.(?:\p{Lu}\.)*|[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*|\d+(?:[.,:]\d+)*|[^\s\p{L}\p{N}]/gu;
/** Abstract-noun endings: a capitalised "Cooperation" or "Development" is part of an organisation name. */
const NOUN_SUFFIX = /(?:tion|sion|ness|ities|ity|ism|isms|ology|ship|ments)$/;
const ARABIC_PREFIX = /^(?:al|el|ad|ar|as|at|an|ash|az|ud|bin|ibn|abu|d|o|l|de|di|da|du|van|von)[-'’]\p{Lu}/u;

type Kind = 'word' | 'initial' | 'num' | 'punct';

interface Token {
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

interface Candidate {
  tokens: Token[];
  start: number;
  end: number;
  surface: string;
  key: string[];
  /** Evidence that the words name a human on their own. */
  strong: boolean;
  /** Allowed to stand as a person with no fuller form in the article. */
  standalone: boolean;
  /** Only a reference to an already known person (a bare given name, an all-caps headline word). */
  aliasOnly: boolean;
  /** A common word that can only stand for a known person's family name. */
  ambiguous: boolean;
  /** Introduced with a person title ("President", "Dr."). */
  titled: boolean;
  /** Introduced as the story's principal: a current title or a role ("nominee Hillary Clinton", "X, the candidate"). */
  principal: boolean;
  /** Introduced as somebody's relative ("his wife Heidi Cruz", "daughter Chelsea Clinton"). */
  kin: boolean;
  /** Introduced as a former office-holder ("former President Bill Clinton"). */
  former: boolean;
  /** Gender shown by an honorific or role word before the name ("Mrs. Clinton"), else null. */
  gender: 'm' | 'f' | null;
  /** The title words before the name, lower case ("mayor" of "Mayor Klitschko"). */
  titleWords: string[];
}

const ABBREVIATED_TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'mx',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'cmdr',
  'adm',
  'sgt',
  'cpl',
  'pvt',
  'rev',
  'hon',
  'del',
  'amb',
  'insp',
  'supt',
  'det',
  'fr',
  'pres',
]);
const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'sir',
  'dame',
  'madame',
  'monsieur',
  'herr',
  'frau',
  'señor',
  'senor',
  'señora',
  'senora',
]);
/** Legal forms written after a company name, case as written: "Nordvik Havbruk AS", "Torres S.A.", "Jansen BV". */
const LEGAL_FORMS = new Set(
  'AS ASA AB AG BV NV SE KG SA SAS SARL Srl SRL Oy Oyj SpA GmbH Ltd Ltda PLC plc LLC LLP Inc Corp JSC PJSC Bhd Tbk Pte S.A. S.p.A. N.V. B.V. A/S S.L. S.R.L. S.A.S. Cia'.split(
    ' ',
  ),
);
const ORG_LINKS = new Set(['of', 'for', 'on', 'and', '&', 'de', 'du', 'des', 'der', 'für']);
/** The only words Title Case leaves in lower case. */
const HEADLINE_LOWER = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'but',
  'nor',
  'of',
  'to',
  'in',
  'on',
  'at',
  'by',
  'for',
  'from',
  'with',
  'as',
  'vs',
  'vs.',
  'via',
  'into',
  'over',
  'after',
  'amid',
]);
const CLOSING_MARKS = new Set(['”', '"', '»', '’']);
const SENTENCE_OPENERS = new Set([
  '.',
  '!',
  '?',
  ':',
  ';',
  '“',
  '”',
  '"',
  '«',
  '»',
  '„',
  '(',
  '[',
  '—',
  '–',
  '-',
  '‘',
  '•',
  '|',
]);

function tokenize(span: Span, caps: boolean): Token[] {
  const tokens: Token[] = [];
  const s = span.text;
  TOKEN.lastIndex = 0;
  let prev: Token | undefined;
  for (let m = TOKEN.exec(s); m !== null; m = TOKEN.exec(s)) {
    let word = m[0];
    const start = span.start + m.index;
    const c0 = word.charCodeAt(0);
    let kind: Kind;
    if (word.length >= 2 && word.charCodeAt(1) === 46 && !(c0 >= 48 && c0 <= 57)) {
      // "31°C." is a unit, not an initial: an initial starts a word
      const before = m.index > 0 ? s.charCodeAt(m.index - 1) : 32;
      kind = isLetterOrDigit(before) || before === 176 ? 'punct' : 'initial';
    } else if (c0 >= 48 && c0 <= 57) kind = 'num';
    else if (word.length > 1 || isLetterOrDigit(c0)) kind = 'word';
    else kind = 'punct';
    let poss = false;
    if (kind === 'word') {
      const n = word.length;
      const last = word.charCodeAt(n - 1);
      const apo = n > 2 ? word.charCodeAt(n - 2) : 0;
      if ((last === 115 || last === 83) && (apo === 39 || apo === 0x2019)) {
        word = word.slice(0, -2);
        poss = true;
      } else {
        const next = s.charCodeAt(m.index + n);
        if (
          (next === 0x2019 || next === 39) &&
          (last === 115 || last === 122 || last === 83 || last === 90) &&
          !isLetterOrDigit(s.charCodeAt(m.index + n + 1))
        )
          poss = true;
      }
    }
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
    let sentStart = prev === undefined || (prev.kind === 'punct' && SENTENCE_OPENERS.has(prev.text));
    if (sentStart && prev !== undefined && CLOSING_MARKS.has(prev.text)) {
      // after a closing quote mark a new sentence starts only if the quote ended one: “…,” Lee said
      sentStart = /[.!?]$/.test(s.slice(0, prev.start - span.start));
    }
    const tok: Token = {
      text: s.slice(m.index, m.index + (end - start)),
      lower,
      start,
      end,
      kind,
      cap: cap || (caps && kind === 'word'),
      poss,
      sentStart,
    };
    tokens.push(tok);
    prev = tok;
  }
  return tokens;
}

function isLetterOrDigit(c: number): boolean {
  if (Number.isNaN(c)) return false;
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  const ch = String.fromCharCode(c);
  return ch.toLowerCase() !== ch.toUpperCase() || (c >= 0x660 && c <= 0x669);
}

function isAllCaps(s: string): boolean {
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
function isTitleCase(s: string): boolean {
  if (/[()\d]/.test(s)) return false; // result lines and lists, not headings
  const words = s.split(/\s+/).filter((w) => /^[\p{L}]/u.test(w));
  let capped = 0;
  for (const w of words) {
    if (w.charAt(0) !== w.charAt(0).toLowerCase()) capped++;
    else if (!HEADLINE_LOWER.has(w.toLowerCase())) return false;
  }
  return capped >= 4 && capped / words.length >= 0.6;
}

function isAcronym(t: Token): boolean {
  return t.kind === 'word' && t.text.length > 1 && t.text === t.text.toUpperCase() && !SUFFIX.has(t.lower);
}

function joinedBySpace(text: string, a: Token, b: Token): boolean {
  if (b.start - a.end < 1 || b.start - a.end > 2) return b.start === a.end && a.kind === 'initial';
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 0xa0) return false;
  }
  return true;
}

function isNameWord(t: Token, caps: boolean): boolean {
  if (t.kind === 'initial') return true;
  if (t.kind !== 'word' || !t.cap) return false;
  if (!caps && isAcronym(t)) return false;
  return true;
}

interface Ctx {
  text: string;
  caps: boolean;
  titleCase: boolean;
  /** Headlines: capitalisation proves nothing there, so names only refer to people the body names. */
  reference: boolean;
}

/** Splits one span into name candidates. */
function candidatesIn(span: Span, ctx: Ctx, out: Candidate[]): void {
  const tokens = tokenize(span, ctx.caps);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const particleStart = t.kind === 'word' && !t.cap && LEADING_PARTICLE.has(t.lower);
    if (!isNameWord(t, ctx.caps) && !particleStart) {
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
        if (!isNameWord(u, ctx.caps) && !particle) break;
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
    // "Berg AS", "Müller GmbH", "Torres S.A.": a name followed (or ended) by a legal form is a company
    const next = tokens[j];
    const company =
      LEGAL_FORMS.has(tokens[j - 1]!.text) ||
      (next !== undefined && LEGAL_FORMS.has(next.text) && joinedBySpace(ctx.text, tokens[j - 1]!, next));
    if (company) {
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

function category(t: Token): 'title' | 'demonym' | 'never' | 'org' | 'place' | 'common' | 'name' {
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
      const syllables = parts.every((p) => p.length <= 5 && !COMMON.has(p));
      if (!syllables) return 'common';
    }
  }
  if (l.length > 6 && NOUN_SUFFIX.test(l) && !FIRST.has(l) && !SURNAME.has(l)) return 'common';
  if (COMMON.has(l) && !SURNAME.has(l) && !FIRST.has(l)) return 'common';
  if (COMMON.has(l)) return 'common';
  return 'name';
}

/** Splits a capitalised run at words that cannot be inside a name, strips titles, judges each piece. */
function splitRun(tokens: Token[], from: number, to: number, ctx: Ctx, out: Candidate[]): void {
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
  if (lastOrg >= 0) {
    // an organisation word makes the run an organisation ("Chapman Golf Club", "State Department"),
    // unless a title follows it: "European Commission President Ursula von der Leyen"
    let k = lastOrg + 1;
    while (k < to && !(tokens[k]!.cap && TITLE.has(tokens[k]!.lower))) k++;
    if (k >= to) return;
    splitRun(tokens, k, to, ctx, out);
    return;
  }
  let piece: number[] = [];
  let titles: Token[] = [];
  let orgRun = false;
  const flush = (): void => {
    // "Mr. King", "Dr. Major": after an honorific a title word is the surname
    if (
      piece.length === 0 &&
      titles.length >= 2 &&
      HONORIFICS.has(titles[0]!.lower) &&
      titles[titles.length - 1]!.kind === 'word'
    ) {
      const last = titles.pop()!;
      piece = [tokens.indexOf(last)];
    }
    if (piece.length > 0 && !orgRun) judge(tokens, piece, titles, ctx, out);
    piece = [];
    titles = [];
  };
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    const place = multiWordPlace(tokens, k, to);
    if (place > 0) {
      flush();
      k += place - 1;
      continue;
    }
    const cat = t.cap ? category(t) : 'name'; // lower-case particles
    const nameSoFar = piece.length > 0;
    const firstIsGiven = nameSoFar && isGiven(tokens[piece[0]!]!);
    if (cat === 'org') {
      // an organisation word makes the whole run an organisation ("State Department", "Minsk Council")
      orgRun = true;
      piece = [];
      continue;
    }
    if (cat === 'title' || cat === 'demonym') {
      if (!nameSoFar) {
        if (
          cat === 'title' &&
          (k + 1 === to || category(tokens[k + 1]!) !== 'name') &&
          !t.sentStart &&
          !ctx.caps &&
          !PERSON_TITLES.has(t.lower)
        ) {
          judge(tokens, [k], [], ctx, out, true); // "Major" alone may still refer to John Major
        }
        titles.push(t);
        continue;
      }
      // "Alexander Lukashenko President" does not happen in prose; a title after a name ends it
      if (
        FIRST.has(t.lower) ||
        SURNAME.has(t.lower) ||
        (piece.length === 1 &&
          isGiven(tokens[piece[0]!]!) &&
          (k + 1 === to || category(tokens[k + 1]!) !== 'name'))
      ) {
        piece.push(k); // "John Major", "Martin Luther King"
        continue;
      }
      flush();
      titles.push(t);
      continue;
    }
    if (
      cat === 'never' &&
      !nameSoFar &&
      GIVEN_CALENDAR.has(t.lower) &&
      k + 1 < to &&
      tokens[k + 1]!.kind === 'word' &&
      category(tokens[k + 1]!) === 'name'
    ) {
      piece.push(k); // "Jan Kowalski", but "Jan. 5" and "Jan 5" stay dates
      continue;
    }
    if (cat === 'never') {
      flush();
      orgRun = false;
      continue;
    }
    if (cat === 'place' || cat === 'common') {
      // kept after a given name ("Gordon Brown", "George W. Bush", "Paris Hilton" is lost on purpose)
      // mid-sentence, a capitalised common word after name words is a surname ("Shou Zi Chew", "Gordon Brown")
      if (
        nameSoFar &&
        cat === 'common' &&
        piece.length <= 3 &&
        (firstIsGiven || (!ctx.titleCase && !ctx.caps && !t.sentStart && !NOUN_SUFFIX.test(t.lower)))
      ) {
        piece.push(k);
        continue;
      }
      const roleBefore =
        titles.length > 0 || (tokens[from - 1]?.kind === 'word' && ROLE.has(tokens[from - 1]!.lower));
      if (
        !nameSoFar &&
        (FIRST.has(t.lower) || (roleBefore && k === from + titles.length)) &&
        k + 1 < to &&
        category(tokens[k + 1]!) === 'name'
      ) {
        piece.push(k); // "Jordan Henderson", "Will Smith" mid-sentence
        continue;
      }
      flush();
      orgRun = false;
      if (
        cat === 'common' &&
        (!t.sentStart || hasFollowingCue(tokens, k + 1) || FIRST.has(t.lower) || SURNAME.has(t.lower))
      ) {
        // a lone common word ("Brown", "Moody"): only ever a reference to a known person's surname
        judge(tokens, [k], [], ctx, out, true);
      }
      continue;
    }
    piece.push(k);
  }
  flush();
}

/** Length of a multi-word place ("New York", "Hong Kong") starting at k, or 0. */
function multiWordPlace(tokens: Token[], k: number, to: number): number {
  if (k + 1 >= to) return 0;
  let key = tokens[k]!.lower;
  for (let n = 2; n <= 4 && k + n <= to; n++) {
    key += ' ' + tokens[k + n - 1]!.lower;
    if (PLACE.has(key)) return n;
  }
  return 0;
}

function isGiven(t: Token): boolean {
  return t.kind === 'initial' || FIRST.has(t.lower) || FIRST.has(fold(t.lower));
}

/** Without accents: "maría" → "maria", "josé" → "jose". */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '');
}

/** Words after a name that make it a place: "Dong Nai province", "Grande Prairie county". */
const PLACE_NOUNS = new Set([
  'province',
  'region',
  'county',
  'city',
  'state',
  'district',
  'oblast',
  'krai',
  'prefecture',
  'municipality',
  'department',
  'governorate',
  'canton',
  'territory',
  'valley',
  'river',
  'island',
  'islands',
  'port',
  'airport',
  'area',
  'metropolitan',
  'harbour',
  'harbor',
  'bay',
  'mountains',
]);
/** Prepositions of place before a name with no other evidence: "workers in Grande Prairie". */
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'across', 'around']);

/** A two- or three-word run that context shows is a place rather than a person. */
function placeByContext(tokens: Token[], first: number, last: number): boolean {
  const t = tokens[last]!;
  if (/-based$/.test(t.lower)) return true;
  const after = tokens[last + 1];
  if (after !== undefined && after.kind === 'word' && PLACE_NOUNS.has(after.lower)) return true;
  const before = tokens[first - 1];
  return (
    before !== undefined && before.kind === 'word' && !before.cap && PLACE_PREPOSITIONS.has(before.lower)
  );
}

function hasFollowingCue(tokens: Token[], end: number, speechOnly = false): boolean {
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

function hasPrecedingCue(tokens: Token[], start: number): boolean {
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

function judge(
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
    if (FEMALE_WORD.has(t.lower)) gender = 'f';
    else if (MALE_WORD.has(t.lower)) gender = 'm';
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
function kinAppositive(tokens: Token[], at: number): boolean {
  if (tokens[at]?.text !== ',') return false;
  for (let n = at + 1; n < tokens.length && n - at <= 8; n++) {
    const t = tokens[n]!;
    if (APPOSITION_END.has(t.text)) return false;
    if (t.kind === 'word' && KIN.has(t.lower)) return true;
  }
  return false;
}

/** Words that end an apposition: ", a nurse at the clinic, said". */
const APPOSITION_BLOCKERS = new Set(['in', 'near', 'outside', 'across', 'around', 'from', 'at', 'to', 'of']);
const APPOSITION_END = new Set([',', '.', ';', ':', '!', '?', '(', ')', '“', '”', '"', '—', '–']);

/**
 * An apposition naming a role right after `at`: ", a 34-year-old teacher", ", 52, a nurse at the
 * clinic", ", the party's candidate". Returns the index of the token that ends it, or -1.
 */
function roleAppositive(tokens: Token[], at: number): number {
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

interface Cluster {
  key: string[];
  mentions: Candidate[];
  /** Sorted starts of the mentions that can anchor a later reference (full names, standalone words). */
  anchors: number[];
  /** Sorted starts of all mentions. */
  starts: number[];
  /** Start of the first mention that is not only a reference, or Infinity. */
  firstAt: number;
  /** Some mention was introduced with a person title. */
  titled: boolean;
  /** Some full mention introduced the person with a current title or role ("nominee Hillary Clinton"). */
  principal: boolean;
  /** Some full mention introduced the person as a relative ("his wife Heidi Cruz"). */
  kin: boolean;
  /** Some full mention introduced the person as a former office-holder, none as a current one. */
  former: boolean;
  /** Gender shown by the given name or an honorific, else null. */
  gender: 'm' | 'f' | null;
  /** Sorted starts of the mentions with two or more words. */
  fulls: number[];
  /** Title words seen before any mention ("mayor", "senator"). */
  titleWords: Set<string>;
}

/** Kept incrementally, so that choosing among namesakes costs a binary search, not a scan. */
function newCluster(c: Candidate): Cluster {
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
    gender: FEMALE_GIVEN.has(given) ? 'f' : MALE_GIVEN.has(given) ? 'm' : null,
    fulls: [],
    titleWords: new Set(),
  };
  addMention(cl, c);
  return cl;
}

function addMention(cl: Cluster, c: Candidate): void {
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
function around(xs: number[], at: number): [number, number] {
  const lo = countBefore(xs, at);
  let after = lo;
  while (after < xs.length && xs[after]! <= at) after++;
  return [lo > 0 ? xs[lo - 1]! : -1, after < xs.length ? xs[after]! : Infinity];
}

function isSubsequence(short: string[], long: string[]): boolean {
  let j = 0;
  for (const w of long) if (j < short.length && sameWord(short[j]!, w)) j++;
  return j === short.length;
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  // an initial matches a word with that first letter ("J." ~ "John", "j.d" ~ "jd")
  const ia = isInitialKey(a);
  const ib = isInitialKey(b);
  if (ia !== ib) return a.charCodeAt(0) === b.charCodeAt(0);
  if (a.indexOf('.') < 0 && b.indexOf('.') < 0) return false;
  return a.replace(/\./g, '') === b.replace(/\./g, '');
}

/** Keys drop the final period, so an initial is one letter or letters with inner periods ("j.d"). */
function isInitialKey(s: string): boolean {
  return s.length === 1 || (s.length >= 3 && s.charCodeAt(1) === 46 && s.length <= 7);
}

/** Whether a shorter form can refer to the person with the longer form. */
function compatible(short: string[], long: string[]): boolean {
  if (short.length === 1) {
    if (sameWord(short[0]!, long[long.length - 1]!) || sameWord(short[0]!, long[0]!)) return true;
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

export function findPeople(doc: ParsedDocument): PersonFact[] {
  const candidates: Candidate[] = [];
  const body: Candidate[] = [];
  const text = doc.text;
  const titleCaps = isAllCaps(doc.title.text);
  const titleCase = !titleCaps && isTitleCase(doc.title.text);
  const spans: { span: Span; ctx: Ctx }[] = [];
  if (doc.title.text !== '')
    spans.push({ span: doc.title, ctx: { text, caps: titleCaps, titleCase, reference: true } });
  for (const p of doc.paragraphs) {
    const caps = isAllCaps(p.text);
    const tc = !caps && p.text.length < 120 && !/[.!?]["”’]?$/.test(p.text) && isTitleCase(p.text);
    spans.push({ span: p, ctx: { text, caps, titleCase: tc, reference: caps } });
  }
  for (const { span, ctx } of spans) candidatesIn(span, ctx, ctx.reference ? candidates : body);
  speakerLabels(spans, body);
  // German and Russian style quotes are usually in those languages, where capitals prove little
  const foreign = foreignQuoteRanges(doc);
  if (foreign.length > 0) {
    for (const c of body) {
      if (c.strong || !insideRange(foreign, c.start, c.end)) continue;
      c.standalone = false;
      c.aliasOnly = true;
    }
  }
  const all = [...body, ...candidates];

  // Full names first, longest first, so that shorter forms find the fullest one.
  const clusters: Cluster[] = [];
  const multi = all
    .filter((c) => c.key.length >= 2 && c.standalone)
    .sort((a, b) => b.key.length - a.key.length || a.start - b.start);
  for (const c of multi) {
    const home = clusters.find((cl) => compatible(c.key, cl.key) || c.key.join(' ') === cl.key.join(' '));
    if (home) addMention(home, c);
    else clusters.push(newCluster(c));
  }
  // Shorter references: bare surnames, given names, headline words, in text order.
  const rest = all.filter((c) => !(c.key.length >= 2 && c.standalone)).sort((a, b) => a.start - b.start);
  const singles: Cluster[] = [];
  const singleByKey = new Map<string, Cluster>();
  for (const c of rest) {
    // a common word stands only for a family name, or for a given name it is ("Bill said")
    const options = clusters.filter((cl) =>
      c.ambiguous
        ? c.key.length === 1 &&
          (sameWord(c.key[0]!, cl.key[cl.key.length - 1]!) ||
            (FIRST.has(c.key[0]!) && !c.tokens[0]!.sentStart && sameWord(c.key[0]!, cl.key[0]!)))
        : compatible(c.key, cl.key),
    );
    let home: Cluster | undefined;
    if (options.length === 1) home = options[0];
    else if (options.length > 1) {
      // prefer a family-name match, then the person mentioned most recently before, else the next one after
      const bySurname = options.filter((cl) =>
        sameWord(c.key[c.key.length - 1]!, cl.key[cl.key.length - 1]!),
      );
      const pool = bySurname.length > 0 ? bySurname : options;
      home = mostPlausible(pool, c);
    }
    if (home) {
      addMention(home, c);
      continue;
    }
    if (c.aliasOnly && c.tokens.length >= 2) {
      // a headline run ("Hillary Clinton Return", "Vance Breaks Tie"): keep the part that names someone
      const part = knownPart(c, clusters);
      if (part) {
        addMention(part.cluster, part.candidate);
        continue;
      }
    }
    const same = singleByKey.get(c.key.join(' '));
    if (same) addMention(same, c);
    else {
      const cl = newCluster(c); // kept only if a standalone mention joins (or is) one
      singles.push(cl);
      singleByKey.set(c.key.join(' '), cl);
    }
  }
  const people = [...clusters, ...singles.filter((s) => s.mentions.some((m) => m.standalone))];
  // Ordered by first mention in the body: a headline names people out of their story order.
  const bodyStart = doc.paragraphs[0]?.start ?? 0;
  const order = (p: PersonFact): number =>
    (p.mentions.find((m) => m.start >= bodyStart) ?? p.mentions[0]!).start;
  return people.map(toFact).sort((a, b) => order(a) - order(b));
}

/** An upper-case speaker label opening a transcript turn: "PENCE: Well, look", "“SEN. KAINE: We". */
const LABEL = /^[“"”]?\s*((?:\p{Lu}[\p{Lu}'’-]*\.?\s+){0,3}\p{Lu}[\p{Lu}'’-]+)\s*:\s+\S/u;

/**
 * Interview transcripts name each turn's speaker in capitals before a colon. Two or more such
 * turns make a transcript, and each label a person ("WALLACE", "PENCE"), unless its words are
 * furniture ("UPDATE", "NOTE"), places, organisations or titles only.
 */
function speakerLabels(spans: { span: Span; ctx: Ctx }[], out: Candidate[]): void {
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

function spanText(spans: { span: Span }[], start: number, end: number): string {
  for (const { span } of spans)
    if (span.start <= start && end <= span.end) return span.text.slice(start - span.start, end - span.start);
  return '';
}

/** Whether [start, end) lies inside one of the sorted, disjoint ranges. */
function insideRange(ranges: [number, number][], start: number, end: number): boolean {
  const r = ranges[upperBound(ranges, start, (range) => range[0]) - 1];
  return r !== undefined && end <= r[1];
}

/** Spans inside „…“ and «…» quotes, in text order. */
function foreignQuoteRanges(doc: ParsedDocument): [number, number][] {
  const out: [number, number][] = [];
  for (const p of doc.paragraphs) {
    for (const m of p.text.matchAll(/„([^“”"]*)[“”"]|«([^»]*)»/gu))
      out.push([p.start + m.index, p.start + m.index + m[0].length]);
  }
  return out;
}

/** The longest sub-run of a reference candidate that names a known person. */
function knownPart(c: Candidate, clusters: Cluster[]): { cluster: Cluster; candidate: Candidate } | null {
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
function mostPlausible(options: Cluster[], c: Candidate): Cluster | undefined {
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

function nearest(pool: Cluster[], at: number): Cluster | undefined {
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

function toFact(cl: Cluster): PersonFact {
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
  return { name, aliases, mentions: out };
}

function isUpper(s: string): boolean {
  return s.length > 1 && s === s.toUpperCase() && s !== s.toLowerCase();
}
