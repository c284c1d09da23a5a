/**
 * Two `news-archive import` processes at once on overlapping folders, on either database: each
 * article and each person ends up stored exactly once, with the facts of one uninterrupted import.
 * (Which surface forms merge into one person may depend on the order articles arrive in.)
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/generator.ts';
import { PROJECT_ROOT } from '../../src/db/migrate.ts';
import { freshDatabase } from '../helpers/database.ts';
import { countRows } from '../helpers/sql.ts';

const BIN = path.join(PROJECT_ROOT, 'bin/news-archive.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-archive-concurrent-'));
const cleanups: (() => void)[] = [() => fs.rmSync(tmp, { recursive: true, force: true })];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

function importer(args: string[], url: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [BIN, 'import', ...args, '--batch', '10'], {
    cwd: tmp,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

const TABLES = ['articles', 'people', 'person_aliases', 'mentions', 'quotes', 'price_mentions'];
const duplicates = (table: string, columns: string) =>
  `SELECT 1 FROM "${table}" GROUP BY ${columns} HAVING count(*) > 1`;

async function contents(url: string) {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = await countRows(url, table);
  counts.duplicateArticles = await countRows(url, duplicates('articles', '"contentHash"'));
  counts.duplicatePeople = await countRows(url, duplicates('people', '"name"'));
  counts.duplicateMentions = await countRows(url, duplicates('mentions', '"articleId", "start"'));
  return counts;
}

describe('two importers at once', () => {
  it('store every article and every person once, as one import would', async () => {
    const corpus = path.join(tmp, 'corpus');
    writeCorpus({ count: 300, out: corpus, perShard: 100, seed: 11 });
    const shards = fs.readdirSync(corpus).sort();
    expect(shards.length).toBeGreaterThanOrEqual(3);
    // Overlapping: the first takes shards 0-1, the second 1-2 (and both the whole of shard 1).
    const first = shards.slice(0, 2).map((shard) => path.join(corpus, shard));
    const second = shards.slice(1).map((shard) => path.join(corpus, shard));

    const shared = freshDatabase();
    cleanups.push(shared.remove);
    const results = await Promise.all([importer(first, shared.url), importer(second, shared.url)]);
    for (const result of results) expect(result.code, result.output).toBe(0);

    const alone = freshDatabase();
    cleanups.push(alone.remove);
    const once = spawnSync(process.execPath, [BIN, 'import', corpus], {
      cwd: tmp,
      env: { ...process.env, DATABASE_URL: alone.url },
      encoding: 'utf8',
    });
    expect(once.status, once.stdout + once.stderr).toBe(0);

    const together = await contents(shared.url);
    expect(together.articles).toBe(300);
    expect(together.duplicateArticles).toBe(0);
    expect(together.duplicatePeople).toBe(0);
    expect(together.duplicateMentions).toBe(0);
    // People are resolved in the order articles arrive, which interleaving changes; the facts are not.
    const { people: _p, person_aliases: _a, ...facts } = together;
    const { people: _p1, person_aliases: _a1, ...factsAlone } = await contents(alone.url);
    expect(facts).toEqual(factsAlone);
  }, 180_000);
});
