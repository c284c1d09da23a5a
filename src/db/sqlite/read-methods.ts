/**
 * The store's reads as one table of named functions over a `Db` (and, for the article document,
 * the better-sqlite3 connection that builds it). The reader threads run them by name; with no
 * reader threads the store runs the same table on the main thread. Every entry takes and returns
 * structured-cloneable values only (Dates, plain objects), so it can cross a thread boundary.
 */
import type Database from 'better-sqlite3';
import type { Db } from '../client.ts';
import { articleDetailJson } from '../queries/article-detail.ts';
import { listArticles } from '../queries/articles.ts';
import { exportBatch } from '../queries/export.ts';
import { getPerson, listPeople, personFacets } from '../queries/people.ts';
import { listPrices } from '../queries/prices.ts';
import { listQuotes } from '../queries/quotes.ts';
import { ftsErrorsAsSyntaxErrors as fts, search } from '../queries/search.ts';
import { articleFacets, priceSeries } from '../queries/series.ts';
import { archiveStats, priceStats, searchFacets } from '../queries/stats.ts';

export function readMethods(db: Db, sqlite: Database.Database) {
  return {
    listArticles: (...args: Tail<Parameters<typeof listArticles>>) => fts(() => listArticles(db, ...args)),
    articleDetailJson: async (id: number) => articleDetailJson(sqlite, id),
    listPeople: (...args: Tail<Parameters<typeof listPeople>>) => fts(() => listPeople(db, ...args)),
    getPerson: (...args: Tail<Parameters<typeof getPerson>>) => getPerson(db, ...args),
    personFacets: (...args: Tail<Parameters<typeof personFacets>>) => personFacets(db, ...args),
    listQuotes: (...args: Tail<Parameters<typeof listQuotes>>) => fts(() => listQuotes(db, ...args)),
    listPrices: (...args: Tail<Parameters<typeof listPrices>>) => fts(() => listPrices(db, ...args)),
    priceStats: (...args: Tail<Parameters<typeof priceStats>>) => fts(() => priceStats(db, ...args)),
    archiveStats: (...args: Tail<Parameters<typeof archiveStats>>) => archiveStats(db, ...args),
    search: (...args: Tail<Parameters<typeof search>>) => fts(() => search(db, ...args)),
    searchFacets: (...args: Tail<Parameters<typeof searchFacets>>) => fts(() => searchFacets(db, ...args)),
    articleFacets: (...args: Tail<Parameters<typeof articleFacets>>) => fts(() => articleFacets(db, ...args)),
    priceSeries: (...args: Tail<Parameters<typeof priceSeries>>) => fts(() => priceSeries(db, ...args)),
    exportBatch: (...args: Tail<Parameters<typeof exportBatch>>) => fts(() => exportBatch(db, ...args)),
  };
}

type Tail<T extends unknown[]> = T extends [unknown, ...infer Rest] ? Rest : never;

export type ReadMethods = ReturnType<typeof readMethods>;
export type ReadMethod = keyof ReadMethods;
export type ReadArgs<M extends ReadMethod> = Parameters<ReadMethods[M]>;
export type ReadResult<M extends ReadMethod> = Awaited<ReturnType<ReadMethods[M]>>;
