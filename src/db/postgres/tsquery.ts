/**
 * The archive's search language (src/db/fts-query.ts: phrases, prefix*, AND / OR / NOT,
 * NEAR(a b, N), parentheses, punctuation-safe words) as a PostgreSQL tsquery expression.
 *
 * The query is validated by the same translator as for FTS5 (so bad syntax is the same
 * SearchSyntaxError on both databases), then parsed with FTS5's precedence (NOT binds tighter
 * than AND, AND tighter than OR; NOT is binary: `a NOT b` is a AND NOT b) and rendered fully
 * parenthesized as SQL building a tsquery from bound parameters:
 * - a word or "phrase": phraseto_tsquery('archive', $n), which splits and stems it exactly as the
 *   indexed text was (O'Brien → 'o' <-> 'brien');
 * - prefix*: the last word as to_tsquery('archive', 'word:*'), after the phrase's other words;
 * - NEAR(a b, N): each consecutive pair within N words of each other in either order, as a
 *   disjunction of tsquery_phrase(a, b, k) for k = 1 … N + 1 (FTS5's default N is 10).
 */
import { toFtsQuery, tokenize, type Token } from '../fts-query.ts';

const CONFIG = `'archive'::regconfig`;
const DEFAULT_NEAR = 10;
/** NEAR distances above this are treated as this: the disjunction grows with the distance. */
const MAX_NEAR = 50;

export interface TsQuery {
  /** SQL evaluating to a tsquery; `?` placeholders for `params`. */
  sql: string;
  params: string[];
  /** The query normalized in the archive's language (the same text as on SQLite). */
  match: string;
}

type Operand = Extract<Token, { kind: 'term' } | { kind: 'near' }>;

class Renderer {
  readonly params: string[] = [];

  private bind(value: string): string {
    this.params.push(value);
    return '?';
  }

  phrase(text: string): string {
    return `phraseto_tsquery(${CONFIG}, ${this.bind(text)})`;
  }

  term(token: Extract<Token, { kind: 'term' }>): string {
    if (!token.prefix) return this.phrase(token.phrase);
    const words = token.phrase.match(/[\p{L}\p{N}]+/gu) ?? [];
    const last = words.pop()!;
    // Bound in the order the placeholders appear: the phrase's words, then the prefix.
    const before = words.length ? `${this.phrase(words.join(' '))} <-> ` : '';
    const prefix = `to_tsquery(${CONFIG}, ${this.bind(`${last}:*`)})`;
    return before ? `(${before}${prefix})` : prefix;
  }

  near(token: Extract<Token, { kind: 'near' }>): string {
    const distance = Math.min(token.distance ?? DEFAULT_NEAR, MAX_NEAR);
    const pairs: string[] = [];
    for (let i = 0; i + 1 < token.terms.length; i++) {
      // Each use binds its own parameters: placeholders are positional.
      const a = () => this.phrase(token.terms[i]!);
      const b = () => this.phrase(token.terms[i + 1]!);
      const ways: string[] = [];
      for (let k = 1; k <= distance + 1; k++)
        ways.push(`tsquery_phrase(${a()}, ${b()}, ${k})`, `tsquery_phrase(${b()}, ${a()}, ${k})`);
      pairs.push(`(${ways.join(' || ')})`);
    }
    return `(${pairs.join(' && ')})`;
  }

  operand(token: Operand): string {
    return token.kind === 'term' ? this.term(token) : this.near(token);
  }
}

/** Precedence climbing over the validated tokens: or := and (OR and)*; and := not (AND? not)*; not := primary (NOT primary)*. */
class Parser {
  private at = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly render: Renderer,
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private isOp(op: 'AND' | 'OR' | 'NOT'): boolean {
    const token = this.peek();
    return token?.kind === 'op' && token.op === op;
  }

  parseOr(): string {
    const parts = [this.parseAnd()];
    while (this.isOp('OR')) {
      this.at++;
      parts.push(this.parseAnd());
    }
    return parts.length === 1 ? parts[0]! : `(${parts.join(' || ')})`;
  }

  private startsOperand(): boolean {
    const token = this.peek();
    return token !== undefined && token.kind !== 'close' && token.kind !== 'op';
  }

  private parseAnd(): string {
    const parts = [this.parseNot()];
    for (;;) {
      if (this.isOp('AND')) this.at++;
      else if (!this.startsOperand()) break;
      parts.push(this.parseNot());
    }
    return parts.length === 1 ? parts[0]! : `(${parts.join(' && ')})`;
  }

  private parseNot(): string {
    let left = this.parsePrimary();
    while (this.isOp('NOT')) {
      this.at++;
      left = `(${left} && !!${this.parsePrimary()})`;
    }
    return left;
  }

  private parsePrimary(): string {
    const token = this.tokens[this.at++]!;
    if (token.kind === 'open') {
      const inner = this.parseOr();
      this.at++; // the matching ')', checked by the validator
      return inner;
    }
    return this.render.operand(token as Operand);
  }
}

/** The tsquery of a user's search, or null when it has nothing searchable; SearchSyntaxError when malformed. */
export function toTsQuery(input: string): TsQuery | null {
  const match = toFtsQuery(input);
  if (match === null) return null;
  const render = new Renderer();
  const sql = new Parser(tokenize(input), render).parseOr();
  return { sql, params: render.params, match };
}
