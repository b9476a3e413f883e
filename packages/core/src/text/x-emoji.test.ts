import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { xEmojiLengthAt } from './x-emoji.js';

// twemoji-parser 11 is what twitter-text 3 uses to find emoji; it comes with twitter-text
// (dev-only oracle), so it is loaded from there.
const fromTwitterText = createRequire(createRequire(import.meta.url).resolve('twitter-text'));
const twemoji = fromTwitterText('twemoji-parser') as { parse: (text: string) => Array<{ indices: [number, number] }> };

function ours(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (let i = 0; i < text.length;) {
    const length = xEmojiLengthAt(text, i);
    if (length > 0) {
      found.push([i, i + length]);
      i += length;
    } else i++;
  }
  return found;
}

// Every code point followed by each way an emoji sequence can continue.
const CONTINUATIONS = [
  '',
  '\ufe0f',
  '\ufe0e',
  '\u{1F3FD}',
  '\u200d\u2640\ufe0f',
  '\ufe0f\u200d\u2642\ufe0f',
  '\u20e3',
  '\ufe0f\u20e3',
  '\u200d\u{1F4BB}',
  '\u{1F3FB}\u200d\u{1F680}',
  '\u200d\u2764\ufe0f\u200d\u{1F48B}\u200d\u{1F468}',
  '\u{1F1F7}',
  '\u200d\u{1F466}\u200d\u{1F466}',
  '\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}',
  '\u200d\u{1F308}',
];

describe('xEmojiLengthAt', () => {
  it('finds exactly the emoji twemoji-parser 11 finds, for every code point and continuation', () => {
    const codePoints: number[] = [];
    for (let cp = 0x20; cp < 0x10000; cp++) if (cp < 0xd800 || cp > 0xdfff) codePoints.push(cp);
    for (let cp = 0x1f000; cp < 0x20000; cp++) codePoints.push(cp);
    for (const continuation of CONTINUATIONS) {
      const text = codePoints.map((cp) => `${String.fromCodePoint(cp)}${continuation} `).join('');
      const expected = twemoji.parse(text).map((entity) => entity.indices);
      // Compared as strings: a structural diff of 70,000 ranges is slow; a mismatch still fails.
      expect(JSON.stringify(ours(text))).toBe(JSON.stringify(expected));
    }
  }, 30_000);

  it.each([
    ['👍🏽', 4],
    ['👨‍👩‍👧‍👦', 11],
    ['🏳️‍🌈', 6],
    ['🇷🇴', 4],
    ['1️⃣', 3],
    ['❤︎', 0], // text presentation: not an emoji
    ['©', 0],
    ['©️', 2],
  ])('measures %j as %i code units', (text, expected) => {
    expect(xEmojiLengthAt(text, 0)).toBe(expected);
  });
});
