/**
 * Applies the committed migrations with Prisma's own CLI (`prisma migrate deploy`), so the
 * archive, the tests and a user running the CLI by hand share one migration history.
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

const run = promisify(execFile);
const require = createRequire(import.meta.url);

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Whether every committed migration is recorded as applied (and none rolled back). */
export function isMigrated(url: string): boolean {
  const file = databaseFile(url);
  if (!fs.existsSync(file)) return false;
  const committed = fs
    .readdirSync(path.join(PROJECT_ROOT, 'prisma/migrations'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const db = new Database(readOnlyTarget(file), { readonly: true, timeout: 10_000 });
  try {
    const applied = new Set(
      db
        .prepare<[], string>(
          'SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL',
        )
        .pluck()
        .all(),
    );
    return committed.every((name) => applied.has(name));
  } catch (error) {
    // No _prisma_migrations table yet: a new database. Anything else (corruption) is reported.
    if (/no such table/.test((error as Error).message)) return false;
    throw databaseFailure(error, file) ?? error;
  } finally {
    db.close();
  }
}

/**
 * Brings the database up to date. When nothing is pending the Prisma CLI is not started at all:
 * its schema engine wants the database to itself even then, so it would fail while the API
 * server or Studio has the file open, and it costs two seconds of start-up.
 */
export async function migrateDatabase(url: string): Promise<void> {
  const state = inspectDatabaseFile(databaseFile(url));
  if (isMigrated(url)) return;
  if (!state.writable) {
    throw new DatabaseFileError(
      'read-only',
      `The archive ${state.file} is read-only and ${state.exists ? 'has migrations pending' : 'does not exist yet'}: run the command once where it can be written.`,
    );
  }
  const prismaCli = path.join(path.dirname(require.resolve('prisma/package.json')), 'build/index.js');
  try {
    await run(process.execPath, [prismaCli, 'migrate', 'deploy'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: `file:${databaseFile(url)}`, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    const output = stderr || stdout;
    if (/SocketTimeout|SQLITE_BUSY|database is locked/.test(output)) {
      throw new Error(
        `migrations are pending for ${databaseFile(url)} but another process holds the database ` +
          '(the API server, an import or Prisma Studio): stop it, then run the command again',
        { cause: error },
      );
    }
    const failure = databaseFailure(new Error(output), databaseFile(url));
    if (failure) throw failure;
    throw new Error(`prisma migrate deploy failed for ${url}:\n${output}`, { cause: error });
  }
}
