import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import { importFiles, collectFiles } from '../../src/ingest/files.ts';
import { SEED_DIR } from '../../src/cli/serve.ts';
import { freshDatabase } from './database.ts';

/** The app on a fresh database of its own (at `url`), seeded with the documents in seed/. */
export async function seededApp(): Promise<{
  app: FastifyInstance;
  url: string;
  close: () => Promise<void>;
}> {
  const database = freshDatabase();
  const app = await buildApp({ databaseUrl: database.url });
  await importFiles(database.url, await collectFiles([SEED_DIR]));
  return {
    app,
    url: database.url,
    close: async () => {
      await app.close();
      database.remove();
    },
  };
}
