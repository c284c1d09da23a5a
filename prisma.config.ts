import path from 'node:path';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { defineConfig } from 'prisma/config';

// The CLI must always see a DATABASE_URL: without one it falls back to downloading a native
// engine, which fails offline with an error that hides the cause.
process.env.DATABASE_URL ??= 'file:./data/archive.db';

// Tables that migration SQL creates and Prisma must leave alone: the FTS5 indexes, and the
// aggregates the writer maintains for /stats (src/db/sqlite/aggregates.ts) and the stored
// article documents.
const FTS_TABLES = ['articles_fts', 'quotes_fts'].flatMap((table) =>
  ['', '_config', '_data', '_docsize', '_idx'].map((suffix) => table + suffix),
);
const AGGREGATE_TABLES = ['person_stats', 'month_stats', 'currency_stats', 'archive_totals'];
// Built GET /articles/:id documents (src/db/queries/article-detail.ts).
const DOCUMENT_TABLES = ['article_documents', 'stale_documents'];

// `migrate dev` replays each migration file on the shadow database through executeRaw, which
// better-sqlite3 refuses for multi-statement SQL; a script run is what a migration file needs.
function withScriptAwareShadow(
  factory: SqlMigrationAwareDriverAdapterFactory,
): SqlMigrationAwareDriverAdapterFactory {
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async (): Promise<SqlDriverAdapter> => {
    const shadow = await connectToShadowDb();
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = (query) =>
      query.args.length === 0 ? shadow.executeScript(query.sql).then(() => 0) : executeRaw(query);
    return shadow;
  };
  return factory;
}

export default defineConfig({
  experimental: { adapter: true, externalTables: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: {
    path: path.join('prisma', 'migrations'),
    seed: 'node bin/news-archive.js seed',
  },
  tables: { external: [...FTS_TABLES, ...AGGREGATE_TABLES, ...DOCUMENT_TABLES] },
  async adapter() {
    return withScriptAwareShadow(new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! }));
  },
});
