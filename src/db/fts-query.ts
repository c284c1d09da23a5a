/**
 * Translates a user's search string into an FTS5 MATCH expression.
 *
 * Users type words with punctuation (O'Brien, U.S., 3.71) that raw FTS5 syntax rejects or
 * misreads, so every bare word becomes a quoted phrase (the tokenizer then splits it exactly as it
 * split the indexed text). What FTS5 offers on purpose is kept: "exact phrases", prefix*,
 * AND / OR / NOT (upper case, as in FTS5), NEAR(a b, 5) and parentheses. Anything that cannot be
 * translated raises SearchSyntaxError with a message for the user.
 *
 * A query's cost in FTS5 grows with what it asks for, not with its length: every prefix term
 * merges the doclists of all the terms it matches (a one-letter prefix, most of the vocabulary),
 * and NEAR compares the positions of all its terms within its span. So besides its length a query
 * is bounded in prefix terms, prefix length, NEAR terms and span, terms, operators and nesting
 * (QUERY_LIMITS); each limit exceeded is a SearchSyntaxError that states it. What still runs
 * long is stopped by the query budget (src/db/budget.ts).
 */

export class SearchSyntaxError extends Error {
  override name = 'SearchSyntaxError';
}

export const MAX_QUERY_LENGTH = 500;

/** The complexity a query may have (documented in README.md "Limits" and the OpenAPI `q`). */
export const QUERY_LIMITS = {
  /** Words ending in * (prefix searches) in the whole query. */
  prefixTerms: 8,
  /** Letters or digits a prefix needs before its *. */
  prefixLength: 3,
  /** Terms inside one NEAR(...). */
  nearTerms: 8,
  /** The largest NEAR distance (FTS5's default is 10). */
  nearDistance: 50,
  /** Words in the whole query, in phrases and NEAR groups included. */
  terms: 32,
  /** AND, OR, NOT and parenthesised groups. */
  operators: 16,
  /** Levels of parentheses. */
  depth: 5,
} as const;

export type Token =
  | { kind: 'term'; phrase: string; prefix: boolean }
  | { kind: 'op'; op: 'AND' | 'OR' | 'NOT' }
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'near'; terms: string[]; distance: number | null };

const quote = (phrase: string): string => `"${phrase.replaceAll('"', '""')}"`;

/** Characters that carry no searchable text: a term made only of these is dropped. */
const SEARCHABLE = /[\p{L}\p{N}]/u;

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"' || ch === '“' || ch === '”') {
      const close = input.slice(i + 1).search(/["“”]/);
      if (close < 0) throw new SearchSyntaxError('Unbalanced double quote: close the phrase with "');
      const phrase = input.slice(i + 1, i + 1 + close);
      i += close + 2;
      const prefix = input[i] === '*';
      if (prefix) i++;
      if (SEARCHABLE.test(phrase)) tokens.push({ kind: 'term', phrase, prefix });
    } else if (ch === '(') {
      tokens.push({ kind: 'open' });
      i++;
    } else if (ch === ')') {
      tokens.push({ kind: 'close' });
      i++;
    } else {
      const match = /^[^\s()"“”]+/.exec(input.slice(i))![0];
      i += match.length;
      if (match === 'AND' || match === 'OR' || match === 'NOT') {
        tokens.push({ kind: 'op', op: match });
      } else if (match === 'NEAR' && input[i] === '(') {
        const close = input.indexOf(')', i);
        if (close < 0) throw new SearchSyntaxError('NEAR( is missing its closing parenthesis');
        const inner = input.slice(i + 1, close);
        i = close + 1;
        const [, words = '', distance] = /^(.*?)(?:,\s*(\d+))?\s*$/s.exec(inner) ?? [];
        const terms = words
          .split(/\s+/)
          .map((word) => word.replace(/^["“”]|["“”]$/g, ''))
          .filter((word) => SEARCHABLE.test(word));
        if (terms.length < 2)
          throw new SearchSyntaxError('NEAR(...) needs at least two terms, e.g. NEAR(Lukashenko Soros, 10)');
        tokens.push({ kind: 'near', terms, distance: distance === undefined ? null : Number(distance) });
      } else {
        const prefix = match.endsWith('*');
        const word = prefix ? match.slice(0, -1) : match;
        if (word.includes('*'))
          throw new SearchSyntaxError(
            `"*" is only allowed at the end of a word (prefix search), as in sanction*`,
          );
        if (SEARCHABLE.test(word)) tokens.push({ kind: 'term', phrase: word, prefix });
      }
    }
  }
  return tokens;
}

/** The words a phrase holds, as the tokenizer will see them (runs of letters and digits). */
const wordsOf = (phrase: string): string[] => phrase.match(/[\p{L}\p{N}]+/gu) ?? [];

/** Rejects a query beyond QUERY_LIMITS, naming the limit it exceeds. */
function checkLimits(tokens: Token[]): void {
  const limits = QUERY_LIMITS;
  let terms = 0;
  let prefixTerms = 0;
  let operators = 0;
  for (const token of tokens) {
    if (token.kind === 'op' || token.kind === 'open') operators++;
    if (token.kind === 'near') {
      if (token.terms.length > limits.nearTerms)
        throw new SearchSyntaxError(
          `NEAR(...) takes at most ${limits.nearTerms} terms, got ${token.terms.length}`,
        );
      if (token.distance !== null && token.distance > limits.nearDistance)
        throw new SearchSyntaxError(
          `The NEAR distance is at most ${limits.nearDistance}, got ${token.distance}`,
        );
      terms += token.terms.reduce((sum, term) => sum + wordsOf(term).length, 0);
    }
    if (token.kind === 'term') {
      const words = wordsOf(token.phrase);
      terms += words.length;
      if (token.prefix) {
        prefixTerms++;
        const prefix = words.at(-1) ?? '';
        if ([...prefix].length < limits.prefixLength)
          throw new SearchSyntaxError(
            `The prefix "${prefix}*" is too short: a prefix search needs at least ${limits.prefixLength} letters or digits before the *`,
          );
      }
    }
  }
  if (prefixTerms > limits.prefixTerms)
    throw new SearchSyntaxError(
      `Too many prefix searches (${prefixTerms} words ending in *, at most ${limits.prefixTerms})`,
    );
  if (terms > limits.terms)
    throw new SearchSyntaxError(`Too many words in the query (${terms}, at most ${limits.terms})`);
  if (operators > limits.operators)
    throw new SearchSyntaxError(
      `Too many operators in the query (${operators} AND/OR/NOT and parentheses, at most ${limits.operators})`,
    );
}

/** Returns the FTS5 expression, or null when the query has nothing searchable in it. */
export function toFtsQuery(input: string): string | null {
  if (input.length > MAX_QUERY_LENGTH) {
    throw new SearchSyntaxError(
      `Search query is too long (${input.length} characters, at most ${MAX_QUERY_LENGTH})`,
    );
  }
  // FTS5 reads NUL as the end of a string (an "unterminated string" error); no control
  // character is searchable text.
  const control = /[\p{Cc}]/u.exec(input.replace(/[\t\n\r]/g, ' '));
  if (control)
    throw new SearchSyntaxError(
      `The query contains a control character (U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}): remove it`,
    );
  const tokens = tokenize(input);
  checkLimits(tokens);
  const out: string[] = [];
  let depth = 0;
  // FTS5 operators are binary: an operand must stand on each side.
  let expectOperand = true;
  for (const token of tokens) {
    switch (token.kind) {
      case 'term':
      case 'near':
        if (!expectOperand) out.push('AND');
        out.push(
          token.kind === 'term'
            ? quote(token.phrase) + (token.prefix ? '*' : '')
            : `NEAR(${token.terms.map(quote).join(' ')}${token.distance === null ? '' : `, ${token.distance}`})`,
        );
        expectOperand = false;
        break;
      case 'op':
        if (expectOperand) throw new SearchSyntaxError(`${token.op} needs a search term before it`);
        out.push(token.op);
        expectOperand = true;
        break;
      case 'open':
        if (!expectOperand) out.push('AND');
        out.push('(');
        if (++depth > QUERY_LIMITS.depth)
          throw new SearchSyntaxError(`Parentheses nest too deep (at most ${QUERY_LIMITS.depth} levels)`);
        expectOperand = true;
        break;
      case 'close':
        if (depth === 0) throw new SearchSyntaxError('Unbalanced parenthesis: ")" without "("');
        if (expectOperand) throw new SearchSyntaxError('Empty parentheses or an operator before ")"');
        out.push(')');
        depth--;
        break;
    }
  }
  if (depth > 0) throw new SearchSyntaxError('Unbalanced parenthesis: "(" is never closed');
  if (out.length === 0) return null;
  if (expectOperand)
    throw new SearchSyntaxError(`The query ends with ${out.at(-1)}: add a search term after it`);
  return out.join(' ');
}

/**
 * SQLite's own FTS errors (a query the translator let through) are the user's, not the server's:
 * returns the SearchSyntaxError an error stands for, or null when it is some other failure.
 */
export function searchErrorFromSqlite(error: unknown): SearchSyntaxError | null {
  const message = error instanceof Error ? error.message : String(error);
  const fts = /fts5: ([^\n"]*(?:"[^"]*")?)/.exec(message);
  if (fts) {
    return new SearchSyntaxError(
      `The search engine rejected the query (${fts[1]!.trim()}); check quotes, parentheses and operators`,
    );
  }
  if (/unknown special query|malformed MATCH/i.test(message))
    return new SearchSyntaxError('The search engine rejected the query');
  return null;
}
