/**
 * The two store methods the web pages added (ArchiveStore.articleFacets, priceSeries), through the
 * Archive service, on the seed plus articles of known dates and prices.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/ingest/ingest.ts';
import { seededApp } from '../helpers/app.ts';

let app: FastifyInstance;
let close: () => Promise<void>;

const article = (title: string, sentence: string, date: string) => ({
  source: `test/${title.toLowerCase().replaceAll(' ', '-')}.txt`,
  format: 'text' as const,
  text: `${title}\n\n${sentence}\n`,
  publishedAt: new Date(date),
});

beforeAll(async () => {
  const seeded = await seededApp();
  ({ app, close } = seeded);
  await ingestDocument(
    seeded.url,
    article('Bread in Minsk', 'Marta Ivanova said bread costs 2.40 BYN.', '2024-03-05T10:00:00Z'),
  );
  await ingestDocument(
    seeded.url,
    article('Milk in Minsk', 'Marta Ivanova said milk costs 3.00 BYN.', '2024-03-20T10:00:00Z'),
  );
  await ingestDocument(
    seeded.url,
    article('Tea in Minsk', 'Marta Ivanova said tea costs 5.10 BYN.', '2024-05-02T10:00:00Z'),
  );
});
afterAll(() => close());

describe('priceSeries', () => {
  it('gives every point oldest first and each month’s exact median (mean of the middle two when even)', async () => {
    const series = await app.archive.priceSeries({ currency: 'byn' });
    expect(series.currency).toBe('BYN');
    expect(series.total).toBe(6);
    expect(series.points.map((p) => p.amount).slice(0, 3)).toEqual(['2.4', '3', '5.1']);
    expect(series.months.slice(0, 2)).toEqual([
      { month: '2024-03', count: 2, median: '2.7' },
      { month: '2024-05', count: 1, median: '5.1' },
    ]);
    // The seed's three, dated at import: one month, median of 2.99, 3.49, 3.71.
    expect(series.months[2]).toMatchObject({ count: 3, median: '3.49' });
  });

  it('keeps the latest points within the limit while months still count every mention', async () => {
    const series = await app.archive.priceSeries({ currency: 'BYN', limit: 2 });
    expect(series.points).toHaveLength(2);
    expect(series.total).toBe(6);
    expect(series.months.reduce((n, m) => n + m.count, 0)).toBe(6);
  });

  it('applies article filters and amount bounds', async () => {
    const byPerson = await app.archive.priceSeries({ currency: 'BYN', person: 'Marta Ivanova' });
    expect(byPerson.total).toBe(3);
    const bounded = await app.archive.priceSeries({ currency: 'BYN', min: '3', max: '3.5' });
    expect(bounded.points.map((p) => p.amount).sort()).toEqual(['3', '3.49']);
    expect((await app.archive.priceSeries({ currency: 'USD' })).total).toBe(0);
  });
});

describe('articleFacets', () => {
  it('counts people, speakers, currencies and months of the filtered articles', async () => {
    const facets = await app.archive.facets({ person: 'Marta Ivanova' });
    expect(facets.people).toEqual([expect.objectContaining({ name: 'Marta Ivanova', count: 3 })]);
    expect(facets.currencies).toEqual([{ currency: 'BYN', prices: 3, articles: 3 }]);
    expect(facets.months).toEqual([
      { month: '2024-03', articles: 2 },
      { month: '2024-05', articles: 1 },
    ]);
    const lukashenko = await app.archive.facets({ person: 'Lukashenko' });
    expect(lukashenko.speakers).toEqual([
      expect.objectContaining({ name: 'Alexander Lukashenko', count: 4 }),
    ]);
    expect(lukashenko.people.map((p) => p.name)).toContain('George Soros');
  });

  it('takes the full-text query and the whole archive when unfiltered', async () => {
    expect((await app.archive.facets({ q: 'milk' })).months).toEqual([{ month: '2024-03', articles: 1 }]);
    const all = await app.archive.facets({});
    expect(all.months.reduce((n, m) => n + m.articles, 0)).toBe(4);
  });
});
