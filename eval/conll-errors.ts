/**
 * The CoNLL-2003 person errors of a range of documents with their context, to learn the error
 * classes from (never single sentences to patch):
 *
 *   node --import tsx eval/conll-errors.ts [FROM] [TO]     (default 0 71: the development half)
 *
 * The held-out half's second part (docs ≥ 106, see `npm run eval -- --only conll`) is kept
 * unseen: do not print its errors.
 */
import { readFileSync } from 'node:fs';
import { extractDocument, documentFromParts } from '../src/extract/index.ts';
import { normName } from './score.ts';

interface Sentence {
  doc: number;
  text: string;
  persons: string[];
}
const lines = readFileSync('/work/shared/eval/conll2003/persons.jsonl', 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Sentence);
const byDoc = new Map<number, Sentence[]>();
for (const s of lines) byDoc.set(s.doc, [...(byDoc.get(s.doc) ?? []), s]);
const lo = Number(process.argv[2] ?? 0);
const hi = Number(process.argv[3] ?? 71);
for (const [doc, sents] of byDoc) {
  if (doc < lo || doc >= hi) continue;
  const x = extractDocument(documentFromParts({ title: '', paragraphs: sents.map((s) => s.text) }));
  const paras = x.document.paragraphs;
  const gold = new Set(sents.flatMap((s) => s.persons.map(normName)));
  for (const p of x.people)
    for (const m of p.mentions) {
      if (gold.has(normName(m.text))) continue;
      const i = paras.findIndex((sp) => m.start >= sp.start && m.start < sp.end);
      const ctx = x.document.text
        .slice(Math.max(paras[i]!.start, m.start - 60), Math.min(paras[i]!.end, m.end + 60))
        .replace(/\n/g, ' ');
      console.log(`FP doc ${doc}: [${m.text}]  …${ctx}…`);
    }
  const pred = new Set(x.people.flatMap((p) => p.mentions.map((m) => normName(m.text))));
  for (const s of sents)
    for (const g of s.persons)
      if (!pred.has(normName(g))) console.log(`FN doc ${doc}: [${g}]  ${s.text.slice(0, 160)}`);
}
