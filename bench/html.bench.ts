/**
 * `npm run bench:html`: HTML and WARC import throughput (pages/s, MB/s) beside Readability alone
 * on the same real pages (../shared/eval/html/pages), and the peak memory of a WARC import.
 *
 *   npm run bench:html -- [--pages N] [--warc-mb M]
 *
 * Readability alone: linkedom parse + Readability.parse() per page, in this process (stock
 * options), the floor any HTML import pays. The reader: decode + the archive's HTML reader
 * (metadata, Readability, paragraphs, furniture), in this process. HTML import and WARC import:
 * `news-archive import` in a child process into a fresh archive (extraction and writes included),
 * the WARC written with warcio from the same pages (gzip per record). --warc-mb M also imports a
 * WARC of about M MB, mostly non-HTML records (skipped after their headers) around the pages,
 * under /usr/bin/time -v, to show that the peak RSS does not grow with the file (default 0: off).
 * N defaults to 80 pages (under a minute on a quiet 2-core machine, about two under load).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { WARCRecord, WARCSerializer } from 'warcio';
import { readDocuments } from '../src/ingest/readers/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PAGES = path.join(ROOT, '..', 'shared', 'eval', 'html', 'pages');
const { values } = parseArgs({
  options: { pages: { type: 'string' }, 'warc-mb': { type: 'string' } },
});
const pageCount = Number(values.pages ?? 80);
const warcMb = Number(values['warc-mb'] ?? 0);
const MB = 1024 * 1024;

function pageFiles(): string[] {
  const all = fs
    .readdirSync(PAGES)
    .flatMap((set) => fs.readdirSync(path.join(PAGES, set)).map((name) => path.join(PAGES, set, name)))
    .filter((file) => file.endsWith('.html'))
    .sort();
  // Every k-th page, so that a subset mixes both sets.
  const step = Math.max(1, Math.floor(all.length / pageCount));
  return all.filter((_, i) => i % step === 0).slice(0, pageCount);
}

interface Row {
  what: string;
  seconds: number;
  pages: number;
  bytes: number;
  note?: string;
}

function timed(what: string, pages: Buffer[], run: (page: Buffer) => void): Row {
  const started = performance.now();
  for (const page of pages) run(page);
  const bytes = pages.reduce((sum, p) => sum + p.length, 0);
  return { what, seconds: (performance.now() - started) / 1000, pages: pages.length, bytes };
}

function importWith(args: string[], dir: string): { seconds: number; stdout: string; maxRss: number | null } {
  const db = path.join(dir, `archive-${Math.random().toString(36).slice(2)}.db`);
  const time = fs.existsSync('/usr/bin/time');
  const command = time ? '/usr/bin/time' : process.execPath;
  const commandArgs = [
    ...(time ? ['-v', process.execPath] : []),
    path.join(ROOT, 'bin/news-archive.js'),
    'import',
    ...args,
  ];
  const started = performance.now();
  const result = spawnSync(command, commandArgs, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${db}` },
    encoding: 'utf8',
    maxBuffer: 64 * MB,
  });
  const seconds = (performance.now() - started) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  return { seconds, stdout: result.stdout, maxRss: rss ? Number(rss[1]) * 1024 : null };
}

async function response(url: string, body: Uint8Array, contentType: string): Promise<Uint8Array> {
  const record = WARCRecord.create(
    {
      url,
      date: '2024-05-03T10:00:00Z',
      type: 'response',
      warcVersion: 'WARC/1.1',
      httpHeaders: { 'Content-Type': contentType },
    },
    [body],
  );
  return WARCSerializer.serialize(record, { gzip: true });
}

/** A .warc.gz of the pages, with `fillerMb` of non-HTML responses spread between them; streamed to disk. */
async function writeWarc(
  file: string,
  pages: { file: string; bytes: Buffer }[],
  fillerMb = 0,
): Promise<number> {
  const out = fs.openSync(file, 'w');
  const filler = Buffer.alloc(MB, 7); // compresses well: the file is bytes on disk, not RAM
  const perPage = Math.ceil(fillerMb / pages.length);
  try {
    let n = 0;
    for (const page of pages) {
      fs.writeSync(
        out,
        await response(`https://bench.example/${path.basename(page.file)}`, page.bytes, 'text/html'),
      );
      for (let i = 0; i < perPage; i++)
        fs.writeSync(
          out,
          await response(`https://bench.example/blob-${n++}.bin`, filler, 'application/octet-stream'),
        );
    }
  } finally {
    fs.closeSync(out);
  }
  return fs.statSync(file).size;
}

function printTable(rows: Row[]): void {
  const lines = rows.map((r) => [
    r.what,
    String(r.pages),
    (r.bytes / MB).toFixed(1),
    r.seconds.toFixed(1),
    (r.pages / r.seconds).toFixed(1),
    (r.bytes / MB / r.seconds).toFixed(2),
    r.note ?? '',
  ]);
  const header = ['measure', 'pages', 'MB', 's', 'pages/s', 'MB/s', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines) console.log(line(l));
}

const files = pageFiles();
const pages = files.map((file) => ({ file, bytes: fs.readFileSync(file) }));
const buffers = pages.map((p) => p.bytes);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-archive-bench-html-'));
try {
  const rows: Row[] = [];
  rows.push(
    timed('Readability alone (linkedom + parse)', buffers, (page) => {
      const { document } = parseHTML(page.toString('utf8')) as { document: unknown };
      new Readability(document as ConstructorParameters<typeof Readability>[0]).parse();
    }),
  );
  rows.push(
    timed(
      'HTML reader (decode + metadata + Readability + paragraphs)',
      buffers,
      (page) => void readDocuments(page, 'p.html', 'html'),
    ),
  );
  const folder = path.join(dir, 'pages');
  fs.mkdirSync(folder);
  pages.forEach((p, i) => fs.copyFileSync(p.file, path.join(folder, `${String(i).padStart(4, '0')}.html`)));
  const bytes = buffers.reduce((sum, b) => sum + b.length, 0);
  const html = importWith([folder], dir);
  rows.push({
    what: 'HTML import (CLI, folder of pages)',
    seconds: html.seconds,
    pages: pages.length,
    bytes,
    note: html.stdout.split('\n')[0],
  });
  const warcFile = path.join(dir, 'pages.warc.gz');
  const warcSize = await writeWarc(warcFile, pages);
  const warc = importWith([warcFile], dir);
  rows.push({
    what: 'WARC import (CLI, .warc.gz of the same pages)',
    seconds: warc.seconds,
    pages: pages.length,
    bytes,
    note: `${(warcSize / MB).toFixed(1)} MB compressed; ${warc.stdout.split('\n')[0]}`,
  });
  printTable(rows);
  if (warcMb > 0) {
    const big = path.join(dir, 'big.warc.gz');
    await writeWarc(big, pages, warcMb);
    const run = importWith([big], dir);
    const rss = (r: { maxRss: number | null }) =>
      r.maxRss === null ? 'n/a' : `${(r.maxRss / MB).toFixed(0)} MB`;
    console.log(
      `\nWARC with ${warcMb} MB of non-HTML records between the ${pages.length} pages (${(fs.statSync(big).size / MB).toFixed(1)} MB on disk): ` +
        `${run.seconds.toFixed(1)} s, peak RSS ${rss(run)} (the pages alone: ${rss(warc)}); ${run.stdout.split('\n')[0]}`,
    );
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
