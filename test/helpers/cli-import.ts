/**
 * `news-archive import` run as a user runs it (a child process, in a scratch folder), for the
 * import tests: the folder and every database made are removed after the file's tests.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { PROJECT_ROOT } from '../../src/db/migrate.ts';
import { freshDatabase } from './database.ts';

export const BIN = path.join(PROJECT_ROOT, 'bin/news-archive.js');

export interface ImportRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A scratch folder (`tmp`, the import's working directory), fresh databases and the import command. */
export function importSandbox(name: string) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `news-archive-${name}-`));
  const cleanups: (() => void)[] = [() => fs.rmSync(tmp, { recursive: true, force: true })];
  afterAll(() => cleanups.forEach((cleanup) => cleanup()));

  function database() {
    const db = freshDatabase();
    cleanups.push(db.remove);
    return db;
  }

  function run(args: string[], url: string, input?: string | Buffer): ImportRun {
    const result = spawnSync(process.execPath, [BIN, 'import', ...args], {
      cwd: tmp,
      env: { ...process.env, DATABASE_URL: url },
      encoding: 'utf8',
      timeout: 60_000,
      ...(input !== undefined && { input }),
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  return { tmp, database, run };
}
