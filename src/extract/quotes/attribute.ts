/**
 * Stage 3, attribute: reads the attribution (cue and subject tokens) around one quote.
 *
 * Contract: `attributionAfter(text, from, to)` reads the window right after a quote (", he
 * said", ", said X", ", according to X"); `attributionBefore(text, from, to)` the clause before
 * it ("X said:", "X told reporters that", "According to X,"). Each returns the cue as written
 * and the subject's tokens, or null; subjects are not resolved to people here.
 */
import * as W from '../data/quote-words.ts';
import {
  ADVERBS,
  DEMONYM,
  DETERMINERS,
  INTRODUCERS,
  LY_NOUNS,
  PARTICLE_VERBS,
  PREPOSITIONS,
  PRONOUNS,
  ROLE,
  SPEECH,
  STANCE_VERBS,
  SUBORDINATORS,
  TITLE,
  TOLD_STOP,
  type Tok,
  WEAK_CUES,
  isCap,
  isWord,
  tokens,
} from './words.ts';

export interface Attribution {
  cue: string;
  /** Subject tokens, or empty when none could be found. */
  subject: Tok[];
  /** Where the subject stands relative to the quote: before it, after it, or between split parts. */
  side: 'before' | 'after';
  /** A second subject to try when `subject` names nobody (a participle's clause subject). */
  fallback?: Tok[] | undefined;
}

/** Reads the cue starting at tokens[i] (a speech verb), extended by "reporters", "out", "to". */
export function cueAt(toks: Tok[], i: number, text: string): { cue: string; next: number } | null {
  const t = toks[i];
  if (t === undefined || !isWord(t)) return null;
  if (t.lower === 'according' && toks[i + 1]?.lower === 'to')
    return { cue: text.slice(t.start, toks[i + 1]!.end), next: i + 2 };
  if (
    !SPEECH.has(t.lower) &&
    !(PARTICLE_ONLY.has(t.lower) && PARTICLE_VERBS[t.lower]?.includes(toks[i + 1]?.lower ?? ''))
  )
    return null;
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
  // "told the BBC." at a sentence end: the full stop the tokenizer left on an acronym is not the cue's
  const after = toks[end + 1];
  const stop = end > i && /^\p{Lu}\p{L}+\.$/u.test(toks[end]!.text) && (after === undefined || isCap(after));
  return { cue: text.slice(t.start, toks[end]!.end - (stop ? 1 : 0)), next: end + 1 };
}

/** The subject noun phrase ending just before index `end` (exclusive), back to a clause boundary. */
export function subjectBefore(toks: Tok[], end: number): Tok[] {
  let e = end;
  while (e > 0 && ADVERBS.has(toks[e - 1]!.lower)) e--;
  if (e > 0 && toks[e - 1]!.text === ',') {
    // "Douglas Brinkley, a historian who attended the session, recalled": skip the appositive;
    // one that opens with a determiner or "who" may be long ("Rich Heffley, a top GOP operative
    // who played a major role in …, said") and hold commas of its own
    let c = e - 2;
    let found = -1;
    while (c >= 0 && e - c <= 45 && toks[c]!.text !== '.') {
      if (toks[c]!.text === ',') {
        const opener = toks[c + 1]?.lower ?? '';
        if (e - c <= 16 || APPOSITION_OPENERS.has(opener)) found = c;
        if (e - c <= 16 || c === 0 || toks[c - 1]!.text === '.') break;
        // the appositive ends at the comma after a name: stop at the first one that follows a capital
        if (found >= 0 && isCap(toks[c - 1]!)) break;
      }
      c--;
    }
    if (found < 0) return [];
    e = found;
  }
  if (e > 0 && toks[e - 1]!.text === ')') {
    // "Lisa M. Madigan (D) asserted", "Rep. Gwen Moore (D-Wis.) said": the party and state
    let c = e - 2;
    while (c >= 0 && e - c <= 8 && toks[c]!.text !== '(') c--;
    if (c > 0 && toks[c]!.text === '(') e = c;
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
export function subjectAfter(toks: Tok[], from: number): Tok[] {
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
export function agentOf(toks: Tok[], subject: Tok[], from: number): Tok[] {
  const e = from + subject.length;
  const by = toks[e]?.lower;
  if ((by === 'by' || by === 'from') && subject.length > 0 && subject.every((t) => !isCap(t) || !isWord(t))) {
    const agent = subjectAfter(toks, e + 1);
    if (agent.some(isCap)) return agent;
  }
  return subject;
}

/** "says Moore's sister, Anna": the name in apposition after a possessive and a kin or role word. */
function appositive(toks: Tok[], subject: Tok[], from: number): Tok[] {
  const end = from + subject.length;
  const head = subject[subject.length - 1];
  if (head === undefined || !APPOSITIVE.has(head.lower) || toks[end]?.text !== ',') return subject;
  if (!subject.some((t) => /['’]s?$/.test(t.text) || t.text === '’' || t.text === "'")) return subject;
  const name: Tok[] = [];
  for (let k = end + 1; k < toks.length && name.length < 4 && isWord(toks[k]) && isCap(toks[k]!); k++)
    name.push(toks[k]!);
  return name.length > 0 ? name : subject;
}

const APPOSITIVE = new Set(W.APPOSITIVE_HEADS);
/** Words before a cue word that make it a noun: "his comments", "the claims". */
const NOUN_LEADS = new Set([
  'the',
  'a',
  'an',
  'his',
  'her',
  'their',
  'its',
  'our',
  'my',
  'your',
  'these',
  'those',
  'this',
  'that',
]);
const SPEECH_NOUN = new Set(W.SPEECH_NOUNS);
/** A capitalised name, its possessive, a noun, and "was"/"is" or a colon, ending right before a quote. */
const POSSESSIVE_SPEECH =
  /(\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,3})(?:['’]s|['’])\s+(?:\p{Ll}+\s+)??(\p{Ll}+)\s*(?:(?:was|is|:)\s*)+$/u;

/** Words that open a long appositive after a name: "Smith, a former aide who …, said". */
const APPOSITION_OPENERS = new Set(['a', 'an', 'the', 'who', 'whose', 'another', 'one']);
/** Words after which a cue opens an inverted clause: "But, said Solovey", "and said Smith". */
const INVERSION_LEADS = new Set(['but', 'and', 'so', 'then', 'yet', 'as']);
const PARTICLE_ONLY = new Set(W.PARTICLE_ONLY_CUES);

/** The capitalised words (and initials) from toks[from] on: a name's tokens. */
function capitalRun(toks: Tok[], from: number): Tok[] {
  const run: Tok[] = [];
  for (let k = from; k < toks.length && run.length < 6 && isWord(toks[k]) && isCap(toks[k]!); k++)
    run.push(toks[k]!);
  return run;
}

/** Lower-case words that open a new clause inside what would otherwise be read as a subject. */
const CLAUSE_JOINS = new Set(['and', 'but', 'while', 'whereas', 'as', 'when', 'after', 'before', 'because']);

/** Attribution in the text right after a quote: ", he said", " Lukashenko stated", ", said Caddell", ", according to X". */
export function attributionAfter(text: string, from: number, to: number): Attribution | null {
  const toks = tokens(text, from, Math.min(to, from + 160));
  const dash = /^\s*[―—–-]\s*/.exec(text.slice(from, to));
  if (dash && toks.length > 1) {
    // a signature after the quote: “…” - Sanders. / “…” -President Obama, tweeting after …
    const run = capitalRun(toks, 1);
    const next = toks[1 + run.length]?.text;
    if (run.length > 0 && run.length <= 5 && (next === undefined || next === '.' || next === ','))
      return { cue: '', subject: run, side: 'after' };
  }
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
  // “…,” adding that …: a participle after the quote shares the subject of the clause before it
  if (direct && toks[i]!.lower.endsWith('ing') && toks[i]!.lower !== 'according') return null;
  if (direct) {
    const subject = appositive(
      toks,
      agentOf(toks, subjectAfter(toks, direct.next), direct.next),
      direct.next,
    );
    return { cue: direct.cue, subject, side: 'after' };
  }
  // subject first: ", he declared", " the Belarusian leader said", " Smith, a spokesman for X, said"
  let commas = 0;
  // an appositive between commas may be long: ", Sadiq Khan, the Mayor of London since 2016 and a
  // former Labour MP for Tooting, told the BBC"
  for (let k = i + 1; k < toks.length && k - i <= (commas > 0 ? 32 : 14); k++) {
    const t = toks[k]!;
    if (t.text === ',') {
      if (++commas > 2) return null;
      continue;
    }
    if (t.text === '.' && commas === 1 && toks[k + 1]?.text === ',') continue; // ", D-N.Y., said"
    if (commas === 1 && /^\d/.test(t.text)) continue; // ", 34,", ", mayor since 2016,"
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
      // “…,” for instance, and Trump vowed …: a new clause after a conjunction is someone else's
      // (inside an appositive between commas, "and" joins the person's roles)
      const span = toks.slice(i, e);
      const c1 = span.findIndex((u) => u.text === ',');
      const c2 = span.map((u) => u.text).lastIndexOf(',');
      const closed = toks[e]?.text === ','; // the appositive's closing comma stands right before the cue
      const outside =
        c1 < 0
          ? span
          : c2 > c1
            ? [...span.slice(0, c1), ...span.slice(c2)]
            : closed
              ? span.slice(0, c1)
              : span;
      if (outside.some((u) => CLAUSE_JOINS.has(u.text))) return null;
      return { cue: cue.cue, subject: toks.slice(i, e), side: 'after' };
    }
    if (commas === 0 && k - i > 9) return null;
  }
  return null;
}

/** The subject of the sentence a participle ("saying", "adding") hangs from: its first noun phrase. */
export function clauseSubject(toks: Tok[], k: number): Tok[] {
  let s = 0;
  while (s < k && !isWord(toks[s])) s++;
  // "During a speech in Ohio, Trump attacked …", "On Thursday, after remaining neutral, Warren
  // endorsed …": past up to three opening adverbials to the subject
  for (
    let n = 0;
    n < 3 && s < k && (INTRODUCERS.has(toks[s]!.lower) || PREPOSITIONS.has(toks[s]!.lower));
    n++
  ) {
    let c = s + 1;
    while (c < k && c - s <= 14 && toks[c]!.text !== ',' && toks[c]!.text !== '.') c++;
    if (!(c < k - 1 && toks[c]!.text === ',')) break;
    s = c + 1;
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
export function attributionBefore(text: string, from: number, to: number): Attribution | null {
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
    let lead = k - 1;
    while (lead > 0 && ADVERBS.has(toks[lead]!.lower)) lead--;
    const elided = lead >= 0 && ['and', 'but', 'then'].includes(toks[lead]!.lower); // "… but now said “…”"
    if (toks[k]!.lower.endsWith('ing') && toks[k - 1]?.text === ',') {
      // "Tusk said on X, adding in English: “…”": the participle shares the main verb's subject
      subject = [];
      for (let j = k - 2; j >= 0; j--) {
        // (a cue word after a possessive or determiner is a noun: "Sanders’ comments", "his claims")
        const noun = j > 0 && (NOUN_LEADS.has(toks[j - 1]!.lower) || /['’]s?$/.test(toks[j - 1]!.text));
        if (cueAt(toks, j, text) && !toks[j]!.lower.endsWith('ing') && !noun) {
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
    // "Michael Seaman, who lives outside the state capital, Sacramento, said": a subject read
    // inside a long appositive (no name in it, or the object of a preposition there: "who
    // worked for Sen. Lamar Alexander (R-Tenn.), one of …, called it") gives way to the name
    // the sentence opens with
    if (subject.length > 0 && k > subject.length) {
      const at = toks.indexOf(subject[0]!);
      const object = at > 0 && PREPOSITIONS.has(toks[at - 1]!.lower);
      const unnamed = subject.every((t) => !isCap(t) && !PRONOUNS.has(t.lower));
      const opening = object || unnamed ? clauseSubject(toks, k) : [];
      if (opening.some(isCap) && toks[toks.indexOf(opening[0]!) + opening.length]?.text === ',')
        subject = opening;
    }
    // "Said Trump: “…”", "But, said Solovey, “…”": an inverted clause, the cue first in its
    // clause; after a participle or other words ("…, adding that it's why Trump “…”") the name
    // after the cue is inside the reported clause, not its speaker
    const inverted = k === 0 || !isWord(toks[k - 1]) || INVERSION_LEADS.has(toks[k - 1]!.lower);
    if (subject.length === 0 && tail.length > 0 && inverted && !toks[k]!.lower.endsWith('ing'))
      subject = subjectAfter(toks, cue.next);
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
  // "Clinton’s response was: “…”", "Trump's reply:": a possessive name and a noun of speech
  const noun = POSSESSIVE_SPEECH.exec(text.slice(Math.max(from, to - 120), to));
  if (noun && SPEECH_NOUN.has(noun[2]!.toLowerCase())) {
    const start = to - noun[0].length;
    const subject = tokens(text, start, start + noun[1]!.length).filter(isWord);
    if (subject.length > 0 && subject.every(isCap)) return { cue: '', subject, side: 'before' };
  }
  // "Lukashenko: “…”" (headlines and interviews)
  const last = toks[toks.length - 1]!;
  if (last.text === ':' && toks.length >= 3) {
    // "RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones: “…”", "More from Jones: “…”"
    let s = toks.length - 2;
    while (
      s > 0 &&
      toks.length - 1 - s < 6 &&
      isWord(toks[s - 1]) &&
      (isCap(toks[s - 1]!) || toks[s - 1]!.lower === 'and')
    )
      s--;
    while (s < toks.length - 1 && !isCap(toks[s]!)) s++;
    const lead = toks[s - 1]?.lower;
    const run = toks.slice(s, -1);
    if (
      run.length > 0 &&
      (lead === '-' || lead === '—' || lead === '–' || lead === 'from') &&
      run.some((t) => t.text !== t.text.toUpperCase())
    )
      return { cue: '', subject: run, side: 'before' };
  }
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
