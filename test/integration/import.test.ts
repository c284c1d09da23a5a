import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { collectFiles, importFiles } from '../../src/ingest/files.ts';
import { reextractArchive } from '../../src/ingest/reextract.ts';
import { EXTRACTOR_VERSION } from '../../src/extract/index.ts';
import { freshDatabase } from '../helpers/database.ts';
import { countRows, queryRows } from '../helpers/sql.ts';

const database = freshDatabase();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-archive-import-'));

const write = (name: string, content: string | Buffer) => {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
};

const ARTICLE = (title: string, speaker: string) =>
  `${title}\n\n${speaker} spoke in Vilnius on Monday.\n“We will not give up on the talks,” ${speaker.split(' ').at(-1)} said.\n`;

type ArticleRow = { id: number; title: string; text: string };
const articles = () =>
  queryRows<ArticleRow>(database.url, 'SELECT "id", "title", "text" FROM "articles" ORDER BY "id"');

afterAll(() => {
  database.remove();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('importing files', () => {
  it('imports good files and reports each bad one with its reason while going on', async () => {
    write('a/good-1.txt', ARTICLE('Talks resume in Vilnius', 'Sviatlana Tsikhanouskaya'));
    write('a/empty.txt', '');
    write('a/blank.txt', '  \n\n  \r\n');
    write('a/binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    write(
      'a/cp1251.txt',
      iconv.encode(
        'Цены на топливо в Минске выросли\n\nБензин подорожал на три копейки, сообщили в Белнефтехиме.\n',
        'windows-1251',
      ),
    );
    write(
      'b/good-2.txt',
      `\uFEFF${ARTICLE('Ministers meet in Warsaw', 'Radoslaw Sikorski').replaceAll('\n', '\r\n')}`,
    );
    const files = await collectFiles([dir]);
    expect(files.map((f) => path.relative(dir, f))).toEqual([
      'a/binary.txt',
      'a/blank.txt',
      'a/cp1251.txt',
      'a/empty.txt',
      'a/good-1.txt',
      'b/good-2.txt',
    ]);
    const summary = await importFiles(database.url, files, { maxBytes: 1024 });
    expect(summary.imported).toBe(3);
    const legacy = (await articles()).find((a) => a.title.startsWith('Цены'));
    expect(legacy?.title).toBe('Цены на топливо в Минске выросли');
    expect(Object.fromEntries(summary.failed.map((f) => [path.basename(f.source), f.reason]))).toEqual({
      'binary.txt': 'the file is binary (it contains NUL bytes)',
      'blank.txt': 'the file holds only whitespace',
      'empty.txt': 'the file is empty',
    });
  });

  it('refuses files over the size limit', async () => {
    const big = write('c/big.txt', `Big\n\n${'word '.repeat(400)}\n`);
    const summary = await importFiles(database.url, [big], { maxBytes: 1000 });
    expect(summary.failed[0]!.reason).toMatch(/over the limit of 1000/);
  });

  it('skips identical content and updates a changed source, keeping a revision', async () => {
    const file = path.join(dir, 'a/good-1.txt');
    expect((await importFiles(database.url, [file])).unchanged).toBe(1);
    const before = (await articles()).find((a) => a.title === 'Talks resume in Vilnius')!;
    write('a/good-1.txt', ARTICLE('Talks resume in Vilnius after a pause', 'Sviatlana Tsikhanouskaya'));
    expect((await importFiles(database.url, [file])).updated).toBe(1);
    const after = (await articles()).find((a) => a.id === before.id)!;
    const revisions = await queryRows<{ text: string }>(
      database.url,
      'SELECT "text" FROM "article_revisions" WHERE "articleId" = ?',
      [before.id],
    );
    expect(after.title).toBe('Talks resume in Vilnius after a pause');
    expect(revisions).toHaveLength(1);
    expect(revisions[0]!.text).toBe(before.text);
    expect(await countRows(database.url, 'articles')).toBe(3);
  });

  it('re-extracts stale articles without touching their text and removes orphaned people', async () => {
    await queryRows(
      database.url,
      `INSERT INTO "people" ("name", "slug") VALUES ('Nobody Mentioned', 'nobody-mentioned')`,
    );
    await queryRows(database.url, 'UPDATE "articles" SET "extractorVersion" = 0');
    const texts = (await articles()).map((a) => a.text);
    const quotesBefore = await countRows(database.url, 'quotes');
    const summary = await reextractArchive(database.url);
    expect(summary).toEqual({ articles: 3, peopleRemoved: 1 });
    expect(await countRows(database.url, `SELECT 1 FROM "people" WHERE "slug" = 'nobody-mentioned'`)).toBe(0);
    expect((await articles()).map((a) => a.text)).toEqual(texts);
    expect(
      await countRows(
        database.url,
        `SELECT 1 FROM "articles" WHERE "extractorVersion" = ${EXTRACTOR_VERSION}`,
      ),
    ).toBe(3);
    expect(await countRows(database.url, 'quotes')).toBe(quotesBefore);
    expect((await reextractArchive(database.url)).articles).toBe(0);
  });
});
