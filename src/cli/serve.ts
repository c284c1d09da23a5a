import path from 'node:path';
import { databaseFile } from '../db/client.ts';
import { inspectDatabaseFile } from '../db/database-file.ts';
import { PROJECT_ROOT, describeDatabase, migrateDatabase } from '../db/migrate.ts';
import { dialectOf, openStore } from '../db/store.ts';
import { collectFiles, importFiles } from '../ingest/files.ts';
import { startServer } from '../api/server.ts';
import { loadConfig } from '../config.ts';
import { describeFailure } from './ingest.ts';
import { UsageError } from './usage.ts';

export const SEED_DIR = path.join(PROJECT_ROOT, 'seed');

export async function migrateCommand(): Promise<number> {
  const { databaseUrl } = loadConfig();
  await migrateDatabase(databaseUrl);
  console.error(`Migrations applied to ${describeDatabase(databaseUrl)}`);
  return 0;
}

/** Imports the seed documents; returns the number of failures. */
export async function seedArchive(databaseUrl: string, log: (line: string) => void): Promise<number> {
  const files = (await collectFiles([SEED_DIR])).filter((file) => file.endsWith('.txt'));
  const summary = await importFiles(databaseUrl, files);
  log(
    `Seed: ${summary.imported} imported, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed.length} failed`,
  );
  for (const failure of summary.failed) log(`  failed ${describeFailure(failure)}`);
  return summary.failed.length;
}

/** A read-only SQLite archive is served as it is, never seeded; PostgreSQL is seeded when empty. */
function seedable(databaseUrl: string): boolean {
  return dialectOf(databaseUrl) !== 'sqlite' || inspectDatabaseFile(databaseFile(databaseUrl)).writable;
}

export async function serveCommand(values: Record<string, unknown>): Promise<number> {
  const config = loadConfig();
  const port = values.port === undefined ? config.port : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError(`--port must be a port number, got "${String(values.port)}"`);
  const host = typeof values.host === 'string' ? values.host : config.host;

  console.error(`Archive database: ${describeDatabase(config.databaseUrl)}`);
  await migrateDatabase(config.databaseUrl);
  if (!values['no-seed'] && seedable(config.databaseUrl)) {
    const store = await openStore(config.databaseUrl, { articleCacheBytes: 0 });
    const empty = (await store.countArticles()) === 0;
    await store.close();
    if (empty) await seedArchive(config.databaseUrl, (line) => console.error(line));
  }
  const { address } = await startServer({
    databaseUrl: config.databaseUrl,
    port,
    host,
    corsOrigin: config.corsOrigin,
    articleCacheMb: config.articleCacheMb,
    quickCheckMaxMb: config.quickCheckMaxMb,
    logger: { level: config.logLevel },
  });
  console.log(`news-archive API listening on ${address} (docs: ${address}/docs)`);
  return new Promise<number>(() => {
    // Runs until a signal stops the server.
  });
}
