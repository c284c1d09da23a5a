/**
 * Opaque keyset cursors. A cursor carries the sort key of the last row a page returned, so the
 * next page starts strictly after it: stable under inserts, and O(limit) however deep the walk.
 * It also names the list it came from, so a cursor handed to another endpoint is refused with
 * the endpoint it belongs to instead of being misread as a position in a different order.
 */

export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}

/** The paged lists, by the API path that serves them. */
export const CURSOR_LISTS = ['/articles', '/people', '/quotes', '/prices', '/search'] as const;
export type CursorList = (typeof CURSOR_LISTS)[number];

export type CursorKey = (string | number)[];

export function encodeCursor(list: CursorList, key: CursorKey): string {
  return Buffer.from(JSON.stringify([list, ...key])).toString('base64url');
}

const isCursorList = (value: unknown): value is CursorList =>
  (CURSOR_LISTS as readonly unknown[]).includes(value);

/** `shape` names the type of each key part, so a cursor of another shape is rejected too. */
export function decodeCursor(list: CursorList, cursor: string, shape: ('string' | 'number')[]): CursorKey {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('cursor is not valid: pass the nextCursor of a previous page unchanged');
  }
  const [origin, ...key] = Array.isArray(parts) ? (parts as unknown[]) : [];
  if (isCursorList(origin) && origin !== list) {
    throw new InvalidCursorError(
      `cursor belongs to ${origin}, not ${list}: pass the nextCursor of a previous ${list} page`,
    );
  }
  if (
    origin !== list ||
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
export function toPage<T>(list: CursorList, rows: T[], limit: number, keyOf: (row: T) => CursorKey): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(list, keyOf(last)) : null };
}
