/**
 * `news-archive import` as a user runs it: a child process with its own DATABASE_URL. Covers
 * every input format and kind of bad input, a kill -9 in the middle of an import followed by a
 * re-run, and API reads while an import writes.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { writeCorpus } from '../../bench/generator.ts';
import { testDialect } from '../helpers/database.ts';
import { BIN, importSandbox } from '../helpers/cli-import.ts';
import { queryRows } from '../helpers/sql.ts';

const { tmp, database, run } = importSandbox('import-cli');

const write = (name: string, content: string | Buffer) => {
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
};

/** What the archive holds, by the same SQL on either dialect. */
async function counts(url: string) {
  const one = async (sql: string) => Number((await queryRows<{ n: number }>(url, sql))[0]!.n);
  const sub = (sql: string) => (testDialect === 'postgres' ? `(${sql}) s` : `(${sql})`);
  return {
    articles: await one('SELECT COUNT(*) AS n FROM "articles"'),
    mentions: await one('SELECT COUNT(*) AS n FROM "mentions"'),
    quotes: await one('SELECT COUNT(*) AS n FROM "quotes"'),
    prices: await one('SELECT COUNT(*) AS n FROM "price_mentions"'),
    people: await one('SELECT COUNT(*) AS n FROM "people"'),
    aliases: await one('SELECT COUNT(*) AS n FROM "person_aliases"'),
    ftsArticles: await one(
      testDialect === 'postgres'
        ? `SELECT COUNT(*) AS n FROM "articles" WHERE "searchVector" <> ''::tsvector`
        : 'SELECT COUNT(*) AS n FROM "articles_fts"',
    ),
    orphanFacts: await one(
      `SELECT (SELECT COUNT(*) FROM "mentions" WHERE "articleId" NOT IN (SELECT "id" FROM "articles") OR "personId" NOT IN (SELECT "id" FROM "people"))
            + (SELECT COUNT(*) FROM "quotes" WHERE "articleId" NOT IN (SELECT "id" FROM "articles"))
            + (SELECT COUNT(*) FROM "price_mentions" WHERE "articleId" NOT IN (SELECT "id" FROM "articles")) AS n`,
    ),
    duplicateFacts: await one(
      `SELECT (SELECT COUNT(*) FROM ${sub('SELECT 1 FROM "mentions" GROUP BY "articleId", "start", "end" HAVING COUNT(*) > 1')})
            + (SELECT COUNT(*) FROM ${sub('SELECT 1 FROM "quotes" GROUP BY "articleId", "start" HAVING COUNT(*) > 1')})
            + (SELECT COUNT(*) FROM ${sub('SELECT 1 FROM "price_mentions" GROUP BY "articleId", "start" HAVING COUNT(*) > 1')}) AS n`,
    ),
    // PostgreSQL has no integrity_check: a crash there is a rolled-back transaction, by design.
    integrity:
      testDialect === 'postgres'
        ? 'ok'
        : (await queryRows<{ integrity_check: string }>(url, 'PRAGMA integrity_check'))[0]!.integrity_check,
  };
}

describe('news-archive import', () => {
  it('reads every format, reports each bad input with file, line and reason, and exits non-zero', async () => {
    const db = database();
    write(
      'in/good.txt',
      '3.71 BYN\nFuel prices rise in Minsk\n\nFuel now costs 3.71 BYN, said Alexander Lukashenko.\n',
    );
    write(
      'in/utf16.txt',
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('Talks in Vilnius\n\n“We go on,” Sviatlana Tsikhanouskaya said.\n', 'utf16le'),
      ]),
    );
    write('in/empty.txt', '');
    write('in/binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    write('in/latin1.txt', Buffer.from('Caf\xe9 prices\n\nText.\n', 'latin1'));
    write('in/notitle.txt', '3.71 BYN\n2.99 BYN\n');
    write('in/big.txt', `Big\n\n${'word '.repeat(1000)}\n`);
    write(
      'in/page.html',
      '<html><head><meta property="article:published_time" content="2025-02-03T04:05:06Z"></head><body><article><h1>Page headline here</h1><p>A first paragraph long enough to be read as the content of the article by the reader.</p><p>A second paragraph, also long enough, that tells the rest of the story in plain words.</p></article></body></html>',
    );
    write(
      'in/records.ndjson',
      '{"title":"Record one","body":"Body one.","url":"https://news.example/1","publishedAt":"2024-06-01T00:00:00Z"}\n{"title": broken\n{"body":"no title"}\n{"title":"Record four","body":["P1","P2"]}\n',
    );
    write('in/array.json', '[{"title":"Array zero","body":"Zero."},{"title":"Array one","body":"One."}]');
    write('in/skipped.csv', 'not,an,article\n');
    const result = run(['in', '--max-bytes', '2000'], db.url);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^8 imported, 0 updated, 0 unchanged, 6 failed \(10 files\)$/m);
    for (const expected of [
      'in/big.txt: the file is 5006 bytes, over the limit of 2000',
      'in/binary.txt: the file is binary (it contains NUL bytes)',
      'in/empty.txt: the file is empty',
      'in/notitle.txt: the document has no title line',
      'in/records.ndjson#L2: malformed JSON',
      'in/records.ndjson#L3: the record has no title',
    ]) {
      expect(result.stdout).toContain(expected);
    }
    const rows = (
      await queryRows<{ source: string; format: string; publishedAt: string | Date | null }>(
        db.url,
        'SELECT "source", "format", "publishedAt" FROM "articles" ORDER BY "source"',
      )
    ).map((row) => ({ ...row, publishedAt: row.publishedAt && new Date(row.publishedAt).toISOString() }));
    expect(rows).toEqual([
      { source: 'https://news.example/1', format: 'json', publishedAt: '2024-06-01T00:00:00.000Z' },
      { source: 'in/array.json#0', format: 'json', publishedAt: null },
      { source: 'in/array.json#1', format: 'json', publishedAt: null },
      { source: 'in/good.txt', format: 'text', publishedAt: null },
      { source: 'in/latin1.txt', format: 'text', publishedAt: null },
      { source: 'in/page.html', format: 'html', publishedAt: '2025-02-03T04:05:06.000Z' },
      { source: 'in/records.ndjson#L4', format: 'json', publishedAt: null },
      { source: 'in/utf16.txt', format: 'text', publishedAt: null },
    ]);
    // A second run changes nothing; stdin and globs work too.
    const again = run(['in/*.txt', '-'], db.url, 'From standard input\n\nA paragraph read from stdin.\n');
    expect(again.stdout).toMatch(/^2 imported, 0 updated, 3 unchanged, 3 failed/m);
  });

  it('survives kill -9 midway: a re-run finishes with exactly the corpus, no duplicate or orphan facts', async () => {
    const COUNT = 600;
    const corpus = path.join(tmp, 'corpus');
    writeCorpus({ count: COUNT, out: corpus, perShard: 100 });
    const killed = database();
    const child = spawn(process.execPath, [BIN, 'import', corpus, '--batch', '10'], {
      cwd: tmp,
      env: { ...process.env, DATABASE_URL: killed.url },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    let atKill = 0;
    for (let i = 0; i < 3000 && atKill < 60; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      try {
        atKill = (await counts(killed.url)).articles;
      } catch {
        // the tables may be locked for a moment by a checkpoint
      }
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const afterKill = await counts(killed.url);
    expect(afterKill.integrity).toBe('ok');
    expect(afterKill.articles).toBeGreaterThan(0);
    expect(afterKill.articles).toBeLessThan(COUNT);
    expect(afterKill.orphanFacts).toBe(0);

    const rerun = run([corpus], killed.url);
    expect(rerun.status).toBe(0);
    expect(rerun.stdout).toMatch(
      new RegExp(
        `^${COUNT - afterKill.articles} imported, 0 updated, ${afterKill.articles} unchanged, 0 failed`,
        'm',
      ),
    );

    const clean = database();
    expect(run([corpus], clean.url).status).toBe(0);
    const final = await counts(killed.url);
    expect(final.articles).toBe(COUNT);
    expect(final.orphanFacts).toBe(0);
    expect(final.duplicateFacts).toBe(0);
    expect(final.ftsArticles).toBe(COUNT);
    // Exactly what an uninterrupted import stores.
    expect(final).toEqual(await counts(clean.url));
  }, 120_000);

  it('keeps the API answering while an import writes', async () => {
    const corpus = path.join(tmp, 'corpus-2');
    writeCorpus({ count: 300, out: corpus, perShard: 100, seed: 7 });
    const db = database();
    run([path.join(tmp, 'in/good.txt')], db.url);
    const app = await buildApp({ databaseUrl: db.url });
    try {
      const child = spawn(process.execPath, [BIN, 'import', corpus, '--batch', '10'], {
        cwd: tmp,
        env: { ...process.env, DATABASE_URL: db.url },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      let finished = false;
      void done.then(() => (finished = true));
      const statuses: number[] = [];
      const seen = new Set<number>();
      while (!finished) {
        const list = await app.inject({ method: 'GET', url: '/articles?limit=5' });
        statuses.push(list.statusCode);
        seen.add(list.json<{ items: unknown[] }>().items.length);
        statuses.push((await app.inject({ method: 'GET', url: '/articles/1' })).statusCode);
        // inject() can resolve without a turn of the event loop; let the child's exit through.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(await done, output).toBe(0);
      expect(statuses.length).toBeGreaterThan(10);
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
      expect((await app.inject({ method: 'GET', url: '/articles?limit=1' })).statusCode).toBe(200);
      expect((await counts(db.url)).articles).toBe(301);
    } finally {
      await app.close();
    }
  }, 120_000);
});
