/**
 * SQL text with `?` placeholders composed in order, run as PostgreSQL's numbered parameters.
 * Composing with `?` lets a condition carry its own parameters whatever its position; `run`
 * numbers them once, at the end. (No SQL here uses `?` as an operator.)
 */
import type pg from 'pg';
import { QueryTimeoutError } from '../budget.ts';

import type { SqlPart } from '../sql-part.ts';

export type { SqlPart };

export class Conditions {
  readonly conditions: string[] = [];
  readonly params: unknown[] = [];

  add(condition: string, ...params: unknown[]): this {
    this.conditions.push(condition);
    this.params.push(...params);
    return this;
  }

  addPart(part: SqlPart, wrap: (sql: string) => string = (sql) => sql): this {
    return this.add(wrap(part.sql), ...part.params);
  }

  /** `WHERE …`, or nothing when there is no condition. */
  where(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }

  /** `AND …` to append to a WHERE of the caller's own, or nothing. */
  and(): string {
    return this.conditions.length ? `AND ${this.conditions.join(' AND ')}` : '';
  }
}

export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export async function rows<T extends pg.QueryResultRow>(
  db: pg.Pool | pg.PoolClient,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  try {
    return (await db.query<T>(numbered(sql), params)).rows;
  } catch (error) {
    throw asQueryTimeout(error, db) ?? error;
  }
}

/** PostgreSQL's "canceling statement due to statement timeout". */
const QUERY_CANCELED = '57014';

/** A statement stopped by the pool's statement_timeout, as the store's QueryTimeoutError. */
export function asQueryTimeout(error: unknown, db: pg.Pool | pg.PoolClient): QueryTimeoutError | null {
  if ((error as { code?: string } | null)?.code !== QUERY_CANCELED) return null;
  const budget = 'options' in db ? Number(db.options.statement_timeout) || 0 : 0;
  return new QueryTimeoutError(
    budget,
    `The query ran longer than its ${budget} ms budget (QUERY_TIMEOUT_MS) and was stopped: narrow it (fewer or longer prefix terms, a shorter NEAR span, more filters) and try again`,
  );
}

/** The ISO 8601 UTC text of a timestamptz column (as the API returns dates). */
export const iso = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const isoDate = (date: Date | null): string | null => (date === null ? null : date.toISOString());

export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
