import fc from 'fast-check';
import twitter from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { validateDraft } from '@smm/core/adapter-kit';
import { X_CAPABILITIES } from './capabilities.js';

const PIECES = [
  'a',
  'Bună ',
  'ș',
  '日本語',
  '한국어',
  'مرحبا',
  '👍🏽',
  '👨‍👩‍👧‍👦',
  '🇷🇴',
  'e\u0301',
  ' ',
  '\n',
  'https://example.com/a',
  ' #launch',
  ' @smm_brand',
  'x'.repeat(40),
];

describe('X capabilities', () => {
  it('accepts exactly the texts twitter-text (the X oracle) finds within 280 weighted characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        const oracle = twitter.parseTweet(text).weightedLength <= 280;
        const problems = validateDraft({ text }, X_CAPABILITIES.content).filter((problem) => problem.code === 'text_too_long');
        expect(problems.length === 0).toBe(oracle);
      }),
      { numRuns: 300 },
    );
  });

  it('declares what X really offers', () => {
    expect(X_CAPABILITIES.idempotency).toEqual({ strategy: 'lookup' });
    expect(X_CAPABILITIES.nativeScheduling).toBe(false);
    expect(X_CAPABILITIES.content.media).toMatchObject({ maxItems: 4, maxPerKind: { image: 4, gif: 1, video: 1 }, mixKinds: false });
    expect([...X_CAPABILITIES.mentionKinds].sort()).toEqual(['mention', 'quote', 'reply']);
  });
});
