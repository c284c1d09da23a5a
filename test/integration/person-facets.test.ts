/**
 * The person page's facets (ArchiveStore.personFacets: read from the SQLite writer's per-person
 * aggregates, computed from the rows on PostgreSQL) give what the general facets of the person's
 * articles give (articleFacets with person=<id>, computed from the rows on both), the person
 * left out, on both dialects.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/db/migrate.ts';
import { openStore, openWriter, type ArchiveStore } from '../../src/db/store.ts';
import { prepareDocument } from '../../src/ingest/prepare.ts';
import { freshDatabase } from '../helpers/database.ts';

const database = freshDatabase();
let store: ArchiveStore;

beforeAll(async () => {
  const corpus = path.join(PROJECT_ROOT, 'eval/corpus');
  const documents = fs
    .readdirSync(corpus)
    .filter((file) => file.endsWith('.txt'))
    .map((file, i) =>
      prepareDocument({
        source: `corpus/${file}`,
        format: 'text',
        text: fs.readFileSync(path.join(corpus, file), 'utf8'),
        publishedAt: new Date(Date.UTC(2023, i % 14, 1 + (i % 27))),
      }),
    );
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
