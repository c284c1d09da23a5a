/**
 * People across articles (the rules in src/db/writer.ts's module comment), on both databases:
 * a full name absorbs the single-word person an earlier article made, a single word then
 * resolves to the one person known by it, a word two people are known by stays its own person,
 * and people whose names give the same slug get base, base-2, base-3. Each case runs with its
 * articles in one batch (resolved in memory, written set-wise on PostgreSQL) and in one batch per
 * article; the outcome must be the same.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { PersonFact, QuoteFact } from '../../src/extract/types.ts';
import { openWriter, type ArchiveWriter } from '../../src/db/store.ts';
import type { PreparedDocument } from '../../src/db/writer.ts';
import { prepareDocument } from '../../src/ingest/prepare.ts';
import { freshDatabase, type TestDatabase } from '../helpers/database.ts';
import { queryRows } from '../helpers/sql.ts';

const opened: { database: TestDatabase; writer: ArchiveWriter }[] = [];
afterAll(async () => {
  for (const { database, writer } of opened) {
    await writer.close();
    database.remove();
  }
});

interface Said {
  /** Canonical name, and the other forms the article uses. */
  name: string;
  aliases?: string[];
  /** Whether the article quotes this person. */
  quoted?: boolean;
}

/** An article whose extraction names exactly these people (the extractor is not under test). */
function article(source: string, people: Said[]): PreparedDocument {
  const doc = prepareDocument({ source, format: 'text', text: `Article ${source}\n\nSome text.\n` });
  const facts: PersonFact[] = people.map(({ name, aliases = [] }) => ({
    name,
    aliases,
    mentions: [{ text: name, start: 0, end: name.length }],
    gender: null,
  }));
  const quotes: QuoteFact[] = people
    .filter((said) => said.quoted)
    .map((said) => ({ text: `Words of ${said.name}`, speaker: said.name, cue: 'said', start: 0, end: 5 }));
  return { ...doc, extraction: { ...doc.extraction, people: facts, quotes } };
}

interface PersonSeen {
  name: string;
  slug: string;
  aliases: string;
  mentionedIn: string;
  quotedIn: string;
}

async function archivePeople(url: string): Promise<PersonSeen[]> {
  const rows = await queryRows<{ id: number; name: string; slug: string }>(
    url,
    'SELECT "id", "name", "slug" FROM "people" ORDER BY "name"',
  );
  const listOf = async (sql: string, id: number): Promise<string> =>
    (await queryRows<{ v: string }>(url, sql, [id]))
      .map((row) => row.v)
      .sort()
      .join(',');
  const people: PersonSeen[] = [];
  for (const { id, name, slug } of rows)
    people.push({
      name,
      slug,
      aliases: await listOf('SELECT "alias" AS v FROM "person_aliases" WHERE "personId" = ?', id),
      mentionedIn: await listOf(
        'SELECT a."source" AS v FROM "mentions" m JOIN "articles" a ON a."id" = m."articleId" WHERE m."personId" = ?',
        id,
      ),
      quotedIn: await listOf(
        'SELECT a."source" AS v FROM "quotes" q JOIN "articles" a ON a."id" = q."articleId" WHERE q."speakerId" = ?',
        id,
      ),
    });
  return people;
}

/** The archive's people after writing `articles` into a fresh database in one batch, or one batch each. */
async function written(articles: PreparedDocument[], oneBatch: boolean): Promise<PersonSeen[]> {
  const database = freshDatabase();
  const writer = await openWriter(database.url);
  opened.push({ database, writer });
  const batches = oneBatch ? [articles] : articles.map((doc) => [doc]);
  for (const batch of batches) {
    const results = await writer.writeBatch(batch);
    expect(results.map((result) => result.status)).toEqual(batch.map(() => 'imported'));
  }
  return archivePeople(database.url);
}

describe.each([
  ['one batch', true],
  ['one batch per article', false],
])('people across articles, %s', (_, oneBatch) => {
  it('a full name absorbs the single-word person of an earlier article; the word then resolves to it', async () => {
    const people = await written(
      [
        article('a1', [{ name: 'Lukashenko', quoted: true }]),
        article('a2', [{ name: 'Alexander Lukashenko', aliases: ['Lukashenko', 'President Lukashenko'] }]),
        article('a3', [{ name: 'Lukashenko', quoted: true }]),
      ],
      oneBatch,
    );
    expect(people).toEqual([
      {
        name: 'Alexander Lukashenko',
        slug: 'alexander-lukashenko',
        aliases: 'Lukashenko,President Lukashenko',
        mentionedIn: 'a1,a2,a3',
        quotedIn: 'a1,a3',
      },
    ]);
  });

  it('a word two people are known by is a person of its own, and is not absorbed', async () => {
    const people = await written(
      [
        article('b1', [{ name: 'Anna Petrova', aliases: ['Petrova'] }]),
        article('b2', [{ name: 'Olga Petrova', aliases: ['Petrova'] }]),
        article('b3', [{ name: 'Petrova' }]),
        article('b4', [{ name: 'Maria Petrova', aliases: ['Petrova'] }]),
      ],
      oneBatch,
    );
    expect(people.map(({ name, mentionedIn }) => [name, mentionedIn])).toEqual([
      ['Anna Petrova', 'b1'],
      ['Maria Petrova', 'b4'],
      ['Olga Petrova', 'b2'],
      ['Petrova', 'b3'],
    ]);
  });

  it('names with the same slug get base, base-2, base-3 in the order they arrive', async () => {
    const people = await written(
      [
        article('c1', [{ name: 'José García' }, { name: 'Jose Garcia' }]),
        article('c2', [{ name: 'JOSE GARCIA' }, { name: 'José García' }]),
      ],
      oneBatch,
    );
    expect(people.map(({ name, slug }) => [name, slug])).toEqual([
      ['JOSE GARCIA', 'jose-garcia-3'],
      ['Jose Garcia', 'jose-garcia-2'],
      ['José García', 'jose-garcia'],
    ]);
  });
});
