/**
 * Golden tests for the people extractor's error classes (issue 8): every case in
 * test/fixtures/people/<class>/ pairs an input.txt with the people a careful reader takes from it
 * (expected.json: name and aliases, in order of first mention). Each class was a false or missed
 * person before its rule: firms named after people, news organisations, verbs read as
 * organisation nouns, common words the hand list lacked, codes glued to digits, ages in
 * apposition, family names that are words, syllables of Asian names, demonyms after a given name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

interface Expected {
  people: { name: string; aliases: string[] }[];
}

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'people');
const cases = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('people error classes', () => {
  it('has a case per class', () => {
    expect(cases.length).toBeGreaterThanOrEqual(9);
  });

  for (const name of cases) {
    it(name, () => {
      const input = readFileSync(path.join(dir, name, 'input.txt'), 'utf8');
      const expected = JSON.parse(readFileSync(path.join(dir, name, 'expected.json'), 'utf8')) as Expected;
      const got = extract(input).people.map((p) => ({ name: p.name, aliases: [...p.aliases].sort() }));
      const want = expected.people.map((p) => ({ name: p.name, aliases: [...p.aliases].sort() }));
      expect(got).toEqual(want);
    });
  }
});
