/**
 * Opt-in end-to-end check of `npm run studio` (tools/studio/open.js): Prisma 7's Studio, started on
 * a throwaway archive database, must list the archive's tables and show their rows in a real
 * browser. Needs headless Chromium, which a fresh machine lacks, so it runs only with
 * STUDIO_E2E=1 and /usr/bin/chromium present (`apt-get install -y chromium`), after
 * `npm run studio:install`.
 *
 *   STUDIO_E2E=1 npx vitest run test/e2e/studio.test.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, launchChromium } from '../helpers/chromium.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OPEN_JS = path.join(repoRoot, 'tools', 'studio', 'open.js');
const STUDIO_PRISMA = path.join(repoRoot, 'tools', 'studio', 'node_modules', 'prisma', 'package.json');

function skipReason(): string | undefined {
  if (process.env.STUDIO_E2E !== '1') return 'set STUDIO_E2E=1 to run it';
  if (!hasChromium()) return `no ${CHROMIUM} (apt-get install -y chromium)`;
  if (!fs.existsSync(STUDIO_PRISMA)) return 'tools/studio is not installed (npm run studio:install)';
  return undefined;
}
const reason = skipReason();

const ARTICLE = {
  title: 'Talks in Minsk stall over sanctions',
  lead: 'Negotiators left Minsk on Tuesday without an agreement.',
  body: 'Studio e2e body: the talks will resume next month.',
  contentHash: 'studio-e2e-hash-0001',
};
const PERSON = { name: 'Alexander Lukashenko', slug: 'alexander-lukashenko' };

/** A database with the archive's tables, built from the committed migrations, and a few rows. */
function createArchive(file: string): void {
  const db = new Database(file);
  try {
    const migrationsDir = path.join(repoRoot, 'prisma', 'migrations');
    const migrations = fs.existsSync(migrationsDir)
      ? fs
          .readdirSync(migrationsDir)
          .sort()
          .map((name) => path.join(migrationsDir, name, 'migration.sql'))
          .filter((sql) => fs.existsSync(sql))
      : [];
    for (const sql of migrations) db.exec(fs.readFileSync(sql, 'utf8'));
    if (migrations.length === 0) {
      // No migrations committed yet: a minimal stand-in for the two tables this test looks at.
      db.exec(`
        CREATE TABLE "articles" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "title" TEXT NOT NULL,
          "lead" TEXT NOT NULL, "body" TEXT NOT NULL, "text" TEXT NOT NULL, "source" TEXT NOT NULL,
          "sortDate" DATETIME NOT NULL, "contentHash" TEXT NOT NULL, "wordCount" INTEGER NOT NULL,
          "updatedAt" DATETIME NOT NULL, "extractorVersion" INTEGER NOT NULL);
        CREATE TABLE "people" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "name" TEXT NOT NULL,
          "slug" TEXT NOT NULL);
      `);
    }
    const now = new Date('2026-01-06T09:00:00.000Z').toISOString();
    db.prepare(
      `INSERT INTO "articles" ("title", "lead", "body", "text", "source", "sortDate", "contentHash",
        "wordCount", "updatedAt", "extractorVersion") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      ARTICLE.title,
      ARTICLE.lead,
      ARTICLE.body,
      `${ARTICLE.title}\n\n${ARTICLE.lead}\n\n${ARTICLE.body}`,
      'seed/studio-e2e.txt',
      now,
      ARTICLE.contentHash,
      24,
      now,
      1,
    );
    db.prepare('INSERT INTO "people" ("name", "slug") VALUES (?, ?)').run(PERSON.name, PERSON.slug);
  } finally {
    db.close();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, output: () => string, ms = 45_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `open.js exited (${child.exitCode ?? child.signalCode}) before listening:\n${output()}`,
      );
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Studio did not answer at ${url} within ${ms} ms:\n${output()}`);
}

function killGroup(child: ChildProcess | undefined, signal: NodeJS.Signals): void {
  if (child?.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

describe.skipIf(reason !== undefined)('npm run studio (Prisma 7 Studio, headless Chromium)', () => {
  let dir: string;
  let studio: ChildProcess | undefined;
  let browser: Browser | undefined;
  let baseUrl: string;
  let output = '';

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-archive-studio-e2e-'));
    const dbFile = path.join(dir, 'archive.db');
    createArchive(dbFile);
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    studio = spawn(process.execPath, [OPEN_JS], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: `file:${dbFile}`, STUDIO_PORT: String(port) },
      // Its own process group, so cleanup ends open.js and the Prisma CLI it starts together.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    studio.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    studio.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitForHttp(baseUrl, studio, () => output);
    browser = await launchChromium(['--disable-quic']);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    if (studio && studio.exitCode === null && studio.signalCode === null) {
      const exited = new Promise((resolve) => studio?.once('exit', resolve));
      killGroup(studio, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      killGroup(studio, 'SIGKILL');
    }
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints the URL to open', () => {
    expect(output).toContain(`http://localhost:${new URL(baseUrl).port}`);
  });

  it('lists the archive tables and shows their rows', async () => {
    const page = await browser!.newPage({ viewport: { width: 1600, height: 900 } });
    try {
      await page.goto(baseUrl, { waitUntil: 'domcontentloaded' });
      const table = (name: string) => page.getByRole('link', { name, exact: true });
      for (const name of ['articles', 'people', 'quotes', 'mentions', 'price_mentions']) {
        await expect.poll(() => table(name).count(), { timeout: 20_000 }).toBe(1);
      }

      await table('articles').click();
      // The grid is virtualised and its columns sorted by name; body and contentHash come first.
      await page.getByText(ARTICLE.body, { exact: true }).first().waitFor({ timeout: 20_000 });
      expect(await page.getByText(ARTICLE.contentHash, { exact: true }).count()).toBeGreaterThan(0);
      const screenshot = path.join(dir, 'studio-articles.png');
      await page.screenshot({ path: screenshot });
      expect(fs.statSync(screenshot).size).toBeGreaterThan(10_000);

      await table('people').click();
      await page.getByText(PERSON.name, { exact: true }).first().waitFor({ timeout: 20_000 });
      expect(await page.getByText(PERSON.slug, { exact: true }).count()).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(dir, 'studio-people.png') });
      if (process.env.STUDIO_E2E_SCREENSHOTS) {
        fs.mkdirSync(process.env.STUDIO_E2E_SCREENSHOTS, { recursive: true });
        for (const name of ['studio-articles.png', 'studio-people.png']) {
          fs.copyFileSync(path.join(dir, name), path.join(process.env.STUDIO_E2E_SCREENSHOTS, name));
        }
      }
    } finally {
      await page.close();
    }
  });
});

if (reason !== undefined) {
  // Shows up in the report as a skipped test that says why.
  it.skip(`npm run studio e2e skipped: ${reason}`, () => {});
}
