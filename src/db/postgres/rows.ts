/**
 * The rows a PostgreSQL write collects, and their set-wise INSERT: one statement per table per
 * batch, whatever the number of rows, each column bound as one array and read back with
 * unnest() (no parameter limit, one parse and plan per statement).
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
/** Where the person id stands in a mention row and a quote row (see the column lists). */
export const PERSON_COLUMN = 1;

/** Rows collected for the batch's set-wise INSERTs, in the order they are written. */
export interface Pending {
  articles: Row[];
  mentions: Row[];
  quotes: Row[];
  prices: Row[];
}

export const nothingPending = (): Pending => ({ articles: [], mentions: [], quotes: [], prices: [] });

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

async function insertRows(client: pg.PoolClient, table: Table, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = table.columns.map((column) => `"${column}"`).join(', ');
  const arrays = table.types.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
  const values = table.columns.map((_, i) => rows.map((row) => row[i] ?? null));
  await client.query(`INSERT INTO "${table.name}" (${columns}) SELECT * FROM unnest(${arrays})`, values);
}

/** Inserts the collected rows: articles first (the facts refer to them). */
export async function flushPending(client: pg.PoolClient, pending: Pending): Promise<void> {
  await insertRows(client, ARTICLES, pending.articles);
  await insertRows(client, MENTIONS, pending.mentions);
  await insertRows(client, QUOTES, pending.quotes);
  await insertRows(client, PRICES, pending.prices);
}
