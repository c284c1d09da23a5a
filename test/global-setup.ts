/**
 * Migrates one template database per test run with the real `prisma migrate deploy`; each test
 * file then copies it (test/helpers/database.ts), so every file gets its own migrated database
 * without paying for a migration each time. The postgres project (TEST_POSTGRES_URL set, see
 * vitest.config.ts) gets a migrated PostgreSQL template database on that server as well.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '../src/db/migrate.ts';
import { psql, withDatabase } from './helpers/database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
    postgresAdminUrl: string;
    postgresTemplate: string;
  }
}

async function postgresTemplate(project: TestProject): Promise<() => void> {
  const admin = process.env.TEST_POSTGRES_URL!;
  const name = `news_archive_template_${process.pid}_${randomBytes(3).toString('hex')}`;
  psql(admin, `CREATE DATABASE "${name}"`);
  await migrateDatabase(withDatabase(admin, name));
  project.provide('postgresAdminUrl', admin);
  project.provide('postgresTemplate', name);
  return () => psql(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-archive-test-'));
  const template = path.join(dir, 'template.db');
  await migrateDatabase(`file:${template}`);
  project.provide('templateDatabase', template);
  const dropPostgres = project.name === 'postgres' ? await postgresTemplate(project) : () => {};
  project.provide('postgresAdminUrl', process.env.TEST_POSTGRES_URL ?? '');
  return () => {
    dropPostgres();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
