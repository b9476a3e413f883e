import fc from 'fast-check';
import twitter from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { MIXED_SCRIPT_FRAGMENTS } from '../test-helpers/mixed-script-fragments.js';
import { extractEntities } from './entities.js';
import { countLength } from './measure.js';
import { TEXT_RULES } from './rules.js';
import { validateDraft } from './validate-draft.js';

// Differential check against twitter-text 3 (X's published library, dev-only here): on random
// mixed-script text, our weighted length, validity and extracted entities (URLs, hashtags, X
// mentions, cashtags, with their offsets) must equal twitter-text's, with zero mismatches.

const FRAGMENTS = [
  ...MIXED_SCRIPT_FRAGMENTS, // what the issue found, and their neighbours
  'https://twitter.vermögensberatung',
  'twitter.vermögensberater/x',
  '#עַל־יְדֵי',
  '#メ〜テレ',
  '#il·lusió',
  '#བོད་སྐད',
  '✌️#hashtag',
  '#http://x.com',
  '$TEST_',
  '.$NG',
  '$ab.cd',
  '＃タグ',
  '＠user',
  'RT@ana',
  'rt:',
  '@user/list-name',
  '@',
  '＃',
  '&',
  '·',
  '־',
  '〜',
  '་',
  '\uffff',
  'shop.ro:8080',
  'www.blog.rom',
];

const fragment = fc.constantFrom(...FRAGMENTS);
const joiner = fc.constantFrom('', ' ', ' ', '\n', '.', ',', '(', ')', '/', '#', '@', '$', '\u200c');
const mixedText = fc
  .array(fc.tuple(fragment, joiner), { maxLength: 24 })
  .map((pieces) => pieces.map(([piece, glue]) => piece + glue).join(''));
// Now and then a run of random code points (any plane, lone surrogates included).
const anyText = fc.oneof(
  { weight: 4, arbitrary: mixedText },
  { weight: 1, arbitrary: fc.tuple(mixedText, fc.string({ unit: 'binary', maxLength: 12 }), mixedText).map((parts) => parts.join('')) },
);

/**
 * Valid as we judge a text-only X draft. One deliberate difference: a text of white space only is
 * an empty post to us (X's API refuses it), while parseTweet counts its weight; the comparison
 * leaves that one code out for a non-empty text.
 */
function ourValid(text: string): boolean {
  return validateDraft({ text }, TEXT_RULES.x).filter((p) => p.code !== 'empty_post' || text === '').length === 0;
}

type Found = { type: string; text: string; start: number; end: number };

function theirs(text: string): Found[] {
  return twitter
    .extractEntitiesWithIndices(text)
    .filter((e) => !('listSlug' in e && e.listSlug))
    .map((e) => {
      const type = 'url' in e ? 'url' : 'hashtag' in e ? 'hashtag' : 'cashtag' in e ? 'cashtag' : 'mention';
      return { type, text: text.slice(e.indices[0], e.indices[1]), start: e.indices[0], end: e.indices[1] };
    });
}

function ours(text: string): Found[] {
  return extractEntities(text, { mentions: 'x' }).map(({ type, text: written, start, end }) => ({ type, text: written, start, end }));
}

describe('differential: X against twitter-text', () => {
  it('weighted length and validity equal parseTweet on mixed-script text (property, 10,000 runs)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const reference = twitter.parseTweet(text);
        expect(countLength(text, TEXT_RULES.x)).toBe(reference.weightedLength);
        expect(ourValid(text)).toBe(reference.valid);
      }),
      { numRuns: 10_000 },
    );
  }, 60_000);

  it('validity equals parseTweet around the 280 limit and X invalid characters (property)', () => {
    const near = fc
      .tuple(fc.integer({ min: 270, max: 290 }), fc.constantFrom('a', '日', '😀', '\ufeff', '\ufffe', '\uffff', ' '), fc.nat(300))
      .map(([n, extra, at]) => {
        const base = 'a'.repeat(n);
        return base.slice(0, at % (n + 1)) + extra + base.slice(at % (n + 1));
      });
    fc.assert(
      fc.property(near, (text) => {
        expect(ourValid(text)).toBe(twitter.parseTweet(text).valid);
      }),
      { numRuns: 2_000 },
    );
  }, 60_000);

  it('URLs, hashtags, mentions and cashtags equal extractEntitiesWithIndices (property, 10,000 runs)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(ours(text)).toEqual(theirs(text));
      }),
      { numRuns: 10_000 },
    );
  }, 60_000);

  it('the examples from issue 18', () => {
    const examples: Array<[string, Found[]]> = [
      ['#עַל־יְדֵי', [{ type: 'hashtag', text: '#עַל־יְדֵי', start: 0, end: 10 }]],
      ['#メ〜テレ', [{ type: 'hashtag', text: '#メ〜テレ', start: 0, end: 5 }]],
      ['#il·lusió', [{ type: 'hashtag', text: '#il·lusió', start: 0, end: 9 }]],
      ['#བོད་སྐད', [{ type: 'hashtag', text: '#བོད་སྐད', start: 0, end: 8 }]],
      ['#️⃣', []],
      ['a ✌️#hashtag', [{ type: 'hashtag', text: '#hashtag', start: 4, end: 12 }]],
      ['#http://x.com', []],
      ['$TEST_', [{ type: 'cashtag', text: '$TEST', start: 0, end: 5 }]],
      ['.$NG', []],
    ];
    for (const [text, expected] of examples) {
      expect(ours(text), text).toEqual(expected);
      expect(theirs(text), text).toEqual(expected);
    }
    expect(countLength('https://twitter.vermögensberatung', TEXT_RULES.x)).toBe(23);
    expect(twitter.parseTweet('https://twitter.vermögensberatung').weightedLength).toBe(23);
  });
});
