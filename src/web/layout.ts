/**
 * The frame of every page: one stylesheet and one script from /assets (no inline script or
 * style, so the pages' CSP can forbid both), a skip link, the site navigation and a main landmark.
 */
import { html, type Html, type HtmlValue } from './html.ts';

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface PageOptions {
  title: string;
  /** Which navigation entry is the current page. */
  current?: 'search' | 'overview' | 'prices';
  body: HtmlValue;
}

const NAV: { key: NonNullable<PageOptions['current']>; href: string; label: string }[] = [
  { key: 'search', href: '/', label: 'Search' },
  { key: 'overview', href: '/overview', label: 'Overview' },
  { key: 'prices', href: '/currency', label: 'Prices' },
];

export function page({ title, current, body }: PageOptions): Html {
  const nav = NAV.map(
    (item) =>
      html`<li>
        <a href="${item.href}" ${item.key === current ? html` aria-current="page"` : ''}>${item.label}</a>
      </li>`,
  );
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · news-archive</title>
        <link rel="stylesheet" href="/assets/web.css" />
        <script src="/assets/web.js" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site-header">
          <a class="site-name" href="/">news-archive</a>
          <nav aria-label="Site">
            <ul>
              ${nav}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex="-1">${body}</main>
        <footer class="site-footer">
          <p>The same data as the <a href="/docs">JSON API</a>.</p>
        </footer>
      </body>
    </html> `;
}

/** An error or "not found" message in the page layout. */
export function errorPage(status: number, heading: string, detail: string): Html {
  return page({
    title: heading,
    body: html`<h1>${heading}</h1>
      <p class="error-detail">${detail}</p>
      <p><a href="/">Search the archive</a> or see the <a href="/overview">overview</a>.</p>
      <p class="status">HTTP ${status}</p>`,
  });
}

/** "12 345" for counts; plain digits keep it locale-independent. */
export const count = (n: number): string => n.toLocaleString('en-US');

/** "1 article", "2 articles". */
export const counted = (n: number, noun: string): string => `${count(n)} ${noun}${n === 1 ? '' : 's'}`;

/** YYYY-MM-DD of an ISO date. */
export const day = (iso: string): string => iso.slice(0, 10);
