/**
 * Stage 4b, rank: a learned choice of the speaker among the people around a quote.
 *
 * Contract: `speakerCandidates(ctx)` lists the people with a mention outside quotes near the
 * quote (the quote's paragraph and the one before it), each with sparse binary features that
 * describe where that mention stands (same sentence, next to a verb of speech, after a
 * preposition, the previous quote's speaker, the rules' choice …), plus a NONE candidate;
 * `chooseSpeaker(candidates, weights)` returns the best-scoring one. The weights are an averaged
 * perceptron trained on PolNeAR train by eval/train-speaker.ts and committed as
 * data/speaker-weights.ts: deterministic, nothing learned or downloaded at run time.
 *
 * Why: the rules read the formulaic attributions well but give up (null) or take the nearest name
 * on the long tail (a subject with a long title or a relative clause before its verb, a verb of
 * speech in the previous sentence, an embedded subject next to the quote); a linear model over
 * the same clues weighs them against each other, and keeps the rules' choice as one clue.
 */
import { lowerBound } from '../sorted.ts';
import type { PersonFact, Span } from '../types.ts';
import { genderOf, type PersonIndex } from './resolve.ts';
import type { Part } from './scan.ts';
import { SPEECH } from './words.ts';

export interface RankContext {
  text: string;
  spans: Span[];
  first: Part;
  last: Part;
  idx: PersonIndex;
  /** Start of the sentence the quote opens in. */
  sentenceStart: number;
  /** End of the sentence the quote closes in. */
  sentenceEnd: number;
  ruleSpeaker: string | null;
  /** Whether the rules found an attribution (a cue) for this quote. */
  ruleCue: boolean;
  /** How the rules found it: 'name', 'pronoun', 'description', 'continued', 'fragment', 'clause', 'none' … */
  ruleKind: string;
  /** The gender of a pronoun subject ("he said"), when the attribution is one. */
  pronoun: 'm' | 'f' | null;
  lastSpeaker: string | null;
  /** Paragraphs since the previous attributed quote. */
  lastGap: number;
}

export interface Candidate {
  person: PersonFact | null;
  features: string[];
}

const WORDS = /[\p{L}’'-]+/gu;
const WINDOW_BEFORE = 500;
const WINDOW_AFTER = 250;

function lowerWords(s: string): string[] {
  return (s.match(WORDS) ?? []).map((w) => w.toLowerCase());
}

function distBucket(chars: number): string {
  if (chars < 15) return '0';
  if (chars < 50) return '1';
  if (chars < 120) return '2';
  if (chars < 250) return '3';
  return '4';
}

/** Whether [from, to) crosses a sentence end ("." "!" "?" then a space and a capital or a mark). */
function crossesSentence(text: string, from: number, to: number): boolean {
  return /[.!?]["”’']?\s+["“‘]?\p{Lu}/u.test(text.slice(from, to));
}

function mentionFeatures(
  ctx: RankContext,
  m: PersonIndex['mentions'][number],
  side: 'b' | 'a',
  others: number,
): string[] {
  const { text, first, last } = ctx;
  const f: string[] = [side];
  const gap = side === 'b' ? text.slice(m.end, first.open) : text.slice(last.after, m.start);
  f.push(`${side}:d${distBucket(gap.length)}`);
  const para = side === 'b' ? m.start >= ctx.spans[first.para]!.start : true;
  const sameSentence =
    side === 'b'
      ? m.start >= ctx.sentenceStart && para
      : m.end <= ctx.sentenceEnd && !crossesSentence(text, last.after, m.start);
  f.push(`${side}:${sameSentence ? 'sent' : para ? 'para' : 'prev'}`);
  if (m.subject) f.push(`${side}:subj`);
  if (m.object) f.push(`${side}:obj`);
  const after = lowerWords(text.slice(m.end, m.end + 40)).slice(0, 3);
  const before = lowerWords(text.slice(Math.max(0, m.start - 30), m.start)).slice(-2);
  if (after.some((w) => SPEECH.has(w))) f.push(`${side}:cueAfter`);
  if (after[0] !== undefined && SPEECH.has(after[0])) f.push(`${side}:cueNext`);
  if (before.some((w) => SPEECH.has(w))) f.push(`${side}:cueBefore`);
  if (before.join(' ') === 'according to') f.push(`${side}:according`);
  if (/^['’]s?\b/u.test(text.slice(m.end, m.end + 3))) f.push(`${side}:poss`);
  if (/^,/.test(text.slice(m.end, m.end + 2))) f.push(`${side}:comma`);
  const gapWords = lowerWords(gap.length <= 300 ? gap : '');
  if (gapWords.some((w) => SPEECH.has(w))) f.push(`${side}:cueBetween`);
  if (gapWords.includes('that')) f.push(`${side}:that`);
  // a quotation between the mention and this quote: the mention most likely speaks that one
  if (/[“”"«»„]/.test(gap)) f.push(`${side}:pastQuote`);
  if (side === 'b' && /:\s*$/.test(text.slice(m.end, first.open))) f.push('b:colon');
  f.push(`${side}:others${Math.min(others, 2)}`);
  return f;
}

/** The people near the quote, each with the features of its nearest mention on either side. */
export function speakerCandidates(ctx: RankContext): Candidate[] {
  const { text, first, last, idx } = ctx;
  const para = ctx.spans[first.para]!;
  const prevPara = first.para > 0 ? ctx.spans[first.para - 1]! : para;
  const from = Math.max(prevPara.start, first.open - WINDOW_BEFORE);
  const lastPara = ctx.spans[last.para]!;
  const to = Math.min(lastPara.end, last.after + WINDOW_AFTER);
  const byPerson = new Map<PersonFact, string[]>();
  const seenBefore: PersonFact[] = [];
  // before the quote, nearest first
  for (let n = lowerBound(idx.mentions, first.open, (m) => m.start) - 1; n >= 0; n--) {
    const m = idx.mentions[n]!;
    if (m.start < from) break;
    if (m.end > first.open) continue;
    if (byPerson.has(m.person)) continue;
    byPerson.set(m.person, mentionFeatures(ctx, m, 'b', seenBefore.length));
    seenBefore.push(m.person);
  }
  const seenAfter: PersonFact[] = [];
  for (let n = lowerBound(idx.mentions, last.after, (m) => m.start); n < idx.mentions.length; n++) {
    const m = idx.mentions[n]!;
    if (m.start >= to) break;
    if (seenAfter.includes(m.person)) continue;
    const f = mentionFeatures(ctx, m, 'a', seenAfter.length);
    seenAfter.push(m.person);
    byPerson.set(m.person, [...(byPerson.get(m.person) ?? []), ...f]);
  }
  const last_ = ctx.lastSpeaker === null ? undefined : idx.byName.get(ctx.lastSpeaker);
  if (last_ && !byPerson.has(last_)) byPerson.set(last_, []);
  const ruleTag = ctx.ruleSpeaker !== null ? 'R1' : ctx.ruleCue ? 'Rc' : 'R0';
  const alone =
    text.slice(para.start, first.open).trim() === '' &&
    text.slice(last.after, lastPara.end).trim().length <= 1;
  const out: Candidate[] = [];
  for (const [person, base] of byPerson) {
    const f = [...base];
    if (person.name === ctx.ruleSpeaker)
      f.push('rule', ctx.ruleCue ? 'rule:cue' : 'rule:nocue', `rule:${ctx.ruleKind}`);
    if (person.name === ctx.lastSpeaker) {
      f.push('last', `last:gap${Math.min(ctx.lastGap, 3)}`);
      if (alone) f.push('last:alone');
    }
    if (idx.main === person) f.push('main');
    if (ctx.pronoun) {
      const g = genderOf(person, idx.gender);
      if (g !== null) f.push(g === ctx.pronoun ? 'pron:match' : 'pron:mismatch');
    }
    // every clue also conjoined with what the rules made of the quote
    out.push({ person, features: [...f, ...f.map((x) => `${ruleTag}&${x}`)] });
  }
  const none = ['none', `none:${ruleTag}`, `none:${ctx.ruleKind}`];
  if (alone) none.push('none:alone');
  if (ctx.pronoun) none.push('none:pronoun');
  out.push({ person: null, features: none });
  return out;
}

export type Weights = Readonly<Record<string, number>>;

/**
 * The rules' choices the ranker never overrides: a name or a description read as the subject of
 * the quote's own attribution (the ranker only sees the neighbourhood; the rules read the clause),
 * and the one person in subject position right before a whole-paragraph quote (too rare in the
 * training data for the ranker to have learned it).
 */
const TRUSTED_RULES = new Set(['name', 'description', 'implicit']);

export function rankerDecides(ruleSpeaker: string | null, ruleKind: string): boolean {
  return ruleSpeaker === null || !TRUSTED_RULES.has(ruleKind);
}

/** Whether the ranker decided for these candidates (the rules' candidate shows how they chose). */
export function rankerDecided(candidates: readonly Candidate[]): boolean {
  return !candidates.some((c) => [...TRUSTED_RULES].some((k) => c.features.includes(`rule:${k}`)));
}

export function score(features: readonly string[], weights: Weights): number {
  let s = 0;
  for (const f of features) s += weights[f] ?? 0;
  return s;
}

/** The candidate with the highest score; ties go to the first listed (the nearest before the quote). */
export function chooseSpeaker(candidates: readonly Candidate[], weights: Weights): Candidate {
  let best = candidates[candidates.length - 1]!;
  let bestScore = -Infinity;
  for (const c of candidates) {
    const s = score(c.features, weights);
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}
