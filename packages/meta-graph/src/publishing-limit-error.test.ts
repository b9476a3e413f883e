import { RateLimitError, SmmError } from '@smm/core/errors';
import { describe, expect, it } from 'vitest';
import { PublishingLimitError } from './publishing-limit-error.js';

describe('PublishingLimitError', () => {
  it('is a RateLimitError an app can catch as one, with the quota in its fields', () => {
    const error = new PublishingLimitError({ network: 'threads', what: 'replies', used: 1000, total: 1000, windowSeconds: 86_400 });
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(SmmError.isInstance(error)).toBe(true);
    expect(error.name).toBe('PublishingLimitError');
    expect(error.code).toBe('rate_limited');
    expect(error.platform).toBe('threads');
    expect(error.message).toBe(
      'threads publishing cap reached: 1000 of 1000 replies a rolling 24 h are used; Meta does not say when the oldest frees; try again later.',
    );
  });

  it('writes windows that are not whole hours in minutes or seconds', () => {
    expect(new PublishingLimitError({ network: 'instagram', what: 'posts', used: 5, total: 5, windowSeconds: 5_400 }).message).toContain(
      'a rolling 90 min',
    );
    expect(new PublishingLimitError({ network: 'instagram', what: 'posts', used: 5, total: 5, windowSeconds: 45 }).message).toContain(
      'a rolling 45 s',
    );
  });
});
