/**
 * Migrates one template database per test run with the real `prisma migrate deploy`; each test
 * file then copies it (test/helpers/database.ts), so every file gets its own migrated database
 * without paying for a migration each time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '../src/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-archive-test-'));
  const template = path.join(dir, 'template.db');
  await migrateDatabase(`file:${template}`);
  project.provide('templateDatabase', template);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
