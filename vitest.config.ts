import { defineConfig } from 'vitest/config';

/**
 * Two projects from the same test files: `sqlite` runs everything; `postgres` runs the API and
 * integration suites again on a PostgreSQL server when TEST_POSTGRES_URL names one (a user
 * allowed to create databases; .ci/run provides it). Without it those suites are skipped, and
 * the run says so.
 */
const postgresUrl = process.env.TEST_POSTGRES_URL?.trim();
if (!postgresUrl) {
  console.warn('PostgreSQL suites skipped: set TEST_POSTGRES_URL=postgresql://user@host/db to run them too');
}

/**
 * Suites about SQLite's own machinery, with nothing to check on PostgreSQL: the aggregate and
 * stored-document tables the SQLite writer maintains (PostgreSQL computes /stats and article
 * documents from the rows), and the operational errors of an archive *file* (missing directory,
 * not a database, damaged, read-only file, full disk).
 */
const SQLITE_ONLY = ['test/integration/aggregates.test.ts', 'test/integration/operations.test.ts'];

const shared = {
  // Opt-in suites (a browser, a built corpus) say so themselves and skip unless enabled.
  testTimeout: 30_000,
  hookTimeout: 60_000,
  pool: 'forks' as const,
  globalSetup: ['test/global-setup.ts'],
};

export default defineConfig({
  test: {
    projects: [
      {
        test: { ...shared, name: 'sqlite', include: ['test/**/*.test.ts'], env: { TEST_DIALECT: 'sqlite' } },
      },
      ...(postgresUrl
        ? [
            {
              test: {
                ...shared,
                name: 'postgres',
                include: ['test/api/**/*.test.ts', 'test/integration/**/*.test.ts'],
                exclude: SQLITE_ONLY,
                env: { TEST_DIALECT: 'postgres', TEST_POSTGRES_URL: postgresUrl },
              },
            },
          ]
        : []),
    ],
  },
});
