import { describe, expect, it } from 'vitest';
import { pickMetrics } from './index.js';

describe('pickMetrics', () => {
  it('pickMetrics keeps numeric fields with their names as provenance and leaves missing ones absent', () => {
    const source = { favourites_count: 3, reblogs_count: 0, replies_count: '2' };
    expect(
      pickMetrics(source, { likes: 'favourites_count', shares: 'reblogs_count', comments: 'replies_count', quotes: 'quotes_count' }),
    ).toEqual({
      likes: { value: 3, platformName: 'favourites_count' },
      shares: { value: 0, platformName: 'reblogs_count' },
    });
  });
});
