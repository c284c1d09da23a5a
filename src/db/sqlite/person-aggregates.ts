/**
 * The per-person aggregates behind the person page ("person_months", "person_pairs",
 * "person_currencies"; migration 20261202000000_person_aggregates), kept by the writer through
 * ArchiveAggregates (aggregates.ts) in the same transaction as the rows they count, with the same
 * invariant: each table equals the aggregate of the stored rows, rows at zero deleted.
 *
 * What is counted per article is its set of people (the distinct people of its mentions), its
 * month and its price mentions per currency: each person gets the article in their month, every
 * other person of the set as a co-mention (both directions), and the article's prices. So the
 * writer hands over whole articles: `articlesAdded` with the facts about to be inserted,
 * `articleRemoved` just before the stored facts of an article are deleted, `articleMoved` when a
 * stored article changes month, and `personMerged` when one person's rows are moved to another
 * (recounted from the stored rows).
 */
import type Database from 'better-sqlite3';
import { KeyedTally, tableStatements } from './tally.ts';

/** The facts of one article as the aggregates see them. */
export interface ArticleFacts {
  month: string;
  people: Iterable<number>;
  /** Price mentions per currency. */
  prices: Map<string, number>;
}

export class PersonAggregates {
  private readonly s;
  private months = new KeyedTally(1);
  private pairs = new KeyedTally(1);
  private currencies = new KeyedTally(2);

  constructor(db: Database.Database) {
    this.s = {
      months: tableStatements(db, 'person_months', ['personId', 'month'], ['articles']),
      pairs: tableStatements(db, 'person_pairs', ['personId', 'otherId'], ['articles']),
      currencies: tableStatements(db, 'person_currencies', ['personId', 'currency'], ['prices', 'articles']),
      monthOf: db
        .prepare<[number], string>('SELECT substr("sortDate", 1, 7) FROM "articles" WHERE "id" = ?')
        .pluck(),
      peopleOf: db
        .prepare<[number], number>('SELECT DISTINCT "personId" FROM "mentions" WHERE "articleId" = ?')
        .pluck(),
      pricesOf: db.prepare<[number], { currency: string; n: number }>(
        'SELECT "currency", count(*) AS n FROM "price_mentions" WHERE "articleId" = ? GROUP BY "currency"',
      ),
      forget: [
        // Both directions of the pairs: the other side's rows are found through the person's own.
        `DELETE FROM "person_pairs" WHERE ("personId", "otherId") IN
           (SELECT "otherId", "personId" FROM "person_pairs" WHERE "personId" = @id)`,
        'DELETE FROM "person_pairs" WHERE "personId" = @id',
        'DELETE FROM "person_months" WHERE "personId" = @id',
        'DELETE FROM "person_currencies" WHERE "personId" = @id',
      ].map((sql) => db.prepare<[{ id: number }]>(sql)),
      recount: [
        `INSERT INTO "person_months" ("personId", "month", "articles")
         SELECT @id, substr(a."sortDate", 1, 7), count(*) FROM "articles" a
         WHERE a."id" IN (SELECT "articleId" FROM "mentions" WHERE "personId" = @id) GROUP BY 2`,
        `INSERT INTO "person_pairs" ("personId", "otherId", "articles")
         SELECT @id, m."personId", count(DISTINCT m."articleId") FROM "mentions" m
         WHERE m."articleId" IN (SELECT "articleId" FROM "mentions" WHERE "personId" = @id) AND m."personId" <> @id
         GROUP BY 2`,
        `INSERT INTO "person_pairs" ("personId", "otherId", "articles")
         SELECT "otherId", "personId", "articles" FROM "person_pairs" WHERE "personId" = @id`,
        `INSERT INTO "person_currencies" ("personId", "currency", "prices", "articles")
         SELECT @id, pm."currency", count(*), count(DISTINCT pm."articleId") FROM "price_mentions" pm
         WHERE pm."articleId" IN (SELECT "articleId" FROM "mentions" WHERE "personId" = @id) GROUP BY 2`,
      ].map((sql) => db.prepare<[{ id: number }]>(sql)),
    };
  }

  /** The month of a stored article (its row must exist). */
  storedMonth(articleId: number): string {
    return this.s.monthOf.get(articleId)!;
  }

  /** Counts the facts of articles about to be inserted. */
  articlesAdded(articles: Iterable<ArticleFacts>): void {
    for (const article of articles) this.count(article, 1);
    this.flush();
  }

  /** Counts (sign +1) or uncounts (-1) one article's facts; written by `flush`. */
  private count({ month, people, prices }: ArticleFacts, sign: 1 | -1): void {
    const set = [...new Set(people)];
    for (const personId of set) {
      this.months.add([personId, month], 0, sign);
      for (const otherId of set) if (otherId !== personId) this.pairs.add([personId, otherId], 0, sign);
      for (const [currency, n] of prices) {
        this.currencies.add([personId, currency], 0, sign * n);
        this.currencies.add([personId, currency], 1, sign);
      }
    }
  }

  /** Uncounts the stored facts of an article about to be deleted. */
  articleRemoved(articleId: number): void {
    const people = this.s.peopleOf.all(articleId);
    if (people.length === 0) return;
    const prices = new Map(this.s.pricesOf.all(articleId).map(({ currency, n }) => [currency, n]));
    this.count({ month: this.storedMonth(articleId), people, prices }, -1);
    this.flush();
  }

  /** A stored article moves from one month to another: its people's timelines follow. */
  articleMoved(articleId: number, from: string, to: string): void {
    if (from === to) return;
    for (const personId of this.s.peopleOf.all(articleId)) {
      this.months.add([personId, from], 0, -1);
      this.months.add([personId, to], 0, 1);
    }
    this.flush();
  }

  /**
   * `from`'s mentions were moved to `into` (a one-word person folded into a full name): both are
   * recounted from the stored rows (`from` to nothing).
   */
  personMerged(from: number, into: number): void {
    for (const statement of this.s.forget) statement.run({ id: from });
    for (const statement of this.s.forget) statement.run({ id: into });
    for (const statement of this.s.recount) statement.run({ id: into });
  }

  /**
   * Writes the collected counts at once (every public method ends with it: a savepoint rolled
   * back then takes its counts with it).
   */
  private flush(): void {
    const apply = (tally: KeyedTally, statements: ReturnType<typeof tableStatements>) => {
      if (tally.size === 0) return;
      statements.add.run(JSON.stringify(tally.rows()));
      if (tally.decreased) statements.dropEmpty.run(JSON.stringify(tally.keys()));
    };
    apply(this.months, this.s.months);
    apply(this.pairs, this.s.pairs);
    apply(this.currencies, this.s.currencies);
    this.months = new KeyedTally(1);
    this.pairs = new KeyedTally(1);
    this.currencies = new KeyedTally(2);
  }
}
