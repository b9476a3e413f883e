import { ValidationError } from '../errors/index.js';
import { MENTION_KINDS } from '../model/index.js';
import { foldText, type FoldForm } from './normalize.js';
import { normalizeFieldValue } from './field-value.js';
import { compileQueries, type MatchInput } from './query-matcher.js';

import type { QueryField } from './field-value.js';
import type { QueryNode } from './query-node.js';

export type { QueryField } from './field-value.js';

export type { QueryNode } from './query-node.js';

type Token =
  | { kind: 'word'; text: string; at: number }
  | { kind: 'phrase'; text: string; at: number }
  | { kind: 'field'; name: string; value: string; quoted: boolean; at: number }
  | { kind: 'near'; distance: number; ordered: boolean; text: string; at: number }
  | { kind: 'and' | 'or' | 'not' | 'open' | 'close'; at: number; text?: string };

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
const FIELDS = new Set<string>(['author', 'lang', 'network', 'url', 'kind']);
const FORMS: Record<string, Exclude<FoldForm, 'folded'>> = { case: 'case', accents: 'accents', raw: 'exact' };
const PREFIXED = /^(author|lang|network|url|kind|case|accents|raw):/u;
const NEAR = /^NEAR\/(\d+)(f?)$/u;
// A term must contain something to match: a letter, a digit or an emoji.
const MATCHABLE = /[\p{L}\p{N}\p{Extended_Pictographic}\p{Regional_Indicator}]/u;
const LANGUAGE_TAG = /^[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*$/iu;

function readPhrase(query: string, open: number): { text: string; end: number } {
  let end = open + 1;
  while (end < query.length && !QUOTES.has(query[end]!)) end += 1;
  if (end >= query.length) throw new QueryProblem(open, 'this quote is never closed', 'add a closing " after the phrase');
  return { text: query.slice(open + 1, end), end: end + 1 };
}

function readWord(query: string, start: number): number {
  let end = start;
  while (end < query.length && !STOP.test(query[end]!) && !QUOTES.has(query[end]!)) end += 1;
  return end;
}

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
      const { text, end } = readPhrase(query, index);
      tokens.push({ kind: 'phrase', text, at: index });
      index = end;
    } else if (char === '-' && index + 1 < query.length && !/[\s\-)]/u.test(query[index + 1]!)) {
      // `-term`, `-"phrase"`, `-(group)`: NOT, as in every search box. (Inside a word, as in
      // `e-mail`, a hyphen is never seen here.)
      tokens.push({ kind: 'not', at: index, text: '-' });
      index += 1;
    } else {
      const prefixed = PREFIXED.exec(query.slice(index, index + 9));
      if (prefixed !== null) {
        const name = prefixed[1]!;
        const valueAt = index + name.length + 1;
        if (valueAt < query.length && QUOTES.has(query[valueAt]!)) {
          const { text, end } = readPhrase(query, valueAt);
          tokens.push({ kind: 'field', name, value: text, quoted: true, at: index });
          index = end;
        } else {
          const end = readWord(query, valueAt);
          tokens.push({ kind: 'field', name, value: query.slice(valueAt, end), quoted: false, at: index });
          index = end;
        }
        continue;
      }
      const end = readWord(query, index);
      const word = query.slice(index, end);
      const near = NEAR.exec(word);
      // Operators are upper case so that "and", "or", "not", "near" stay searchable words.
      if (word === 'AND' || word === 'OR' || word === 'NOT') {
        tokens.push({ kind: word.toLowerCase() as 'and' | 'or' | 'not', at: index });
      } else if (near !== null) {
        tokens.push({ kind: 'near', distance: Number(near[1]), ordered: near[2] === 'f', text: word, at: index });
      } else if (word === 'NEAR' || word.startsWith('NEAR/')) {
        throw new QueryProblem(
          index,
          `"${word}" is not a proximity operator`,
          'write NEAR/n with the most words allowed between, e.g. NEAR/5',
        );
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
  field: 'a field test',
  near: 'NEAR',
  and: 'AND',
  or: 'OR',
  not: 'NOT',
  open: '"("',
  close: '")"',
};

const nameOf = (token: Token): string => (token.kind === 'not' && token.text === '-' ? '"-"' : DESCRIBE[token.kind]);

/** Folds a term or phrase; a ZWNJ in the query also allows the parts written apart. */
function termNode(source: string, at: number, form: FoldForm, kind: 'word' | 'phrase'): QueryNode {
  const text = foldText(source, form);
  if (!MATCHABLE.test(text)) {
    if (kind === 'phrase' && text.length === 0) {
      throw new QueryProblem(at, 'this quoted phrase is empty', 'put words between the quotes or remove them');
    }
    throw new QueryProblem(at, `"${source}" has no letters or digits to match`, 'remove it or put it inside a "quoted phrase" with words');
  }
  const spaced = source.includes('\u200c') ? foldText(source.replace(/\u200c/gu, ' '), form) : text;
  const extra = {
    source,
    ...(form === 'folded' ? {} : { form }),
    ...(spaced !== text ? { variants: [spaced] } : {}),
  };
  if (kind === 'phrase' || text.includes(' ')) return { type: 'phrase', text, ...extra };
  return { type: 'term', text, prefix: false, ...extra };
}

function wordNode(source: string, at: number): QueryNode {
  if (/^[?*]/u.test(source) && source.length > 1) {
    throw new QueryProblem(at, `a wildcard cannot start a word ("${source}")`, 'begin with at least one letter, e.g. re?und or refund*');
  }
  const prefix = source.length > 1 && source.endsWith('*') && !/[?*]/u.test(source.slice(0, -1));
  if (prefix) {
    const node = termNode(source.slice(0, -1), at, 'folded', 'word');
    if (node.type !== 'term') {
      throw new QueryProblem(at, `"${source}" has punctuation before its *`, 'use a single word before *, e.g. refund*');
    }
    return { ...node, prefix: true, source };
  }
  if (!/[?*]/u.test(source)) return termNode(source, at, 'folded', 'word');
  // Wildcards inside a word: fold the literal pieces one by one.
  const parts = source.split(/([?*])/u);
  const pieces: string[] = [];
  const wildcards: Array<'?' | '*'> = [];
  parts.forEach((part, index) => {
    if (index % 2 === 1) wildcards.push(part as '?' | '*');
    else pieces.push(foldText(part, 'folded'));
  });
  if (pieces.some((piece) => piece.includes(' '))) {
    throw new QueryProblem(at, `"${source}" mixes wildcards and punctuation`, 'keep wildcards inside one word, e.g. re?und');
  }
  if (!MATCHABLE.test(pieces.join(''))) {
    throw new QueryProblem(at, `"${source}" has no letters or digits besides wildcards`, 'add letters, e.g. re?und');
  }
  return { type: 'wildcard', pieces, wildcards, source };
}

function fieldNode(token: Extract<Token, { kind: 'field' }>): QueryNode {
  const { name, at } = token;
  const value = token.value.trim();
  if (value === '') {
    throw new QueryProblem(at, `${name}: has no value`, `write the value right after the colon, e.g. ${EXAMPLES[name]}`);
  }
  const form = FORMS[name];
  if (form !== undefined) return termNode(value, at, form, token.quoted ? 'phrase' : 'word');
  switch (name) {
    case 'kind':
      if (!(MENTION_KINDS as readonly string[]).includes(value)) {
        throw new QueryProblem(at, `"${value}" is not a mention kind`, `use one of ${MENTION_KINDS.join(', ')}`);
      }
      break;
    case 'lang':
      if (!LANGUAGE_TAG.test(value)) {
        throw new QueryProblem(at, `"${value}" is not a language tag`, 'use a BCP 47 tag such as en, ar, fa or ro');
      }
      break;
  }
  return {
    type: 'field',
    field: name as QueryField,
    value: normalizeFieldValue(name as QueryField, value),
    source: `${name}:${token.value}`,
  };
}

const EXAMPLES: Record<string, string> = {
  author: 'author:nasa',
  lang: 'lang:ro',
  network: 'network:bluesky',
  url: 'url:example.com/shop',
  kind: 'kind:review',
  case: 'case:"Apple"',
  accents: 'accents:"café"',
  raw: 'raw:"Café"',
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
      throw new QueryProblem(extra.at, `unexpected ${nameOf(extra)}`, 'join the parts with AND or OR');
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
      } else if (
        next !== undefined &&
        (next.kind === 'word' || next.kind === 'phrase' || next.kind === 'field' || next.kind === 'open' || next.kind === 'not')
      ) {
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
    return this.parseNear();
  }

  // NEAR binds tighter than AND: `a NEAR/3 b c` is `(a NEAR/3 b) AND c`.
  private parseNear(): QueryNode {
    const start = this.peek();
    const left = this.parsePrimary();
    const near = this.peek();
    if (near?.kind !== 'near') return left;
    this.index += 1;
    this.expectOperand(near);
    const rightToken = this.peek()!;
    const right = this.parsePrimary();
    checkNearOperand(left, start!.at);
    checkNearOperand(right, rightToken.at);
    const after = this.peek();
    if (after?.kind === 'near') {
      throw new QueryProblem(after.at, 'NEAR cannot be chained', 'group with parentheses and AND, e.g. (a NEAR/3 b) AND (b NEAR/3 c)');
    }
    return { type: 'near', operands: [left, right], distance: near.distance, ordered: near.ordered };
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
      case 'word':
        return wordNode(token.text, token.at);
      case 'phrase':
        return termNode(token.text, token.at, 'folded', 'phrase');
      case 'field':
        return fieldNode(token);
      case 'close':
        throw new QueryProblem(token.at, 'this ")" has no matching "(" or closes an empty group', 'remove it, or put a word before it');
      default:
        throw new QueryProblem(token.at, `${nameOf(token)} cannot start here`, `put a word or "quoted phrase" before ${nameOf(token)}`);
    }
  }

  private expectOperand(operator: Token): void {
    const next = this.peek();
    const name = nameOf(operator);
    if (next === undefined) {
      throw new QueryProblem(operator.at, `${name} has nothing after it`, `add a word or "quoted phrase" after ${name}, or remove it`);
    }
    if (next.kind === 'and' || next.kind === 'or' || next.kind === 'close' || next.kind === 'near') {
      throw new QueryProblem(
        next.at,
        `${nameOf(next)} follows ${name} with no word between them`,
        `put a word or "quoted phrase" between them`,
      );
    }
  }
}

/** NEAR joins words, phrases, wildcards and OR-groups of them: things with a place in the text. */
function checkNearOperand(node: QueryNode, at: number): void {
  const placed = (candidate: QueryNode): boolean =>
    candidate.type === 'term' ||
    candidate.type === 'phrase' ||
    candidate.type === 'wildcard' ||
    (candidate.type === 'or' && candidate.operands.every(placed));
  if (!placed(node)) {
    throw new QueryProblem(
      at,
      'NEAR joins words, phrases or (a OR b) groups of them',
      'move NOT, AND and field tests outside the NEAR, e.g. (a NEAR/3 b) AND NOT c',
    );
  }
}

// Columns are counted in what a reader sees as characters (grapheme clusters), not UTF-16 units.
const graphemes =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : undefined;
function columnOf(query: string, at: number): number {
  const before = query.slice(0, at);
  if (graphemes !== undefined) {
    let count = 0;
    for (const _segment of graphemes.segment(before)) count += 1;
    return count + 1;
  }
  return Array.from(before).length + 1;
}

/**
 * Parses a listening query. Syntax: words (whole words), `"quoted phrases"`, `refund*`
 * (prefix), `re?und` / `re*und` (wildcards inside a word), `AND`, `OR`, `NOT` and `-term`,
 * `a NEAR/5 b` (at most 5 words between, either order; `NEAR/5f`: a first), parentheses,
 * field tests `author:` `lang:` `network:` `url:` `kind:`, and `case:"Apple"`,
 * `accents:"café"`, `raw:"Café"` for case- and/or accent-sensitive terms. Words side by side
 * mean `AND`; `NOT` binds tightest, then `NEAR`, `AND`, `OR`. Matching folds case, diacritics
 * and Arabic/Persian letter variants (see {@link normalizeForMatching}).
 *
 * @param path - where the query sits in a larger input, for the error (default `['query']`).
 * @throws ValidationError naming the 1-based column (in characters as shown), the problem
 *   and the fix, e.g. `query: column 18: this "(" is never closed — add a matching ")"`.
 * @example
 * ```ts
 * const query = parseQuery('("late delivery" OR refund*) AND NOT giveaway lang:en');
 * matchesQuery(query, { text: 'Still waiting on my REFUND', language: 'en' }); // true
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
        message: `column ${columnOf(query, error.at)}: ${error.problem} — ${error.fix} (in ${JSON.stringify(query)})`,
      },
    ]);
  }
}

const compiled = new WeakMap<QueryNode, ReturnType<typeof compileQueries>>();
const programOf = (query: QueryNode) => {
  let program = compiled.get(query);
  if (program === undefined) compiled.set(query, (program = compileQueries([query])));
  return program;
};

/**
 * Whether a parsed query matches a text or a mention. Field tests (`author:`, `lang:`, …)
 * read the mention's fields; given only a text, they see nothing and do not match. Pass
 * `normalized: true` when the text already went through {@link normalizeForMatching}.
 *
 * @example
 * ```ts
 * matchesQuery(parseQuery('تسويق'), 'خدمات التَّسْوِيق'); // true
 * matchesQuery(parseQuery('refund network:bluesky'), mention); // reads mention.text and mention.platform
 * ```
 */
export function matchesQuery(query: QueryNode, input: string | MatchInput, options: { normalized?: boolean } = {}): boolean {
  return programOf(query)
    .run(typeof input === 'string' ? { text: input } : input, options)
    .matches(0);
}

/**
 * Which of the query's terms were found (as written in the query), for highlighting:
 * terms under `NOT` are never listed, and nothing is listed when the query does not match.
 *
 * @example
 * ```ts
 * explainQuery(parseQuery('(refund* OR "late delivery") AND -giveaway'), 'Refunds for the LATE delivery?');
 * // { matched: true, terms: ['refund*', 'late delivery'] }
 * ```
 */
export function explainQuery(query: QueryNode, input: string | MatchInput): { matched: boolean; terms: string[] } {
  const terms = programOf(query)
    .run(typeof input === 'string' ? { text: input } : input)
    .terms(0);
  return { matched: terms.length > 0 || matchesQuery(query, input), terms };
}
