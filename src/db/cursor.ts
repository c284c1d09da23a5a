/**
 * Opaque keyset cursors. A cursor carries the sort key of the last row a page returned, so the
 * next page starts strictly after it: stable under inserts, and O(limit) however deep the walk.
 */

export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}

export type CursorKey = (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** `shape` names the type of each key part, so a cursor from another list is rejected. */
export function decodeCursor(cursor: string, shape: ('string' | 'number')[]): CursorKey {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('cursor is not valid: pass the nextCursor of a previous page unchanged');
  }
  if (
    !Array.isArray(key) ||
    key.length !== shape.length ||
    key.some((part, i) => typeof part !== shape[i] || (typeof part === 'number' && !Number.isFinite(part)))
  ) {
    throw new InvalidCursorError(
      'cursor does not belong to this list: pass the nextCursor of a previous page unchanged',
    );
  }
  return key as CursorKey;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Rows were fetched with limit + 1, so a surplus row means there is a next page. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => CursorKey): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
