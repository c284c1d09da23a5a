/**
 * What the writer derives and stores beside the rows must always equal what the rows say, whatever
 * path wrote them (batched imports, the per-article fallback, revisions, refreshed metadata, other
 * sources, people merged across articles, re-extraction, orphan removal):
 * - the aggregates behind /stats (src/db/sqlite/aggregates.ts) equal a full recount;
 * - every stored GET /articles/:id document (src/db/sqlite/documents.ts) equals a live build.
 */
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseFile } from '../../src/db/client.ts';
import { ArticleWriter } from '../../src/db/writer.ts';
import { articleDetailJson } from '../../src/db/queries/article-detail.ts';
import { amountBucket } from '../../src/db/sqlite/price-aggregates.ts';
import { prepareDocument } from '../../src/ingest/prepare.ts';
import { reextractArchive } from '../../src/ingest/reextract.ts';
import { corpusDocuments } from '../helpers/corpus.ts';
import { freshDatabase } from '../helpers/database.ts';

const database = freshDatabase();
const writer = new ArticleWriter(database.url);
const reader = new Database(databaseFile(database.url), { readonly: true });
afterAll(() => {
  reader.close();
  writer.close();
  database.remove();
});

const rows = (sql: string) => reader.prepare(sql).all();

/** What the aggregate tables hold, and what a recount of the fact tables says they should hold. */
function compare() {
  const stored = {
    people: rows(
      `SELECT "personId" AS id, "articles", "quotes" FROM "person_stats" WHERE "articles" > 0 OR "quotes" > 0 ORDER BY 1`,
    ),
    months: rows(`SELECT "month", "articles" FROM "month_stats" ORDER BY 1`),
    currencies: rows(`SELECT "currency", "prices", "articles" FROM "currency_stats" ORDER BY 1`),
    totals: rows(`SELECT "key", "n" FROM "archive_totals" WHERE "n" <> 0 ORDER BY 1`),
    personMonths: rows(`SELECT "personId", "month", "articles" FROM "person_months" ORDER BY 1, 2`),
    personPairs: rows(`SELECT "personId", "otherId", "articles" FROM "person_pairs" ORDER BY 1, 2`),
    personCurrencies: rows(
      `SELECT "personId", "currency", "prices", "articles" FROM "person_currencies" ORDER BY 1, 2`,
    ),
    currencyAmounts: rows(
      `SELECT "currency", "bucket", "amountValue", "amount", "n" FROM "currency_amounts" ORDER BY 1, 2, 3, 4`,
    ),
    currencyBuckets: rows(`SELECT "currency", "bucket", "n" FROM "currency_buckets" ORDER BY 1, 2`),
    monthAmounts: rows(
      `SELECT "currency", "month", "bucket", "amountValue", "amount", "n" FROM "price_month_amounts" ORDER BY 1, 2, 3, 4, 5`,
    ),
    monthBuckets: rows(
      `SELECT "currency", "month", "bucket", "n" FROM "price_month_buckets" ORDER BY 1, 2, 3`,
    ),
  };
  // The distinct (article, person) pairs of the mentions: "the articles mentioning a person".
  const articlePeople = `(SELECT DISTINCT "articleId", "personId" FROM "mentions")`;
  const bucket = amountBucket('pm."amountValue"');
  const recount = {
    people: rows(
      `SELECT * FROM (SELECT p."id" AS id,
         (SELECT count(DISTINCT m."articleId") FROM "mentions" m WHERE m."personId" = p."id") AS articles,
         (SELECT count(*) FROM "quotes" q WHERE q."speakerId" = p."id") AS quotes
       FROM "people" p) WHERE articles > 0 OR quotes > 0 ORDER BY 1`,
    ),
    months: rows(
      `SELECT substr("sortDate", 1, 7) AS month, count(*) AS articles FROM "articles" GROUP BY 1 ORDER BY 1`,
    ),
    currencies: rows(
      `SELECT "currency", count(*) AS prices, count(DISTINCT "articleId") AS articles FROM "price_mentions" GROUP BY 1 ORDER BY 1`,
    ),
    totals: rows(
      `SELECT * FROM (SELECT 'articles' AS key, count(*) AS n FROM "articles" UNION ALL SELECT 'people', count(*) FROM "people"
       UNION ALL SELECT 'prices', count(*) FROM "price_mentions" UNION ALL SELECT 'quotes', count(*) FROM "quotes") WHERE n <> 0 ORDER BY 1`,
    ),
    personMonths: rows(
      `SELECT ap."personId", substr(a."sortDate", 1, 7) AS month, count(*) AS articles
       FROM ${articlePeople} ap JOIN "articles" a ON a."id" = ap."articleId" GROUP BY 1, 2 ORDER BY 1, 2`,
    ),
    personPairs: rows(
      `SELECT x."personId", y."personId" AS otherId, count(*) AS articles
       FROM ${articlePeople} x JOIN ${articlePeople} y ON y."articleId" = x."articleId" AND y."personId" <> x."personId"
       GROUP BY 1, 2 ORDER BY 1, 2`,
    ),
    personCurrencies: rows(
      `SELECT ap."personId", pm."currency", count(*) AS prices, count(DISTINCT pm."articleId") AS articles
       FROM ${articlePeople} ap JOIN "price_mentions" pm ON pm."articleId" = ap."articleId" GROUP BY 1, 2 ORDER BY 1, 2`,
    ),
    currencyAmounts: rows(
      `SELECT "currency", ${bucket} AS bucket, "amountValue", "amount", count(*) AS n FROM "price_mentions" pm
       GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    ),
    currencyBuckets: rows(
      `SELECT "currency", ${bucket} AS bucket, count(*) AS n FROM "price_mentions" pm GROUP BY 1, 2 ORDER BY 1, 2`,
    ),
    monthAmounts: rows(
      `SELECT pm."currency", substr(a."sortDate", 1, 7) AS month, ${bucket} AS bucket, pm."amountValue", pm."amount", count(*) AS n
       FROM "price_mentions" pm JOIN "articles" a ON a."id" = pm."articleId" GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    ),
    monthBuckets: rows(
      `SELECT pm."currency", substr(a."sortDate", 1, 7) AS month, ${bucket} AS bucket, count(*) AS n
       FROM "price_mentions" pm JOIN "articles" a ON a."id" = pm."articleId" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    ),
  };
  return { stored, recount };
}

/** Articles whose stored document is missing or differs from a live build. */
function staleDocuments(): number[] {
  const stored = new Map(
    (rows(`SELECT "articleId" AS id, "json" FROM "article_documents"`) as { id: number; json: string }[]).map(
      (row) => [row.id, row.json],
    ),
  );
  const ids = (rows(`SELECT "id" FROM "articles" ORDER BY 1`) as { id: number }[]).map((row) => row.id);
  return ids.filter((id) => stored.get(id) !== articleDetailJson(reader, id));
}

const corpus = corpusDocuments();

/** Writes a batch; the statuses of its documents. */
const statuses = (batch: Parameters<ArticleWriter['writeBatch']>[0]) =>
  writer.writeBatch(batch).map((r) => r.status);

const minsk = (text: string, publishedAt?: Date) =>
  prepareDocument({ source: 'minsk.txt', format: 'text', text, ...(publishedAt && { publishedAt }) });

describe('archive aggregates', () => {
  it('start at zero on an empty archive', () => {
    const { stored, recount } = compare();
    expect(stored).toEqual(recount);
    expect(staleDocuments()).toEqual([]);
  });

  it('equal a recount after batched imports of a varied corpus', () => {
    for (let i = 0; i < corpus.length; i += 10)
      expect(statuses(corpus.slice(i, i + 10))).not.toContain('failed');
    const { stored, recount } = compare();
    expect(recount.people.length).toBeGreaterThan(20);
    expect(recount.currencies.length).toBeGreaterThan(3);
    expect(recount.personPairs.length).toBeGreaterThan(20);
    expect(recount.personCurrencies.length).toBeGreaterThan(10);
    expect(recount.monthAmounts.length).toBeGreaterThan(recount.currencyAmounts.length);
    expect(recount.currencyAmounts.length).toBeGreaterThan(recount.currencyBuckets.length);
    expect(stored).toEqual(recount);
  });

  it('equal a recount after a merge moves the co-mentions and prices to the full name', () => {
    const first = prepareDocument({
      source: 'brest.txt',
      format: 'text',
      text: 'Brest fuel\n\nAnna Petrova met Kovalchuk in the market. “Fuel is dear,” Kovalchuk said of the 3.10 USD litre.',
      publishedAt: new Date('2022-03-05'),
    });
    expect(statuses([first])).toEqual(['imported']);
    const second = prepareDocument({
      source: 'pinsk.txt',
      format: 'text',
      text: 'Pinsk fuel\n\nEconomist Oleg Kovalchuk said a litre costs 3.20 USD.',
      publishedAt: new Date('2022-04-05'),
    });
    expect(statuses([second])).toEqual(['imported']);
    const id = (name: string) =>
      (rows(`SELECT "id" FROM "people" WHERE "name" = '${name}'`) as { id: number }[])[0]?.id;
    expect(id('Kovalchuk')).toBeUndefined();
    const { stored, recount } = compare();
    expect(stored.personPairs).toContainEqual({
      personId: id('Oleg Kovalchuk'),
      otherId: id('Anna Petrova'),
      articles: 1,
    });
    expect(stored).toEqual(recount);
  });

  it('equal a recount after a one-word person is merged into a full name, and after a revision', () => {
    expect(
      statuses([
        minsk('Minsk bread\n\n“Bread is dear,” Kovalenko said of the 2.10 BYN loaf.', new Date('2022-01-05')),
      ]),
    ).toEqual(['imported']);
    const merged = statuses([
      prepareDocument({
        source: 'grodno.txt',
        format: 'text',
        text: 'Grodno bread\n\nEconomist Olga Kovalenko said a loaf costs 2.30 BYN or 0.70 EUR.',
      }),
    ]);
    expect(merged).toEqual(['imported']);
    // One person, known by both forms.
    expect(rows(`SELECT "name" FROM "people" WHERE "name" LIKE '%Kovalenko'`)).toEqual([
      { name: 'Olga Kovalenko' },
    ]);
    // The text changes (a revision), and with it the date, the people and the prices.
    expect(
      statuses([
        minsk('Minsk bread again\n\nNo one was quoted; a loaf costs 9.99 USD.', new Date('2021-07-09')),
      ]),
    ).toEqual(['updated']);
    const { stored, recount } = compare();
    expect(stored).toEqual(recount);
    expect(staleDocuments()).toEqual([]);
  });

  it('equal a recount after another source of a stored text is recorded', () => {
    const copy = {
      ...corpus[1]!,
      input: { ...corpus[1]!.input, source: 'mirror/copy.txt' },
    };
    expect(statuses([copy])).toEqual(['unchanged']);
    const { stored, recount } = compare();
    expect(stored).toEqual(recount);
    expect(staleDocuments()).toEqual([]);
  });

  it('equal a recount when the per-article fallback rolls one article back', () => {
    writer.db.exec(`CREATE TRIGGER refuse_poison BEFORE INSERT ON "articles" WHEN new."title" = 'Poison pill'
                    BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END`);
    const poison = prepareDocument({
      source: 'poison.txt',
      format: 'text',
      text: 'Poison pill\n\nAnna Petrova said it costs 5 GBP.',
    });
    const fine = prepareDocument({
      source: 'fine.txt',
      format: 'text',
      text: 'Fine\n\nIvan Sidorov said it costs 7 PLN.',
    });
    expect(writer.writeBatch([poison, fine]).map((r) => r.status)).toEqual(['failed', 'imported']);
    writer.db.exec('DROP TRIGGER refuse_poison');
    const { stored, recount } = compare();
    expect(stored).toEqual(recount);
    expect(staleDocuments()).toEqual([]);
  });

  it('equal a recount after metadata moves an article to another month', () => {
    const known = writer.matchKnown(corpus[0]!.hash, {
      ...corpus[0]!.input,
      publishedAt: new Date('2019-02-03T00:00:00Z'),
    });
    expect(known?.status).toBe('updated');
    const { stored, recount } = compare();
    expect(stored).toEqual(recount);
    expect(staleDocuments()).toEqual([]);
  });

  it('equal a recount after re-extraction of everything and removal of orphaned people', async () => {
    await reextractArchive(database.url, { all: true });
    const { stored, recount } = compare();
    expect(stored).toEqual(recount);
    expect(staleDocuments()).toEqual([]);
  });
});
