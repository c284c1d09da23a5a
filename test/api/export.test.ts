import { spawn } from 'node:child_process';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { csvField } from '../../src/archive/export.ts';
import { PROJECT_ROOT } from '../../src/db/migrate.ts';
import { ingestDocument } from '../../src/ingest/ingest.ts';
import { collectFiles, importFiles } from '../../src/ingest/files.ts';
import { SEED_DIR } from '../../src/cli/serve.ts';
import { freshDatabase } from '../helpers/database.ts';

let app: FastifyInstance;
let database: ReturnType<typeof freshDatabase>;

const SEED_TITLE = 'Lukashenko Discussed Soros’ Visit to Minsk and Efforts to "Separate" Belarus from Russia';

/** A minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF records, line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  expect(field).toBe('');
  expect(record).toEqual([]);
  return records;
}

beforeAll(async () => {
  database = freshDatabase();
  app = await buildApp({ databaseUrl: database.url });
  await importFiles(database.url, await collectFiles([SEED_DIR]));
  for (let i = 0; i < 12; i++) {
    await ingestDocument(database.url, {
      source: `test/export/${String(i).padStart(2, '0')}.txt`,
      format: 'text',
      text: [
        `${(1 + i / 10).toFixed(2)} BYN`,
        `Report ${i}, "quoted", with a comma`,
        '',
        `Economist Olga Kovalenko said bread costs ${i + 1} euros in Minsk, report ${i}.`,
        `“Prices will keep rising,” Kovalenko told reporters on day ${i}.`,
      ].join('\n'),
      // Pairs of articles share a date, so the keyset's tie-break on id matters.
      publishedAt: new Date(Date.UTC(2024, 0, 1 + Math.floor(i / 2))),
    });
  }
});
afterAll(async () => {
  await app.close();
  database.remove();
});

const exportOf = (query: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url: `/articles/export?${query}`, headers });

describe('GET /articles/export', () => {
  it('streams every matching article as NDJSON, in /articles order, with people, quote count and prices', async () => {
    const response = await exportOf('');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="articles.ndjson"');
    const records = response.body
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records).toHaveLength(13);
    const listed: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: number }[]; nextCursor: string | null } = (
        await app.inject({ method: 'GET', url: `/articles?limit=100${cursor ? `&cursor=${cursor}` : ''}` })
      ).json();
      listed.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(records.map((r) => r.id)).toEqual(listed);
    const seed = records.find((r) => r.title === SEED_TITLE);
    expect(seed.people[0]).toBe('Alexander Lukashenko'); // in order of first mention
    expect([...seed.people].sort()).toEqual([
      'Alexander Lukashenko',
      'Donald Trump',
      'George Soros',
      'Joe Biden',
      'Simon Shuster',
    ]);
    expect(seed).toMatchObject({
      quoteCount: 4,
      prices: [
        { amount: '3.71', currency: 'BYN' },
        { amount: '2.99', currency: 'BYN' },
        { amount: '3.49', currency: 'BYN' },
      ],
    });
    expect(seed.body).toContain('\n\n');
    expect(Object.keys(seed)).toEqual([
      'id',
      'date',
      'publishedAt',
      'importedAt',
      'title',
      'source',
      'byline',
      'wordCount',
      'people',
      'quoteCount',
      'prices',
      'lead',
      'body',
    ]);
  });

  it('writes RFC 4180 CSV: header row, CRLF, quoted commas, quotes and line breaks, flattened lists', async () => {
    const response = await exportOf('format=csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    const [header, ...rows] = parseCsv(response.body);
    expect(header).toEqual([
      'id',
      'date',
      'publishedAt',
      'importedAt',
      'title',
      'source',
      'byline',
      'wordCount',
      'people',
      'quoteCount',
      'prices',
      'lead',
      'body',
    ]);
    expect(rows).toHaveLength(13);
    const column = (name: string) => header!.indexOf(name);
    const seed = rows.find((row) => row[column('title')] === SEED_TITLE)!;
    expect(seed[column('people')]!.split('; ').sort()).toEqual([
      'Alexander Lukashenko',
      'Donald Trump',
      'George Soros',
      'Joe Biden',
      'Simon Shuster',
    ]);
    expect(seed[column('prices')]).toBe('3.71 BYN; 2.99 BYN; 3.49 BYN');
    expect(seed[column('quoteCount')]).toBe('4');
    expect(seed[column('body')]).toContain('\n\n');
    expect(rows.map((row) => row[column('title')])).toContain('Report 3, "quoted", with a comma');
    expect(response.body).toContain('"Report 3, ""quoted"", with a comma"');
    expect(csvField(null)).toBe('');
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a\rb')).toBe('"a\rb"');
  });

  it('takes the filters of /articles', async () => {
    const lines = async (query: string) =>
      (await exportOf(query)).body
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
    expect((await lines('person=Lukashenko')).map((r) => r.title)).toEqual([SEED_TITLE]);
    expect(await lines('q=sanctions')).toHaveLength(1);
    expect(await lines('source=test/export/')).toHaveLength(12);
    expect(await lines('from=2024-01-02&to=2024-01-03')).toHaveLength(4);
    expect(await lines('currency=EUR&min=5&max=8')).toHaveLength(4);
    expect(await lines('speaker=Kovalenko&to=2024-01-01')).toHaveLength(2);
    const csv = parseCsv((await exportOf('format=csv&person=Nobody')).body);
    expect(csv).toHaveLength(1); // the header alone
  });

  it('answers bad input with a problem document before streaming', async () => {
    for (const query of ['format=xml', 'q=%22open', 'from=2024-02-30', 'limit=5']) {
      const response = await exportOf(query);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('compresses the stream on request', async () => {
    const response = await exportOf('format=csv', { 'accept-encoding': 'gzip' });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.rawPayload).toString('utf8')).toBe((await exportOf('format=csv')).body);
  });

  it('reads in keyset batches: every article once, whatever the batch size', async () => {
    for (const batch of [1, 2, 5, 13, 100]) {
      const ids: number[] = [];
      for await (const article of app.archive.store.exportArticles({}, batch)) ids.push(article.id);
      expect(ids).toHaveLength(13);
      expect(new Set(ids).size).toBe(13);
    }
  });
});

describe('news-archive export', () => {
  const run = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [path.join(PROJECT_ROOT, 'bin/news-archive.js'), 'export', ...args],
        {
          env: { ...process.env, DATABASE_URL: database.url },
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  it('writes the same export as the API, with the same filters', async () => {
    const cli = await run(['--format', 'csv', '--source', 'test/export/', '--from', '2024-01-02']);
    expect(cli.stderr).toMatch(/Exported 10 articles/);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toBe((await exportOf('format=csv&source=test/export/&from=2024-01-02')).body);
    const ndjson = await run(['--q', 'sanctions']);
    expect(
      ndjson.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).title),
    ).toEqual([SEED_TITLE]);
  }, 60_000);

  it('refuses bad options with its usage', async () => {
    const bad = await run(['--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--format must be ndjson or csv[\s\S]*Usage: news-archive export/);
    const badQuery = await run(['--q', '"open']);
    expect(badQuery.code).toBe(2);
    expect(badQuery.stderr).toMatch(/Unbalanced double quote/);
  }, 60_000);
});
