import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedArchive } from '../../src/cli/serve.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { openStore } from '../../src/db/store.ts';
import { freshDatabase } from '../helpers/database.ts';
import { countRows, queryRows } from '../helpers/sql.ts';

const LUKASHENKO = 'Alexander Lukashenko';

describe('seeding the archive', () => {
  const database = freshDatabase();
  const log: string[] = [];
  const q = <T>(sql: string) => queryRows<T>(database.url, sql);
  type Article = {
    title: string;
    lead: string;
    source: string;
    contentHash: string;
    wordCount: number;
    text: string;
  };

  beforeAll(async () => {
    expect(await seedArchive(database.url, (line) => log.push(line))).toBe(0);
  });
  afterAll(() => database.remove());

  it('stores the seed article once, with its title, lead and extractor version', async () => {
    const articles = await q<Article>('SELECT * FROM "articles"');
    expect(articles).toHaveLength(1);
    const [article] = articles;
    expect(article!.title).toBe(
      'Lukashenko Discussed Soros’ Visit to Minsk and Efforts to "Separate" Belarus from Russia',
    );
    expect(article!.lead).toBe(
      'Belarusian President Alexander Lukashenko gave an interview to Time’s correspondent.',
    );
    expect(article!.source).toBe('seed/000_f4c9ddd443287ec6.txt');
    expect(article!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    // Title and paragraphs, header lines excluded, counted independently with a word regex.
    expect(article!.wordCount).toBe(348);
  });

  it('finds each of the five people once, Lukashenko under his full name', async () => {
    const aliases = await q<{ personId: number; alias: string }>(
      'SELECT "personId", "alias" FROM "person_aliases"',
    );
    const people = (
      await q<{ id: number; name: string; slug: string }>('SELECT * FROM "people" ORDER BY "name"')
    ).map((p) => ({ ...p, aliases: aliases.filter((a) => a.personId === p.id) }));
    expect(people.map((p) => p.name)).toEqual([
      'Alexander Lukashenko',
      'Donald Trump',
      'George Soros',
      'Joe Biden',
      'Simon Shuster',
    ]);
    const lukashenko = people.find((p) => p.name === LUKASHENKO)!;
    expect(lukashenko.slug).toBe('alexander-lukashenko');
    expect(lukashenko.aliases.map((a) => a.alias)).toContain('Lukashenko');
    expect(people.find((p) => p.name === 'George Soros')!.aliases.map((a) => a.alias)).toContain('Soros');
  });

  it('attributes all four direct quotes to Alexander Lukashenko, pronoun attributions included', async () => {
    const quotes = (
      await q<{ text: string; cue: string | null; start: number; end: number; speakerName: string | null }>(
        'SELECT q.*, p."name" AS "speakerName" FROM "quotes" q LEFT JOIN "people" p ON p."id" = q."speakerId" ORDER BY q."start"',
      )
    ).map((quote) => ({
      ...quote,
      speaker: quote.speakerName === null ? null : { name: quote.speakerName },
    }));
    expect(quotes).toHaveLength(4);
    expect(quotes.map((q) => q.speaker?.name)).toEqual([LUKASHENKO, LUKASHENKO, LUKASHENKO, LUKASHENKO]);
    expect(quotes.map((q) => q.cue)).toEqual(['stated', 'declared', 'said', 'shared']);
    expect(quotes[0]!.text).toMatch(/^The policies that the State Department pursued under Joe Biden/);
    expect(quotes[1]!.text).toMatch(/^This is my credo, my principle\./);
    expect(quotes[2]!.text).toMatch(/^We have no relations at all\./);
    // The nested single-quoted words stay inside the outer quote.
    expect(quotes[3]!.text).toMatch(
      /^But I was honest with him\..*‘George, forgive me, but I will not pursue that policy\. So, this is probably our last meeting\.’ I made it clear that we would not cooperate,$/,
    );
    expect(quotes.some((q) => /Separate/.test(q.text))).toBe(false);
    const [article] = await q<Article>('SELECT * FROM "articles"');
    for (const quote of quotes) expect(article!.text.slice(quote.start, quote.end)).toBe(quote.text);
  });

  it('stores the three header prices with exact amounts', async () => {
    const prices = await q<{ amount: string; currency: string; location: string; raw: string }>(
      'SELECT * FROM "price_mentions" ORDER BY "start"',
    );
    expect(prices.map((p) => [p.amount, p.currency, p.location])).toEqual([
      ['3.71', 'BYN', 'header'],
      ['2.99', 'BYN', 'header'],
      ['3.49', 'BYN', 'header'],
    ]);
    expect(prices.map((p) => p.raw)).toEqual(['3.71 BYN', '2.99 BYN', '3.49 BYN']);
  });

  it('changes nothing when run a second time', async () => {
    const counts = async () => ({
      articles: await countRows(database.url, 'articles'),
      people: await countRows(database.url, 'people'),
      aliases: await countRows(database.url, 'person_aliases'),
      mentions: await countRows(database.url, 'mentions'),
      quotes: await countRows(database.url, 'quotes'),
      prices: await countRows(database.url, 'price_mentions'),
    });
    const before = await counts();
    const again: string[] = [];
    expect(await seedArchive(database.url, (line) => again.push(line))).toBe(0);
    expect(again[0]).toBe('Seed: 0 imported, 0 updated, 1 unchanged, 0 failed');
    expect(await counts()).toEqual(before);
    expect(log[0]).toBe('Seed: 1 imported, 0 updated, 0 unchanged, 0 failed');
  });
});

describe('seeding while the archive is in use', () => {
  it('works while another process holds the database open, as the API server does', async () => {
    const database = freshDatabase();
    // Held open with a read done, as a serving API would.
    const holder = await openStore(database.url);
    try {
      await holder.countArticles();
      // What `npm run seed` does: bring the schema up to date, then import.
      await migrateDatabase(database.url);
      const log: string[] = [];
      expect(await seedArchive(database.url, (line) => log.push(line))).toBe(0);
      expect(log[0]).toBe('Seed: 1 imported, 0 updated, 0 unchanged, 0 failed');
      expect(await holder.countArticles()).toBe(1);
    } finally {
      await holder.close();
      database.remove();
    }
  });
});
