/**
 * Translates a user's search string into an FTS5 MATCH expression.
 *
 * Users type words with punctuation (O'Brien, U.S., 3.71) that raw FTS5 syntax rejects or
 * misreads, so every bare word becomes a quoted phrase (the tokenizer then splits it exactly as it
 * split the indexed text). What FTS5 offers on purpose is kept: "exact phrases", prefix*,
 * AND / OR / NOT (upper case, as in FTS5), NEAR(a b, 5) and parentheses. Anything that cannot be
 * translated raises SearchSyntaxError with a message for the user.
 */

export class SearchSyntaxError extends Error {
  override name = 'SearchSyntaxError';
}

export const MAX_QUERY_LENGTH = 500;

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

/** Returns the FTS5 expression, or null when the query has nothing searchable in it. */
export function toFtsQuery(input: string): string | null {
  if (input.length > MAX_QUERY_LENGTH) {
    throw new SearchSyntaxError(
      `Search query is too long (${input.length} characters, at most ${MAX_QUERY_LENGTH})`,
    );
  }
  const tokens = tokenize(input);
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
        depth++;
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
