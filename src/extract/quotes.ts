/**
 * Quote extractor: direct quotations with their speakers and attribution cues.
 *
 * Contract (`findQuotes(doc, people)`):
 * - Pure and rule based; every table and expression is built once at module load.
 * - A quote is text between “…”, "…", «…» or „…“ (‘…’ only nested inside one of those, or as the
 *   outer marks of an attributed quote). `text` excludes the outer marks and keeps nested ones.
 * - One quote per utterance: a quote split around its attribution mid-sentence ("We will win,"
 *   she said, "and fairly.") and a quote running over several paragraphs (an opening mark on each,
 *   a closing mark on the last) each give one QuoteFact whose `text` joins the parts with one space.
 *   A quote that goes on as a new sentence after its attribution ("A," she said. "B.") is two
 *   quotes, both with that speaker and cue.
 * - `start` is the first character inside the first opening mark, `end` the offset of the last
 *   closing mark (or of the paragraph end when a quote never closes), so for a one-part quote
 *   `doc.text.slice(start, end) === text`.
 * - Scare quotes (one to three words without an attribution of their own) and unattributed
 *   title-case names of works are not quotes.
 * - `speaker` is a `PersonFact.name` from `people`, or null when no human can be identified;
 *   `cue` is the attribution verb or phrase as written ("said", "told reporters",
 *   "according to"), or null when the speaker is only inferred from the previous quote.
 *
 * Why: attribution in news is formulaic (quote, comma, subject, verb; or subject, verb, colon,
 * quote), so a window of a few tokens on each side of the quote, read with a list of speech
 * verbs, finds it; subjects are then resolved against the people already found: a name
 * directly, a pronoun to the most recent person in subject position outside quotes, a
 * description ("the Belarusian leader") to the person described that way.
 */
import { lowerBound, upperBound } from './sorted.ts';
import {
  ADVERBS as ADVERB_WORDS,
  FEMALE_ROLES as FEMALE_ROLE_WORDS,
  MALE_ROLES as MALE_ROLE_WORDS,
} from './data/function-words.ts';
import { ROLE_NOUNS, SPEECH_VERBS, TITLES } from './data/lexicon.ts';
import { FEMALE_NAMES, MALE_NAMES } from './data/names.ts';
import { DEMONYMS } from './data/places.ts';
import type { ParsedDocument, PersonFact, QuoteFact, Span } from './types.ts';

const SPEECH = new Set(SPEECH_VERBS);
const ROLE = new Set(ROLE_NOUNS);
const TITLE = new Set(TITLES);
const DEMONYM = new Set(DEMONYMS.split('|'));
/** Verbs that take a particle to make the cue ("pointed out", "went on", "summed up"). */
const PARTICLE_VERBS: Record<string, string[]> = {
  pointed: ['out'],
  points: ['out'],
  went: ['on'],
  goes: ['on'],
  summed: ['up'],
  spoke: ['out'],
  called: ['out'],
  added: [],
};
/** Cues that are verbs of speech only with a quote right after them ("called it “…”" is not an attribution). */
const WEAK_CUES = new Set([
  'called',
  'calls',
  'described',
  'describes',
  'thinks',
  'thought',
  'believes',
  'reported',
  'reports',
  'went',
  'goes',
  'posted',
  'posts',
  'pointed',
  'points',
  'spoke',
  'speaks',
  'ruled',
  'ordered',
]);
const ADVERBS = new Set(ADVERB_WORDS);
const FEMALE_GIVEN = new Set(FEMALE_NAMES.split(' '));
const MALE_GIVEN = new Set(MALE_NAMES.split(' '));
const MALE = new Set(['he', 'him', 'his', 'himself']);
const FEMALE = new Set(['she', 'her', 'hers', 'herself']);
const PRONOUNS = new Set([...MALE, ...FEMALE, 'they', 'we', 'i', 'it', 'you']);
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'his',
  'her',
  'their',
  'its',
  'our',
  'my',
  'one',
  'another',
  'both',
]);
const PREPOSITIONS = new Set([
  'with',
  'to',
  'by',
  'of',
  'under',
  'from',
  'for',
  'against',
  'about',
  'at',
  'on',
  'toward',
  'towards',
  'than',
  'like',
  'into',
  'via',
  'between',
  'among',
  'and',
  'or',
  'nor',
]);
/** Heads of descriptions that name the head of a state or government, "the leader" included. */
const LEADER_WORDS = new Set([
  'president',
  'premier',
  'chancellor',
  'king',
  'queen',
  'leader',
  'head',
  'ruler',
  'monarch',
  'strongman',
  'dictator',
  'autocrat',
  'emir',
  'sultan',
  'prime',
]);

const SUBORDINATORS = new Set([
  'when',
  'that',
  'as',
  'if',
  'because',
  'while',
  'after',
  'before',
  'and',
  'but',
  'so',
  'since',
  'where',
  'who',
  'which',
  'what',
  'though',
  'although',
  'until',
  'unless',
  'whether',
  'than',
  'or',
  'nor',
]);
/** Words that open an adverbial before a sentence's subject ("During the debate, Clinton …"). */
const INTRODUCERS = new Set([
  'during',
  'in',
  'at',
  'after',
  'before',
  'despite',
  'amid',
  'following',
  'throughout',
  'since',
  'when',
  'while',
  'as',
  'earlier',
  'later',
  'last',
  'still',
  'however',
  'meanwhile',
  'instead',
  'yet',
]);
/** Descriptions of whoever puts the questions: "the moderator asked" is never the last answer's speaker. */
const ASKERS = new Set(['moderator', 'interviewer', 'host', 'presenter', 'anchor', 'questioner', 'chair']);
/** "moderated by X", "hosted by X": the role the verb gives the person after it. */
const ASKER_VERBS: Record<string, string> = {
  moderated: 'moderator',
  hosted: 'host',
  chaired: 'chair',
  presented: 'presenter',
  conducted: 'interviewer',
};
/** Verbs that attribute a partial quote inside a paraphrase ("Trump attacked “the hateful ideology”"). */
const STANCE_VERBS = new Set([
  'called',
  'calls',
  'described',
  'describes',
  'attacked',
  'attacks',
  'dismissed',
  'dismisses',
  'blasted',
  'blasts',
  'slammed',
  'slams',
  'criticized',
  'criticised',
  'criticizes',
  'praised',
  'praises',
  'accused',
  'accuses',
  'mocked',
  'mocks',
  'labeled',
  'labelled',
  'branded',
  'brands',
  'knows',
  'hopes',
  'hoped',
  'believes',
  'believed',
  'thinks',
  'thought',
  'feels',
  'felt',
  'promised',
  'vowed',
  'pledged',
  'urged',
  'wants',
  'wanted',
  'touted',
  'touts',
  'decried',
  'condemned',
  'condemns',
  'denounced',
  'denounces',
  'lauded',
  'hailed',
  'characterized',
  'characterised',
  'termed',
  'dubbed',
  'referred',
  'likened',
  'compared',
  'rejected',
  'rejects',
  'defended',
  'defends',
  'questioned',
  'questions',
  'challenged',
  'scolded',
  'chided',
  'lashed',
  'ripped',
  'tore',
  'derided',
  'ridiculed',
  'bemoaned',
  'lamented',
  'cited',
  'cites',
  'invoked',
  'quoted',
  'quotes',
  'tweeted',
  'pitched',
  'stressed',
  'offered',
  'expressed',
  'expresses',
  'voiced',
  'acknowledged',
  'argued',
]);
/** Heads of descriptions that usually stand for an unnamed source, never guessed from context. */
const UNNAMED_SOURCES = new Set([
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'official',
  'officials',
  'source',
  'sources',
  'analyst',
  'analysts',
  'expert',
  'experts',
  'aide',
  'aides',
  'representative',
  'witness',
  'resident',
  'residents',
  'observer',
  'diplomat',
  'diplomats',
  'statement',
  'ministry',
  'police',
  'court',
  'report',
  'newspaper',
  'agency',
]);
/** Heads of definite descriptions that are institutions or things, never a person. */
const NON_PERSON_HEADS = new Set([
  'government',
  'kremlin',
  'company',
  'firm',
  'group',
  'bank',
  'ministry',
  'department',
  'office',
  'party',
  'committee',
  'council',
  'commission',
  'court',
  'tribunal',
  'campaign',
  'administration',
  'agency',
  'organisation',
  'organization',
  'union',
  'team',
  'club',
  'board',
  'white',
  'house',
  'document',
  'letter',
  'report',
  'study',
  'survey',
  'poll',
  'paper',
  'newspaper',
  'website',
  'broadcaster',
  'channel',
  'network',
  'embassy',
  'army',
  'military',
  'police',
  'prosecution',
  'defence',
  'defense',
  'opposition',
  'regime',
  'state',
  'city',
  'country',
  'nation',
  'region',
  'plan',
  'bill',
  'law',
  'decree',
  'order',
  'ruling',
  'verdict',
  'text',
  'message',
  'post',
  'tweet',
  'ad',
  'advert',
  'video',
  'film',
  'book',
  'sign',
  'placard',
  'banner',
  'slogan',
  'headline',
  'label',
  'note',
  'memo',
  'notice',
  'release',
  'announcement',
]);
/** Nouns ending in -ly, which are not adverbs: "told the assembly". */
const LY_NOUNS = new Set([
  'assembly',
  'family',
  'rally',
  'ally',
  'supply',
  'monopoly',
  'bully',
  'italy',
  'july',
]);
/** Words that end the listener of "told": "told reporters in Minsk that …". */
const TOLD_STOP = new Set([
  'outside',
  'inside',
  'near',
  'ahead',
  'following',
  'via',
  'over',
  'under',
  'amid',
  'shortly',
  'just',
  'then',
  'again',
  'in',
  'on',
  'at',
  'during',
  'after',
  'before',
  'that',
  'when',
  'while',
  'as',
  'from',
  'by',
  'with',
  'for',
  'about',
  'last',
  'this',
  'on',
  'yesterday',
  'today',
  'tonight',
  'earlier',
  'later',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'recently',
  'and',
  'but',
  'how',
  'why',
  'what',
  'if',
  'whether',
  'to',
  'he',
  'she',
  'they',
  'it',
  'we',
  'i',
  'there',
  'not',
  'was',
  'is',
  'would',
  'will',
  'had',
  'has',
]);
const OPENERS = new Set(['“', '"', '«', '„', '‘', '‹']);
/** A transcript turn's speaker label: "PENCE: ", "SEN. KAINE: ", "Mr. Obama: ". */
const TURN_LABEL =
  /^\s*(?:(?:\p{Lu}[\p{Lu}'’-]*\.?\s+){0,3}\p{Lu}[\p{Lu}'’-]+|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+\p{Lu}[\p{L}'’-]+)\s*:\s+\S/u;
const WORD = /[\p{L}\p{M}]+(?:['’.-][\p{L}\p{M}]+)*\.?|\d+(?:[.,:]\d+)*|[^\s\p{L}\p{N}]/gu;

interface Part {
  /** Offset of the opening mark. */
  open: number;
  /** First character inside the marks. */
  start: number;
  /** Offset of the closing mark, or the paragraph end for a quote that never closes. */
  end: number;
  closed: boolean;
  /** First offset after the closing mark. */
  after: number;
  para: number;
  single: boolean;
}

interface Group {
  parts: Part[];
}

interface Tok {
  text: string;
  lower: string;
  start: number;
  end: number;
}

interface Attribution {
  cue: string;
  /** Subject tokens, or empty when none could be found. */
  subject: Tok[];
  /** Where the subject stands relative to the quote: before it, after it, or between split parts. */
  side: 'before' | 'after';
  /** A second subject to try when `subject` names nobody (a participle's clause subject). */
  fallback?: Tok[] | undefined;
}

/** Finds the quote parts of one paragraph; `carry` is a quote left open by the previous paragraph. */
function scanParagraph(
  p: Span,
  para: number,
  carry: Part | null,
  out: Group[],
  openGroup: Group | null,
): Group | null {
  const s = p.text;
  let i = 0;
  let group = openGroup;
  let current: Part | null = null;
  let closers = '';
  let depth = 0;
  if (carry && group) {
    // a multi-paragraph quote continues only when this paragraph opens with a mark again
    const c = s.charAt(0);
    // a new transcript turn ("“PENCE: Well, …") starts a new quote even after an open one
    const turn = TURN_LABEL.test(s.slice(1, 60));
    if (!turn && (c === '“' || c === '"' || c === '«' || c === '„' || (c === '‘' && carry.single))) {
      current = {
        open: p.start,
        start: p.start + 1,
        end: -1,
        closed: false,
        after: -1,
        para,
        single: carry.single,
      };
      closers = closerFor(c);
      depth = 1;
      i = 1;
    } else {
      group = null;
    }
  }
  for (; i < s.length; i++) {
    const c = s.charAt(i);
    if (current) {
      if (c === '«' && closers === '»') {
        depth++;
        continue;
      }
      if (closers.includes(c)) {
        if (c === '»' && --depth > 0) continue;
        if (current.single && !singleCloses(s, i)) continue;
        if (c === '"' && closers.length > 1 && /[\p{L}\p{N}]/u.test(s.charAt(i + 1))) continue;
        let end = i;
        if (c === '»')
          while (end > 0 && /\s/.test(s.charAt(end - 1)) && p.start + end - 1 > current.start) end--;
        current.end = p.start + end;
        current.after = p.start + i + 1;
        current.closed = true;
        if (group) group.parts.push(current);
        else out.push({ parts: [current] });
        current = null;
        group = null;
      }
      continue;
    }
    // Swedish and Finnish style, common in scraped text: ”…” with the same mark on both sides
    const rightOpen =
      c === '”' && (i === 0 || /[\s([:—–-]/.test(s.charAt(i - 1))) && /[\p{L}\p{N}]/u.test(s.charAt(i + 1));
    if (!OPENERS.has(c) && !rightOpen) continue;
    const prev = s.charAt(i - 1);
    const next = s.charAt(i + 1);
    if (next === '') continue;
    let inner = i + 1;
    if (/\s/.test(next)) {
      // French guillemets take a (non-breaking) space inside: « Cette réforme est nécessaire »
      if (c !== '«') continue;
      while (inner < s.length && /\s/.test(s.charAt(inner))) inner++;
    }
    if (c === '"' && /[\p{L}\p{N}]/u.test(prev)) continue; // 5'10", inch marks, stray marks
    if (c === '‘' && /[\p{L}\p{N}]/u.test(prev)) continue;
    if (c === '‹') continue;
    current = {
      open: p.start + i,
      start: p.start + inner,
      end: -1,
      closed: false,
      after: -1,
      para,
      single: c === '‘',
    };
    closers = closerFor(c);
    depth = 1;
  }
  if (current) {
    if (current.single) return null; // an apostrophe, most likely, not a quote
    current.end = p.end;
    current.after = p.end;
    const g: Group = group ?? { parts: [] };
    g.parts.push(current);
    if (!group) out.push(g);
    return g;
  }
  return null;
}

function closerFor(open: string): string {
  switch (open) {
    case '”':
      return '”"';
    case '“':
      return '”"';
    case '"':
      return '"”';
    case '«':
      return '»';
    case '„':
      return '“”"';
    case '‘':
      return '’';
    default:
      return '”';
  }
}

/** A closing ’ is not an apostrophe: it follows punctuation, or precedes punctuation or the end. */
function singleCloses(s: string, i: number): boolean {
  const prev = s.charAt(i - 1);
  const next = s.charAt(i + 1);
  if (/[\p{L}\p{N}]/u.test(next)) return false;
  if (/[,.!?…—–-]/.test(prev)) return true;
  return next === '' || /[,.;:!?)\]”"]/.test(next);
}

function tokens(text: string, from: number, to: number): Tok[] {
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

function isWord(t: Tok | undefined): boolean {
  return t !== undefined && /^[\p{L}\p{N}]/u.test(t.text);
}

function isCap(t: Tok): boolean {
  const c = t.text.charAt(0);
  return c !== c.toLowerCase();
}

/** Reads the cue starting at tokens[i] (a speech verb), extended by "reporters", "out", "to". */
function cueAt(toks: Tok[], i: number, text: string): { cue: string; next: number } | null {
  const t = toks[i];
  if (t === undefined || !isWord(t)) return null;
  if (t.lower === 'according' && toks[i + 1]?.lower === 'to')
    return { cue: text.slice(t.start, toks[i + 1]!.end), next: i + 2 };
  if (!SPEECH.has(t.lower)) return null;
  let end = i;
  if (t.lower === 'told' || t.lower === 'tells') {
    // the cue keeps its listener: "told reporters", "told a news conference", "told the club's website"
    let k = i + 1;
    while (k < toks.length && k - i <= 6) {
      const u = toks[k]!;
      if (
        !isWord(u) ||
        TOLD_STOP.has(u.lower) ||
        ADVERBS.has(u.lower) ||
        SPEECH.has(u.lower) ||
        /^\d/.test(u.text) ||
        (/ly$/.test(u.lower) && !LY_NOUNS.has(u.lower))
      )
        break;
      k++;
    }
    // a long listener ("the state news agency BelTA") is left out, a short one kept
    if (k > i + 1 && k - i - 1 <= 3) end = k - 1;
  } else if (
    (t.lower === 'called' || t.lower === 'calls') &&
    ['it', 'him', 'her', 'them', 'this', 'that'].includes(toks[i + 1]?.lower ?? '')
  ) {
    end = i + 1; // "called it “a budget of broken promises”"
  }
  const particles = PARTICLE_VERBS[t.lower];
  if (particles && toks[i + 1] && particles.includes(toks[i + 1]!.lower)) end = i + 1;
  return { cue: text.slice(t.start, toks[end]!.end), next: end + 1 };
}

/** The subject noun phrase ending just before index `end` (exclusive), back to a clause boundary. */
function subjectBefore(toks: Tok[], end: number): Tok[] {
  let e = end;
  while (e > 0 && ADVERBS.has(toks[e - 1]!.lower)) e--;
  if (e > 0 && toks[e - 1]!.text === ',') {
    // "Douglas Brinkley, a historian who attended the session, recalled": skip the appositive
    let c = e - 2;
    while (c >= 0 && e - c <= 16 && toks[c]!.text !== ',' && toks[c]!.text !== '.') c--;
    if (c >= 0 && toks[c]!.text === ',') e = c;
    else return [];
  }
  let s = e;
  while (s > 0) {
    const t = toks[s - 1]!;
    if (!isWord(t)) {
      // possessives and name punctuation stay inside ("Trump’s spokeswoman", "J.D. Vance")
      if (t.text === '’' || t.text === "'" || t.text === '-') {
        s--;
        continue;
      }
      break;
    }
    if (SPEECH.has(t.lower) && s !== e) break;
    if ((PREPOSITIONS.has(t.lower) || SUBORDINATORS.has(t.lower)) && !isCap(t)) break;
    s--;
    if (e - s >= 8) break;
  }
  return toks.slice(s, e);
}

/** The subject noun phrase starting at index `from`, up to a comma, period or quote mark. */
function subjectAfter(toks: Tok[], from: number): Tok[] {
  let e = from;
  while (e < toks.length && e - from < 8) {
    const t = toks[e]!;
    if (!isWord(t) && t.text !== '’' && t.text !== "'" && t.text !== '-' && t.text !== '/') break;
    if (SPEECH.has(t.lower) || (PREPOSITIONS.has(t.lower) && t.lower !== 'of')) break;
    e++;
  }
  return toks.slice(from, e);
}

/** "a statement signed by Jan Kowalski", "a letter from X": the agent behind a document subject. */
function agentOf(toks: Tok[], subject: Tok[], from: number): Tok[] {
  const e = from + subject.length;
  const by = toks[e]?.lower;
  if ((by === 'by' || by === 'from') && subject.length > 0 && subject.every((t) => !isCap(t) || !isWord(t))) {
    const agent = subjectAfter(toks, e + 1);
    if (agent.some(isCap)) return agent;
  }
  return subject;
}

/** Attribution in the text right after a quote: ", he said", " Lukashenko stated", ", said Caddell", ", according to X". */
function attributionAfter(text: string, from: number, to: number): Attribution | null {
  const toks = tokens(text, from, Math.min(to, from + 160));
  const dash = /^\s*[―—–-]\s*/.exec(text.slice(from, to));
  if (
    dash &&
    toks.length > 1 &&
    toks.length <= 8 &&
    toks.slice(1).every((t) => isWord(t) || t.text === '.' || t.text === ',')
  ) {
    // an epigraph signature: “…” ― Pamela Padilla
    return { cue: '', subject: toks.slice(1).filter(isWord), side: 'after' };
  }
  let i = 0;
  while (i < toks.length && /^[,.—–-]$/.test(toks[i]!.text)) i++;
  // cue first: ", said Caddell", ", according to officials"
  const direct = cueAt(toks, i, text);
  if (direct) {
    const subject = agentOf(toks, subjectAfter(toks, direct.next), direct.next);
    return { cue: direct.cue, subject, side: 'after' };
  }
  // subject first: ", he declared", " the Belarusian leader said", " Smith, a spokesman for X, said"
  let commas = 0;
  for (let k = i + 1; k < toks.length && k - i <= 14; k++) {
    const t = toks[k]!;
    if (t.text === ',') {
      if (++commas > 2) return null;
      continue;
    }
    if (t.text === '(') {
      // a party and state or an age in parentheses: "Rep. Gwen Moore (D-Wis.) said"
      const close = toks.findIndex((u, n) => n > k && u.text === ')');
      if (close < 0 || close - k > 8) return null;
      k = close;
      continue;
    }
    if (!isWord(t) && t.text !== '’' && t.text !== "'" && t.text !== '-') return null;
    const cue = cueAt(toks, k, text);
    if (cue) {
      let e = k;
      while (e > i && (toks[e - 1]!.text === ',' || ADVERBS.has(toks[e - 1]!.lower))) e--;
      if (e === i) return null;
      if (commas === 0 && k - i > 9) return null;
      if (SUBORDINATORS.has(toks[i]!.lower) && toks[i]!.text !== toks[i]!.text.toUpperCase()) return null; // “…” when he said …: a clause, not an attribution
      return { cue: cue.cue, subject: toks.slice(i, e), side: 'after' };
    }
    if (commas === 0 && k - i > 9) return null;
  }
  return null;
}

/** The subject of the sentence a participle ("saying", "adding") hangs from: its first noun phrase. */
function clauseSubject(toks: Tok[], k: number): Tok[] {
  let s = 0;
  while (s < k && !isWord(toks[s])) s++;
  // "During a speech in Ohio, Trump attacked …": past an opening adverbial to the subject
  if (s < k && (INTRODUCERS.has(toks[s]!.lower) || PREPOSITIONS.has(toks[s]!.lower))) {
    let c = s + 1;
    while (c < k && c - s <= 14 && toks[c]!.text !== ',' && toks[c]!.text !== '.') c++;
    if (c < k - 1 && toks[c]!.text === ',') s = c + 1;
  }
  let e = s;
  while (e < k && (isWord(toks[e]) || toks[e]!.text === '’' || toks[e]!.text === "'") && e - s < 6) {
    const t = toks[e]!;
    if (
      e > s &&
      !isCap(t) &&
      !DETERMINERS.has(t.lower) &&
      !ROLE.has(t.lower) &&
      !TITLE.has(t.lower) &&
      !DEMONYM.has(t.lower)
    )
      break;
    e++;
  }
  return toks.slice(s, e);
}

/** Attribution in the sentence before a quote: "He said:", "Lukashenko told reporters that", "According to X,". */
function attributionBefore(text: string, from: number, to: number): Attribution | null {
  const toks = tokens(text, from, to);
  if (toks.length === 0) return null;
  // "According to X, “…”"
  const acc = toks.findIndex((t, n) => t.lower === 'according' && toks[n + 1]?.lower === 'to');
  if (acc >= 0 && toks.length - acc <= 16 && toks[toks.length - 1]!.text === ',') {
    return {
      cue: text.slice(toks[acc]!.start, toks[acc + 1]!.end),
      subject: agentOf(toks, subjectAfter(toks, acc + 2), acc + 2),
      side: 'before',
    };
  }
  // the last speech verb before the quote in the same sentence
  for (let k = toks.length - 1; k >= 0 && toks.length - k <= 30; k--) {
    const cue = cueAt(toks, k, text);
    if (!cue) continue;
    if (cue.cue.startsWith('according')) continue;
    const tail = toks.slice(cue.next);
    if (WEAK_CUES.has(toks[k]!.lower) && tail.length > 3) continue;
    if (tail.length > 10 && tail.some((t) => SUBORDINATORS.has(t.lower) && t.lower !== 'that')) continue;
    // the words between cue and quote must be connective: "that", ":", ",", an object or a short adjunct
    if (tail.some((t) => t.text === '.' || t.text === '?' || t.text === '!')) return null;
    // "anybody who complains about a microphone": a verb in a relative clause attributes nothing
    if (k > 0 && ['who', 'which', 'whoever', 'anybody', 'anyone', 'everyone'].includes(toks[k - 1]!.lower))
      continue;
    let subject = subjectBefore(toks, k);
    const elided = k > 0 && ['and', 'but', 'then'].includes(toks[k - 1]!.lower); // "… and said “…”"
    if (toks[k]!.lower.endsWith('ing') && toks[k - 1]?.text === ',') {
      // "Tusk said on X, adding in English: “…”": the participle shares the main verb's subject
      subject = [];
      for (let j = k - 2; j >= 0; j--) {
        if (cueAt(toks, j, text) && !toks[j]!.lower.endsWith('ing')) {
          subject = subjectBefore(toks, j);
          break;
        }
      }
      if (subject.length === 0) subject = clauseSubject(toks, k);
    } else if ((subject.length === 0 && toks[k]!.lower.endsWith('ing')) || elided)
      subject = clauseSubject(toks, k); // "…, saying: “…”"
    if (
      subject.length === 0 ||
      (subject.length <= 3 &&
        subject.every((t) => !isCap(t) && !PRONOUNS.has(t.lower.replace(/['’](?:s|d|ll|re|ve)$/, ''))))
    ) {
      // "Sanders said, going on to say that …": the subject of an earlier verb of speech
      for (let j = k - 1; j >= 0; j--) {
        if (!cueAt(toks, j, text)) continue;
        const earlier = subjectBefore(toks, j);
        if (earlier.length > 0) {
          subject = earlier;
          break;
        }
      }
    }
    if (subject.length === 0 && tail.length > 0) subject = subjectAfter(toks, cue.next); // "Said Trump: “…”"
    // "Trump unleashed a series of tweets early Friday saying …": the clause's subject says it
    const fallback = toks[k]!.lower.endsWith('ing') ? clauseSubject(toks, k) : undefined;
    return { cue: cue.cue, subject, side: 'before', fallback };
  }
  // a partial quote inside a paraphrase: “Trump attacked “the hateful ideology of radical Islam””
  for (let k = toks.length - 1; k > 0 && toks.length - k <= 15; k--) {
    if (!STANCE_VERBS.has(toks[k]!.lower)) continue;
    const subject = subjectBefore(toks, k);
    if (subject.length > 0) return { cue: toks[k]!.text, subject, side: 'before' };
  }
  // "Lukashenko: “…”" (headlines and interviews)
  const last = toks[toks.length - 1]!;
  if (
    last.text === ':' &&
    toks.length >= 2 &&
    toks.length <= 6 &&
    isWord(toks[toks.length - 2]) &&
    isCap(toks[toks.length - 2]!)
  ) {
    return { cue: '', subject: toks.slice(0, -1).filter(isWord), side: 'before' };
  }
  return null;
}

/** The lower-case word that ends before `pos` (skipping spaces and punctuation), or ''. */
function wordBeforeOffset(text: string, pos: number): string {
  let e = pos;
  const floor = Math.max(0, pos - 40);
  while (e > floor && !isLetter(text.charCodeAt(e - 1))) e--;
  let s = e;
  while (s > floor && isLetter(text.charCodeAt(s - 1))) s--;
  return text.slice(s, e).toLowerCase();
}

function isLetter(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c > 127 && String.fromCharCode(c).toLowerCase() !== String.fromCharCode(c).toUpperCase())
  );
}

const SUBJECT_LEAD =
  /(?:^|[.!?:;]\s+|["“”«»]\s*)(?:(?:the|a|an|former|then|late|opposition|acting|interim|deputy|\p{Lu}[\p{L}.'’-]*|[\p{Ll}-]+(?:man|woman|er|or|ist|ent|ant|ian))\s+){0,5}$/u;
/** "His sister, Kim Yo Jong, rejected …": a name in apposition to the sentence's opening phrase. */
const APPOSITION_LEAD = /(?:^|[.!?]\s+)(?:[\p{L}’'-]+\s+){0,3}[\p{L}’'-]+,\s*$/u;
const SPEECH_AFTER =
  /^(?:['’]s?\s)?,?\s*(?:\d+,\s*)?(?:(?:also|then|later|has|had|was|is|once|again|previously|recently|firmly)\s+)?([\p{Ll}]+)/u;

/** A mention in subject position: opening its sentence (after titles) or saying something. */
function isSubject(text: string, start: number, end: number): boolean {
  const after = SPEECH_AFTER.exec(text.slice(end, end + 40));
  if (after && SPEECH.has(after[1]!)) return true;
  const before = text.slice(Math.max(0, start - 80), start);
  if (SPEECH.has(wordBeforeOffset(text, start))) return true; // "said Smith"
  return SUBJECT_LEAD.test(before) || APPOSITION_LEAD.test(before);
}

const FEMALE_ROLES = new Set(FEMALE_ROLE_WORDS);
const MALE_ROLES = new Set(MALE_ROLE_WORDS);

interface PersonIndex {
  /** Mentions outside quotes, by position, with the person they belong to. */
  mentions: { start: number; end: number; person: PersonFact; object: boolean; subject: boolean }[];
  /** All mentions including those inside quotes. */
  all: { start: number; end: number; person: PersonFact }[];
  descriptors: Map<PersonFact, Set<string>>;
  main: PersonFact | null;
  /** How many distinct people have mentions outside quotes. */
  people: number;
  /** Gender shown by a role word next to a mention ("his sister", "Mrs."), when the given name does not show it. */
  gender: Map<PersonFact, 'm' | 'f'>;
}

function indexPeople(
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
    const before = window.slice(window.search(/[^\n!?;:“”"«»]*$/u));
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
  return { mentions, all, descriptors, main, gender, people: people_ };
}

/** Resolves an attribution subject to a person's canonical name, or null. */
function resolve(subject: Tok[], at: number, idx: PersonIndex, lastSpeaker: string | null): string | null {
  if (subject.length === 0) return null;
  const from = subject[0]!.start;
  const to = subject[subject.length - 1]!.end;
  // a named person inside the subject; the one nearest the verb wins ("Trump spokeswoman Hope Hicks")
  const named: PersonIndex['all'] = [];
  for (let n = lowerBound(idx.all, from, (m) => m.start); n < idx.all.length && idx.all[n]!.start < to; n++)
    if (idx.all[n]!.end <= to) named.push(idx.all[n]!);
  if (named.length > 0) {
    const tail = to - from > 0 && subject.length > 1 && subject.some((t) => t.text === ',');
    return (tail ? named[0]! : named[named.length - 1]!).person.name;
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
    if (!set || !set.has(head)) continue;
    const score = 2 + mods.filter((w) => set.has(w)).length + (m.start < at ? 1 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = m.person;
    }
  }
  if (best) return best.name;
  if (det && LEADER_WORDS.has(head) && idx.main) return idx.main.name;
  if (det && !UNNAMED_SOURCES.has(head)) {
    // "the two-time Olympic champion said" right after the champion was named
    const recent = recentSubject(at, idx);
    // but the moderator who asks is not the candidate who answered
    if (recent && recent.near && !(ASKERS.has(head) && recent.person.name === lastSpeaker))
      return recent.person.name;
  }
  return null;
}

/** The last person named in subject position before `at`, and whether that was close by. */
function recentSubject(at: number, idx: PersonIndex): { person: PersonFact; near: boolean } | null {
  for (let n = lowerBound(idx.mentions, at, (m) => m.start) - 1; n >= 0; n--) {
    const m = idx.mentions[n]!;
    if (m.object) continue;
    return { person: m.person, near: at - m.end < 400 };
  }
  return null;
}

/** The most recent person in subject position before `at`, outside quotes, of a compatible gender. */
function pronoun(at: number, idx: PersonIndex, lastSpeaker: string | null, gender: 'm' | 'f'): string | null {
  let nonObject: string | null = null;
  let any: string | null = null;
  let seen = 0;
  for (let n = lowerBound(idx.mentions, at, (m) => m.start) - 1; n >= 0; n--) {
    const m = idx.mentions[n]!;
    const given = m.person.name.split(' ')[0]!.toLowerCase();
    const known =
      idx.gender.get(m.person) ?? (FEMALE_GIVEN.has(given) ? 'f' : MALE_GIVEN.has(given) ? 'm' : null);
    if (known !== null && known !== gender) continue;
    if (m.subject) return m.person.name;
    if (!m.object) nonObject ??= m.person.name;
    any ??= m.person.name;
    // far back, salience fades: settle for the nearest plausible referent
    if (++seen >= 4 && (nonObject ?? any) !== null) break;
  }
  return nonObject ?? any ?? lastSpeaker;
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

const ABBREVIATION =
  /(?:(?:^|[\s(.])\p{Lu}|(?:^|[\s(])(?:mr|mrs|ms|dr|sen|rep|reps|del|gov|gen|lt|col|maj|capt|cmdr|adm|sgt|supt|insp|det|atty|amb|pres|sec|dep|fr|mt|ft|st|jr|sr|prof|rev|hon|esq|no|vol|vs|etc|inc|corp|co|ltd|jan|feb|aug|sept?|oct|nov|dec|u\.s|u\.k|d-[\p{L}.]+|r-[\p{L}.]+))$/iu;

/** A period that ends an abbreviation or an initial rather than a sentence. */
function isAbbreviation(text: string, i: number): boolean {
  return ABBREVIATION.test(text.slice(Math.max(0, i - 12), i));
}

/** Sentence boundary before `pos` inside the paragraph (or the paragraph start). */
function sentenceStart(text: string, para: Span, pos: number): number {
  for (let i = pos - 1; i > para.start; i--) {
    const c = text.charAt(i);
    if (
      (c === '.' || c === '!' || c === '?') &&
      /\s/.test(text.charAt(i + 1)) &&
      !(c === '.' && isAbbreviation(text, i))
    )
      return i + 1;
  }
  return para.start;
}

/** Sentence end after `pos` (or the next opening mark, or the paragraph end). */
function sentenceEnd(text: string, para: Span, pos: number): number {
  for (let i = pos; i < para.end; i++) {
    const c = text.charAt(i);
    if ((c === '.' || c === '!' || c === '?') && !(c === '.' && isAbbreviation(text, i))) return i + 1;
    if (OPENERS.has(c) && i > pos) return i;
  }
  return para.end;
}

export function findQuotes(doc: ParsedDocument, people: PersonFact[]): QuoteFact[] {
  const text = doc.text;
  const spans: Span[] = [];
  if (doc.title.text !== '') spans.push(doc.title);
  spans.push(...doc.paragraphs);

  const groups: Group[] = [];
  let open: Group | null = null;
  let carry: Part | null = null;
  spans.forEach((p, n) => {
    open = scanParagraph(p, n, carry, groups, open);
    carry = open ? open.parts[open.parts.length - 1]! : null;
  });

  // groups are disjoint and in text order, so both lookups below are binary searches
  const ranges = groups.map((g) => [g.parts[0]!.start, g.parts[g.parts.length - 1]!.end] as const);
  const inQuote = (pos: number): boolean => {
    const n = upperBound(ranges, pos, (r) => r[0]) - 1;
    return n >= 0 && pos < ranges[n]![1];
  };
  const groupEnds = groups.map((g) => g.parts[g.parts.length - 1]!.after);
  const idx = indexPeople(doc, people, inQuote);

  // Split quotes: “We will win,” she said, “and fairly.” is one utterance. A quote that goes on in
  // a new sentence after its attribution (“A,” she said. “B.”) is a second quote by the same
  // speaker: it inherits the attribution unless it carries one of its own.
  interface Merged {
    parts: Part[];
    attribution: Attribution | null;
    /** The attribution of the previous quote, which covers this one ("“A,” she said. “B.”"). */
    inherited: { attribution: Attribution; at: number } | null;
  }
  const merged: Merged[] = [];
  let inherit: { attribution: Attribution; at: number } | null = null;
  for (let g = 0; g < groups.length; g++) {
    const parts = [...groups[g]!.parts];
    let attribution: Attribution | null = null;
    const inherited = inherit;
    inherit = null;
    while (g + 1 < groups.length) {
      const last = parts[parts.length - 1]!;
      const next = groups[g + 1]!.parts[0]!;
      if (next.para !== last.para || !last.closed) break;
      const between = text.slice(last.after, next.open);
      // “A,” Mr. Obama said on Saturday night at a gala in Washington, where X also spoke. “B.”
      if (between.length > 80 && !(between.length <= 240 && oneSentence(text, last.after, next.open))) break;
      const lastText = text.slice(last.start, last.end).trimEnd();
      const midSentence = between.length <= 80 && /,\s*$|:\s*$|[—–]\s*$/.test(between);
      const nextSentence = /\.\s*$/.test(between) && /[,!?]$/.test(lastText) && next.closed;
      if (!midSentence && !nextSentence) break;
      const continues = /[,—–…-]$/.test(lastText) || /^\p{Ll}/u.test(text.charAt(next.start)) || nextSentence;
      if (!continues) break;
      const a = attributionAfter(text, last.after, next.open);
      if (!a || a.subject.length === 0) break;
      if (nextSentence && !midSentence) {
        const nextGroup = groups[g + 1]!;
        const nextLast = nextGroup.parts[nextGroup.parts.length - 1]!;
        const own = attributionAfter(
          text,
          nextLast.after,
          sentenceEnd(text, spans[nextLast.para]!, nextLast.after),
        );
        if (!(own && /[,!?]$/.test(text.slice(nextLast.start, nextLast.end).trimEnd())))
          inherit = { attribution: a, at: parts[0]!.start };
        break;
      }
      attribution = a;
      parts.push(...groups[g + 1]!.parts);
      g++;
    }
    merged.push({ parts, attribution, inherited });
  }

  const out: QuoteFact[] = [];
  let lastSpeaker: string | null = null;
  let lastPara = -10;
  for (const q of merged) {
    const first = q.parts[0]!;
    const last = q.parts[q.parts.length - 1]!;
    const quoteText =
      q.parts.length === 1
        ? text.slice(first.start, first.end)
        : q.parts
            .map((p) => text.slice(p.start, p.end).trim())
            .filter(Boolean)
            .join(' ');
    const firstPara = spans[first.para]!;
    const lastParaSpan = spans[last.para]!;
    let attribution = q.attribution;
    // “WALLACE: Let’s start …”: a transcript turn's label names its speaker, whatever follows
    let labelled: Attribution | null = null;
    const label = TURN_LABEL.exec(text.slice(first.start, Math.min(first.end, first.start + 60)));
    if (label) {
      const colon = first.start + label[0].lastIndexOf(':');
      const subject = tokens(text, first.start, colon).filter(isWord);
      if (resolve(subject, first.start, idx, null) !== null) labelled = { cue: '', subject, side: 'before' };
    }
    if (!attribution && last.closed && !labelled) {
      // after a full stop inside the marks, a capitalised word starts the next sentence, not an attribution
      const ended =
        /[.]\s*$/.test(text.slice(last.start, last.end)) &&
        /^\s*\p{Lu}/u.test(text.slice(last.after, last.after + 3));
      const signature = /^\s*[―—–]/.test(text.slice(last.after, last.after + 3));
      if (!ended || signature)
        attribution = attributionAfter(text, last.after, sentenceEnd(text, lastParaSpan, last.after));
    }
    let before = false;
    let resolveAt = first.start;
    if (labelled) {
      attribution = labelled;
      before = true;
    }
    if (!attribution && q.inherited) {
      attribution = q.inherited.attribution;
      resolveAt = q.inherited.at;
    }
    if (!attribution) {
      let from = sentenceStart(text, firstPara, first.open);
      const prior = upperBound(groupEnds, first.open, (x) => x) - 1;
      if (prior >= 0 && groupEnds[prior]! > from) from = groupEnds[prior]!;
      attribution = attributionBefore(text, from, first.open);
      before = attribution !== null;
    }
    if (!attribution && first.open > firstPara.start) {
      // "…, Schiff said. “What makes this new …”": a report ending in its attribution introduces the quote
      const from = sentenceStart(text, firstPara, first.open);
      if (text.slice(from, first.open).trim() === '' && from > firstPara.start) {
        const prevStart = sentenceStart(text, firstPara, from - 1);
        const toks = tokens(text, prevStart, from);
        const n = toks.length - (toks[toks.length - 1]?.text === '.' ? 1 : 0);
        for (let k = n - 1; k >= Math.max(0, n - 3); k--) {
          const cue = cueAt(toks, k, text);
          if (!cue || cue.cue.startsWith('according')) continue;
          const subject = cue.next >= n ? subjectBefore(toks, k) : subjectAfter(toks, cue.next);
          if (subject.length > 0) attribution = { cue: cue.cue, subject, side: 'before' };
          break;
        }
      }
    }
    if (!attribution && first.open === firstPara.start && first.para > 0) {
      // "Caddell continued:" closing the previous paragraph
      const prev = spans[first.para - 1]!;
      if (/:\s*$/.test(prev.text)) {
        attribution = attributionBefore(text, sentenceStart(text, prev, prev.end - 1), prev.end);
        before = attribution !== null;
      }
    }
    const words = wordCount(quoteText);
    if (first.single && !attribution) continue;
    // a mark that never closes is a stray (an inch sign, a typo) unless someone is quoted
    if (!last.closed && !attribution && q.parts.length === 1) continue;
    if (words <= 3) {
      // scare quotes; a short utterance survives only with its own ", she said" after it
      if (!(attribution && !before && /[,.!?]\s*$/.test(quoteText) && attribution.subject.length > 0))
        continue;
    }
    if (
      isTitleLike(quoteText) &&
      (!attribution ||
        /\b(?:on|told|to|in|of|at|with|from|by|for|called|titled|dubbed)\s*$/i.test(
          text.slice(Math.max(0, first.open - 12), first.open),
        ))
    ) {
      continue; // a programme, book or slogan: told “Fox News Sunday,” Pence said
    }
    let speaker: string | null = null;
    let cue: string | null = null;
    if (attribution) {
      speaker = resolve(attribution.subject, resolveAt, idx, lastSpeaker);
      if (speaker === null && attribution.fallback && attribution.fallback.some(isCap))
        speaker = resolve(attribution.fallback, resolveAt, idx, lastSpeaker);
      cue = attribution.cue === '' ? null : attribution.cue;
    } else if (
      lastSpeaker !== null &&
      ((first.para - lastPara <= 1 && standsAlone(text, spans[first.para]!, first, last)) ||
        (first.para === lastPara && opensSentence(text, firstPara, first)))
    ) {
      // a further quote right after an attributed one continues the same voice
      speaker = lastSpeaker;
    } else {
      const prev = out[out.length - 1];
      const sentence = sentenceStart(text, firstPara, first.open);
      if (prev && prev.end > sentence && prev.end < first.start && prev.speaker !== null) {
        // a second fragment in the same sentence: “go to your place and vote” and then “go pick …”
        speaker = prev.speaker;
        cue = prev.cue;
      } else if (!standsAlone(text, firstPara, first, last)) {
        // a fragment inside a sentence whose subject is a person: He’s claiming fraud is “a big problem”
        const toks = tokens(text, sentence, first.open);
        const subject = clauseSubject(toks, toks.length);
        const named: string | null =
          subject.length > 0 && toks.length > subject.length
            ? resolve(subject, first.start, idx, lastSpeaker)
            : null;
        if (named !== null && subject.some((t) => isCap(t) || PRONOUNS.has(t.lower))) speaker = named;
      }
    }
    out.push({ text: quoteText, speaker, cue, start: first.start, end: last.end });
    if (attribution || speaker) {
      lastSpeaker = speaker;
      lastPara = last.para;
    }
  }
  return out;
}

/** Whether text[from, to) holds one sentence: no sentence end before its last character. */
function oneSentence(text: string, from: number, to: number): boolean {
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

/** A quote that opens its sentence: “You went on television to blame thousands of” workers. */
function opensSentence(text: string, para: Span, first: Part): boolean {
  return text.slice(sentenceStart(text, para, first.open), first.open).trim() === '';
}

/** A quote that is a sentence of its own, not a phrase inside someone else's sentence. */
function standsAlone(text: string, para: Span, first: Part, last: Part): boolean {
  const before = text.slice(sentenceStart(text, para, first.open), first.open).trim();
  const after = text.slice(last.after, Math.min(para.end, last.after + 2)).trim();
  return before === '' && (after === '' || /^[\s.,;!?)]/.test(after) || /^[“"«„]/.test(after));
}

/** Names of works and slogans ("Make America Great Again") rather than speech. */
function isTitleLike(s: string): boolean {
  const words = s.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  if (words.length === 0) return true;
  const capped = words.filter((w) => w.charAt(0) !== w.charAt(0).toLowerCase()).length;
  return words.length <= 8 && capped / words.length >= 0.7 && !/[!?]$/.test(s.trim());
}
