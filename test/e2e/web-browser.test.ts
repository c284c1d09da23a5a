/// <reference lib="dom" />
/**
 * The web pages in a real browser (Playwright driving Debian's Chromium, never a downloaded one):
 * search → facet → article with the four Lukashenko quotes marked → person page → their BYN price
 * chart; an article made of markup rendered as text; the results reached and opened by keyboard;
 * no horizontal scrolling at 375 px; no CSP violation, no request to another origin.
 *
 * Runs whenever /usr/bin/chromium exists (`apt-get install -y chromium`; .ci/run installs it in
 * CI) and skips, saying so, otherwise. WEB_SCREENSHOTS=1 also writes docs/screenshots/*.png.
 */
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApp } from '../helpers/app.ts';
import { CHROMIUM, hasChromium, launchChromium } from '../helpers/chromium.ts';
import { XSS_BYLINE, XSS_TITLE, addXssArticle } from './web-fixtures.ts';

if (!hasChromium()) {
  console.warn(
    `web browser tests SKIPPED: ${CHROMIUM} is missing (install it with: apt-get install -y chromium)`,
  );
}
const SCREENSHOTS = process.env.WEB_SCREENSHOTS === '1' ? 'docs/screenshots' : null;

describe.skipIf(!hasChromium())('web pages in Chromium', () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let browser: Browser;
  let origin: string;
  let xssId: number;
  const problems: string[] = [];

  beforeAll(async () => {
    const seeded = await seededApp();
    ({ app, close } = seeded);
    xssId = await addXssArticle(seeded.url);
    origin = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await close?.();
  });

  /** A page that records script errors, dialogs (an alert would mean injected script ran), CSP reports and foreign requests. */
  async function open(width = 1200): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin)) return route.continue();
      problems.push(`foreign request: ${url}`);
      return route.abort();
    });
    return page;
  }

  const shoot = async (page: Page, name: string) => {
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
  };

  it('search → facet → article with the 4 quotes marked → person → 3 BYN points', async () => {
    const page = await open();
    await page.goto(`${origin}/`);
    // Autocomplete (web.js): typing part of a name offers the archive's people, by name or alias.
    await page.getByLabel('Person mentioned').pressSequentially('Lukash');
    await expect
      .poll(() =>
        page
          .locator('#people-options option')
          .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value)),
      )
      .toContain('Alexander Lukashenko');
    await page.getByLabel('Person mentioned').fill('');
    await page.getByLabel('Full-text query').fill('relations');
    await page.getByLabel('Full-text query').press('Enter');
    await page.waitForURL(/\?q=relations$/);
    await expect.poll(() => page.locator('.hits mark').count()).toBeGreaterThan(0);
    await shoot(page, 'search-desktop');

    await page.locator('.facets').getByRole('link', { name: 'Alexander Lukashenko' }).first().click();
    await page.waitForURL(/person=alexander-lukashenko/);
    expect(await page.getByRole('list', { name: 'Filters in force' }).textContent()).toContain(
      'alexander-lukashenko',
    );
    // State in the URL: back and forward move between the two result sets.
    await page.goBack();
    await page.waitForURL(/\?q=relations$/);
    await page.goForward();
    await page.waitForURL(/person=alexander-lukashenko/);

    await page.locator('.hits h3 a', { hasText: 'Lukashenko Discussed Soros' }).click();
    await page.waitForURL(/\/a\/\d+$/);
    const quotes = page.locator('.article-text .fact.quote[data-speaker="Alexander Lukashenko"]');
    expect(await quotes.count()).toBe(4);
    for (const quote of await quotes.all()) expect(await quote.isVisible()).toBe(true);
    // The side list scrolls to a quote: its anchor becomes the :target.
    await page.locator('.facts a[href^="#quote-"]').first().click();
    expect(await page.evaluate(() => document.querySelector(':target')?.classList.contains('quote'))).toBe(
      true,
    );
    await shoot(page, 'article');

    await page.locator('.facts').getByRole('link', { name: 'Alexander Lukashenko' }).first().click();
    await page.waitForURL(/\/p\/alexander-lukashenko$/);
    expect(await page.locator('h1').textContent()).toBe('Alexander Lukashenko');
    expect(await page.locator('ol.quotes > li').count()).toBe(4);
    await shoot(page, 'person');

    await page.getByRole('link', { name: 'BYN' }).click();
    await page.waitForURL(/\/currency\/BYN\?person=alexander-lukashenko$/);
    const points = page.locator('svg.price-chart a.point');
    expect(await points.count()).toBe(3);
    expect(
      (await points.evaluateAll((links) => links.map((a) => a.getAttribute('aria-label')))).sort(),
    ).toEqual([
      expect.stringMatching(/^2\.99 BYN/),
      expect.stringMatching(/^3\.49 BYN/),
      expect.stringMatching(/^3\.71 BYN/),
    ]);
    await shoot(page, 'prices');
    // Each point opens its article at the price's anchor.
    await points.first().click();
    await page.waitForURL(/\/a\/\d+#price-\d+$/);
    expect(await page.evaluate(() => document.querySelector(':target')?.classList.contains('price'))).toBe(
      true,
    );
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('renders an article made of markup as text, running none of it', async () => {
    const page = await open();
    await page.goto(`${origin}/a/${xssId}`);
    expect(await page.locator('h1').textContent()).toBe(XSS_TITLE);
    expect(await page.locator('.byline').textContent()).toBe(XSS_BYLINE);
    expect(await page.locator('.article-text').textContent()).toContain(
      '<script>alert(1)</script> is not a policy',
    );
    expect(await page.locator('main img, main script').count()).toBe(0);
    await page.goto(`${origin}/?q=policy`);
    expect(await page.locator('.quote-hit blockquote').first().textContent()).toContain(
      '<script>alert(1)</script>',
    );
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reaches the first result by Tab and opens it with Enter; the skip link moves to main', async () => {
    const page = await open();
    await page.goto(`${origin}/?q=relations`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    const first = await page.locator('.hits a').first().getAttribute('href');
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        (href) =>
          document.activeElement?.getAttribute('href') === href && !!document.activeElement.closest('.hits'),
        first,
      );
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`${first!.replace(/[/]/g, '\\/')}$`));
    expect(await page.locator('.article-text').count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fits a 375 px phone screen on every page, with no horizontal scrolling', async () => {
    const page = await open(375);
    for (const [path, name] of [
      ['/?q=relations', 'search-phone'],
      ['/a/1', null],
      ['/p/alexander-lukashenko', null],
      ['/currency/BYN', null],
      ['/overview', 'overview'],
    ] as const) {
      await page.goto(`${origin}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      if (name) await shoot(page, name);
    }
    if (SCREENSHOTS) {
      await page.setViewportSize({ width: 1200, height: 900 });
      await page.goto(`${origin}/overview`);
      await shoot(page, 'overview');
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
