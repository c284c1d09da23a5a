import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/db/migrate.ts';
import { derivePostgresSchema, SEARCH_VECTOR_EXPRESSIONS } from '../../src/db/postgres/schema-derivation.ts';

const read = (file: string) => fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8');

describe('the PostgreSQL schema', () => {
  it('is exactly what scripts/derive-postgres-schema.ts derives from prisma/schema.prisma', () => {
    expect(read('prisma/postgres/schema.prisma')).toBe(derivePostgresSchema(read('prisma/schema.prisma')));
  });

  it('derives the provider, the unused generator output and time-zone-aware dates', () => {
    const derived = derivePostgresSchema(
      'generator client {\n  provider = "prisma-client"\n  output = "../src/db/generated"\n}\n' +
        'datasource db {\n  provider = "sqlite"\n}\nmodel A {\n  id Int @id\n  at DateTime? @default(now())\n}\n',
    );
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain('output = "../../node_modules/.prisma-postgres"');
    expect(derived).toContain('at DateTime? @default(now()) @db.Timestamptz(3)');
  });

  it('declares the generated search columns and their indexes, which the migrations make', () => {
    const derived = read('prisma/postgres/schema.prisma');
    for (const expression of Object.values(SEARCH_VECTOR_EXPRESSIONS))
      expect(derived).toContain(`@default(dbgenerated("${expression.replace(/"/g, '\\"')}"))`);
    expect(derived.match(/@@index\(\[searchVector\], type: Gin\)/g)).toHaveLength(2);
  });

  it('refuses a source it has no rule for', () => {
    expect(() =>
      derivePostgresSchema('datasource db {\n  provider = "sqlite"\n}\nmodel A {\n  x String @db.Text\n}'),
    ).toThrow(/native @db/);
  });

  it('has a migration history of its own that creates every model table', () => {
    const tables = [...read('prisma/schema.prisma').matchAll(/@@map\("(\w+)"\)/g)].map((m) => m[1]!);
    const migrations = fs
      .readdirSync(path.join(PROJECT_ROOT, 'prisma/postgres/migrations'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => read(`prisma/postgres/migrations/${entry.name}/migration.sql`))
      .join('\n');
    for (const table of tables) expect(migrations).toContain(`CREATE TABLE "${table}"`);
  });
});
