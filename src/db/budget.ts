/**
 * Query budgets: how long one read of the store may take, and how many reader threads run them
 * (SQLite; see src/db/sqlite/reader-pool.ts). A read over budget is answered at once with a
 * QueryTimeoutError (HTTP 503, a plain message on the command line) and never holds up another.
 *
 * - QUERY_TIMEOUT_MS: the budget of one read, waiting for a free reader included (default 5000).
 * - READER_THREADS: reader threads (default 2); 0 reads on the main thread, without a budget.
 */

export class QueryTimeoutError extends Error {
  override name = 'QueryTimeoutError';
  constructor(
    readonly budgetMs: number,
    detail: string,
  ) {
    super(detail);
  }
}

export const DEFAULT_QUERY_TIMEOUT_MS = 5000;
export const DEFAULT_READER_THREADS = 2;

export interface QueryBudget {
  queryTimeoutMs: number;
  readerThreads: number;
}

function integerSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min)
    throw new Error(`${name} must be a whole number of at least ${min}, got "${env[name]}"`);
  return value;
}

export function queryBudgetFromEnv(env: NodeJS.ProcessEnv = process.env): QueryBudget {
  return {
    queryTimeoutMs: integerSetting(env, 'QUERY_TIMEOUT_MS', DEFAULT_QUERY_TIMEOUT_MS, 1),
    readerThreads: integerSetting(env, 'READER_THREADS', DEFAULT_READER_THREADS, 0),
  };
}
