/**
 * Golden tests for the extractor: every case in test/fixtures/extract/<case>/ pairs an input.txt
 * with the facts a careful reader takes from it (expected.json). People are compared by name and
 * sorted aliases, quotes by text, speaker and cue, prices by amount and currency, all exactly and
 * in order; every reported offset must point at the text it claims.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/index.ts';

interface Expected {
  title: string;
  people: { name: string; aliases: string[] }[];
  quotes: { text: string; speaker: string | null; cue: string | null }[];
  prices: { amount: string; currency: string }[];
}

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'extract');
const cases = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('extract golden cases', () => {
  it('has at least 15 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  for (const name of cases) {
    describe(name, () => {
      const input = readFileSync(path.join(dir, name, 'input.txt'), 'utf8');
      const expected = JSON.parse(readFileSync(path.join(dir, name, 'expected.json'), 'utf8')) as Expected;
      const result = extract(input);

      it('finds the title', () => {
        expect(result.title).toBe(expected.title);
      });

      it('finds the people', () => {
        const got = result.people.map((p) => ({ name: p.name, aliases: [...p.aliases].sort() }));
        const want = expected.people.map((p) => ({ name: p.name, aliases: [...p.aliases].sort() }));
        expect(got).toEqual(want);
      });

      it('finds the quotes with speakers and cues', () => {
        expect(result.quotes.map(({ text, speaker, cue }) => ({ text, speaker, cue }))).toEqual(
          expected.quotes,
        );
      });

      it('finds the prices', () => {
        expect(result.prices.map(({ amount, currency }) => ({ amount, currency }))).toEqual(expected.prices);
      });

      it('reports offsets that point at their text', () => {
        const text = result.document.text;
        expect(text).toBe(input);
        for (const person of result.people) {
          for (const m of person.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
        }
        for (const q of result.quotes) {
          const span = text.slice(q.start, q.end);
          if (span === q.text) continue;
          // a split or multi-paragraph quote: its parts, in order, lie inside the span
          let from = 0;
          for (const word of q.text.split(' ')) {
            const at = span.indexOf(word, from);
            expect(at, `${JSON.stringify(word)} inside ${JSON.stringify(span)}`).toBeGreaterThanOrEqual(0);
            from = at + word.length;
          }
          expect(span.startsWith(q.text.split(' ')[0]!)).toBe(true);
        }
        for (const p of result.prices) expect(text.slice(p.start, p.end)).toBe(p.raw);
      });
    });
  }
});
