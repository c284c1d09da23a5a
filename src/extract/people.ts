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
import { candidatesIn, foreignQuoteRanges, insideRange, speakerLabels } from './people/candidates.ts';
import { clusterCandidates, toFact } from './people/cluster.ts';
import { isAllCaps, isTitleCase } from './people/tokens.ts';
import type { Candidate, Ctx } from './people/types.ts';
import type { ParsedDocument, PersonFact, Span } from './types.ts';

type Scanned = { span: Span; ctx: Ctx };

/** Every paragraph of the body in capitals, with more than a headline's worth of words. */
function isCapsDocument(doc: ParsedDocument): boolean {
  let words = 0;
  for (const p of doc.paragraphs) {
    if (!isAllCaps(p.text)) return false;
    words += p.text.split(/\s+/).length;
  }
  return words >= 25;
}

/** The title and paragraphs with how far their capitals can be trusted. */
function scannedSpans(doc: ParsedDocument): Scanned[] {
  const text = doc.text;
  const titleCaps = isAllCaps(doc.title.text);
  const titleCase = !titleCaps && isTitleCase(doc.title.text);
  const spans: Scanned[] = [];
  const companies = new Set<string>();
  if (doc.title.text !== '')
    spans.push({
      span: doc.title,
      ctx: { text, caps: titleCaps, titleCase, reference: true, companies, table: false },
    });
  const capsDocument = isCapsDocument(doc);
  for (const p of doc.paragraphs) {
    const caps = isAllCaps(p.text);
    const tc = !caps && p.text.length < 120 && !/[.!?]["”’]?$/.test(p.text) && isTitleCase(p.text);
    // in a document written all in capitals (a wire or broadcast transcript) capitals are no
    // headline: its paragraphs are searched, with the stricter evidence of classify.ts
    const reference = caps && !capsDocument;
    spans.push({ span: p, ctx: { text, caps, titleCase: tc, reference, companies, table: false } });
  }
  return spans;
}

/** Stage 1 and 2 over the document: body candidates first, then headline references. */
export function documentCandidates(doc: ParsedDocument): Candidate[] {
  const references: Candidate[] = [];
  const body: Candidate[] = [];
  const spans = scannedSpans(doc);
  for (const { span, ctx } of spans) candidatesIn(span, ctx, ctx.reference ? references : body);
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
  // a firm named once with its legal form is a firm everywhere: "PT Tambang Timah" … "Tambang Timah at $15"
  const companies = spans[0]?.ctx.companies ?? new Set<string>();
  const notFirms = (c: Candidate): boolean => !companies.has(c.key.join(' '));
  return [...body.filter(notFirms), ...references.filter(notFirms)];
}

export function findPeople(doc: ParsedDocument): PersonFact[] {
  const people = clusterCandidates(documentCandidates(doc));
  // Ordered by first mention in the body: a headline names people out of their story order.
  const bodyStart = doc.paragraphs[0]?.start ?? 0;
  const order = (p: PersonFact): number =>
    (p.mentions.find((m) => m.start >= bodyStart) ?? p.mentions[0]!).start;
  return people.map(toFact).sort((a, b) => order(a) - order(b));
}
