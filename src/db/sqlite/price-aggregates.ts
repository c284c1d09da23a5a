/**
 * The distinct price amounts with their counts ("currency_amounts", per currency;
 * "price_month_amounts", per currency and month of the article date; migration
 * 20261202000100_price_aggregates), kept by the writer through ArchiveAggregates in the same
 * transaction as the price mentions, with its invariant: each table equals the grouping of the
 * stored mentions, rows at zero deleted. Medians are then found by walking distinct amounts in
 * order (src/db/queries/prices.ts) rather than by ranking every mention.
 */
import type Database from 'better-sqlite3';
import { KeyedTally, tableStatements } from './tally.ts';

/** One price mention as the aggregates see it. */
export interface PriceFact {
  month: string;
  currency: string;
  amountValue: number;
  amount: string;
}

export class PriceAggregates {
  private readonly s;

  constructor(db: Database.Database) {
    // The stored mentions of article @id, added to a table @sign times (SQLite's own values: no
    // round trip of an amountValue through JavaScript), and the keys they leave at zero dropped.
    const of = `FROM "price_mentions" WHERE "articleId" = @id`;
    this.s = {
      currency: tableStatements(db, 'currency_amounts', ['currency', 'amountValue', 'amount'], ['n']),
      month: tableStatements(
        db,
        'price_month_amounts',
        ['currency', 'month', 'amountValue', 'amount'],
        ['n'],
      ),
      shiftCurrency: db.prepare<[{ id: number; sign: number }]>(
        `INSERT INTO "currency_amounts" ("currency", "amountValue", "amount", "n")
         SELECT "currency", "amountValue", "amount", @sign * count(*) ${of} GROUP BY 1, 2, 3
         ON CONFLICT DO UPDATE SET "n" = "n" + excluded."n"`,
      ),
      dropCurrency: db.prepare<[{ id: number }]>(
        `DELETE FROM "currency_amounts" WHERE ("currency", "amountValue", "amount") IN
           (SELECT "currency", "amountValue", "amount" ${of}) AND "n" <= 0`,
      ),
      shiftMonth: db.prepare<[{ id: number; month: string; sign: number }]>(
        `INSERT INTO "price_month_amounts" ("currency", "month", "amountValue", "amount", "n")
         SELECT "currency", @month, "amountValue", "amount", @sign * count(*) ${of} GROUP BY 1, 3, 4
         ON CONFLICT DO UPDATE SET "n" = "n" + excluded."n"`,
      ),
      dropMonth: db.prepare<[{ id: number; month: string }]>(
        `DELETE FROM "price_month_amounts" WHERE ("currency", "month", "amountValue", "amount") IN
           (SELECT "currency", @month, "amountValue", "amount" ${of}) AND "n" <= 0`,
      ),
    };
  }

  /** Counts mentions about to be inserted. */
  pricesAdded(prices: Iterable<PriceFact>): void {
    const currency = new KeyedTally(1);
    const month = new KeyedTally(1);
    for (const p of prices) {
      currency.add([p.currency, p.amountValue, p.amount], 0);
      month.add([p.currency, p.month, p.amountValue, p.amount], 0);
    }
    for (const [tally, statements] of [
      [currency, this.s.currency],
      [month, this.s.month],
    ] as const)
      if (tally.size) statements.add.run(JSON.stringify(tally.rows()));
  }

  /** Uncounts the stored mentions of an article (in `month`) about to be deleted. */
  articleRemoved(id: number, month: string): void {
    this.s.shiftCurrency.run({ id, sign: -1 });
    this.s.dropCurrency.run({ id });
    this.s.shiftMonth.run({ id, month, sign: -1 });
    this.s.dropMonth.run({ id, month });
  }

  /** A stored article moves from one month to another: its mentions follow. */
  articleMoved(id: number, from: string, to: string): void {
    if (from === to) return;
    this.s.shiftMonth.run({ id, month: from, sign: -1 });
    this.s.dropMonth.run({ id, month: from });
    this.s.shiftMonth.run({ id, month: to, sign: 1 });
  }
}
