/**
 * What the person and price pages read from the SQLite writer's aggregates equals what the same
 * question asked another way computes from the rows, on both dialects (PostgreSQL computes both
 * from the rows):
 * - the person page's facets (personFacets) equal the facets of the articles mentioning the
 *   person (articleFacets with person=<id>), the person left out;
 * - price statistics and monthly medians with no filter but the currency (distinct amounts
 *   aggregates) equal those with an amount bound that every mention meets (ranked mentions).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, openWriter, type ArchiveStore } from '../../src/db/store.ts';
import { corpusDocuments } from '../helpers/corpus.ts';
import { freshDatabase } from '../helpers/database.ts';

const database = freshDatabase();
let store: ArchiveStore;

beforeAll(async () => {
  const documents = corpusDocuments();
  const writer = await openWriter(database.url);
  try {
    for (let i = 0; i < documents.length; i += 10) await writer.writeBatch(documents.slice(i, i + 10));
  } finally {
    await writer.close();
  }
  store = await openStore(database.url);
});
afterAll(async () => {
  await store?.close();
  database.remove();
});

describe('personFacets', () => {
  it('equal the facets of the articles mentioning the person, for the most and least mentioned', async () => {
    const { people } = await store.archiveStats(1000);
    expect(people.length).toBeGreaterThan(20);
    const sample = [...people.slice(0, 5), ...people.slice(-5)];
    for (const person of sample) {
      const all = await store.articleFacets({ person: String(person.id) }, 1000);
      const facets = await store.personFacets(person.id, 1000);
      expect(facets).toEqual({
        months: all.months,
        people: all.people.filter((p) => p.id !== person.id),
        currencies: all.currencies,
      });
      expect(facets.months.reduce((sum, m) => sum + m.articles, 0)).toBe(person.count);
    }
  });

  it('keep the top co-mentioned people in count order, then name', async () => {
    const [person] = (await store.archiveStats(1)).people;
    const top = await store.personFacets(person!.id, 3);
    const all = await store.personFacets(person!.id, 1000);
    expect(top.people).toEqual(all.people.slice(0, 3));
    expect(top.people.length).toBe(3);
  });

  it('are empty for a person id nobody has', async () => {
    expect(await store.personFacets(987654, 10)).toEqual({ months: [], people: [], currencies: [] });
  });
});

describe('price statistics and monthly medians from the distinct amounts', () => {
  // Met by every mention, but a price condition: the answer is computed from the mentions.
  const everyAmount = { min: '-1000000000000' };

  it('equal the statistics ranked from the mentions, for every currency and for each', async () => {
    const stats = await store.priceStats({});
    expect(stats.length).toBeGreaterThan(3);
    expect(stats).toEqual(await store.priceStats(everyAmount));
    for (const { currency } of stats)
      expect(await store.priceStats({ currency })).toEqual(
        await store.priceStats({ currency, ...everyAmount }),
      );
  });

  it('equal the monthly medians ranked from the mentions', async () => {
    const stats = await store.priceStats({});
    for (const { currency, count } of stats) {
      const series = await store.priceSeries({ currency }, 5);
      expect(series).toEqual(await store.priceSeries({ currency, ...everyAmount }, 5));
      expect(series.total).toBe(count);
    }
  });
});
