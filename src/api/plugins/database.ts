import fp from 'fastify-plugin';
import { Archive } from '../../archive/archive.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The archive's services over its store (SQLite or PostgreSQL, by DATABASE_URL). */
    archive: Archive;
  }
}

export interface DatabasePluginOptions {
  databaseUrl: string;
  /** Memory budget of the article document cache, in bytes (0 turns it off). */
  articleCacheBytes: number;
  /** Archives up to this size are checked for damage when opened (src/db/database-file.ts). */
  quickCheckMaxBytes?: number;
}

/** Opens the archive's store for the app's lifetime. */
export default fp<DatabasePluginOptions>(
  async (app, { databaseUrl, ...storeOptions }) => {
    const archive = await Archive.open(databaseUrl, storeOptions);
    app.decorate('archive', archive);
    app.addHook('onClose', () => archive.close());
  },
  { name: 'database' },
);
