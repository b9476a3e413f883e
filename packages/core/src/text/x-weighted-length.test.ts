import fc from 'fast-check';
import twitter from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { MIXED_SCRIPT_FRAGMENTS } from '../test-helpers/mixed-script-fragments.js';
import { xWeightedLength } from './x-weighted-length.js';

// twitter-text 3 is the oracle (dev-only): our count must equal parseTweet().weightedLength.
const oracle = (text: string): number => twitter.parseTweet(text).weightedLength;

const fragment = fc.constantFrom(...MIXED_SCRIPT_FRAGMENTS);
const mixedText = fc
  .array(fc.oneof({ weight: 6, arbitrary: fragment }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) }), {
    maxLength: 40,
  })
  .map((parts) => parts.join(''));

describe('xWeightedLength', () => {
  it.each([
    ['', 0],
    ['hello', 5],
    ['Bună ziua, România!', 19],
    ['مرحبا', 5], // Arabic is in the light range
    ['日本語', 6], // CJK weighs 2
    ['👍🏽', 2], // emoji with skin tone is one emoji
    ['👨‍👩‍👧‍👦', 2], // ZWJ family
    ['🇷🇴', 2], // flag
    ['https://example.com/a/very/long/path/that/is/long', 23],
    ['see example.com', 27], // scheme-less with a known TLD
    ['see example.notatld', 19],
    ['a\u0306', 1], // NFC: ă
  ])('counts %j as %i, like twitter-text', (text, expected) => {
    expect(xWeightedLength(text)).toBe(expected);
    expect(oracle(text)).toBe(expected);
  });

  it('equals twitter-text parseTweet().weightedLength on mixed-script text (property, 10,000 runs)', () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        expect(xWeightedLength(text)).toBe(oracle(text));
      }),
      { numRuns: 10_000 },
    );
  }, 60_000);

  it('equals twitter-text on internationalised domains near the 63-character label limit (property)', () => {
    const label = fc
      .array(fc.constantFrom('a', 'ș', 'ب', 'ی', '日', 'ü', '-', '😀', '한'), { minLength: 1, maxLength: 70 })
      .map((c) => c.join(''));
    fc.assert(
      fc.property(label, fc.constantFrom('https://', 'http://www.', ''), (name, prefix) => {
        const text = `x ${prefix}${name}.com/p y`;
        expect(xWeightedLength(text)).toBe(oracle(text));
      }),
      { numRuns: 2_000 },
    );
  });

  it('equals twitter-text on arbitrary Unicode strings (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(xWeightedLength(text)).toBe(oracle(text));
      }),
      { numRuns: 3_000 },
    );
  });
});
