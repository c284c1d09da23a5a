import { describe, expect, it } from 'vitest';
import { SearchSyntaxError, toFtsQuery } from '../../src/db/fts-query.ts';

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
