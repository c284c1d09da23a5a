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
import {
  addMention,
  compatible,
  knownPart,
  mostPlausible,
  newCluster,
  sameWord,
  toFact,
} from './people/cluster.ts';
import { FIRST } from './people/lexicon.ts';
import { isAllCaps, isTitleCase } from './people/tokens.ts';
import type { Candidate, Cluster, Ctx } from './people/types.ts';
import type { ParsedDocument, PersonFact, Span } from './types.ts';

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
