/**
 * `npm run bench:extract`: how fast a warm extractor handles typical ~3 KB news articles.
 *
 * The articles are built deterministically from the golden inputs (test/fixtures/extract) and the
 * seed: each takes one case's header and title and then paragraphs from the cases in a fixed
 * rotation until it passes 3,000 characters, so people, quotes and prices all occur. It warms up,
 * times every extraction, and prints ms per article (mean, p50, p99), KB/s, and the ratio to a
 * baseline measured in the same process over the same texts: one plain regular-expression scan
 * for capitalised words and quote marks, the least any extractor must do. A last line times one
 * long document (~400 KB, built the same way) to show that time grows linearly with size. It
 * prints; it asserts nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../src/extract/index.ts';
import { parseDocument } from '../src/extract/document.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.join(root, 'test', 'fixtures', 'extract');
const seed = path.join(root, 'seed', '000_f4c9ddd443287ec6.txt');

const TARGET_CHARS = 3000;
const ARTICLES = 24;
const WARMUP_ROUNDS = 30;
const ROUNDS = 60;

function sources(): string[] {
  const texts: string[] = [];
  if (existsSync(seed)) texts.push(readFileSync(seed, 'utf8'));
  if (existsSync(fixtures)) {
    for (const name of readdirSync(fixtures).sort()) {
      const file = path.join(fixtures, name, 'input.txt');
      if (existsSync(file)) texts.push(readFileSync(file, 'utf8'));
    }
  }
  if (texts.length === 0) throw new Error('no golden inputs or seed to build articles from');
  return texts;
}

function buildArticles(count = ARTICLES, target = TARGET_CHARS): string[] {
  const docs = sources().map((t) => parseDocument(t));
  const paragraphs = docs.flatMap((d) => d.paragraphs.map((p) => p.text));
  const articles: string[] = [];
  let next = 0;
  for (let a = 0; a < count; a++) {
    const head = docs[a % docs.length]!;
    const lines = [...head.header.map((h) => h.text), head.title.text, ''];
    let size = lines.join('\n').length;
    while (size < target) {
      const p = paragraphs[next++ % paragraphs.length]!;
      lines.push(p);
      size += p.length + 1;
    }
    articles.push(lines.join('\n') + '\n');
  }
  return articles;
}

const BASELINE = /\p{Lu}[\p{L}'’-]*|[“”"«»„]/gu;

function baselineScan(text: string): number {
  let n = 0;
  BASELINE.lastIndex = 0;
  while (BASELINE.exec(text) !== null) n++;
  return n;
}

interface Stats {
  mean: number;
  p50: number;
  p99: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { mean: samples.reduce((s, x) => s + x, 0) / samples.length, p50: at(0.5), p99: at(0.99) };
}

function time(articles: string[], rounds: number, fn: (text: string) => unknown): number[] {
  const samples: number[] = [];
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    for (const text of articles) {
      const t0 = performance.now();
      const out = fn(text);
      samples.push(performance.now() - t0);
      if (out) sink++;
    }
  }
  if (sink < 0) console.log(sink); // keeps the results alive
  return samples;
}

const articles = buildArticles();
const totalChars = articles.reduce((s, a) => s + a.length, 0);
const meanKB = totalChars / articles.length / 1024;

time(articles, WARMUP_ROUNDS, extract);
time(articles, WARMUP_ROUNDS, baselineScan);

const ours = stats(time(articles, ROUNDS, extract));
const base = stats(time(articles, ROUNDS, baselineScan));
const facts = articles.map((a) => extract(a));
const people = facts.reduce((s, e) => s + e.people.length, 0) / facts.length;
const quotes = facts.reduce((s, e) => s + e.quotes.length, 0) / facts.length;
const prices = facts.reduce((s, e) => s + e.prices.length, 0) / facts.length;

const fmt = (x: number): string => x.toFixed(3).padStart(8);
console.log(
  `extract bench: ${articles.length} articles, mean ${meanKB.toFixed(2)} KB, ${ROUNDS} rounds after ${WARMUP_ROUNDS} warm-up rounds`,
);
console.log(
  `facts per article: ${people.toFixed(1)} people, ${quotes.toFixed(1)} quotes, ${prices.toFixed(1)} prices`,
);
console.log('                     mean ms   p50 ms   p99 ms      KB/s');
console.log(
  `extract()          ${fmt(ours.mean)} ${fmt(ours.p50)} ${fmt(ours.p99)} ${(meanKB / (ours.mean / 1000)).toFixed(0).padStart(9)}`,
);
console.log(
  `baseline regex scan${fmt(base.mean)} ${fmt(base.p50)} ${fmt(base.p99)} ${(meanKB / (base.mean / 1000)).toFixed(0).padStart(9)}`,
);
console.log(
  `ratio to baseline: ${(ours.mean / base.mean).toFixed(1)}x (mean), ${(ours.p50 / base.p50).toFixed(1)}x (p50)`,
);

// One long document: a bulk import must not stall on a big file, so time must stay linear in size.
const LONG_CHARS = 400 * 1024;
const LONG_ROUNDS = 5;
const long = buildArticles(1, LONG_CHARS);
time(long, 2, extract);
const longStats = stats(time(long, LONG_ROUNDS, extract));
const longKB = long[0]!.length / 1024;
console.log(
  `long document ${longKB.toFixed(0)} KB: ${longStats.mean.toFixed(1)} ms mean over ${LONG_ROUNDS} runs, ` +
    `${(longStats.mean / longKB).toFixed(3)} ms/KB (${(ours.mean / meanKB).toFixed(3)} ms/KB for ~3 KB articles)`,
);
