/**
 * A migrated database of each test file's own, on the dialect its vitest project runs
 * (TEST_DIALECT, see vitest.config.ts): a copy of the SQLite template file, or a PostgreSQL
 * database created from the migrated template database (CREATE DATABASE … TEMPLATE, fast).
 * PostgreSQL databases are made and dropped with psql, so that the helper stays synchronous.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import type { Dialect } from '../../src/db/store.ts';

export const testDialect: Dialect = process.env.TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

export interface TestDatabase {
  url: string;
  /** The SQLite file ('' on PostgreSQL). */
  file: string;
  remove: () => void;
}

/** Runs one SQL statement as the admin URL's user (psql, synchronously). */
export function psql(adminUrl: string, sql: string): string {
  return execFileSync('psql', [adminUrl, '-v', 'ON_ERROR_STOP=1', '-Atqc', sql], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The same server and credentials as `url`, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function freshPostgres(): TestDatabase {
  const admin = inject('postgresAdminUrl');
  const template = inject('postgresTemplate');
  const name = `news_archive_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  // A concurrent CREATE … TEMPLATE from another test file can find the template busy: retry.
  for (let attempt = 0; ; attempt++) {
    try {
      psql(admin, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      break;
    } catch (error) {
      if (
        attempt >= 20 ||
        !/being accessed by other users/.test(String((error as { stderr?: string }).stderr))
      )
        throw error;
      execFileSync('sleep', ['0.2']);
    }
  }
  return {
    url: withDatabase(admin, name),
    file: '',
    remove: () => psql(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

export function freshSqlite(): TestDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-archive-db-'));
  const file = path.join(dir, 'archive.db');
  fs.copyFileSync(inject('templateDatabase'), file);
  return { url: `file:${file}`, file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A migrated database of this test file's own, with a function to remove it. */
export function freshDatabase(): TestDatabase {
  return testDialect === 'postgres' ? freshPostgres() : freshSqlite();
}
