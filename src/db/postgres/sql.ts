/**
 * SQL text with `?` placeholders composed in order, run as PostgreSQL's numbered parameters.
 * Composing with `?` lets a condition carry its own parameters whatever its position; `run`
 * numbers them once, at the end. (No SQL here uses `?` as an operator.)
 */
import type pg from 'pg';

export interface SqlPart {
  sql: string;
  params: unknown[];
}

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
  return (await db.query<T>(numbered(sql), params)).rows;
}

/** The ISO 8601 UTC text of a timestamptz column (as the API returns dates). */
export const iso = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const isoDate = (date: Date | null): string | null => (date === null ? null : date.toISOString());

export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
