import { afterAll, describe, expect, it } from 'vitest';
import { ArticleWriter } from '../../src/db/writer.ts';
import { prepareDocument } from '../../src/ingest/prepare.ts';
import { freshDatabase } from '../helpers/database.ts';

const database = freshDatabase();
const writer = new ArticleWriter(database.url);
afterAll(() => {
  writer.close();
  database.remove();
});

const doc = (n: number, title = `Report number ${n} from Minsk`) =>
  prepareDocument({
    source: `batch/${n}.txt`,
    format: 'text',
    text: `${title}\n\nOlga Kovalenko said bread costs ${n}.50 BYN.\n“Prices keep rising,” Kovalenko said.\n`,
  });

describe('ArticleWriter batches', () => {
  it('loses only the article the database refuses, keeping the rest of its batch with their facts', () => {
    // A database-level refusal in the middle of a batch, as a constraint or a full disk would give.
    writer.db.exec(`CREATE TRIGGER refuse_poison BEFORE INSERT ON "articles" WHEN new."title" = 'Poison pill'
                    BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END`);
    const results = writer.writeBatch([doc(1), doc(2, 'Poison pill'), doc(3)]);
    expect(results.map((r) => r.status)).toEqual(['imported', 'failed', 'imported']);
    expect(results[1]).toMatchObject({
      source: 'batch/2.txt',
      reason: expect.stringMatching(/refused by test trigger/),
    });
    const stored = writer.db
      .prepare(
        `SELECT a."source", (SELECT count(*) FROM "quotes" q WHERE q."articleId" = a."id") AS quotes,
                (SELECT group_concat(p."amount") FROM "price_mentions" p WHERE p."articleId" = a."id") AS prices
         FROM "articles" a ORDER BY a."source"`,
      )
      .all();
    expect(stored).toEqual([
      { source: 'batch/1.txt', quotes: 1, prices: '1.5' },
      { source: 'batch/3.txt', quotes: 1, prices: '3.5' },
    ]);
    // Full-text rows follow the articles that were kept, not the one rolled back.
    expect(
      writer.db.prepare(`SELECT count(*) AS n FROM "articles_fts" WHERE "articles_fts" MATCH 'report'`).get(),
    ).toEqual({ n: 2 });
    writer.db.exec('DROP TRIGGER refuse_poison');
  });

  it('writes the refused article once the cause is gone, and nothing twice', () => {
    const results = writer.writeBatch([doc(1), doc(2, 'Poison pill'), doc(3)]);
    expect(results.map((r) => r.status)).toEqual(['unchanged', 'imported', 'unchanged']);
    expect(writer.db.prepare('SELECT count(*) AS n FROM "articles"').get()).toEqual({ n: 3 });
    expect(writer.db.prepare('SELECT count(*) AS n FROM "people"').get()).toEqual({ n: 1 });
  });
});
