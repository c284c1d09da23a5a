/**
 * A read over its budget (QUERY_TIMEOUT_MS) is a QueryTimeoutError on PostgreSQL too: the store's
 * pools set statement_timeout, and the server's cancellation (SQLSTATE 57014) is reported as the
 * store's error with the budget, not as a raw driver error. (On SQLite the reader pool enforces
 * the budget: test/integration/reader-pool.test.ts.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import { QueryTimeoutError } from '../../src/db/budget.ts';
import type { PostgresStore } from '../../src/db/postgres/store.ts';
import { rows } from '../../src/db/postgres/sql.ts';
import { openStore } from '../../src/db/store.ts';
import { freshDatabase, testDialect } from '../helpers/database.ts';

const database = freshDatabase();
afterAll(() => database.remove());

describe.skipIf(testDialect !== 'postgres')('a PostgreSQL read over its budget', () => {
  it('is stopped by the server and reported as a QueryTimeoutError with the budget', async () => {
    const store = (await openStore(database.url, {
      queryTimeoutMs: 200,
      articleCacheBytes: 0,
    })) as PostgresStore;
    try {
      const slow = rows(store.reads, 'SELECT pg_sleep(2)');
      await expect(slow).rejects.toBeInstanceOf(QueryTimeoutError);
      await expect(slow).rejects.toMatchObject({
        budgetMs: 200,
        message: expect.stringMatching(/200 ms budget/),
      });
      // A read within the budget still answers on the same pool.
      expect(await store.countArticles()).toBe(0);
    } finally {
      await store.close();
    }
  });
});
