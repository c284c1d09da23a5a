/**
 * Applies the committed migrations with Prisma's own CLI (`prisma migrate deploy`), so the
 * archive, the tests and a user running the CLI by hand share one migration history. The
 * dialect follows the URL: `file:` applies prisma/migrations to SQLite, `postgresql:` applies
 * prisma/postgres/migrations (prisma.config.ts picks schema, migrations and adapter the same way).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { databaseFile } from './client.ts';
import { DatabaseFileError, databaseFailure, inspectDatabaseFile, readOnlyTarget } from './database-file.ts';
import { dialectOf, type Dialect } from './store.ts';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const MIGRATIONS: Record<Dialect, string> = {
  sqlite: 'prisma/migrations',
  postgres: 'prisma/postgres/migrations',
};

const APPLIED_SQL =
  'SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL';

function committedMigrations(dialect: Dialect): string[] {
  return fs
    .readdirSync(path.join(PROJECT_ROOT, MIGRATIONS[dialect]), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

function appliedSqlite(url: string): Set<string> | null {
  const file = databaseFile(url);
  if (!fs.existsSync(file)) return null;
  const db = new Database(readOnlyTarget(file), { readonly: true, timeout: 10_000 });
  try {
    return new Set(db.prepare<[], string>(APPLIED_SQL).pluck().all());
  } catch (error) {
    // No _prisma_migrations table yet: a new database. Anything else (corruption) is reported.
    if (/no such table/.test((error as Error).message)) return null;
    throw databaseFailure(error, file) ?? error;
  } finally {
    db.close();
  }
}

async function appliedPostgres(url: string): Promise<Set<string> | null> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query<{ t: string | null }>(
      `SELECT to_regclass('"_prisma_migrations"') AS t`,
    );
    if (exists.rows[0]?.t === null) return null;
    const rows = await client.query<{ migration_name: string }>(APPLIED_SQL);
    return new Set(rows.rows.map((row) => row.migration_name));
  } finally {
    await client.end();
  }
}

/** Whether every committed migration is recorded as applied (and none rolled back). */
export async function isMigrated(url: string): Promise<boolean> {
  const dialect = dialectOf(url);
  const applied = dialect === 'sqlite' ? appliedSqlite(url) : await appliedPostgres(url);
  return applied !== null && committedMigrations(dialect).every((name) => applied.has(name));
}

/** Where the archive lives, for messages: the file for SQLite, the URL without password otherwise. */
export function describeDatabase(url: string): string {
  if (dialectOf(url) === 'sqlite') return databaseFile(url);
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

function explainFailure(url: string, output: string, error: unknown): Error {
  if (/SocketTimeout|SQLITE_BUSY|database is locked/.test(output)) {
    return new Error(
      `migrations are pending for ${describeDatabase(url)} but another process holds the database ` +
        '(the API server, an import or Prisma Studio): stop it, then run the command again',
      { cause: error },
    );
  }
  if (dialectOf(url) === 'sqlite') {
    const failure = databaseFailure(new Error(output), databaseFile(url));
    if (failure) return failure;
  }
  return new Error(`prisma migrate deploy failed for ${describeDatabase(url)}:\n${output}`, { cause: error });
}

/**
 * Brings the database up to date. When nothing is pending the Prisma CLI is not started at all:
 * on SQLite its schema engine wants the database to itself even then, so it would fail while the
 * API server or Studio has the file open, and it costs two seconds of start-up. On PostgreSQL,
 * concurrent deploys are serialized by Prisma's own advisory lock.
 */
export async function migrateDatabase(url: string): Promise<void> {
  const sqlite = dialectOf(url) === 'sqlite';
  const state = sqlite ? inspectDatabaseFile(databaseFile(url)) : null;
  if (await isMigrated(url)) return;
  if (state && !state.writable) {
    throw new DatabaseFileError(
      'read-only',
      `The archive ${state.file} is read-only and ${state.exists ? 'has migrations pending' : 'does not exist yet'}: run the command once where it can be written.`,
    );
  }
  const prismaCli = path.join(path.dirname(require.resolve('prisma/package.json')), 'build/index.js');
  const databaseUrl = dialectOf(url) === 'sqlite' ? `file:${databaseFile(url)}` : url;
  try {
    await run(process.execPath, [prismaCli, 'migrate', 'deploy'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw explainFailure(url, stderr || stdout, error);
  }
}
