import { afterAll, describe, expect, it } from 'vitest';
import { openWriter, type ArchiveWriter } from '../../src/db/store.ts';
import { prepareDocument } from '../../src/ingest/prepare.ts';
import { freshDatabase, testDialect } from '../helpers/database.ts';
import { countRows, queryRows } from '../helpers/sql.ts';

const database = freshDatabase();
const writerOpened: Promise<ArchiveWriter> = openWriter(database.url);
afterAll(async () => {
  await (await writerOpened).close();
  database.remove();
});

const doc = (n: number, title = `Report number ${n} from Minsk`) =>
  prepareDocument({
    source: `batch/${n}.txt`,
    format: 'text',
    text: `${title}\n\nOlga Kovalenko said bread costs ${n}.50 BYN.\n“Prices keep rising,” Kovalenko said.\n`,
  });

/** A database-level refusal of one title, as a constraint or a full disk would give. */
const REFUSE: Record<typeof testDialect, string[]> = {
  sqlite: [
    `CREATE TRIGGER refuse_poison BEFORE INSERT ON "articles" WHEN new."title" = 'Poison pill'
     BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END`,
  ],
  postgres: [
    `CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS
     'BEGIN RAISE EXCEPTION ''refused by test trigger''; END'`,
    `CREATE TRIGGER refuse_poison BEFORE INSERT ON "articles" FOR EACH ROW
     WHEN (new."title" = 'Poison pill') EXECUTE FUNCTION refuse_poison()`,
  ],
};
const ALLOW: Record<typeof testDialect, string[]> = {
  sqlite: ['DROP TRIGGER refuse_poison'],
  postgres: ['DROP TRIGGER refuse_poison ON "articles"', 'DROP FUNCTION refuse_poison'],
};
const PRICES_OF = testDialect === 'postgres' ? `string_agg(p."amount", ',')` : `group_concat(p."amount")`;
const FULL_TEXT_MATCHES =
  testDialect === 'postgres'
    ? `SELECT 1 FROM "articles" WHERE "searchVector" @@ to_tsquery('archive', 'report')`
    : `SELECT 1 FROM "articles_fts" WHERE "articles_fts" MATCH 'report'`;

describe('ArchiveWriter batches', () => {
  it('loses only the article the database refuses, keeping the rest of its batch with their facts', async () => {
    const writer = await writerOpened;
    for (const sql of REFUSE[testDialect]) await queryRows(database.url, sql);
    const results = await writer.writeBatch([doc(1), doc(2, 'Poison pill'), doc(3)]);
    expect(results.map((r) => r.status)).toEqual(['imported', 'failed', 'imported']);
    expect(results[1]).toMatchObject({
      source: 'batch/2.txt',
      reason: expect.stringMatching(/refused by test trigger/),
    });
    const stored = await queryRows<{ source: string; quotes: number; prices: string }>(
      database.url,
      `SELECT a."source", (SELECT count(*) FROM "quotes" q WHERE q."articleId" = a."id") AS quotes,
              (SELECT ${PRICES_OF} FROM "price_mentions" p WHERE p."articleId" = a."id") AS prices
       FROM "articles" a ORDER BY a."source"`,
    );
    expect(stored.map((row) => ({ ...row, quotes: Number(row.quotes) }))).toEqual([
      { source: 'batch/1.txt', quotes: 1, prices: '1.5' },
      { source: 'batch/3.txt', quotes: 1, prices: '3.5' },
    ]);
    // Full-text rows follow the articles that were kept, not the one rolled back.
    expect(await countRows(database.url, FULL_TEXT_MATCHES)).toBe(2);
    for (const sql of ALLOW[testDialect]) await queryRows(database.url, sql);
  });

  it('writes the refused article once the cause is gone, and nothing twice', async () => {
    const writer = await writerOpened;
    const results = await writer.writeBatch([doc(1), doc(2, 'Poison pill'), doc(3)]);
    expect(results.map((r) => r.status)).toEqual(['unchanged', 'imported', 'unchanged']);
    expect(await countRows(database.url, 'articles')).toBe(3);
    expect(await countRows(database.url, 'people')).toBe(1);
  });
});
