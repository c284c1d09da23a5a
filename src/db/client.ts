/**
 * The one place a Prisma client is made. Everything that talks to the database gets its client
 * from `openDatabase`, so the connection settings (WAL, busy timeout) hold everywhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import type Database from 'better-sqlite3';
import { PrismaClient } from './generated/client.ts';
import type { SqlReader } from './reader.ts';
import { openReadOnlyFile } from './sqlite/connection.ts';

export type { Prisma } from './generated/client.ts';
export { PrismaClient };

/**
 * What the read queries take: anything with `$queryRawUnsafe` (src/db/reader.ts), so Prisma's
 * client, its transaction client and the reader threads' better-sqlite3 connections all fit.
 */
export type Db = SqlReader;

export const DEFAULT_DATABASE_URL = 'file:./data/archive.db';

export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

/** The file a `file:` URL names, resolved against the working directory. */
export function databaseFile(url: string): string {
  if (!url.startsWith('file:')) {
    throw new Error(`DATABASE_URL must be a SQLite file URL such as ${DEFAULT_DATABASE_URL}, got "${url}"`);
  }
  const location = url
    .slice('file:'.length)
    .replace(/^\/\/(?=\/)/, '')
    .split('?')[0]!;
  return path.resolve(location);
}

export interface OpenOptions {
  /** How long a statement waits for another connection's write lock before failing. */
  busyTimeoutMs?: number;
}

export async function openDatabase(url: string, options: OpenOptions = {}): Promise<PrismaClient> {
  const file = databaseFile(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const adapter = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: options.busyTimeoutMs ?? 10_000 });
  const prisma = new PrismaClient({ adapter });
  // WAL lets the API keep reading while an import writes; NORMAL sync is durable across
  // application crashes in WAL mode and much faster than FULL.
  await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await prisma.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
  await prisma.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  return prisma;
}

/**
 * A read-only better-sqlite3 connection for the hot read paths that Prisma's per-query cost
 * (0.2–1.7 ms measured) would dominate; WAL lets it read while any writer writes.
 */
export function openReadConnection(url: string, options: OpenOptions = {}): Database.Database {
  return openReadOnlyFile(databaseFile(url), options.busyTimeoutMs);
}
