/**
 * Lists the PolNeAR misses by class, to guide work on the quote extractor (develop on train only).
 *
 *   node --import tsx eval/polnear-errors.ts [--split train|dev] [--class CLASS] [--limit N] [--seed N]
 *
 * Classes: `null` (a named gold speaker, none predicted), `wrong` (another name predicted),
 * `missed` (a gold quote no prediction matches), `extra` (a prediction matching no gold quote).
 * Scores with the reference rules (eval/polnear.ts) and prints the totals first, so the figures
 * agree with `python3 ../shared/eval/scorers/polnear.py`. Reads ../shared/eval; writes nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { extract } from '../src/extract/index.ts';
import { polnearText, scorePolnearDoc, type PolnearRecord } from './polnear.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
process.stdout.on('error', () => process.exit(0)); // a closed pipe (`| head`) ends the listing
const { values } = parseArgs({
  options: {
    split: { type: 'string', default: 'train' },
    class: { type: 'string', default: 'all' },
    limit: { type: 'string', default: '40' },
    seed: { type: 'string', default: '1' },
  },
});
const file = path.resolve(here, `../../shared/eval/polnear/quotes_${values.split}.jsonl`);
const records = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as PolnearRecord);

interface Miss {
  cls: string;
  line: string;
}
const misses: Miss[] = [];
let tp = 0;
let fp = 0;
let fn = 0;
let spOk = 0;
let spN = 0;
const oneLine = (s: string): string => s.replace(/\s+/g, ' ');

for (const record of records) {
  const x = extract(polnearText(record));
  const s = scorePolnearDoc(record, x);
  tp += s.tp;
  fp += s.fp;
  fn += s.fn;
  spOk += s.speakerRight;
  spN += s.speakerTotal;
  const around = (start: number, end: number): string =>
    oneLine(
      `${record.text.slice(Math.max(0, start - 220), start)}⟦${record.text.slice(start, end)}⟧${record.text.slice(end, end + 160)}`,
    );
  for (const p of s.pairs) {
    if (p.key === null || p.speakerRight) continue;
    const known = x.people.some((person) =>
      [person.name, ...person.aliases].some((n) =>
        n
          .toLowerCase()
          .replace(/’/g, "'")
          .split(/[\s-]+/)
          .includes(p.key!),
      ),
    );
    const cls = (p.pred.speaker === null ? 'null' : 'wrong') + (known ? '' : '-unknown');
    misses.push({
      cls,
      line: `${record.id}\n  gold=${p.gold.speaker} pred=${p.pred.speaker ?? 'null'} cue=${p.pred.cue ?? ''}\n  ${around(p.gold.quote_start, p.gold.quote_end)}`,
    });
  }
  for (const g of s.missed)
    misses.push({ cls: 'missed', line: `${record.id}\n  ${around(g.quote_start, g.quote_end)}` });
  for (const q of s.extra) {
    const t = x.document.text;
    misses.push({
      cls: 'extra',
      line: `${record.id} speaker=${q.speaker ?? 'null'}\n  ${oneLine(t.slice(Math.max(0, q.start - 160), q.start))}⟦${oneLine(q.text)}⟧${oneLine(t.slice(q.end, q.end + 100))}`,
    });
  }
}

const P = tp / (tp + fp);
const R = tp / (tp + fn);
console.log(
  JSON.stringify({
    split: values.split,
    P: +P.toFixed(3),
    R: +R.toFixed(3),
    F1: +((2 * P * R) / (P + R)).toFixed(3),
    named_speaker_acc: +(spOk / spN).toFixed(3),
    named_speaker_n: spN,
  }),
);
const counts = new Map<string, number>();
for (const m of misses) counts.set(m.cls, (counts.get(m.cls) ?? 0) + 1);
console.log([...counts].map(([c, n]) => `${c}: ${n}`).join(', '));

// a deterministic sample, so that one run does not show only the first articles
let state = Number(values.seed) || 1;
const random = (): number => {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state / 2147483648;
};
const chosen = misses.filter((m) => values.class === 'all' || m.cls === values.class);
const limit = Number(values.limit);
const sample = chosen
  .map((m) => ({ m, r: random() }))
  .sort((a, b) => a.r - b.r)
  .slice(0, limit);
for (const { m } of sample) console.log(`[${m.cls}] ${m.line}\n`);
