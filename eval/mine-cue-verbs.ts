/**
 * Mines attribution cue verbs from PolNeAR train and writes src/extract/data/cue-verbs.ts.
 *
 *   node --import tsx eval/mine-cue-verbs.ts [--min 2] [--ratio 0.1] [--dry-run]
 *
 * For every gold quote with an annotated source span near it, the verb next to the source is
 * read: the first word after the source ("Toomey fumed", "X, 70, retorted", skipping auxiliaries
 * and adverbs), and the word before a source that follows its quote (", shot back X"). A word is
 * kept when it is seen as a cue at least `--min` times and in at least `--ratio` of all its
 * occurrences in the training text (so "the" or "in" never qualify), and looks like a verb form.
 * Deterministic: the same data gives the same file. The list is reviewed by hand before commit:
 * words that are not verbs of speech are listed in NOT_CUES below, with the reason.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { PolnearRecord } from './polnear.ts';

interface Record_ extends PolnearRecord {
  quotes: (PolnearRecord['quotes'][number] & { speaker_spans?: [number, number][] })[];
}

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    min: { type: 'string', default: '2' },
    ratio: { type: 'string', default: '0.1' },
    'dry-run': { type: 'boolean', default: false },
  },
});
const SKIP = new Set(
  (
    'also then later has had have was is were would will had once again previously recently first further quickly ' +
    'simply finally often repeatedly publicly privately earlier last this on in at during monday tuesday wednesday ' +
    'thursday friday saturday sunday yesterday today tonight not never just only still even already'
  ).split(' '),
);
/** Reviewed: frequent next to a source but not a verb of speech, or too ambiguous to be a cue. */
const NOT_CUES = new Set(
  // auxiliaries, modals and copulas
  (
    'been being be are am do does did can could should may might must ' +
    // verbs of other actions that often open a sentence whose subject later speaks
    'went came made took gave got put held led ran met won lost used sent left kept ' +
    // nouns and adjectives ending like verbs
    'news times states united ' +
    // verbs of perception and thought, which report no words
    'seemed appeared looked felt knew wanted tried ' +
    // seen next to sources in train, but they report deeds, not words ("issued a statement" is read
    // as its own pattern; "the sign reads" is no person speaking; "quotes" and "puts" are ambiguous)
    'issued reads quotes puts discussing doubled forwards knocked landed obtained reversed sounded ' +
    'rallied celebrated credited thanked apologized referred refers addressed listed quoted'
  ).split(' '),
);
const WORD = /[\p{L}’'-]+/gu;

function words(s: string): { w: string; start: number; end: number }[] {
  return [...s.matchAll(WORD)].map((m) => ({ w: m[0], start: m.index, end: m.index + m[0].length }));
}

function isVerbShape(w: string): boolean {
  return (
    /^\p{Ll}[\p{Ll}-]*(?:ed|s|ing|ote|old|ew|ook|ang|poke|hot|ore|ought|ave|ame)$/u.test(w) && w.length > 2
  );
}

const file = path.resolve(here, '../../shared/eval/polnear/quotes_train.jsonl');
const records = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Record_);
const asCue = new Map<string, number>();
const total = new Map<string, number>();
for (const r of records) {
  for (const { w } of words(r.text)) total.set(w, (total.get(w) ?? 0) + 1);
  const seen = new Set<number>();
  for (const q of r.quotes) {
    for (const [s, e] of q.speaker_spans ?? []) {
      if (seen.has(s)) continue; // one source span counts once, however many quotes it covers
      const near =
        (s >= q.quote_end && s - q.quote_end <= 60) || (e <= q.quote_start && q.quote_start - e <= 200);
      if (!near) continue;
      seen.add(s);
      const after = words(r.text.slice(e, e + 80)).filter((t) => /^\p{Ll}/u.test(t.w));
      const next = after.find((t) => !SKIP.has(t.w));
      if (next && !/[.!?]/.test(r.text.slice(e, e + next.start))) count(next.w);
      if (s >= q.quote_end) {
        const before = words(r.text.slice(q.quote_end, s));
        const last = before[before.length - 1];
        if (last && /^\p{Ll}/u.test(last.w)) count(last.w);
      }
    }
  }
}

function count(w: string): void {
  asCue.set(w, (asCue.get(w) ?? 0) + 1);
}

const min = Number(values.min);
const ratio = Number(values.ratio);
const mined = [...asCue]
  .filter(([w, n]) => n >= min && n / (total.get(w) ?? n) >= ratio && isVerbShape(w) && !NOT_CUES.has(w))
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
for (const [w, n] of mined) console.log(`${w}\t${n}\t${(n / (total.get(w) ?? n)).toFixed(2)}`);
if (!values['dry-run']) {
  const out = path.resolve(here, '../src/extract/data/cue-verbs.ts');
  const list = mined.map(([w]) => w).sort();
  writeFileSync(
    out,
    `/**\n * Attribution cue verbs mined from PolNeAR train by eval/mine-cue-verbs.ts (generated; do not edit by\n * hand: change the script's review lists and run it again). Each was seen at least ${min} times next to\n * an annotated source and in at least ${ratio * 100}% of its occurrences there.\n */\nexport const MINED_CUE_VERBS: readonly string[] = ${JSON.stringify(list, null, 2).replace(/"/g, "'")};\n`,
  );
  console.error(`wrote ${list.length} verbs to ${path.relative(process.cwd(), out)}`);
}
