import { describe, expect, it } from 'vitest';
import { InvalidCursorError, decodeCursor, encodeCursor, toPage } from '../../src/db/cursor.ts';

describe('cursors', () => {
  it('round-trips a key', () => {
    expect(decodeCursor(encodeCursor(['2024-01-01', 7]), ['string', 'number'])).toEqual(['2024-01-01', 7]);
  });

  it.each([
    '',
    'garbage!',
    encodeCursor([1, 2]),
    encodeCursor(['a']),
    Buffer.from('{"a":1}').toString('base64url'),
  ])('rejects %s', (cursor) => {
    expect(() => decodeCursor(cursor, ['string', 'number'])).toThrow(InvalidCursorError);
  });

  it('gives a next cursor only when a surplus row was fetched', () => {
    expect(toPage([1, 2, 3], 2, (n) => [n])).toEqual({ items: [1, 2], nextCursor: encodeCursor([2]) });
    expect(toPage([1, 2], 2, (n) => [n])).toEqual({ items: [1, 2], nextCursor: null });
  });
});
