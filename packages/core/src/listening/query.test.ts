import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { matchesQuery, parseQuery, type QueryNode } from './query.js';

const QUERY = '("late delivery" OR refund) AND NOT giveaway';

function problem(query: string): string {
  try {
    parseQuery(query);
  } catch (error) {
    expect(ValidationError.isInstance(error)).toBe(true);
    return (error as ValidationError).issues[0]!.message;
  }
  throw new Error(`expected ${query} to be refused`);
}

describe('parseQuery', () => {
  it('parses the documented example into the expected tree', () => {
    expect(parseQuery(QUERY)).toEqual({
      type: 'and',
      operands: [
        {
          type: 'or',
          operands: [
            { type: 'phrase', text: 'late delivery', source: 'late delivery' },
            { type: 'term', text: 'refund', prefix: false, source: 'refund' },
          ],
        },
        { type: 'not', operand: { type: 'term', text: 'giveaway', prefix: false, source: 'giveaway' } },
      ],
    });
  });

  it('gives NOT over AND over OR, and reads adjacency as AND', () => {
    expect(parseQuery('a OR b c')).toEqual({
      type: 'or',
      operands: [
        { type: 'term', text: 'a', prefix: false, source: 'a' },
        {
          type: 'and',
          operands: [
            { type: 'term', text: 'b', prefix: false, source: 'b' },
            { type: 'term', text: 'c', prefix: false, source: 'c' },
          ],
        },
      ],
    });
  });

  it.each([
    ['', 'column 1: the query is empty'],
    ['"late delivery', 'column 1: this quote is never closed — add a closing "'],
    ['(refund OR late', 'column 1: this "(" is never closed — add a matching ")"'],
    ['refund)', 'column 7: this ")" has no matching "("'],
    ['refund AND', 'column 8: AND has nothing after it'],
    ['refund AND OR late', 'column 12: OR follows AND with no word between them'],
    ['OR refund', 'column 1: OR cannot start here'],
    ['refund AND ()', 'column 12: these parentheses are empty'],
    ['refund ""', 'column 8: this quoted phrase is empty'],
    ['refund NOT', 'column 8: NOT has nothing after it'],
    ['refund !!!', 'column 8: "!!!" has no letters or digits to match'],
  ])('refuses %j naming the column and the fix', (query, expected) => {
    expect(problem(query)).toContain(expected);
  });

  it('reports the path it is given', () => {
    expect.assertions(2);
    try {
      parseQuery('(a', ['rules', 3, 'query']);
    } catch (error) {
      expect((error as ValidationError).issues[0]!.path).toEqual(['rules', 3, 'query']);
      expect((error as ValidationError).message).toContain('rules[3].query: column 1');
    }
  });
});

describe('matchesQuery', () => {
  const query = parseQuery(QUERY);
  it.each([
    ['My order had a LATE DELIVERY again', true],
    ['I want a refund.', true],
    ['Late-delivery, refund giveaway!', false],
    ['Delivery was late', false],
    ['refunded already', false],
  ])('%j → %s', (text, expected) => {
    expect(matchesQuery(query, text)).toBe(expected);
  });

  it('matches تسويق with and without diacritics, with tatweel and with a proclitic', () => {
    const arabic = parseQuery('تسويق');
    for (const text of ['خدمات تسويق رقمية', 'خدمات تَسْوِيق رقمية', 'خدمات تســويق', 'خبراء التَّسْوِيقِ', 'تسويق']) {
      expect(matchesQuery(arabic, text), text).toBe(true);
    }
    expect(matchesQuery(arabic, 'تسوق سعيد')).toBe(false);
    // The query itself may carry diacritics or the Persian yeh.
    expect(matchesQuery(parseQuery('تَسْوِیق'), 'خدمات تسويق')).toBe(true);
  });

  it('matches a Persian word written with Persian ی and Arabic ي alike', () => {
    const persian = parseQuery('"بازاریابی دیجیتال"');
    expect(matchesQuery(persian, 'دوره بازاریابی دیجیتال')).toBe(true);
    expect(matchesQuery(persian, 'دوره بازاريابي ديجيتال')).toBe(true);
    expect(matchesQuery(parseQuery('بازاريابي'), 'بازاریابی')).toBe(true);
    expect(matchesQuery(parseQuery('می‌خواهم'), 'میخواهم')).toBe(true);
  });

  it('a query tree printed and parsed back means the same thing (property)', () => {
    const words = ['alpha', 'beta', 'gamma', 'delta'];
    const node: fc.Memo<QueryNode> = fc.memo((depth) =>
      depth <= 1
        ? fc.constantFrom(...words).map((text): QueryNode => ({ type: 'term', text, prefix: false, source: text }))
        : fc.oneof(
            fc.constantFrom(...words).map((text): QueryNode => ({ type: 'term', text, prefix: false, source: text })),
            node(depth - 1).map((operand): QueryNode => ({ type: 'not', operand })),
            fc.array(node(depth - 1), { minLength: 2, maxLength: 3 }).map((operands): QueryNode => ({ type: 'and', operands })),
            fc.array(node(depth - 1), { minLength: 2, maxLength: 3 }).map((operands): QueryNode => ({ type: 'or', operands })),
          ),
    );
    const print = (tree: QueryNode): string => {
      switch (tree.type) {
        case 'term':
          return tree.text.toUpperCase();
        case 'phrase':
          return `"${tree.text}"`;
        case 'not':
          return `NOT (${print(tree.operand)})`;
        case 'and':
          return tree.operands.map((operand) => `(${print(operand)})`).join(' AND ');
        case 'or':
          return tree.operands.map((operand) => `(${print(operand)})`).join(' OR ');
        default:
          throw new Error(`not generated here: ${tree.type}`);
      }
    };
    // Independent evaluation over a set of present words.
    const truth = (tree: QueryNode, present: Set<string>): boolean => {
      switch (tree.type) {
        case 'term':
        case 'phrase':
          return present.has(tree.text);
        case 'not':
          return !truth(tree.operand, present);
        case 'and':
          return tree.operands.every((operand) => truth(operand, present));
        case 'or':
          return tree.operands.some((operand) => truth(operand, present));
        default:
          throw new Error(`not generated here: ${tree.type}`);
      }
    };
    fc.assert(
      fc.property(node(4), fc.subarray(words), (tree, present) => {
        const text = `hello ${present.join(', ')}!`;
        expect(matchesQuery(parseQuery(print(tree)), text)).toBe(truth(tree, new Set(present)));
      }),
    );
  });
});

describe('matchesQuery folding (properties)', () => {
  const ARABIC_LETTERS = Array.from('ابتثجحخدذرزسشصضطظعغفقكلمنهوي');
  const HARAKAT = ['\u064e', '\u064f', '\u0650', '\u0652', '\u0651', '\u064b', '\u064c', '\u064d', '\u0640'];

  it('an Arabic word matches however it is vocalised or stretched', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...ARABIC_LETTERS), { minLength: 2, maxLength: 8 }),
        fc.array(fc.array(fc.constantFrom(...HARAKAT), { maxLength: 2 }), { minLength: 8, maxLength: 8 }),
        (letters, marks) => {
          const bare = letters.join('');
          const decorated = letters.map((letter, index) => letter + marks[index]!.join('')).join('');
          expect(matchesQuery(parseQuery(bare), `قبل ${decorated} بعد`)).toBe(true);
          expect(matchesQuery(parseQuery(decorated), `قبل ${bare} بعد`)).toBe(true);
        },
      ),
    );
  });

  it('a Latin word matches in any case and with any diacritics', () => {
    const ACCENTS = ['\u0301', '\u0300', '\u0302', '\u0308', '\u0327', '\u0326', '\u030c'];
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z]{2,10}$/),
        fc.array(fc.tuple(fc.boolean(), fc.option(fc.constantFrom(...ACCENTS), { nil: undefined })), { minLength: 10, maxLength: 10 }),
        (word, styles) => {
          const styled = Array.from(word)
            .map((letter, index) => {
              const [upper, accent] = styles[index]!;
              return ((upper ? letter.toUpperCase() : letter) + (accent ?? '')).normalize('NFC');
            })
            .join('');
          expect(matchesQuery(parseQuery(word), `well, ${styled}!`)).toBe(true);
          expect(matchesQuery(parseQuery(styled), `well ${word}`)).toBe(true);
        },
      ),
    );
  });

  it('Romanian comma-below and cedilla letters match each other', () => {
    expect(matchesQuery(parseQuery('ștefan AND țară'), 'Ştefan din Ţară')).toBe(true);
    expect(matchesQuery(parseQuery('Ştefan'), 'ȘTEFAN')).toBe(true);
  });
});
