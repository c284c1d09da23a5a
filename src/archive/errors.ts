/**
 * The errors services raise for their callers to present: the API turns them into problem
 * documents (src/api/errors.ts), the CLI into a usage message. No HTTP in here.
 */

/** The caller's input cannot be used (a 400 in the API, a usage error on the command line). */
export class InvalidInputError extends Error {
  override name = 'InvalidInputError';
}

export { InvalidCursorError } from '../db/cursor.ts';
export { SearchSyntaxError } from '../db/fts-query.ts';
export { QueryTimeoutError } from '../db/budget.ts';
