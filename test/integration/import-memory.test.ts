/**
 * Issue 9, finding 6: one large file must not take gigabytes to import (a 50 MB text file once
 * peaked at 4.3 GB). The import's peak RSS above that of importing one small file stays within
 * MEMORY_FACTOR times the file's size, measured on the command a user runs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/db/migrate.ts';
import { freshDatabase } from '../helpers/database.ts';

const TIME = '/usr/bin/time';
const MEMORY_FACTOR = 15;
const FILE_BYTES = 20_000_000;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'news-archive-memory-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Peak RSS in bytes of `news-archive import FILE` into a fresh archive. */
function importPeak(file: string): number {
  const database = freshDatabase();
  try {
    const run = spawnSync(
      TIME,
      ['-f', 'peak %M', process.execPath, 'bin/news-archive.js', 'import', '--max-bytes', '100000000', file],
      { cwd: PROJECT_ROOT, env: { ...process.env, DATABASE_URL: database.url }, encoding: 'utf8' },
    );
    expect(run.stdout).toMatch(/1 imported/);
    return Number(/peak (\d+)/.exec(run.stderr)![1]) * 1024;
  } finally {
    database.remove();
  }
}

function largeDocument(bytes: number): string {
  const words = 'the minister said prices rose in Minsk while bread cost 3.71 BYN and officials met'.split(
    ' ',
  );
  const lines = ['A very long report on prices in Minsk', ''];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `${Array.from({ length: 60 }, (_, j) => words[(i * 7 + j * 3) % words.length]).join(' ')}.`;
    lines.push(line);
    size += line.length + 1;
  }
  const file = path.join(work, 'large.txt');
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

describe.skipIf(!fs.existsSync(TIME))('importing one large file', () => {
  it(`peaks within ${MEMORY_FACTOR}× the file size above a small import`, { timeout: 180_000 }, () => {
    const small = path.join(work, 'small.txt');
    fs.writeFileSync(small, 'A short report\n\nBread costs 3.71 BYN in Minsk.\n');
    const baseline = importPeak(small);
    const large = importPeak(largeDocument(FILE_BYTES));
    expect(large - baseline).toBeLessThan(MEMORY_FACTOR * FILE_BYTES);
  });
});
