/**
 * The one thing the read queries of src/db/queries/ need from a database: raw SQL with `?`
 * parameters, answering rows as plain objects. Prisma's client satisfies it (and so does its
 * transaction client), and so does `betterSqliteReader`, which the reader threads of
 * src/db/sqlite/reader-pool.ts use without loading Prisma at all.
 *
 * Row shapes the queries rely on, whichever reader answers: integers as number or bigint (the
 * queries pass them through Number()), dates as ISO 8601 text in either the stored "…+00:00" or
 * the "…Z" form (the queries parse them), REAL as number, TEXT as string, NULL as null.
 */
import type Database from 'better-sqlite3';

export interface SqlReader {
  $queryRawUnsafe<T = unknown>(sql: string, ...params: unknown[]): Promise<T>;
}

/** better-sqlite3 binds only numbers, strings, bigints, buffers and null: map the rest as Prisma does. */
function bindable(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** A `SqlReader` over one better-sqlite3 connection; statements are prepared once per SQL text. */
export function betterSqliteReader(sqlite: Database.Database, maxStatements = 200): SqlReader {
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = sqlite.prepare(sql);
      // Filters put id lists into the SQL text, so the set of texts is open-ended: bound it.
      if (statements.size >= maxStatements) statements.delete(statements.keys().next().value!);
      statements.set(sql, statement);
    }
    return statement;
  };
  return {
    async $queryRawUnsafe<T>(sql: string, ...params: unknown[]): Promise<T> {
      const statement = prepared(sql);
      const values = params.map(bindable);
      // PRAGMA writes and other statements without rows are run, not read.
      return (statement.reader ? statement.all(...values) : (statement.run(...values), [])) as T;
    },
  };
}
