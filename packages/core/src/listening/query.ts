import { ValidationError } from '../errors/index.js';
import { containsTerm, normalizeForMatching } from './normalize.js';

/** A parsed listening query: a tree of terms, phrases and boolean operators. */
export type QueryNode =
  | { type: 'term'; text: string; prefix: boolean }
  | { type: 'phrase'; text: string }
  | { type: 'not'; operand: QueryNode }
  | { type: 'and'; operands: QueryNode[] }
  | { type: 'or'; operands: QueryNode[] };

type Token =
  | { kind: 'word'; text: string; at: number }
  | { kind: 'phrase'; text: string; at: number }
  | { kind: 'and' | 'or' | 'not' | 'open' | 'close'; at: number };

class QueryProblem extends Error {
  constructor(
    readonly at: number,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(problem);
  }
}

// Query syntax characters are ASCII; smart quotes are accepted too since phones insert them.
const QUOTES = new Set(['"', '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb']);
const STOP = /[\s()]/u;

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < query.length) {
    const char = query[index]!;
    if (/\s/u.test(char)) {
      index += 1;
    } else if (char === '(') {
      tokens.push({ kind: 'open', at: index });
      index += 1;
    } else if (char === ')') {
      tokens.push({ kind: 'close', at: index });
      index += 1;
    } else if (QUOTES.has(char)) {
      let end = index + 1;
      while (end < query.length && !QUOTES.has(query[end]!)) end += 1;
      if (end >= query.length) {
        throw new QueryProblem(index, 'this quote is never closed', 'add a closing " after the phrase');
      }
      tokens.push({ kind: 'phrase', text: query.slice(index + 1, end), at: index });
      index = end + 1;
    } else {
      let end = index;
      while (end < query.length && !STOP.test(query[end]!) && !QUOTES.has(query[end]!)) end += 1;
      const word = query.slice(index, end);
      // Operators are upper case so that "and", "or", "not" stay searchable words.
      if (word === 'AND' || word === 'OR' || word === 'NOT') {
        tokens.push({ kind: word.toLowerCase() as 'and' | 'or' | 'not', at: index });
      } else {
        tokens.push({ kind: 'word', text: word, at: index });
      }
      index = end;
    }
  }
  return tokens;
}

const DESCRIBE: Record<Token['kind'], string> = {
  word: 'a word',
  phrase: 'a phrase',
  and: 'AND',
  or: 'OR',
  not: 'NOT',
  open: '"("',
  close: '")"',
};

class Parser {
  private index = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly length: number,
  ) {}

  parse(): QueryNode {
    if (this.tokens.length === 0) {
      throw new QueryProblem(0, 'the query is empty', 'write at least one word or "quoted phrase"');
    }
    const node = this.parseOr();
    const extra = this.peek();
    if (extra !== undefined) {
      if (extra.kind === 'close') {
        throw new QueryProblem(extra.at, 'this ")" has no matching "("', 'remove it or add a "(" before it');
      }
      throw new QueryProblem(extra.at, `unexpected ${DESCRIBE[extra.kind]}`, 'join the parts with AND or OR');
    }
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private parseOr(): QueryNode {
    const operands = [this.parseAnd()];
    while (this.peek()?.kind === 'or') {
      const or = this.tokens[this.index++]!;
      this.expectOperand(or);
      operands.push(this.parseAnd());
    }
    return operands.length === 1 ? operands[0]! : { type: 'or', operands };
  }

  private parseAnd(): QueryNode {
    const operands = [this.parseUnary()];
    for (;;) {
      const next = this.peek();
      if (next?.kind === 'and') {
        this.index += 1;
        this.expectOperand(next);
        operands.push(this.parseUnary());
      } else if (next !== undefined && (next.kind === 'word' || next.kind === 'phrase' || next.kind === 'open' || next.kind === 'not')) {
        // Words side by side mean AND, as in a search box.
        operands.push(this.parseUnary());
      } else {
        break;
      }
    }
    return operands.length === 1 ? operands[0]! : { type: 'and', operands };
  }

  private parseUnary(): QueryNode {
    const token = this.peek();
    if (token?.kind === 'not') {
      this.index += 1;
      this.expectOperand(token);
      return { type: 'not', operand: this.parseUnary() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): QueryNode {
    const token = this.peek();
    if (token === undefined) {
      throw new QueryProblem(this.length, 'the query ends where a word was expected', 'finish it with a word or "quoted phrase"');
    }
    this.index += 1;
    switch (token.kind) {
      case 'open': {
        if (this.peek()?.kind === 'close') {
          throw new QueryProblem(token.at, 'these parentheses are empty', 'put a word or phrase inside, or remove them');
        }
        const inner = this.parseOr();
        if (this.peek()?.kind !== 'close') {
          throw new QueryProblem(token.at, 'this "(" is never closed', 'add a matching ")"');
        }
        this.index += 1;
        return inner;
      }
      case 'word': {
        const prefix = token.text.length > 1 && token.text.endsWith('*');
        const text = normalizeForMatching(prefix ? token.text.slice(0, -1) : token.text);
        if (text.length === 0) {
          throw new QueryProblem(
            token.at,
            `"${token.text}" has no letters or digits to match`,
            'remove it or put it inside a "quoted phrase" with words',
          );
        }
        if (text.includes(' ')) return { type: 'phrase', text };
        return { type: 'term', text, prefix };
      }
      case 'phrase': {
        const text = normalizeForMatching(token.text);
        if (text.length === 0) {
          throw new QueryProblem(token.at, 'this quoted phrase is empty', 'put words between the quotes or remove them');
        }
        return { type: 'phrase', text };
      }
      case 'close':
        throw new QueryProblem(token.at, 'this ")" has no matching "(" or closes an empty group', 'remove it, or put a word before it');
      default:
        throw new QueryProblem(
          token.at,
          `${DESCRIBE[token.kind]} cannot start here`,
          `put a word or "quoted phrase" before ${DESCRIBE[token.kind]}`,
        );
    }
  }

  private expectOperand(operator: Token): void {
    const next = this.peek();
    const name = DESCRIBE[operator.kind];
    if (next === undefined) {
      throw new QueryProblem(operator.at, `${name} has nothing after it`, `add a word or "quoted phrase" after ${name}, or remove it`);
    }
    if (next.kind === 'and' || next.kind === 'or' || next.kind === 'close') {
      throw new QueryProblem(
        next.at,
        `${DESCRIBE[next.kind]} follows ${name} with no word between them`,
        `put a word or "quoted phrase" between them`,
      );
    }
  }
}

/**
 * Parses a listening query. Syntax: words (matched as whole words, `refund*` as a prefix),
 * `"quoted phrases"`, `AND`, `OR`, `NOT` (upper case; lower-case `and`/`or`/`not` are plain
 * words), parentheses; words side by side mean `AND`; `NOT` binds tightest, then `AND`,
 * then `OR`. Matching is case-, diacritics- and Arabic/Persian-variant-insensitive (see
 * {@link normalizeForMatching}).
 *
 * @param path - where the query sits in a larger input, for the error (default `['query']`).
 * @throws ValidationError naming the 1-based column, the problem and the fix, e.g.
 *   `query: column 18: this "(" is never closed — add a matching ")"`.
 * @example
 * ```ts
 * const query = parseQuery('("late delivery" OR refund) AND NOT giveaway');
 * matchesQuery(query, 'Still waiting on my REFUND'); // true
 * ```
 */
export function parseQuery(query: string, path: Array<string | number> = ['query']): QueryNode {
  try {
    return new Parser(tokenize(query), query.length).parse();
  } catch (error) {
    if (!(error instanceof QueryProblem)) throw error;
    throw new ValidationError('listening query', [
      {
        path,
        code: 'query_syntax',
        message: `column ${error.at + 1}: ${error.problem} — ${error.fix} (in ${JSON.stringify(query)})`,
      },
    ]);
  }
}

/**
 * Whether a parsed query matches a text. Pass `normalized: true` when the text already went
 * through {@link normalizeForMatching} (to fold it once for many rules).
 *
 * @example
 * ```ts
 * matchesQuery(parseQuery('تسويق'), 'خدمات التَّسْوِيق'); // true
 * ```
 */
export function matchesQuery(query: QueryNode, text: string, options: { normalized?: boolean } = {}): boolean {
  const folded = options.normalized ? text : normalizeForMatching(text);
  return evaluate(query, folded);
}

function evaluate(node: QueryNode, text: string): boolean {
  switch (node.type) {
    case 'term':
      return containsTerm(text, node.text, node.prefix);
    case 'phrase':
      return containsTerm(text, node.text);
    case 'not':
      return !evaluate(node.operand, text);
    case 'and':
      return node.operands.every((operand) => evaluate(operand, text));
    case 'or':
      return node.operands.some((operand) => evaluate(operand, text));
  }
}
