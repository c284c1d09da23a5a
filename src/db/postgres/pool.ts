/**
 * Connection pools to PostgreSQL, for the store, the writer and Prisma's migration engine.
 *
 * - `DATABASE_POOL_SIZE` bounds each pool (default 10): N API processes hold at most N × size
 *   connections, which must stay under the server's max_connections.
 * - Every timestamp is a `timestamptz` (see schema-derivation.ts), which `pg` parses as a Date.
 * - `bigint` (count(*)) is parsed to a JS number: the archive's counts stay far below 2^53.
 * - For Prisma's adapter, columns of the catalog types `name` (OID 19) and `"char"` (18), which
 *   `migrate deploy`/`migrate dev` read from pg_catalog and 6.19's adapter cannot deserialize, are
 *   presented as `text` (their text form is what the schema engine expects).
 */
import pg from 'pg';

const INT8 = 20;
/** Catalog types 6.19's adapter cannot deserialize, whose text form is what Prisma expects. */
const CATALOG_TEXT_TYPES = new Set([18 /* "char" */, 19 /* name */]);
const TEXT = 25;

pg.types.setTypeParser(INT8, (value) => Number(value));

export function poolSize(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.DATABASE_POOL_SIZE?.trim();
  if (!raw) return 10;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`DATABASE_POOL_SIZE must be a positive whole number of connections, got "${raw}"`);
  return size;
}

/**
 * A pool whose statements run at most `statementTimeoutMs` (the server cancels them with
 * SQLSTATE 57014; src/db/postgres/sql.ts reports that as a QueryTimeoutError). Without it,
 * statements are unbounded (the writer's and migrations' pools).
 */
export function openPool(url: string, max = poolSize(), statementTimeoutMs?: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return pool;
}

type Fields = { fields?: { dataTypeID: number }[] };

const nameAsText = <T>(result: T): T => {
  for (const field of (result as Fields | undefined)?.fields ?? [])
    if (CATALOG_TEXT_TYPES.has(field.dataTypeID)) field.dataTypeID = TEXT;
  return result;
};

/** A client whose results describe catalog `name`/`"char"` columns as `text`. */
class NameAsTextClient extends pg.Client {
  override query(...args: unknown[]): never {
    const callback = args.at(-1);
    if (typeof callback === 'function') {
      args[args.length - 1] = (error: Error | null, result: unknown) =>
        (callback as (e: Error | null, r: unknown) => void)(error, error ? result : nameAsText(result));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const returned = (super.query as (...a: unknown[]) => unknown)(...args);
    return (returned instanceof Promise ? returned.then(nameAsText) : returned) as never;
  }
}

/** A pool for Prisma's pg adapter (migrations, Studio-compatible schema work). */
export function openPrismaPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 2, Client: NameAsTextClient });
  pool.on('error', () => {});
  return pool;
}
