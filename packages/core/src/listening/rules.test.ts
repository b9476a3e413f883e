import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { compileRules } from './rules.js';
import { mention } from './__tests__/mentions.js';

describe('compileRules', () => {
  const rules = compileRules([
    { id: 'delivery', query: '("late delivery" OR refund) AND NOT giveaway', languages: ['en'] },
    { id: 'marketing', query: 'تسويق OR بازاریابی', networks: ['x', 'bluesky'] },
    { id: 'big-accounts', minFollowers: 10_000 },
    { id: 'dms', kinds: ['direct_message'] },
  ]);

  it('tags each mention with every rule it matched, in rule order', () => {
    const tagged = rules.tag(
      mention({ id: '1', text: 'Where is my refund?', language: 'en-GB', author: { id: 'a', handle: 'a', followers: 25_000 } }),
    );
    expect(tagged.matchedRules).toEqual(['delivery', 'big-accounts']);
    expect(tagged.text).toBe('Where is my refund?');
  });

  it('applies the language filter on the mention language, else a guess', () => {
    expect(rules.match(mention({ id: '2', text: 'I want a refund', language: 'fr' }))).toEqual([]);
    expect(rules.match(mention({ id: '3', text: 'I want a refund for this' }))).toEqual(['delivery']);
    // Too little text to tell the language: the language filter does not pass.
    expect(rules.match(mention({ id: '4', text: 'refund' }))).toEqual([]);
  });

  it('applies network, kind and follower filters; unknown follower counts do not pass', () => {
    expect(rules.match(mention({ id: '5', platform: 'x', text: 'خدمات التَّسْوِيق' }))).toEqual(['marketing']);
    expect(rules.match(mention({ id: '6', platform: 'mastodon', text: 'خدمات التسويق' }))).toEqual([]);
    expect(rules.match(mention({ id: '7', text: 'بازاريابي', kind: 'direct_message' }))).toEqual(['marketing', 'dms']);
    expect(rules.match(mention({ id: '8', author: { id: 'b', handle: 'b', followers: 9_999 } }))).toEqual([]);
    expect(rules.match(mention({ id: '9', author: { id: 'c', handle: 'c' } }))).toEqual([]);
  });

  it('refuses bad rules with every problem and its path', () => {
    expect.assertions(3);
    try {
      compileRules([
        { id: 'a', query: 'refund AND' },
        { id: 'a', query: '(late' },
        { id: 'b', minFollowers: -1 },
      ]);
    } catch (error) {
      expect(ValidationError.isInstance(error)).toBe(true);
      const issues = (error as ValidationError).issues;
      // Schema problems are reported first, on their own.
      expect(issues.map((issue) => issue.path)).toEqual([[2, 'minFollowers']]);
    }
    try {
      compileRules([
        { id: 'a', query: 'refund AND' },
        { id: 'a', query: '(late' },
      ]);
    } catch (error) {
      expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([
        [0, 'query'],
        [1, 'id'],
        [1, 'query'],
      ]);
    }
  });
});
