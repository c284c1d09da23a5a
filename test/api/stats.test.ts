import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decimalMidpoint } from '../../src/db/queries/stats.ts';
import { ingestDocument } from '../../src/ingest/ingest.ts';
import { seededApp } from '../helpers/app.ts';

let app: FastifyInstance;
let close: () => Promise<void>;
let databaseUrl: string;

const get = async (url: string) => {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() };
};

beforeAll(async () => {
  ({ app, close, url: databaseUrl } = await seededApp());
  const documents = [
    {
      source: 'test/kovalenko.txt',
      publishedAt: '2024-03-15T08:00:00Z',
      text: [
        '€4.20',
        'Minsk cafe prices climb as Kovalenko warns of more to come',
        '',
        'Economist Olga Kovalenko said coffee in Minsk now costs 6.50 BYN a cup.',
        '“Prices will keep rising until the rouble settles,” Kovalenko told reporters.',
      ],
    },
    {
      source: 'test/grain.txt',
      publishedAt: '2023-11-05T12:00:00Z',
      text: [
        'Grain Harvest Falls Short in Gomel Region',
        '',
        'Farmers in the Gomel region reported a poor harvest after a dry summer.',
        'Agriculture minister Ivan Petrovich said the shortfall was temporary. “We will import grain from Russia if we must,” Petrovich said.',
        'Bread now costs 2.10 BYN in Gomel shops, and a loaf of rye costs 1.95 BYN.',
      ],
    },
  ];
  for (const doc of documents) {
    await ingestDocument(databaseUrl, {
      source: doc.source,
      format: 'text',
      text: doc.text.join('\n'),
      publishedAt: new Date(doc.publishedAt),
    });
  }
});
afterAll(() => close());

describe('GET /stats', () => {
  it('sums up the whole archive', async () => {
    const { status, body } = await get('/stats');
    expect(status).toBe(200);
    expect(body.totals).toMatchObject({ articles: 3, prices: 3 + 2 + 2 });
    expect(body.totals.quotes).toBeGreaterThanOrEqual(6);
    expect(body.totals.speakers).toBeGreaterThanOrEqual(3);
    expect(body.totals.people).toBeGreaterThanOrEqual(body.totals.speakers);
    expect(body.range.first).toBe('2023-11-05T12:00:00.000Z');
    expect(body.people.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['Alexander Lukashenko', 'Olga Kovalenko']),
    );
    expect(body.speakers[0]).toMatchObject({ name: 'Alexander Lukashenko', count: 4 });
    expect(body.currencies).toEqual([
      { currency: 'BYN', prices: 6, articles: 3 },
      { currency: 'EUR', prices: 1, articles: 1 },
    ]);
    expect(body.months.slice(0, 2)).toEqual([
      { month: '2023-11', articles: 1 },
      { month: '2024-03', articles: 1 },
    ]);
    expect(body.months.reduce((n: number, m: { articles: number }) => n + m.articles, 0)).toBe(3);
  });

  it('bounds the people lists with top', async () => {
    const { body } = await get('/stats?top=1');
    expect(body.people).toHaveLength(1);
    expect(body.speakers).toHaveLength(1);
    expect((await get('/stats?top=0')).status).toBe(400);
    expect((await get('/stats?top=101')).status).toBe(400);
    expect((await get('/stats?q=x')).status).toBe(400);
  });
});

describe('GET /prices/stats', () => {
  it('gives count, min, max and median per currency as exact decimals', async () => {
    const { status, body } = await get('/prices/stats');
    expect(status).toBe(200);
    // BYN: 1.95, 2.1, 2.99, 3.49, 3.71, 6.5 → median (2.99 + 3.49) / 2
    expect(body.currencies).toEqual([
      { currency: 'BYN', count: 6, min: '1.95', max: '6.5', median: '3.24' },
      { currency: 'EUR', count: 1, min: '4.2', max: '4.2', median: '4.2' },
    ]);
  });

  it.each([
    ['currency=eur', [{ currency: 'EUR', count: 1, min: '4.2', max: '4.2', median: '4.2' }]],
    ['currency=BYN&min=2&max=3.5', [{ currency: 'BYN', count: 3, min: '2.1', max: '3.49', median: '2.99' }]],
    ['to=2024-12-31&currency=BYN', [{ currency: 'BYN', count: 3, min: '1.95', max: '6.5', median: '2.1' }]],
    [
      'from=2023-11-05&to=2023-11-05',
      [{ currency: 'BYN', count: 2, min: '1.95', max: '2.1', median: '2.025' }],
    ],
    ['person=Lukashenko', [{ currency: 'BYN', count: 3, min: '2.99', max: '3.71', median: '3.49' }]],
    [
      'speaker=Kovalenko',
      [
        { currency: 'BYN', count: 1, min: '6.5', max: '6.5', median: '6.5' },
        { currency: 'EUR', count: 1, min: '4.2', max: '4.2', median: '4.2' },
      ],
    ],
    ['q=harvest', [{ currency: 'BYN', count: 2, min: '1.95', max: '2.1', median: '2.025' }]],
    [
      'source=test/',
      [
        { currency: 'BYN', count: 3, min: '1.95', max: '6.5', median: '2.1' },
        { currency: 'EUR', count: 1, min: '4.2', max: '4.2', median: '4.2' },
      ],
    ],
    ['currency=JPY', []],
  ])('filters: %s', async (query, expected) => {
    const { status, body } = await get(`/prices/stats?${query}`);
    expect(status).toBe(200);
    expect(body.currencies).toEqual(expected);
  });

  it('rejects bad filters with a problem document', async () => {
    expect((await get('/prices/stats?min=abc')).status).toBe(400);
    expect((await get('/prices/stats?min=5&max=1')).status).toBe(400);
    expect((await get('/prices/stats?q=%22open')).status).toBe(400);
    expect((await get('/prices/stats?limit=5')).status).toBe(400);
  });
});

describe('decimalMidpoint', () => {
  it.each([
    ['2.99', '3.49', '3.24'],
    ['0.1', '0.2', '0.15'],
    ['3', '5', '4'],
    ['3', '4', '3.5'],
    ['-1', '2', '0.5'],
    ['-3', '-4', '-3.5'],
    ['-0.1', '0', '-0.05'],
    ['90000000000', '0.01', '45000000000.005'],
    ['0.0000000001', '0.0000000002', '0.00000000015'],
    ['123456789012345.5', '123456789012345.6', '123456789012345.55'],
  ])('(%s + %s) / 2 = %s', (a, b, expected) => {
    expect(decimalMidpoint(a, b)).toBe(expected);
  });
});
