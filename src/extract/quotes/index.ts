/**
 * Quote extractor: direct quotations with their speakers and attribution cues.
 *
 * Stages, each a module with its own contract: scan.ts (quotation marks → parts) → merge.ts
 * (split utterances joined) → attribute.ts (cue and subject around each quote) → resolve.ts
 * (subject → a PersonFact), with filter.ts deciding which quoted strings are speech and
 * words.ts holding the shared vocabulary and tokenizer.
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
import { lowerBound, upperBound } from '../sorted.ts';
import {
  type Tok,
  PRONOUNS,
  TURN_LABEL,
  isCap,
  isWord,
  sentenceEnd,
  WINDOW,
  blankBetween,
  sentenceStart,
  tokens,
  wordCount,
} from './words.ts';
import { type Group, type Part, scanParagraph } from './scan.ts';
import {
  type Attribution,
  attributionAfter,
  attributionBefore,
  clauseSubject,
  cueAt,
  subjectAfter,
  subjectBefore,
} from './attribute.ts';
import { indexPeople, resolve, type PersonIndex } from './resolve.ts';
import { mergeGroups } from './merge.ts';
import { SpeakerBook } from './speakers.ts';
import {
  type Candidate,
  type RankContext,
  type Weights,
  chooseSpeaker,
  rankerDecides,
  speakerCandidates,
} from './rank.ts';
import { SPEAKER_WEIGHTS } from '../data/speaker-weights.ts';
import { isTitleLike, notSpeech, opensSentence, standsAlone } from './filter.ts';
import type { ParsedDocument, PersonFact, QuoteFact, Span } from '../types.ts';

export interface FindQuotesOptions {
  /** Weights of the speaker ranker; null leaves the rules' choice alone (for training). */
  weights?: Weights | null;
  /** Called for every quote with the ranker's candidates (eval/train-speaker.ts). */
  trace?: (quote: QuoteFact, candidates: Candidate[]) => void;
}

export function findQuotes(
  doc: ParsedDocument,
  people: PersonFact[],
  options: FindQuotesOptions = {},
): QuoteFact[] {
  return findQuotesAndSpeakers(doc, people, options).quotes;
}

/**
 * The quotes, and the speakers among them that `people` lacks: names read as the subject of a
 * quote's own attribution (speakers.ts), to be added to the article's people.
 */
export function findQuotesAndSpeakers(
  doc: ParsedDocument,
  people: PersonFact[],
  options: FindQuotesOptions = {},
): { quotes: QuoteFact[]; speakers: PersonFact[] } {
  const weights = options.weights === undefined ? SPEAKER_WEIGHTS : options.weights;
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
  const book = new SpeakerBook(text, idx);

  const merged = mergeGroups(text, spans, groups);

  const out: QuoteFact[] = [];
  let lastSpeaker: string | null = null;
  let lastPara = -10;
  /** The paragraph of the last quote, when it was a ‘…’ quote with a speaker. */
  let singleSpoken = -10;
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
      const signature = /^\s*(?:[―—–]|-\s?\p{Lu})/u.test(text.slice(last.after, last.after + 4));
      const end = sentenceEnd(text, lastParaSpan, last.after);
      if (!ended || signature) attribution = attributionAfter(text, last.after, end);
      else if (end - last.after <= 60) {
        // “… end of sentence.” Hale said. — a short sentence that is only the attribution
        const a = attributionAfter(text, last.after, end);
        if (a && a.subject.length > 0 && a.subject.length <= 4 && a.cue !== '') attribution = a;
      }
    }
    if (!attribution && last.closed && !labelled)
      attribution = sentenceFinalAttribution(text, lastParaSpan, last);
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
      let from = Math.max(sentenceStart(text, firstPara, first.open), first.open - WINDOW);
      const prior = upperBound(groupEnds, first.open, (x) => x) - 1;
      if (prior >= 0 && groupEnds[prior]! > from) from = groupEnds[prior]!;
      attribution = attributionBefore(text, from, first.open);
      before = attribution !== null;
    }
    if (!attribution && first.open > firstPara.start) {
      // "…, Schiff said. “What makes this new …”": a report ending in its attribution introduces the quote
      const from = sentenceStart(text, firstPara, first.open);
      if (blankBetween(text, from, first.open) && from > firstPara.start) {
        const prevStart = Math.max(sentenceStart(text, firstPara, from - 1), from - WINDOW);
        const toks = tokens(text, prevStart, from);
        const n = toks.length - (toks[toks.length - 1]?.text === '.' ? 1 : 0);
        for (let k = n - 1; k >= Math.max(0, n - 3); k--) {
          const cue = cueAt(toks, k, text);
          if (!cue || cue.cue.startsWith('according')) continue;
          const subject = cue.next >= n ? subjectBefore(toks, k) : subjectAfter(toks, cue.next);
          if (subject.length > 0) attribution = { cue: cue.cue, subject, side: 'before' };
          break;
        }
        attribution ??= reportedSpeechLead(text, toks, n, inQuote);
      }
    }
    if (!attribution && first.open === firstPara.start && first.para > 0) {
      // "Caddell continued:" closing the previous paragraph
      const prev = spans[first.para - 1]!;
      if (/:\s*$/.test(prev.text)) {
        const from = Math.max(sentenceStart(text, prev, prev.end - 1), prev.end - WINDOW);
        attribution = attributionBefore(text, from, prev.end);
        before = attribution !== null;
      }
    }
    if (
      !attribution &&
      last.closed &&
      last.para + 1 < spans.length &&
      blankBetween(text, last.after, lastParaSpan.end)
    ) {
      // a signature on the next line: “…”⏎- Bernie Sanders.
      const next = spans[last.para + 1]!;
      if (/^[-―—–]\s*\p{Lu}/u.test(next.text)) {
        const a = attributionAfter(text, next.start, Math.min(next.end, next.start + 80));
        if (a && a.cue === '' && a.subject.length > 0) attribution = a;
      }
    }
    const words = wordCount(quoteText);
    // ‘…’ is most often an apostrophe or a scare quote; a paragraph that is one whole ‘…’ quote
    // right after an attributed ‘…’ quote goes on with it (British press: ‘…,’ she said. ¶ ‘…’)
    if (first.single && !attribution && !continuesSingle(text, spans, first, last, singleSpoken)) continue;
    // a mark that never closes is a stray (an inch sign, a typo) unless someone is quoted
    // (a whole paragraph of speech left open right after an attributed quote goes on with it)
    const openContinuation =
      lastSpeaker !== null &&
      first.para - lastPara === 1 &&
      blankBetween(text, firstPara.start, first.open) &&
      words >= 6 &&
      /[.!?]$/.test(quoteText.trim());
    if (!last.closed && !attribution && q.parts.length === 1 && !openContinuation) continue;
    if (words <= 3) {
      // scare quotes; a short utterance survives only with its own ", she said" after it
      if (!(attribution && !before && /[,.!?]\s*$/.test(quoteText) && attribution.subject.length > 0))
        continue;
    }
    if (
      isTitleLike(quoteText) &&
      (!attribution ||
        (attribution.cue === '' && labelled === null) || // "Tonight at the Apollo: “…”" says nothing
        /\b(?:on|told|to|in|of|at|with|from|by|for|called|titled|dubbed)\s*$/i.test(
          text.slice(Math.max(0, first.open - 12), first.open),
        ))
    ) {
      continue; // a programme, book or slogan: told “Fox News Sunday,” Pence said
    }
    if (notSpeech(text, sentenceStart(text, firstPara, first.open), first, last)) continue;
    let speaker: string | null = null;
    let cue: string | null = null;
    /** How the rules found the speaker: one of the ranker's clues. */
    let ruleKind = 'none';
    if (attribution) {
      ruleKind = subjectKind(attribution.subject, idx);
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
      ruleKind = 'continued';
    } else {
      const prev = out[out.length - 1];
      const sentence = sentenceStart(text, firstPara, first.open);
      if (prev && prev.end > sentence && prev.end < first.start && prev.speaker !== null) {
        // a second fragment in the same sentence: “go to your place and vote” and then “go pick …”
        speaker = prev.speaker;
        cue = prev.cue;
        ruleKind = 'fragment';
      } else if (!standsAlone(text, firstPara, first, last)) {
        // a fragment inside a sentence whose subject is a person: He’s claiming fraud is “a big problem”
        const toks = tokens(text, Math.max(sentence, first.open - WINDOW), first.open);
        const subject = clauseSubject(toks, toks.length);
        const named: string | null =
          subject.length > 0 && toks.length > subject.length
            ? resolve(subject, first.start, idx, lastSpeaker)
            : null;
        if (named !== null && subject.some((t) => isCap(t) || PRONOUNS.has(t.lower))) {
          speaker = named;
          ruleKind = 'clause';
        }
      } else {
        // "Mick Lynch, the union's leader, addressed the rally. ¶ “We are not going away.”"
        speaker = implicitSpeaker(text, spans, first, idx);
        if (speaker !== null) ruleKind = 'implicit';
      }
    }
    if (speaker === null && attribution !== null && ruleKind === 'description') {
      // a name people extraction missed, read from the attribution itself
      speaker = book.speakerFor(attribution.subject)?.name ?? null;
      if (speaker !== null) ruleKind = 'name';
    }
    const rankContext: RankContext = {
      text,
      spans,
      first,
      last,
      idx,
      sentenceStart: sentenceStart(text, firstPara, first.open),
      sentenceEnd: sentenceEnd(text, lastParaSpan, last.after),
      ruleSpeaker: speaker,
      ruleCue: attribution !== null,
      ruleKind,
      pronoun: pronounGender(attribution),
      lastSpeaker,
      lastGap: first.para - lastPara,
    };
    const candidates = speakerCandidates(rankContext);
    if (weights !== null && rankerDecides(speaker, ruleKind)) {
      const chosen = chooseSpeaker(candidates, weights);
      if (chosen.person !== null) speaker = chosen.person.name;
    }

    // one fact per quotation-marked part: the segments a reader (and the reference scorers) sees,
    // each with the attribution of the utterance they belong to
    for (const part of q.parts) {
      const fact: QuoteFact = {
        text: q.parts.length === 1 ? quoteText : text.slice(part.start, part.end).trim(),
        speaker,
        cue,
        start: part.start,
        end: part.end,
      };
      options.trace?.(fact, candidates);
      out.push(fact);
    }
    if (attribution || speaker) {
      lastSpeaker = speaker;
      lastPara = last.para;
    }
    singleSpoken = first.single && speaker !== null ? last.para : -10;
  }
  return { quotes: out, speakers: book.added };
}

/**
 * "He said the dispute could run until Christmas. “We are not going away.”": a sentence of reported
 * speech whose subject opens it introduces the quote that follows it. The cue must stand within
 * the sentence's first words, right after its subject (a name or a pronoun, not a description).
 */
function reportedSpeechLead(
  text: string,
  toks: Tok[],
  n: number,
  inQuote: (pos: number) => boolean,
): Attribution | null {
  const firstWord = toks.find(isWord);
  if (firstWord === undefined || inQuote(firstWord.start)) return null; // a quote's sentence, not a report
  for (let k = 1; k < Math.min(n, 8); k++) {
    const cue = cueAt(toks, k, text);
    if (!cue || cue.cue.startsWith('according') || toks[k]!.lower.endsWith('ing')) continue;
    const subject = subjectBefore(toks, k);
    if (subject.length === 0 || subject.length > 4) return null;
    const opens = toks.slice(0, k - subject.length).every((t) => !isWord(t));
    const named = subject.some((t) => isCap(t) || PRONOUNS.has(t.lower));
    return opens && named ? { cue: cue.cue, subject, side: 'before' } : null;
  }
  return null;
}

/**
 * The implicit speaker of a paragraph that is one whole quote with no attribution: the one person
 * named, in subject position, in the last sentence before it (in its paragraph or the one before).
 */
function implicitSpeaker(text: string, spans: Span[], first: Part, idx: PersonIndex): string | null {
  const para = spans[first.para]!;
  const inPara = !blankBetween(text, para.start, first.open);
  const host = inPara ? para : first.para > 0 ? spans[first.para - 1]! : null;
  if (host === null) return null;
  const end = inPara ? first.open : host.end;
  const from = sentenceStart(text, host, Math.max(host.start, end - 1));
  if (/[”"»’]\s*$/.test(text.slice(from, end))) return null; // the sentence ends in a quote: someone else's voice
  const named = new Set<PersonFact>();
  let subject: PersonFact | null = null;
  for (let n = lowerBound(idx.mentions, from, (m) => m.start); n < idx.mentions.length; n++) {
    const m = idx.mentions[n]!;
    if (m.start >= end) break;
    named.add(m.person);
    if (m.subject && !m.object) subject ??= m.person;
  }
  return named.size === 1 && subject !== null ? subject.name : null;
}

/** A ‘…’ quote that is its whole paragraph, right after a paragraph with a spoken ‘…’ quote. */
function continuesSingle(
  text: string,
  spans: Span[],
  first: Part,
  last: Part,
  singleSpoken: number,
): boolean {
  const para = spans[first.para]!;
  return (
    last.closed &&
    first.para === last.para &&
    first.para - singleSpoken === 1 &&
    blankBetween(text, para.start, first.open) &&
    blankBetween(text, last.after, para.end)
  );
}

/** "he said" → 'm', "she added" → 'f'; null for any other subject. */
function pronounGender(attribution: Attribution | null): 'm' | 'f' | null {
  const words = attribution?.subject.filter(isWord) ?? [];
  if (words.length !== 1) return null;
  const w = words[0]!.lower;
  return w === 'he' ? 'm' : w === 'she' ? 'f' : null;
}

/** What an attribution's subject is: a name of the article, a pronoun, or a description. */
function subjectKind(subject: Tok[], idx: PersonIndex): string {
  const words = subject.filter(isWord);
  if (words.length === 0) return 'empty';
  if (words.length === 1 && PRONOUNS.has(words[0]!.lower)) return 'pronoun';
  const from = subject[0]!.start;
  const to = subject[subject.length - 1]!.end;
  const n = lowerBound(idx.all, from, (m) => m.start);
  return n < idx.all.length && idx.all[n]!.end <= to ? 'name' : 'description';
}

/** “…” for Clinton, said Kunin. — the attribution closing the sentence a quote stands in. */
function sentenceFinalAttribution(text: string, para: Span, last: Part): Attribution | null {
  const end = sentenceEnd(text, para, last.after);
  if (end - last.after > 200 || !/[.!?]$/.test(text.slice(end - 1, end))) return null;
  const comma = text.lastIndexOf(',', end);
  if (comma < last.after) return null;
  const a = attributionAfter(text, comma, end);
  return a && a.cue !== '' && a.subject.length > 0 && a.subject.length <= 8 ? a : null;
}
