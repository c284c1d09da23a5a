import { describe, expect, it } from 'vitest';
import { SearchSyntaxError } from '../../src/db/fts-query.ts';
import { toTsQuery } from '../../src/db/postgres/tsquery.ts';

const P = `phraseto_tsquery('archive'::regconfig, ?)`;
const PREFIX = `to_tsquery('archive'::regconfig, ?)`;

describe('the PostgreSQL translation of the search language', () => {
  it('binds every word and phrase as a parameter, never as SQL', () => {
    expect(toTsQuery(`O'Brien "U.S. sanctions"`)).toEqual({
      sql: `(${P} && ${P})`,
      params: [`O'Brien`, 'U.S. sanctions'],
      match: `"O'Brien" AND "U.S. sanctions"`,
    });
  });

  it('keeps FTS5 precedence: NOT over AND over OR, NOT binary', () => {
    expect(toTsQuery('a OR b c NOT d')!.sql).toBe(`(${P} || (${P} && (${P} && !!${P})))`);
    expect(toTsQuery('(a OR b) c')!.sql).toBe(`((${P} || ${P}) && ${P})`);
    expect(toTsQuery('a OR b c NOT d')!.params).toEqual(['a', 'b', 'c', 'd']);
  });

  it('turns prefix* into :* on the last word of its phrase', () => {
    expect(toTsQuery('sanction*')).toMatchObject({ sql: PREFIX, params: ['sanction:*'] });
    expect(toTsQuery(`"state depart"*`)).toMatchObject({
      sql: `(${P} <-> ${PREFIX})`,
      params: ['state', 'depart:*'],
    });
  });

  it('reads NEAR(a b, N) as a and b within N words of each other, in either order', () => {
    const near = toTsQuery('NEAR(grain Russia, 2)')!;
    expect(near.sql.match(/tsquery_phrase\(/g)).toHaveLength(2 * 3);
    for (const k of [1, 2, 3]) expect(near.sql).toContain(`, ${k})`);
    expect(near.params).toHaveLength(2 * 2 * 3);
    // FTS5's default distance is 10.
    expect(toTsQuery('NEAR(grain Russia)')!.sql.match(/tsquery_phrase\(/g)).toHaveLength(2 * 11);
  });

  it('rejects what the FTS5 translator rejects, and has nothing to search for in punctuation', () => {
    for (const bad of ['"unclosed', '(a', 'a AND', 'NOT a', 'NEAR(a)', 'a*b'])
      expect(() => toTsQuery(bad), bad).toThrow(SearchSyntaxError);
    expect(toTsQuery('!!! ???')).toBeNull();
  });
});
