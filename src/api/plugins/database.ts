import fp from 'fastify-plugin';
import { openDatabase, type PrismaClient } from '../../db/client.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: PrismaClient;
  }
}

export interface DatabasePluginOptions {
  databaseUrl: string;
}

/** Opens the archive database for the app's lifetime and closes it when the app closes. */
export default fp<DatabasePluginOptions>(
  async (app, { databaseUrl }) => {
    const db = await openDatabase(databaseUrl);
    app.decorate('db', db);
    app.addHook('onClose', async () => {
      await db.$disconnect();
    });
  },
  { name: 'database' },
);
