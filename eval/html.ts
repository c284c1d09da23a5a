/**
 * `npm run eval:html`: imports the shared HTML pages (../shared/eval/html/pages: the
 * mozilla/readability and scrapinghub sets) into a fresh temporary archive through the CLI, as a
 * user would (`DATABASE_URL=file:… node bin/news-archive.js import …`), scores the archive with
 * the reference scorer (../shared/eval/scorers/score_html.py) and prints its figures as a table
 * beside the targets of issue 10.
 *
 *   npm run eval:html -- [--json OUT.json] [--keep]
 *
 * --json writes the scorer's full report (with per-page cases); --keep leaves the temporary
 * archive and import log in place (their folder is printed). It reports; it does not assert.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.resolve(process.env.NEWS_ARCHIVE_EVAL_DATA ?? path.join(ROOT, '..', 'shared', 'eval'));
const HTML_DIR = path.join(DATA, 'html');
const SCORER = path.join(DATA, 'scorers', 'score_html.py');

interface Summary {
  n?: number;
  mean?: number;
}

interface SetReport {
  pages: number;
  stored: number;
  failed: number;
  title_classes?: Record<string, number>;
  title_exact?: number;
  title_lenient?: number;
  byline_match?: { n: number; rate: number };
  body_token?: { precision: Summary; recall: Summary; f1: Summary };
  body_shingle_benchmark?: { ours: { F1: number }; readability_js_committed: { F1: number } };
  baseline_readability_js_body_token_f1?: Summary;
  date_vs_truth?: { n: number; present: number; same_day: number };
  date_vs_markup: {
    pages_with_declared_pubdate: number;
    agrees_with_a_declared_pubdate_same_day: number;
  };
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Imports the pages into a fresh archive in `dir`; returns the log's path. */
function importPages(dir: string): { db: string; log: string; seconds: number } {
  const db = path.join(dir, 'archive.db');
  const log = path.join(dir, 'import.log');
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'bin/news-archive.js'), 'import', path.join(HTML_DIR, 'pages')],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${db}` },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  writeFileSync(log, `${result.stdout}${result.stderr}`);
  if (result.status === null || result.status > 1) throw new Error(`the import failed:\n${result.stderr}`);
  return { db, log, seconds: (performance.now() - started) / 1000 };
}

function score(db: string, log: string, json: string): { report: Record<string, SetReport> } {
  const result = spawnSync(
    'python3',
    [SCORER, 'score', '--out', HTML_DIR, '--db', db, '--log', log, '--json', json],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (result.status !== 0) throw new Error(`the scorer failed:\n${result.stderr}`);
  return JSON.parse(readFileSync(json, 'utf8')) as { report: Record<string, SetReport> };
}

const fixed = (value: number | undefined, digits = 3): string =>
  value === undefined ? '–' : value.toFixed(digits);

/** The table's rows: measure, set, value, target. */
function rows(report: Record<string, SetReport>): string[][] {
  const m = report.mozilla;
  const s = report.scrapinghub;
  const out: string[][] = [];
  for (const [name, set] of Object.entries(report)) {
    out.push([
      `pages stored / failed`,
      name,
      `${set.stored} of ${set.pages} / ${set.failed}`,
      `${set.pages} / 0`,
    ]);
  }
  if (s?.body_token) {
    out.push(['body token F1 (mean)', 'scrapinghub', fixed(s.body_token.f1.mean), '≥ 0.96']);
    out.push([
      '  precision / recall',
      'scrapinghub',
      `${fixed(s.body_token.precision.mean)} / ${fixed(s.body_token.recall.mean)}`,
      '',
    ]);
    out.push([
      '  stock Readability.js',
      'scrapinghub',
      fixed(s.baseline_readability_js_body_token_f1?.mean),
      '',
    ]);
    if (s.body_shingle_benchmark)
      out.push([
        'body 4-gram shingle F1 (ours / Readability.js)',
        'scrapinghub',
        `${fixed(s.body_shingle_benchmark.ours.F1)} / ${fixed(s.body_shingle_benchmark.readability_js_committed.F1)}`,
        '',
      ]);
  }
  if (m?.body_token) out.push(['body token F1 (mean)', 'mozilla', fixed(m.body_token.f1.mean), '']);
  if (m?.title_classes) {
    const wrong = m.title_classes['wrong (token F1 < .5)'] ?? 0;
    const n = Object.values(m.title_classes).reduce((a, b) => a + b, 0);
    out.push(['title wrong (token F1 < .5)', 'mozilla', `${wrong} of ${n}`, '0']);
    out.push(['title exact / lenient', 'mozilla', `${fixed(m.title_exact)} / ${fixed(m.title_lenient)}`, '']);
  }
  if (m?.byline_match) {
    const matched = Math.round(m.byline_match.rate * m.byline_match.n);
    out.push(['byline matches', 'mozilla', `${matched} of ${m.byline_match.n}`, 'all']);
  }
  if (m?.date_vs_truth)
    out.push([
      'date same day as truth',
      'mozilla',
      `${m.date_vs_truth.same_day} of ${m.date_vs_truth.n}`,
      '',
    ]);
  for (const [name, set] of Object.entries(report)) {
    const d = set.date_vs_markup;
    out.push([
      'date agrees with a declared one',
      name,
      `${d.agrees_with_a_declared_pubdate_same_day} of ${d.pages_with_declared_pubdate}`,
      '≥ 99%',
    ]);
  }
  return out;
}

function printTable(table: string[][]): void {
  const header = ['measure', 'set', 'value', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of table) console.log(line(row));
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'news-archive-eval-html-'));
try {
  const { db, log, seconds } = importPages(dir);
  const json = argument('--json') ?? path.join(dir, 'score.json');
  const { report } = score(db, log, json);
  console.log(
    `Imported ${path.join(HTML_DIR, 'pages')} in ${seconds.toFixed(1)} s; scored with ${path.relative(ROOT, SCORER)}\n`,
  );
  printTable(rows(report));
  if (process.argv.includes('--keep')) console.log(`\nArchive and log kept in ${dir}`);
} finally {
  if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
}
