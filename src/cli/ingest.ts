import { openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { collectFiles, importFiles } from '../ingest/files.ts';
import { reextractArchive } from '../ingest/reextract.ts';
import { loadConfig } from '../config.ts';
import { seedArchive } from './serve.ts';
import { UsageError } from './usage.ts';

export async function seedCommand(): Promise<number> {
  const { databaseUrl } = loadConfig();
  await migrateDatabase(databaseUrl);
  return (await seedArchive(databaseUrl, (line) => console.log(line))) === 0 ? 0 : 1;
}

export async function importCommand(paths: string[], values: Record<string, unknown>): Promise<number> {
  if (paths.length === 0) throw new UsageError('name at least one file or folder to import');
  const maxBytes = values['max-bytes'] === undefined ? undefined : Number(values['max-bytes']);
  if (maxBytes !== undefined && (!Number.isInteger(maxBytes) || maxBytes <= 0)) throw new UsageError('--max-bytes must be a positive integer');
  const { databaseUrl } = loadConfig();
  await migrateDatabase(databaseUrl);
  const prisma = await openDatabase(databaseUrl);
  try {
    const files = await collectFiles(paths);
    const summary = await importFiles(prisma, files, {
      ...(maxBytes !== undefined && { maxBytes }),
      onResult: (result) => {
        if (result.status === 'failed') console.error(`failed    ${result.source}: ${result.reason}`);
      },
    });
    console.log(
      `${summary.imported} imported, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed.length} failed (${files.length} files)`,
    );
    return summary.failed.length === 0 ? 0 : 1;
  } finally {
    await prisma.$disconnect();
  }
}

export async function reextractCommand(values: Record<string, unknown>): Promise<number> {
  const { databaseUrl } = loadConfig();
  await migrateDatabase(databaseUrl);
  const prisma = await openDatabase(databaseUrl);
  try {
    const summary = await reextractArchive(prisma, { all: values.all === true });
    console.log(`Re-extracted ${summary.articles} articles; removed ${summary.peopleRemoved} people no longer mentioned`);
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}
