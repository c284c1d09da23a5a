/**
 * A reader thread of src/db/sqlite/reader-pool.ts: one read-only better-sqlite3 connection (no
 * Prisma), answering one read at a time by name (read-methods.ts). Errors travel back as their
 * name, message and SQLite code, so the pool rebuilds the store's own error classes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { betterSqliteReader } from '../reader.ts';
import { openReadOnlyFile } from './connection.ts';
import { readMethods, type ReadMethod } from './read-methods.ts';

export interface ReaderData {
  file: string;
  busyTimeoutMs?: number;
}

export interface ReadRequest {
  id: number;
  method: ReadMethod;
  args: unknown[];
}

export type ReadResponse =
  | { ready: true }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; message: string; code?: string; stack?: string } };

const { file, busyTimeoutMs } = workerData as ReaderData;
const sqlite = openReadOnlyFile(file, busyTimeoutMs);
const methods = readMethods(betterSqliteReader(sqlite), sqlite);

async function answer({ id, method, args }: ReadRequest): Promise<void> {
  let response: ReadResponse;
  try {
    const run = methods[method] as (...args: unknown[]) => Promise<unknown>;
    response = { id, ok: true, value: await run(...args) };
  } catch (caught) {
    const error = caught instanceof Error ? caught : new Error(String(caught));
    const code = (error as { code?: unknown }).code;
    response = {
      id,
      ok: false,
      error: {
        name: error.name,
        message: error.message,
        ...(typeof code === 'string' && { code }),
        ...(error.stack !== undefined && { stack: error.stack }),
      },
    };
  }
  parentPort!.postMessage(response);
}

parentPort!.on('message', (request: ReadRequest) => void answer(request));
// Reads are handed to this thread only from now on: starting up is not charged to their budget.
parentPort!.postMessage({ ready: true } satisfies ReadResponse);
