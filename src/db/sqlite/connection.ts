/**
 * Read-only better-sqlite3 connections, without Prisma: what the main thread keeps for its cheap
 * reads (the article cache, /health) and what each reader thread opens. WAL (set by the writers'
 * connections, persistent in the file) lets them read while any writer writes.
 */
import Database from 'better-sqlite3';

export const DEFAULT_BUSY_TIMEOUT_MS = 10_000;

export function openReadOnlyFile(file: string, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS): Database.Database {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs });
  sqlite.pragma('query_only = ON');
  return sqlite;
}
