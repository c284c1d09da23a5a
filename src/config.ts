/** Settings from the environment, validated once, with the defaults a fresh clone runs on. */
import { databaseUrlFromEnv } from './db/client.ts';

export interface Config {
  databaseUrl: string;
  port: number;
  host: string;
  corsOrigin: boolean | string[];
  articleCacheMb: number;
  /** Archives up to this size (MB) get `PRAGMA quick_check` when opened; 0 never. */
  quickCheckMaxMb: number;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const cors = env.CORS_ORIGIN?.trim();
  const articleCacheMb = Number(env.ARTICLE_CACHE_MB ?? 64);
  if (!Number.isFinite(articleCacheMb) || articleCacheMb < 0) {
    throw new Error(
      `ARTICLE_CACHE_MB must be a number of megabytes (0 turns the cache off), got "${env.ARTICLE_CACHE_MB}"`,
    );
  }
  const quickCheckMaxMb = Number(env.QUICK_CHECK_MB ?? 256);
  if (!Number.isFinite(quickCheckMaxMb) || quickCheckMaxMb < 0) {
    throw new Error(
      `QUICK_CHECK_MB must be a number of megabytes (0 turns the check off), got "${env.QUICK_CHECK_MB}"`,
    );
  }
  return {
    databaseUrl: databaseUrlFromEnv(env),
    quickCheckMaxMb,
    port,
    host: env.HOST?.trim() || '127.0.0.1',
    articleCacheMb,
    corsOrigin: !cors ? false : cors === '*' ? true : cors.split(',').map((origin) => origin.trim()),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
  };
}
