/**
 * Articles the web tests add to the seeded archive: one whose every field tries to inject markup
 * (title, body, byline, a quote, a price sentence). The pages must show all of it as text.
 */
import { ingestDocument } from '../../src/ingest/ingest.ts';

export const XSS_SOURCE = 'test/xss.txt';
export const XSS_TITLE = '<script>alert(1)</script> Minsk <img src=x onerror=alert(1)> report';
export const XSS_BYLINE = '<img src=x onerror=alert(1)> Staff';

export const XSS_TEXT = [
  XSS_TITLE,
  '',
  'Economist Marta Ivanova said bread in Minsk now costs 2.40 BYN <img src=x onerror=alert(1)>.',
  '“<script>alert(1)</script> is not a policy,” Ivanova said.',
].join('\n');

/** Adds the XSS article; returns its id. */
export async function addXssArticle(databaseUrl: string): Promise<number> {
  const { articleId } = await ingestDocument(databaseUrl, {
    source: XSS_SOURCE,
    format: 'text',
    text: XSS_TEXT,
    byline: XSS_BYLINE,
    publishedAt: new Date('2024-03-15T08:00:00Z'),
  });
  return articleId;
}
