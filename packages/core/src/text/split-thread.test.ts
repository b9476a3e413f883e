import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { extractEntities } from './entities.js';
import { measureText } from './measure.js';
import { TEXT_RULES } from './rules.js';
import { splitThread } from './split-thread.js';
import type { TextRule } from './types.js';

const words = (text: string) => text.split(/\s+/u).filter((w) => w !== '');
const NUMBER = /^\d+\/\d+ | \d+\/\d+$/u;
const stripNumber = (part: string) => part.replace(NUMBER, '');

const WORDS = [
  'Bună',
  'ziua',
  'școală,',
  'țară.',
  'مرحبا',
  'تسويق',
  'می\u200cخواهم',
  'بازاریابی.',
  'שלום',
  '日本語です。',
  '한국어',
  '👍🏽',
  '👨‍👩‍👧‍👦',
  '🇷🇴',
  'https://example.com/a/b?c=1',
  'example.ro/pagina',
  '@ana',
  '@ana@mastodon.social',
  '@bob.bsky.social',
  '#تسويق',
  '#marketing',
  '$TSLA',
  'e\u0301',
  'x'.repeat(30),
  'Propoziție.',
  'Întrebare?',
  'Da!',
];
const SEPARATORS = [' ', ' ', ' ', '\n', '\n\n', '  '];
const article = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 200 })
  .map((pairs) => pairs.map(([w, s]) => w + s).join(''));
const rules: TextRule[] = [TEXT_RULES.x, TEXT_RULES.bluesky, TEXT_RULES.mastodon, { id: 'tiny', method: 'graphemes', maxLength: 60 }];

describe('splitThread', () => {
  it('every part fits and the words come back in order (property)', () => {
    fc.assert(
      fc.property(
        article,
        fc.constantFrom(...rules),
        fc.constantFrom('none', 'suffix', 'prefix') as fc.Arbitrary<'none' | 'suffix' | 'prefix'>,
        (text, rule, numbering) => {
          const parts = splitThread(text, rule, { numbering });
          for (const part of parts) expect(measureText(part, rule).fits).toBe(true);
          const body = numbering === 'none' || parts.length === 1 ? parts : parts.map(stripNumber);
          expect(words(body.join(' '))).toEqual(words(text));
          if (numbering !== 'none' && parts.length > 1) {
            parts.forEach((part, index) => {
              const label = `${index + 1}/${parts.length}`;
              expect(numbering === 'suffix' ? part.endsWith(` ${label}`) : part.startsWith(`${label} `)).toBe(true);
            });
          }
          expect(splitThread(text, rule, { numbering })).toEqual(parts); // deterministic
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never cuts a URL, mention, hashtag or cashtag (property)', () => {
    fc.assert(
      fc.property(article, (text) => {
        const whole = new Set(extractEntities(text).map((e) => e.text));
        const parts = splitThread(text, { id: 'tiny', method: 'graphemes', maxLength: 60 });
        for (const part of parts) {
          for (const entity of extractEntities(part)) {
            if (entity.type !== 'url') expect(whole.has(entity.text)).toBe(true);
          }
        }
        const urlsIn = (t: string) =>
          extractEntities(t)
            .filter((e) => e.type === 'url')
            .map((e) => e.text);
        expect(parts.flatMap(urlsIn)).toEqual(urlsIn(text));
      }),
      { numRuns: 300 },
    );
  });

  it('prefers paragraph breaks, then sentence ends', () => {
    const p1 = 'Primul paragraf are o propoziție.';
    const p2 = 'Al doilea paragraf are două propoziții. Iată a doua, ceva mai lungă decât prima.';
    const rule: TextRule = { id: 'r', method: 'graphemes', maxLength: 90 };
    expect(splitThread(`${p1}\n\n${p2}`, rule)).toEqual([p1, p2]);
    const small: TextRule = { id: 'r', method: 'graphemes', maxLength: 60 };
    expect(splitThread(`${p1}\n\n${p2}`, small)).toEqual([
      p1,
      'Al doilea paragraf are două propoziții.',
      'Iată a doua, ceva mai lungă decât prima.',
    ]);
  });

  it('counts numbering inside the limit', () => {
    const text = Array.from({ length: 30 }, (_, i) => `cuvânt${i}`).join(' ');
    const rule: TextRule = { id: 'r', method: 'graphemes', maxLength: 40 };
    const parts = splitThread(text, rule, { numbering: 'suffix' });
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(40);
    expect(parts[0]).toMatch(/ 1\/\d+$/u);
  });

  it('splits CJK text without spaces at sentence and word boundaries, and X counts CJK as 2', () => {
    const text = '東京は日本の首都です。'.repeat(30);
    const parts = splitThread(text, TEXT_RULES.x);
    expect(parts.join('')).toBe(text);
    for (const part of parts) {
      expect(measureText(part, TEXT_RULES.x).fits).toBe(true);
      expect(part.endsWith('。')).toBe(true);
    }
  });

  it('cuts a word longer than a whole part at grapheme boundaries, as a last resort', () => {
    const emoji = '👨‍👩‍👧‍👦'.repeat(7);
    const parts = splitThread(emoji, { id: 'r', method: 'graphemes', maxLength: 3 });
    expect(parts).toEqual(['👨‍👩‍👧‍👦'.repeat(3), '👨‍👩‍👧‍👦'.repeat(3), '👨‍👩‍👧‍👦']);
  });

  it('returns one unnumbered part when the text fits, and none for empty text', () => {
    expect(splitThread('Scurt.', TEXT_RULES.x, { numbering: 'suffix' })).toEqual(['Scurt.']);
    expect(splitThread('  \n ', TEXT_RULES.x)).toEqual([]);
  });

  it('refuses more parts than maxParts and bad options', () => {
    expect(() => splitThread('a '.repeat(400), { id: 'r', method: 'utf16', maxLength: 10 }, { maxParts: 3 })).toThrow(ValidationError);
    expect(() => splitThread('a', TEXT_RULES.x, { numbering: 'roman' } as never)).toThrow(ValidationError);
  });

  it('never cuts a grapheme cluster, even one that begins with a space', () => {
    const rule: TextRule = { id: 'r', method: 'graphemes', maxLength: 3 };
    // " \u0301" (a space carrying an acute accent) is one cluster.
    expect(splitThread('ab \u0301cd', rule)).toEqual(['ab \u0301', 'cd']);
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const clusters = (s: string) => [...segmenter.segment(s)].map((g) => g.segment);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', ' ', ' \u0301', '\u0301', 'e\u0301', '👍🏽', '\n', ' \u200d'), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 2, max: 8 }),
        (pieces, max) => {
          const text = pieces.join('');
          const whole = new Set(clusters(text));
          for (const part of splitThread(text, { ...rule, maxLength: max }))
            for (const c of clusters(part)) expect(whole.has(c), JSON.stringify(c)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  }, 60_000);
});
