/**
 * The distinct price amounts with their counts, and the counts of their buckets, per currency
 * ("currency_amounts", "currency_buckets") and per currency and month of the article date
 * ("price_month_amounts", "price_month_buckets"; migration 20261202000100_price_aggregates), kept
 * by the writer through ArchiveAggregates in the same transaction as the price mentions, with its
 * invariant: each table equals the grouping of the stored mentions, rows at zero deleted. Medians
 * are then found from a few bucket counts and one bucket's distinct amounts
 * (src/db/queries/prices.ts), never by ranking every mention.
 */
import type Database from 'better-sqlite3';
import { KeyedTally } from './tally.ts';

/** The bucket of an amount value (see the migration): computed by SQLite only, so all sides agree. */
export const amountBucket = (v: string): string => {
  const e = `printf('%.0e', ${v})`;
  return `(CASE WHEN ${v} > 0 THEN (CAST(substr(${e}, instr(${e}, 'e') + 1) AS INTEGER) + 400) * 10 + CAST(substr(${e}, 1, 1) AS INTEGER) ELSE 0 END)`;
};

/** One price mention as the aggregates see it. */
export interface PriceFact {
  month: string;
  currency: string;
  amountValue: number;
  amount: string;
}

/** A table's key columns besides the bucket, before it ("currency", "month") and after ("amountValue", "amount"). */
interface Layout {
  amounts: string;
  buckets: string;
  /** Key columns before the bucket. */
  group: string[];
}

const LAYOUTS: Layout[] = [
  { amounts: 'currency_amounts', buckets: 'currency_buckets', group: ['currency'] },
  { amounts: 'price_month_amounts', buckets: 'price_month_buckets', group: ['currency', 'month'] },
];

const quoted = (names: string[]) => names.map((name) => `"${name}"`).join(', ');

/**
 * Statements of one layout: `add` takes a JSON array of [...group, amountValue, amount, n] rows;
 * `shift` adds the stored mentions of article @id @sign times (month given as @month), SQLite's
 * own values (no round trip of an amountValue through JavaScript); `drop` deletes the keys
 * either left at zero.
 */
function layoutStatements(db: Database.Database, { amounts, buckets, group }: Layout) {
  const g = group.length;
  const amountKeys = [...group, 'bucket', 'amountValue', 'amount'];
  const bucketKeys = [...group, 'bucket'];
  // Both sources select the amount keys and a count, as c1, c2, … (the last is the count).
  const as = (columns: string[]) => columns.map((column, i) => `${column} AS c${i + 1}`).join(', ');
  const fromJson = `SELECT ${as([
    ...group.map((_, i) => `"value" ->> ${i}`),
    amountBucket(`("value" ->> ${g})`),
    `"value" ->> ${g}`,
    `"value" ->> ${g + 1}`,
    `"value" ->> ${g + 2}`,
  ])} FROM json_each(?) WHERE true`;
  const stored = `SELECT ${as([
    ...group.map((c) => (c === 'month' ? '@month' : `"${c}"`)),
    amountBucket('"amountValue"'),
    '"amountValue"',
    '"amount"',
    '@sign * count(*)',
  ])} FROM "price_mentions" WHERE "articleId" = @id
     GROUP BY ${[...group.filter((c) => c !== 'month'), 'amountValue', 'amount'].map((c) => `"${c}"`).join(', ')}`;
  const c = (n: number) => Array.from({ length: n }, (_, i) => `c${i + 1}`).join(', ');
  const addRows = (source: string) => [
    `INSERT INTO "${amounts}" (${quoted([...amountKeys, 'n'])}) SELECT * FROM (${source}) WHERE true
     ON CONFLICT DO UPDATE SET "n" = "n" + excluded."n"`,
    `INSERT INTO "${buckets}" (${quoted([...bucketKeys, 'n'])})
     SELECT ${c(bucketKeys.length)}, sum(c${amountKeys.length + 1}) FROM (${source})
     WHERE true GROUP BY ${c(bucketKeys.length)}
     ON CONFLICT DO UPDATE SET "n" = "n" + excluded."n"`,
  ];
  const dropZero = (table: string, keys: string[], source: string) =>
    `DELETE FROM "${table}" WHERE (${quoted(keys)}) IN (SELECT ${c(keys.length)} FROM (${source})) AND "n" <= 0`;
  return {
    add: addRows(fromJson).map((sql) => db.prepare<[string]>(sql)),
    shift: addRows(stored).map((sql) => db.prepare<[{ id: number; sign: number; month?: string }]>(sql)),
    drop: [dropZero(amounts, amountKeys, stored), dropZero(buckets, bucketKeys, stored)].map((sql) =>
      db.prepare<[{ id: number; sign: number; month?: string }]>(sql),
    ),
  };
}

export class PriceAggregates {
  private readonly currency;
  private readonly month;

  constructor(db: Database.Database) {
    [this.currency, this.month] = LAYOUTS.map((layout) => layoutStatements(db, layout)) as [
      ReturnType<typeof layoutStatements>,
      ReturnType<typeof layoutStatements>,
    ];
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
      [currency, this.currency],
      [month, this.month],
    ] as const) {
      if (tally.size === 0) continue;
      const rows = JSON.stringify(tally.rows());
      for (const statement of statements.add) statement.run(rows);
    }
  }

  /** Uncounts the stored mentions of an article (in `month`) about to be deleted. */
  articleRemoved(id: number, month: string): void {
    this.shift(this.currency, { id, sign: -1 });
    this.shift(this.month, { id, sign: -1, month });
  }

  /** A stored article moves from one month to another: its mentions follow. */
  articleMoved(id: number, from: string, to: string): void {
    if (from === to) return;
    this.shift(this.month, { id, sign: -1, month: from });
    this.shift(this.month, { id, sign: 1, month: to });
  }

  private shift(
    statements: ReturnType<typeof layoutStatements>,
    args: { id: number; sign: number; month?: string },
  ): void {
    // Named parameters a statement does not use must not be passed.
    const params = statements === this.month ? args : { id: args.id, sign: args.sign };
    for (const statement of statements.shift) statement.run(params);
    if (args.sign < 0) for (const statement of statements.drop) statement.run(params);
  }
}
