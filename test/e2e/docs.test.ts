/**
 * Opt-in browser check of the interactive API docs at /docs: served by the API itself with no
 * network access, they must render every operation of /openapi.json and load nothing from any
 * other origin. Needs headless Chromium, so it runs only with DOCS_E2E=1 and /usr/bin/chromium
 * present (`apt-get install -y chromium`):
 *
 *   DOCS_E2E=1 npx vitest run test/e2e/docs.test.ts
 *
 * Set DOCS_SCREENSHOT=/path.png to keep a screenshot of the page.
 */
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { freshDatabase } from '../helpers/database.ts';
import { hasChromium, launchChromium } from '../helpers/chromium.ts';

const skip = process.env.DOCS_E2E !== '1' || !hasChromium();

describe.skipIf(skip)('GET /docs in a browser', () => {
  let app: FastifyInstance;
  let browser: Browser;
  let origin: string;
  let database: ReturnType<typeof freshDatabase>;

  beforeAll(async () => {
    database = freshDatabase();
    app = await buildApp({ databaseUrl: database.url });
    origin = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    database?.remove();
  });

  it('renders every operation and loads nothing from another origin', async () => {
    const page = await browser.newPage();
    const external: string[] = [];
    const failed: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:'))
        return route.continue();
      external.push(url);
      return route.abort();
    });
    page.on('requestfailed', (request) => failed.push(request.url()));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    const response = await page.goto(`${origin}/docs`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    await page.waitForSelector('.opblock', { timeout: 20_000 });

    const document = (await (await fetch(`${origin}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const expected = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const rendered = await page.$$eval('.opblock', (blocks) =>
      blocks.map((block) => {
        const method = block.querySelector('.opblock-summary-method')?.textContent?.trim() ?? '';
        const path = block.querySelector('.opblock-summary-path')?.getAttribute('data-path') ?? '';
        return `${method} ${path}`;
      }),
    );
    expect(new Set(rendered)).toEqual(new Set(expected));
    expect(await page.textContent('.info .title')).toContain('news-archive API');

    // Opening an operation shows its parameters, from the route's schema.
    await page.click('#operations-search-get_search .opblock-summary');
    await page.waitForSelector('#operations-search-get_search .parameters', { timeout: 10_000 });
    const parameters = await page.$$eval('#operations-search-get_search .parameter__name', (cells) =>
      cells.map((cell) => cell.textContent?.replace(/[\s*]+(required)?\s*$/, '').trim()),
    );
    expect(parameters).toEqual(expect.arrayContaining(['q', 'type', 'person', 'facets', 'limit', 'cursor']));

    if (process.env.DOCS_SCREENSHOT)
      await page.screenshot({ path: process.env.DOCS_SCREENSHOT, fullPage: false });
    expect(external).toEqual([]);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);
});
