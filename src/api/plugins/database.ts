import fp from 'fastify-plugin';
import type Database from 'better-sqlite3';
import { openDatabase, openReadConnection, type PrismaClient } from '../../db/client.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: PrismaClient;
    /** Read-only connection for the hottest reads (see src/db/queries/article-detail.ts). */
    sqlite: Database.Database;
  }
}

export interface DatabasePluginOptions {
  databaseUrl: string;
}

/** Opens the archive database (Prisma, and one read-only connection) for the app's lifetime. */
export default fp<DatabasePluginOptions>(
  async (app, { databaseUrl }) => {
    const db = await openDatabase(databaseUrl);
    const sqlite = openReadConnection(databaseUrl);
    app.decorate('db', db);
    app.decorate('sqlite', sqlite);
    app.addHook('onClose', async () => {
      sqlite.close();
      await db.$disconnect();
    });
  },
  { name: 'database' },
);
