/**
 * The archive-wide aggregates behind /stats ("person_stats", "month_stats", "currency_stats",
 * "archive_totals"; migration 20261201000100_archive_aggregates), kept by the writer in the same
 * transaction as the rows they count.
 *
 * Invariant: each table equals the aggregate of the rows stored at that moment in the fact
 * tables. So every change is counted when its rows actually reach the database: rows the writer
 * collects for a set-wise insert are counted as they are inserted (`inserted`), rows it deletes
 * are uncounted just before (`deletingFactsOf`), and a person whose rows are moved to another is
 * recounted from the stored rows (`recountPerson`). test/integration/aggregates.test.ts compares
 * the tables with a full recount after imports, revisions, re-extraction and merges.
 *
 * The per-person tables of the person page (person-aggregates.ts) and the distinct price amounts
 * of the price pages (price-aggregates.ts) are fed from the same calls.
 */
import type Database from 'better-sqlite3';
import { PersonAggregates, type ArticleFacts } from './person-aggregates.ts';
import { PriceAggregates, type PriceFact } from './price-aggregates.ts';

type Row = (string | number | null)[];

/** Where the columns the aggregates need stand in the writer's rows (given by writer.ts). */
export interface RowLayout {
  /** In an article row. */
  sortDate: number;
  /** In a mention and in a quote row. */
  personId: number;
  /** In a price row. */
  currency: number;
  /** In a mention, quote and price row. */
  articleId: number;
  /** In a price row. */
  amount: number;
  amountValue: number;
  /** In an article row. */
  id: number;
}

/** YYYY-MM of a stored date ("2024-03-15T08:00:00.000+00:00"), UTC as stored. */
const monthOf = (stored: string): string => stored.slice(0, 7);

/** Counts to add (or, negative, to remove) per key. */
class Tally<K> {
  readonly counts = new Map<K, number[]>();
  constructor(private readonly width: number) {}

  add(key: K, index: number, n = 1): void {
    let entry = this.counts.get(key);
    if (!entry) this.counts.set(key, (entry = new Array<number>(this.width).fill(0)));
    entry[index]! += n;
  }

  rows(): [K, ...number[]][] {
    return [...this.counts].map(([key, counts]) => [key, ...counts]);
  }
}

export class ArchiveAggregates {
  private readonly s;
  private readonly person: PersonAggregates;
  private readonly prices: PriceAggregates;

  constructor(
    db: Database.Database,
    private readonly at: RowLayout,
  ) {
    this.person = new PersonAggregates(db);
    this.prices = new PriceAggregates(db);
    const upsert = (table: string, key: string, columns: string[]) =>
      db.prepare<[string]>(
        `INSERT INTO "${table}" ("${key}", ${columns.map((c) => `"${c}"`).join(', ')})
         SELECT "value" ->> 0, ${columns.map((_, i) => `"value" ->> ${i + 1}`).join(', ')} FROM json_each(?) WHERE true
         ON CONFLICT ("${key}") DO UPDATE SET ${columns.map((c) => `"${c}" = "${c}" + excluded."${c}"`).join(', ')}`,
      );
    this.s = {
      people: upsert('person_stats', 'personId', ['articles', 'quotes']),
      months: upsert('month_stats', 'month', ['articles']),
      currencies: upsert('currency_stats', 'currency', ['prices', 'articles']),
      totals: upsert('archive_totals', 'key', ['n']),
      dropEmptyMonths: db.prepare('DELETE FROM "month_stats" WHERE "articles" <= 0'),
      dropEmptyCurrencies: db.prepare('DELETE FROM "currency_stats" WHERE "prices" <= 0'),
      peopleOf: db.prepare<[number], { personId: number }>(
        'SELECT DISTINCT "personId" FROM "mentions" WHERE "articleId" = ?',
      ),
      speakersOf: db.prepare<[number], { speakerId: number | null; n: number }>(
        'SELECT "speakerId", count(*) AS n FROM "quotes" WHERE "articleId" = ? GROUP BY "speakerId"',
      ),
      currenciesOf: db.prepare<[number], { currency: string; n: number }>(
        'SELECT "currency", count(*) AS n FROM "price_mentions" WHERE "articleId" = ? GROUP BY "currency"',
      ),
      recountPerson: db.prepare<[number, number, number]>(
        `INSERT OR REPLACE INTO "person_stats" ("personId", "articles", "quotes") VALUES (?,
           (SELECT count(DISTINCT "articleId") FROM "mentions" WHERE "personId" = ?),
           (SELECT count(*) FROM "quotes" WHERE "speakerId" = ?))`,
      ),
    };
  }

  /** Counts rows the writer is inserting (articles are new ones; facts may belong to stored articles). */
  inserted(rows: { articles: Row[]; mentions: Row[]; quotes: Row[]; prices: Row[] }): void {
    const people = new Tally<number>(2);
    const seenPairs = new Set<string>();
    for (const row of rows.mentions) {
      const personId = row[this.at.personId] as number;
      const pair = `${row[this.at.articleId]}:${personId}`;
      if (seenPairs.has(pair)) continue;
      seenPairs.add(pair);
      people.add(personId, 0);
    }
    for (const row of rows.quotes) {
      const speakerId = row[this.at.personId];
      if (speakerId !== null) people.add(speakerId as number, 1);
    }
    const months = new Tally<string>(1);
    for (const row of rows.articles) months.add(monthOf(row[this.at.sortDate] as string), 0);
    const currencies = new Tally<string>(2);
    const seenCurrencies = new Set<string>();
    for (const row of rows.prices) {
      const currency = row[this.at.currency] as string;
      currencies.add(currency, 0);
      const pair = `${row[this.at.articleId]}:${currency}`;
      if (!seenCurrencies.has(pair)) currencies.add(currency, 1);
      seenCurrencies.add(pair);
    }
    this.apply(people, months, currencies, {
      articles: rows.articles.length,
      quotes: rows.quotes.length,
      prices: rows.prices.length,
    });
    const facts = this.articleFacts(rows);
    this.person.articlesAdded(facts.values());
    this.prices.pricesAdded(
      rows.prices.map((row): PriceFact => ({
        month: facts.get(row[this.at.articleId] as number)!.month,
        currency: row[this.at.currency] as string,
        amountValue: row[this.at.amountValue] as number,
        amount: row[this.at.amount] as string,
      })),
    );
  }

  /** The inserted facts per article, with the article's month (of its row, new or stored). */
  private articleFacts(rows: { articles: Row[]; mentions: Row[]; prices: Row[] }): Map<number, ArticleFacts> {
    const months = new Map<number, string>();
    for (const row of rows.articles)
      months.set(row[this.at.id] as number, monthOf(row[this.at.sortDate] as string));
    const facts = new Map<number, { month: string; people: number[]; prices: Map<string, number> }>();
    const of = (articleId: number) => {
      let entry = facts.get(articleId);
      if (!entry) {
        const month = months.get(articleId) ?? this.person.storedMonth(articleId);
        facts.set(articleId, (entry = { month, people: [], prices: new Map() }));
      }
      return entry;
    };
    for (const row of rows.mentions)
      of(row[this.at.articleId] as number).people.push(row[this.at.personId] as number);
    for (const row of rows.prices) {
      const entry = of(row[this.at.articleId] as number);
      const currency = row[this.at.currency] as string;
      entry.prices.set(currency, (entry.prices.get(currency) ?? 0) + 1);
    }
    return facts;
  }

  /** Uncounts the stored facts of an article the writer is about to delete. */
  deletingFactsOf(articleId: number): void {
    this.person.articleRemoved(articleId);
    this.prices.articleRemoved(articleId, this.person.storedMonth(articleId));
    const people = new Tally<number>(2);
    for (const { personId } of this.s.peopleOf.all(articleId)) people.add(personId, 0, -1);
    let quotes = 0;
    for (const { speakerId, n } of this.s.speakersOf.all(articleId)) {
      if (speakerId !== null) people.add(speakerId, 1, -n);
      quotes += n;
    }
    const currencies = new Tally<string>(2);
    let prices = 0;
    for (const { currency, n } of this.s.currenciesOf.all(articleId)) {
      currencies.add(currency, 0, -n);
      currencies.add(currency, 1, -1);
      prices += n;
    }
    this.apply(people, new Tally<string>(1), currencies, { quotes: -quotes, prices: -prices });
  }

  /** A stored article's date changed (a revision or refreshed metadata): its stored facts move too. */
  redated(articleId: number, oldSortDate: string, newSortDate: string): void {
    if (monthOf(oldSortDate) === monthOf(newSortDate)) return;
    this.person.articleMoved(articleId, monthOf(oldSortDate), monthOf(newSortDate));
    this.prices.articleMoved(articleId, monthOf(oldSortDate), monthOf(newSortDate));
    const months = new Tally<string>(1);
    months.add(monthOf(oldSortDate), 0, -1);
    months.add(monthOf(newSortDate), 0, 1);
    this.apply(new Tally<number>(2), months, new Tally<string>(2), {});
  }

  peopleAdded(n: number): void {
    this.apply(new Tally<number>(2), new Tally<string>(1), new Tally<string>(2), { people: n });
  }

  /**
   * `from`'s mentions and quotes were moved to `into` (before `from` is deleted): `into` is
   * recounted from the stored rows.
   */
  personMerged(from: number, into: number): void {
    this.s.recountPerson.run(into, into, into);
    this.person.personMerged(from, into);
  }

  private apply(
    people: Tally<number>,
    months: Tally<string>,
    currencies: Tally<string>,
    totals: Partial<Record<'articles' | 'people' | 'quotes' | 'prices', number>>,
  ): void {
    if (people.counts.size) this.s.people.run(JSON.stringify(people.rows()));
    if (months.counts.size) {
      this.s.months.run(JSON.stringify(months.rows()));
      this.s.dropEmptyMonths.run();
    }
    if (currencies.counts.size) {
      this.s.currencies.run(JSON.stringify(currencies.rows()));
      this.s.dropEmptyCurrencies.run();
    }
    const changed = Object.entries(totals).filter(([, n]) => n !== 0);
    if (changed.length) this.s.totals.run(JSON.stringify(changed));
  }
}
