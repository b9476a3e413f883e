import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { explainQuery, matchesQuery, parseQuery } from './query.js';
import { compileRules } from './rules.js';
import { mention } from './__tests__/mentions.js';

const matches = (query: string, text: string) => matchesQuery(parseQuery(query), text);

function problem(query: string): string {
  try {
    parseQuery(query);
  } catch (error) {
    expect(ValidationError.isInstance(error)).toBe(true);
    return (error as ValidationError).issues[0]!.message;
  }
  throw new Error(`expected ${query} to be refused`);
}

describe('-term is NOT', () => {
  it.each([
    ['apple -pie', 'apple tart', true],
    ['apple -pie', 'apple pie', false],
    ['refund -"gift card"', 'refund to my gift card', false],
    ['refund -"gift card"', 'refund to my card', true],
    ['refund -(giveaway OR contest)', 'refund contest', false],
    ['e-mail refund', 'e mail about a refund', true], // a hyphen inside a word is not NOT
  ])('%j on %j → %s', (query, text, expected) => {
    expect(matches(query, text)).toBe(expected);
  });
});

describe('NEAR/n', () => {
  it.each([
    ['refund NEAR/2 late', 'refund was very late', true],
    ['refund NEAR/2 late', 'refund was not very late', false],
    ['refund NEAR/2 late', 'late again, my refund', true], // either order
    ['refund NEAR/2f late', 'late again, my refund', false], // f: in this order only
    ['refund NEAR/0 late', 'refund late', true],
    ['"late delivery" NEAR/3 refund*', 'a late delivery and no refunds', true],
    ['"late delivery" NEAR/1 refund*', 'a late delivery and then no refunds', false],
    ['(refund OR return) NEAR/1 broken', 'the return was broken', true],
    ['(refund OR return) NEAR/1 broken', 'refund it, the box arrived broken', false],
    ['iphone NEAR/1 broken', '我的 iPhone 坏了 broken', true],
  ])('%j on %j → %s', (query, text, expected) => {
    expect(matches(query, text)).toBe(expected);
  });

  it.each([
    ['refund NEAR/ late', 'column 8: "NEAR/" is not a proximity operator'],
    ['refund NEAR/3', 'column 8: NEAR has nothing after it'],
    ['(refund AND late) NEAR/3 box', 'column 1: NEAR joins words, phrases or (a OR b) groups of them'],
    ['a NEAR/2 b NEAR/2 c', 'column 12: NEAR cannot be chained'],
    ['NEAR/2 b', 'column 1: NEAR cannot start here'],
  ])('refuses %j with the column', (query, expected) => {
    expect(problem(query)).toContain(expected);
  });
});

describe('wildcards', () => {
  it.each([
    ['re?und', 'I want a refund', true],
    ['re?und', 'I want a reund', false],
    ['re?und', 'refunds please', false],
    ['refund*', 'refunded yet?', true],
    ['refund*', 'no refun', false],
    ['re*und', 'reund and rebound', true],
    ['re*und', 'refunding', false],
    ['col?r', 'Colour or COLOR', true],
    ['ta?wiq', 'taswiq', true],
  ])('%j on %j → %s', (query, text, expected) => {
    expect(matches(query, text)).toBe(expected);
  });

  it('refuses a wildcard at the start of a word, with its column', () => {
    expect(problem('refund OR *fund')).toContain('column 11: a wildcard cannot start a word');
  });
});

describe('field operators', () => {
  const item = mention({
    id: 'f1',
    platform: 'mastodon',
    kind: 'review',
    language: 'ro-RO',
    author: { id: '42', handle: 'ana@mastodon.social' },
    text: 'Livrare întârziată, vezi https://www.Example.com/Shop/123',
    url: 'https://mastodon.social/@ana/1',
  });
  it.each([
    ['author:ana', true],
    ['author:@ana@mastodon.social', true],
    ['author:bob', false],
    ['lang:ro', true],
    ['lang:en', false],
    ['network:mastodon', true],
    ['network:bluesky', false],
    ['url:example.com/shop', true],
    ['url:mastodon.social/@ana', true],
    ['url:other.org', false],
    ['kind:review', true],
    ['kind:comment', false],
    ['livrare AND -kind:comment AND network:mastodon', true],
  ])('%j → %s', (query, expected) => {
    expect(matchesQuery(parseQuery(query), item)).toBe(expected);
  });

  it.each([
    ['refund kind:tweet', 'column 8: "tweet" is not a mention kind — use one of mention, reply'],
    ['lang:12', 'column 1: "12" is not a language tag'],
    ['author: refund', 'column 1: author: has no value'],
  ])('refuses %j with the column', (query, expected) => {
    expect(problem(query)).toContain(expected);
  });
});

describe('case- and accent-sensitive terms', () => {
  it.each([
    ['case:"Apple"', 'I love my Apple watch', true],
    ['case:"Apple"', 'an apple a day', false],
    ['case:"Apple"', 'ÁPPLE', false],
    ['case:Apple', 'Ápple store', true], // accents still folded
    ['accents:"café"', 'CAFÉ au lait', true],
    ['accents:"café"', 'cafe au lait', false],
    ['raw:"Café"', 'Café', true],
    ['raw:"Café"', 'café', false],
    ['raw:"Café"', 'Cafe', false],
  ])('%j on %j → %s', (query, text, expected) => {
    expect(matches(query, text)).toBe(expected);
  });
});

describe('which terms matched', () => {
  it('lists the terms found, as written, never those under NOT', () => {
    expect(explainQuery(parseQuery('(refund* OR "late delivery" OR broken) AND -giveaway'), 'Refunds for the LATE delivery?')).toEqual({
      matched: true,
      terms: ['refund*', '"late delivery"'.slice(1, -1)],
    });
    expect(explainQuery(parseQuery('refund AND -giveaway'), 'refund giveaway')).toEqual({ matched: false, terms: [] });
  });

  it('rule sets tag the terms of the rules that matched', () => {
    const rules = compileRules([
      { id: 'refunds', query: 'refund* OR re?und' },
      { id: 'delivery', query: '"late delivery" NEAR/3 (angry OR upset)' },
      { id: 'other', query: 'giveaway' },
    ]);
    const tagged = rules.tag(mention({ id: 't1', text: 'Upset about the late delivery, where is my refund?' }));
    expect(tagged.matchedRules).toEqual(['refunds', 'delivery']);
    expect(tagged.matchedTerms).toEqual(['refund*', 're?und', 'late delivery', 'upset']);
  });
});

describe('smaller query decisions', () => {
  it('refuses a query of just # or @', () => {
    expect(problem('#')).toContain('column 1: "#" has no letters or digits to match');
    expect(problem('refund OR @')).toContain('column 11:');
  });

  it('counts error columns in characters as shown, not UTF-16 units', () => {
    expect(problem('🍕 AND')).toContain('column 3: AND has nothing after it');
    expect(problem('👨‍👩‍👧 🇫🇷 (refund')).toContain('column 5: this "(" is never closed');
  });

  it('accepts emoji and flag queries, as the docs say emoji are kept', () => {
    expect(matches('🇫🇷', 'Allez les bleus 🇫🇷!')).toBe(true);
    expect(matches('🇫🇷', 'Allez 🇩🇪')).toBe(false);
    expect(matches('🍕 AND late', 'my 🍕🍕 was late')).toBe(true);
  });

  it("matches mcdonalds and McDonald's both ways", () => {
    expect(matches('mcdonalds', "Lunch at McDonald's")).toBe(true);
    expect(matches("McDonald's", 'mcdonalds again')).toBe(true);
    expect(matches('mcdonald', "McDonald's")).toBe(false); // documented: use mcdonald*
    expect(matches('mcdonald*', "McDonald's")).toBe(true);
  });

  it('a Persian word written with ZWNJ also matches its parts written with a space', () => {
    const zwnj = 'می\u200cخواهم';
    for (const text of ['من می خواهم', 'من میخواهم', `من ${zwnj}`]) expect(matches(zwnj, text), text).toBe(true);
    // Written without ZWNJ, the query names one word: the spaced form is two.
    expect(matches('میخواهم', 'من می خواهم')).toBe(false);
    expect(matches('میخواهم', `من ${zwnj}`)).toBe(true);
  });
});

describe('one automaton for many rules', () => {
  // Ten scripts, spaced ones as whole words.
  const WORDS = [
    'refund',
    'late',
    'ștefan',
    'تسويق',
    'بازاریابی',
    'доставка',
    'καφές',
    'משלוח',
    '배송',
    'डिलीवरी',
    'コーヒー',
    '手机',
    'ใหม่',
  ];
  const term = fc.constantFrom(...WORDS);
  const query = fc.letrec<{ q: string }>((tie) => ({
    q: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      term,
      term.map((word) => `${word}*`),
      fc.tuple(tie('q'), tie('q')).map(([a, b]) => `(${a} OR ${b})`),
      fc.tuple(tie('q'), tie('q')).map(([a, b]) => `(${a} AND ${b})`),
      fc.tuple(tie('q'), tie('q')).map(([a, b]) => `(${a} -${b})`),
    ),
  })).q;

  it('a compiled set of rules answers exactly what each query answers alone (property)', () => {
    fc.assert(
      fc.property(
        fc.array(query, { minLength: 1, maxLength: 12 }),
        fc.array(
          fc.oneof(
            term,
            term.map((word) => `${word}s`),
            fc.constantFrom('the', 'x', '!', ','),
          ),
          { maxLength: 10 },
        ),
        (queries, words) => {
          const text = words.join(' ');
          const rules = compileRules(queries.map((q, index) => ({ id: `r${index}`, query: q })));
          const alone = queries.flatMap((q, index) => (matches(q, text) ? [`r${index}`] : []));
          expect(rules.match(mention({ id: 'p', text }))).toEqual(alone);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000); // 300 random rule sets: seconds on a loaded 2-core machine

  it('whole-word terms in spaced scripts agree with a reference that compares words (property)', () => {
    const spaced = WORDS.slice(0, 10);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...spaced, 'and', 'xyz'), { maxLength: 8 }), fc.constantFrom(...spaced), (words, wanted) => {
        const text = words.join(', ');
        // Reference: folded words of the text (the folding itself is tested elsewhere).
        const present = words.some((word) => word === wanted);
        expect(matches(wanted, text)).toBe(present);
      }),
    );
  });
});
