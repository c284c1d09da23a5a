import fp from 'fastify-plugin';
import type Database from 'better-sqlite3';
import { openDatabase, openReadConnection, type PrismaClient } from '../../db/client.ts';
import { ArticleDetailCache } from '../../db/queries/article-detail.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: PrismaClient;
    /** Read-only connection for the hottest reads (see src/db/queries/article-detail.ts). */
    sqlite: Database.Database;
    /** Built GET /articles/:id documents, cleared whenever the database changes. */
    articleCache: ArticleDetailCache;
  }
}

export interface DatabasePluginOptions {
  databaseUrl: string;
  /** Memory budget of the article cache, in characters of JSON (0 turns it off). */
  articleCacheSize: number;
}

/** Opens the archive database (Prisma, and one read-only connection) for the app's lifetime. */
export default fp<DatabasePluginOptions>(
  async (app, { databaseUrl, articleCacheSize }) => {
    const db = await openDatabase(databaseUrl);
    const sqlite = openReadConnection(databaseUrl);
    app.decorate('db', db);
    app.decorate('sqlite', sqlite);
    app.decorate('articleCache', new ArticleDetailCache(sqlite, articleCacheSize));
    app.addHook('onClose', async () => {
      sqlite.close();
      await db.$disconnect();
    });
  },
  { name: 'database' },
);
