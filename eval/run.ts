/**
 * `npm run eval`: measures the extractor against the hand-annotated corpus (eval/corpus/) and the
 * public sets in ../shared/eval (CoNLL-2003 persons, PolNeAR quotes, three money sets).
 *
 *   npm run eval -- [--only corpus|conll|polnear|money] [--corpus DIR] [--verbose] [--strict]
 *
 * --corpus DIR scores another folder of NNN_slug.txt/.json pairs (default eval/corpus), e.g. a
 * held-out set; figures are then not written to eval/results/latest.json.
 * It reports; it does not assert. Exit 0 unless --strict and a corpus target is missed (exit 1),
 * or the extractor cannot be loaded at all under --strict. Figures go to eval/results/latest.json.
 * Matching rules: eval/README.md and the comments in eval/score.ts.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Extraction, ParsedDocument } from '../src/extract/types.ts';
import {
  addCounts,
  emptyCounts,
  multisetCounts,
  normName,
  prf,
  priceKey,
  ratio,
  scorePeople,
  scorePrices,
  scoreQuotes,
  short,
  type Counts,
  type Truth,
} from './score.ts';
import { polnearText, scorePolnearDoc, type PolnearRecord } from './polnear.ts';
import {
  selectDuckling,
  selectPriceParser,
  selectRecognizers,
  type DucklingItem,
  type PriceParserItem,
  type RecognizersMention,
  type Selected,
} from './money.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const defaultCorpusDir = path.join(here, 'corpus');
const resultsFile = path.join(here, 'results', 'latest.json');
const sharedDir = process.env.NEWS_ARCHIVE_EVAL_DATA
  ? path.resolve(process.env.NEWS_ARCHIVE_EVAL_DATA)
  : path.resolve(repoRoot, '../shared/eval');

/** Issue 8's targets on PolNeAR with the reference rules. */
export const POLNEAR_TARGETS = { quoteF1: 0.96, namedSpeaker: 0.95 } as const;

export const TARGETS = {
  quoteF1: 0.95,
  speakerAccuracy: 0.95,
  peopleF1: 0.95,
  heldOutPeopleF1: 0.92,
  priceF1: 0.97,
} as const;

type Part = 'corpus' | 'conll' | 'polnear' | 'money';
const PARTS: Part[] = ['corpus', 'conll', 'polnear', 'money'];

// ------------------------------------------------------------------ CLI

function parseArgs(argv: string[]): {
  only: Part[];
  verbose: boolean;
  strict: boolean;
  corpusDir: string;
} {
  let only: Part[] = PARTS;
  let corpusDir = defaultCorpusDir;
  let verbose = false;
  let strict = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--verbose' || a === '-v') verbose = true;
    else if (a === '--strict') strict = true;
    else if (a === '--only' || a?.startsWith('--only=')) {
      const v = a === '--only' ? argv[++i] : a.slice('--only='.length);
      const parts = (v ?? '').split(',').filter(Boolean);
      for (const p of parts) {
        if (!PARTS.includes(p as Part)) {
          console.error(`unknown part "${p}"; expected one of ${PARTS.join(', ')}`);
          process.exit(2);
        }
      }
      only = parts as Part[];
    } else if (a === '--corpus' || a?.startsWith('--corpus=')) {
      const v = a === '--corpus' ? argv[++i] : a.slice('--corpus='.length);
      if (!v || !existsSync(v)) {
        console.error(`--corpus: directory "${v ?? ''}" does not exist`);
        process.exit(2);
      }
      corpusDir = path.resolve(v);
    } else if (a === '--help' || a === '-h') {
      console.log(
        'usage: npm run eval -- [--only corpus|conll|polnear|money] [--corpus DIR] [--verbose] [--strict]',
      );
      process.exit(0);
    } else {
      console.error(`unknown argument ${a ?? ''}`);
      process.exit(2);
    }
  }
  return { only, verbose, strict, corpusDir };
}

// ------------------------------------------------------------------ extractor loading

interface ExtractorApi {
  extract(text: string): Extraction;
  extractDocument(document: ParsedDocument): Extraction;
  documentFromParts(parts: { title: string; paragraphs: string[] }): ParsedDocument;
}
interface PricesApi {
  findPricesInText(
    text: string,
  ): { amount: string; currency: string; raw: string; start: number; end: number }[];
}

async function load<T>(rel: string, names: string[]): Promise<T | string> {
  const file = path.join(repoRoot, rel);
  if (!existsSync(file)) return `${rel} does not exist`;
  try {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const missing = names.filter((n) => typeof mod[n] !== 'function');
    if (missing.length) return `${rel} does not export ${missing.join(', ')}`;
    return mod as T;
  } catch (err) {
    return `${rel} failed to load: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
  }
}

/** Runs `fn` and turns a throw into a recorded error, so one bad document does not end the run. */
function guarded<T>(fn: () => T, errors: string[], what: string): T | null {
  try {
    return fn();
  } catch (err) {
    errors.push(`${what}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    return null;
  }
}

// ------------------------------------------------------------------ printing

const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);
const mark = (value: number, target: number): string => (value >= target ? 'PASS' : 'MISS');

function table(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(`  ${line(head)}`);
  console.log(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(`  ${line(r)}`);
}

function prfRow(label: string, c: Counts, target?: number): string[] {
  const s = prf(c);
  return [
    label,
    String(c.tp),
    String(c.fp),
    String(c.fn),
    pct(s.precision),
    pct(s.recall),
    pct(s.f1),
    target === undefined ? '' : `≥ ${pct(target).trim()}`,
    target === undefined ? '' : mark(s.f1, target),
  ];
}
const PRF_HEAD = ['', 'tp', 'fp', 'fn', 'P %', 'R %', 'F1 %', 'target', ''];

function accRow(label: string, right: number, total: number, target?: number): string[] {
  const a = ratio(right, total);
  return [
    label,
    `${right}/${total}`,
    '',
    '',
    '',
    '',
    pct(a),
    target === undefined ? '' : `≥ ${pct(target).trim()}`,
    target === undefined ? '' : mark(a, target),
  ];
}

function heading(s: string): void {
  console.log(`\n== ${s} ${'='.repeat(Math.max(0, 76 - s.length))}`);
}

const figures = (c: Counts): Counts & { precision: number; recall: number; f1: number } => ({
  ...c,
  ...prf(c),
});

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

// ------------------------------------------------------------------ corpus

interface CorpusResult {
  documents: number;
  people: ReturnType<typeof figures> & { aliasRecall: number; aliasFound: number; aliasTotal: number };
  quotes: ReturnType<typeof figures>;
  speakerAccuracy: number;
  speakerRight: number;
  speakerTotal: number;
  cueAgreement: number;
  prices: ReturnType<typeof figures>;
  titleAccuracy: number;
  errors: string[];
  pass: Record<'peopleF1' | 'quoteF1' | 'speakerAccuracy' | 'priceF1', boolean>;
}

function runCorpus(api: ExtractorApi, verbose: boolean, corpusDir: string): CorpusResult {
  heading(`corpus: ${path.relative(repoRoot, corpusDir)}`);
  const files = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const people = emptyCounts();
  const quotes = emptyCounts();
  const prices = emptyCounts();
  let aliasFound = 0;
  let aliasTotal = 0;
  let speakerRight = 0;
  let speakerTotal = 0;
  let cueRight = 0;
  let cueTotal = 0;
  let titlesRight = 0;
  const errors: string[] = [];
  const started = performance.now();
  for (const f of files) {
    const text = readFileSync(path.join(corpusDir, f), 'utf8');
    const truth = JSON.parse(
      readFileSync(path.join(corpusDir, f.replace(/\.txt$/, '.json')), 'utf8'),
    ) as Truth;
    const x = guarded(() => api.extract(text), errors, f);
    const pred = x ?? { title: '', people: [], quotes: [], prices: [] };
    const ps = scorePeople(truth.people, pred.people);
    const qs = scoreQuotes(truth.quotes, pred.quotes);
    const rs = scorePrices(truth.prices, pred.prices);
    addCounts(people, ps);
    addCounts(quotes, qs);
    addCounts(prices, rs);
    aliasFound += ps.aliasFound;
    aliasTotal += ps.aliasTotal;
    speakerRight += qs.speakerRight;
    speakerTotal += qs.speakerTotal;
    cueRight += qs.cueRight;
    cueTotal += qs.cueTotal;
    if (normName(pred.title) === normName(truth.title)) titlesRight++;
    if (verbose) {
      const lines: string[] = [];
      const add = (label: string, items: string[]): void => {
        for (const i of items) lines.push(`    ${label} ${i}`);
      };
      add('person missed   ', ps.missed);
      add('person extra    ', ps.extra);
      add('alias missed    ', ps.aliasMissed);
      add('quote missed    ', qs.missed);
      add('quote extra     ', qs.extra);
      add('speaker wrong   ', qs.wrongSpeaker);
      add('price missed    ', rs.missed);
      add('price extra     ', rs.extra);
      if (normName(pred.title) !== normName(truth.title))
        lines.push(`    title           gold "${short(truth.title)}", got "${short(pred.title)}"`);
      if (lines.length) console.log(`  ${f}\n${lines.join('\n')}`);
    }
  }
  const ms = performance.now() - started;
  const speakerAccuracy = ratio(speakerRight, speakerTotal);
  console.log(`  ${files.length} documents, ${(ms / Math.max(1, files.length)).toFixed(1)} ms/doc\n`);
  table(PRF_HEAD, [
    prfRow('people (canonical name)', people, TARGETS.peopleF1),
    prfRow('quotes (text)', quotes, TARGETS.quoteF1),
    accRow('speaker accuracy (matched quotes)', speakerRight, speakerTotal, TARGETS.speakerAccuracy),
    prfRow('prices (amount, currency)', prices, TARGETS.priceF1),
    accRow('alias recall (info)', aliasFound, aliasTotal),
    accRow('cue agreement (info)', cueRight, cueTotal),
    accRow('title exact (info)', titlesRight, files.length),
  ]);
  if (errors.length) {
    console.log(`\n  ${errors.length} documents threw:`);
    for (const e of errors.slice(0, 10)) console.log(`    ${e}`);
  }
  if (!verbose) console.log('\n  (per-document misses: npm run eval -- --only corpus --verbose)');
  const pass = {
    peopleF1: prf(people).f1 >= TARGETS.peopleF1,
    quoteF1: prf(quotes).f1 >= TARGETS.quoteF1,
    speakerAccuracy: speakerAccuracy >= TARGETS.speakerAccuracy,
    priceF1: prf(prices).f1 >= TARGETS.priceF1,
  };
  return {
    documents: files.length,
    people: { ...figures(people), aliasRecall: ratio(aliasFound, aliasTotal), aliasFound, aliasTotal },
    quotes: figures(quotes),
    speakerAccuracy,
    speakerRight,
    speakerTotal,
    cueAgreement: ratio(cueRight, cueTotal),
    prices: figures(prices),
    titleAccuracy: ratio(titlesRight, files.length),
    errors,
    pass,
  };
}

// ------------------------------------------------------------------ CoNLL-2003

interface ConllSentence {
  id: string;
  doc: number;
  text: string;
  persons: string[];
}

/**
 * Rule: sentences of one `doc` are given to the extractor as one document (title '', one
 * paragraph per sentence) so that alias merging works across the document. Each person mention
 * the extractor reports is assigned to the sentence (paragraph) its offsets fall in. Per sentence,
 * gold and predicted person mentions are compared as multisets of `normName` surface strings
 * (case-folded, punctuation dropped, possessive removed): "Bitar" = "BITAR" = "Bitar 's".
 * A mention is the name as written in that sentence (PersonFact.mentions[].text), not the
 * canonical name. compromise gets each sentence on its own: `nlp(text).people().out('array')`.
 */
async function runConll(api: ExtractorApi, verbose: boolean): Promise<Record<string, unknown>> {
  const file = path.join(sharedDir, 'conll2003', 'persons.jsonl');
  heading('CoNLL-2003 persons (test split, 142 docs)');
  const sentences = readJsonl<ConllSentence>(file);
  const byDoc = new Map<number, ConllSentence[]>();
  for (const s of sentences) byDoc.set(s.doc, [...(byDoc.get(s.doc) ?? []), s]);
  const ours = emptyCounts();
  // the rules were developed on the first half of the documents; the second half is the
  // held-out figure. Its error
  // classes were later looked at on its first part ("seen"), so only its second part ("unseen")
  // is still text nobody tuned on; both parts are reported.
  const docIds = [...byDoc.keys()].sort((a, b) => a - b);
  const heldOutFrom = docIds[Math.floor(docIds.length / 2)] ?? 0;
  const heldOutIds = docIds.filter((d) => d >= heldOutFrom);
  const unseenFrom = heldOutIds[Math.floor(heldOutIds.length / 2)] ?? heldOutFrom;
  type Half = 'development' | 'heldOut' | 'heldOutSeen' | 'heldOutUnseen';
  const halvesOf = (doc: number): Half[] =>
    doc < heldOutFrom ? ['development'] : ['heldOut', doc < unseenFrom ? 'heldOutSeen' : 'heldOutUnseen'];
  const newHalves = (): Record<Half, Counts> => ({
    development: emptyCounts(),
    heldOut: emptyCounts(),
    heldOutSeen: emptyCounts(),
    heldOutUnseen: emptyCounts(),
  });
  const halves = newHalves();
  const distinctHalves = newHalves();
  const errors: string[] = [];
  const misses: string[] = [];
  let misaligned = 0;
  const started = performance.now();
  for (const [doc, sents] of byDoc) {
    const preds: string[][] = sents.map(() => []);
    const x = guarded(
      () => api.extractDocument(api.documentFromParts({ title: '', paragraphs: sents.map((s) => s.text) })),
      errors,
      `doc ${doc}`,
    );
    if (x) {
      const paras = x.document.paragraphs;
      if (paras.length !== sents.length) misaligned++;
      for (const p of x.people)
        for (const m of p.mentions) {
          const idx = paras.findIndex((sp) => m.start >= sp.start && m.start < sp.end);
          if (idx >= 0 && idx < preds.length) preds[idx]?.push(m.text);
        }
    }
    // the issue's rule: distinct normalised names per document, as sets
    const goldNames = new Set(sents.flatMap((s) => s.persons.map(normName)));
    const predNames = new Set(preds.flat().map(normName));
    const distinct = multisetCounts([...goldNames], [...predNames]);
    for (const h of halvesOf(doc)) addCounts(distinctHalves[h], distinct);
    // the unseen part's errors are never printed: reading them would make it seen
    if (verbose && doc < unseenFrom && (distinct.missed.length || distinct.extra.length))
      misses.push(
        `    doc ${doc}: missed [${distinct.missed.join('; ')}] extra [${distinct.extra.join('; ')}]`,
      );
    sents.forEach((s, i) => {
      const c = multisetCounts(s.persons.map(normName), (preds[i] ?? []).map(normName));
      addCounts(ours, c);
      for (const h of halvesOf(doc)) addCounts(halves[h], c);
    });
  }
  const msOurs = performance.now() - started;
  const base = emptyCounts();
  let msBase = 0;
  try {
    const nlp = (await import('compromise')).default;
    const t0 = performance.now();
    for (const s of sentences) {
      const got = nlp(s.text).people().out('array') as string[];
      addCounts(base, multisetCounts(s.persons.map(normName), got.map(normName)));
    }
    msBase = performance.now() - t0;
  } catch (err) {
    console.log(`  compromise unavailable: ${String(err)}`);
  }
  const goldTotal = sentences.reduce((n, s) => n + s.persons.length, 0);
  console.log(
    `  ${sentences.length} sentences in ${byDoc.size} documents, ${goldTotal} gold person mentions`,
  );
  console.log(
    '  rule: per sentence, multiset of normalised mention strings (case/punctuation-insensitive)\n',
  );
  table(PRF_HEAD, [
    prfRow(`news-archive (${msOurs.toFixed(0)} ms)`, ours, TARGETS.peopleF1),
    prfRow(`  development half (docs < ${heldOutFrom})`, halves.development),
    prfRow(`  held-out half (docs ≥ ${heldOutFrom})`, halves.heldOut),
    prfRow(`    seen part (docs < ${unseenFrom})`, halves.heldOutSeen),
    prfRow(`    unseen part (docs ≥ ${unseenFrom})`, halves.heldOutUnseen),
    prfRow(`distinct names per doc, development`, distinctHalves.development),
    prfRow(`distinct names per doc, held-out`, distinctHalves.heldOut, TARGETS.heldOutPeopleF1),
    prfRow(`  held-out seen part`, distinctHalves.heldOutSeen),
    prfRow(`  held-out unseen part`, distinctHalves.heldOutUnseen),
    prfRow(`compromise baseline (${msBase.toFixed(0)} ms)`, base),
  ]);
  if (misaligned) console.log(`  warning: ${misaligned} documents had paragraph count != sentence count`);
  if (errors.length) console.log(`  ${errors.length} documents threw, e.g. ${errors[0] ?? ''}`);
  if (verbose) console.log(misses.slice(0, 200).join('\n'));
  return {
    sentences: sentences.length,
    documents: byDoc.size,
    ours: figures(ours),
    development: figures(halves.development),
    heldOut: figures(halves.heldOut),
    heldOutSeen: figures(halves.heldOutSeen),
    heldOutUnseen: figures(halves.heldOutUnseen),
    heldOutFrom,
    unseenFrom,
    distinctPerDocument: {
      development: figures(distinctHalves.development),
      heldOut: figures(distinctHalves.heldOut),
      heldOutSeen: figures(distinctHalves.heldOutSeen),
      heldOutUnseen: figures(distinctHalves.heldOutUnseen),
    },
    compromise: figures(base),
    errors: errors.length,
  };
}

// ------------------------------------------------------------------ PolNeAR

/**
 * PolNeAR train and dev, scored with the reference rules (eval/polnear.ts mirrors
 * ../shared/eval/scorers/polnear.py: quotes of ≥ 4 tokens, token F1 ≥ 0.9 one to one, fragments
 * inside paraphrases left out; named-speaker accuracy on the scorer's name keys), with the misses
 * counted by class (the classes eval/polnear-errors.ts lists one by one).
 */
function runPolnear(api: ExtractorApi, verbose: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const split of ['train', 'dev'] as const) {
    const file = path.join(sharedDir, 'polnear', `quotes_${split}.jsonl`);
    heading(`PolNeAR quotes (${split} split, reference rules)`);
    out[split] = polnearSplit(api, readJsonl<PolnearRecord>(file), verbose);
  }
  return out;
}

function polnearSplit(api: ExtractorApi, docs: PolnearRecord[], verbose: boolean): Record<string, unknown> {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let spRight = 0;
  let spTotal = 0;
  const classes = { speakerNull: 0, speakerWrong: 0, speakerNotAPerson: 0, missedQuote: 0, extraQuote: 0 };
  const errors: string[] = [];
  const misses: string[] = [];
  const started = performance.now();
  for (const d of docs) {
    const x = guarded(() => api.extract(polnearText(d)), errors, d.id);
    const s = scorePolnearDoc(d, { quotes: x?.quotes ?? [], people: x?.people ?? [] });
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
    spRight += s.speakerRight;
    spTotal += s.speakerTotal;
    classes.missedQuote += s.missed.length;
    classes.extraQuote += s.extra.length;
    for (const pair of s.pairs) {
      if (pair.key === null || pair.speakerRight) continue;
      const known = (x?.people ?? []).some((p) =>
        [p.name, ...p.aliases].some((n) =>
          n
            .toLowerCase()
            .split(/[\s-]+/)
            .includes(pair.key!),
        ),
      );
      if (!known) classes.speakerNotAPerson++;
      else if (pair.pred.speaker === null) classes.speakerNull++;
      else classes.speakerWrong++;
      if (verbose)
        misses.push(
          `    ${d.id} speaker: gold ${pair.gold.speaker ?? ''}, got ${pair.pred.speaker ?? 'null'}`,
        );
    }
  }
  const ms = performance.now() - started;
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const spAcc = ratio(spRight, spTotal);
  console.log(
    `  ${docs.length} articles, ${tp + fn} scored gold quotes, ${(ms / docs.length).toFixed(1)} ms/doc`,
  );
  table(
    ['', 'counts', 'P %', 'R %', 'F1/acc %', 'target', ''],
    [
      [
        'quotes',
        `tp ${tp} fp ${fp} fn ${fn}`,
        pct(precision),
        pct(recall),
        pct(f1),
        `≥ ${pct(POLNEAR_TARGETS.quoteF1).trim()}`,
        mark(f1, POLNEAR_TARGETS.quoteF1),
      ],
      [
        'named speaker',
        `${spRight}/${spTotal}`,
        '',
        '',
        pct(spAcc),
        `≥ ${pct(POLNEAR_TARGETS.namedSpeaker).trim()}`,
        mark(spAcc, POLNEAR_TARGETS.namedSpeaker),
      ],
    ],
  );
  console.log(
    `  misses by class: speaker null ${classes.speakerNull}, speaker wrong ${classes.speakerWrong}, gold speaker not among the article's people ${classes.speakerNotAPerson} (mostly organisations), quotes missed ${classes.missedQuote}, extra ${classes.extraQuote}`,
  );
  console.log('  (one by one: node --import tsx eval/polnear-errors.ts --class null|wrong|missed|extra)');
  if (errors.length) console.log(`  ${errors.length} documents threw, e.g. ${errors[0] ?? ''}`);
  if (verbose) console.log(misses.slice(0, 300).join('\n'));
  return {
    articles: docs.length,
    quotes: { tp, fp, fn, precision, recall, f1 },
    namedSpeaker: { right: spRight, total: spTotal, accuracy: spAcc },
    missesByClass: classes,
    errors: errors.length,
  };
}

// ------------------------------------------------------------------ money

interface MoneySet {
  name: string;
  file: string;
  select: (row: unknown, mapUnits: boolean) => Selected;
  /** price-parser: the gold is "the one price the string is about". */
  onePrice: boolean;
}

const MONEY_SETS: MoneySet[] = [
  {
    name: 'Recognizers-Text currency',
    file: 'recognizers_text_currency/money.jsonl',
    select: (row, mapUnits) => selectRecognizers((row as { money: RecognizersMention[] }).money, mapUnits),
    onePrice: false,
  },
  {
    name: 'price-parser',
    file: 'price_parser/money.jsonl',
    select: (row) => selectPriceParser(row as PriceParserItem),
    onePrice: true,
  },
  {
    name: 'Duckling amount-of-money (EN)',
    file: 'duckling_amount_of_money/money.jsonl',
    select: (row, mapUnits) => selectDuckling(row as DucklingItem, mapUnits),
    onePrice: false,
  },
];

function runMoney(api: PricesApi, verbose: boolean): Record<string, unknown> {
  heading('money (findPricesInText)');
  console.log(
    '  rules: multisets of (canonical amount, ISO code) per text; price-parser: one gold price per',
  );
  console.log(
    '  string, found if any prediction equals it, one false positive per string whose predictions miss it.',
  );
  console.log(
    '  "mapped": "$"/dollars → USD, cents → USD/100, "£"/pounds → GBP, pence → GBP/100 (the news rule);',
  );
  console.log('  "ISO only": just the items whose gold already carries an ISO code.\n');
  const rows: string[][] = [];
  const out: Record<string, unknown> = {};
  const skipLines: string[] = [];
  const misses: string[] = [];
  let all = emptyCounts();
  for (const set of MONEY_SETS) {
    const file = path.join(sharedDir, set.file);
    const items = readJsonl<{ id: string; text: string }>(file);
    const variants: [string, boolean][] = set.onePrice
      ? [['', true]]
      : [
          [' mapped', true],
          [' ISO only', false],
        ];
    for (const [suffix, mapUnits] of variants) {
      const counts = emptyCounts();
      const skips = new Map<string, number>();
      let used = 0;
      const errors: string[] = [];
      for (const item of items) {
        const sel = set.select(item, mapUnits);
        if ('skip' in sel) {
          skips.set(sel.skip, (skips.get(sel.skip) ?? 0) + 1);
          continue;
        }
        used++;
        const found = guarded(() => api.findPricesInText(item.text), errors, item.id) ?? [];
        const predKeys = found.map((p) => priceKey(p.amount, p.currency));
        const goldKeys = sel.gold.map((g) => priceKey(g.amount, g.currency));
        let c: Counts;
        if (set.onePrice) {
          const hit = goldKeys.length > 0 && goldKeys.every((k) => predKeys.includes(k));
          c = {
            tp: hit ? goldKeys.length : 0,
            fn: hit ? 0 : goldKeys.length,
            fp: !hit && predKeys.length > 0 ? 1 : 0,
          };
        } else c = multisetCounts(goldKeys, predKeys);
        addCounts(counts, c);
        if (verbose && (c.fp || c.fn) && mapUnits)
          misses.push(
            `    ${item.id} "${short(item.text, 60)}": gold [${goldKeys.join('; ')}] got [${predKeys.join('; ')}]`,
          );
      }
      const label = `${set.name}${suffix} (${used}/${items.length} items)`;
      rows.push(prfRow(label, counts, TARGETS.priceF1));
      out[`${set.name}${suffix}`] = {
        items: items.length,
        scored: used,
        ...figures(counts),
        skipped: Object.fromEntries(skips),
        errors: errors.length,
      };
      if (mapUnits) {
        all = addCounts(all, counts);
        // "... code (kr)" and "... code (R)" are one reason with their details listed together.
        const grouped = new Map<string, { n: number; details: Set<string> }>();
        for (const [reason, n] of skips) {
          const m = /^(.*?) \((.*)\)$/.exec(reason);
          const key = m?.[1] ?? reason;
          const g = grouped.get(key) ?? { n: 0, details: new Set<string>() };
          g.n += n;
          if (m?.[2]) g.details.add(m[2]);
          grouped.set(key, g);
        }
        for (const [reason, g] of [...grouped].sort((x, y) => y[1].n - x[1].n))
          skipLines.push(
            `    ${set.name}: ${g.n} skipped: ${reason}${g.details.size ? ` (${[...g.details].join(', ')})` : ''}`,
          );
      }
    }
  }
  rows.push(prfRow('all sets (mapped)', all, TARGETS.priceF1));
  table(PRF_HEAD, rows);
  console.log('\n  skipped (not money in news text, or no ISO code to compare):');
  console.log(skipLines.join('\n'));
  if (verbose) console.log(misses.slice(0, 300).join('\n'));
  out.all = figures(all);
  return out;
}

// ------------------------------------------------------------------ main

async function main(): Promise<void> {
  const { only, verbose, strict, corpusDir } = parseArgs(process.argv.slice(2));
  const results: Record<string, unknown> = { generatedAt: new Date().toISOString(), targets: TARGETS };
  const api = await load<ExtractorApi>('src/extract/index.ts', [
    'extract',
    'extractDocument',
    'documentFromParts',
  ]);
  const prices = await load<PricesApi>('src/extract/prices.ts', ['findPricesInText']);
  let exitCode = 0;
  const haveShared = existsSync(sharedDir);

  if (only.includes('corpus')) {
    if (typeof api === 'string') {
      console.log(`\ncorpus: extractor not runnable (${api}); nothing scored`);
      results.corpus = { error: api };
      if (strict) exitCode = 1;
    } else {
      const r = runCorpus(api, verbose, corpusDir);
      results.corpus = r;
      if (strict && !Object.values(r.pass).every(Boolean)) exitCode = 1;
    }
  }
  const publicParts = only.filter((p) => p !== 'corpus');
  if (publicParts.length && !haveShared) {
    console.log(
      `\npublic data: ${sharedDir} does not exist (set NEWS_ARCHIVE_EVAL_DATA); scoring the corpus only`,
    );
    results.public = { error: `${sharedDir} not found` };
  } else if (publicParts.length) {
    if (only.includes('conll')) {
      if (typeof api === 'string') console.log(`\nCoNLL: extractor not runnable (${api})`);
      else results.conll = await runConll(api, verbose);
    }
    if (only.includes('polnear')) {
      if (typeof api === 'string') console.log(`\nPolNeAR: extractor not runnable (${api})`);
      else results.polnear = runPolnear(api, verbose);
    }
    if (only.includes('money')) {
      if (typeof prices === 'string') console.log(`\nmoney: findPricesInText not runnable (${prices})`);
      else results.money = runMoney(prices, verbose);
    }
  }
  // Partial runs (--only) and runs on another corpus (--corpus) do not overwrite the full figures.
  if (only.length === PARTS.length && corpusDir === defaultCorpusDir) {
    mkdirSync(path.dirname(resultsFile), { recursive: true });
    writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nfigures written to ${path.relative(repoRoot, resultsFile)}`);
  }
  process.exitCode = exitCode;
}

await main();
