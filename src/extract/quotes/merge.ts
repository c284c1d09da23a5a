/**
 * Stage 2, merge: joins the parts of one utterance split around its attribution.
 *
 * Contract: `mergeGroups` turns the scanned groups (text order) into Merged quotes, in order:
 * “A,” she said, “and B.” becomes one quote whose attribution is the one between the parts;
 * “A,” she said. “B.” stays two quotes, the second `inherited` the first's attribution unless it
 * carries its own. Reads the text between parts only; never resolves a speaker.
 */
import { SPEECH, oneSentence, sentenceEnd } from './words.ts';
import { type Group, type Part } from './scan.ts';
import { type Attribution, attributionAfter } from './attribute.ts';
import type { Span } from '../types.ts';

export interface Merged {
  parts: Part[];
  attribution: Attribution | null;
  /** The attribution of the previous quote, which covers this one ("“A,” she said. “B.”"). */
  inherited: { attribution: Attribution; at: number } | null;
}

/** Joins split parts of one utterance and marks quotes covered by the previous one's attribution. */
export function mergeGroups(text: string, spans: Span[], groups: Group[]): Merged[] {
  // Split quotes: “We will win,” she said, “and fairly.” is one utterance. A quote that goes on in
  // a new sentence after its attribution (“A,” she said. “B.”) is a second quote by the same
  // speaker: it inherits the attribution unless it carries one of its own.
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
      // (one sentence: "“A,” Gilmore said. Fiorina, speaking to Iowans, said, “B”" is two voices)
      const midSentence =
        between.length <= 80 &&
        /,\s*$|:\s*$|[—–]\s*$/.test(between) &&
        oneSentence(text, last.after, next.open);
      const nextSentence = /\.\s*$/.test(between) && /[,!?]$/.test(lastText) && next.closed;
      // “A,” he said. Then, after a pause: “B.” — a lead-in without a voice of its own: B inherits
      const lead = !midSentence && /[,!?]$/.test(lastText) && next.closed ? leadIn(between) : -1;
      if (lead >= 0) {
        const a = attributionAfter(text, last.after, last.after + lead);
        if (a && a.subject.length > 0) inherit = { attribution: a, at: parts[0]!.start };
        break;
      }
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

  return merged;
}

/**
 * Where the attribution sentence ends in `between` when the rest is a short lead-in to the next
 * quote with no verb of speech ("said. Then, after a pause: "), or -1.
 */
function leadIn(between: string): number {
  const m = /^([^.!?]+[.!?])\s+([^.!?]{1,40}[,:])\s*$/u.exec(between);
  if (!m) return -1;
  const words = m[2]!.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  return words.some((w) => SPEECH.has(w)) ? -1 : m[1]!.length;
}
