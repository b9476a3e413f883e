import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { countLength, measureText } from './measure.js';
import { TEXT_RULES } from './rules.js';
import { countCodePoints, countGraphemes, utf8Length } from './unicode.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const graphemesBySegmenter = (text: string) => [...segmenter.segment(text)].length;

const PIECES = [
  'Bună ziua',
  'ș',
  's\u0326',
  'مرحبا',
  'می\u200cخواهم',
  'שלום',
  '日本語',
  '한국어',
  '👍🏽',
  '👨‍👩‍👧‍👦',
  '🇷🇴',
  '🏴󠁧󠁢󠁳󠁣󠁴󠁿',
  'e\u0301',
  '\r\n',
  ' ',
  '\u0301',
  'https://example.com/x',
  '@ana@mastodon.social',
  '#تسويق',
  'a',
  '\ud83d',
];
const mixed = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 30 })
  .map((p) => p.join(''));

describe('countLength', () => {
  it('counts Bluesky text in grapheme clusters, equal to Intl.Segmenter (property)', () => {
    fc.assert(
      fc.property(mixed, (text) => {
        expect(countLength(text, TEXT_RULES.bluesky)).toBe(graphemesBySegmenter(text));
        expect(countGraphemes(text)).toBe(graphemesBySegmenter(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('counts UTF-8 bytes like TextEncoder and code points like Array.from (property)', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(mixed, (text) => {
        expect(utf8Length(text)).toBe(encoder.encode(text).length);
        expect(countLength(text, 'utf8-bytes')).toBe(encoder.encode(text).length);
        expect(countCodePoints(text)).toBe(Array.from(text).length);
        expect(countLength(text, 'utf16')).toBe(text.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts Bluesky emoji sequences and combining marks as one each', () => {
    expect(countLength('👨‍👩‍👧‍👦 🇷🇴 👍🏽', TEXT_RULES.bluesky)).toBe(5);
    expect(countLength('s\u0326coala', TEXT_RULES.bluesky)).toBe(6); // ș written with a combining comma
    expect(countLength('می\u200cخواهم', TEXT_RULES.bluesky)).toBe(7); // ZWNJ extends the cluster before it
  });

  it('checks Bluesky bytes as a second cap', () => {
    const persian = 'بازاریابی '.repeat(29); // 290 graphemes, 9 × 2 + 1 = 19 bytes per word
    expect(measureText(persian, TEXT_RULES.bluesky)).toMatchObject({ length: 290, bytes: 551, fits: true });
    const cjk = '日'.repeat(300); // 300 graphemes, 900 bytes: fits
    expect(measureText(cjk, TEXT_RULES.bluesky)).toMatchObject({ length: 300, bytes: 900, fits: true, remaining: 0 });
    const tags = '🏴󠁧󠁢󠁳󠁣󠁴󠁿'.repeat(120); // 120 graphemes of 28 bytes each = 3,360 bytes
    expect(measureText(tags, TEXT_RULES.bluesky)).toMatchObject({ length: 120, bytes: 3360, fits: false });
  });

  it('counts Mastodon links as 23 and remote mentions by their local part', () => {
    // "Vezi " 5 + 23 + " @ana" 5 = 33
    expect(countLength('Vezi https://example.com/a/very/long/path/indeed/yes @ana@mastodon.social', TEXT_RULES.mastodon)).toBe(33);
    // a scheme-less domain is plain text for Mastodon: 5 + 11
    expect(countLength('Vezi example.com', TEXT_RULES.mastodon)).toBe(16);
    expect(countLength('👍🏽 ok', TEXT_RULES.mastodon)).toBe(4);
  });

  it('counts X by twitter-text rules', () => {
    expect(countLength('日本語 https://example.com', TEXT_RULES.x)).toBe(6 + 1 + 23);
    expect(countLength('hi', { ...TEXT_RULES.x, urlLength: 30 })).toBe(2);
    expect(countLength('see example.com', { ...TEXT_RULES.x, urlLength: 30 })).toBe(34);
  });

  it('counts Threads emoji by their UTF-8 bytes and other characters as one', () => {
    expect(countLength('Salut 👋', TEXT_RULES.threads)).toBe(6 + 4);
    expect(countLength('🇷🇴', TEXT_RULES.threads)).toBe(8);
  });

  it('reports the measurement against the rule', () => {
    expect(measureText('x'.repeat(281), TEXT_RULES.x)).toEqual({
      length: 281,
      bytes: 281,
      method: 'x-weighted',
      maxLength: 280,
      remaining: -1,
      fits: false,
    });
  });

  it('counts every link Mastodon links as 23: any path, and gemini, ipfs, gopher… schemes', () => {
    // A Persian path is part of the link: "Vezi " 5 + 23
    expect(countLength('Vezi https://fa.wikipedia.org/wiki/بازاریابی', TEXT_RULES.mastodon)).toBe(5 + 23);
    // A path of any non-space characters, ending before trailing punctuation: 23 + "." 1
    expect(countLength('https://例え.jp/パス/日本語?q=日本.', TEXT_RULES.mastodon)).toBe(23 + 1);
    // Each scheme Mastodon links: 23 + 1 + 23 + 1 + 23 + 1 + 23 + 1 + 23
    const schemes = 'gemini://example.org/x ipfs://bafy.example.com/y gopher://example.net/1 ipns://example.com/k dat://example.com/d';
    expect(countLength(schemes, TEXT_RULES.mastodon)).toBe(5 * 23 + 4);
    // A scheme Mastodon does not link, and a domain on no TLD, count as written.
    expect(countLength('ftp://example.com/x', TEXT_RULES.mastodon)).toBe(19);
    expect(countLength('https://example.notatld/x', TEXT_RULES.mastodon)).toBe(25);
    // A blank text counts 0, as Mastodon's server counts it.
    expect(countLength('   ', TEXT_RULES.mastodon)).toBe(0);
  });

  it('measures against a bare method: a real length, no limit, never NaN', () => {
    expect(measureText('👨‍👩‍👧 ok', 'graphemes')).toEqual({
      length: 4,
      bytes: 18 + 3,
      method: 'graphemes',
      maxLength: Infinity,
      remaining: Infinity,
      fits: true,
    });
    expect(measureText('ș😀', 'utf8-bytes').length).toBe(6);
  });

  it('refuses an unknown method or a rule without a maximum with a ValidationError', () => {
    expect(() => measureText('x', 'chars' as never)).toThrow(ValidationError);
    expect(() => countLength('x', 'chars' as never)).toThrow(/not a length method/);
    expect(() => measureText('x', { id: 'r', method: 'utf16' } as never)).toThrow(/maxLength/);
  });
});
