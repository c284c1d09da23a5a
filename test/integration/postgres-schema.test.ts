/**
 * The derived Prisma schema declares PostgreSQL's generated search columns with their generation
 * expressions (src/db/postgres/schema-derivation.ts), so that `prisma migrate dev` proposes no
 * change to them; that holds only while the declared text is what the migrated database prints
 * back. PostgreSQL only.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { SEARCH_VECTOR_EXPRESSIONS } from '../../src/db/postgres/schema-derivation.ts';
import { freshDatabase, testDialect } from '../helpers/database.ts';
import { queryRows } from '../helpers/sql.ts';

describe.skipIf(testDialect !== 'postgres')('the migrated PostgreSQL schema', () => {
  const database = freshDatabase();
  afterAll(() => database.remove());

  it('generates the search columns with the expressions the derived schema declares', async () => {
    const rows = await queryRows<{ table: string; expression: string }>(
      database.url,
      `SELECT c."relname" AS "table", pg_get_expr(d."adbin", d."adrelid") AS "expression"
       FROM pg_attribute a
       JOIN pg_class c ON c."oid" = a."attrelid"
       JOIN pg_attrdef d ON d."adrelid" = a."attrelid" AND d."adnum" = a."attnum"
       WHERE a."attname" = 'searchVector' AND a."attgenerated" = 's' AND c."relkind" = 'r'
       ORDER BY 1`,
    );
    expect(Object.fromEntries(rows.map((row) => [row.table, row.expression]))).toEqual(
      SEARCH_VECTOR_EXPRESSIONS,
    );
  });

  it('keeps one cache version row, without a CHECK constraint (which Prisma 6.19 cannot introspect)', async () => {
    await expect(
      queryRows(database.url, 'INSERT INTO "archive_version" ("id", "version") VALUES (2, 0)'),
    ).rejects.toThrow(/archive_version_one_row/);
    expect(
      await queryRows(
        database.url,
        `SELECT 1 FROM pg_constraint WHERE "contype" = 'c' AND "connamespace" = 'public'::regnamespace`,
      ),
    ).toEqual([]);
  });
});
