import fc from 'fast-check';
import twitter from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { xWeightedLength } from './x-weighted-length.js';

// twitter-text 3 is the oracle (dev-only): our count must equal parseTweet().weightedLength.
const oracle = (text: string): number => twitter.parseTweet(text).weightedLength;

const FRAGMENTS = [
  // Latin, Romanian diacritics (precomposed and decomposed), punctuation
  'Hello',
  'world',
  ' ',
  ' ',
  '\n',
  '\n\n',
  '.',
  ',',
  '!',
  '?',
  ':',
  '-',
  '_',
  '/',
  '(',
  ')',
  '"',
  "'",
  '@',
  '#',
  '$',
  '…',
  '—',
  '–',
  '“',
  '”',
  'Bună ziua',
  'școală',
  'ţară',
  's\u0326',
  'a\u0306',
  'i\u0302',
  'e\u0301',
  'ñ',
  'Ω',
  'привет',
  // Arabic, Persian with ZWNJ, Hebrew, directional marks
  'مرحبا',
  'تسويق',
  'می\u200cخواهم',
  'بازاریابی',
  '\u200c',
  '\u200d',
  'שלום',
  '\u200f',
  '\u202b',
  '\u061c',
  '١٢٣',
  // CJK, Hangul, Thai, Devanagari
  '日本',
  '中文字',
  '東京',
  'ｶﾀｶﾅ',
  '한국어',
  '\u1100\u1161',
  'สวัสดี',
  'नमस्ते',
  '。',
  '．',
  // emoji: single, skin tones, ZWJ, flags, keycaps, text/emoji presentation, tags, newer emoji
  '😀',
  '👍🏽',
  '👋🏿',
  '👨‍👩‍👧‍👦',
  '👩🏽‍💻',
  '🏳️‍🌈',
  '🏴‍☠️',
  '🇷🇴',
  '🇮🇷',
  '🇯🇵',
  '🇦',
  '🏴󠁧󠁢󠁳󠁣󠁴󠁿',
  '#️⃣',
  '1️⃣',
  '5⃣',
  '©',
  '©️',
  '®',
  '™️',
  '❤',
  '❤️',
  '❤︎',
  '☺',
  '✌🏻',
  '✌️',
  '⛹️‍♀️',
  '🏃‍♂️',
  '🏃🏾‍♀️',
  '👁‍🗨',
  '🫠',
  '🧑‍🤝‍🧑',
  '❤️‍🔥',
  '\ufe0f',
  '\ufe0e',
  '\u20e3',
  '🏻',
  '\u{1F468}\u200d\u{1F355}',
  // combining marks, surrogates, specials
  '\u0301',
  '\u0300\u0323',
  'Å',
  'ﬁ',
  '\ud83d',
  '\ude00',
  '\ufeff',
  '\ufffe',
  '\t',
  // URLs and almost-URLs
  'https://example.com',
  'http://example.com/path?q=1&r=2#frag',
  'example.com',
  'www.example.co.uk/a/b',
  'sub.example.org/path_(x)',
  'https://t.co/AbC123',
  'https://t.co/abc?x=1',
  'bit.ly/xyz',
  'ro.wikipedia.org/wiki/România',
  'https://fa.wikipedia.org/wiki/بازاریابی',
  'https://例え.テスト/パス',
  'пример.рф',
  'https://пример.рф/путь',
  'example.xn--p1ai',
  'xn--80ak6aa92e.com',
  'foo.bar',
  'test.it',
  'a.b',
  'e.g.',
  'i.e.',
  'example.com:8080/x',
  'user@example.com',
  'http://',
  'https://',
  'www.',
  '.com',
  'com',
  'org',
  '/path',
  '?q=1',
  '#frag',
  'example.museum',
  'shop.online',
  'site.みんな',
  'http://x.com/a(b)c',
  'http://x.com/(a(b)c)',
  'example.com.',
  'EXAMPLE.COM',
  'http://example.com.ro/',
  'a-b.example.com',
  '-x.com',
  '_x.com',
  'x_y.example.com',
  // mentions, hashtags, cashtags
  '@user',
  '@user@mastodon.social',
  '@handle.bsky.social',
  '#تسويق',
  '#بازاریابی',
  '#日本',
  '#hashtag',
  '$TSLA',
  '$btc',
];

const fragment = fc.constantFrom(...FRAGMENTS);
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
