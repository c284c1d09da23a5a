/**
 * The SQLite file a DATABASE_URL names, checked before SQLite opens it, and SQLite's own failures
 * told in one sentence. Contract:
 *
 * - `inspectDatabaseFile` throws a `DatabaseFileError` (one plain sentence, no backtrace needed)
 *   for a missing directory, a directory, something that is not a regular file, a file that is
 *   not a SQLite database, and a file it may not read; otherwise it says whether the archive can
 *   be written (file and directory writable, not on a read-only mount).
 * - `readOnlyTarget` is how to open an archive that cannot be written: plainly when SQLite can,
 *   else (a WAL database in a read-only directory, where SQLite cannot create the -shm file) as an
 *   `immutable=1` URI, so a read-only archive is still served.
 * - `quickCheck` runs `PRAGMA quick_check` on archives up to a size bound (it reads every page).
 * - `databaseFailure` recognises SQLite's errors (corruption, not a database, full disk,
 *   read-only, cannot open) by code or message, a Prisma error's included, and returns the
 *   sentence to show; other errors (a file system error about some other file) give undefined.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

// better-sqlite3 reads this when its native addon loads (on the first `new Database`): it lets
// `readOnlyTarget` open "file:…?immutable=1". Only names starting with "file:" are URIs.
process.env.SQLITE_USE_URI ??= '1';

export type DatabaseFileProblem =
  | 'missing-directory'
  | 'not-a-file'
  | 'not-sqlite'
  | 'permission'
  | 'read-only'
  | 'corrupt'
  | 'full'
  | 'cannot-open';

export class DatabaseFileError extends Error {
  override name = 'DatabaseFileError';
  constructor(
    readonly problem: DatabaseFileProblem,
    message: string,
  ) {
    super(message);
  }
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function canAccess(target: string, mode: number): boolean {
  try {
    fs.accessSync(target, mode);
    return true;
  } catch {
    return false;
  }
}

function checkDirectory(file: string): void {
  const directory = path.dirname(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(directory);
  } catch {
    throw new DatabaseFileError(
      'missing-directory',
      `The directory ${directory} of DATABASE_URL does not exist: create it, or point DATABASE_URL at an existing directory.`,
    );
  }
  if (!stat.isDirectory())
    throw new DatabaseFileError('not-a-file', `${directory} in DATABASE_URL is not a directory.`);
  if (!canAccess(directory, fs.constants.X_OK))
    throw new DatabaseFileError('permission', `Permission denied: cannot enter the directory ${directory}.`);
}

function checkHeader(file: string): void {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  let read: number;
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM')
      throw new DatabaseFileError('permission', `Permission denied: cannot read the archive ${file}.`);
    throw new DatabaseFileError(
      'cannot-open',
      `Cannot open the archive ${file} (${code ?? 'unknown error'}).`,
    );
  }
  try {
    read = fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  // An empty file is a new database to SQLite; anything else must start with its header.
  if (read > 0 && !header.subarray(0, read).equals(SQLITE_HEADER.subarray(0, read))) throw notSqlite(file);
  if (read > 0 && read < SQLITE_HEADER.length) throw notSqlite(file);
}

const notSqlite = (file: string) =>
  new DatabaseFileError(
    'not-sqlite',
    `${file} is not a SQLite database: point DATABASE_URL at an archive file, or at a new file name to create one.`,
  );

export interface DatabaseFileState {
  file: string;
  exists: boolean;
  /** Whether imports and migrations can write (file and directory writable, mount not read-only). */
  writable: boolean;
}

export function inspectDatabaseFile(file: string): DatabaseFileState {
  checkDirectory(file);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file);
  } catch {
    stat = undefined;
  }
  const directoryWritable = canAccess(path.dirname(file), fs.constants.W_OK);
  if (stat === undefined) return { file, exists: false, writable: directoryWritable };
  if (stat.isDirectory())
    throw new DatabaseFileError(
      'not-a-file',
      `DATABASE_URL names ${file}, which is a directory: name a database file in it, such as ${path.join(file, 'archive.db')}.`,
    );
  if (!stat.isFile())
    throw new DatabaseFileError('not-a-file', `DATABASE_URL names ${file}, which is not a regular file.`);
  checkHeader(file);
  return { file, exists: true, writable: directoryWritable && canAccess(file, fs.constants.W_OK) };
}

/** How better-sqlite3 (or Prisma's adapter, which passes the name on) opens a read-only archive. */
export function readOnlyTarget(file: string): string {
  try {
    // SQLite opens lazily: only a first read tells whether it can.
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      db.pragma('schema_version');
    } finally {
      db.close();
    }
    return file;
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_CANTOPEN') throw error;
  }
  const wal = `${file}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0)
    throw new DatabaseFileError(
      'read-only',
      `The archive ${file} is read-only but ${wal} holds changes not yet written into it: open it once where it can be written (any command does), then serve it read-only.`,
    );
  return `file:${encodeURI(file).replace(/[?#]/g, encodeURIComponent)}?immutable=1`;
}

/** Archives up to this size are checked at start: `quick_check` reads every page (6 ms per MB measured, 0.8 s for 132 MB). */
export const DEFAULT_QUICK_CHECK_MAX_BYTES = 256 * 1024 * 1024;

export function quickCheck(file: string, maxBytes = DEFAULT_QUICK_CHECK_MAX_BYTES): void {
  if (maxBytes <= 0 || !inspectDatabaseFile(file).exists || fs.statSync(file).size > maxBytes) return;
  let db: Database.Database | undefined;
  let problems: string[];
  try {
    db = new Database(readOnlyTarget(file), { readonly: true, fileMustExist: true });
    problems = (db.pragma('quick_check(5)') as { quick_check: string }[]).map((row) => row.quick_check);
  } catch (error) {
    throw databaseFailure(error, file) ?? error;
  } finally {
    db?.close();
  }
  if (problems.length !== 1 || problems[0] !== 'ok') throw damaged(file, firstFinding(problems));
}

/** The first thing quick_check found, on one line ("Page 19: btreeInitPage() returns error code 11"). */
const firstFinding = (problems: string[]) =>
  problems
    .join('\n')
    .replace(/\*\*\* in database \w+ \*\*\*/g, '')
    .split('\n')
    .map((line) => line.trim())
    .find(Boolean)
    ?.slice(0, 160);

/** "archive /path/archive.db", or "archive" where the path is not to be shown (the API). */
const archiveName = (file?: string) => (file ? `archive ${file}` : 'archive');

const damaged = (file?: string, finding?: string) =>
  new DatabaseFileError(
    'corrupt',
    `The ${archiveName(file)} is damaged${finding ? ` (${finding})` : ''}: restore it from a backup, or try \`sqlite3 ${file ? path.basename(file) : 'archive.db'} .recover\` to save what is left.`,
  );

const FAILURES: { pattern: RegExp; describe: (file?: string) => DatabaseFileError }[] = [
  { pattern: /SQLITE_CORRUPT|database disk image is malformed/i, describe: (file) => damaged(file) },
  {
    pattern: /SQLITE_NOTADB|file is not a database/i,
    describe: (file) =>
      file
        ? notSqlite(file)
        : new DatabaseFileError('not-sqlite', 'The archive file is not a SQLite database.'),
  },
  {
    pattern: /SQLITE_FULL|database or disk is full/i,
    describe: (file) =>
      new DatabaseFileError(
        'full',
        `The disk holding the ${archiveName(file)} is full: free some space and run it again.`,
      ),
  },
  {
    pattern: /SQLITE_READONLY|attempt to write a readonly database/i,
    describe: (file) =>
      new DatabaseFileError(
        'read-only',
        `The ${archiveName(file)} is read-only: it can be searched and served, but not written (imports and migrations need write access).`,
      ),
  },
  {
    pattern: /SQLITE_PERM|SQLITE_AUTH|SQLITE_CANTOPEN|unable to open database file/i,
    describe: (file) =>
      new DatabaseFileError(
        'cannot-open',
        `Cannot open the ${archiveName(file)}: check that it and its directory may be read (and written, to import).`,
      ),
  },
];

/** The one-sentence account of a database or file-system failure, or undefined for other errors. */
export function databaseFailure(error: unknown, file?: string): DatabaseFileError | undefined {
  if (error instanceof DatabaseFileError) return error;
  if (!(error instanceof Error)) return undefined;
  const { code } = error as { code?: unknown };
  const text = `${typeof code === 'string' ? code : ''} ${error.message}`;
  return FAILURES.find(({ pattern }) => pattern.test(text))?.describe(file);
}
