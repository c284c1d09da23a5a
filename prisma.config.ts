import path from 'node:path';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { defineConfig } from 'prisma/config';
import { openPrismaPool } from './src/db/postgres/pool.ts';

// The CLI must always see a DATABASE_URL: without one it falls back to downloading a native
// engine, which fails offline with an error that hides the cause.
process.env.DATABASE_URL ??= 'file:./data/archive.db';

// The dialect follows DATABASE_URL: PostgreSQL has its own schema (derived from the SQLite one
// by scripts/derive-postgres-schema.ts) and its own migration history.
const postgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL);

// SQLite tables that migration SQL creates and Prisma must leave alone: the FTS5 indexes, and
// the aggregates the writer maintains for /stats (src/db/sqlite/aggregates.ts) and the stored
// article documents. None of them exists on PostgreSQL.
const FTS_TABLES = ['articles_fts', 'quotes_fts'].flatMap((table) =>
  ['', '_config', '_data', '_docsize', '_idx'].map((suffix) => table + suffix),
);
const AGGREGATE_TABLES = [
  'person_stats',
  'month_stats',
  'currency_stats',
  'archive_totals',
  // Per person, for the person page (migration 20261202000000_person_aggregates).
  'person_months',
  'person_pairs',
  'person_currencies',
  // Distinct price amounts, for exact medians (migration 20261202000100_price_aggregates).
  'currency_amounts',
  'currency_buckets',
  'price_month_amounts',
  'price_month_buckets',
];
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

/**
 * adapter-pg 6.19 runs a script by splitting it at every ";", which cuts function bodies and
 * comments apart; PostgreSQL's simple query protocol takes the whole script as it is.
 */
async function connectWholeScripts(url: string): ReturnType<PrismaPg['connect']> {
  const pool = openPrismaPool(url);
  const adapter = await new PrismaPg(pool).connect();
  adapter.executeScript = async (script) => {
    await pool.query(script);
  };
  return adapter;
}

/**
 * PostgreSQL through @prisma/adapter-pg on a pool that presents catalog `name` columns as text
 * (see src/db/postgres/pool.ts). `migrate dev` needs a shadow database: SHADOW_DATABASE_URL, a
 * database of its own, which it empties each time (as Prisma does with a configured shadow).
 */
function postgresAdapter(): SqlMigrationAwareDriverAdapterFactory {
  const url = process.env.DATABASE_URL!;
  const factory = new PrismaPg({ connectionString: url });
  factory.connect = () => connectWholeScripts(url);
  factory.connectToShadowDb = async () => {
    const shadowUrl = process.env.SHADOW_DATABASE_URL;
    if (!shadowUrl)
      throw new Error('prisma migrate dev on PostgreSQL needs SHADOW_DATABASE_URL (an empty database)');
    if (
      new URL(shadowUrl).pathname === new URL(url).pathname &&
      new URL(shadowUrl).host === new URL(url).host
    )
      throw new Error('SHADOW_DATABASE_URL must name another database than DATABASE_URL (it is emptied)');
    // The engine replays the migrations on the shadow each time it asks for one (drift check,
    // then the diff), and expects it empty each time, as the native engine's own shadow is.
    const reset = new pg.Client({ connectionString: shadowUrl });
    await reset.connect();
    try {
      await reset.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');
    } finally {
      await reset.end();
    }
    return connectWholeScripts(shadowUrl);
  };
  return factory;
}

export default defineConfig({
  experimental: { adapter: true, externalTables: true },
  engine: 'js',
  schema: postgres ? path.join('prisma', 'postgres', 'schema.prisma') : path.join('prisma', 'schema.prisma'),
  migrations: {
    path: postgres ? path.join('prisma', 'postgres', 'migrations') : path.join('prisma', 'migrations'),
    seed: 'node bin/news-archive.js seed',
  },
  // PostgreSQL: the cache version row's table lives in migration SQL only (see full_text_search).
  tables: {
    external: postgres
      ? ['public.archive_version']
      : [...FTS_TABLES, ...AGGREGATE_TABLES, ...DOCUMENT_TABLES],
  },
  async adapter() {
    return postgres
      ? postgresAdapter()
      : withScriptAwareShadow(new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! }));
  },
});
