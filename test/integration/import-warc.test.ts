/**
 * WARC import as a user runs it (`news-archive import crawl.warc.gz`, a folder of WARCs, `-`), on
 * WARC files written with warcio from fixture pages: HTML responses become articles named by
 * their target URI, decoded by the HTTP charset, dated by WARC-Date when the page has no date;
 * other records are counted as skipped; a malformed record is reported with its offset.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importSandbox } from '../helpers/cli-import.ts';
import { queryRows } from '../helpers/sql.ts';
import { warcBytes, writeWarc, type RecordSpec } from '../helpers/warc.ts';

const { tmp, database, run } = importSandbox('warc');

interface StoredRow {
  source: string;
  title: string;
  publishedAt: string | null;
  language: string | null;
  encoding: string | null;
  body: string;
}

/** The stored articles by source (byte order), dates as ISO 8601 UTC, on either database. */
async function rows(url: string): Promise<StoredRow[]> {
  const found = await queryRows<Omit<StoredRow, 'publishedAt'> & { publishedAt: string | Date | null }>(
    url,
    'SELECT "source", "title", "publishedAt", "language", "encoding", "lead" || ? || COALESCE("body", ?) AS "body" FROM "articles"',
    ['\n', ' '],
  );
  return found
    .map((row) => ({ ...row, publishedAt: row.publishedAt && new Date(row.publishedAt).toISOString() }))
    .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}

const paragraph = (words: string) =>
  `<p>${words} ${'The minister spoke to reporters at length about the budget. '.repeat(6)}</p>`;
const page = (title: string, extra = '') =>
  `<!doctype html><html lang="en"><head><title>${title} | Daily</title>${extra}</head><body><article><h1>${title}</h1>${paragraph('First.')}${paragraph('Second.')}</article></body></html>`;
const RU_TITLE = 'Цены на бензин в Минске выросли';
const ruPage = `<html lang="ru"><head><title>${RU_TITLE}</title></head><body><article><h1>${RU_TITLE}</h1><p>${'Бензин подорожал на три копейки, сообщили в Белнефтехиме во вторник утром. '.repeat(8)}</p></article></body></html>`;

const RECORDS: RecordSpec[] = [
  { type: 'request', url: 'https://news.example/a' },
  {
    type: 'response',
    url: 'https://news.example/a',
    body: page('Budget passes', '<meta property="article:published_time" content="2024-04-01T08:00:00Z">'),
  },
  { type: 'metadata', url: 'https://news.example/a' },
  {
    type: 'response',
    url: 'https://news.example/ru',
    body: iconv.encode(ruPage, 'windows-1251'),
    contentType: 'text/html; charset=windows-1251',
    date: '2023-12-10T06:30:00Z',
  },
  { type: 'response', url: 'https://news.example/logo.png', body: 'PNG', contentType: 'image/png' },
  { type: 'response', url: 'https://news.example/gone', body: page('Not found'), status: 404 },
  { type: 'revisit', url: 'https://news.example/a' },
];

describe('news-archive import of WARC files', () => {
  it('imports HTML responses of a .warc.gz and counts every other record as skipped', async () => {
    const db = database();
    await writeWarc(path.join(tmp, 'crawl.warc.gz'), RECORDS);
    const result = run(['crawl.warc.gz'], db.url);
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.stdout).toMatch(/^2 imported, 0 updated, 0 unchanged, 0 failed \(1 files\)$/m);
    expect(result.stdout).toContain(
      'Skipped (not articles): 1 metadata record, 1 request record, 1 response that is not HTML, 1 response with a non-2xx status, 1 revisit record',
    );
    const stored = await rows(db.url);
    expect(stored.map((r) => r.source)).toEqual(['https://news.example/a', 'https://news.example/ru']);
    expect(stored[0]!.title).toBe('Budget passes');
    expect(stored[0]!.publishedAt).toBe('2024-04-01T08:00:00.000Z');
    // No date in the page: the capture's WARC-Date; the HTTP charset decodes the Cyrillic text.
    expect(stored[1]!.title).toBe(RU_TITLE);
    expect(stored[1]!.body).toContain('Бензин подорожал на три копейки');
    expect(stored[1]!.publishedAt).toBe('2023-12-10T06:30:00.000Z');
    expect(stored.map((r) => [r.language, r.encoding])).toEqual([
      ['en', 'utf-8'],
      ['ru', 'windows-1251'],
    ]);
    // Again: nothing new.
    expect(run(['crawl.warc.gz'], db.url).stdout).toMatch(/^0 imported, 0 updated, 2 unchanged/m);
  });

  it('reads a folder of .warc and .warc.gz files and a WARC on standard input', async () => {
    const db = database();
    const folder = path.join(tmp, 'crawls');
    fs.mkdirSync(folder);
    await writeWarc(path.join(folder, 'one.warc'), [RECORDS[1]!]);
    await writeWarc(path.join(folder, 'two.warc.gz'), [RECORDS[3]!]);
    expect(run(['crawls'], db.url).stdout).toMatch(
      /^2 imported, 0 updated, 0 unchanged, 0 failed \(2 files\)$/m,
    );
    const other = database();
    const stdin = await warcBytes(
      [{ type: 'response', url: 'https://news.example/b', body: page('From stdin') }],
      true,
    );
    const piped = run(['-'], other.url, stdin);
    expect(piped.stdout).toMatch(/^1 imported/m);
    expect((await rows(other.url)).map((r) => r.source)).toEqual(['https://news.example/b']);
  });

  it('reports a malformed record with its byte offset and imports the records after it', async () => {
    const db = database();
    const first = await warcBytes([RECORDS[1]!]);
    const garbage = Buffer.from('THIS IS NOT A WARC RECORD\r\nJunk: yes\r\n\r\n');
    const rest = await warcBytes([RECORDS[3]!]);
    fs.writeFileSync(path.join(tmp, 'broken.warc'), Buffer.concat([first, garbage, rest]));
    const result = run(['broken.warc'], db.url);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^2 imported, 0 updated, 0 unchanged, 1 failed/m);
    expect(result.stdout).toContain(
      `broken.warc@${first.length}: a malformed WARC record at byte ${first.length}`,
    );
  });
});
