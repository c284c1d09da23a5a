/**
 * The rows a PostgreSQL write collects, and their set-wise write: ONE statement per flush,
 * whatever the number of rows and tables: an `INSERT … SELECT FROM unnest(…)` per table, each
 * column bound as one array (no parameter limit, one parse and plan), joined as data-modifying
 * CTEs. The foreign keys between them hold: PostgreSQL checks them at the end of the statement,
 * when the articles of the same statement are there. One round trip instead of one per table
 * matters on a busy server, where each costs milliseconds of scheduling whatever its size.
 */
import type pg from 'pg';
import type { Extraction } from '../../extract/types.ts';
import type { PreparedDocument } from '../writer.ts';
import { ARTICLE_COLUMNS, articleRow as rowOf } from '../write-rules.ts';

export type Row = (string | number | Date | null)[];

interface Table {
  name: string;
  columns: string[];
  /** PostgreSQL array types of the columns, in order. */
  types: string[];
  /** What a row that is there already does (aliases: nothing). */
  onConflict?: string;
}

export const ARTICLES: Table = {
  name: 'articles',
  columns: ARTICLE_COLUMNS,
  types: [
    'int4',
    'text',
    'text',
    'text',
    'text',
    'text',
    'text',
    'text',
    'timestamptz',
    'timestamptz',
    'text',
    'int4',
    'timestamptz',
    'timestamptz',
    'int4',
    'text',
    'text',
  ],
};
export const MENTIONS: Table = {
  name: 'mentions',
  columns: ['articleId', 'personId', 'text', 'start', 'end'],
  types: ['int4', 'int4', 'text', 'int4', 'int4'],
};
export const QUOTES: Table = {
  name: 'quotes',
  columns: ['articleId', 'speakerId', 'text', 'cue', 'start', 'end'],
  types: ['int4', 'int4', 'text', 'text', 'int4', 'int4'],
};
export const PRICES: Table = {
  name: 'price_mentions',
  columns: ['articleId', 'amount', 'amountValue', 'currency', 'raw', 'start', 'end', 'location', 'sentence'],
  types: ['int4', 'text', 'float8', 'text', 'text', 'int4', 'int4', 'text', 'text'],
};
export const ALIASES: Table = {
  name: 'person_aliases',
  columns: ['personId', 'alias'],
  types: ['int4', 'text'],
  onConflict: 'ON CONFLICT DO NOTHING',
};
/** Where the person id stands in a mention row and a quote row (see the column lists). */
export const PERSON_COLUMN = 1;

/** Rows collected for the batch's set-wise write (people are written before them: see people.ts). */
export interface Pending {
  articles: Row[];
  mentions: Row[];
  quotes: Row[];
  prices: Row[];
  /** Aliases of people (whose ids are real by the time of the write). */
  aliases: Row[];
  /** Sources that bring a text of their own: no longer recorded as other sources of an article. */
  droppedSources: Set<string>;
}

export const nothingPending = (): Pending => ({
  articles: [],
  mentions: [],
  quotes: [],
  prices: [],
  aliases: [],
  droppedSources: new Set(),
});

/** The article's row (write-rules.ts) in ARTICLES column order, dates as Dates. */
export const articleRow = (id: number, doc: PreparedDocument, now: Date): Row =>
  rowOf(id, doc, now, (date) => date);

/** Collects the mentions, quotes and prices of one article whose people are resolved. */
export function collectFacts(
  pending: Pending,
  articleId: number,
  extraction: Extraction,
  personIds: Map<string, number>,
): void {
  for (const person of extraction.people) {
    const personId = personIds.get(person.name)!;
    for (const m of person.mentions) pending.mentions.push([articleId, personId, m.text, m.start, m.end]);
  }
  for (const q of extraction.quotes) {
    const speakerId = q.speaker === null ? null : (personIds.get(q.speaker) ?? null);
    pending.quotes.push([articleId, speakerId, q.text, q.cue, q.start, q.end]);
  }
  for (const p of extraction.prices) {
    pending.prices.push([
      articleId,
      p.amount,
      Number(p.amount),
      p.currency,
      p.raw,
      p.start,
      p.end,
      p.location,
      p.sentence,
    ]);
  }
}

/** `INSERT … SELECT FROM unnest(…)` of `rows`, its arrays appended to `values`. */
function insertRows(table: Table, rows: Row[], values: unknown[]): string {
  const columns = table.columns.map((column) => `"${column}"`).join(', ');
  const arrays = table.types.map((type, i) => `$${values.length + i + 1}::${type}[]`).join(', ');
  values.push(...table.columns.map((_, i) => rows.map((row) => row[i] ?? null)));
  return `INSERT INTO "${table.name}" (${columns}) SELECT * FROM unnest(${arrays}) ${table.onConflict ?? ''}`;
}

/** Writes the collected rows and drops the dropped sources, with one statement. */
export async function flushPending(client: pg.PoolClient, pending: Pending): Promise<void> {
  const values: unknown[] = [];
  const statements: string[] = [];
  if (pending.droppedSources.size > 0) {
    values.push([...pending.droppedSources]);
    statements.push(`DELETE FROM "article_sources" WHERE "source" = ANY($${values.length}::text[])`);
  }
  const tables: [Table, Row[]][] = [
    [ARTICLES, pending.articles],
    [ALIASES, pending.aliases],
    [MENTIONS, pending.mentions],
    [QUOTES, pending.quotes],
    [PRICES, pending.prices],
  ];
  for (const [table, rows] of tables) if (rows.length > 0) statements.push(insertRows(table, rows, values));
  if (statements.length === 0) return;
  const last = statements.pop()!;
  const ctes = statements.map((statement, i) => `w${i} AS (${statement})`);
  await client.query(ctes.length > 0 ? `WITH ${ctes.join(', ')} ${last}` : last, values);
}
