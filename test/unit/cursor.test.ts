import { describe, expect, it } from 'vitest';
import { InvalidCursorError, decodeCursor, encodeCursor, toPage } from '../../src/db/cursor.ts';

describe('cursors', () => {
  it('round-trips a key', () => {
    expect(
      decodeCursor('/articles', encodeCursor('/articles', ['2024-01-01', 7]), ['string', 'number']),
    ).toEqual(['2024-01-01', 7]);
  });

  it.each([
    '',
    'garbage!',
    encodeCursor('/articles', [1, 2]),
    encodeCursor('/articles', ['a']),
    Buffer.from('["2024-01-01",7]').toString('base64url'),
    Buffer.from('{"a":1}').toString('base64url'),
  ])('rejects %s', (cursor) => {
    expect(() => decodeCursor('/articles', cursor, ['string', 'number'])).toThrow(InvalidCursorError);
  });

  it('names the list a cursor of another list belongs to', () => {
    const quotes = encodeCursor('/quotes', ['2024-01-01', 7]);
    expect(() => decodeCursor('/articles', quotes, ['string', 'number'])).toThrow(
      /cursor belongs to \/quotes, not \/articles/,
    );
  });

  it('gives a next cursor only when a surplus row was fetched', () => {
    expect(toPage('/people', [1, 2, 3], 2, (n) => [n])).toEqual({
      items: [1, 2],
      nextCursor: encodeCursor('/people', [2]),
    });
    expect(toPage('/people', [1, 2], 2, (n) => [n])).toEqual({ items: [1, 2], nextCursor: null });
  });
});
