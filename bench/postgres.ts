/**
 * PostgreSQL databases for the benchmarks (`--db postgres`): one database per measured archive
 * on the server BENCH_POSTGRES_URL names (else TEST_POSTGRES_URL, else the local server as the
 * current user), created on demand.
 */
import pg from 'pg';

export type BenchDialect = 'sqlite' | 'postgres';

export function benchDialect(value: string | undefined): BenchDialect {
  if (value === undefined || value === 'sqlite') return 'sqlite';
  if (value === 'postgres' || value === 'postgresql') return 'postgres';
  throw new Error(`--db must be sqlite or postgres, got "${value}"`);
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

const adminUrl = (): string =>
  process.env.BENCH_POSTGRES_URL?.trim() ||
  process.env.TEST_POSTGRES_URL?.trim() ||
  'postgresql://localhost/postgres';

/** The URL of database `name` on the benchmark server, created if missing (emptied first when `fresh`). */
export async function benchDatabase(name: string, { fresh = false } = {}): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    if (fresh) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return withDatabase(adminUrl(), name);
}

/** Bytes the database takes on disk (tables, indexes, TOAST). */
export async function databaseBytes(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number(
      (await client.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n')).rows[0]!.n,
    );
  } finally {
    await client.end();
  }
}
