/**
 * A page's state lives in its URL query: links that change one filter keep all the others, and
 * drop the cursor (a new result set starts at its first page).
 */
export type Params = Record<string, string | undefined>;

/** `path` with the non-empty `params` as its query string. */
export function href(path: string, params: Params = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined && value !== '') query.set(name, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** The same page with `changes` applied (undefined removes a parameter) and paging reset. */
export function withChanges(path: string, current: Params, changes: Params): string {
  const { cursor: _cursor, ...rest } = current;
  return href(path, { ...rest, ...changes });
}

/** First and last day of a YYYY-MM month. */
export function monthRange(month: string): { from: string; to: string } {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}
