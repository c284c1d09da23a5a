import { describe, expect, it } from 'vitest';
import { QUERY_LIMITS, SearchSyntaxError, toFtsQuery } from '../../src/db/fts-query.ts';

describe('toFtsQuery', () => {
  it.each([
    ['sanctions', '"sanctions"'],
    ['Lukashenko Soros', '"Lukashenko" AND "Soros"'],
    ["O'Brien", `"O'Brien"`],
    ['U.S. 3.71', '"U.S." AND "3.71"'],
    ['"normal relations"', '"normal relations"'],
    ['sanction*', '"sanction"*'],
    ['Minsk OR Moscow', '"Minsk" OR "Moscow"'],
    ['Minsk NOT Moscow', '"Minsk" NOT "Moscow"'],
    ['(Minsk OR Moscow) sanctions', '( "Minsk" OR "Moscow" ) AND "sanctions"'],
    ['NEAR(Soros visit, 10)', 'NEAR("Soros" "visit", 10)'],
    ['say "he said ""no"""', '"say" AND "he said " AND "no"'],
    ['minsk or moscow', '"minsk" AND "or" AND "moscow"'],
    ['— … !', null],
    ['', null],
  ])('%s → %s', (input, expected) => {
    expect(toFtsQuery(input)).toBe(expected);
  });

  it.each([
    ['"open', /Unbalanced double quote/],
    ['(a', /never closed/],
    ['a)', /without "\("/],
    ['()', /Empty parentheses/],
    ['AND a', /AND needs a search term before it/],
    ['a OR', /ends with OR/],
    ['a OR AND b', /AND needs a search term/],
    ['sanc*tions', /only allowed at the end/],
    ['NEAR(alone)', /at least two terms/],
    ['x'.repeat(501), /too long/],
  ])('rejects %s', (input, message) => {
    expect(() => toFtsQuery(input)).toThrow(SearchSyntaxError);
    expect(() => toFtsQuery(input)).toThrow(message);
  });
});

describe('toFtsQuery complexity limits (QUERY_LIMITS)', () => {
  const L = QUERY_LIMITS;
  const words = (n: number, word = (i: number) => `w${i}x`) => Array.from({ length: n }, (_, i) => word(i));

  it.each([
    ['prefix terms at the limit', words(L.prefixTerms, (i) => `abc${i}*`).join(' ')],
    ['a prefix of the shortest length', 'a'.repeat(L.prefixLength) + '*'],
    ['a prefix phrase whose last word is long enough', '"in the eur"*'],
    ['NEAR at its limits', `NEAR(${words(L.nearTerms).join(' ')}, ${L.nearDistance})`],
    ['words at the limit', words(L.terms).join(' ')],
    ['operators at the limit', words(L.operators + 1).join(' OR ')],
    ['nesting at the limit', '('.repeat(L.depth) + 'a' + ')'.repeat(L.depth)],
  ])('accepts %s', (_name, input) => {
    expect(toFtsQuery(input)).not.toBeNull();
  });

  it.each([
    ['100 one-letter prefixes (the 17 s query)', 'a* '.repeat(100), /prefix "a\*" is too short.*at least 3/],
    ['too many prefixes', words(L.prefixTerms + 1, (i) => `abc${i}*`).join(' '), /at most 8\)/],
    ['a short prefix', 'ab*', /at least 3 letters or digits/],
    ['a short prefix inside a phrase', '"sanctions on europe"* "x y"*', /prefix "y\*" is too short/],
    [
      'NEAR(the ×100, 1000)',
      `NEAR(${'the '.repeat(100)}, 1000)`,
      /NEAR\(...\) takes at most 8 terms, got 100/,
    ],
    ['a NEAR span too wide', 'NEAR(a b, 1000)', /NEAR distance is at most 50, got 1000/],
    ['a NEAR span beyond any number', `NEAR(a b, ${'9'.repeat(400)})`, /NEAR distance is at most 50/],
    ['too many words', words(L.terms + 1).join(' '), /Too many words in the query \(33, at most 32\)/],
    ['too many words in phrases', `"${words(L.terms + 1).join(' ')}"`, /Too many words/],
    ['too many operators', words(L.operators + 2).join(' OR '), /Too many operators.*at most 16/],
    ['deep nesting', '('.repeat(L.depth + 1) + 'a' + ')'.repeat(L.depth + 1), /nest too deep \(at most 5/],
  ])('rejects %s', (_name, input, message) => {
    expect(() => toFtsQuery(input)).toThrow(SearchSyntaxError);
    expect(() => toFtsQuery(input)).toThrow(message);
  });
});
