/**
 * Operational failures end in one plain sentence and a non-zero exit, never a backtrace: a
 * DATABASE_URL naming a missing directory, a directory, a file that is not SQLite, a file that may
 * not be read; a damaged archive (refused at start by quick_check, a 503 and /health 503 when
 * found later); a read-only archive served read-only; a full disk stopping an import with what
 * was stored. The read-only and full-disk cases need `mount` (root): skipped, saying why, where
 * the machine cannot mount.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { SEED_DIR } from '../../src/cli/serve.ts';
import { PROJECT_ROOT } from '../../src/db/migrate.ts';
import { collectFiles, importFiles } from '../../src/ingest/files.ts';
import { freshDatabase } from '../helpers/database.ts';

const BIN = path.join(PROJECT_ROOT, 'bin/news-archive.js');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'news-archive-ops-'));
let seeded: string;

beforeAll(async () => {
  const database = freshDatabase();
  await importFiles(database.url, await collectFiles([SEED_DIR]));
  seeded = path.join(work, 'seeded.db');
  const db = new Database(database.file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  fs.copyFileSync(database.file, seeded);
  database.remove();
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function cli(args: string[], databaseFileOrUrl: string, options: { uid?: number } = {}) {
  const url = databaseFileOrUrl.startsWith('file:') ? databaseFileOrUrl : `file:${databaseFileOrUrl}`;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 60_000,
    ...(options.uid !== undefined && { uid: options.uid, gid: options.uid }),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** One sentence on stderr: no stack frames, no Prisma or Rust trace. */
function expectOneSentence(stderr: string, pattern: RegExp) {
  expect(stderr).toMatch(pattern);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/stack backtrace|PrismaClient|\.ts:\d+/);
  expect(stderr.trim().split('\n')).toHaveLength(1);
}

const copyOfSeeded = (name: string) => {
  const file = path.join(work, name);
  fs.copyFileSync(seeded, file);
  return file;
};

describe('a DATABASE_URL that names no usable archive', () => {
  const cases: [string, () => string, RegExp][] = [
    [
      'a missing directory',
      () => path.join(work, 'no/such/dir/archive.db'),
      /directory .*no\/such\/dir of DATABASE_URL does not exist/,
    ],
    [
      'a directory',
      () => fs.mkdirSync(path.join(work, 'a-dir'), { recursive: true }) ?? path.join(work, 'a-dir'),
      /which is a directory/,
    ],
    [
      'a file that is not SQLite',
      () => {
        const file = path.join(work, 'notes.db');
        fs.writeFileSync(file, 'These are my notes, not a database.\n'.repeat(200));
        return file;
      },
      /notes\.db is not a SQLite database/,
    ],
  ];

  it.each(
    cases.flatMap(([what, make, message]) =>
      ['migrate', 'export', 'import'].map((command) => [command, what, make, message] as const),
    ),
  )('%s on %s', (command, _what, make, message) => {
    const args = command === 'import' ? ['import', path.join(SEED_DIR)] : [command];
    const { status, stderr } = cli(args, make());
    expect(status).toBe(1);
    expectOneSentence(stderr, message);
  });

  it('a file it may not read (as an unprivileged user)', ({ skip }) => {
    if (process.getuid?.() !== 0) return skip('needs root, to run the CLI as another user');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-archive-perm-'));
    fs.chmodSync(dir, 0o755);
    const file = path.join(dir, 'archive.db');
    fs.copyFileSync(seeded, file);
    fs.chmodSync(file, 0o000);
    try {
      const { status, stderr } = cli(['export'], file, { uid: 65534 });
      expect(status).toBe(1);
      expectOneSentence(stderr, /Permission denied: cannot read the archive .*archive\.db/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a read-only file (chmod 444, as an unprivileged user)', () => {
  it('is served and exported read-only, and an import is refused in one sentence', ({ skip }) => {
    // Root ignores file modes, so the CLI runs as nobody, which only root can arrange.
    if (process.getuid?.() !== 0) return skip('needs root, to run the CLI as another user');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-archive-ro-file-'));
    fs.chmodSync(dir, 0o777);
    const file = path.join(dir, 'archive.db');
    fs.copyFileSync(seeded, file);
    fs.chmodSync(file, 0o444);
    try {
      const exported = cli(['export'], file, { uid: 65534 });
      expect(exported.stderr).toMatch(/^Exported 1 articles/m);
      expect(exported.status).toBe(0);
      const imported = cli(['import', SEED_DIR], file, { uid: 65534 });
      expect(imported.status).toBe(1);
      expectOneSentence(
        imported.stderr,
        /archive\.db is read-only: it can be searched and served, but nothing can be imported/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the import report', () => {
  it('shows control characters in file names escaped, so a name cannot forge report lines', () => {
    const file = copyOfSeeded('report.db');
    const inputs = fs.mkdtempSync(path.join(work, 'names-'));
    fs.writeFileSync(path.join(inputs, 'evil\nfailed    forged.txt'), '');
    fs.writeFileSync(path.join(inputs, 'bell\u0007\u001b[2J.txt'), '');
    const { status, stdout, stderr } = cli(['import', inputs], file);
    expect(status).toBe(1);
    const lines = `${stdout}\n${stderr}`.split('\n');
    expect(lines.filter((line) => /^\s*(failed\s+)?forged/.test(line))).toEqual([]);
    expect(stdout).toContain('evil\\nfailed    forged.txt');
    expect(stdout).toContain('bell\\u0007\\u001b[2J.txt');
    expect(`${stdout}${stderr}`).not.toContain('\u0007');
    expect(`${stdout}${stderr}`).not.toContain('\u001b');
  });

  it('refuses control characters in export filters with a usage error', () => {
    const { status, stderr } = cli(['export', '--q', 'a\u0001b'], copyOfSeeded('export-control.db'));
    expect(status).toBe(2);
    expect(stderr).toMatch(/q must not contain control characters/);
  });
});

/** Overwrites pages with bytes no b-tree page starts with: SQLite calls that SQLITE_CORRUPT. */
function corruptPages(file: string, pages: number[]) {
  const fd = fs.openSync(file, 'r+');
  try {
    for (const page of pages) fs.writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, (page - 1) * 4096);
  } finally {
    fs.closeSync(fd);
  }
}

function pagesOf(file: string, tables: string[]): number[] {
  const db = new Database(file, { readonly: true });
  try {
    const pages = db
      .prepare<string[], number>(
        `SELECT pageno FROM dbstat WHERE name IN (${tables.map(() => '?').join(',')})`,
      )
      .pluck()
      .all(...tables);
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    return pages;
  } finally {
    db.close();
  }
}

describe('a damaged archive', () => {
  it('is refused at start, by the API and by the CLI, in one sentence', async () => {
    const file = copyOfSeeded('damaged.db');
    const pageCount = fs.statSync(file).size / 4096;
    corruptPages(file, [Math.floor(pageCount / 2)]);
    await expect(buildApp({ databaseUrl: `file:${file}` })).rejects.toThrow(/damaged\.db is damaged/);
    const { status, stderr } = cli(['export'], file);
    expect(status).toBe(1);
    // With or without quick_check's finding, depending on which read meets the damaged page first.
    expectOneSentence(stderr, /The archive .*damaged\.db is damaged\b.*restore it from a backup/);
  });

  it('found after start, is a 503 problem and /health says so from then on', async () => {
    const file = copyOfSeeded('damaged-later.db');
    corruptPages(
      file,
      pagesOf(file, ['articles_fts_data', 'articles_fts_idx', 'quotes_fts_data', 'quotes_fts_idx']),
    );
    const app = await buildApp({ databaseUrl: `file:${file}`, quickCheckMaxMb: 0 });
    try {
      expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
      const search = await app.inject({ url: '/search?q=Lukashenko' });
      expect(search.statusCode).toBe(503);
      expect(search.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(search.json()).toMatchObject({
        status: 503,
        detail: expect.stringMatching(/archive is damaged/),
      });
      expect(search.json<{ detail: string }>().detail).not.toContain(file);
      const health = await app.inject({ url: '/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({ status: 503, title: 'Service Unavailable' });
    } finally {
      await app.close();
    }
  });
});

function mountOrReason(args: string[], target: string): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root to mount';
  try {
    execFileSync('mount', [...args, target], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return `cannot mount here: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`;
  }
}

describe('a read-only archive (read-only bind mount)', () => {
  const source = path.join(work, 'ro-source');
  const mounted = path.join(work, 'ro');
  let reason: string | undefined;
  beforeAll(() => {
    fs.mkdirSync(source);
    fs.mkdirSync(mounted);
    fs.copyFileSync(seeded, path.join(source, 'archive.db'));
    // An archive one migration behind: it would need writing.
    fs.copyFileSync(seeded, path.join(source, 'behind.db'));
    const behind = new Database(path.join(source, 'behind.db'));
    behind.exec(
      'DELETE FROM _prisma_migrations WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations)',
    );
    behind.pragma('journal_mode = DELETE');
    behind.close();
    reason = mountOrReason(['--bind', source], mounted);
    if (reason === undefined) execFileSync('mount', ['-o', 'remount,ro,bind', mounted]);
  });
  afterAll(() => {
    if (reason === undefined) execFileSync('umount', [mounted]);
  });

  it('is served, searched and exported, with no migration attempt', async ({ skip }) => {
    if (reason) return skip(reason);
    const file = path.join(mounted, 'archive.db');
    expect(() => fs.writeFileSync(path.join(mounted, 'probe'), '')).toThrow(/EROFS/);
    const app = await buildApp({ databaseUrl: `file:${file}` });
    try {
      expect((await app.inject({ url: '/health' })).json()).toMatchObject({ status: 'ok', articles: 1 });
      expect((await app.inject({ url: '/search?q=Lukashenko' })).statusCode).toBe(200);
      expect((await app.inject({ url: '/articles/1' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
    expect(cli(['migrate'], file).status).toBe(0);
    const exported = cli(['export'], file);
    expect(exported.status).toBe(0);
    expect(exported.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('with a migration pending, says so in one sentence instead of running Prisma', ({ skip }) => {
    if (reason) return skip(reason);
    for (const command of ['migrate', 'serve']) {
      const { status, stderr } = cli(
        [command, '--no-seed'].slice(0, command === 'serve' ? 2 : 1),
        path.join(mounted, 'behind.db'),
      );
      expect(status, command).toBe(1);
      expectOneSentence(
        stderr.replace(/^Archive database: .*\n/, ''),
        /behind\.db is read-only and has migrations pending: run the command once where it can be written/,
      );
    }
  });

  it('refuses an import in one sentence saying it is read-only', ({ skip }) => {
    if (reason) return skip(reason);
    const { status, stderr } = cli(['import', SEED_DIR], path.join(mounted, 'archive.db'));
    expect(status).toBe(1);
    expectOneSentence(
      stderr,
      /archive .*archive\.db is read-only: it can be searched and served, but nothing can be imported/,
    );
  });
});

describe('a full disk during an import (a 1 MB tmpfs)', () => {
  const mounted = path.join(work, 'small');
  let reason: string | undefined;
  beforeAll(() => {
    fs.mkdirSync(mounted);
    reason = mountOrReason(['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs'], mounted);
  });
  afterAll(() => {
    if (reason === undefined) execFileSync('umount', [mounted]);
  });

  it('stops with one sentence and the summary of what was stored', ({ skip }) => {
    if (reason) return skip(reason);
    const file = path.join(mounted, 'archive.db');
    fs.copyFileSync(seeded, file);
    const inputs = path.join(work, 'many');
    fs.mkdirSync(inputs);
    const paragraph = (i: number) =>
      `Report ${i}: Alexander Lukashenko met officials in Minsk. ` +
      Array.from(
        { length: 40 },
        (_, j) => `Sentence ${j} of report ${i} says the price was ${i + j} dollars.`,
      ).join(' ');
    for (let i = 0; i < 400; i++)
      fs.writeFileSync(path.join(inputs, `report-${i}.txt`), `Report ${i}\n\n${paragraph(i)}\n`);

    const { status, stdout, stderr } = cli(['import', inputs, '--batch', '10'], file);
    expect(status).toBe(1);
    const match =
      /The disk holding the archive .*archive\.db is full: free some space and run it again\. The import stopped; stored until then: (\d+) imported, 0 updated, 0 unchanged, (\d+) failed\./.exec(
        stderr,
      );
    expect(match, stderr).not.toBeNull();
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stdout).not.toMatch(/imported, .* failed \(400 files\)/);
    const imported = Number(match![1]);
    expect(imported).toBeGreaterThan(0);
    expect(imported).toBeLessThan(400);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(imported + 1);
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});
