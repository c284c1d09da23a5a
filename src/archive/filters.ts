/**
 * Filters as users give them (query parameters, command-line options: strings) turned into the
 * store's `ArchiveFilters`, with the checks a schema cannot express. Shared by the API, the CLI and
 * the web pages, so a filter means the same everywhere.
 */
import type { ArchiveFilters } from '../db/store.ts';
import { InvalidInputError } from './errors.ts';
import type { FilterQuerystring } from './filter-schema.ts';

export type { FilterQuerystring };

const badRequest = (message: string) => new InvalidInputError(message);

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date-only `to` means the whole of that day. */
function parseDate(name: 'from' | 'to', value: string): Date {
  const endOfDay = name === 'to' && DATE_ONLY.test(value);
  const date = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00.000Z` : value);
  if (Number.isNaN(date.getTime()) || (DATE_ONLY.test(value) && date.toISOString().slice(0, 10) !== value)) {
    throw badRequest(`${name} is not a valid date: "${value}" (use YYYY-MM-DD or ISO 8601)`);
  }
  return endOfDay ? new Date(date.getTime() + 86_399_999) : date;
}

// Never part of a word, a name or a path prefix; NUL ends a full-text query early in SQLite.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** Turns validated query parameters into repository filters, checking what a schema cannot. */
export function toArchiveFilters(query: FilterQuerystring): ArchiveFilters {
  for (const [name, value] of Object.entries(query))
    if (typeof value === 'string' && CONTROL_CHARACTER.test(value))
      throw badRequest(`${name} must not contain control characters`);
  const filters: ArchiveFilters = {};
  if (query.q !== undefined) filters.q = query.q;
  if (query.person !== undefined) filters.person = query.person;
  if (query.speaker !== undefined) filters.speaker = query.speaker;
  if (query.currency !== undefined) filters.currency = query.currency.toUpperCase();
  if (query.min !== undefined) filters.min = query.min;
  if (query.max !== undefined) filters.max = query.max;
  if (query.source !== undefined) filters.source = query.source;
  if (query.lang !== undefined) filters.lang = query.lang.toLowerCase();
  if (query.from !== undefined) filters.from = parseDate('from', query.from);
  if (query.to !== undefined) filters.to = parseDate('to', query.to);
  if (filters.min !== undefined && filters.max !== undefined && Number(filters.min) > Number(filters.max)) {
    throw badRequest(`min (${filters.min}) is greater than max (${filters.max})`);
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    throw badRequest(`from (${query.from}) is later than to (${query.to})`);
  }
  return filters;
}

export const DEFAULT_PAGE_SIZE = 20;

/**
 * A count parameter (limit, top): the schemas bound it, but their coercion lets "Infinity" and
 * "1e400" through as numbers, which no query can use.
 */
export function countParam(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1)
    throw badRequest(`${name} must be a whole number of at least 1, got ${value}`);
  return value;
}

export function pageParams(
  limit: number | undefined,
  cursor: string | undefined,
): { limit: number; cursor?: string } {
  return { limit: countParam('limit', limit, DEFAULT_PAGE_SIZE), ...(cursor !== undefined && { cursor }) };
}
