/**
 * One input never aborts an import (issue 9): a page nested thousands of levels deep, a broken
 * symbolic link, a link loop, a self-link, a folder linked into itself, a FIFO named on the
 * command line, an unreadable file are each reported with their reason while everything else is
 * imported; a file name holding a newline cannot forge a line of the report.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/db/migrate.ts';
import { parseHtmlDocument, readHtml } from '../../src/ingest/readers/index.ts';
import { freshDatabase } from '../helpers/database.ts';

const BIN = path.join(PROJECT_ROOT, 'bin/news-archive.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-archive-isolation-'));
const db = freshDatabase();
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  db.remove();
});

const write = (name: string, content: string | Buffer) => {
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
};

const deepPage = (levels: number) =>
  `<html><head><title>Deep page</title></head><body>${'<div>'.repeat(levels)}<p>${'Text deep inside the page is still read. '.repeat(20)}</p>${'</div>'.repeat(levels)}</body></html>`;

describe('HTML reader bounds', () => {
  it('reads a page nested 1,500 levels deep without running out of stack, in bounded time', () => {
    const started = performance.now();
    const article = readHtml(deepPage(1500))!;
    expect(article.title).toBe('Deep page');
    expect(article.paragraphs.join(' ')).toContain('Text deep inside the page is still read.');
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('refuses a page nested past the raw limit with its reason', () => {
    const result = parseHtmlDocument(deepPage(25_000), 'deeper.html');
    expect(result).toEqual({
      ok: false,
      // html, body and the 25,000 divs
      failure: { source: 'deeper.html', reason: 'the page nests 25002 levels deep, over the limit of 20000' },
    });
  });
});

describe('news-archive import isolates every entry', () => {
  it('reports links, loops, FIFOs and deep pages with their reasons and imports the rest', () => {
    write('in/good.txt', 'Talks resume in Vilnius\n\nSviatlana Tsikhanouskaya spoke on Monday.\n');
    write('in/deep.html', deepPage(1500));
    write('in/deeper.html', deepPage(25_000));
    fs.symlinkSync(path.join(tmp, 'nowhere.txt'), path.join(tmp, 'in/broken.txt'));
    fs.symlinkSync('loop-b.txt', path.join(tmp, 'in/loop-a.txt'));
    fs.symlinkSync('loop-a.txt', path.join(tmp, 'in/loop-b.txt'));
    fs.symlinkSync('self.txt', path.join(tmp, 'in/self.txt'));
    fs.mkdirSync(path.join(tmp, 'in/sub'));
    fs.symlinkSync('..', path.join(tmp, 'in/sub/up'));
    write('in/sub/inner.txt', 'Ministers meet in Warsaw\n\nRadoslaw Sikorski met his colleagues.\n');
    write('in/evil\nfailed    in/forged.txt: forged line.txt', '');
    const fifo = path.join(tmp, 'pipe.txt');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const result = spawnSync(process.execPath, [BIN, 'import', 'in', 'pipe.txt', 'missing.txt'], {
      cwd: tmp,
      env: { ...process.env, DATABASE_URL: db.url },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.signal).toBeNull(); // finished, never blocked on the FIFO
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^3 imported, 0 updated, 0 unchanged, 9 failed/m);
    for (const expected of [
      'in/broken.txt: a broken symbolic link (its target does not exist)',
      'in/loop-a.txt: a symbolic link loop (the link leads back to itself)',
      'in/loop-b.txt: a symbolic link loop (the link leads back to itself)',
      'in/self.txt: a symbolic link loop (the link leads back to itself)',
      'in/sub/up: a link to a folder already imported (a folder loop)',
      'in/deeper.html: the page nests 25002 levels deep, over the limit of 20000',
      'pipe.txt: not a regular file (a named pipe (FIFO)); not read',
      'missing.txt: no such file or folder',
      'in/evil\\nfailed    in/forged.txt: forged line.txt: the file is empty',
    ]) {
      expect(result.stdout).toContain(expected);
    }
    // The newline in the file name is escaped: no report line starts with the forged text.
    expect(result.stdout.split('\n').some((line) => line.startsWith('failed    in/forged.txt'))).toBe(false);
    expect(result.stderr.split('\n').some((line) => line.startsWith('failed    in/forged.txt'))).toBe(false);
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file and folder', () => {
    const file = write('locked/secret.txt', 'Secret\n\nText.\n');
    fs.chmodSync(file, 0o000);
    const result = spawnSync(process.execPath, [BIN, 'import', 'locked'], {
      cwd: tmp,
      env: { ...process.env, DATABASE_URL: db.url },
      encoding: 'utf8',
      timeout: 60_000,
    });
    fs.chmodSync(file, 0o600);
    expect(result.stdout).toContain('locked/secret.txt: cannot read the file (EACCES)');
  });
});
