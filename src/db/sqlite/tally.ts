/**
 * Counts per composite key collected in memory and written to an aggregate table in one
 * statement (a JSON array through json_each), shared by the writer's aggregates
 * (person-aggregates.ts, price-aggregates.ts). Rows a change brings to zero are deleted.
 */
import type Database from 'better-sqlite3';

export type Key = (string | number)[];

/** Counts to add (or, negative, to remove) per composite key. */
export class KeyedTally {
  private readonly entries = new Map<string, { key: Key; counts: number[] }>();
  private negative = false;
  constructor(private readonly width: number) {}

  add(key: Key, index: number, n = 1): void {
    const id = JSON.stringify(key);
    let entry = this.entries.get(id);
    if (!entry) this.entries.set(id, (entry = { key, counts: new Array<number>(this.width).fill(0) }));
    entry.counts[index]! += n;
    if (n < 0) this.negative = true;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Whether some count went down (rows may have reached zero). */
  get decreased(): boolean {
    return this.negative;
  }

  rows(): Key[] {
    return [...this.entries.values()].map(({ key, counts }) => [...key, ...counts]);
  }

  keys(): Key[] {
    return [...this.entries.values()].map(({ key }) => key);
  }
}

/** One table's statements: add a JSON array of [...key, ...counts] rows; drop keys at zero. */
export function tableStatements(db: Database.Database, table: string, keys: string[], counts: string[]) {
  const quoted = (names: string[]) => names.map((name) => `"${name}"`).join(', ');
  const values = (from: number, n: number) =>
    Array.from({ length: n }, (_, i) => `"value" ->> ${from + i}`).join(', ');
  return {
    add: db.prepare<[string]>(
      `INSERT INTO "${table}" (${quoted([...keys, ...counts])})
       SELECT ${values(0, keys.length + counts.length)} FROM json_each(?) WHERE true
       ON CONFLICT (${quoted(keys)}) DO UPDATE SET ${counts.map((c) => `"${c}" = "${c}" + excluded."${c}"`).join(', ')}`,
    ),
    dropEmpty: db.prepare<[string]>(
      `DELETE FROM "${table}" WHERE (${quoted(keys)}) IN (SELECT ${values(0, keys.length)} FROM json_each(?))
       AND "${counts[0]}" <= 0`,
    ),
  };
}
