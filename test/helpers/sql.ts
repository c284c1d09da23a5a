/**
 * Direct SQL checks in tests, on either dialect: `?` placeholders, double-quoted identifiers
 * (valid on both), results as plain objects with numbers for counts.
 */
import Database from 'better-sqlite3';
import { databaseFile } from '../../src/db/client.ts';
import { dialectOf } from '../../src/db/store.ts';

export async function queryRows<T = Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  if (dialectOf(url) === 'sqlite') {
    const db = new Database(databaseFile(url), { timeout: 10_000 });
    try {
      const statement = db.prepare(sql);
      return (statement.reader ? statement.all(...params) : (statement.run(...params), [])) as T[];
    } finally {
      db.close();
    }
  }
  const { default: pg } = await import('pg');
  await import('../../src/db/postgres/pool.ts'); // its type parsers (counts as numbers)
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let n = 0;
    return (
      await client.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params,
      )
    ).rows as T[];
  } finally {
    await client.end();
  }
}

/** count(*) of a table (or of a query's rows). */
export async function countRows(url: string, tableOrQuery: string): Promise<number> {
  const from = /^\s*select/i.test(tableOrQuery) ? `(${tableOrQuery}) s` : `"${tableOrQuery}"`;
  const [row] = await queryRows<{ n: number | bigint }>(url, `SELECT count(*) AS n FROM ${from}`);
  return Number(row!.n);
}
